"""Planning: the ordered slides of the deck, each with the facts its kind needs, before anything is drawn.

Every slide file's kind plans its own slide (SlideKind.plan); the deck adds a divider per section and the appendix;
then each kind may look at the other slides (SlideKind.finish), and the notes are composed in one fixed order.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from briefing.deck.draw import SlideContent
from briefing.errors import Location, Problems
from briefing.facts.quotes import expand_spec
from briefing.facts.timing import assign_slide_minutes, clock_ranges, section_minutes
from briefing.kinds.appendix import appendix_slides
from briefing.spec.kind import SlideKind


@dataclass(frozen=True)
class PlanStep:
    """What a kind's plan step may use: the project, where to report problems, the slide's file, the agenda."""

    project: object
    problems: Problems
    entry: object = None
    agenda: tuple = ()


def plan_slides(project, problems: Problems, kinds: Mapping[str, SlideKind]) -> list[SlideContent]:
    """The ordered slides with everything computed that the assembler needs; problems are collected."""
    deck = project.deck
    minutes = section_minutes(deck)
    clocks = clock_ranges(deck, minutes)
    agenda = tuple((s.label or "", s.title, m, c) for s, m, c in zip(deck.sections, minutes, clocks))
    contents = []
    part = 0
    for s, section in enumerate(deck.sections):
        if section.divider:
            part += 1
            where = project.deck_doc.location(("sections", s))
            contents.append(SlideContent("afsnit", None, where, section=section, section_index=part,
                                         extra={"section_minutes": minutes[s], "clock": clocks[s]},
                                         locate=functools.partial(_in_section, project.deck_doc, s)))
        for name in section.slides:
            entry = project.slides[name]
            quotes: list = []
            spec = expand_spec(entry.spec, project.tables, problems, entry.doc.location, quotes)
            content = SlideContent(spec.kind, spec, entry.doc.location(), section=section, section_index=part,
                                   notes=spec.notes or "", example=spec.example, locate=entry.doc.location)
            content.footer = getattr(spec, "source", None) and f"Kilde: {spec.source}" or ""
            content.extra["quotes"] = quotes
            plan = kinds[spec.kind].plan
            more = plan(content, PlanStep(project, problems, entry, agenda)) if plan is not None else None
            contents.append(content)
            contents.extend(more or ())  # slides the content continues on ("(fortsat)")
    for content in contents:
        finish = kinds[content.kind].finish
        if finish is not None:
            finish(content, contents)
    if deck.appendix:
        contents.extend(appendix_slides(contents, project))
    for number, content in enumerate(contents, start=1):
        content.number = number
    assign_slide_minutes(contents, project.deck, minutes)
    for content, following in zip(contents, contents[1:] + [None]):
        title = kinds[following.kind].title(following, deck) if following else None
        content.notes = compose_notes(content, title)
    return contents


def check_plans(project, problems: Problems, kinds: Mapping[str, SlideKind]) -> None:
    """Run every slide's plan step only for the problems it finds (a project that has errors elsewhere)."""
    from briefing.errors import BriefingError

    broken = frozenset(p.stem for p in (project.inputs / "data").glob("*.yaml")) - set(project.tables)
    for section in project.deck.sections:
        for name in section.slides:
            entry = project.slides[name]
            plan = kinds[entry.spec.kind].plan
            spec = expand_spec(entry.spec, project.tables, problems, entry.doc.location, broken=broken)
            content = SlideContent(spec.kind, spec, entry.doc.location(), section=section, notes=spec.notes or "",
                                   locate=entry.doc.location)
            if plan is None:
                continue
            try:
                plan(content, PlanStep(project, problems, entry, ()))
            except BriefingError as exc:
                problems.extend(exc.problems)
            except Exception:  # noqa: BLE001 - a table it reads did not load; that table's errors are reported
                continue


def _in_section(deck_doc, index: int, path: tuple) -> Location:
    """Where a field of section `index` is in briefing.yaml: a divider slide's texts come from there."""
    return deck_doc.location(("sections", index, *path))


def compose_notes(content, following: str | None) -> str:
    """Speaker notes in a fixed order: key message, talking points, numbers behind it, question, time."""
    from briefing.danish import fmt
    from briefing.facts.timing import minutes_text

    parts = []
    lead = content.extra.get("lead")
    if lead:
        parts.append(f"Budskab: {lead}")
    if content.notes.strip():
        parts.append(content.notes.strip())
    sentences = content.extra.get("sentences") or []
    if sentences:
        lines = ["Tal bag sætningerne:"]
        for sentence in sentences:
            lines.append(f"• {sentence.text}: " + "; ".join(v.describe() for v in sentence.facts))
        parts.append("\n".join(lines))
    if content.footer:
        parts.append(content.footer)
    questions = list(getattr(content.spec, "questions", None) or [])
    question = getattr(content.spec, "question", None)
    if question:
        questions.insert(0, question)
    if questions:
        parts.append("Spørgsmål til udvalget:\n" + "\n".join(f"• {q}" for q in questions))
    timing = []
    if content.extra.get("minutes"):
        shown = content.extra.get("shown_minutes", round(content.extra["minutes"]))
        clock = content.extra.get("slide_clock")
        length = f"ca. {minutes_text(shown)}" if shown >= 1 else "under 1 min."
        timing.append(f"Tid: {length}" + (f" ({clock})" if clock and shown >= 1 else ""))
    if following:
        timing.append(f"Næste: {following}")
    if timing:
        parts.append("\n".join(timing))
    return "\n\n".join(parts).replace(fmt.NBSP + fmt.NBSP, fmt.NBSP)
