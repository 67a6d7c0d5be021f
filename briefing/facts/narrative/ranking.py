"""Ranking and extremes: where one place stands among others, in words that fit the place and the direction.

Ranks are counted from whichever end is nearer ('den tredjelaveste' rather than
'nr. 5 af 7'), or from the end the item asks for; a tie at an end is still that
end ('har sammen med Odder den laveste'); the group noun follows what is ranked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.danish import fmt
from briefing.facts.narrative.nouns import head, is_count, needs_bound_form, superlative
from briefing.facts.narrative.values import (Result, Sentence, Skipped, Value, minus, missing, plural_unit,
                                            sign_of, start_of_sentence, tolerance_of, value_text, with_about)
from briefing.load.phrasebook import Phrasebook

ORDINAL_PREFIX = {2: "næst", 3: "tredje", 4: "fjerde", 5: "femte", 6: "sjette", 7: "syvende", 8: "ottende",
                  9: "niende", 10: "tiende"}


def rank_word(place: int, end: str) -> str | None:
    """'højeste', 'næstlaveste', 'tredjehøjeste' ... up to the tenth; None beyond."""
    if place == 1:
        return f"{end}e"
    prefix = ORDINAL_PREFIX.get(place)
    return f"{prefix}{end}e" if prefix else None


def rank(subject: str, values: Sequence[Value], book: Phrasebook, *, noun: str, group: str | None = "kommuner",
         about: str | None = None, direction: str | None = None, benchmarks: Sequence[Value] = (),
         tolerance: float | None = None) -> Result:
    """'Hedensted har den laveste andel blandt de seks kommuner', 'den tredjelaveste', ties 'sammen med ...';
    a count noun binds the rank word: 'Hedensted har færrest sanktioner af de seks kommuner'.

    `direction` ('højest' or 'lavest') counts from that end; by default from the nearer one. With `benchmarks`
    (not ranked) the sentence goes on with where the subject lies against them: '... og ligger under både RAR
    Østjylland og hele landet'; a benchmark without a value for the period is left out, never guessed."""
    rule = "rangering"
    own = next((v for v in values if v.label == subject), None)
    if own is None:
        return Skipped(rule, f"{subject} findes ikke blandt værdierne")
    skipped = missing(rule, [own])
    if skipped:
        return skipped
    present = [v for v in values if v.value is not None]
    if len(present) < 2:
        return Skipped(rule, "der er færre end to værdier at rangere")
    n = len(present)
    top = 1 + sum(1 for v in present if v.shown > own.shown)
    bottom = 1 + sum(1 for v in present if v.shown < own.shown)
    ties = [v.label for v in present if v.shown == own.shown and v.label != subject]
    variables = {"plads": top, "antal": n, "plads_nedefra": bottom}
    group = "kommuner" if group is None else group
    if n < len(values):  # a row shown as '–' is not ranked: 'blandt de fire kommuner med tal' beside five rows
        group = f"{group} med tal".strip()
    base = dict(subject=start_of_sentence(subject), subject_s=own.possessive, noun=noun, n=n, group=group,
                rank=bottom if direction == "lavest" else top,  # "nr. 12 af 14" from the end asked for, like the words
                others=fmt.join_list(ties))
    word = _word(top, bottom, direction)
    if word and needs_bound_form(noun, own.unit):
        variant = "tælleord" if is_count(noun, own.unit) else "bundet"
        text = book.render(rule, f"{variant}_delt" if ties else variant, **base, rank_word=word,
                           superlative=superlative(word, noun, own.unit))
    else:
        if ties:
            variant = "delt_placering" if word else "delt"
        elif word in ("højeste", "laveste", "næsthøjeste", "næstlaveste"):
            variant = {"højeste": "højest", "laveste": "lavest", "næsthøjeste": "næsthøjest",
                       "næstlaveste": "næstlavest"}[word]
        else:
            variant = "placering" if word else "plads"
        text = book.render(rule, variant, **base, rank_word=word or "")
    if not group:  # rows that are not places (benefits, target groups): "blandt de tre", no group noun
        text = re.sub(" {2,}", " ", text).strip()
    facts = tuple(present)
    against = [b for b in benchmarks if b.value is not None]
    if against:
        text = book.render(rule, "med_sammenligning", ranking=text,
                           comparison=_against(own, against, book, tolerance_of(tolerance)))
        facts += tuple(against)
        variables["over"] = sum(1 for b in against if sign_of(minus(own.shown, b.shown), tolerance_of(tolerance)) > 0)
        variables["under"] = sum(1 for b in against if sign_of(minus(own.shown, b.shown), tolerance_of(tolerance)) < 0)
    return Sentence(with_about(text, about), rule, facts, variables)


def _against(own: Value, benchmarks: Sequence[Value], book: Phrasebook, tolerance) -> str:
    """'under både RAR Østjylland og hele landet', 'over RAR Østjylland og under hele landet' (directions only)."""
    groups: dict[int, list[str]] = {}
    for b in benchmarks:
        groups.setdefault(sign_of(minus(own.shown, b.shown), tolerance), []).append(b.label)
    words = {1: "over", -1: "under", 0: "niveau"}
    parts = [book.render("rangering", f"ret_{words[sign]}" + ("_flere" if len(names) > 1 else ""),
                         benchmarks=fmt.join_list(names)) for sign, names in groups.items()]
    return fmt.join_list(parts)


def _word(top: int, bottom: int, direction: str | None) -> str | None:
    """The rank word from the end asked for, else from the nearer end; the exact middle has none."""
    if direction == "højest":
        return rank_word(top, "højest")
    if direction == "lavest":
        return rank_word(bottom, "lavest")
    if top == 1:
        return "højeste"
    if bottom == 1:
        return "laveste"
    if top == bottom:
        return None
    return rank_word(top, "højest") if top < bottom else rank_word(bottom, "lavest")


def extremes(values: Sequence[Value], book: Phrasebook, *, noun: str, about: str | None = None) -> Result:
    """'Jeg bliver mødt med respekt har den højeste andel (78,4 pct.) og ... den laveste (52,6 pct.)'."""
    rule = "ekstremer"
    present = [v for v in values if v.value is not None]
    if len(present) < 2:
        return Skipped(rule, "der er færre end to værdier at sammenligne")
    top = max(v.shown for v in present)
    bottom = min(v.shown for v in present)
    if top == bottom:
        return Skipped(rule, "alle værdier er ens")
    highest = [v for v in present if v.shown == top]
    lowest = [v for v in present if v.shown == bottom]
    names = dict(noun=noun, highest=start_of_sentence(fmt.join_list([v.label for v in highest])),
                 highest_value=value_text(highest[0], book), lowest=fmt.join_list([v.label for v in lowest]),
                 lowest_value=value_text(lowest[0], book))
    unit = present[0].unit
    if is_count(noun, unit) and plural_unit(unit) and head(noun).endswith(plural_unit(unit)):
        # the noun says what the numbers count: '(44)', not '(44 sanktioner)' right after 'flest sanktioner'
        names.update(highest_value=fmt.number(highest[0].shown, highest[0].decimals),
                     lowest_value=fmt.number(lowest[0].shown, lowest[0].decimals))
    if needs_bound_form(noun, unit):  # 'Horsens har flest sanktioner (30) og Hedensted færrest (12)'
        text = book.render(rule, "bundet_højest_lavest", **names, most=superlative("højeste", noun, unit),
                           least=superlative("laveste", noun, unit))
    else:
        text = book.render(rule, "højest_lavest", **names)
    return Sentence(with_about(text, about), rule, tuple(present), {"højest": float(top), "lavest": float(bottom)})
