"""Layer 3, the checks of what editors write: a page's Jinja and macro calls (``pagecheck``), the page as
Markdown renders it, read with the browsers' parser (``rendered``) against the HTML allowlist
(``htmlcheck``), who said what (``attribution``), a page's front matter (``frontmatter``), the whole site's
pages and their pairs (``pages``), pictures (``pictures``) and the Spanish edition's words (``spanish_words``).

Imports the data and render layers, never the build layer.
"""
