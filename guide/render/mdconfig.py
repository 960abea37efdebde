"""The Markdown the pages are written in: one list of extensions and their options, per edition.

Every site configuration (``mkdocs.yml``, ``mkdocs.es.yml``, ``zensical*.yml``, ``preview*.yml``)
must give exactly this list (the pre-flight check compares them), and the page check renders each
page with it before any engine runs (``guide.content.rendered``): what the check reads is what Markdown
makes of the page, never a guess made with regular expressions.
"""

from __future__ import annotations

import copy
from typing import Any

import markdown

GLOSSARY_FILE = {"en": "abbreviations.md", "es": "abbreviations.es.md"}
"""The glossary each edition appends to every page (pymdownx.snippets ``auto_append``, in ``includes/``)."""
PERMALINK_TITLE = {"en": "Permanent link", "es": "Enlace permanente"}
"""The title of the link beside each heading (``toc.permalink_title``)."""

Extension = tuple[str, dict[str, Any]]


def extensions(lang: str = "en") -> list[Extension]:
    """The Markdown extensions of the ``lang`` edition, with their options, in the configuration's order."""
    return [
        ("abbr", {}),
        ("admonition", {}),
        ("attr_list", {}),
        ("def_list", {}),
        ("md_in_html", {}),
        ("tables", {}),
        ("toc", {"permalink": True, "permalink_title": PERMALINK_TITLE[lang]}),
        ("pymdownx.details", {}),
        ("pymdownx.superfences", {}),
        ("pymdownx.tasklist", {"custom_checkbox": False}),
        # Snippets only from includes/ (the glossary): a page cannot pull in any other file.
        ("pymdownx.snippets", {"base_path": ["includes"], "restrict_base_path": True,
                               "auto_append": [GLOSSARY_FILE[lang]], "check_paths": True}),
    ]


def as_config(lang: str = "en") -> list[str | dict[str, dict[str, Any]]]:
    """:func:`extensions` as a configuration file writes them (a name, or ``{name: options}``)."""
    return [{name: copy.deepcopy(options)} if options else name for name, options in extensions(lang)]


def make(lang: str = "en", replace: dict[str, dict[str, Any]] | None = None) -> markdown.Markdown:
    """A Markdown converter with the edition's extensions; ``replace`` overrides one extension's options
    (the page check points snippets at an empty folder, so any snippet line is an error it reports)."""
    names, configs = [], {}
    for name, options in extensions(lang):
        names.append(name)
        configs[name] = {**options, **(replace or {}).get(name, {})}
    return markdown.Markdown(extensions=names, extension_configs=configs)
