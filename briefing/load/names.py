"""Names in running text: how a place is written mid-sentence and in the genitive, from narratives/names.yaml.

The registry holds Denmark's 98 municipalities, the RAR areas, regions, landsdele
and common groupings. Any other label (a benefit, a group of citizens) gets a
lower-case first letter mid-sentence unless it is an acronym or a proper name
the deck names; a table can state a label's sentence form in `names:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefing.danish import fmt
from briefing.errors import BriefingError, Problem, known_list, suggest
from briefing.load.resources import resource_root
from briefing.load.source import load_yaml

PACKAGE_NAMES = resource_root() / "narratives" / "names.yaml"  # shipped with briefing (load/resources.py)
ENTRY_KEYS = ("name", "text", "genitive", "aliases")


@dataclass(frozen=True)
class Place:
    name: str
    text: str
    genitive: str
    kind: str


@dataclass(frozen=True)
class NameRegistry:
    places: dict[str, Place] = field(default_factory=dict)  # every name and alias -> its place
    groups: dict[str, str] = field(default_factory=dict)  # kind -> group noun in plural
    path: Path | None = None

    def place(self, label: str) -> Place | None:
        return self.places.get(label.strip())

    def running(self, label: str, stated: dict[str, str] | None = None, proper: frozenset[str] = frozenset()) -> str:
        """The label as written inside a sentence: 'hele landet', 'RAR Østjylland', 'modtagere af ledighedsydelse'."""
        if stated and label in stated:
            return stated[label]
        place = self.place(label)
        if place is not None:
            return place.text
        if label in proper or keeps_capital(label) or self.proper_compound(label, proper):
            return label
        return label[:1].lower() + label[1:]

    def proper_compound(self, label: str, proper: frozenset[str] = frozenset()) -> bool:
        """A name built on a place is a proper name: 'Holbæk Kommune', 'Københavns Kommune', 'Danmark i alt'; so is
        one whose second word has a capital: 'Jobcenter Holbæk' (but not 'kommunerne i RAR Fyn')."""
        words = label.split()
        if len(words) < 2:
            return False
        first = words[0].rstrip(",:")
        for name in (first, first[:-1] if first.endswith("s") else first):
            place = self.place(name)
            if name in proper or (place is not None and place.text[:1].isupper()):
                return True
        second = words[1]
        return second[:1].isupper() and not keeps_capital(second)

    def genitive(self, label: str, stated: dict[str, str] | None = None, proper: frozenset[str] = frozenset()) -> str:
        place = None if stated and label in stated else self.place(label)
        if place is not None:
            return place.genitive
        return fmt.genitive(self.running(label, stated, proper))

    def group(self, labels) -> str | None:
        """The plural noun for a group of places: 'kommuner' when all are municipalities, else 'områder'."""
        kinds = {p.kind if (p := self.place(label)) else None for label in labels}
        if None in kinds or not kinds:
            return None if kinds <= {None, "kommune"} else "områder"
        return self.groups.get(kinds.pop(), "områder") if len(kinds) == 1 else "områder"


def keeps_capital(label: str) -> bool:
    """An acronym ('RAR', 'STAR', 'A-kasse') or a word with a capital inside ('JobFirst') keeps its first capital."""
    first = label.split(" ", 1)[0]
    letters = re.sub(r"[^A-Za-zÆØÅæøå]", "", first.split("-", 1)[0])
    if len(letters) >= 2 and letters.isupper():
        return True
    if re.match(r"^[A-ZÆØÅ]-", first):
        return True
    return any(c.isupper() for c in first[1:])


@lru_cache(maxsize=8)
def _cached(path: Path, stamp: float) -> NameRegistry:
    return load_names(path)


def municipality_problem(name: str, names: NameRegistry) -> str | None:
    """Why `name` cannot be the municipality a deck is made for ('RAR Østjylland', 'Aalborg Kommune', 'Ålborg'),
    with the name that would be right; None for a municipality the registry knows, or when it knows none."""
    municipalities = sorted({p.name for p in names.places.values() if p.kind == "kommune"})
    place = names.place(name)
    if not municipalities or (place is not None and place.kind == "kommune"):
        return None
    text = name.strip()
    if not text:
        return "skriv kommunens navn, fx Vejle"
    bare = names.place(text.removesuffix(" Kommune").removesuffix(" kommune"))
    if bare is not None and bare.kind == "kommune":  # 'Aalborg Kommune'
        return f"skriv kun navnet uden 'Kommune', fx '{bare.name}'"
    if place is not None:
        return f"'{text}' er ikke en kommune; skriv en af de 98 kommuner, fx Vejle"
    from briefing.errors import suggest

    return f"'{text}' er ikke en kommune i narratives/names.yaml{suggest(text, municipalities)}"


def default_names() -> NameRegistry:
    """The registry shipped with briefing (loaded once)."""
    return _cached(PACKAGE_NAMES, PACKAGE_NAMES.stat().st_mtime)


def names_for(phrasebook_path: Path | None) -> NameRegistry:
    """The names.yaml next to a project's phrasebook (over the shipped one), else the one shipped with briefing."""
    if phrasebook_path is not None:
        own = phrasebook_path.parent / "names.yaml"
        if own.is_file() and own.resolve() != PACKAGE_NAMES:
            return over_shipped(load_names(own))
    return default_names()


def over_shipped(own: NameRegistry) -> NameRegistry:
    """A project's own names over the shipped ones: a file that gives only the names it changes keeps the other
    97 municipalities; a name it gives replaces the shipped entry with all its aliases."""
    shipped = default_names()
    changed = {place.name for place in own.places.values()} | set(own.places)
    places = {k: v for k, v in shipped.places.items() if k not in changed and v.name not in changed}
    places.update(own.places)
    return NameRegistry(places, {**shipped.groups, **own.groups}, own.path)


def load_names(path: Path) -> NameRegistry:
    """Load and validate a names file; raise BriefingError listing every problem, located."""
    doc = load_yaml(path)
    data = doc.data if isinstance(doc.data, dict) else None
    if data is None or not isinstance(data.get("places"), dict) or not isinstance(data.get("kinds"), dict):
        raise BriefingError(Problem("navnefilen skal have sektionerne 'kinds:' og 'places:'", doc.location()))
    problems: list[Problem] = []
    for key in [k for k in data if k not in ("kinds", "places")]:
        problems.append(Problem(f"ukendt felt '{key}'{suggest(str(key), ['kinds', 'places'])} (tilladte: kinds, places)",
                                doc.location((key,), key=True), str(key)))
    groups = {}
    for kind, spec in data["kinds"].items():
        if not isinstance(spec, dict) or not isinstance(spec.get("group"), str) or not spec["group"].strip():
            problems.append(Problem("skal have et gruppeord i flertal, fx {group: kommuner}",
                                    doc.location(("kinds", kind)), f"kinds.{kind}"))
            continue
        groups[kind] = spec["group"].strip()
    places: dict[str, Place] = {}
    for kind, entries in data["places"].items():
        if kind not in groups:
            problems.append(Problem(f"ukendt slags sted '{kind}'{suggest(str(kind), groups)} (kendte: {known_list(groups)})",
                                    doc.location(("places", kind), key=True), f"places.{kind}"))
            continue
        if not isinstance(entries, list):
            problems.append(Problem("skal være en liste af navne", doc.location(("places", kind)), f"places.{kind}"))
            continue
        for i, entry in enumerate(entries):
            where, name_field = doc.location(("places", kind, i)), f"places.{kind}[{i + 1}]"
            place, aliases, problem = _entry(entry, kind)
            if problem:
                problems.append(Problem(problem, where, name_field))
                continue
            for name in [place.name, *aliases]:
                if name in places:
                    problems.append(Problem(f"'{name}' står der allerede (som {places[name].kind}); hvert navn må kun stå én gang",
                                            where, name_field))
                places[name] = place
    if problems:
        raise BriefingError(problems)
    return NameRegistry(places, groups, path)


def _entry(entry, kind: str) -> tuple[Place | None, list[str], str]:
    if isinstance(entry, str) and entry.strip():
        name = entry.strip()
        return Place(name, name, fmt.genitive(name), kind), [], ""
    if not isinstance(entry, dict):
        return None, [], "skal være et navn eller {name: ..., text: ..., genitive: ...}"
    unknown = [k for k in entry if k not in ENTRY_KEYS]
    if unknown:
        return None, [], f"ukendt felt '{unknown[0]}'{suggest(str(unknown[0]), ENTRY_KEYS)} (tilladte: {known_list(ENTRY_KEYS)})"
    values = {k: entry.get(k) for k in ("name", "text", "genitive")}
    for key, value in values.items():
        if value is not None and (not isinstance(value, str) or not value.strip()):
            return None, [], f"'{key}' skal være en tekst, der ikke er tom"
    if values["name"] is None:
        return None, [], "mangler 'name' (navnet, som det står i tabellerne)"
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        return None, [], "'aliases' skal være en liste af navne"
    name = values["name"].strip()
    text = (values["text"] or name).strip()
    return Place(name, text, (values["genitive"] or fmt.genitive(text)).strip(), kind), [a.strip() for a in aliases], ""


def proper_names(deck) -> frozenset[str]:
    """The places a deck names (own municipality, region, country, peers) are proper names, written as they are
    unless the registry says otherwise ('Hele landet' is 'hele landet' inside a sentence)."""
    comparison = deck.comparison
    return frozenset(n for n in (deck.municipality, comparison.region, comparison.country, *comparison.peers) if n)
