"""What a page may contain: text, ``{% raw %}`` blocks and calls of the guide's macros. Nothing else.

Pages are content that any contributor changes; only ``macros.py``, ``guide/``
and the templates are code. So every page's Jinja is lexed and parsed with the
same delimiters mkdocs-macros uses, before anything is rendered, and only
``{{ macro("literal", key=literal) }}`` passes, with each argument checked
against the data file. Comments, statements, variables (``config``,
``environment``, ``page`` ...), attribute access, subscripts and filters stop
the build with file:line, Found, Expected and Fix.

The text between the calls is checked too: a number typed into prose (``11``,
``eleven``, ``ten to twenty``) stops the build and names the fact to show
instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import jinja2
from jinja2 import nodes

from guide.content.reading import Block, Call, call_index, locate, readable
from guide.data import meaning, numbers, schema
from guide.errors import GuideError, did_you_mean, quote_line
from guide.render.macrospecs import BLOCKS, PARTS, STYLES, Spec

RAW_HINT = "To show braces as text, put them between {% raw %} and {% endraw %}."
MacroSpec = Spec
_CONTROL = re.compile(r"\{[{%][-+]|[-+][}%]\}")


def _env() -> jinja2.Environment:
    # mkdocs-macros' defaults: {{ }}, {% %}, {# #}
    return jinja2.Environment()


def blank_front_matter(text: str, front: str) -> str:
    """``text`` with its front matter block replaced by as many empty lines (line numbers stay right)."""
    return "\n" * front.count("\n") + text[len(front):]


def check_jinja(body: str, shown: str, facts: schema.Facts, macros: Mapping[str, MacroSpec],
                shows: Mapping[str, frozenset[str]] | None = None, errors: list[GuideError] | None = None,
                called: set[str] | None = None) -> set[str]:
    """Check the page ``body`` (front matter blanked); return the fact keys its macro calls show.

    ``shows`` maps a macro to the facts it shows without naming them (read from its template). A problem
    of the page's Jinja as a whole is raised; with ``errors``, a problem of one macro call (a key, an
    argument) is added there and the other calls are still checked.
    """
    env = _env()
    lines = body.splitlines()
    try:
        tokens = list(env.lex(body))
    except jinja2.TemplateSyntaxError as exc:
        raise _syntax(exc, lines, shown) from None
    control = _CONTROL.search(body)
    if control:
        lineno = body.count("\n", 0, control.start()) + 1
        raise GuideError(shown, f"Jinja white-space control '{control.group(0)}' in the page", line=lineno,
                         found=_quote(lines, lineno), expected="macros written {{ fact(\"group.name\") }}, without - or +",
                         fix="remove the - or + next to the braces: it joins the text around the macro into one line. "
                             + RAW_HINT)
    for lineno, kind, _value in tokens:
        if kind == "comment_begin":
            raise GuideError(shown, "a Jinja comment '{#' in the page", line=lineno, found=_quote(lines, lineno),
                             expected="text and macro calls only (a comment hides the text after it, up to '#}')",
                             fix="delete the comment, or keep the note out of the page (an HTML comment is published). "
                                 "For a heading id write '{ #id }' with a space after the brace. " + RAW_HINT)
    try:
        tree = env.parse(body)
    except jinja2.TemplateSyntaxError as exc:
        raise _syntax(exc, lines, shown) from None
    for number, row in enumerate(lines, 1):
        for name in re.findall(r"\{\{\s*(\w+)\s*\(", row):
            if name in BLOCKS and not re.fullmatch(r"\{\{\s*\w+\s*\(.*\)\s*\}\}[ \t]*", row):
                raise GuideError(shown, f"{name}() shares its line with other text", line=number, found=_quote(lines, number),
                                 expected=f"{{{{ {name}(...) }}}} alone on its line, not indented, with a blank line "
                                          "before and after (it makes a list, a picture or a block)",
                                 fix="put the macro on a line of its own, starting at the left margin.")
    used: set[str] = set()
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            raise _not_allowed(node, lines, shown, macros, f"a {{% {_stmt(node)} %}} statement")
        for child in node.nodes:
            if isinstance(child, nodes.TemplateData):
                continue
            try:
                used |= _check_call(child, lines, shown, facts, macros)
            except GuideError as exc:
                if errors is None:
                    raise
                errors.append(exc)
                continue
            if isinstance(child, nodes.Call) and isinstance(child.node, nodes.Name):  # always, once checked
                used |= (shows or {}).get(child.node.name, frozenset())
                if called is not None:
                    called.add(child.node.name)
    return used


def _stmt(node: nodes.Node) -> str:
    return {"Include": "include", "Import": "import", "FromImport": "from ... import", "Assign": "set",
            "AssignBlock": "set", "For": "for", "If": "if", "Macro": "macro", "CallBlock": "call",
            "FilterBlock": "filter", "With": "with", "Block": "block", "Extends": "extends",
            "ExprStmt": "do"}.get(type(node).__name__, type(node).__name__.lower())


def _describe(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return f"the variable '{node.name}'"
    if isinstance(node, nodes.Getattr):
        return f"an attribute ('.{node.attr}')"
    if isinstance(node, nodes.Getitem):
        return "a subscript ('[...]')"
    if isinstance(node, nodes.Filter):
        return f"a filter ('| {node.name}')"
    if isinstance(node, nodes.Test):
        return f"a test ('is {node.name}')"
    if isinstance(node, nodes.Const):
        return "a bare value"
    if isinstance(node, nodes.Call):
        return "a call of something that is not one of the guide's macros"
    return f"a Jinja expression ({type(node).__name__})"


def _not_allowed(node: nodes.Node, lines: list[str], shown: str, macros: Mapping[str, MacroSpec], what: str,
                 hint: str = "") -> GuideError:
    return GuideError(shown, f"{what} in the page", line=node.lineno, found=_quote(lines, node.lineno),
                      expected="text, and calls of the guide's macros with quoted values, such as "
                               '{{ fact("device.needle_count") }} (macros: ' + ", ".join(sorted(macros)) + ")",
                      fix=(hint + " " if hint else "") + "Pages may only call the guide's macros (CONTRIBUTING.md). "
                      + RAW_HINT)


def _check_call(expr: nodes.Node, lines: list[str], shown: str, facts: schema.Facts,
                macros: Mapping[str, MacroSpec]) -> set[str]:
    """One ``{{ ... }}`` of a page: a call of a macro, with literal values that fit its declaration.
    Returns the fact keys it shows."""
    spec, values = _bound_call(expr, lines, shown, macros)
    assert isinstance(expr, nodes.Call)  # _bound_call refuses anything else
    used: set[str] = set()
    if spec.key:
        used = _check_key(spec, values, expr.lineno, shown, facts)
    _check_options(spec, values, expr.lineno, lines, shown)
    return used


def _bound_call(expr: nodes.Node, lines: list[str], shown: str,
                macros: Mapping[str, MacroSpec]) -> tuple[MacroSpec, dict[str, object]]:
    """The macro ``expr`` calls and its values by parameter name; a message for anything but a plain call
    of a known macro with literal values."""
    if not isinstance(expr, nodes.Call) or not isinstance(expr.node, nodes.Name):
        inner = _innermost(expr)
        # Point at the first wrong step: the filter or attribute on a macro call, the .__globals__ of a chain.
        hint = ""
        name = _first_name(expr)
        if name and name not in macros:
            hint = did_you_mean(name, macros)
        elif name:
            hint = f"Write {{{{ {name}(...) }}}} alone: its value cannot be changed in the page."
        raise _not_allowed(inner, lines, shown, macros, _describe(inner), hint)
    name = expr.node.name
    if name not in macros:
        hint = did_you_mean(name, macros)
        raise GuideError(shown, f"unknown macro or variable '{name}'", line=expr.lineno, found=f"'{name}'",
                         expected="one of the guide's macros: " + ", ".join(sorted(macros)),
                         fix=(hint + " " if hint else "") + "See CONTRIBUTING.md for the list of macros.")
    spec = macros[name]
    if expr.dyn_args is not None or expr.dyn_kwargs is not None:
        raise _not_allowed(expr, lines, shown, macros, f"{name}() with *args or **kwargs")
    for arg in [*expr.args, *(kw.value for kw in expr.kwargs)]:
        if not isinstance(arg, nodes.Const):
            found = f"{name}({arg.name})" if isinstance(arg, nodes.Name) else _quote(lines, expr.lineno)
            plain = arg.name if isinstance(arg, nodes.Name) else "..."
            raise GuideError(shown, f"{name}() needs its values in quotes", line=expr.lineno, found=found,
                             expected=f'{name}("{plain}")' if spec.key else "literal values: text in quotes, True or False",
                             fix="write the key in double quotes.")
    # Every value is a constant (checked just above).
    args = [a.value for a in expr.args if isinstance(a, nodes.Const)]
    kwargs = {kw.key: kw.value.value for kw in expr.kwargs if isinstance(kw.value, nodes.Const)}
    try:
        return spec, dict(spec.signature.bind(*args, **kwargs).arguments)
    except TypeError as exc:
        raise GuideError(shown, f"{name}() called with the wrong arguments ({exc})", line=expr.lineno,
                         found=_quote(lines, expr.lineno),
                         expected=spec.usage() if spec.params else f"{name}() with nothing between the brackets",
                         fix="see CONTRIBUTING.md for how to call it.") from None


def _check_key(spec: MacroSpec, values: Mapping[str, object], line: int, shown: str, facts: schema.Facts) -> set[str]:
    """The key a macro takes (a fact's, an expert's or a quote's) is in the data, of a kind the macro shows,
    with a part the fact has. Returns the fact key shown, if any."""
    name = spec.name
    key = next(iter(values.values()), None)
    if not isinstance(key, str):
        raise GuideError(shown, f"{name}() needs the {spec.key} key in quotes", line=line,
                         found=f"{name}() without a quoted key", expected=f'{name}("...")',
                         fix="write the key in double quotes.")
    all_facts = facts.all_facts()
    lookups: dict[str, Mapping[str, object]] = {"fact": all_facts, "expert": facts.experts, "quote": facts.quotes}
    choices = lookups[str(spec.key)]
    if key not in choices:
        hint = did_you_mean(key, choices)
        raise GuideError(shown, f"this page uses the {spec.key} '{key}', which is not in data/facts.yml",
                         line=line, found=f"'{key}'", expected=f"{'an' if spec.key == 'expert' else 'a'} {spec.key} key from data/facts.yml",
                         fix=(hint + " " if hint else "") + "Check the spelling against data/facts.yml.",
                         unknown=(str(spec.key), key))
    if spec.key != "fact":
        return set()
    fact = all_facts[key]
    if spec.kinds and fact.kind not in spec.kinds:
        raise GuideError(shown, f"{name}() needs a {' or '.join(spec.kinds)} fact", line=line,
                         found=f"'{key}', a {fact.kind} fact", expected=f"a fact of kind {' or '.join(spec.kinds)}",
                         fix=f"use fact(\"{key}\") for this fact, or pick a {' or '.join(spec.kinds)} fact.")
    part = values.get("part")
    if name == "fact" and isinstance(fact, schema.ListFact) and any(i.rstrip("”\"’' )").endswith((".", "!", "?"))
                                                                  for i in fact.items):
        raise GuideError(shown, f"the list fact '{key}' is a list of whole sentences, which fact() would run together "
                                "inside one sentence", line=line, key=key, found=f'fact("{key}")',
                         expected=f'fact_list("{key}") on a line of its own (as bullets, steps or checks)',
                         fix=f'Put {{{{ fact_list("{key}", style="steps") }}}} on its own line, after a lead-in '
                             "that ends with a colon.")
    if part is not None:
        allowed = PARTS.get(fact.kind, ())
        if part not in allowed:
            hint = did_you_mean(str(part), allowed)
            raise GuideError(shown, f"a {fact.kind} fact has no part '{part}'", line=line, key=key,
                             found=f"part '{part}'",
                             expected=("one of " + ", ".join(allowed)) if allowed else f"no part (a {fact.kind} fact has none)",
                             fix=(hint + " " if hint else "") + (f'Write fact("{key}") for the whole value.'
                                                                 if not allowed else "Use one of the parts listed."))
    return {key}


EN_MAX_WORDS = 4
"""en() marks an English word or term on a page of another edition ("stratum corneum"): a sentence inside it would be
English that the Spanish checks never read (the fifth no-hints attack put a claim there)."""


@dataclass(frozen=True)
class WordsProblem:
    what: str
    expected: str = 'a few plain English words, such as en("microneedling")'
    fix: str = ("write the English word or term alone (the sentence around it says the rest, where the build reads "
                "it); show a number with its fact macro.")


def english_words_problem(words: str) -> WordsProblem | None:
    """What is wrong with the words given to ``en()``: markup, a number, more than a term, a claim; ``None`` if nothing."""
    claim = meaning.advice(words, "en")
    problem = schema.plain_text_problem(words, schema.EMPHASIS) or (
        f"a number typed into it ('{numbers.typed_number(words, 'en')}')" if numbers.typed_number(words, "en") else
        f"more than {EN_MAX_WORDS} words" if len(words.split()) > EN_MAX_WORDS else
        f"a claim or advice ('{claim.word}', {claim.kind})" if claim else "" if words.strip() else "it is empty")
    return WordsProblem(f"en() takes plain English words: {problem}") if problem else None


def _check_options(spec: MacroSpec, values: Mapping[str, object], line: int, lines: list[str], shown: str) -> None:
    """A list style from the list, words in quotes, full= True or False."""
    if "style" in values and values["style"] not in STYLES:
        hint = did_you_mean(str(values["style"]), STYLES)
        raise GuideError(shown, f"unknown list style '{values['style']}'", line=line,
                         found=f"style=\"{values['style']}\"", expected="style one of " + ", ".join(STYLES),
                         fix=(hint + " " if hint else "") + "Use one of the styles listed.")
    if any(p.takes == "words" and not isinstance(values.get(p.name), str) for p in spec.params):
        raise GuideError(shown, f"{spec.name}() takes words in quotes", line=line, found=_quote(lines, line),
                         expected=f'{spec.example}', fix="write the words in double quotes.")
    for param in spec.params:
        problem = english_words_problem(str(values[param.name])) if param.takes == "words" else None
        if problem:
            raise GuideError(shown, problem.what, line=line, found=_quote(lines, line), expected=problem.expected,
                             fix=problem.fix)
    if "full" in values and not isinstance(values["full"], bool):
        raise GuideError(shown, "full= takes True or False", line=line, found=f"full={values['full']!r}",
                         expected="full=True or full=False", fix="write True or False, without quotes.")


def _innermost(node: nodes.Node) -> nodes.Node:
    """The first wrong step of an expression: ``.__globals__`` in ``fact.__globals__[...].popen(...)``."""
    while True:
        inner = getattr(node, "node", None)
        if not isinstance(inner, nodes.Node) or isinstance(inner, nodes.Name) or (
                isinstance(inner, nodes.Call) and isinstance(inner.node, nodes.Name)):
            return node
        node = inner


def _first_name(node: nodes.Node) -> str | None:
    for child in node.find_all(nodes.Name):
        return child.name
    return node.name if isinstance(node, nodes.Name) else None


def _quote(lines: list[str], lineno: int | None) -> str:
    return quote_line(lines, lineno) or "the end of the page"


def _syntax(exc: jinja2.TemplateSyntaxError, lines: list[str], shown: str) -> GuideError:
    # Jinja often notices a lone {{ or {% only at the next brace or at the end of the page:
    # point at the line that opened it instead.
    last = min(exc.lineno or len(lines), len(lines))
    for i, row in enumerate(lines[:last], 1):
        for opener, closer in (("{{", "}}"), ("{%", "%}")):
            at = row.find(opener)
            while at != -1:
                if closer not in row[at + 2:]:
                    return GuideError(shown, f"a '{opener}' with no '{closer}' after it on the same line", line=i,
                                      found=_quote(lines, i), expected='macros written like {{ fact("group.name") }}, '
                                      "each on one line", fix="close the macro call, or, if the braces are meant as text, "
                                      "put them between {% raw %} and {% endraw %}.")
                at = row.find(opener, row.find(closer, at + 2) + 2)
    return GuideError(shown, f"template syntax error: {exc.message}", line=exc.lineno, found=_quote(lines, exc.lineno),
                      expected='macros written like {{ fact("group.name") }}',
                      fix="check the {{ }} and {% %} brackets on this line. " + RAW_HINT)


# --- what Python-Markdown reads slowly ----------------------------------------

PARAGRAPH_LIMITS = {"[": 100, "<": 100, "*": 400, "_": 400}
PAGE_LIMITS = {"[": 200, "<": 200, "*": 1000, "_": 1000, "`": 400}
"""Most of each character a paragraph, and a page, may hold. Python-Markdown reads unmatched brackets in
cubic time (5,000 '[' took 25 s) and unclosed tags in quadratic time across the page: every engine renders
pages with it, so a page past these limits would hang the build. The guide's pages use a few of each.
Backticks: each pair is a code element that every later step reads (3,600 in a page took 4 s to check)."""
MAX_QUOTE_DEPTH = 10
MAX_PARAGRAPH = 4_000
"""Most characters between two blank lines (the longest paragraph in the guide's pages today has 903, in
docs-es/index.md). Python-Markdown reads a paragraph's inline marks (escapes, entities, code spans, line
breaks) in quadratic time: this bounds that time whatever the marks are."""
MAX_BREAKS = 20
"""Most hard line breaks (lines ending in two spaces) one paragraph may hold. Python-Markdown
reads a paragraph's inline marks in quadratic time: 25,000 breaks in one paragraph took 52 s to build (none
in the guide's pages today)."""
MAX_BACKTICKS = 60
"""Most backticks one paragraph may hold (thirty code spans): each code span costs a pass over the rest of the
paragraph, like a line break (a paragraph of 25,000 took 26 s to render; none in the guide's pages today)."""


def check_paragraph_limits(body: str, shown: str) -> None:
    """Refuse a paragraph that Markdown would take minutes to read (counted in one pass, before any rendering)."""
    for char, most in PAGE_LIMITS.items():
        count = body.count(char)
        if count > most:
            at = body[:body.index(char)].count("\n") + 1
            raise GuideError(shown, f"a page with {count} '{char}' characters", line=at, found=_quote(body.splitlines(), at),
                             expected=f"at most {most} in one page", fix="split the page, or write fewer of them.")
    line = 1
    for paragraph in re.split(r"(\n[ \t]*\n)", body):
        if paragraph.strip() and len(paragraph) > MAX_PARAGRAPH:
            raise GuideError(shown, f"a paragraph of {len(paragraph)} characters", line=line,
                             found=_quote(body.splitlines(), line),
                             expected=f"at most {MAX_PARAGRAPH} characters between two blank lines (the guide's longest "
                                      "paragraph has about 900)",
                             fix="split it into shorter paragraphs, with a blank line between them.")
        if paragraph.strip():
            for char, most in PARAGRAPH_LIMITS.items():
                count = paragraph.count(char)
                if count > most:
                    at = line + paragraph[:paragraph.index(char)].count("\n")
                    raise GuideError(shown, f"a paragraph with {count} '{char}' characters", line=at,
                                     found=_quote(body.splitlines(), at), expected=f"at most {most} in one paragraph",
                                     fix="split the paragraph, or write the characters in `backticks` on lines of their own.")
            breaks = [i for i, row in enumerate(paragraph.split("\n")) if row.endswith("  ")]
            if len(breaks) > MAX_BREAKS:
                at = line + breaks[0]
                raise GuideError(shown, f"a paragraph with {len(breaks)} line breaks (lines ending in two spaces)",
                                 line=at, found=_quote(body.splitlines(), at),
                                 expected=f"at most {MAX_BREAKS} line breaks in one paragraph",
                                 fix="split it into paragraphs (a blank line between them) or into a list, or remove "
                                     "the spaces at the ends of the lines.")
            ticks = paragraph.count("`")
            if ticks > MAX_BACKTICKS:
                at = line + paragraph.count("\n", 0, paragraph.index("`"))
                raise GuideError(shown, f"a paragraph with {ticks} backticks", line=at, found=_quote(body.splitlines(), at),
                                 expected=f"at most {MAX_BACKTICKS} backticks (thirty `code` spans) in one paragraph",
                                 fix="split the paragraph, or put the code in a fenced block (``` lines before and after).")
            for number, row in enumerate(paragraph.split("\n"), line):
                stripped = row.lstrip(" \t")
                depth = len(stripped) - len(stripped.lstrip("> \t").lstrip()) if stripped.startswith(">") else 0
                if stripped.startswith(">") and stripped[:depth].count(">") > MAX_QUOTE_DEPTH:
                    raise GuideError(shown, "quotes nested too deeply", line=number, found=_quote(body.splitlines(), number),
                                     expected=f"at most {MAX_QUOTE_DEPTH} '>' at the start of a line",
                                     fix="flatten the quotes: a reader follows one or two levels.")
        line += paragraph.count("\n")


# --- snippet lines ----------------------------------------------------------

_SNIPPET = re.compile(r"^[ \t]*-+8<-+", re.M)


_RAW_MARK = re.compile(r"\{%[-+]?\s*(?:end)?raw\s*[-+]?%\}")


def unraw(body: str) -> str:
    """``body`` without its ``{% raw %}``/``{% endraw %}`` markers: what Markdown will get (lines unchanged)."""
    return _RAW_MARK.sub("", body)


_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def check_invisible(body: str, shown: str) -> None:
    """Refuse invisible characters (soft hyphens, zero-width spaces, right-to-left overrides): they hide
    words and numbers from the checks and from editors, while a reader sees something else."""
    match = _INVISIBLE.search(body)
    if match:
        line = body.count("\n", 0, match.start()) + 1
        raise GuideError(shown, f"an invisible character (U+{ord(match.group(0)):04X}) in the page", line=line,
                         found=_quote(body.splitlines(), line).replace(match.group(0), "[here]"),
                         expected="visible text only", fix="delete the character: retype the word around it.")


def check_snippets(body: str, shown: str) -> None:
    """Refuse ``--8<--`` lines: they pull a file into the page (pymdownx.snippets), even from code or raw blocks.

    The glossary is appended to every page by mkdocs.yml; a page has no other
    file to include, and a link committed in the repository could point anywhere.
    """
    body = unraw(body)
    match = _SNIPPET.search(body)
    if match:
        line = body.count("\n", 0, match.start()) + 1
        raise GuideError(shown, "a snippet line, which pulls another file into the page", line=line,
                         found=_quote(body.splitlines(), line), expected="the page's own text and macro calls",
                         fix="write the text into the page, or show a fact with its macro. "
                             "A page cannot show the marker itself, not even in code or between {% raw %} and {% endraw %}.")


# --- HTML and links in prose --------------------------------------------------

TAGS = ("div", "span", "p", "br", "details", "summary", "abbr", "time", "kbd", "sup", "sub", "small", "strong",
        "em", "b", "i", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "hr")
"""HTML tags a page may use around its text (layout only: nothing that loads, runs or submits)."""

_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]*`", re.S | re.M)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)([^<>]*)>")
_BAD_ATTR = re.compile(r"""(?:^|\s)(on\w+|style|src|href|action|formaction|srcdoc|xlink:href)\s*=""", re.I)
_LINK = re.compile(r"(!?)\[[^\[\]\n]*\]\(\s*<?([^)\s>]*)")
_REF_DEF = re.compile(r"^[ \t]{0,3}()\[[^\]\n]+\]:[ \t]*<?(\S*)", re.M)
_REF_IMAGE = re.compile(r"!\[[^\]\n]*\]\[")
PICTURE_EXPECTED = ('pictures shown with {{ picture("name.webp", alt="...") }}, alone on its line, from the pictures/ '
                    "folder (checked there, published without metadata, with its size)")
PICTURE_FIX = ('put the file in pictures/ and write {{ picture("pen-device.webp", alt="What the picture shows") }} '
               "instead (CONTRIBUTING.md: Add a picture).")
_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.I)
ATTRS = ("class", "id", "title", "datetime", "markdown")
"""The only attributes a page's HTML tags may carry."""
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_ATTR_NAME = re.compile(r"""(?:^|\s)([^\s=/"'>]+)(?=\s*=|\s|$)""")
_THEME_NAME = re.compile(r"""(?:class|id)\s*=\s*["']?[^"'>]*?\b((?:md-|__)[\w-]*)""", re.I)
_JINJA = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}")
_BRACES = re.compile(r"\{[^{}\n]*\}|[{}]")
_ATTR_TOKEN = re.compile(r"[#.][A-Za-z][\w-]*")


def check_markup(body: str, shown: str) -> None:
    """Raw HTML only from a short list of layout tags, no event or style attributes; links only to
    https:, mailto: or pages of the site; pictures only from the site (no third-party requests).

    Checked everywhere but in code (Markdown shows code as text), raw blocks included:
    their content still reaches the page as Markdown. The first problem found raises; the rendered
    page's allowlist (rendered.py) is the final word, this gives the early, source-line message.
    """
    body = unraw(body)
    text = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)
    lines = body.splitlines()

    def stop(at: int, what: str, expected: str, fix: str) -> GuideError:
        line = text.count("\n", 0, at) + 1
        return GuideError(shown, what, line=line, found=_quote(lines, line), expected=expected, fix=fix)

    _check_tags(text, stop)
    _check_braces(text, stop)
    _check_links(text, stop)


_Stop = Callable[[int, str, str, str], GuideError]
"""Makes the message for a problem at an offset of the page: (offset, what, expected, fix)."""


def _check_tags(text: str, stop: _Stop) -> None:
    """Tags and autolinks: tags from TAGS with attributes from ATTRS, none of the theme's names."""
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if ":" in name or "@" in match.group(0):  # an autolink, <https://...> or <name@example.com>
            if not (name == "https:" or (name == "mailto:") or ("@" in match.group(0) and ":" not in name)):
                raise stop(match.start(), f"a '{name}' link in the page", "links to https:// addresses, "
                           "mailto: addresses or pages of the site", "link to an https:// address or a page of the site.")
            continue
        if name not in TAGS:
            raise stop(match.start(), f"the HTML tag <{name}> in the page",
                       "text, Markdown, and only these tags: " + ", ".join(TAGS),
                       "write it in Markdown, or show the content through a macro. "
                       "To show angle brackets as text, put them in `backticks`.")
        bad = _BAD_ATTR.search(match.group(3))
        names = [a.lower() for a in _ATTR_NAME.findall(_QUOTED.sub('""', match.group(3)))]
        other = next((a for a in names if a not in ATTRS), None)
        if bad or other:
            raise stop(match.start(), f"the HTML attribute '{bad.group(1) if bad else other}' in the page",
                       "tags with " + ", ".join(ATTRS) + " attributes only",
                       "remove the attribute; styles live in overrides/stylesheets/, links are written in Markdown.")
        theirs = _THEME_NAME.search(match.group(3))
        if theirs:
            raise stop(match.start(), f"the theme's own name '{theirs.group(1)}' in the page",
                       "class and id names of the guide's own (Material's start with md- or __)",
                       "use another name: the theme's script and styles act on its own names.")


def _check_braces(text: str, stop: _Stop) -> None:
    """Braces outside macro calls: attribute lists with ids and classes only."""
    for match in _BRACES.finditer(_JINJA.sub(lambda m: " " * len(m.group(0)), text)):
        group = match.group(0)
        tokens = group.strip("{}").lstrip(":").split()
        if group.startswith("{") and group.endswith("}") and tokens and all(_ATTR_TOKEN.fullmatch(t) for t in tokens):
            continue  # an attribute list with ids and classes only: { #my-id } or {: .sheet-intro }
        raise stop(match.start(), f"'{group.strip()[:40]}' in the page",
                   "text, macro calls, and attribute lists with ids and classes only, such as { #my-id } or {: .note }",
                   "remove it: an attribute list may only give an id (#...) or a class (.name). " + RAW_HINT)


def _check_links(text: str, stop: _Stop) -> None:
    """Links to https:, mailto: or the site's pages; no picture written in Markdown (the picture macro shows them)."""
    for match in _REF_IMAGE.finditer(text):
        raise stop(match.start(), "a picture by reference in the page", PICTURE_EXPECTED, PICTURE_FIX)
    for match in [*_LINK.finditer(text), *_REF_DEF.finditer(text)]:
        image, target = match.group(1), match.group(2)
        scheme = _SCHEME.match(target)
        if "&" in target or "\\" in target:
            raise stop(match.start(), "a link address with '&' or a backslash in the page",
                       "a plain address (https://..., or a page of the site)",
                       "write the address without character codes.")
        if target.startswith("//"):
            raise stop(match.start(), "a link or picture address starting with '//' (another site) in the page",
                       "links to https:// addresses or pages of the site; pictures stored in the site",
                       "write the full https:// address for a link; remove a picture from another site.")
        if image and scheme:
            raise stop(match.start(), "a picture from another site in the page",
                       "pictures stored in the site, linked by a relative path",
                       "remove it: a picture from another site makes every reader's browser contact that site.")
        if image:
            raise stop(match.start(), "a picture written in Markdown in the page", PICTURE_EXPECTED, PICTURE_FIX)
        if scheme and scheme.group(1).lower() not in ("https", "mailto"):
            raise stop(match.start(), f"a '{scheme.group(1)}:' link in the page",
                       "links to https:// addresses, mailto: addresses or pages of the site",
                       "link to an https:// address or a page of the site.")


# --- numbers typed into prose --------------------------------------------------


def number_hints(facts: schema.Facts) -> dict[tuple[float, str], list[str]]:
    """For each number and unit a fact gives, the facts that give it ("fact" keys, with "@part" when the
    number is one part of a range or schedule): what a typed number's message suggests instead."""
    out: dict[tuple[float, str], list[str]] = {}
    for key, fact in facts.all_facts().items():
        part = "" if isinstance(fact, schema.NumberFact) else "@part"
        for number, unit in schema.fact_numbers_with_units(fact):
            keys = out.setdefault((float(number), unit), [])
            if key + part not in keys:
                keys.append(key + part)
    return out


def number_subjects(facts: schema.Facts) -> dict[float, list[tuple[str, frozenset[str]]]]:
    """For each number a fact gives, the fact and the words of what it counts (its label's and unit's):
    a number word with one of them near it states the fact ("The tip has eleven of them")."""
    out: dict[float, list[tuple[str, frozenset[str]]]] = {}
    for key, fact in facts.all_facts().items():
        for number, unit in schema.fact_numbers_with_units(fact):
            out.setdefault(float(number), []).append((key, numbers.subject_words(fact.label, unit)))
    return out


def check_numbers(body: str, shown: str, facts: schema.Facts, lang: str = "en") -> None:
    """A number that states a figure in plain text (a title, a description): raise the first one.

    Pages are read on what Markdown makes of them (``guide.content.rendered``), with the same rule."""
    lines = body.splitlines()
    hints = number_hints(facts)
    for row in lines:
        for claim in numbers.page_claims(row, lang):
            raise number_error(shown, lines, row, claim, {}, hints)


def list_nouns(facts: schema.Facts) -> dict[str, list[tuple[str, int]]]:
    """For the noun each complete list's label names its items by ("question"), the lists and their number of
    items: a count typed before that noun must be the list's ("the 4 questions")."""
    out: dict[str, list[tuple[str, int]]] = {}
    for key, fact in facts.all_facts().items():
        if isinstance(fact, schema.ListFact) and fact.scope == "complete" and (noun := numbers.list_noun(fact.label)):
            out.setdefault(noun, []).append((key, len(fact.items)))
    return out


def list_count_errors(blocks: Sequence[Block], calls: Mapping[int, Call], shown: str, lines: list[str], lang: str,
                      facts: schema.Facts) -> list[GuideError]:
    """A count that is not the number of items of the fact list its noun names, one message each: "the 3
    questions on the sheet" when data/facts.yml lists 4."""
    nouns = list_nouns(facts)
    errors: list[GuideError] = []
    for block in blocks:
        text = block.text
        for claim, key, count in numbers.list_counts(text, lang, nouns):
            if any(start <= claim.start < end for start, end in block.code):
                continue
            line = locate(lines, text[claim.start:claim.start + 40].split("\n")[0].strip()) or \
                locate(lines, claim.word)
            errors.append(GuideError(
                shown, f"a count that is not its list's: '{claim.word}'", line=line,
                found=f"'{readable(around(text, claim.start, claim.end), calls)}': {claim.value:g}, but the fact {key} in "
                      f"data/facts.yml lists {count}",
                expected=f"the number of items the fact {key} lists ({count}), or no number",
                fix=f"write {count} (the count data/facts.yml gives), or drop the number ('"
                    f"{(text[:claim.start].split() or [''])[-1]} {claim.word.split()[-1]}'); to show the list itself, write {{{{ fact_list(\"{key}\") }}}}."))
    return errors


FIGURES = (schema.NumberFact, schema.RangeFact, schema.ScheduleFact)
"""The facts that give a figure: shown inline, the words around them must say what the figure is."""


def _about(fact: schema.FactT) -> frozenset[str]:
    """What a fact is about, as the first five letters of its words (its label's, its unit's and its passage's:
    "Time for the numbing cream to work": numbi, cream; "deep" in its passage for a depth)."""
    return frozenset(w[:5] for w in numbers.subject_words(fact.label, getattr(fact, "unit", "") or "", fact.source))


def context_errors(blocks: Sequence[Block], calls: Mapping[int, Call], shown: str, lines: list[str],
                   facts: schema.Facts) -> list[GuideError]:
    """A figure shown by ``fact(...)`` where nothing around it says what it is: no word of what the fact is about
    (:func:`_about`) in its paragraph, list item or cell, in the heading or lead-in over it, or in what the other
    facts shown there are about. "Stay out of the sun for {{ fact("appointment.numbing_time") }}" shows a true
    figure as a claim the article does not make (the sixth no-hints attack)."""
    every = facts.all_facts()
    errors: list[GuideError] = []
    for block in blocks:
        texts = [block.text, *block.context]
        shows = [calls[i] for text in texts for char in text
                 if (i := call_index(char)) is not None and i in calls]
        words = {w[:5] for w in numbers.subject_words(*texts)}
        for call in shows[:sum(1 for char in block.text if call_index(char) in calls)]:
            fact = every.get(call.key or "")
            if call.name != "fact" or not isinstance(fact, FIGURES) or not (about := _about(fact)):
                continue
            around = words.union(*(_about(every[other.key]) for other in shows
                                   if other is not call and other.key in every and other.key != call.key))
            if about & around:
                continue
            errors.append(GuideError(
                shown, f"a figure shown where nothing around it says what it is: {call.key}", line=call.line,
                found=f"'{readable(block.text, calls)[:120]}'",
                expected=f"words beside it that say what it is ({fact.label}): in the same paragraph, item or cell, "
                         "or in the heading or lead-in over it",
                fix="name what the figure is about beside it (for this fact, a word such as "
                    + " or ".join(f"'{w}'" for w in sorted(numbers.subject_words(fact.label))[:3])
                    + "), or show it where the page speaks of that: a true figure in the wrong place tells the reader "
                      "something the article does not say."))
    return errors


NumberHint = Mapping[tuple[float, str], list[str]]
"""For each (number, unit) the facts that give it: the fact a typed number should be shown through."""


def number_error(shown: str, lines: list[str], text: str, claim: numbers.Claim, calls: Mapping[int, Call],
                 suggest: NumberHint, subjects: numbers.Subjects | None = None) -> GuideError:
    context = text[claim.start:claim.start + 40].split("\n")[0]
    line = locate(lines, context.strip()) or locate(lines, claim.word)
    keys = suggest.get((claim.value, claim.unit), []) if claim.value is not None and claim.unit is not None else []
    # (a number with no unit is a fact's only by what the text names: "over 30" is no SPF, the thirteenth new-editor trial)
    if not keys and claim.unit is None and claim.value not in (None, 0, 1):
        # no unit: a fact only when the text also names what it counts ("The tip has 11 of them": the tip's needles)
        parts = {k for found in suggest.values() for k in found}
        keys = [k + "@part" if k + "@part" in parts else k for k in numbers.named_keys(text, claim.value, subjects or {})]
    other = [] if keys else _same_subject(text, claim, subjects or {})
    if keys:
        fix = ("show the fact with its macro instead: " + " or ".join(f'{{{{ fact("{k}") }}}}' for k in keys[:3])
               + (" (or one of its parts)" if any("@part" in k for k in keys[:3]) else "")
               + ", so the page follows data/facts.yml.")
        fix = fix.replace("@part", "")
    elif other:
        fix = ("data/facts.yml already gives the article's figure for this: show it with "
               + " or ".join(f'{{{{ fact("{k}") }}}}' for k in other[:2]) + f" instead of '{claim.word}'.")
    else:
        fix = numbers.no_fact_fix(text, claim)
    return GuideError(shown, f"a number typed into the page: '{claim.word}'", line=line,
                      found=f"'{readable(around(text, claim.start, claim.end), calls)}'",
                      expected="numbers only from data/facts.yml, through the macros", fix=fix)


def _same_subject(text: str, claim: numbers.Claim, subjects: numbers.Subjects) -> list[str]:
    """The facts in the same unit as ``claim`` whose subject ``text`` names besides the unit ("Numbing takes 30
    minutes": appointment.numbing_time, whose figure is another): the fact an editor means, for the message."""
    if claim.unit is None:
        return []
    said = {w[:5] for w in numbers.subject_words(text)}
    unit = {w[:5] for w in numbers.subject_words(claim.unit)}
    if not unit:
        return []  # a short unit ("mm", "cm") is no word of a subject: the fact of the same number and unit, or none
    return sorted({key for found in subjects.values() for key, about in found
                   if unit <= {w[:5] for w in about} and (said - unit) & {w[:5] for w in about}})


def around(text: str, start: int, end: int, width: int = 40) -> str:
    """The words around ``text[start:end]`` (a number), about ``width`` characters each side, cut at a word and
    marked "..." where cut: what a message shows of a long paragraph, so the editor sees the number refused."""
    before, after = text[max(0, start - width):start], text[end:end + width]
    if start > width and " " in before.strip():
        before = "..." + before[before.index(" ", 1 if before[:1] == " " else 0):].lstrip()
    if end + width < len(text) and " " in after.strip():
        after = after[:after.rstrip().rindex(" ")].rstrip() + "..."
    return " ".join((before + text[start:end] + after).split())
