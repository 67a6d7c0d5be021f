"""The phrasebook: wording for every rule, loaded from narratives/phrasebook.yaml and validated.

Every placeholder a template uses must be one the rule provides, and every rule
must have all its variants, so a misspelt placeholder is a located error at load
time, never an empty string in front of the committee.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefing.errors import BriefingError, Problem, known_list, suggest
from briefing.load.names import NameRegistry, default_names, names_for
from briefing.load.source import SourceDoc, load_yaml

POINT_UNITS = ("pct.point", "procentpoint", "pct.-point")
SETTINGS = ("point_unit",)
FORMAT_SPECS = ("", "tekst")

# rule -> variant -> placeholders the rule fills in
RULES: dict[str, dict[str, set[str]]] = {
    "sammenligning": {
        "over": {"subject", "difference", "benchmark"},
        "under": {"subject", "difference", "benchmark"},
        "niveau": {"subject", "benchmark"},
        "flere": {"subject", "differences", "direction", "benchmarks"},
        "blandet": {"subject", "parts"},
        "del_over": {"difference", "benchmark"},
        "del_under": {"difference", "benchmark"},
        "del_niveau": {"benchmark"},
        "relativ_over": {"subject", "percent", "noun", "benchmark"},
        "relativ_under": {"subject", "percent", "noun", "benchmark"},
        "relativ_flere": {"subject", "percent", "noun", "benchmark"},
        "relativ_færre": {"subject", "percent", "noun", "benchmark"},
        "bedre": {"sentence"},
        "dårligere": {"sentence"},
        "flere_ens": {"subject", "difference", "direction", "benchmarks"},
        "niveauer": {"subject", "value", "values", "benchmarks"},
        "niveauer_en": {"subject", "value", "values", "benchmarks"},
    },
    "udvikling": {
        **{name: {"measure", "from_value", "from_period", "to_value", "to_period", "change"}
           for name in ("steget", "faldet", "steget_med", "faldet_med", "uændret",
                        "prognose_steget", "prognose_faldet", "prognose_steget_med", "prognose_faldet_med",
                        "prognose_uændret")},
        **{name: {"other_change", "benchmark"} for name in ("mod_samme", "mod_steget", "mod_faldet", "mod_uændret")},
    },
    "rangering": {
        **{name: {"subject", "noun", "n", "group", "rank", "others", "rank_word"}
           for name in ("højest", "lavest", "næsthøjest", "næstlavest", "plads", "delt", "placering", "delt_placering")},
        **{name: {"subject", "noun", "n", "group", "rank", "others", "rank_word", "superlative"}
           for name in ("bundet", "bundet_delt", "tælleord", "tælleord_delt")},
        "med_sammenligning": {"ranking", "comparison"},
        **{name: {"benchmarks"} for name in ("ret_over", "ret_under", "ret_niveau", "ret_over_flere",
                                             "ret_under_flere", "ret_niveau_flere")},
    },
    "ekstremer": {"højest_lavest": {"highest", "highest_value", "lowest", "lowest_value", "noun"},
                  "bundet_højest_lavest": {"highest", "highest_value", "lowest", "lowest_value", "noun", "most", "least"}},
    "andel": {name: {"part", "share", "whole", "fraction"} for name in ("brøk", "andel")},
    "mål": {name: {"target", "value", "gap"} for name in ("nået", "ikke_nået")},
    "scenarie": {
        "opsummering": {"scenario", "effects"},
        **{name: {"amount", "label", "per"}
           for name in ("sparer", "koster", "flere", "færre", "giver_flere", "giver_færre", "giver_mere",
                        "giver_mindre")},
        "styrker": {"label"},
        "svækker": {"label"},
    },
}


# Variants added after the first edition: a project's own phrasebook written before them takes the shipped wording.
LATER = {"rangering": ("bundet", "bundet_delt", "tælleord", "tælleord_delt", "med_sammenligning", "ret_over", "ret_under", "ret_niveau",
                       "ret_over_flere", "ret_under_flere", "ret_niveau_flere"),
         "ekstremer": ("bundet_højest_lavest",), "sammenligning": ("relativ_flere", "relativ_færre"),
         "scenarie": ("giver_mere", "giver_mindre")}


@dataclass(frozen=True)
class Phrasebook:
    templates: dict[str, dict[str, str]]
    point_unit: str = "pct.point"
    path: Path | None = None
    registry: NameRegistry | None = None  # names.yaml next to the phrasebook, else the shipped one

    @property
    def names(self) -> NameRegistry:
        return self.registry or default_names()

    def render(self, rule: str, variant: str, **values) -> str:
        """Fill a template; `{n:tekst}` writes numbers up to twelve as words."""
        from briefing.danish import fmt

        out = []  # {subject_s} is the genitive of {subject}: Hedensteds, Vejles, Horsens'
        for literal, name, spec, _conv in string.Formatter().parse(self.templates[rule][variant]):
            out.append(literal)
            if name is None:
                continue
            if name == "subject_s":
                value = values.get("subject_s") or fmt.genitive(values["subject"])
            else:
                value = values[name]
            if spec == "tekst" and isinstance(value, int):
                value = fmt.number_word(value)
            out.append(str(value))
        return "".join(out)


# Wherever a template can name the subject, it can also use its genitive.
for _variants in RULES.values():
    for _names in _variants.values():
        if "subject" in _names:
            _names.add("subject_s")


def load_phrasebook(path: Path) -> Phrasebook:
    """Load and validate a phrasebook file; raise BriefingError listing every problem."""
    doc = load_yaml(path)
    problems: list[Problem] = []
    data = doc.data if isinstance(doc.data, dict) else {}
    if not isinstance(doc.data, dict) or not isinstance(data.get("rules"), dict):
        raise BriefingError(Problem("formuleringsfilen skal have en sektion 'rules:'", doc.location()))
    settings = data.get("settings") or {}
    if not isinstance(settings, dict):
        problems.append(Problem("skal være en sektion med indstillinger, fx point_unit: pct.point",
                                doc.location(("settings",)), "settings"))
        settings = {}
    for key in [k for k in settings if k not in SETTINGS]:
        problems.append(Problem(f"ukendt indstilling '{key}'{suggest(str(key), SETTINGS)} (kendte: {known_list(SETTINGS)})",
                                doc.location(("settings", key), key=True), f"settings.{key}"))
    point_unit = settings.get("point_unit", "pct.point")
    if point_unit not in POINT_UNITS:
        problems.append(Problem(f"ugyldig enhed '{point_unit}' (tilladte: {', '.join(POINT_UNITS)})",
                                doc.location(("settings", "point_unit")), "settings.point_unit"))
    for key in set(data) - {"settings", "rules"}:
        problems.append(Problem(f"ukendt felt '{key}'{suggest(key, ['settings', 'rules'])} (tilladte: rules, settings)",
                                doc.location((key,), key=True), key))
    templates = _templates(doc, data["rules"], problems)
    if problems:
        raise BriefingError(problems)
    return Phrasebook(templates, point_unit, path, names_for(path))


def _templates(doc: SourceDoc, rules: dict, problems: list[Problem]) -> dict[str, dict[str, str]]:
    templates: dict[str, dict[str, str]] = {}
    for rule in RULES:
        if rule not in rules:
            problems.append(Problem(f"formuleringerne til reglen '{rule}' mangler", doc.location(("rules",), key=True),
                                    "rules"))
    for rule, variants in rules.items():
        if rule not in RULES:
            problems.append(Problem(f"ukendt regel '{rule}'{suggest(rule, RULES)} (kendte: {known_list(RULES)})",
                                    doc.location(("rules", rule), key=True), f"rules.{rule}"))
            continue
        if not isinstance(variants, dict):
            problems.append(Problem("skal være en sektion med formuleringer", doc.location(("rules", rule)), f"rules.{rule}"))
            continue
        for variant in RULES[rule]:
            if variant not in variants and variant in LATER.get(rule, ()):
                templates.setdefault(rule, {})[variant] = _shipped(rule, variant)
            elif variant not in variants:
                problems.append(Problem(f"formuleringen '{variant}' mangler", doc.location(("rules", rule)), f"rules.{rule}"))
        for variant, text in variants.items():
            field = f"rules.{rule}.{variant}"
            where = doc.location(("rules", rule, variant))
            if variant not in RULES[rule]:
                problems.append(Problem(f"ukendt formulering '{variant}'{suggest(variant, RULES[rule])} "
                                        f"(kendte: {known_list(RULES[rule])})", doc.location(("rules", rule, variant), key=True), field))
                continue
            if not isinstance(text, str) or not text.strip():
                message = "formuleringen er tom; skriv en tekst" if text is None or isinstance(text, str) else \
                    "formuleringen skal være en tekst"
                problems.append(Problem(message, where, field))
                continue
            problems.extend(_check_template(text, RULES[rule][variant], where, field))
            templates.setdefault(rule, {})[variant] = text
    return templates


def _check_template(text: str, allowed: set[str], where, field: str) -> list[Problem]:
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return [Problem("en krøllet parentes er ikke lukket; skriv pladsholdere som {navn}", where, field)]
    problems = []
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in allowed:
            problems.append(Problem(f"ukendt pladsholder '{{{name}}}'{suggest(name, allowed)} (kendte: {known_list(allowed)})",
                                    where, field))
        elif spec not in FORMAT_SPECS or conversion:
            problems.append(Problem(f"ukendt format '{{{name}:{spec}}}' (tilladt: {{{name}:tekst}})", where, field))
    return problems


def _shipped(rule: str, variant: str) -> str:
    """The shipped wording of a variant a project's older phrasebook does not have yet."""
    return str(_shipped_rules()[rule][variant])


@lru_cache(maxsize=1)
def _shipped_rules() -> dict:
    from briefing.load.resources import resource_root

    return load_yaml(resource_root() / "narratives" / "phrasebook.yaml").data["rules"]


def with_project_names(book: Phrasebook, root: Path) -> Phrasebook:
    """A project's own narratives/names.yaml reaches every sentence, also when the project keeps the shipped
    phrasebook; raise BriefingError (located) when the file is broken."""
    own = root / "narratives" / "names.yaml"
    if not own.is_file() or (book.registry is not None and book.registry.path == own):
        return book
    from dataclasses import replace

    from briefing.errors import Location
    from briefing.load.names import load_names, over_shipped
    from briefing.load.paths import SYMLINK_OUT, within

    if not within(root, own):
        raise BriefingError(Problem(SYMLINK_OUT.replace("mappen", "projektet"), Location(own)))
    return replace(book, registry=over_shipped(load_names(own)))
