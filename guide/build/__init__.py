"""Layer 4, the build: the pre-flight every build starts with (``preflight``), what it hands the engine's
build (``handoff``), the project the macros draw on (``library``), the engine adapters (``engine``),
the steps after an engine writes the site (``postbuild``, ``csp``) and the site's address (``siteurl``).

May import every layer below it.
"""
