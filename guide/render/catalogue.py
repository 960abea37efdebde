"""The catalogue of each edition (``includes/strings/<lang>.yml``): whole sentences and labels, each with
named placeholders (``{expert}``, ``{count}``) that the partials and pictures fill with values already
rendered (``guide.render.text``; a link or an ``<abbr>`` goes in as a value, never as catalogue text).

A translation may put the placeholders in any order; it has the same ones as the English sentence
(``guide.data.lang.load_strings`` checks). Filling is strict both ways: a placeholder with no value, or a
value the sentence has no placeholder for (a fact that would silently drop off the page), is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from markupsafe import Markup, escape

from guide.data.lang import NAME_FORM, PLACEHOLDER


def _fill(template: str, values: Mapping[str, object], put: Callable[[re.Match[str]], str]) -> str:
    names = set(PLACEHOLDER.findall(template))
    missing = sorted(names - set(values))
    unused = sorted(set(values) - names - NAME_FORM)  # a doctor's title or credentials: a language uses one
    if missing or unused:
        problem = (f"no value for {', '.join('{' + n + '}' for n in missing)}" if missing
                   else f"no place for {', '.join('{' + n + '}' for n in unused)}")
        raise ValueError(f"the string '{template}' has {problem}: the template and the string must name the same values")
    return PLACEHOLDER.sub(put, template)


def text(template: str, **values: object) -> str:
    """A catalogue string with its placeholders filled in, as plain text (pictures, fact values)."""
    return _fill(template, values, lambda m: str(values[m[1]]))


def sentence(template: str, **values: object) -> str:
    """``text`` as a whole sentence: its first letter a capital."""
    return capital(text(template, **values))


def fill(template: str, **values: object) -> Markup:
    """The same for a partial: the string is text (escaped), a value is escaped unless it is already markup
    (a fact through ``v()``, a link made in the partial)."""
    return Markup(_fill(str(escape(template)), values, lambda m: str(escape(values[m[1]]))))


def say(template: str, **values: object) -> Markup:
    """A whole sentence: ``fill``, with its first letter a capital (a speaker that opens it: "The article says")."""
    filled = fill(template, **values)
    return filled[:1].upper() + filled[1:]


def capital(words: str) -> str:
    """Capitalise the first letter only (Jinja's ``capitalize`` lowercases the rest)."""
    return words[:1].upper() + words[1:]


TEMPLATE_GLOBALS = {"fill": fill, "say": say}
"""What the partials call to fill a catalogue string: ``{{ say(s.gl_pain, expert=who("recovery.pain"), ...) }}``."""
