"""Training quotekit's own components with spaCy's training loop (see docs/training.md).

Nothing here runs when quotekit analyses a text: these modules only rebuild what ships in
``quotekit/resources``.
"""
