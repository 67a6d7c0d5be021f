"""Recommendations: notes shown, automatic numbering without doubling, grouping by area, continuation slides."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.build import build
from briefing.danish.fmt import keep_together
from briefing.errors import BriefingError
from briefing.kinds.recommendations import PERIOD_WORDS, without_number
from tests.deckdump import dump


def _deck_with(project: Path, slide: str) -> list[dict]:
    """Build the example project reduced to one recommendations slide; the slides of the deck read back."""
    inputs = project / "inputs"
    (inputs / "slides" / "anbefalinger.yaml").write_text(slide, encoding="utf-8")
    deck = (inputs / "briefing.yaml").read_text(encoding="utf-8")
    head = deck.split("sections:")[0]
    (inputs / "briefing.yaml").write_text(head + "sections:\n  - title: Anbefalinger\n    divider: false\n"
                                          "    slides: [anbefalinger]\n", encoding="utf-8")
    result = build(inputs, project / "out.pptx", parallel=False, cache=False)
    return dump(result.path)


def _named(path: Path, index: int) -> dict[str, str]:
    from pptx import Presentation

    slide = list(Presentation(str(path)).slides)[index]
    return {shape.name: shape.text_frame.text for shape in slide.shapes if shape.has_text_frame}


def test_a_note_is_shown_under_its_item_and_in_the_notes(project):
    slides = _deck_with(project, """kind: anbefalinger
title: Status på anbefalingerne
items:
  - text: Tidlig indsats
    status: igangsat
  - text: Harmoniseret sanktionspraksis
    status: gennemført
    note: Harmoniseret fra 1. september 2021
notes: Status pr. december.
""")
    texts = slides[0]["texts"]
    assert texts[:8] == ["Status på anbefalingerne", "1.", "Tidlig indsats", "▶ Igangsat", "2.",
                         "Harmoniseret sanktionspraksis", keep_together("Harmoniseret fra 1. september 2021"), "✓ Gennemført"]
    named = _named(project / "out.pptx", 0)
    assert named["Bemærkning 2"] == keep_together("Harmoniseret fra 1. september 2021")
    assert "Bemærkning 1" not in named
    assert slides[0]["notes"].startswith(keep_together(  # typeset like the slides (issue 17)
        "Status pr. december.\n\nBemærkninger til anbefalingerne:\n"
        "• 2. Harmoniseret sanktionspraksis: Harmoniseret fra 1. september 2021\n\n"))


def test_a_typed_number_is_not_doubled(project):
    slides = _deck_with(project, """kind: anbefalinger
title: Anbefalinger
items:
  - text: 1. Indsats for unge
    status: igangsat
  - text: 2) Forecast på sygedagpenge
    status: igangsat
  - text: 1. september indføres ny praksis
    status: løbende
""")
    assert slides[0]["texts"][1:10] == ["1.", "Indsats for unge", "▶ Igangsat", "2.", "Forecast på sygedagpenge",
                                        "▶ Igangsat", "3.", keep_together("1. september indføres ny praksis"), "↻ Løbende"]


@pytest.mark.parametrize("typed, shown", [
    ("1. Indsats", "Indsats"), ("12) Indsats", "Indsats"), ("  3 . Indsats", "Indsats"), ("3.Indsats", "Indsats"),
    ("1. kvartal 2021 viste fald", "1. kvartal 2021 viste fald"), ("1. September er fristen", "1. September er fristen"),
    ("2021 blev året", "2021 blev året"), ("4,1 pct. færre", "4,1 pct. færre"), ("1.", "1."),
])
def test_typed_numbers_are_recognised_but_dates_and_numbers_in_the_text_kept(typed, shown):
    assert without_number(typed) == shown


@given(st.integers(min_value=1, max_value=999), st.text(alphabet="abcdefghijklmnoprstuvyæøå ", min_size=1).filter(
    lambda t: t.strip() and t.split()[0] not in PERIOD_WORDS))
def test_a_numbered_text_loses_exactly_its_number(number, text):
    text = text.strip()
    assert without_number(f"{number}. {text}") == text
    assert without_number(f"{number}) {text}") == text


def test_items_are_grouped_by_area_under_a_heading_each(project):
    slides = _deck_with(project, """kind: anbefalinger
title: Anbefalinger efter område
items:
  - text: Tidlig indsats
    status: igangsat
    group: Unge
  - text: Forecast
    status: igangsat
    group: Sygedagpenge
  - text: Praktikker for unge
    status: løbende
    group: Unge
""")
    assert slides[0]["texts"][1:12] == ["Unge", "1.", "Tidlig indsats", "▶ Igangsat", "2.", "Praktikker for unge",
                                        "↻ Løbende", "Sygedagpenge", "3.", "Forecast", "▶ Igangsat"]


def test_groups_with_their_own_items(project):
    slides = _deck_with(project, """kind: anbefalinger
title: Anbefalinger efter område
groups:
  - title: Unge
    items:
      - text: Tidlig indsats
        status: igangsat
  - title: Sygedagpenge
    items:
      - text: Forecast
        status: gennemført
""")
    assert slides[0]["texts"][1:9] == ["Unge", "1.", "Tidlig indsats", "▶ Igangsat", "Sygedagpenge", "2.", "Forecast",
                                       "✓ Gennemført"]


def test_items_and_groups_together_is_a_located_error(project):
    with pytest.raises(BriefingError) as caught:
        _deck_with(project, """kind: anbefalinger
title: Anbefalinger
items:
  - text: Tidlig indsats
    status: igangsat
groups:
  - title: Unge
    items:
      - text: Forecast
        status: igangsat
""")
    assert caught.value.render(project).splitlines() == [
        "inputs/slides/anbefalinger.yaml:7:3: groups: angiv enten 'items' eller 'groups', ikke begge"]


def test_no_items_is_a_located_error_naming_no_field_the_user_did_not_write(project):
    with pytest.raises(BriefingError) as caught:
        _deck_with(project, "kind: anbefalinger\ntitle: Anbefalinger\n")
    assert caught.value.render(project).splitlines() == [
        "inputs/slides/anbefalinger.yaml:1:1: angiv anbefalingerne under 'items' (eller 'groups' med områder)"]


def test_more_items_than_fit_continue_on_a_second_slide(project):
    items = "".join(f"  - text: Anbefaling nummer {i}\n    status: igangsat\n    group: {'Unge' if i < 8 else 'Voksne'}\n"
                    for i in range(1, 15))
    slides = _deck_with(project, "kind: anbefalinger\ntitle: Fjorten anbefalinger\nitems:\n" + items)
    titles = [s["title"] for s in slides]
    assert titles == ["Fjorten anbefalinger", "Fjorten anbefalinger (fortsat)"]
    shown = [t for s in slides for t in s["texts"] if t.startswith("Anbefaling nummer")]
    assert shown == [f"Anbefaling nummer {i}" for i in range(1, 15)]
    numbers = [t for s in slides for t in s["texts"] if t.endswith(".") and t[:-1].isdigit()]
    assert numbers == [f"{i}." for i in range(1, 15)]
    first, second = slides[0]["texts"], slides[1]["texts"]
    assert first[1] == "Unge" and "Voksne" in first + second
    assert "Næste: Fjorten anbefalinger (fortsat)" in slides[0]["notes"]


def test_a_continued_slide_keeps_the_row_height_of_the_first(project):
    """The last item alone on the '(fortsat)' slide: its status badge as tall as the ones before, not three times."""
    from pptx import Presentation

    items = "".join(f"  - text: Anbefaling nummer {i}\n    status: igangsat\n" for i in range(1, 12))
    _deck_with(project, "kind: anbefalinger\ntitle: Elleve anbefalinger\nitems:\n" + items)
    slides = list(Presentation(str(project / "out.pptx")).slides)
    assert len(slides) == 2
    heights = [{s.height for s in slide.shapes if s.name.startswith("Status ")} for slide in slides]
    assert len(heights[0]) == 1 and heights[1] == heights[0]
