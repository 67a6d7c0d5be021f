"""Narrative engine: resolve a slide's `narrative:` items against its data table and run the rules.

The rules themselves (rules.py) are pure and know nothing of tables; this module
picks the shown values out of the table and says, in Danish, what is wrong when
an item points at a row or column that does not exist.
"""

from __future__ import annotations

from briefing.load.data import DataTable, Row, select_rows
from briefing.errors import known_list, suggest
from briefing.spec.narrative import ChangeRule, CompareRule, DeviationRule, ExtremesRule, RankRule, ShareRule, TargetRule
from briefing.spec.models import DeckSpec
from briefing.facts.narrative import rules
from briefing.facts.narrative.expr import ExpressionError, evaluate, parse
from briefing.facts.narrative.nouns import is_count
from briefing.load.names import proper_names
from briefing.load.phrasebook import Phrasebook
from briefing.facts.narrative.rules import Sentence, Skipped, Value, WrongForm


class RuleInputError(Exception):
    """A narrative item that points at something the table does not have; `field` is relative to the item."""

    def __init__(self, message: str, field: str = "", column: int = 0):
        super().__init__(message)
        self.message = message
        self.field = field
        self.column = column


def write_sentence(item, table: DataTable, deck: DeckSpec, book: Phrasebook) -> Sentence | Skipped | None:
    """The sentence an item asks for, Skipped (with the reason) or None when its condition is false."""
    condition = _condition(item)
    try:
        result = RESOLVERS[type(item)](item, table, deck, book)
    except WrongForm as exc:
        raise RuleInputError(exc.message, exc.field) from None
    if isinstance(result, Sentence) and condition is not None:
        try:
            if not evaluate(condition, result.variables):
                return None
        except ExpressionError as exc:
            raise RuleInputError(str(exc), "when", exc.column) from None
    return result


def _condition(item):
    if item.when is None:
        return None
    try:
        return parse(item.when)
    except ExpressionError as exc:
        raise RuleInputError(str(exc), "when", exc.column) from None


# ---------------------------------------------------------------- picking values

def running(label: str, table: DataTable, deck: DeckSpec, book: Phrasebook) -> str:
    """A label as written inside a sentence: the table's own form, the registry's, or lower-case unless a name."""
    return book.names.running(label, table.spec.names, proper_names(deck))


def _value(table: DataTable, row: Row, index: int, label: str, context: str, deck: DeckSpec | None = None,
           book: Phrasebook | None = None) -> Value:
    column = table.value_columns[index]
    text, genitive, kind = label, "", ""
    if book is not None and deck is not None and not (column.period is not None and label == column.label):
        names, proper = book.names, proper_names(deck)
        text = names.running(label, table.spec.names, proper)
        genitive = names.genitive(label, table.spec.names, proper)
        place = names.place(label)
        kind = place.kind if place else ""
    return Value(label=text, value=row.values[index], unit=table.unit, decimals=table.decimals,
                 source=table.spec.source, period=column.period.short if column.period else table.period_text,
                 table=table.name, context=context, scale=table.measure.scale, genitive=genitive,
                 forecast=table.is_forecast(index), kind=kind, noun=_counted(table, index, label, deck, book))


def _counted(table: DataTable, index: int, label: str, deck: DeckSpec | None, book: Phrasebook | None) -> str:
    """What a number in 'antal' counts: the name of its column when that names things counted ('Sanktioner pr.
    100', 'Antal ledige' -> 'ledige'); never a period, the place compared, or a bare 'Antal' or 'I alt'."""
    column = table.value_columns[index]
    if table.unit != "antal" or column.period is not None or label == column.label or book is None or deck is None:
        return ""
    words = column.label.strip()
    if words.lower().startswith("antal "):
        words = words[len("antal "):].strip()
    if not is_count(words):
        return ""
    return running(words, table, deck, book)


def _column(table: DataTable, name: str | None, field: str = "column") -> int:
    """A number column by name; by default the latest period that is not a forecast (whatever the column
    order), else the last column: a comparison or rank is told of what has happened."""
    if name is None:
        return table.latest_column()
    index = table.find_value_column(name)
    if index is None:
        names = table.value_names()
        raise RuleInputError(f"ukendt talkolonne '{name}'{suggest(name, names)} (findes: {', '.join(names)})", field)
    return index


def _rows(table: DataTable, where: dict[str, str]) -> list[Row]:
    for key in where:
        if key not in table.label_columns:
            known = list(table.label_columns)
            raise RuleInputError(f"ukendt tekstkolonne '{key}'{suggest(key, known)} (findes: {', '.join(known)})", f"where.{key}")
    for key, wanted in where.items():
        index = table.label_columns.index(key)
        found = list(dict.fromkeys(r.labels[index] for r in table.rows))
        if wanted not in found:
            raise RuleInputError(f"'{wanted}' findes ikke i kolonnen '{key}'{suggest(wanted, found)} "
                                 f"(findes: {'; '.join(found)})", f"where.{key}")
    rows = select_rows(table, where)
    if not rows:
        raise RuleInputError(f"ingen rækker i '{table.name}' passer til udvalget", "where")
    return rows


def _one_row(table: DataTable, where: dict[str, str]) -> Row:
    rows = _rows(table, where)
    if len(rows) > 1:
        names = [", ".join(r.labels) for r in rows]
        raise RuleInputError(f"udvalget passer til {len(rows)} rækker; vælg én med 'where' (rækker: {'; '.join(names)})", "where")
    return rows[0]


def _category_index(table: DataTable, where: dict[str, str]) -> int:
    free = [i for i, name in enumerate(table.label_columns) if name not in where]
    return free[0] if free else 0


def _subject_where(table: DataTable, where: dict[str, str]) -> tuple[str | None, dict[str, str]]:
    """A `where` that fixes the name column itself names the subject; the benchmarks are looked up without it."""
    name_column = table.label_columns[_category_index(table, where)]
    if name_column in where:
        return where[name_column], {k: v for k, v in where.items() if k != name_column}
    return None, where


def _row_by_label(table: DataTable, name: str, where: dict[str, str], field: str) -> Row:
    where = _subject_where(table, where)[1]
    rows = _rows(table, where)
    index = _category_index(table, where)
    found = [r for r in rows if r.labels[index] == name]
    if not found:
        names = [r.labels[index] for r in rows]
        known = table.value_names()
        raise RuleInputError(f"'{name}' er hverken en række eller en talkolonne{suggest(name, names + known)} "
                             f"(rækker: {', '.join(names)}; talkolonner: {', '.join(known)})", field)
    return found[0]


def _context(table: DataTable, row: Row, skip: int | None = None, deck: DeckSpec | None = None,
             book: Phrasebook | None = None) -> str:
    """The row's other labels, as written inside a line ('kontanthjælp, aktivitetsparat')."""
    labels = [label for i, label in enumerate(row.labels) if i != skip and label]
    if book is not None and deck is not None:
        labels = [running(label, table, deck, book) for label in labels]
    return ", ".join(labels)


def _column_text(table: DataTable, index: int, deck: DeckSpec, book: Phrasebook) -> str:
    column = table.value_columns[index]
    return column.label if column.period is not None else running(column.label, table, deck, book)


def _named_values(table: DataTable, names: list[str], item, fields: list[str], deck: DeckSpec,
                  book: Phrasebook) -> list[Value]:
    """Values for names that are either all number columns (one row) or all rows (one column)."""
    is_column = [table.find_value_column(n) is not None for n in names]
    if any(is_column) and not all(is_column):  # e.g. a misspelt benchmark next to a subject that is a column
        name, field = next((n, f) for n, f, c in zip(names, fields, is_column) if not c)
        known = table.value_names()
        raise RuleInputError(f"ukendt talkolonne '{name}'{suggest(name, known)} (findes: {', '.join(known)})", field)
    if all(is_column):
        row = _one_row(table, item.where)
        context = _context(table, row, deck=deck, book=book)
        return [_value(table, row, table.find_value_column(n), table.value_columns[table.find_value_column(n)].label,
                       context, deck, book) for n in names]
    index = _column(table, getattr(item, "column", None))
    category = _category_index(table, item.where)
    values = []
    for name, field in zip(names, fields):
        row = _row_by_label(table, name, item.where, field)
        context = ", ".join(p for p in (_context(table, row, skip=category, deck=deck, book=book),
                                        _column_text(table, index, deck, book)) if p)
        values.append(_value(table, row, index, name, context, deck, book))
    return values


# ---------------------------------------------------------------- one resolver per rule

def _defaulted(resolve, note: str):
    """Resolve; a problem with a name the user did not write (a default) says where the name came from."""
    try:
        return resolve()
    except RuleInputError as exc:
        if exc.field:
            raise
        raise RuleInputError(f"{exc.message} ({note})", "", exc.column) from None


def _compare(item: CompareRule, table, deck, book):
    subject = item.subject or deck.municipality
    benchmarks = item.benchmarks or ([deck.comparison.region] if deck.comparison.region else [])
    if not benchmarks:
        raise RuleInputError("angiv 'benchmarks' (der er ingen region i briefing.yaml)", "benchmarks")
    fields = ["subject" if item.subject else ""] + [f"benchmarks[{i + 1}]" if item.benchmarks else ""
                                                    for i in range(len(benchmarks))]
    values = _defaulted(lambda: _named_values(table, [subject, *benchmarks], item, fields, deck, book),
                        "egen kommune og region fra briefing.yaml, da 'subject' og 'benchmarks' ikke er angivet")
    better = table.spec.better if table.spec.better != "neutral" else None
    return rules.compare(values[0], values[1:], book, tolerance=item.tolerance, noun=item.noun, better=better,
                         judge=item.judge, about=item.about, measure=item.measure, relative=item.relative,
                         relative_decimals=item.relative_decimals, form=item.form, after_value=item.after_value)


def _deviation(item: DeviationRule, table, deck, book):
    subject = item.subject or deck.municipality
    (value,) = _defaulted(lambda: _named_values(table, [subject], item, ["subject" if item.subject else ""], deck, book),
                          "egen kommune fra briefing.yaml, da 'subject' ikke er angivet")
    return rules.deviation(value, item.reference, book, tolerance=item.tolerance, measure=item.measure,
                           about=item.about)


def _change(item: ChangeRule, table, deck, book):
    periods = table.time_order()
    if (item.start is None or item.end is None) and len(periods) < 2:
        raise RuleInputError("tabellen har ikke to periodekolonner; angiv 'start' og 'end'", "start")
    start = _column(table, item.start, "start") if item.start else periods[0]
    end = _column(table, item.end, "end") if item.end else periods[-1]
    first, last = table.value_columns[start].period, table.value_columns[end].period
    if first is not None and last is not None and last < first:  # from and to are told in time order
        start, end = end, start
    if item.benchmark is None:
        rows = [_one_row(table, item.where)]
    else:
        names = [item.subject or _subject_where(table, item.where)[0] or deck.municipality, item.benchmark]
        rows = [_row_by_label(table, n, item.where, f) for n, f in zip(names, ("subject", "benchmark"))]
    pairs = []
    for row in rows:
        context = _context(table, row, deck=deck, book=book)
        pairs.append(tuple(_value(table, row, i, table.value_columns[i].label, context) for i in (start, end)))
    against = pairs[1] if len(pairs) > 1 else None
    form = item.form
    if item.relative and "form" in item.model_fields_set and form == "fra_til":
        raise RuleInputError("'relative' giver ændringen i procent ('faldet med 12 pct.'), og den står kun i "
                             "'form: med'; skriv 'form: med' eller slet 'relative'", "form")
    if item.relative:  # a change in per cent is only ever told 'med' (fra ... til ... has no room for it)
        form = "med"
    return rules.change(*pairs[0], item.measure, book, form=form, threshold=item.threshold,
                        relative=item.relative, relative_decimals=item.relative_decimals, against=against,
                        against_label=running(item.benchmark, table, deck, book) if item.benchmark else "")


def _category_values(item, table, deck, exclude: list[str], book=None) -> list[Value]:
    index = _column(table, item.column)
    category = _category_index(table, item.where)
    rows = [r for r in _rows(table, item.where) if r.labels[category] not in exclude]
    return [_value(table, r, index, r.labels[category], _column_text(table, index, deck, book), deck, book)
            for r in rows]


def _references(item, deck) -> list[str]:
    """The rows a rank or the extremes leave out: those asked for, else the region and the country (a reference
    is not one of the places compared, so 'the highest' and 'the second lowest' on one slide agree)."""
    default = [n for n in (deck.comparison.region, deck.comparison.country) if n]
    return item.exclude if item.exclude is not None else default


def _rank(item: RankRule, table, deck, book):
    subject = item.subject or deck.municipality
    exclude = _references(item, deck)
    # a reference it is compared with (a region, the country) is not ranked; a municipality named as one is, so
    # that 'næstflest ... og ligger under Esbjerg' holds together
    references = [b for b in item.benchmarks or [] if getattr(book.names.place(b), "kind", "") != "kommune"]
    exclude = list(dict.fromkeys([*exclude, *references]))
    values = _category_values(item, table, deck, exclude, book)
    raw = [r.labels[_category_index(table, item.where)] for r in _rows(table, item.where)]
    names = [n for n in raw if n not in exclude]
    if subject not in names:
        field = "subject" if item.subject else ""  # name only a field the user wrote
        own = "" if item.subject else "egen kommune "
        if table.find_value_column(subject) is not None:
            raise RuleInputError(f"{own}'{subject}' er en talkolonne i '{table.name}', men en rangering sammenligner "
                                 "rækkerne i én kolonne; brug en tabel med én række pr. område", field)
        hint = "" if item.subject else "; angiv 'subject' med den række, der rangeres"
        raise RuleInputError(f"{own}'{subject}' findes ikke blandt rækkerne{suggest(subject, names)} "
                             f"(findes: {', '.join(names)}){hint}", field)
    group = item.group or book.names.group(names)
    if group is None:  # 'kommuner' only when the rows are municipalities, never for benefits or target groups
        proper = proper_names(deck)
        municipal = all(n in proper or getattr(book.names.place(n), "kind", "") == "kommune" for n in names)
        group = "kommuner" if municipal else ""
    index = _column(table, item.column)
    against = [_value(table, _row_by_label(table, name, item.where, f"benchmarks[{i + 1}]"), index, name,
                      _column_text(table, index, deck, book), deck, book)
               for i, name in enumerate(item.benchmarks or [])]
    return rules.rank(running(subject, table, deck, book), values, book, noun=item.noun, group=group,
                      about=item.about, direction=item.direction, benchmarks=against,
                      tolerance=item.tolerance)


def _extremes(item: ExtremesRule, table, deck, book):
    return rules.extremes(_category_values(item, table, deck, _references(item, deck), book), book, noun=item.noun,
                          about=item.about)


def _share(item: ShareRule, table, deck, book):
    part, whole = _named_values(table, [item.part, item.whole], item, ["part", "whole"], deck, book)
    return rules.share_of(part, whole, book, part_text=item.part_text, whole_text=item.whole_text)


def _target(item: TargetRule, table, deck, book):
    subject = item.subject or deck.municipality
    (value,) = _defaulted(lambda: _named_values(table, [subject], item, ["subject" if item.subject else ""], deck, book),
                          "egen kommune fra briefing.yaml, da 'subject' ikke er angivet")
    return rules.target(value, item.target, book, better=item.better)


RESOLVERS = {CompareRule: _compare, ChangeRule: _change, RankRule: _rank, ExtremesRule: _extremes,
             ShareRule: _share, TargetRule: _target, DeviationRule: _deviation}

__all__ = ["write_sentence", "RuleInputError", "Sentence", "Skipped", "Value", "known_list"]
