"""Copy what a build reads into another folder, so a test or benchmark build never touches the work tree."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_PARTS = ("macros.py", "guide", "includes", "overrides", "data", "sources", "docs", "docs-es", "pictures", "mkdocs.yml",
               "zensical.yml", "mkdocs.es.yml", "zensical.es.yml")


def copy_project(dest: Path, parts: Iterable[str] = BUILD_PARTS) -> Path:
    """Copy ``parts`` of the project (files or folders, caches left out) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def cite_numbers(project: Path, text: str | None = None) -> list[str]:
    """For tests that change a number or a complete list in a copy's data: give each a source passage.

    Every build checks that a fact's numbers appear in its source passage, and
    the passage in ``sources/article.txt``. A test that changes a number (to
    see the drawings or the diff follow it) appends a made-up passage with the
    new numbers to the copy's article and to the fact's ``source``. ``text``
    is the data file's new text (default: what it holds now); the article is
    written first and the data file once, so a watching server rebuilds once.
    Returns the keys it touched. Never run on the real project.
    """
    import yaml

    from guide.data import meaning, passages, schema, speakers

    assert project.resolve() != ROOT.resolve(), "cite_numbers edits a copy, never the real project"
    data = project / "data" / "facts.yml"
    text = data.read_text(encoding="utf-8") if text is None else text
    touched, extra = [], []
    article = speakers.norm((project / "sources" / "article.txt").read_text(encoding="utf-8"))
    try:
        facts = schema.Facts.model_validate(yaml.safe_load(text))
    except ValueError:
        facts = None  # broken data: the build reports that first
    for key, fact in (facts.all_facts().items() if facts else ()):
        if isinstance(fact, schema.ListFact):  # new items: a passage that lists them
            group, name = key.split(".")
            if (not passages.whole_list_problems(fact, group, name, speakers.norm(fact.source)) if fact.scope == "complete"
                    else all(meaning.shares_word(item, fact.source) for item in fact.items)):
                continue
            named = " ".join(w for w in re.split(r"[_.]", key) if not meaning.NEGATORS.fullmatch(w))  # "avoid" would turn it round
            passage = f"Test passage for {named} lists {'; '.join(fact.items)}."
        elif isinstance(fact, schema.NotStatedFact):  # a new note: a passage around which its words stand
            if not passages.note_problems(fact, key, article):
                continue
            passage = f"Test passage for {key.replace('_', ' ')} says {fact.note}"
        elif all(passages.find(figure, fact.source) for figure in passages.figures(fact)):
            continue
        else:
            hedge = getattr(fact, "qualifier", None)
            said = ", then ".join(" to ".join(schema.num(v) for v in figure) for figure in passages.figures(fact))
            passage = f"Test passage for {key.replace('_', ' ')} gives {hedge + ' ' if hedge else ''}{said}."
        assert fact.source in text, key
        # the passage where it ends, under the fact's own key (two facts may share one passage)
        own = re.search(r"\n\s+" + re.escape(key.split(".")[1]) + r":\s*\n", text)
        end = re.compile(re.escape(fact.source) + r"(?=[\"'\n])").search(text, own.end() if own else 0)
        assert end is not None, key
        text = text[:end.end()] + f" ... {passage}" + text[end.end():]
        extra.append(passage)
        touched.append(key)
    if extra:
        with (project / "sources" / "article.txt").open("a", encoding="utf-8") as out:
            out.write("\n" + "\n".join(extra) + "\n")
    data.write_text(text, encoding="utf-8")
    return touched
