"""How a rank word binds to the noun it ranks: 'flest sanktioner', 'den laveste andel', 'det højeste antal'.

A noun that counts things (its first word is a plural count noun, or the table's own count unit) takes
'flest'/'færrest' without article; any other noun takes the superlative with the article of its gender and
number: 'den' (andel, afgangsrate), 'det' (antal, niveau, fravær) or 'de' (udgifter, ydelser). The head is
the first word of the noun ('antal sanktioner pr. 1.000 borgere' is ranked as an 'antal'), and a compound
takes the gender of its last part ('aktiveringsniveau' is neuter like 'niveau').
"""

from __future__ import annotations

from briefing.danish.units import COUNT_NOUNS

# plural nouns that count people or things (ranked with 'flest'/'færrest'), each with its singular for exactly one:
# '1 sanktion', '1 person i job' (a compound keeps its first part)
SINGULAR = {
    "personer": "person", "borgere": "borger", "modtagere": "modtager", "ledige": "ledig", "sanktioner": "sanktion",
    "forløb": "forløb", "sager": "sag", "afgørelser": "afgørelse", "klager": "klage",
    "fuldtidspersoner": "fuldtidsperson", "virksomheder": "virksomhed", "praktikker": "praktik", "samtaler": "samtale",
    "tilbud": "tilbud", "unge": "ung", "elever": "elev", "deltagere": "deltager", "ansøgninger": "ansøgning",
    "henvendelser": "henvendelse", "jobs": "job", "job": "job", "ansatte": "ansat", "medarbejdere": "medarbejder",
    "pladser": "plads", "stillinger": "stilling", "timer": "time", "aktiveringer": "aktivering", "kvinder": "kvinde",
    "mænd": "mand", "børn": "barn", "familier": "familie", "tilkendelser": "tilkendelse", "ansættelser": "ansættelse",
    "pensioner": "pension", "brugere": "bruger", "indsatser": "indsats", "aktiviteter": "aktivitet",
    "kontanthjælpsmodtagere": "kontanthjælpsmodtager", "fuldtidsstillinger": "fuldtidsstilling", "løntimer": "løntime",
    "fleksjob": "fleksjob",
}
COUNT_HEADS = tuple(SINGULAR)
# neuter nouns ('det højeste antal'); a compound ending in one of them is neuter too
NEUTER_ENDINGS = ("antal", "niveau", "fravær", "forbrug", "beløb", "omfang", "tal", "resultat", "gennemsnit",
                  "indeks", "udbytte", "fald", "optag", "frafald", "sygefravær", "timetal", "udgiftsniveau")
# plural nouns that are not counted ('de højeste udgifter'); compounds ending in them too
PLURAL_ENDINGS = ("udgifter", "ydelser", "omkostninger", "indtægter", "lønninger", "priser", "satser", "takster",
                  "udbetalinger", "refusioner")


def head(noun: str) -> str:
    return noun.strip().split(" ", 1)[0].lower() if noun.strip() else ""


def is_count(noun: str, unit: str = "") -> bool:
    """Whether a noun counts things ('sanktioner', 'personer i job', the table's own count unit); a compound
    counts what its last part counts ('ledighedsforløb', 'kontanthjælpsmodtagere', 'virksomhedspraktikker')."""
    word = head(noun)
    plurals = {plural for _singular, plural in COUNT_NOUNS.values()} | set(COUNT_HEADS)
    if "/" in unit:
        plurals.add(unit.split("/", 1)[1])
    return any(word == p or (word.endswith(p) and len(p) >= 4) for p in plurals)


def article(noun: str) -> str:
    """'den', 'det' or 'de' for the head of a noun that is not a count noun."""
    word = head(noun)
    if word.endswith(PLURAL_ENDINGS):
        return "de"
    if word.endswith(NEUTER_ENDINGS):
        return "det"
    return "den"


def superlative(word: str, noun: str, unit: str = "") -> str:
    """'højeste' / 'tredjelaveste' bound to the noun: 'flest', 'tredjefærrest', 'det højeste', 'den næstlaveste'."""
    if is_count(noun, unit):
        stem = word[:-len("este")]  # 'tredjehøjeste' -> 'tredjehøj'
        if stem.endswith("høj"):
            return stem[:-len("høj")] + "flest"
        return stem[:-len("lav")] + "færrest"
    return f"{article(noun)} {word}"


def needs_bound_form(noun: str, unit: str = "") -> bool:
    """Whether the rank words need the bound form (anything but a singular common noun such as 'andel')."""
    return is_count(noun, unit) or article(noun) != "den"


def singular(noun: str) -> str:
    """The noun for exactly one of it: 'sanktioner' → 'sanktion', 'personer i job' → 'person i job',
    'kontanthjælpsmodtagere' → 'kontanthjælpsmodtager'; a noun whose head is not a known count noun as it is."""
    stripped = noun.strip()
    first, _, rest = stripped.partition(" ")
    lower = first.lower()
    for plural, one in SINGULAR.items():
        if lower == plural or (lower.endswith(plural) and len(plural) >= 4):
            word = first[:len(first) - len(plural)] + one
            return f"{word} {rest}" if rest else word
    return stripped
