"""The browser tests: the HTML view opened in a real headless chromium.

They need Debian's ``chromium`` on PATH (``apt-get install -y chromium``; ``.ci/run``
installs it). They fail, rather than skip, when it is missing, so that CI cannot pass
without having run them. Run only them with ``python -m pytest tests/browser``, or leave
them out with ``-m "not browser"``.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # pyproject's --strict-markers refuses unregistered markers; this conftest owns this one.
    config.addinivalue_line(
        "markers", "browser: opens pages in headless chromium (apt-get install -y chromium)"
    )
