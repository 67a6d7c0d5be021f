"""The facilitator's guide (drejebog): exact Markdown for a small meeting, and the file a build writes."""

from __future__ import annotations

import datetime as dt

from briefing.deck.draw import SlideContent
from briefing.errors import Location
from briefing.publish.guide import guide_markdown, guide_path, talking_points, time_text
from briefing.kinds.discussion import DiscussionSlide
from briefing.spec.models import DeckSpec, Section

SECTION = Section(title="Sanktionspraksis", label="Del 2", minutes=20, slides=["sanktioner", "del2-droeftelse"])
DECK = DeckSpec(title="Beskæftigelsesindsatsen i Hedensted", municipality="Hedensted",
                meeting="Udvalget for Beskæftigelse", date=dt.date(2021, 12, 6), start="16.00", minutes=90,
                sections=[SECTION])
QUESTIONS = [
    "Hvor stram skal praksis være, når sanktionerne harmoniseres?",
    "Hvordan sikrer vi borgernes retssikkerhed i partshøring?",
]
# Speaker notes as the build composes them: the guide shows the questions and the time in its own fields.
NOTES = ("Lad udvalget tale først.\nNotér prioriteringerne.\n\n"
         "Spørgsmål til udvalget:\n• " + "\n• ".join(QUESTIONS) + "\n\n"
         "Tid: ca. 8 min. (kl. 16.52-17.00)\nNæste: Borgernes møde med jobcentret")


def discussion() -> SlideContent:
    spec = DiscussionSlide(kind="drøftelse", title="Til drøftelse – sanktionspraksis", questions=QUESTIONS,
                           notes="Lad udvalget tale først.")
    return SlideContent("drøftelse", spec, Location(), number=22, section=SECTION, notes=NOTES,
                        extra={"minutes": 8.0, "shown_minutes": 8, "slide_clock": "kl. 16.52-17.00"})


def test_guide_header_and_discussion_slide():
    assert guide_markdown([discussion()], DECK) == (
        "# Drejebog: Beskæftigelsesindsatsen i Hedensted\n"
        "\n"
        "- **Møde:** Udvalget for Beskæftigelse\n"
        "- **Dato:** 6. december 2021\n"
        "- **Start:** kl. 16.00\n"
        "- **Samlet tid:** 90\xa0min.\n"
        "\n"
        "## 22. Til drøftelse – sanktionspraksis\n"
        "\n"
        "*Sanktionspraksis* · 8\xa0min. · kl. 16.52-17.00\n"
        "\n"
        "**Budskab:** Til drøftelse – sanktionspraksis\n"
        "\n"
        "**Spørgsmål til udvalget:**\n"
        "\n"
        "1. Hvor stram skal praksis være, når sanktionerne harmoniseres?\n"
        "2. Hvordan sikrer vi borgernes retssikkerhed i partshøring?\n"
        "\n"
        "**Talepunkter:**\n"
        "\n"
        "Lad udvalget tale først.  \n"
        "Notér prioriteringerne.\n"
        "\n"
        "Næste: Borgernes møde med jobcentret\n"
        "\n"
        "---\n"
    )


def test_key_message_is_the_lead_when_there_is_one():
    content = discussion()
    content.extra["lead"] = "Hedensted sanktionerer sjældnere end sammenlignelige kommuner"
    assert "**Budskab:** Hedensted sanktionerer sjældnere end sammenlignelige kommuner\n" in guide_markdown([content], DECK)


def test_time_is_left_out_when_unknown():
    assert time_text({}) == ""
    assert time_text({"minutes": 2.5}) == "3\xa0min."  # whole minutes, rounded half up
    assert time_text({"shown_minutes": 3, "slide_clock": "kl. 16.10-16.13"}) == "3\xa0min. · kl. 16.10-16.13"


def test_talking_points_keep_lines_and_bullets_and_escape_markdown():
    notes = ("Budskab: Flere i tilbud\n\n3. kvt. 2021 er det seneste tal.\nSe *figuren*.\n\n"
             "Tal bag sætningerne:\n• 80,6\xa0pct. i 3. kvt. 2021")
    assert talking_points(notes, has_questions=False) == (
        "3\\. kvt. 2021 er det seneste tal.  \nSe \\*figuren\\*.\n\n"
        "Tal bag sætningerne:  \n- 80,6\xa0pct. i 3. kvt. 2021"
    )


def test_questions_in_notes_stay_when_the_guide_has_none_of_its_own():
    assert talking_points("Spørgsmål til udvalget:\n• Hvad nu?", has_questions=False) == (
        "Spørgsmål til udvalget:  \n- Hvad nu?"
    )


def test_build_writes_the_guide_next_to_the_deck(example_deck):
    path = guide_path(example_deck)
    assert path.name == "example-drejebog.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Drejebog: Beskæftigelsesindsatsen i Hedensted\n\n- **Møde:** Udvalget for Beskæftigelse\n")
    discussion_block = text.split(". Til drøftelse – sanktionspraksis\n", 1)[1].split("\n---\n", 1)[0]
    assert "**Spørgsmål til udvalget:**\n\n1. " in discussion_block
    assert "Tid:" not in discussion_block


def test_a_deleted_guide_is_written_again_even_when_nothing_changed(project):
    from briefing.build import build

    first = build(project / "inputs")
    guide = guide_path(first.path)
    written = guide.read_text(encoding="utf-8")
    guide.unlink()
    again = build(project / "inputs")
    assert not again.unchanged
    assert guide.read_text(encoding="utf-8") == written
