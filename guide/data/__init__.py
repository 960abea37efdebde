"""Layer 1, the data: the facts (``schema``, ``loader``), the article and each fact's passage in it
(``passages``), the edition's strings (``lang``), and the words both are written in: number words
(``numbers``), the doctors' names (``speakers``) and what a sentence claims (``meaning``).

Imports nothing from the layers above it (render, content, build).
"""
