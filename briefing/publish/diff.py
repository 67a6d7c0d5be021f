"""Compare two built decks and say in Danish what changed, so a facilitator sees what is new since the last meeting.

Both decks are read back with python-pptx into plain slide views (title, texts, table cells,
notes, pictures). Slides are matched by title; a slide whose title changed is matched by its
content. Then each matched pair is compared: numbers in tables and sentences, texts, notes and
charts. The result is one line per change, each starting with the slide it is on.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.danish import fmt
from briefing.errors import BriefingError, Location, Problem
from briefing.danish.units import MISSING, UNIT_HEADERS

NO_CHANGES = "Ingen ændringer."
TITLE_WIDTH = 40  # a longer title is shortened in change lines; the slide number tells slides apart
SIMILAR = 0.5  # how alike two slides' contents must be to count as one slide with a new title
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_HEADER_UNIT = re.compile(r"^(.*\S) \((" + "|".join(re.escape(u) for u in UNIT_HEADERS.values()) + r")\)$")


@dataclass(frozen=True)
class SlideView:
    """What a reader sees on one slide, as plain text."""

    number: int
    title: str
    texts: tuple[str, ...] = ()  # paragraphs outside tables, without the title and the slide number
    tables: tuple[tuple[tuple[str, ...], ...], ...] = ()  # each table as rows of cell texts
    notes: tuple[str, ...] = ()  # non-empty lines of the speaker notes
    pictures: tuple[str, ...] = ()  # a hash of each picture, so a redrawn chart is noticed

    @property
    def content(self) -> str:
        """What the slide shows besides its title, for matching a slide whose title changed.

        Notes are left out: generated notes ("Næste: ...", timings) make short slides look alike.
        """
        cells = [cell for table in self.tables for row in table for cell in row]
        return "\n".join([*self.texts, *cells])


def diff_text(old: Path, new: Path) -> str:
    """The changes from deck `old` to deck `new`, one per line, or 'Ingen ændringer.'."""
    before, after = read_deck(old), read_deck(new)
    lines = describe_changes(before, after) + stale_numbers(before, after)
    return "\n".join(lines) if lines else NO_CHANGES


def read_deck(path: Path) -> list[SlideView]:
    """Every slide of a .pptx as a SlideView; a located Danish error if the file cannot be read."""
    from pptx import Presentation  # only needed when decks are compared

    path = Path(path)
    if not path.is_file():
        raise BriefingError(Problem("filen findes ikke", Location(path)))
    from briefing.load.zipsafe import ZipLimitError, check_zip

    try:
        check_zip(path)
        deck = Presentation(str(path))
    except ZipLimitError as exc:
        raise BriefingError(Problem(f"præsentationen kan ikke sammenlignes: {exc}", Location(path))) from None
    except Exception:  # python-pptx raises many kinds for a file that is not a deck
        raise BriefingError(Problem("filen kan ikke læses som en PowerPoint-præsentation (.pptx)", Location(path))) from None
    return [_slide_view(number, slide) for number, slide in enumerate(deck.slides, start=1)]


def _slide_view(number: int, slide) -> SlideView:
    title_shape = slide.shapes.title
    title = _plain(title_shape.text_frame.text.strip()) if title_shape is not None else ""
    texts, tables, pictures = [], [], []
    for shape in slide.shapes:
        if title_shape is not None and shape.shape_id == title_shape.shape_id or _is_slide_number(shape):
            continue
        if shape.has_text_frame:
            texts += [p.text.strip() for p in shape.text_frame.paragraphs if p.text.strip()]
        if getattr(shape, "has_table", False) and shape.has_table:
            tables.append(tuple(tuple(_plain(cell.text.strip()) for cell in row.cells) for row in shape.table.rows))
        if hasattr(shape, "image"):
            pictures.append(hashlib.sha256(shape.image.blob).hexdigest())
    notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
    lines = tuple(line.strip() for line in notes.splitlines() if line.strip())
    return SlideView(number, title or (texts[0] if texts else "uden titel"), tuple(texts), tuple(tables), lines, tuple(pictures))


def _plain(text: str) -> str:
    """A title or cell as written in the inputs: without the no-break spaces and hyphens of typesetting, so
    headers read as periods ('3. kvt. 2019') and a deck built before typesetting compares equal."""
    return text.replace("\u2011", "-").replace("\u00a0", " ")


def _is_slide_number(shape) -> bool:
    """The slide number changes whenever a slide is added before it; it is not news."""
    return bool(shape._element.xpath('.//a:fld[@type="slidenum"]'))


# ---------------------------------------------------------------- matching slides

def describe_changes(old: Sequence[SlideView], new: Sequence[SlideView]) -> list[str]:
    """One Danish line per change from `old` to `new`, in the order of the new deck."""
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, [s.title for s in old], [s.title for s in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for before, after in zip(old[i1:i2], new[j1:j2]):
                lines += _slide_changes(before, after)
        else:
            lines += _block_changes(old[i1:i2], new[j1:j2])
    return lines


def _block_changes(old: Sequence[SlideView], new: Sequence[SlideView]) -> list[str]:
    """Slides whose titles did not match: a new title on similar content, or slides removed and added."""
    pairs = _pair_by_content(old, new)
    paired_old = {id(before) for before in pairs.values()}
    lines = [f"{_name(s)} er fjernet" for s in old if id(s) not in paired_old]
    for slide in new:
        before = pairs.get(id(slide))
        if before is None:
            lines.append(f"{_name(slide)} er ny")
        else:
            lines.append(f"{_name(slide)}: ny titel (før: '{before.title}')")
            lines += _slide_changes(before, slide)
    return lines


def _pair_by_content(old: Sequence[SlideView], new: Sequence[SlideView]) -> dict[int, SlideView]:
    """For each new slide, the most alike unused old slide, if alike enough: keyed by id of the new slide."""
    pairs: dict[int, SlideView] = {}
    unused = list(old)
    for slide in new:
        scored = [(difflib.SequenceMatcher(None, o.content, slide.content, autojunk=False).ratio(), i) for i, o in enumerate(unused)]
        if scored:
            score, index = max(scored)
            if score >= SIMILAR:
                pairs[id(slide)] = unused.pop(index)
    return pairs


def _name(slide: SlideView) -> str:
    """"Slide 7 'Færre modtagere af de fleste ydelser …'": how a change line names its slide."""
    title = slide.title
    if len(title) > TITLE_WIDTH:
        title = title[:TITLE_WIDTH].rsplit(" ", 1)[0] + " …"
    return f"Slide {slide.number} '{title}'"


# ---------------------------------------------------------------- one slide

def _slide_changes(old: SlideView, new: SlideView) -> list[str]:
    changes: list[str] = []
    for before, after in zip(old.tables, new.tables):
        changes += _table_changes(before, after)
    if len(new.tables) != len(old.tables):
        changes.append("tabellen er ny" if len(new.tables) > len(old.tables) else "tabellen er fjernet")
    changes += _line_changes(old.texts, new.texts, "teksten", "ny tekst", "tekst fjernet")
    if old.pictures != new.pictures:
        changes.append("diagrammet er ændret")
    changes += _line_changes(old.notes, new.notes, "noterne", "ny tekst i noterne", "tekst fjernet fra noterne")
    return [f"{_name(new)}: {change}" for change in changes]


def _line_changes(old: Sequence[str], new: Sequence[str], where: str, added: str, removed: str) -> list[str]:
    """Changed, added and removed sentences; a sentence where only numbers changed says which numbers."""
    changes = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        befores, afters = old[i1:i2], new[j1:j2]
        for before, after in zip(befores, afters):
            changes.append(_sentence_change(before, after, where))
        changes += [f"{removed} »{text}«" for text in befores[len(afters):]]
        changes += [f"{added} »{text}«" for text in afters[len(befores):]]
    return changes


def _sentence_change(before: str, after: str, where: str) -> str:
    numbers = _number_changes(before, after)
    if numbers:
        return f"{numbers} i {where} »{after}«"
    return f"{where} »{before}« er ændret til »{after}«"


def _number_changes(before: str, after: str) -> str:
    """'17,1 → 18,0' when the two texts differ only in their numbers, else ''."""
    if _NUMBER.sub("#", before) != _NUMBER.sub("#", after):
        return ""
    pairs = [(a, b) for a, b in zip(_NUMBER.findall(before), _NUMBER.findall(after)) if a != b]
    return ", ".join(f"{a} → {b}" for a, b in pairs)


# ---------------------------------------------------------------- numbers typed by hand

def stale_numbers(old: Sequence[SlideView], new: Sequence[SlideView]) -> list[str]:
    """Hand-typed numbers that matched a table value in the old deck and no longer do.

    A table cell (on its slide or in the appendix) changed from a to b; a text or note line that is the same in
    both decks and still says a was typed by hand (a reference or a computed sentence would say b)."""
    changed: dict[str, tuple[str, str]] = {}
    old_by_title = {slide.title: slide for slide in old}
    for slide in new:
        before = old_by_title.get(slide.title)
        for old_table, new_table in zip(before.tables if before else (), slide.tables):
            old_rows, columns = _keyed_rows(old_table), list(old_table[0])
            for key, cells in _keyed_rows(new_table).items():
                previous = dict(zip(columns, old_rows.get(key, ())))
                for column, value in zip(new_table[0], cells):
                    was = previous.get(column)
                    if was and was != value and _is_number_text(was) and was != MISSING:
                        header = _HEADER_UNIT.match(column)
                        place = ", ".join(p for p in (_label(key), header.group(1) if header else column) if p)
                        changed.setdefault(was, (value, f"{slide.title}: {place}"))
    lines = []
    for slide in new:
        before = old_by_title.get(slide.title)
        if before is None:
            continue
        for where, now, then in (("teksten", slide.texts, before.texts), ("noterne", slide.notes, before.notes)):
            for line in dict.fromkeys(now):
                if line not in then:
                    continue
                for typed in dict.fromkeys(_NUMBER.findall(line)):
                    if typed in changed:
                        value, place = changed[typed]
                        lines.append(f"{_name(slide)}: {where} siger stadig {typed}, men tabellen siger nu {value} "
                                     f"({place}); skriv tallet som en henvisning til tabellen")
    return lines


# ---------------------------------------------------------------- tables

def _table_changes(old: tuple[tuple[str, ...], ...], new: tuple[tuple[str, ...], ...]) -> list[str]:
    """Cells that changed, matched by row labels and column header; rows and columns added or removed."""
    if not old or not new:
        return []
    old_rows, new_rows = _keyed_rows(old), _keyed_rows(new)
    old_columns, new_columns = list(old[0]), list(new[0])
    changes = [f"ny kolonne i tabellen »{c}«" for c in new_columns if c not in old_columns]
    changes += [f"kolonne fjernet fra tabellen »{c}«" for c in old_columns if c not in new_columns]
    changes += [f"række fjernet fra tabellen »{_label(key)}«" for key in old_rows if key not in new_rows]
    for key, cells in new_rows.items():
        if key not in old_rows:
            changes.append(f"ny række i tabellen »{_label(key)}«")
            continue
        before = dict(zip(old_columns, old_rows[key]))
        for column, value in zip(new_columns, cells):
            if column in before and before[column] != value:
                changes.append(_cell_change(before[column], value, key, column))
    return changes


def _is_number_text(text: str) -> bool:
    if text == MISSING:
        return True
    try:
        return fmt.parse_number(text.replace(fmt.MINUS, "-")) is not None
    except ValueError:
        return False


def _keyed_rows(table: tuple[tuple[str, ...], ...]) -> dict[tuple, tuple[str, ...]]:
    """Body rows keyed by their text cells (the row labels), so a row is found again if rows move.

    A column is a number column when every body cell in it is a number or '–'; the others label the row.
    """
    body = table[1:]
    width = len(table[0])
    numeric = [bool(body) and all(_is_number_text(row[c]) for row in body if c < len(row)) for c in range(width)]
    rows: dict[tuple, tuple[str, ...]] = {}
    for row in body:
        labels = tuple(cell for cell, is_number in zip(row, numeric) if not is_number)
        key = labels
        while key in rows:  # two rows with the same labels are told apart by their order
            key = key + ("",)
        rows[key] = row
    return rows


def _label(key: tuple) -> str:
    return ", ".join(part for part in key if part)


def _cell_change(before: str, after: str, key: tuple, column: str) -> str:
    """'76 → 80 personer (Kontanthjælp, jobparat, 3. kvt. 2019)': the unit from the header follows the number."""
    match = _HEADER_UNIT.match(column)
    header, unit = (match.group(1), match.group(2)) if match else (column, "")
    shown_unit = f" {unit}" if unit and unit != "antal" and after != MISSING else ""
    place = ", ".join(part for part in (_label(key), header) if part)
    return f"{before} → {after}{shown_unit} ({place})"


__all__ = ["diff_text", "read_deck", "describe_changes", "stale_numbers", "SlideView", "NO_CHANGES"]
