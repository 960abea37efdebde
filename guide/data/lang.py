"""Two editions from one facts file: the Spanish wording and the per-language template strings.

* ``data/facts.yml`` holds every key, number, unit, speaker and source passage.
* ``data/facts.es.yml`` holds only the Spanish *wording* of its text: the labels, text values,
  list items, notes, ``for_whom`` and ``starts_after`` lines, quotes (our translation), not-covered topics, the
  source's ``kind`` and the experts' title and roles. The keys must be exactly those of
  ``data/facts.yml``: a missing or an extra wording stops the build with file:line, the key
  and the fix. It holds no numbers (a digit in it stops the build): numbers are never
  written twice.
* ``data/facts.es.lock`` records which English each Spanish wording was last checked against
  (``guide.data.translock``): an English text changed since, or never checked, stops the build
  until an editor checks the Spanish and runs `make translated`.
* ``includes/strings/en.yml`` and ``includes/strings/es.yml`` hold the words the templates
  and pictures print around the facts ("Not stated", "Last reviewed", table headings ...).
  Both files must have the same keys.

``localize()`` returns a ``Facts`` whose wording is Spanish and whose numbers, speakers and
passages are those of ``data/facts.yml``: everything downstream (macros, page checks,
pictures) works on it unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from guide.data import meaning, passages, schema, speakers, translation, translock
from guide.data.numbers import COUNT_WORDS, NUMBER_WORDS, count_value, typed_number
from guide.data.yamlsrc import KEY, dotted, line_of, load_with_lines
from guide.errors import GuideError, GuideErrors, did_you_mean, quoted

LANGS = ("en", "es")
WORDING_FILE = {"es": "data/facts.es.yml"}
LOCK_FILE = {lang: translock.lock_name(wording) for lang, wording in WORDING_FILE.items()}
"""Which English each wording was last checked against (``guide.data.translock``; written by `make translated`)."""
STRINGS = "includes/strings"

# The wording keys of each part of data/facts.yml (everything else there is data, not words).
_FACT_WORDS = {"number": ("label",), "range": ("label",), "text": ("label", "value"), "list": ("label", "items"),
               "schedule": ("label", "for_whom", "starts_after"), "not_stated": ("label", "note")}
_SOURCE_WORDS = ("kind",)
_EXPERT_WORDS = ("title", "role", "short_role")
_QUOTE_WORDS = ("text",)
_SILENCE_WORDS = ("topic",)
Path_ = tuple[Any, ...]
"""A wording's place in the data: ('facts', 'device', 'needle_count', 'label')."""


def expected_wording(facts: schema.Facts) -> dict[Path_, Any]:
    """Every wording path of the English facts, with its English value (str, or list for items)."""
    out: dict[Path_, Any] = {}
    for name in _SOURCE_WORDS:
        out[("source", name)] = getattr(facts.source, name)
    for key, person in facts.experts.items():
        for name in _EXPERT_WORDS:
            out[("experts", key, name)] = getattr(person, name)
    for group, items in facts.facts.items():
        for key, fact in items.items():
            for name in _FACT_WORDS[fact.kind]:
                value = getattr(fact, name)
                if value is None:  # an optional wording the fact does not use (starts_after)
                    continue
                out[("facts", group, key, name)] = list(value) if isinstance(value, (list, tuple)) else value
    for key in facts.quotes:
        for name in _QUOTE_WORDS:
            out[("quotes", key, name)] = getattr(facts.quotes[key], name)
    for key in facts.not_covered:
        for name in _SILENCE_WORDS:
            out[("not_covered", key, name)] = getattr(facts.not_covered[key], name)
    return out


def _leaves(raw: Any, path: Path_ = ()) -> dict[Path_, Any]:
    """The wording file's values by path (a list is one value: the items of a list fact)."""
    if isinstance(raw, dict):
        out: dict[Path_, Any] = {}
        for key, value in raw.items():
            out.update(_leaves(value, path + (key,)))
        if not raw and path:
            out[path] = raw
        return out
    return {path: raw}


leaves = _leaves


def load_wording(path: Path, shown: str, facts: schema.Facts, english: str = "data/facts.yml",
                 english_lines: dict[Path_, int] | None = None, article: Path | None = None,
                 aside: Collection[Path_] = (), lock: Path | None = None, lexicon: Path | None = None) -> schema.Facts:
    """Read the wording file ``path`` and return ``facts`` in that language (see the module docstring).

    ``aside``: the entries of the English data a lenient load left out (``guide.data.loader.SetAside``), whose
    wording here is passed over: the data file's own message says what is wrong with them.
    ``lock``: the translation lock (``LOCK_FILE``; the build passes it): a wording whose English changed since it was
    last checked, or that was never checked, stops the build (``guide.data.translock``). Without it (a test of the
    wording file alone) the lock is not read.
    ``lexicon``: the bilingual lexicon each wording's words are checked with (``guide.data.translation``); by default
    ``lexicon.es.yml`` next to ``path``, or the project's own ``data/lexicon.es.yml``."""
    if not path.is_file():
        raise GuideError(shown, "the Spanish wording file is missing",
                         expected=f"a file {shown} with the Spanish wording of every text in {english}",
                         fix=f"restore it from git (git checkout -- {shown}).")
    raw, lines = load_with_lines(path, shown, key_pattern=KEY)
    if not isinstance(raw, dict):
        raise GuideError(shown, "the wording file is empty or is not a set of keys", line=1,
                         expected="the keys source, experts, facts, quotes and not_covered, as in " + english,
                         fix="restore the file from git and make your change again.")
    want = expected_wording(facts)
    have = {key: value for key, value in _leaves(raw).items() if not any(key[:len(entry)] == entry for entry in aside)}
    errors = _key_errors(want, have, lines, shown, english, english_lines or {})
    errors += [error for key, value in want.items() if key in have
               for error in _value_errors(key, value, have[key], lines, shown, english)]
    errors += meaning.spanish_errors(want, have, facts, lines, shown, english)
    said = speakers.norm(article.read_text(encoding="utf-8")) if article is not None and article.is_file() else None
    errors += passages.spanish_speaker_problems(want, have, facts, lines, shown, english, said)
    stale = translock.problems(want, have, lines, lock, shown, english, english_lines or {}) if lock is not None else []
    # a wording whose English changed since it was checked is the lock's to tell: its translator checks it again
    errors += [error for error in _meaning_problems(want, have, facts, lines, shown, english,
                                                    lexicon or path.parent / Path(translation.LEXICON).name)
               if (error.key or "").split("[")[0] not in {done.key for done in stale}] + stale
    if errors:
        raise GuideErrors(errors)
    data = facts.model_dump()
    for key in want:
        node = data
        for part in key[:-1]:
            node = node[part]
        value = have[key]
        node[key[-1]] = [v.strip() for v in value] if isinstance(value, list) else value.strip()
    return schema.Facts.model_validate(data)


def _meaning_problems(want: dict[Path_, Any], have: dict[Path_, Any], facts: schema.Facts, lines: dict[Path_, int],
                      shown: str, english: str, lexicon: Path) -> list[GuideError]:
    """The words of each wording against the English it translates, through the bilingual lexicon."""
    try:
        words = translation.load_lexicon(lexicon if lexicon.is_file() else None)
    except GuideError as error:
        return [error]
    return translation.problems(want, have, facts, lines, shown, english, words)


def _key_errors(want: dict[Path_, Any], have: dict[Path_, Any], lines: dict[Path_, int], shown: str, english: str,
                english_lines: dict[Path_, int]) -> list[GuideError]:
    """A wording missing for a text of the English data, and a wording for something the data has no text for."""
    errors: list[GuideError] = []
    for key, value in want.items():
        if key not in have:
            where = english_lines.get(key)
            shown_en = (" | ".join(value) if isinstance(value, list) else value)
            errors.append(GuideError(
                shown, "missing Spanish wording", line=line_of(lines, key[:-1]) or 1, key=dotted(key),
                found=f"no '{key[-1]}' under {dotted(key[:-1])}",
                expected=f"the Spanish wording of {english}{':' + str(where) if where else ''} ('{shown_en[:80]}')",
                fix=f"add '{key[-1]}:' under {dotted(key[:-1])} in {shown}, in Spanish"
                    + (f", with {len(value)} items, one for each English item" if isinstance(value, list) else "")
                    + ". Every text in " + english + " needs its Spanish wording here."))
    known = set(want)
    for key in have:
        if key not in known:
            close = did_you_mean(dotted(key), [dotted(k) for k in known if len(k) == len(key)])
            errors.append(GuideError(
                shown, "Spanish wording for something that has no text in " + english, line=line_of(lines, key),
                key=dotted(key), found=f"'{dotted(key)}'",
                expected=f"only the wording keys of {english} (label, value, items, note, for_whom, starts_after, text, topic, "
                         "kind, title, role, short_role)",
                fix=(close + " " if close else "") + f"Remove it, or add the fact to {english} first."))
    return errors


def _value_errors(key: Path_, value: Any, got: Any, lines: dict[Path_, int], shown: str,
                  english: str) -> list[GuideError]:
    """One wording's value: text (a list of as many texts for a list), plain, with no number typed in."""
    line = line_of(lines, key)
    if isinstance(value, list):
        if not isinstance(got, list) or not all(isinstance(v, str) for v in got):
            return [GuideError(shown, "the Spanish items are not a list of text", line=line, key=dotted(key),
                               found=repr(got)[:80], expected=f"a list of {len(value)} texts",
                               fix="write one '- ' line per item, in the order of the English items.")]
        if len(got) != len(value):
            return [GuideError(shown, "the Spanish list has a different number of items", line=line,
                               key=dotted(key), found=f"{len(got)} items",
                               expected=f"{len(value)} items, one for each English item in {english}",
                               fix="translate each English item once, in the same order; add or remove "
                                   "items in both files together.")]
        texts = got
    elif not isinstance(got, str) or not got.strip():
        return [GuideError(shown, "the Spanish wording is not text", line=line, key=dotted(key),
                           found=repr(got)[:80], expected="text in double quotes",
                           fix="write the Spanish wording in double quotes.")]
    else:
        texts = [got]
    errors: list[GuideError] = []
    for i, text in enumerate(texts):
        at = key + (i,) if isinstance(value, list) else key
        problem = schema.plain_text_problem(text)
        if problem:
            errors.append(GuideError(shown, f"the Spanish wording is not plain text: {problem}",
                                     line=lines.get(at, line), key=dotted(at), found=quoted(text),
                                     expected=schema.PLAIN_TEXT_EXPECTED, fix=schema.PLAIN_TEXT_FIX))
        elif typed_number(text, "es"):
            errors.append(GuideError(shown, f"a number typed into the Spanish wording ('{typed_number(text, 'es')}')",
                                     line=lines.get(at, line), key=dotted(at), found=quoted(text),
                                     expected=f"words only: numbers live once, in {english}",
                                     fix="leave the number out of the wording; the page shows it with its macro."))
    return errors


# --- template strings -----------------------------------------------------


PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
"""A value the code fills in: ``{expert}``, ``{count}`` (guide.render.catalogue)."""
NAME_FORM = frozenset({"title", "credentials"})
"""How a language names a doctor in full is its own, like the order of a date: English "Debra Jaliman, M.D.",
Spanish "Dra. Debra Jaliman". A string that names her may use either placeholder (or both); every other
placeholder must be the same in both languages."""


def load_strings(root: Path, lang: str) -> dict[str, Any]:
    """``includes/strings/<lang>.yml``, checked to have exactly the keys of ``en.yml``, each with the same
    placeholders (a translation may reorder them, never drop or add one)."""
    return _load_strings(root, lang)[0]


def _load_strings(root: Path, lang: str) -> tuple[dict[str, Any], dict[tuple[Any, ...], int]]:
    shown = f"{STRINGS}/{lang}.yml"
    path = root / STRINGS / f"{lang}.yml"
    if not path.is_file():
        raise GuideError(shown, "the strings file is missing", expected=f"one strings file per language in {STRINGS}/",
                         fix=f"restore it from git (git checkout -- {shown}).")
    raw, lines = load_with_lines(path, shown, key_pattern=KEY)
    if not isinstance(raw, dict):
        raise GuideError(shown, "the strings file is empty or is not a set of keys", line=1,
                         expected="key: \"text\" lines", fix="restore the file from git.")
    for key, value in raw.items():
        ok = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        if not ok:
            raise GuideError(shown, "a string that is not text", line=lines.get((key,)), key=key, found=repr(value)[:80],
                             expected="text in double quotes (or a list of texts)", fix="write the text in double quotes.")
        for i, text in enumerate([value] if isinstance(value, str) else value):
            at = (key,) if isinstance(value, str) else (key, i)
            bare = PLACEHOLDER.sub("", text)  # {name}: a value the code puts in
            problem = schema.plain_text_problem(bare, schema.EMPHASIS)
            if problem:
                raise GuideError(shown, f"a template string is not plain text: {problem}", line=lines.get(at, lines.get((key,))),
                                 key=dotted(at), found=quoted(text),
                                 expected=schema.PLAIN_TEXT_EXPECTED + "; {name} only for the values the code fills in",
                                 fix=schema.PLAIN_TEXT_FIX)
            if key.startswith("hedge_") and not re.search(r"[^\W\d_]", bare):
                raise GuideError(shown, "a hedge that says nothing around its value", line=lines.get(at, lines.get((key,))),
                                 key=dotted(at), found=quoted(text),
                                 expected="the article's hedge in this language around {value} (\"at least {value}\", "
                                          "\"al menos {value}\")",
                                 fix="put the hedge's words back: a value shown without them says more than the article "
                                     "(the eighth no-hints attack made 'at least 30' a plain '30').")
            number = typed_number(bare, lang)
            if number:
                raise GuideError(shown, f"a number typed into a template string ('{number}')", line=lines.get(at, lines.get((key,))),
                                 key=dotted(at), found=quoted(text), expected="words only: numbers come from data/facts.yml",
                                 fix="leave the number out; the templates show each fact's number through its {name} value.")
    _check_count_words(raw, lines, shown, lang)
    if lang != "en":
        english, english_lines = _load_strings(root, "en")
        for key in english:
            if key not in raw:
                raise GuideError(shown, "a template string is missing", line=1, key=key, found=f"no '{key}' line",
                                 expected=f"every key of {STRINGS}/en.yml", fix=f"add '{key}: \"...\"' in this language.")
        for key in raw:
            if key not in english:
                hint = did_you_mean(key, english)
                raise GuideError(shown, "a template string that en.yml does not have", line=lines.get((key,)), key=key,
                                 found=f"'{key}'", expected=f"only the keys of {STRINGS}/en.yml",
                                 fix=(hint + " " if hint else "") + "Rename or remove it.")
        _check_placeholders(raw, lines, shown, english, english_lines)
    return raw, lines


def _placeholders(value: Any) -> list[str]:
    """The placeholders of a string (or of every text of a list), each once, in order."""
    names: list[str] = []
    for text in [value] if isinstance(value, str) else value:
        names += [n for n in PLACEHOLDER.findall(text) if n not in names]
    return names


def _check_placeholders(raw: dict[str, Any], lines: dict[tuple[Any, ...], int], shown: str,
                        english: dict[str, Any], english_lines: dict[tuple[Any, ...], int]) -> None:
    """Each string has the placeholders of its English one: a sentence that lost ``{count}`` would drop the
    fact from the page (the fill stops the render), one that gained a name would have nothing to fill it."""
    for key, value in raw.items():
        have, want = _placeholders(value), _placeholders(english[key])
        if set(have) - NAME_FORM == set(want) - NAME_FORM and bool(set(have) & NAME_FORM) == bool(set(want) & NAME_FORM):
            continue
        at = english_lines.get((key,))
        names = ", ".join("{" + n + "}" for n in want) or "none"
        lost = [n for n in want if n not in have]
        extra = [n for n in have if n not in want]
        raise GuideError(
            shown, "a template string's placeholders are not those of en.yml", line=lines.get((key,)), key=key,
            found=quoted(value if isinstance(value, str) else " | ".join(value)),
            expected=f"the placeholders of {STRINGS}/en.yml{':' + str(at) if at else ''} ({names}), in any order",
            fix="; ".join(part for part in (
                ("put back " + ", ".join("{" + n + "}" for n in lost)) if lost else "",
                ("take out " + ", ".join("{" + n + "}" for n in extra)) if extra else "") if part)
                + ": the code fills in exactly the values en.yml names; rename a value in both files and in its template together.")


COUNT_WORDS_KEY = "count_words"
"""The words for 0, 1, 2... that the templates print for a small count ("It quotes two doctors")."""


def _check_count_words(raw: dict[str, Any], lines: dict[tuple[Any, ...], int], shown: str, lang: str) -> None:
    """``count_words[i]`` must be the edition's word for ``i`` (guide.data.numbers' number words): "five" in
    the place of 2 would make the site say "It quotes five doctors"."""
    words = raw.get(COUNT_WORDS_KEY)
    if not isinstance(words, list) or len(words) < 2:
        raise GuideError(shown, f"'{COUNT_WORDS_KEY}' is not a list of the words for 0, 1, 2...",
                         line=lines.get((COUNT_WORDS_KEY,), 1), key=COUNT_WORDS_KEY, found=repr(words)[:80],
                         expected=f"{COUNT_WORDS_KEY}: a list whose first entry is the word for 0, the next for 1, and so on",
                         fix=f"restore the line from git (git checkout -- {shown}).")
    for i, word in enumerate(words):
        value = count_value(word, lang)
        if value != i:
            right = next((w for w in (*COUNT_WORDS.get(lang, {}), *NUMBER_WORDS.get(lang, {}))
                          if count_value(w, lang) == i), None)
            said = f"the word for {value}" if value is not None else "not a number word the guide knows"
            raise GuideError(shown, f"entry {i} of '{COUNT_WORDS_KEY}' must be the word for {i}, and '{word}' is {said}",
                             line=lines.get((COUNT_WORDS_KEY, i), lines.get((COUNT_WORDS_KEY,))),
                             key=f"{COUNT_WORDS_KEY}[{i}]", found=f"'{word}'",
                             expected=f"the words for 0, 1, 2... in order ({COUNT_WORDS_KEY}[{i}] is the word for {i})",
                             fix=(f"write '{right}'" if right else f"write the word for {i}") +
                             f" at place {i} of the list (counting from 0).")


def date(value: dt.date, strings: dict[str, Any]) -> str:
    """``November 24, 2026``; Spanish ``24 de noviembre de 2026``."""
    month = strings["months"][value.month - 1]
    return str(strings["date"]).format(month=month, day=value.day, year=value.year)


def language_of(conf: Any) -> str:
    """The edition a build makes, from ``theme.language`` (MkDocs gives a Theme, Zensical a dict)."""
    theme = None
    try:
        theme = conf["theme"] if conf is not None else None
    except (KeyError, TypeError):
        theme = None
    lang = None
    if theme is not None:
        try:
            lang = theme["language"]
        except (KeyError, TypeError):
            lang = getattr(theme, "language", None)
    return lang if lang in LANGS else "en"
