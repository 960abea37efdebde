"""The guide's library: the data (facts, schema, loader), the checks of pages and prose, what the macros
render, and the build steps before and after an engine runs.

Nothing in this package imports MkDocs, so the same code serves the MkDocs build, the Zensical build and
the commands in ``tools/``.
"""
