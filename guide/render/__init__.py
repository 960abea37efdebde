"""Layer 2, what the macros render: each macro's one declaration (``macrospecs``), facts as plain text
(``text``), the figures (``figures``) and the Markdown settings every configuration must give
(``mdconfig``).

Imports the data layer only.
"""
