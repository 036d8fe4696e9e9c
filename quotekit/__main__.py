"""``python -m quotekit``: the same as the ``quotekit`` command."""

from quotekit.cli import main

raise SystemExit(main())
