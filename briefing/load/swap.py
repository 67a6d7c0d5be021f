"""The same project seen from another municipality (`build --kommune`, `build --alle`).

Every text the user wrote that names the home municipality names the other one instead, and the other way round:
titles, leads, bullets, notes, a narrative's measure and subject, `where` values, references `{tabel | Hedensted}`,
peers. A two-way swap keeps a relation true ("Favrskov ligger over Hedensted" stays the same claim seen from the
other side), and the genitive follows (Hedensteds -> Horsens'). Data tables are never touched: they hold the rows of
both. Fields that name files, tables or slides are left alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from briefing.danish import fmt

# Field names whose values are names of files, tables, slides or kinds, not text about a place.
_NOT_TEXT = frozenset({"kind", "rule", "table", "file", "sheet", "theme", "logo", "template", "slides", "name",
                       "municipality", "municipalities"})


def name_swapper(home: str, other: str) -> Callable[[str], str]:
    """A function that swaps `home` and `other` (and their genitives) wherever they stand as whole names."""
    forms = {home: other, other: home, fmt.genitive(home): fmt.genitive(other), fmt.genitive(other): fmt.genitive(home)}
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    # A name is whole when no letter, digit or hyphen touches it: 'Ringkøbing-Skjern' holds no 'Skjern'.
    pattern = re.compile(rf"(?<![\w\-\u2011])(?:{alternatives})(?![\w\-\u2011])")
    return lambda text: pattern.sub(lambda m: forms[m.group(0)], text)


def swap_names(value: Any, swap: Callable[[str], str]) -> Any:
    """`value` (a pydantic model, list, dict or text) with every text swapped; unchanged parts are kept as they are."""
    if isinstance(value, str):
        return swap(value)
    if isinstance(value, BaseModel):
        updates = {}
        for field in type(value).model_fields:
            if field in _NOT_TEXT:
                continue
            old = getattr(value, field)
            new = swap_names(old, swap)
            if new is not old and new != old:
                updates[field] = new
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, (list, tuple)):
        items = [swap_names(item, swap) for item in value]
        return type(value)(items) if items != list(value) else value
    if isinstance(value, dict):
        swapped = {swap(k) if isinstance(k, str) else k: swap_names(v, swap) for k, v in value.items()}
        return swapped if swapped != value else value
    return value
