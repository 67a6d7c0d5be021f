"""Ranking and extremes: where one place stands among others, in words that fit the place and the direction.

Ranks are counted from whichever end is nearer ('den tredjelaveste' rather than
'nr. 5 af 7'), or from the end the item asks for; a tie at an end is still that
end ('har sammen med Odder den laveste'); the group noun follows what is ranked.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.danish import fmt
from briefing.facts.narrative.values import Result, Sentence, Skipped, Value, missing, start_of_sentence, value_text, \
    with_about
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
         about: str | None = None, direction: str | None = None) -> Result:
    """'Hedensted har den laveste andel blandt de seks kommuner', 'den tredjelaveste', ties 'sammen med ...'.

    `direction` ('højest' or 'lavest') counts from that end; by default from the nearer one."""
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
    base = dict(subject=start_of_sentence(subject), subject_s=own.possessive, noun=noun, n=n,
                group=group or "kommuner", rank=top, others=fmt.join_list(ties))
    word = _word(top, bottom, direction)
    if ties:
        variant = "delt_placering" if word else "delt"
    elif word in ("højeste", "laveste", "næsthøjeste", "næstlaveste"):
        variant = {"højeste": "højest", "laveste": "lavest", "næsthøjeste": "næsthøjest", "næstlaveste": "næstlavest"}[word]
    else:
        variant = "placering" if word else "plads"
    text = book.render(rule, variant, **base, rank_word=word or "")
    return Sentence(with_about(text, about), rule, tuple(present), variables)


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


def extremes(values: Sequence[Value], book: Phrasebook, *, noun: str) -> Result:
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
    text = book.render(rule, "højest_lavest", noun=noun, highest=start_of_sentence(fmt.join_list([v.label for v in highest])),
                       highest_value=value_text(highest[0], book), lowest=fmt.join_list([v.label for v in lowest]),
                       lowest_value=value_text(lowest[0], book))
    return Sentence(text, rule, tuple(present), {"højest": float(top), "lavest": float(bottom)})
