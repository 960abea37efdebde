"""The guide's data layer: the facts schema, its loader, and page checks.

Nothing in this package imports MkDocs, so the same code serves the MkDocs
build, the Zensical build and the command-line tools in ``guide.cli``.
"""
