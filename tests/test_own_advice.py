"""The guide's own voice gives no advice about what the facts are about unless it shows the fact, or labels it as ours.

The third no-hints attack published "It is fine to use acids the next day." on a page: a sentence with no number and no
doctor's name, so neither the number rule nor the who-said-it rule read it. The build now refuses a sentence in the
guide's voice that advises ("it is fine to", "you can now use", "Avoid ...", "puede volver a usar", "no hace falta")
on a thing the facts name (acids, retinol, sunscreen, makeup, blood thinners...), unless it shows a fact or a quote, or
starts with {{ suggestion() }}. The things are read from the data: a new fact's items are covered when it lands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_reader_checks import _load, _project, _refused

REFUSED = {
    "en": [
        "It is fine to use acids the next day.",
        "You can keep taking blood thinners before your visit.",
        "It's safe to wear makeup right after.",
        "Avoid sunscreen for the first days.",
        "No need to skip retinol.",
        "You can now use exfoliating scrubs again.",
        "Keep using salicylic acid as usual.",
        # the fourth new-editor trial: other words for the same advice
        "Makeup is fine the next day.",
        "You can wear foundation again the next day.",
        "Sunscreen is not needed, and retinol is fine right after.",
        # the seventh no-hints attack: it does not matter, it is optional
        "Blood thinners do not matter for this treatment.", "Sunscreen is optional after the first evening.",
        # the seventh no-hints attack: what the reader may do right after, with no thing the facts name
        "You can drive home right away, and you may drink alcohol that night.", "You may go for a swim the same day.",
        # the eighth no-hints attack: more times right after the visit
        "After the first week you can stop.", "You can go back to your retinol the next morning.",
        # advice credited to the article or to "experts" with none of its facts (a doctor's name: the credit check)
        "The article says exfoliating scrubs are fine right after treatment.", "Experts say scrubs are fine the next day.",
        # the eighth no-hints attack (H-E6): a table's row reads as one sentence, its time and its thing together
        "| When | What to do |\n| --- | --- |\n| The next morning | Back to your usual retinol |",
        "| Product | When |\n| --- | --- |\n| Acids | Fine again the next day |",
        # the eighth no-hints attack (H-F13): raw shows a figure as typed, and its advice is read as any sentence's
        "{% raw %}Wait 2 weeks before a peel, and skip retinol for 5 days.{% endraw %}",
        "{% raw %}It is fine to use acids 2 days after.{% endraw %}",
    ],
    "es": [
        "Puede volver a usar ácidos al día siguiente.",
        "No hace falta evitar el retinol.",
        "Es mejor usar maquillaje enseguida.",
        "Usted puede seguir tomando anticoagulantes antes de la visita.",
        "Evite el protector solar los primeros días.",
        "Puede maquillarse al día siguiente.",
        "Está bien maquillarse al día siguiente.",
        "No hay problema en usar maquillaje al día siguiente.",
        "Los anticoagulantes no importan para este tratamiento.", "El protector solar es opcional después de la primera noche.",
        "Puede manejar a casa de inmediato y beber alcohol esa noche.", "Usted puede nadar el mismo día.",
        "Pasada la primera semana, puede dejarlo.", "En cambio, la aspirina no es un problema.",
        "El artículo dice que puede maquillarse al día siguiente.",
        "| Cuándo | Qué hacer |\n| --- | --- |\n| A la mañana siguiente | Su crema de retinol de siempre, otra vez |",
        "{% raw %}Espere 2 semanas antes de un peeling y deje el retinol 5 días.{% endraw %}",
    ],
}

BUILDS = {
    "en": [
        # the guide's voice about the reader's own arrangements, the site, or a link to where the facts are
        "You can buy microneedling tools to use at home.",
        "You can read the full set of steps on the [sources](sources.md) page.",
        "Ask your provider whether you should use retinol?",
        "On a computer you can also hover over a word to see its meaning.",
        "It is fine to ask for a second opinion.",
        "You can bring a friend to the visit.",
        "{{ suggestion() }} ask a doctor before you use acids again.",
        "{{ suggestion() }} if you are not sure whether one of these applies to you, ask a doctor before you book.",
        "This plan is for skin that is generally fine, and that you take care of.",
        "Keep a few days free after the visit.",
        "Dr. Jaliman says to avoid these right after:\n\n{{ fact_list(\"aftercare.avoid_ingredients\") }}",
        "## Who should avoid it\n\nText.",
        "Dr. Jaliman says to avoid {{ fact(\"aftercare.avoid_ingredients\") }}.",
        # may, can and a time after the visit, about asking, calling or reading: no advice
        "You can call the clinic the next day if something worries you.", "You can read the aftercare page tonight.",
        "You may need a ride home.", "Plan to rest that night.",
        # a table of the reader's own arrangements, or one that shows its facts
        "| What to bring | Why |\n| --- | --- |\n| Your list of questions | To ask before you book |\n| A friend | For the ride home |",
        "| When | What to do |\n| --- | --- |\n| The next morning | Call the clinic if anything worries you |",
        '| Ingredients | Who says to avoid them |\n| --- | --- |\n| {{ fact("aftercare.avoid_ingredients") }} | {{ expert("jaliman") }} |',
        "You can call the clinic {% raw %}24/7{% endraw %}.", "{% raw %}Call 555-0123 24/7 to book.{% endraw %}",
    ],
    "es": [
        "Puede comprar aparatos de microagujas para usar en casa.",
        "Este plan es para la piel que en general está bien y que usted cuida.",
        "Puede leer todos los pasos en la página de [fuentes](sources.md).",
        "Es buena idea pedir una segunda opinión.",
        "{{ suggestion() }} pregunte a un médico antes de volver a usar ácidos.",
        "¿Puede maquillarse después de la visita?",
        "{{ suggestion() }} si no está seguro de si algo de esto es su caso, pregunte a un médico.",
        "Puede llamar a la clínica al día siguiente si algo le preocupa.", "Puede leer la página de cuidados esta noche.",
        "| Qué llevar | Por qué |\n| --- | --- |\n| Su lista de preguntas | Para preguntar antes de reservar |",
        "| Cuándo | Qué hacer |\n| --- | --- |\n| A la mañana siguiente | Llame a la clínica si algo le preocupa |",
        "Puede llamar a la clínica {% raw %}24/7{% endraw %}.",
    ],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in REFUSED.items() for text in rows])
def test_advice_in_the_guides_own_voice_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert ("gives advice about" in msg or "makes a clinical claim" in msg) and "in the guide's own voice, with no fact" in msg, msg
    assert "if the article does not say it, remove the sentence" in msg, msg


OUR_LABEL_REFUSED = {
    # the trial did what the message said: put {{ suggestion() }} before clinical advice; ours may not say what is fine
    "en": ["{{ suggestion() }} it is fine to wear makeup the next day.", "{{ suggestion() }} retinol is safe again once the skin calms down."],
    "es": ["{{ suggestion() }} está bien maquillarse al día siguiente."],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in OUR_LABEL_REFUSED.items() for text in rows])
def test_our_suggestion_never_says_what_is_fine_or_safe(tmp_path: Path, lang: str, text: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert "our suggestion says what is fine or safe to do" in msg, msg


def test_the_message_names_the_fact_that_says_it(tmp_path: Path) -> None:
    msg = _refused(tmp_path, "Makeup is fine the next day.")
    assert 'fact("aftercare.makeup")' in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in BUILDS.items() for text in rows])
def test_ordinary_sentences_in_the_guides_voice_build(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


CLAIMS_REFUSED = {
    # the fourth no-hints attack: a clinical claim in the guide's own voice, with no fact (and against the page's own
    # "not covered: pregnancy")
    "en": ["Microneedling is safe during pregnancy and while breastfeeding.", "The results are permanent.",
           # the seventh new-editor trial: what the treatment does, with a thing the facts name or a length of time
           "She uses it to treat rosacea in her office.", "It clears rosacea.", "Most people heal within days.",
           # the seventh no-hints attack: results, approval, what it reverses, feeling nothing
           "People with eczema get the best results.", "At-home rollers give the same results as the office pen.",
           "Rosacea improves after microneedling.", "Microneedling is approved by the FDA.",
           "Microneedling can reverse hair loss.", "Most people feel nothing at all during the visit.",
           "{{ suggestion() }} go straight back to retinol the next morning; it is harmless.",
           # the fifth no-hints attack: beside a link, beside another fact, credited to a doctor with one of her facts,
           # as a question that tells, and in words the lists lacked
           "Microneedling is safe during pregnancy, as the [sources page](sources.md) explains.",
           "Microneedling is safe during pregnancy and the article calls it {{ fact(\"about.invasiveness\") }}.",
           "Did you know that microneedling is safe during pregnancy?",
           "Dr. Nazarian says microneedling is safe during pregnancy and that the pen has {{ fact(\"device.needle_count\") }}.",
           "She also says it is fine for pregnant patients and nursing moms.",
           "Expecting mothers can have it done with no worries at all.",
           "Microneedling cures acne for good.",
           # the sixth new-editor trial and no-hints attack: who it suits, pain, "expecting a baby"
           "It is fine for everyone.", "Anyone can have it.", "It works for every skin.",
           "Women who are expecting a baby are good candidates as well.", "The treatment is painless.",
           # the seventh no-hints attack: the course of treatment in the guide's own voice
           "You will not need a second visit.", "One treatment is enough.", "Your first visit is all it takes.",
           "Most patients require only a few sessions.",
           # the eighth no-hints attack and new-editor trial: no side effects, forever, results or pinkness gone by a time
           "There are no side effects.", "The results last forever.", "Most people see results after the first treatment.",
           "The pinkness is usually gone by the next morning."],
    "es": ["Es seguro durante el embarazo y la lactancia.", "Los resultados son permanentes.",
           "El tratamiento es seguro durante el embarazo, como explica la [página de fuentes](sources.md).",
           "Las futuras mamás pueden hacérselo sin ninguna preocupación.",
           "Es bueno para todos.", "Cualquier persona puede hacérselo.", "Las mujeres que esperan un bebé también pueden.",
           "El tratamiento es indoloro.",
           # the seventh new-editor trial: what the treatment does, with a thing the facts name or a length of time
           "Ella lo usa para tratar la rosácea en su consultorio.", "Quita la rosácea.",
           "Las personas con eccema obtienen los mejores resultados.", "La rosácea mejora con las microagujas.",
           "No necesitará una segunda visita.", "Basta con una sesión.", "La primera sesión será suficiente.",
           "No hay efectos secundarios.", "Lo rosado suele irse a la mañana siguiente."],
}
CLAIMS_BUILD = {
    "en": ["Ask your provider whether it is safe for you?", "Make sure the clinic is licensed.",
           "Who should treat you is your choice.", "Be gentle while the skin heals.",
           "The clinic that treats you can answer your questions.",
           "To learn which body areas can be treated, see [this page](index.md).",
           "{{ fact(\"candidates.skin_types\") }} is what Dr. Nazarian says it is safe for.",
           "Microneedling is not for everyone.", "There is no single plan that fits everyone.",
           "This guide is for anyone thinking about it.",
           "Ask your provider how many sessions you will need.", "You will need a second opinion.",
           "How many visits you need is not stated in the article.",
           "If you are unsure about a provider, a second opinion is a good idea.",
           "Ask your provider when the pinkness is gone.", "Plan your next visit after the first treatment."],
    "es": ["Si no está seguro, pregunte a un médico.", "Asegúrese de que la clínica tenga licencia.",
           "Para saber qué zonas del cuerpo se pueden tratar, vea [esta página](index.md).",
           "No hay un solo plan para todos.", "Esta guía es para cualquier persona que lo esté pensando.",
           "Pregunte cuántas sesiones necesitará.",
           # the eighth new-editor trial: 'profesional' names no thing of the facts, as 'provider' does not
           "Si no está seguro de un profesional, es buena idea pedir una segunda opinión."],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in CLAIMS_REFUSED.items() for text in rows])
def test_a_clinical_claim_in_the_guides_own_voice_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert "makes a clinical claim" in msg or "our suggestion says what is fine or safe to do" in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in CLAIMS_BUILD.items() for text in rows])
def test_safety_words_that_claim_nothing_build(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


@pytest.mark.parametrize("lang, line", [("en", "description: Microneedling is safe during pregnancy, as every study agrees."),
                                        ("es", "description: El tratamiento con microagujas es seguro durante el embarazo y la lactancia.")])
def test_a_description_that_makes_a_clinical_claim_stops_the_build(tmp_path: Path, lang: str, line: str) -> None:
    project = _project(tmp_path, "Text.", lang)
    page = project / ("docs-es" if lang == "es" else "docs") / "index.md"
    rows = page.read_text(encoding="utf-8").split("\n")
    at = next(i for i, row in enumerate(rows) if row.startswith("description:"))
    rows[at] = line
    page.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(Exception) as info:
        _load(project, lang)
    assert "the description makes a clinical claim" in str(info.value), str(info.value)


CREDIT_REFUSED = {
    # the fourth no-hints attack: a claim credited to a doctor by a possessive or "in her opinion", with no fact of hers
    "en": ["In Dr. Nazarian's view, at-home rollers work just as well as the office pen.",
           "Dr. Jaliman’s advice: any spa will do, a dermatologist is not needed.",
           # ... by a phrase of her role, or as both doctors' (the rest of its finding H3)
           "The Mount Sinai professor says at-home rollers work just as well as the office pen.",
           "The Beverly Hills surgeon's view: any spa will do.",
           "Both doctors say at-home rollers work just as well as the office pen.",
           "Both doctors say to avoid {{ fact(\"aftercare.avoid_ingredients\") }}.",
           "The two dermatologists agree that a spa is fine.",
           "Both doctors agree on one thing: sunscreen.",  # only Dr. Jaliman speaks of it (a must-build row until then)
           # the fifth new-editor trial: "the doctors" with no "both"
           "The doctors agree it works for everyone.", "The doctors agree that a spa is fine.",
           "Our doctors say a spa is fine.",
           # the sixth no-hints attack: other words that credit her
           "Dr. Jaliman swears by microneedling for rosacea.",
           "Dr. Nazarian points out that people on blood thinners do well with it.",
           "Dr. Jaliman’s tip for eczema: book a session.",
           "In Dr. Nazarian’s experience, frequent drinkers see the same results."],
    "es": ["En opinión de la Dra. Jaliman, los anticoagulantes no son motivo para esperar.",
           "La profesora de Mount Sinai dice que cualquier spa sirve.",
           "Ambas médicas dicen que los rodillos caseros funcionan igual de bien.",
           "Ambas médicas están de acuerdo en que funciona en todo tipo de piel.",
           "Las médicas están de acuerdo en que cualquier spa sirve.", "Las médicas coinciden en que cualquier spa sirve."],
}
DESCRIBED_REFUSED = {
    # the sixth no-hints attack: something of the treatment said of a doctor with no reporting word, and no fact of hers
    "en": ["Dr. Jaliman uses microneedling to treat eczema in her own office.", "Dr. Nazarian sees good results.",
           "Dr. Nazarian sees good results with it on rosacea.",
           "Dr. Jaliman has treated pregnant patients with it for years.",
           # the seventh new-editor trial: a fact of hers in the next sentence says something else of her
           "Dr. Nazarian sees good results. She says the number of sessions depends on "
           "{{ fact(\"frequency.depends_on\") }}."],
    "es": ["La Dra. Jaliman trata el eccema con microagujas en su consultorio.", "La Dra. Nazarian ve buenos resultados."],
}
CREDIT_BUILDS = {
    "en": ["Dr. Nazarian's office uses a mask.", "Dr. Jaliman's clinic is in New York.",
           "Dr. Nazarian is a plastic surgeon.", "Dr. Jaliman is one of two doctors in the article.",
           "You can read more about Dr. Nazarian on the sources page.", "Dr. Nazarian uses a pen in her office.",
           "Ask Dr. Nazarian's office about the price?",
           "Dr. Nazarian compares it with a facial. She says: {{ fact(\"about.lasting_results\") }}",
           "Dr. Jaliman works in New York City.", "Both doctors are quoted in the article.",
           "Both doctors say so: {{ fact(\"candidates.skin_types\") }}, and {{ fact(\"aftercare.avoid_ingredients\") }}.",
           "Here is how the two doctors in the article explain it.", "The doctors are quoted in the article."],
    "es": ["El consultorio de la Dra. Nazarian usa una mascarilla.", "Ambas médicas salen en el artículo.",
           "La Dra. Jaliman trabaja en Nueva York.",
           "Así lo explican las dos médicas del artículo.", "Las médicas salen en el artículo."],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in CREDIT_REFUSED.items() for text in rows])
def test_a_claim_credited_by_a_possessive_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert "credits a claim to" in msg and ("Dr" in msg or "both doctors" in msg), msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in DESCRIBED_REFUSED.items() for text in rows])
def test_something_of_the_treatment_said_of_a_doctor_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert "says something of" in msg and "Dr" in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in CREDIT_BUILDS.items() for text in rows])
def test_a_possessive_that_credits_nothing_builds(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


CONTEXT_REFUSED = {
    # the sixth no-hints attack (F2): a true figure shown as a claim the article does not make
    "en": ["Stay out of the sun for {{ fact(\"appointment.numbing_time\") }} after your visit.",
           "Wait {{ fact(\"aftercare.spf_min\") }} days before you wear makeup.",
           "Home rollers are safe up to {{ fact(\"device.depth_range\", \"max\") }}."],
    "es": ["No tome el sol durante {{ fact(\"appointment.numbing_time\") }} después de la visita."],
}
CONTEXT_BUILDS = {
    "en": ["The numbing cream takes {{ fact(\"appointment.numbing_time\") }} to work.",
           "How long does the numbing cream take to work? The article says {{ fact(\"appointment.numbing_time\") }}.",
           "## The numbing cream\n\nIt takes {{ fact(\"appointment.numbing_time\") }}.",
           "Dr. Nazarian says the pen has {{ fact(\"device.needle_count\") }}. "
           "She says they can be set {{ fact(\"device.depth_range\") }} deep.",
           "Dr. Jaliman says it should have an SPF of {{ fact(\"aftercare.spf_min\") }}."],
    "es": ["La crema para adormecer tarda {{ fact(\"appointment.numbing_time\") }} en hacer efecto."],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in CONTEXT_REFUSED.items() for text in rows])
def test_a_figure_where_nothing_says_what_it_is_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert "a figure shown where nothing around it says what it is" in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in CONTEXT_BUILDS.items() for text in rows])
def test_a_figure_beside_what_it_is_builds(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


def test_a_typed_figure_names_the_fact_it_means(tmp_path: Path) -> None:
    """The seventh new-editor trial: "Numbing takes 30 minutes." was told to add a fact to data/facts.yml, which has one."""
    from support import project_facts

    numbing = project_facts().all_facts()["appointment.numbing_time"]
    typed = int(getattr(numbing, "max", 0) or 0) + 7  # not the fact's own figure, whatever the data says today
    msg = _refused(tmp_path, f"Numbing takes {typed} minutes.", "en")
    assert f"a number typed into the page: '{typed}'" in msg and 'already gives the article\'s figure for this: show it with ' \
        '{{ fact("appointment.numbing_time") }}' in msg, msg


SUGGESTION_REFUSED = {
    # the seventh no-hints attack: our own suggestion telling the reader what to do about the treatment
    "en": ["{{ suggestion() }} stop taking your blood thinners before the visit.",
           "{{ suggestion() }} leave off the numbing cream.",
           "{{ suggestion() }} use a home roller each day between visits.",
           "{{ suggestion() }} pop the scabs with clean hands.",
           "{{ suggestion() }} if your skin is dry, put aloe and lemon juice on it that night."],
    "es": ["{{ suggestion() }} deje de tomar los anticoagulantes antes de la visita.",
           "{{ suggestion() }} si tiene la piel seca, póngase aloe esa noche."],
}
SUGGESTION_ASKS_TO_TREAT = {
    # the seventh no-hints attack: it starts with "ask", and asks the provider to do something to the skin
    "en": ["{{ suggestion() }} ask your provider to go as deep as the pen allows.",
           "{{ suggestion() }} ask the clinic to skip the numbing cream."],
    "es": ["{{ suggestion() }} pídale al profesional que llegue tan profundo como permita la pluma."],
}
SUGGESTION_BUILDS = {
    "en": ["{{ suggestion() }} ask your provider whether you should stop any medicine.",
           "{{ suggestion() }} if numbing matters to you, ask before you book.",
           "{{ suggestion() }} write down what the provider tells you.",
           "{{ suggestion() }} bring a list of the medicines you take.",
           "{{ suggestion() }} ask your provider to explain each step.", "{{ suggestion() }} ask to see their license."],
    "es": ["{{ suggestion() }} pregunte al profesional si debe dejar algún medicamento.",
           "{{ suggestion() }} si le importa que le adormezcan la piel, pregunte antes de hacer la cita.",
           "{{ suggestion() }} anote lo que le diga el profesional.",
           "{{ suggestion() }} pídale al profesional que le explique cada paso."],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in SUGGESTION_REFUSED.items() for text in rows])
def test_our_suggestion_only_sends_the_reader_to_ask_or_note(tmp_path: Path, lang: str, text: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert "our suggestion tells the reader to do something themselves" in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in SUGGESTION_ASKS_TO_TREAT.items() for text in rows])
def test_our_suggestion_asks_a_provider_only_to_tell_or_show(tmp_path: Path, lang: str, text: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert "our suggestion asks the provider to do something" in msg and "not to tell or show something" in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in SUGGESTION_BUILDS.items() for text in rows])
def test_our_suggestion_to_ask_or_note_builds(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


AGREES = {
    # the eighth no-hints attack: one doctor said to agree with the other, with none of her facts
    "en": ["Dr. Jaliman agrees.", "Dr. Jaliman gives the same advice."],
    "es": ["La Dra. Jaliman está de acuerdo.", "La Dra. Nazarian dice lo mismo."],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in AGREES.items() for text in rows])
def test_a_doctor_said_to_agree_with_none_of_her_facts_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert "agree ('" in msg and "with none of her facts" in msg, msg


@pytest.mark.parametrize("lang, text", [("en", "Ask whether your provider agrees with the article."),
                                        ("en", "Dr. Jaliman works in New York City."),
                                        ("es", "Pregunte si el profesional está de acuerdo con el artículo.")])
def test_agreeing_with_no_doctor_named_builds(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


@pytest.mark.parametrize("lang, text, who", [("en", "Dr. Jaliman agrees with Dr. Nazarian.", "Jaliman"),
                                             ("en", "Dr. Nazarian agrees with Dr. Jaliman.", "Nazarian"),
                                             ("es", "La Dra. Jaliman está de acuerdo con la Dra. Nazarian.", "Jaliman")])
def test_the_agreement_message_names_the_doctor_who_agrees(tmp_path: Path, lang: str, text: str, who: str) -> None:
    """The twelfth new-editor trial: "Dr. Jaliman agrees with Dr. Nazarian." was told "this sentence has Dr. Nazarian
    agree"."""
    msg = _refused(tmp_path, text, lang)
    assert f"has {who} agree" in msg or f"has Dr. {who} agree" in msg or f"has Dra. {who} agree" in msg, msg
