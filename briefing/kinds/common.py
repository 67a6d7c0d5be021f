"""Plan steps shared by the kinds that read a data table: sentences and the source line."""

from __future__ import annotations

import re

from briefing.danish.units import MISSING
from briefing.errors import Location

MISSING_NOTE = f"{MISSING} = tal mangler eller er under diskretionsgrænsen"


def narrate(content, spec, table, step) -> None:
    """Run the slide's narrative items; the first sentence is the lead unless the slide has its own."""
    from briefing.facts.narrative import RuleInputError, Skipped, write_sentence

    project, entry, problems = step.project, step.entry, step.problems
    sentences = []
    for i, item in enumerate(spec.narrative):
        item_table = project.tables.get(item.table or table.name)
        path = ("narrative", i)
        if item_table is None:
            if (project.inputs / "data" / f"{item.table}.yaml").is_file():
                continue  # the table's file has errors, reported already
            known = list(project.tables)
            problems.add(f"ukendt datatabel '{item.table}' (findes: {', '.join(sorted(known))})",
                         entry.doc.location(path + ("table",)), f"narrative[{i + 1}].table")
            continue
        try:
            result = write_sentence(item, item_table, project.deck, project.phrasebook)
        except RuleInputError as exc:
            field_path = path + tuple(p for p in re.split(r"[.\[\]]", exc.field) if p and not p.isdigit())
            where = entry.doc.location(field_path)
            if exc.column and where.line:
                where = Location(where.file, where.line, where.column + exc.column - 1)
            problems.add(exc.message, where, f"narrative[{i + 1}]" + (f".{exc.field}" if exc.field else ""))
            continue
        if isinstance(result, Skipped):
            problems.add(f"sætningen ({result.rule}) er udeladt: {result.reason}", entry.doc.location(path),
                         f"narrative[{i + 1}]", warning=True)
        elif result is not None:
            sentences.append(result)
    content.extra["sentences"] = sentences
    content.extra["lead"] = spec.lead or (sentences[0].text if sentences else None)


def source_line(table, has_missing: bool, note: str = "") -> str:
    period = table.period_text
    said = period and period.replace("\xa0", " ") in table.spec.source.replace("\xa0", " ")  # 'STAR, 2025' says it
    parts = [f"Kilde: {table.spec.source}" + (f", {period}" if period and not said else "")]
    if note:
        parts.append(note)
    if table.spec.note:
        parts.append(table.spec.note)
    if has_missing:
        parts.append(MISSING_NOTE)
    if table.spec.example:
        parts.append("Eksempeldata, ikke rigtige tal")
    return ". ".join(parts)
