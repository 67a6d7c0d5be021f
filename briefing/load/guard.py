"""Values a YAML file may hold, checked where they are read so the message names the field's place.

Text must be something XML can carry (no control characters, no lone surrogates, no U+FFFE/U+FFFF) and not
absurdly long; numbers must be finite and of a size a briefing can show. Everything later (deck XML, CSV,
Markdown) can then rely on it.
"""

from __future__ import annotations

import math
import re
from typing import Any

from briefing.danish import fmt

MAX_TEXT_CHARS = 20_000
MAX_MAGNITUDE = 1e15
# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x1b": "ESC", "\x0b": "VT", "\x0c": "FF"}


def text_problem(text: str) -> str | None:
    """Why `text` cannot go into a deck, in Danish; None when it can."""
    if len(text) > MAX_TEXT_CHARS:
        return (f"teksten er for lang ({fmt.number(len(text))} tegn); højst {fmt.number(MAX_TEXT_CHARS)} tegn "
                "er tilladt i ét felt")
    bad = _NOT_XML.search(text)
    if bad:
        char = bad.group()
        code = f"U+{ord(char):04X}"
        name = f" ({_NAMES[char]})" if char in _NAMES else ""
        return (f"teksten indeholder et styretegn, som PowerPoint ikke kan gemme: {code}{name} efter "
                f"'{text[max(0, bad.start() - 20):bad.start()]}'; slet tegnet")
    return None


def number_problem(value: Any) -> str | None:
    """Why a number read from YAML cannot be used, in Danish; None when it can."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and math.isnan(value):
        return "'.nan' er ikke et tal; skriv tallet, eller '.' hvis det mangler"
    if isinstance(value, float) and math.isinf(value):
        return "tallet er uendeligt eller for stort; skriv et endeligt tal"
    if abs(value) > MAX_MAGNITUDE:
        return f"tallet er for stort; højst {fmt.number(MAX_MAGNITUDE)} i talværdi er tilladt"
    return None


def value_problem(value: Any) -> str | None:
    """The problem with one scalar read from YAML (text or number), or None."""
    if isinstance(value, str):
        return text_problem(value)
    return number_problem(value)
