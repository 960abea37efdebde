"""The guide's library, in four layers, each importing only the layers before it:

* ``guide.data``: the facts, the article, the edition's strings and the words they are written in;
* ``guide.render``: what the macros render from the facts;
* ``guide.content``: the checks of pages and prose, on what Markdown makes of them;
* ``guide.build``: pre-flight, the engine adapters, and the steps after a build.

``guide.errors`` (the editor's message, ``GuideError``) is shared by all of them. Nothing in this package
imports MkDocs, so the same code serves the MkDocs build, the Zensical build and the commands in ``tools/``.
"""
