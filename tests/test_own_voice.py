"""What the guide says in its own voice of the things a reader decides by, and what it adds beside a fact.

The eleventh no-hints attack published 24 claims in ordinary words ("Scarring never happens", "Going more often gives
faster results", a tip titled "No downtime", "you might choose to wait if:" over the reasons to wait). Each used a
wording no earlier rule listed. The rules here are about what a sentence names, not how it says it
(``guide.content.ownvoice``):

* a sentence that says something of a thing a reader decides by (scars, results, downtime, pain, sunscreen, skin
  colour, pregnancy ...) shows the fact or quote that says it, or asks, or links to where it is shown;
* a title, a term or a header cell only names what is under it, unless it answers ("No downtime", "barely");
* beside a fact, a hedge or a narrowing of the guide's own ("might", "only", "go easy on") stands only where the
  fact's own words (or its passage) have it;
* "both doctors" names both doctors, so the article's words are not theirs.

Both sides of each rule are tables: what must be refused and what must build, in both editions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.content import ownvoice
from test_reader_checks import _load, _project, _refused

OUTCOME = "in the guide's own voice, with no fact"
SOFTENED = "softens or narrows its fact"
CREDITED = "with the article's own words"
ADDED = "to its fact in the guide's own words"

MUST_REFUSE: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("After that, sunscreen is no longer needed.", OUTCOME),
        ("Most people are back to normal the next morning.", OUTCOME),
        ("Scarring never happens.", OUTCOME),
        ("Going more often gives faster results.", OUTCOME),
        ("| Goal | How |\n| --- | --- |\n| Faster results | Go more often than the plan |", OUTCOME),
        ("| Goal | How |\n| --- | --- |\n| Results | Better with more visits |", OUTCOME),
        ("It works for deep wrinkles too.", OUTCOME),
        ("It works for wrinkles too.", OUTCOME),
        ("A nurse at a medspa is just as good.", OUTCOME),
        ("Dr. Jaliman says scarring never happens.", OUTCOME),
        # the number table's "a little" row said this until the rule came: "a little" is no figure, but what it says
        # of pain is the article's to say (the row now reads "a little nervous")
        ("Some people feel a little pain.", OUTCOME),
        ('!!! tip "No downtime"\n    Plan your week as usual.', OUTCOME),
        ("Downtime\n:   None.", OUTCOME),
        ("## No downtime\n\nPlan your week as usual.", OUTCOME),
        ("## The short answer: barely\n\nRead on.", OUTCOME),
        ('??? note "Expecting a baby?"\n    Nothing in the article rules it out.', OUTCOME),
        ('Dr. Jaliman says this applies only to severe {{ fact("candidates.avoid_skin", "or") }}.', SOFTENED),
        ('Dr. Jaliman says to go easy on {{ fact("aftercare.avoid_ingredients") }}.', SOFTENED),
        ('Dr. Jaliman says it may be worth thinking twice about microneedling if you have '
         '{{ fact("candidates.avoid_skin", "or") }}.', SOFTENED),
        ('The article says you might choose to wait if:\n\n{{ fact_list("candidates.wait_if") }}', SOFTENED),
        ('Both doctors say the treatment is {{ fact("about.invasiveness") }}.', CREDITED),
        ('The two doctors say it is {{ fact("about.invasiveness") }}.', CREDITED),
        # the eleventh new-editor trial's holes: what a reader may do again, how soon the skin settles, agreement
        ("You can go back to the gym the same evening.", OUTCOME), ("You can exercise the following morning.", OUTCOME),
        ("Your face should calm down by the weekend.", OUTCOME), ("Many people go straight back to work.", OUTCOME),
        ("The redness goes away overnight.", OUTCOME), ("You will be back to normal in no time.", OUTCOME),
        # time off work is a topic the article leaves out (data/facts.yml not_covered): the ninth trial's builds table
        # had this sentence, the eleventh trial called it a hole; it is refused now, as the Spanish was
        ("Most people go back to work the next day.", OUTCOME),
        # the eleventh attack's H13 description, as page prose (the twelfth helper's report)
        ("You feel next to nothing.", OUTCOME), ("You look normal by morning.", OUTCOME),
        ("Most people barely feel it.", OUTCOME),
        # the twelfth no-hints attack
        ("| Topic | Answer |\n| --- | --- |\n| Time off work | Not needed |", OUTCOME),
        ("## Back to work the same day\n\nRead on.", OUTCOME), ("Then you can get on with your day as usual.", OUTCOME),
        # the twelfth new-editor trial's holes
        ("Your skin stays smooth for about a year after one visit.", OUTCOME),
        ("Microneedling works well on dark circles under the eyes.", OUTCOME),
        ("Nobody needs more than a handful of sessions.", OUTCOME), ("It is gentle enough for teens.", OUTCOME),
        ("Dr. Jaliman sees it the same way as Dr. Nazarian.", "the guide's own voice"),
        ("Dr. Nazarian and Dr. Jaliman see it the same way.", "the guide's own voice"),
        # the thirteenth no-hints attack: a time or an outcome of the guide's own beside a fact (H4, H5, H7), and what
        # our suggestion tells after its question (H8)
        ('The article says {{ fact("recovery.pain") }}, so you can drive home and go back to work the same day.', ADDED),
        ('After your first session, Dr. Nazarian says to plan on coming back {{ fact("frequency.touch_ups") }}.', ADDED),
        ('- Dr. Jaliman: no {{ fact("aftercare.avoid_ingredients", "or") }} on the first night.', ADDED),
        ("## Touch-ups after your first session\n\nRead on.", OUTCOME),
        ('{{ fact("aftercare.avoid_ingredients_for", "note") }} {{ suggestion() }} ask your provider when it is safe to '
         "start again, and check that your retinol is a mild one before you use it the next day.", "our suggestion says"),
        # the thirteenth new-editor trial's holes
        ("Nearly everyone is happy with how it turns out.", OUTCOME), ("Men get the same benefits as women.", OUTCOME),
        # the thirteenth no-hints attack's mediums: a warning's heading hedged (M2), a bare "optional" under a header (M3)
        ("## Who may want to avoid it\n\nRead on.", OUTCOME),
        # the fourteenth no-hints attack: what it does, compared, permitted or narrowed in everyday words
        ("A good roller reaches as deep as the pen in the office.", OUTCOME),
        ("If you take blood thinners, pause them the week before your visit.", "in the guide's own voice"),
        ("A glass of wine that evening is no issue.", "in the guide's own voice"),
        ("It also thickens thinning hair on the scalp.", OUTCOME),
        ("The treatment also lightens melasma and freckles.", OUTCOME),
        ("Everyday aspirin does not count here.", OUTCOME),
        ("Coming back more often speeds things up.", OUTCOME),
        ('!!! tip "Editor’s note: the deepest setting works best"\n    Ask your provider.', OUTCOME),
        ("| Setting | For |\n| --- | --- |\n| Deep | Deep lines and loose skin |", OUTCOME),
        ("Deep setting\n:   The one to ask for if you want a visible change soon after your visit.", OUTCOME),
        ("Areas:\n\n- the scalp, for thinning hair\n- the skin under the eyes, for puffiness", OUTCOME),
        # the fourteenth new-editor trial's holes
        ("Anyone with healthy skin is a good fit for this.", OUTCOME),
        ("Healthy skin is all you need to be a good candidate.", OUTCOME),
        # the fifteenth no-hints attack
        ("Most people compare the feeling to a light scratch.", OUTCOME),
        ("Sessions closer together get you there sooner.", "in the guide's own voice"),
        ("A roller is gentle enough to use every night.", "in the guide's own voice"),
        ("At that setting the needles do not draw blood.", OUTCOME),
        ("A light tinted moisturizer is a good middle ground for that evening.", "in the guide's own voice"),
        ("## Side effects, which soon pass\n\nRead on.", OUTCOME),
        ("| Advice | Who gives it |\n| --- | --- |\n| Sunscreen | Dr. Nazarian |", "this table row credits advice to"),
        # M6: the passage's "would cause" said outright beside the fact
        ('Dr. Jaliman says the punctures make the body create new {{ fact("about.skin_response") }}.', "drops the article's"),
        ("| Place | Numbing |\n| --- | --- |\n| Spa | optional |", OUTCOME),
    ],
    "es": [
        ("Después, ya no hace falta el protector solar.", OUTCOME),
        ("Si va más a menudo, verá resultados más rápido.", OUTCOME),
        ("| Meta | Cómo |\n| --- | --- |\n| Resultados más rápidos | Ir más a menudo que el plan |", OUTCOME),
        ("Las personas con la piel oscura deben tener más cuidado.", OUTCOME),
        ("Una enfermera en un spa es igual de buena.", OUTCOME),
        ("Las cicatrices no aparecen nunca.", OUTCOME),
        ('!!! tip "Sin tiempo de recuperación"\n    Organice su semana como siempre.', OUTCOME),
        ("Tiempo de recuperación\n:   Ninguno.", OUTCOME),
        ("## La respuesta corta: casi nada\n\nSiga leyendo.", OUTCOME),
        ('??? note "¿Espera un bebé?"\n    Nada en el artículo lo descarta.', OUTCOME),
        ('La Dra. Jaliman dice que esto vale solo para {{ fact("candidates.avoid_skin", "or") }} graves.', SOFTENED),
        ('El artículo dice que quizá prefiera esperar si:\n\n{{ fact_list("candidates.wait_if") }}', SOFTENED),
        ('Las dos médicas dicen que el tratamiento es {{ fact("about.invasiveness") }}.', CREDITED),
        ("Su cara debería calmarse para el fin de semana.", OUTCOME),
        ("Muchas personas vuelven al trabajo enseguida.", OUTCOME),
        ("La mayoría vuelve al trabajo al día siguiente.", OUTCOME),
        ("Casi no se siente.", OUTCOME), ("Se siente casi nada.", OUTCOME),
        ("| Tema | Respuesta |\n| --- | --- |\n| Días libres en el trabajo | No hacen falta |", OUTCOME),
        ("## De vuelta al trabajo el mismo día\n\nSiga leyendo.", OUTCOME), ("Después puede seguir con su día.", OUTCOME),
        ("Funciona bien para las ojeras.", OUTCOME), ("Es lo bastante suave para adolescentes.", OUTCOME),
        ("Nadie necesita más de unas pocas sesiones.", OUTCOME), ("La Dra. Jaliman diría lo mismo.", "the guide's own voice"),
        ("Volverá a la normalidad en muy poco tiempo.", OUTCOME),
        ("El enrojecimiento se va de un día para otro.", OUTCOME),
        ("La Dra. Jaliman lo ve igual que la Dra. Nazarian.", "the guide's own voice"),
        ("La Dra. Nazarian y la Dra. Jaliman lo ven igual.", "the guide's own voice"),
        ('El artículo dice que {{ fact("recovery.pain") }}, así que puede volver al trabajo el mismo día.', ADDED),
        ('Después de la primera sesión, la Dra. Nazarian dice que planee volver {{ fact("frequency.touch_ups") }}.', ADDED),
        ("## Retoques después de la primera sesión\n\nSiga leyendo.", OUTCOME),
        ("Casi todos ven un cambio tras la primera sesión.", OUTCOME),
        ("Los hombres logran los mismos beneficios que las mujeres.", OUTCOME),
        ("## Quién quizá deba evitarlo\n\nSiga leyendo.", OUTCOME),
        ('La Dra. Jaliman dice que los pinchazos hacen que el cuerpo produzca {{ fact("about.skin_response") }} nuevos.',
         "drops the article's"),
        ("Un buen rodillo llega tan hondo como el bolígrafo de la consulta.", OUTCOME),
        ("Si toma anticoagulantes, suspéndalos la semana antes de la cita.", "in the guide's own voice"),
        ("La piel más lisa le dura años.", OUTCOME), ("El brillo dura años.", OUTCOME),
        ("Cualquier persona con piel sana es buena candidata.", OUTCOME),
        ("Con tener la piel sana ya es buen candidato.", OUTCOME), ("Las costritas nunca dejan marca.", OUTCOME),
        ("Le bastará con ir una vez.", OUTCOME),
        ("| Tema | Quién |\n| --- | --- |\n| Maquillaje | Dra. Jaliman |", "this table row credits advice to"),
        ("Las personas con la piel muy sensible también pueden probarlo.", OUTCOME),
        ("Una copa de vino de vez en cuando no cuenta.", OUTCOME),
        ("Si no se van, es normal y no hay que llamar a nadie.", OUTCOME),
        ("| Lugar | Anestesia |\n| --- | --- |\n| Spa | opcional |", OUTCOME),
    ],
}

MUST_BUILD: dict[str, list[str]] = {
    "en": [
        # a thing named, not said of: what a page or the advice is about, a title, a list item, a question, a link
        "Half of the advice is about sunscreen.", "Bring your questions about pain.", "## Side effects\n\nRead on.",
        '!!! tip "Sunscreen"\n    Dr. Jaliman says to wear it for {{ fact("aftercare.sunscreen_when") }}.',
        "What to bring:\n\n- Sunscreen\n- A friend", "Will it leave scars?", "See [the side effects](sources.md).",
        "| Topic | Fact |\n| --- | --- |\n| Sunscreen | {{ fact(\"aftercare.sunscreen_when\") }} |",
        "Downtime\n:   {{ fact(\"recovery.scab_fade\") }}",
        "{{ suggestion() }} ask how long the redness lasts.",
        # said of, beside the fact that says it
        'Dr. Jaliman advises sunscreen for {{ fact("aftercare.sunscreen_when") }}.',
        'The article says these scabs fade in {{ fact("recovery.scab_fade") }}.',
        # the article's own condition on the reader, and the article's silence said as silence
        'If you want to add a roller to your routine, Dr. Nazarian advises these steps:\n\n'
        '{{ fact_list("at_home.how_to_use") }}',
        "The article does not say what it means by chemical-free.", "It does not say if it applies to rollers too.",
        "Both doctors answer questions. The article says it is {{ fact(\"about.invasiveness\") }}.",
        # ordinary writing with no thing of the treatment in it
        "Book only a session with a licensed provider.", "It may take several sessions.",
        "Plan the way home from the clinic before your visit.", "Ask if you can come straight from work.",
        # beside a fact, the time its own words give; a question our suggestion asks; a first visit named
        'Dr. Jaliman: no {{ fact("aftercare.avoid_ingredients", "or") }} right after treatment.',
        "{{ suggestion() }} ask your provider when it is safe to start again.",
        "## What to expect at your first visit\n\nRead on.", "Bring your questions to your first visit.",
        # the thirteenth new-editor trial's false refusal
        "Take a minute or two to write them before you go.",
        "## Who should avoid it\n\nRead on.", "## Questions you may want to ask\n\nRead on.",
        "| What to bring | OK? |\n| --- | --- |\n| A scarf | Yes |",
        'Dr. Jaliman says the punctures would cause the body to make new {{ fact("about.skin_response") }}.',
        # beside the fourteenth attack's refusals: ordinary writing with the same words
        "Ask your provider which setting they use.", "Bring a hair tie to keep your hair off your face.",
        "Call the clinic if you are not sure.", "The clinic is as easy to reach by bus as by car.",
        "You can come back to this page more often than you think.",
        "| Doctor | Role |\n| --- | --- |\n| Dr. Nazarian | {{ expert(\"nazarian\") }} |",
        "She says this is especially so if your skin feels like it needs a reboot.",
        # the fourteenth new-editor trial's false refusals
        "You may want to read the aftercare page twice: once now and once the night before your visit.",
        "You may want to read the aftercare page twice: now, and again the night before your visit.",
    ],
    "es": [
        "La mitad de los consejos trata sobre el protector solar.", "## Efectos secundarios\n\nSiga leyendo.",
        "Qué llevar:\n\n- Protector solar\n- Una amiga", "¿Dejará cicatrices?",
        '!!! tip "Protector solar"\n    La Dra. Jaliman dice que lo use durante {{ fact("aftercare.sunscreen_when") }}.',
        "Tiempo de recuperación\n:   {{ fact(\"recovery.scab_fade\") }}",
        'La Dra. Jaliman aconseja usar protector solar durante {{ fact("aftercare.sunscreen_when") }}.',
        "El artículo no dice qué entiende por sin químicos.",
        "{{ suggestion() }} pregunte al profesional cuándo puede volver a usarlos.",
        "Esta página trata del lado práctico del día: cómo llegar, qué llevar y qué preguntar.",
        "La primera página es la 1.ª del menú; la 2.ª página habla del dolor.",
        'La Dra. Jaliman dice que los pinchazos harían que el cuerpo produzca {{ fact("about.skin_response") }} nuevos.',
    ],
}


@pytest.mark.parametrize("lang, text, what", [(lang, *row) for lang, rows in MUST_REFUSE.items() for row in rows])
def test_what_the_guide_may_not_say_in_its_own_voice_is_refused(tmp_path: Path, lang: str, text: str, what: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert what in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in MUST_BUILD.items() for text in rows])
def test_naming_a_thing_or_showing_its_fact_builds(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


def test_the_tables_hold_both_sides_in_both_editions() -> None:
    assert all(len(MUST_REFUSE[lang]) >= 10 and len(MUST_BUILD[lang]) >= 8 for lang in ("en", "es"))


@pytest.mark.parametrize("lang, text, thing", [
    ("en", "Scarring never happens.", "scarring"), ("en", "Half of the advice is about sunscreen.", None),
    ("en", "The article calls them scabs.", None), ("es", "Las pieles oscuras sufren más.", "pieles oscuras"),
    ("es", "Preguntas sobre el dolor.", None)])
def test_a_thing_said_of_is_told_from_a_thing_named(lang: str, text: str, thing: str | None) -> None:
    assert ownvoice.outcome(text, lang) == thing


@pytest.mark.parametrize("lang, text, name", [
    ("en", "Sunscreen", True), ("en", "Acne scars", True), ("en", "No downtime", False), ("en", "Faster results", False),
    ("en", "Sunscreen is optional", False), ("es", "Protector solar", True), ("es", "Sin dolor", False)])
def test_a_short_piece_with_no_answer_only_names(lang: str, text: str, name: bool) -> None:
    assert ownvoice.is_name(text, lang) is name


@pytest.mark.parametrize("lang, text, title, thing", [
    ("en", "Scarring never happens.", False, "scarring"), ("en", "Acne scars", False, None),
    ("en", "Side effects", True, None), ("en", "No downtime", True, "downtime"),
    ("es", "Sin tiempo de recuperación", True, "recuperación"), ("es", "Protector solar", True, None)])
def test_what_a_piece_says_of_a_thing_is_told_from_a_name(lang: str, text: str, title: bool, thing: str | None) -> None:
    assert ownvoice.said_of(text, lang, title) == thing
