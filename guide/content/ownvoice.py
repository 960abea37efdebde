"""What the guide may say in its own voice: the things a reader decides by, and the words that soften a fact.

Closed lists, read by the advice rules of ``guide.content.attribution`` on every page, heading, table row and tip
title of both editions, and by ``guide.content.templates`` on the partials' own words and the strings:

* ``OUTCOMES``: what the treatment does to a reader or asks of them (scars, wrinkles, results, downtime, pain,
  redness, sunscreen, skin colour, pregnancy ...). A sentence in the guide's own voice that says something of one
  of these states a clinical fact, and a clinical fact reaches a page only through ``{{ fact() }}`` or
  ``{{ quote() }}``, with who said it. A question, a link to where the fact is shown, the lead-in of a list of
  facts, our ``{{ suggestion() }}`` to ask, and a word that only names what a page or the advice is *about*
  ("Half of the advice is about sunscreen") say nothing of it and build.
* ``SOFTENERS``: words that make a fact weaker or narrower than its speaker said it (a hedge: "might", "may be
  worth"; a narrowing: "only", "severe"; a softer verb: "go easy on"). Beside a fact, in the guide's own words,
  one stands only where the fact's own words have it.

* ``ANSWERS`` and ``WHEN``: what turns a name into an answer ("No downtime", "Back to work the same day"), in a
  title or heading; ``CLAIMS``: a few claims with no claim word ("Nothing in the article rules it out", "sees it the
  same way", "you feel next to nothing").
* ``TIMES`` and ``SINCE``: a time counted in the treatment's course ("the first night", "after your first session"),
  and ``KEEPS_MODAL``: the article's "would" said again. Beside a fact, the guide's own time, outcome or dropped
  conditional stands only where the fact's words or passage have it (``times_not_in``, ``outcomes_not_in``,
  ``modal_dropped``); ``WARNINGS``: a heading that hedges a warning ("Who may want to avoid it") answers.

The lists hold words, not the phrasing of a claim: an attacker who wants to say something about scarring has to name
scarring, and one who weakens a warning has to add a weakening word. Change them here only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from guide.data import translation

OUTCOMES: dict[str, tuple[str, ...]] = {
    # a word, or a stem ending in "*"; several words are matched as a phrase
    "en": ("scar", "scars", "scarr*", "wrinkl*", "fine lines", "pore", "pores", "result", "results", "downtime",
           "recover*", "redness", "pinkness", "swell*", "swollen", "bruis*", "scab", "scabs", "scabb*", "peel*",
           "flak*", "pain", "pains", "painful", "hurt", "hurts", "hurting", "sore", "soreness", "sting", "stings",
           "stinging", "tender", "tenderness", "side effect", "side effects", "complication*", "collagen", "elastin",
           "acne", "rosacea", "eczema", "texture", "glow*", "smoother", "firmer", "tighter", "youthful", "younger",
           "sunscreen*", "sunblock", "sun damage", "sun protection", "tan", "tanning", "makeup", "make-up",
           "back to normal", "look normal", "looks normal", "feel normal", "feels normal", "dark skin", "darker skin",
           "light skin", "lighter skin", "fair skin", "skin tone*", "skin colo*", "stretch marks", "pigment*",
           "hyperpigment*", "discolo*", "dark spots", "age spots", "sagging", "baby", "pregnan*", "breastfeed*",
           # what a reader may do again after the visit, and how soon the skin settles (the eleventh new-editor
           # trial: "You can go back to the gym the same evening", "Your face should calm down by the weekend")
           "exercise*", "exercising", "gym", "workout*", "work out", "working out", "sweat*", "swim*", "sauna",
           "back to work", "calm down", "calms down", "settle down", "settles down",
           # time off, and the day as usual (the twelfth no-hints attack: "| Time off work | Not needed |", "Then you
           # can get on with your day as usual")
           "time off", "off work", "day off", "days off", "as usual", "get on with your day", "go about your day",
           # the twelfth new-editor trial: what it does for the eyes and who by age ("It is gentle enough for teens")
           "smooth", "dark circles", "under-eye", "teen", "teens", "teenager*", "children", "kids", "older people",
           "seniors",
           # the thirteenth new-editor trial: who it suits by sex, and what it gives ("Men get the same benefits as women")
           "men", "women", "benefit", "benefits",
           # the fourteenth no-hints attack: what it does for hair, marks and puffiness, for sensitive skin, and for
           # loose skin and deep lines
           "thinning hair", "hair loss", "hair growth", "scalp", "melasma", "freckle*", "puffy", "puffiness", "sensitive",
           "loose skin", "deep lines", "good fit", "candidate", "candidates", "leave a mark", "leaves a mark",
           "leave marks", "leaves marks",
           # the fifteenth no-hints attack: how it feels, blood, what goes on the skin after, marks
           "sensation", "scratch", "bleed*", "draw blood", "moisturi*", "foundation",
           "marks"),
    "es": ("cicatri*", "arruga*", "líneas finas", "poro", "poros", "resultado*", "recupera*", "rojez", "enrojec*",
           "rosad*", "hinch*", "moret*", "morad*", "costra*", "descam*", "pelar*", "dolor*", "duele", "duelen",
           "doler*", "escoz*", "escuece*", "sensibilidad", "efecto secundario", "efectos secundarios",
           "complicaci*", "colágeno", "elastina", "acné", "rosácea", "eccema", "textura", "luminos*", "más suave",
           "más firme", "más tersa", "rejuvenec*", "más joven", "protector solar", "protección solar",
           "daño solar", "bronce*", "maquillaje", "maquillarse", "maquillar*", "normalidad", "piel oscura",
           "pieles oscuras", "piel clara", "pieles claras", "piel morena", "pieles morenas", "tono de piel",
           "color de piel", "estrías", "mancha*", "pigment*", "flacidez", "bebé", "embaraz*", "lactan*",
           "ejercicio*", "gimnasio", "entrenar", "sudar", "sudor", "nadar", "piscina", "sauna", "al trabajo",
           "calmarse", "se calma", "se calmará", "días libres", "día libre", "baja laboral", "como siempre",
           "seguir con su día", "vida normal", "ojeras", "adolescente*", "niños", "niñas", "personas mayores",
           "hombres", "mujeres", "beneficio*",
           "caída del cabello", "cabello fino", "cuero cabelludo", "melasma", "peca*", "bolsas", "hinchazón bajo los ojos", "sensible",
           "sensibles", "piel flácida", "arrugas profundas", "candidat*", "costrit*", "dejan marca", "deja marca",
           "dejar marca", "brillo", "más lisa", "más liso", "la sensación", "rasguño", "sangr*",
           "hidratante", "base de maquillaje", "marcas"),
}
"""What a reader decides by: a sentence that says something of one states a clinical fact."""

SOFTENERS: dict[str, tuple[str, ...]] = {
    "en": ("might", "may", "maybe", "perhaps", "possibly", "could", "worth", "consider", "considering", "choose",
           "up to you", "your call", "optional",
           "only", "just", "solely", "merely", "severe", "serious", "bad", "mostly", "mainly", "a little", "a bit",
           "go easy", "easy on", "cut back", "cut down", "less of", "thinking twice", "think twice", "in moderation",
           "sparingly", "some of", "unless", "except"),
    "es": ("quizá", "quizás", "tal vez", "a lo mejor", "posiblemente", "podría", "podrían", "puede que", "opcional", "a su elección",
           "solo", "sólo", "solamente",
           "únicamente", "grave", "graves", "severo", "severa", "severos", "severas", "sobre todo", "un poco",
           "con moderación", "con cuidado", "menos", "pensárselo", "pensarlo dos veces", "algo de", "salvo", "excepto",
           "a menos que"),
}
"""Words that make a fact weaker or narrower than its speaker said it."""

_ABOUT = {"en": re.compile(r"(?<![^\W\d_])(?:about|regarding|calls? (?:it|them|this|these)|called|covers|talks about)\s+"
                          r"(?:(?:the|your|their|a|an)\s+)?$", re.I),
          "es": re.compile(r"(?<![^\W\d_])(?:sobre|acerca de|llama|llaman|se llama|se llaman|habla de|hablan de|trata de|"
                           r"tratan de|habla del|trata del)\s+(?:(?:la|el|los|las|su|sus)\s+)?$",
                           re.I)}
"""What a page, the advice or a question is about ("Half of the advice is about sunscreen", "questions about
pain"): naming a thing this way says nothing of it."""


def fold(text: str) -> str:
    """``text`` lower-cased, with curly apostrophes straightened and accents kept (Spanish words differ by them)."""
    return unicodedata.normalize("NFC", text.lower().replace("’", "'"))


def _pattern(words: Iterable[str]) -> re.Pattern[str]:
    parts = [re.escape(w[:-1]) + r"[^\W\d_]*" if w.endswith("*") else re.escape(w) for w in words]
    parts = [p.replace(r"\ ", r"\s+") for p in parts]
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(parts, key=len, reverse=True)) + r")(?!['-]?[^\W\d_])", re.I)


WARNINGS: dict[str, tuple[str, ...]] = {
    "en": ("avoid", "skip", "stay away", "steer clear", "wait", "stop", "not", "never", "don't", "shouldn't"),
    "es": ("evite", "evitar", "evitarlo", "no", "nunca", "espere", "esperar", "deje", "dejar"),
}
"""Words of a warning ("Who should avoid it", "Quién debe evitarlo"): a heading that says one with a hedge of the guide's
own ("Who may want to avoid it": the thirteenth no-hints attack, M2) softens every warning under it."""
_HEDGES = frozenset({"might", "may", "maybe", "perhaps", "possibly", "could", "worth", "consider", "choose", "optional",
                     "up to you", "your call", "quizá", "quizás", "tal vez", "a lo mejor", "posiblemente", "podría",
                     "podrían", "puede que", "opcional", "a su elección"})

_OUTCOME = {lang: _pattern(words) for lang, words in OUTCOMES.items()}
_WARNING = {lang: _pattern(words) for lang, words in WARNINGS.items()}
_SOFTENER = {lang: _pattern(words) for lang, words in SOFTENERS.items()}


def outcome(text: str, lang: str) -> str | None:
    """The first thing a reader decides by that ``text`` says something of, or None (a word that only names what
    something is about does not count)."""
    plain = fold(text)
    for found in _OUTCOME[lang].finditer(plain):
        if not _ABOUT[lang].search(plain[max(0, found.start() - 40):found.start()]):  # a bounded look back: linear
            return found[0]
    return None


def softeners(text: str, lang: str) -> list[str]:
    """Every softening word of ``text``, as written."""
    return [found[0] for found in _SOFTENER[lang].finditer(fold(text))]


def softened_warning(text: str, lang: str) -> str | None:
    """The hedge of ``text`` (a heading) when it also warns ("Who may want to avoid it"), or None."""
    hedge = next((word for word in softeners(text, lang) if word in _HEDGES), None)
    return hedge if hedge is not None and _WARNING[lang].search(fold(text)) else None


_ENTRIES = {lang: [_pattern([word]) for word in words] for lang, words in OUTCOMES.items()}


def outcomes_not_in(text: str, said: str, lang: str) -> list[str]:
    """The things a reader decides by that ``text`` says something of and ``said`` (a fact's words and passage) does
    not name at all, as written: "..., so you can go back to work the same day" beside a fact of how the numbing
    feels (the thirteenth no-hints attack, H4)."""
    plain, told = fold(text), fold(said)
    out = []
    for found in _OUTCOME[lang].finditer(plain):
        if _ABOUT[lang].search(plain[max(0, found.start() - 40):found.start()]):
            continue
        entry = next((p for p in _ENTRIES[lang] if p.fullmatch(found[0])), None)
        if entry is not None and not entry.search(told) and not (lang != "en" and _in_english(found[0], told)):
            out.append(found[0])
    return out


def _in_english(words: str, said: str) -> bool:
    """Whether the English of ``said`` (a Spanish fact's passage is the article's English) has what the Spanish
    ``words`` translate to, by the bilingual lexicon ("colágeno": collagen)."""
    english = [translation.fold(w) for w in re.findall(r"[^\W\d_]+", said.replace("-", " "))]
    for token in translation.read(words, translation.load_lexicon()):
        for stems in token.english:
            n = len(stems)
            if any(all(english[i + j].startswith(stems[j]) for j in range(n)) for i in range(len(english) - n + 1)):
                return True
    return False


_COURSE = {"en": r"(?:night|nights|day|days|morning|evening|week|weeks|month|months|session|sessions|visit|visits|treatment|treatments)",
           "es": r"(?:noche|noches|día|días|mañana|tarde|semana|semanas|mes|meses|sesión|sesiones|visita|visitas|tratamiento|tratamientos)"}
_COUNTED = {"en": r"(?:first|second|third|next|last|single)", "es": r"(?:primer|primera|primeros|primeras|primero|segund[oa]s?|"
                                                                    r"tercer[oa]?|siguiente|próxim[oa]|últim[oa])"}
SINCE = {
    "en": re.compile(r"(?<![^\W\d_])(?:after|before|from|until|till|by)\s+(?:your|the|each|every|a)\s+" + _COUNTED["en"]
                     + r"\s+" + _COURSE["en"] + r"(?![^\W\d_])", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:después de|tras|antes de|desde|hasta)\s+(?:la|el|los|las|su|sus|cada)\s+"
                     + _COUNTED["es"] + r"\s+" + _COURSE["es"] + r"(?![^\W\d_])", re.I),
}
"""A time counted from a point of the course ("after your first session", "tras la primera sesión"): in a heading it
answers when ("## Touch-ups after your first session": the thirteenth no-hints attack, H5)."""
TIMES = {
    "en": re.compile(r"(?<![^\W\d_])(?:the|that|your|a|each|every)\s+" + _COUNTED["en"] + r"\s+" + _COURSE["en"]
                     + r"(?![^\W\d_])", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:el|la|los|las|su|sus|esa|ese|cada)\s+" + _COUNTED["es"] + r"\s+" + _COURSE["es"]
                     + r"(?![^\W\d_])", re.I),
}
"""A time counted in the treatment's course ("the first night", "after your first session", "la primera noche",
"después de la primera sesión"): beside a fact, a time of the guide's own moves what its speaker said ("no retinol
on the first night", "touch-ups after your first session": the thirteenth no-hints attack, H5 and H7)."""


_MODAL = re.compile(r"(?<![^\W\d_])(?:would|could|might)(?![^\W\d_])", re.I)
KEEPS_MODAL = {"en": re.compile(r"(?<![^\W\d_])(?:would|could|might|may|can)(?![^\W\d_])", re.I),
               "es": re.compile(r"(?<![^\W\d_])(?:[^\W\d_]+rían?|puede|pueden|podría|podrían|quizá|quizás|tal vez)"
                                r"(?![^\W\d_])", re.I)}
"""A conditional of the article ("which would cause the body to create ...") said again in the guide's words: "would",
"could", "might", "may", "can"; in Spanish a conditional ("harían") or "puede"."""


def modal_dropped(own: str, shown: str, passage: str, lang: str) -> str | None:
    """The passage's modal ("would") when the fact's shown words do not carry it and the guide's own words beside the
    fact (``own``) have none: "She says the punctures make the body create new ..." for "would cause" (the thirteenth
    no-hints attack, M6). ``None`` when nothing is dropped."""
    modal = _MODAL.search(passage)
    if modal is None or KEEPS_MODAL[lang].search(fold(shown)) or KEEPS_MODAL[lang].search(fold(own)):
        return None
    return modal[0]


def times_not_in(text: str, said: str, lang: str) -> list[str]:
    """The times of ``text`` (``WHEN``, ``SINCE`` and ``TIMES``) that ``said`` (a fact's words and passage) does not have."""
    plain, told = fold(text), " ".join(fold(said).split())
    found = [m[0] for pattern in (WHEN[lang], SINCE[lang], TIMES[lang]) for m in pattern.finditer(plain)]
    return [time for time in found if " ".join(time.split()) not in told]


ANSWERS: dict[str, tuple[str, ...]] = {
    "en": ("no", "none", "zero", "nothing", "never", "barely", "hardly", "scarcely", "minimal", "little", "less", "fewer",
           "soon", "pass", "passes", "quickly",
           "faster", "quicker", "quick", "instant", "better", "best", "worse", "easy", "gone", "over", "yes", "fine",
           "ok", "okay", "optional"),
    "es": ("no", "ninguno", "ninguna", "ningún", "nada", "nunca", "apenas", "casi", "cero", "mínimo", "mínima", "poco",
           "pronto", "pasan", "se pasan",
           "poca", "menos", "rápido", "rápidos", "rápida", "rápidas", "instantáneo", "mejor", "mejores", "peor",
           "fácil", "sí", "bien", "opcional", "sin"),
}
"""Words that make a name an answer: "No downtime", "Faster results", "The short answer: barely", "Ninguno"."""

_ANSWER = {lang: _pattern(words) for lang, words in ANSWERS.items()}


def answer(text: str, lang: str) -> str | None:
    """The first word of ``text`` that answers rather than names, or None."""
    found = _ANSWER[lang].search(fold(text))
    return found[0] if found else None


NAME_WORDS = 2
"""A piece of at most this many words with no answer word names a thing ("Sunscreen", "Acne scars", "Side effects"):
a list item, a cell or a title that says nothing of it."""


def is_name(text: str, lang: str) -> bool:
    """Whether ``text`` only names something: a short piece with no answer word."""
    return len(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)) <= NAME_WORDS and answer(text, lang) is None


def said_of(text: str, lang: str, title: bool = False) -> str | None:
    """The thing a reader decides by that ``text`` says something of, or None: a piece that only names it says
    nothing ("Acne scars"), and a ``title`` (a heading, a block's title, a term) names unless it answers ("No
    downtime")."""
    thing = outcome(text, lang)
    if thing is None or (answer(text, lang) is None if title else is_name(text, lang)):
        return None
    return thing


BARELY = {"en": re.compile(r"(?<![^\W\d_])(?:barely|hardly|scarcely|next to nothing)(?![^\W\d_])", re.I),
          "es": re.compile(r"(?<![^\W\d_])(?:apenas|casi nada|casi no)(?![^\W\d_])", re.I)}
"""A heading that answers with how little ("The short answer: barely"), whatever it names."""


CLAIMS: dict[str, dict[str, re.Pattern[str]]] = {
    # "Nothing in the article rules it out" (the eleventh no-hints attack, H20): the article's silence read as a yes
    "the article's silence as a yes": {
        "en": re.compile(r"(?<![^\W\d_])(?:(?:nothing|nobody|no one|none)(?:\s+[^\W\d_]+){0,6}?\s+(?:rules?|ruled)\s+"
                         r"(?:[^\W\d_]+\s+)?out|(?:does not|doesn't|did not|didn't|never)\s+(?:rule|ruled)\s+(?:[^\W\d_]+\s+)?"
                         r"out|nothing\s+(?:against|forbids|prevents|stops)|(?:does not|doesn't)\s+(?:forbid|warn against))"
                         r"(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:nada(?:\s+[^\W\d_]+){0,6}?\s+lo\s+(?:descarta|impide|prohíbe)|no\s+lo\s+"
                         r"(?:descarta|prohíbe|impide)|nadie\s+lo\s+(?:descarta|prohíbe))(?![^\W\d_])", re.I)},
    # "Dr. Jaliman sees it the same way as Dr. Nazarian" (the eleventh new-editor trial): agreement with no "agree"
    "agreement": {
        "en": re.compile(r"(?<![^\W\d_])(?:sees? (?:it|this|that|things) the same way|the same way as|see eye to eye|"
                         r"on the same page|shares? (?:her|the same|their) (?:view|opinion)|of the same (?:view|opinion|mind))"
                         r"(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:l[oa]s? ven? igual|ven? (?:esto|eso) igual|piensan? igual|opinan? igual|"
                         r"de la misma manera que|comparten? (?:su|la misma) (?:opinión|visión)|dirían? lo mismo|"
                         r"opinan? lo mismo|piensan? lo mismo)(?![^\W\d_])", re.I)},
    # "Nobody needs more than a handful of sessions" (the twelfth new-editor trial): how many, with no figure
    "how many sessions": {
        "en": re.compile(r"(?<![^\W\d_])(?:more than|no more than|at most|just|only|fewer than|less than)\s+(?:a handful|a few|"
                         r"a couple|several|one|two|three|four|five|six)\s+(?:of\s+)?(?:sessions|visits|treatments)"
                         r"(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:más de|no más de|como mucho|solo|sólo|menos de)\s+(?:unas pocas|unas cuantas|un par de|"
                         r"varias|una|dos|tres|cuatro|cinco|seis)\s+(?:sesiones|visitas|tratamientos)(?![^\W\d_])", re.I)},
    # "You feel next to nothing" (the eleventh no-hints attack, H13, on a page): how little it is felt
    "how it feels": {
        "en": re.compile(r"(?<![^\W\d_])(?:(?:feel|feels|felt|notice|notices)\s+(?:next to nothing|almost nothing|very little|"
                         r"barely anything|hardly anything|little or nothing)|(?:barely|hardly|scarcely)\s+(?:feel|feels|"
                         r"felt|notice|notices|hurts?|stings?))(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:(?:siente|sienten|sentirá|sentirán|nota|notará)\s+(?:casi nada|muy poco|apenas nada)|"
                         r"(?:casi no|apenas)\s+(?:se siente|se nota|siente|sentirá|duele|duelen|molesta|pica))"
                         r"(?![^\W\d_])", re.I)},
    # "Nearly everyone is happy with how it turns out", "Casi todos ven un cambio tras la primera sesión" (the thirteenth
    # new-editor trial): how pleased people are, and a change seen, with no result word
    "how it turns out": {
        "en": re.compile(r"(?<![^\W\d_])(?:(?:happy|pleased|satisfied|delighted|thrilled)\s+with|turns?\s+out\s+(?:well|great|fine|"
                         r"nicely)|(?:see|sees|saw|notice|notices|noticed)\s+(?:a|the|any|some|real|big)\s+(?:\w+\s+)?"
                         r"(?:difference|change|improvement))(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:(?:content[oa]s?|satisfech[oa]s?|encantad[oa]s?)\s+con|(?:ven|ve|verá|verán|notan|nota|"
                         r"notará|notarán)\s+(?:un|una|el|la|algún|alguna)\s+(?:\w+\s+)?(?:cambio|diferencia|mejora)|se\s+nota\s+"
                         r"(?:un|el|la)\s+(?:cambio|diferencia|mejora))(?![^\W\d_])", re.I)},
    # the fourteenth no-hints attack: a visible change, a warning that "does not count", no need to call
    "a change seen": {
        "en": re.compile(r"(?<![^\W\d_])(?:(?:real|visible|noticeable|big|dramatic|quick|fast) (?:change|difference|results?)|"
                         r"speeds? (?:things |it |healing |results )?up)(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:cambios? (?:real(?:es)?|visibles?|notables?|rápidos?)|(?:verdadero|gran) cambio|"
                         r"acelera[n]?)(?![^\W\d_])", re.I)},
    # "A roller is gentle enough to use every night", "Sessions closer together get you there sooner" (the fifteenth
    # no-hints attack): what is fine, and how often, with no claim word
    "what is fine to do": {
        "en": re.compile(r"(?<![^\W\d_])(?:(?:gentle|safe|mild|soft) enough (?:to|for)|a good middle ground|"
                         r"closer together|get (?:you )?there (?:sooner|faster|quicker))(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:(?:lo bastante|suficientemente) (?:suave|segur[oa]|leve) (?:para|como)|"
                         r"un buen término medio|más (?:seguidas|juntas|cerca una de otra)|llegar antes)(?![^\W\d_])", re.I)},
    "how long it lasts": {
        "en": re.compile(r"(?<![^\W\d_])(?:lasts?|stays?)\s+(?:for\s+)?(?:years|months|a long time|forever|for good)"
                         r"(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:dura|duran|durará|durarán)\s+(?:\w+\s+)?(?:años|meses|mucho tiempo|para siempre)"
                         r"(?![^\W\d_])", re.I)},
    "how many visits": {
        "en": re.compile(r"(?<![^\W\d_])(?:(?:just|only) (?:go|come|do it|have it done) once|once is enough|"
                         r"enough to go once)(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:(?:basta|bastará|bastan)\s+con\s+(?:ir|venir|acudir|hacerlo|hacérselo)\s+una\s+"
                         r"(?:sola\s+)?vez)(?![^\W\d_])", re.I)},
    "a warning narrowed": {
        "en": re.compile(r"(?<![^\W\d_])(?:(?:does not|doesn't|do not|don't) (?:count|apply)|(?:is|are) not included|"
                         r"nothing to worry about|no need to (?:call|worry|see))(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:no cuenta[n]?|no (?:se )?aplica[n]?|no hay que (?:llamar|preocuparse)|"
                         r"no se preocupe|no hace falta llamar)(?![^\W\d_])", re.I)},
    # "A nurse at a medspa is just as good" (H6): a comparison with no "as" after it
    "a comparison": {
        "en": re.compile(r"(?<![^\W\d_])(?:(?:just|every bit|equally)\s+(?:as\s+)?(?:good|safe|effective|qualified|well|"
                         r"skilled)|no different|no worse|as good|the same (?:benefits|results|effects) as|"
                         r"as (?:deep|deeply|far|well|good|safe|effective|strong|fast|quick|quickly) as|works? (?:best|better)|"
                         r"(?:the|for|for the) best (?:results?|effect|option|choice|setting)|more is better|the more the better)"
                         r"(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:igual de (?:buen[oa]s?|segur[oa]s?|eficaz|efectiv[oa]s?|bien)|tan buen[oa]s?|"
                         r"no es peor|no son peores|da igual|l[oa]s mism[oa]s (?:beneficios|resultados|efectos) que|"
                         r"tan (?:hondo|profund[oa]|bien|buen[oa]|segur[oa]|eficaz|rápid[oa]|lejos) como|funcionan? mejor|"
                         r"(?:el|la|los|las) mejor(?:es)? (?:opción|resultados?|ajuste|efecto)|más es mejor|cuanto más,? mejor)"
                         r"(?![^\W\d_])", re.I)},
}
"""Claims the guide never makes in its own voice, by kind."""


def claim(text: str, lang: str) -> tuple[str, str] | None:
    """(kind, words as written) of the first such claim ``text`` makes, or None."""
    for kind, patterns in CLAIMS.items():
        if found := patterns[lang].search(text):
            return kind, found[0]
    return None


ASKS_FIRST = frozenset("""ask check call phone email contact talk read look find compare pregunte consulte llame hable lea
busque compare pídale pídales pregúntele pregúnteles""".split())
"""The first word of a sentence that sends the reader to ask or look ("Ask your provider when the pinkness is gone"):
it says nothing of what it names."""


WHEN = {"en": re.compile(r"(?<![^\W\d_])(?:the same (?:day|evening|night)|the next (?:day|morning|evening)|the day after|"
                         r"that (?:same )?(?:night|evening|day)|tonight|right away|straight away|immediately|at once|"
                         r"overnight|tomorrow|in no time)(?![^\W\d_])", re.I),
        "es": re.compile(r"(?<![^\W\d_])(?:el mismo día|al día siguiente|el día siguiente|esa (?:misma )?(?:noche|tarde)|"
                         r"de inmediato|enseguida|en seguida|inmediatamente|mañana mismo|de un día para otro|"
                         r"en muy poco tiempo)(?![^\W\d_])", re.I)}
"""A time that answers when ("the same day", "al día siguiente"): a heading that says it of a thing a reader decides by
answers ("## Back to work the same day"); "## Makeup after the visit" names a time, and builds."""
