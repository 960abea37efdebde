"""Who said it, and who they are: the words of data/facts.yml and data/facts.es.yml that the passage check cannot
compare word for word (a fact's ``expert:``, its label and words, the experts' roles, the source's kind) are held
to the article by the build (guide/data/passages.py, guide/data/meaning.py). The third no-hints attack published each of the
edits below; each is made here from today's data, by key, so a correct edit of the data leaves the test working."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import ROOT, entry, project_facts

ARTICLE = ROOT / "sources" / "article.txt"


def _english(tmp_path: Path, key: str, new: str) -> str:
    """The build's message for data/facts.yml with the entry ``key`` given the value ``new``."""
    from guide.data.loader import load_facts
    from guide.errors import GuideError, GuideErrors

    old = entry(key)
    path = tmp_path / "facts.yml"
    path.write_text(old.replaced(f"{old.indent}{key.rsplit('.', 1)[-1]}: {new}\n"), encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml", ARTICLE)
    return str(info.value)


def _spanish(tmp_path: Path, key: str, new: str) -> str:
    """The build's message for data/facts.es.yml with the entry ``key`` given the value ``new``."""
    from guide.data.lang import load_wording
    from guide.data.loader import load_facts
    from guide.errors import GuideError, GuideErrors

    facts = load_facts(ROOT / "data" / "facts.yml", "data/facts.yml")
    old = entry(key, "data/facts.es.yml")
    path = tmp_path / "facts.es.yml"
    path.write_text(old.replaced(f"{old.indent}{key.rsplit('.', 1)[-1]}: {new}\n"), encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_wording(path, "data/facts.es.yml", facts)
    return str(info.value)


def _data(file: str = "data/facts.yml") -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / file).read_text(encoding="utf-8"))
    return data


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def _doctor_fact() -> tuple[str, str, str]:
    """A fact a doctor says in the article, her key, and the other doctor's key."""
    data = _data()
    for group, items in data["facts"].items():
        for name, fact in items.items():
            if fact.get("expert") in data["experts"] and fact.get("kind") == "text":
                other = next(k for k in data["experts"] if k != fact["expert"])
                return f"facts.{group}.{name}", fact["expert"], other
    pytest.fail("no text fact of a doctor's in data/facts.yml to edit")


def _unit_value() -> tuple[str, str, str]:
    """A text fact whose value says a unit of time, that value, and the value with another unit."""
    swaps = {"days": "weeks", "day": "week", "weeks": "months", "minutes": "hours", "months": "years"}
    for group, items in _data()["facts"].items():
        for name, fact in items.items():
            words = str(fact.get("value", "")).split()
            for i, word in enumerate(words):
                if fact.get("kind") == "text" and word in swaps:
                    return f"facts.{group}.{name}", fact["value"], " ".join(words[:i] + [swaps[word]] + words[i + 1:])
    pytest.fail("no text fact with a unit of time in its value in data/facts.yml to edit")


def test_a_fact_given_to_the_doctor_who_did_not_say_it_stops_the_build(tmp_path: Path) -> None:
    key, _, other = _doctor_fact()
    msg = _english(tmp_path, f"{key}.expert", other)
    assert "the article does not give this fact's passage to Dr." in msg and f"{key}.expert" in msg, msg


def test_a_length_of_time_changed_in_a_facts_words_stops_the_build(tmp_path: Path) -> None:
    key, _, changed = _unit_value()
    msg = _english(tmp_path, f"{key}.value", _quoted(changed))
    assert "and its source passage does not" in msg and f"{key}.value" in msg, msg


def test_a_made_up_quotation_in_a_facts_words_stops_the_build(tmp_path: Path) -> None:
    data = _data()
    key = next(f"facts.{g}.{n}" for g, items in data["facts"].items() for n, f in items.items()
               if f.get("kind") == "text" and f.get("expert") == "article")
    doctor = data["experts"][next(iter(data["experts"]))]
    value = next(f["value"] for g, items in data["facts"].items() for n, f in items.items() if f"facts.{g}.{n}" == key)
    made_up = f"{value}, what {doctor['title']} {doctor['name'].split()[-1]} calls “a glow you can show off that same evening”"
    msg = _english(tmp_path, f"{key}.value", _quoted(made_up))
    assert "a quotation in the fact's words is not word for word in the article" in msg, msg
    assert "the article does not give its passage to her" in msg, msg


def test_a_label_that_claims_a_benefit_stops_the_build(tmp_path: Path) -> None:
    msg = _english(tmp_path, "facts.candidates.avoid_skin.label", '"Skin conditions it helps clear up"')
    assert "(a benefit)" in msg and "facts.candidates.avoid_skin.label" in msg, msg


@pytest.mark.parametrize("key, new, says", [
    ("experts.jaliman.short_role", '"dermatologist who wrote the national microneedling guidelines"', "the short role says 'who'"),
    ("experts.nazarian.role", '"plastic surgeon and chair of the national microneedling board"', "the role says 'chair'"),
    ("experts.nazarian.credentials", '"Ph.D."', "the credentials 'Ph.D.' is not what the article calls her"),
    ("source.cites_studies", "true", "cites_studies is true, and the article names no study"),
    ("source.kind", '"a peer-reviewed clinical review"', "the source's kind is not one of the kinds a maintainer has listed"),
    # the sixth no-hints attack: a journal as the publisher, an academy among the authors
    ("source.publisher", '"The New England Journal of Medicine"', "the source's publisher 'The New England Journal of "
                                                                   "Medicine' is not in the article's citation"),
    ("source.authors", json.dumps([*project_facts().source.authors, "the American Academy of Dermatology"]),
     "the source's authors 'the American Academy of Dermatology' is not in the article's citation"),
    ("source.title", '"Microneedling: A Clinical Review"', "the source's title 'Microneedling: A Clinical Review' is not in"),
], ids=["short role", "role", "credentials", "cites studies", "source kind", "publisher", "authors", "title"])
def test_who_the_experts_are_and_what_the_source_is_are_the_articles(tmp_path: Path, key: str, new: str, says: str) -> None:
    msg = _english(tmp_path, key, new)
    assert says in msg and key in msg, msg


def test_a_spanish_length_of_time_changed_stops_the_build(tmp_path: Path) -> None:
    key, english, _ = _unit_value()
    spanish = {"days": "meses", "day": "mes", "weeks": "días", "minutes": "horas", "months": "años"}
    unit = next(w for w in english.split() if w in spanish)
    msg = _spanish(tmp_path, f"{key}.value", _quoted(f"unos pocos {spanish[unit]}"))
    assert "the Spanish wording says" in msg and "and the English it translates does not" in msg, msg


def test_a_spanish_label_that_claims_a_benefit_stops_the_build(tmp_path: Path) -> None:
    msg = _spanish(tmp_path, "facts.candidates.avoid_skin.label", '"Problemas de la piel que ayuda a curar"')
    assert "(a benefit)" in msg and "facts.candidates.avoid_skin.label" in msg, msg


def test_a_spanish_wording_that_names_and_quotes_a_doctor_stops_the_build(tmp_path: Path) -> None:
    key, _, _ = _unit_value()
    msg = _spanish(tmp_path, f"{key}.value", _quoted("unos días, lo que la Dra. Jaliman llama «un brillo que puede lucir»"))
    assert "the Spanish wording names Dra. Jaliman, and the English it translates does not" in msg, msg


def _article_quoted() -> tuple[str, str]:
    """A fact in the article's own voice, and its value with its passage's first words in quotation marks."""
    for group, items in _data()["facts"].items():
        for name, fact in items.items():
            if fact.get("kind") == "text" and fact.get("expert") == "article" and "“" not in fact["source"]:
                words = " ".join(fact["source"].split(" ... ")[0].split()[:4])
                return f"facts.{group}.{name}.value", _quoted(f"{fact['value']}, or in the article's words “{words}”")
    pytest.fail("no text fact in the article's voice in data/facts.yml")


BUILDS = {
    # a label that asks a question: its negation, frequency and unit are ours
    "a label that asks": lambda: ("facts.aftercare.scrub_days.label", '"How many days to stay off scrubs"'),
    # a value that quotes the article's own words
    "a value that quotes its passage": _article_quoted,
}


@pytest.mark.parametrize("case", BUILDS, ids=list(BUILDS))
def test_ordinary_wording_of_facts_builds(tmp_path: Path, case: str) -> None:
    from guide.data.loader import load_facts

    key, new = BUILDS[case]()
    old = entry(key)
    path = tmp_path / "facts.yml"
    path.write_text(old.replaced(f"{old.indent}{key.rsplit('.', 1)[-1]}: {new}\n"), encoding="utf-8")
    load_facts(path, "data/facts.yml", ARTICLE)


def test_a_spanish_idiom_with_a_unit_word_builds(tmp_path: Path) -> None:
    from guide.data.lang import load_wording
    from guide.data.loader import load_facts

    facts = load_facts(ROOT / "data" / "facts.yml", "data/facts.yml")
    text = (ROOT / "data" / "facts.es.yml").read_text(encoding="utf-8")
    assert "al día" in text, "the Spanish wording no longer has the idiom 'al día': point this test at another"
    path = tmp_path / "facts.es.yml"
    path.write_text(text, encoding="utf-8")
    load_wording(path, "data/facts.es.yml", facts)


def test_a_note_that_says_it_is_fine_again_stops_the_build(tmp_path: Path) -> None:
    """The fourth no-hints attack put a made-up all-clear in a not-stated fact's note ("the next day they are fine
    again"): a note's negation and unit are ours, but not a permission its passage does not give."""
    data = _data()
    key = next(f"facts.{g}.{n}" for g, items in data["facts"].items() for n, f in items.items()
               if f.get("kind") == "not_stated" and "safe" not in f["source"] and "fine" not in f["source"])
    note = next(f["note"] for g, items in data["facts"].items() for n, f in items.items() if f"facts.{g}.{n}" == key)
    msg = _english(tmp_path, f"{key}.note", _quoted(f"{note} The next day they are fine again."))
    assert "(permission)" in msg and f"{key}.note" in msg, msg


def test_a_source_address_on_a_look_alike_site_stops_the_build(tmp_path: Path) -> None:
    """The fifth no-hints attack: source.url on "www.yahoo.com.attacker.example" linked every sources page there."""
    from urllib.parse import urlsplit

    url = _data()["source"]["url"]
    host = urlsplit(url).hostname or ""
    msg = _english(tmp_path, "source.url", _quoted(url.replace(host, host + ".attacker.example", 1)))
    assert "the source's address is not on a site a maintainer has listed" in msg and "attacker.example" in msg, msg
