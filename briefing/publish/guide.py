"""The facilitator's guide (drejebog): the meeting slide by slide, as printable Markdown.

Pure: the planned slides and the deck spec in, Markdown text out. Per slide it gives
the number and title, the section, the time, the key message, the questions to put to
the committee and the speaker notes, so the facilitator can run the meeting from paper.
"""

from __future__ import annotations

import re

from briefing.danish import fmt
from briefing.facts.timing import minutes_text

# Speaker-note lines the guide already shows in its own fields; repeating them would only add length.
SHOWN_ELSEWHERE = ("Budskab:", "Tid:")
QUESTIONS_LABEL = "Spørgsmål til udvalget:"


def guide_markdown(contents, deck) -> str:
    """The whole guide: the meeting header, then one block per slide."""
    blocks = [_header(deck)] + [_slide_block(content, deck) for content in contents]
    return "\n\n".join(blocks) + "\n"


def guide_path(deck_path):
    """The guide sits next to the deck: output/<name>-drejebog.md."""
    return deck_path.with_name(f"{deck_path.stem}-drejebog.md")


def _header(deck) -> str:
    lines = [f"# Drejebog: {_escape(deck.title)}", ""]
    facts = [("Møde", deck.meeting), ("Dato", fmt.date(deck.date)),
             ("Start", f"kl. {deck.start}" if deck.start else None),
             ("Samlet tid", minutes_text(deck.minutes) if deck.minutes else None)]
    lines += [f"- **{label}:** {_escape(value)}" for label, value in facts if value]
    return "\n".join(lines)


def _slide_block(content, deck) -> str:
    """One slide: heading, section and time, key message, questions, decisions, notes."""
    title = slide_title(content, deck)
    spec = content.spec
    lines = [f"## {content.number}. {_escape(title)}", ""]
    where = [f"*{_escape(content.section.title)}*"] if content.section is not None else []
    time = time_text(content.extra)
    if time:
        where.append(time)
    if where:
        lines += [" · ".join(where), ""]
    lines += [f"**Budskab:** {_escape(content.extra.get('lead') or title)}", ""]
    questions = slide_questions(spec)
    lines += _numbered(QUESTIONS_LABEL, questions)
    lines += _numbered("Beslutningspunkter:", list(getattr(spec, "decisions", None) or []))
    notes = talking_points(content.notes, bool(questions))
    if notes:
        lines += ["**Talepunkter:**", "", notes, ""]
    return "\n".join(lines).rstrip() + "\n\n---"


def slide_title(content, deck) -> str:
    """The title the slide shows: its own, the appendix page's, the section's (dividers) or the deck's."""
    return (content.extra.get("title") or getattr(content.spec, "title", None)
            or (content.section.title if content.kind == "afsnit" and content.section is not None else None)
            or deck.title)


def slide_questions(spec) -> list[str]:
    """Questions to put to the committee: a discussion slide's list, or another slide's single question."""
    questions = list(getattr(spec, "questions", None) or [])
    single = getattr(spec, "question", None)
    return questions or ([single] if single else [])


def time_text(extra: dict) -> str:
    """'5 min. · kl. 16.35-16.40' from the slide's timing, '' when the time is not known."""
    minutes = extra.get("shown_minutes", extra.get("minutes"))
    parts = [minutes_text(minutes) if minutes else "", extra.get("slide_clock") or ""]
    return " · ".join(p for p in parts if p)


def talking_points(notes: str, has_questions: bool) -> str:
    """The speaker notes without what the guide already shows, with line breaks kept for print."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", notes.strip()):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if has_questions and lines and lines[0] == QUESTIONS_LABEL:
            continue
        lines = [line for line in lines if not line.startswith(SHOWN_ELSEWHERE)]
        if lines:
            paragraphs.append("  \n".join(_note_line(line) for line in lines))
    return "\n\n".join(paragraphs)


def _numbered(label: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"**{label}**", ""] + [f"{i}. {_escape(item)}" for i, item in enumerate(items, start=1)] + [""]


def _note_line(line: str) -> str:
    """A notes line as Markdown: the notes' '•' bullets become list items, everything else stays text."""
    if line.startswith("• "):
        return "- " + _escape(line[2:])
    return _escape_line(line)


_SPACES = re.compile(r"[ \t\r\n]+")  # not str.split(): the no-break space before units must stay
_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_LIST_START = re.compile(r"^(\d+)\.(?=\s)|^([#+\-])(?=\s)")


def _escape(text: str) -> str:
    """Inline text shown as written: Markdown's special characters escaped, whitespace on one line."""
    return _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", str(text)).strip())


def _escape_line(text: str) -> str:
    """Text that starts a line: also keep '3. kvt.' or '- x' from turning into a list or heading."""
    return _LIST_START.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else f"\\{m.group(2)}", _escape(text))
