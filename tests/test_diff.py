"""`briefing diff`: what changed between two built decks, in Danish words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from briefing.build import build
from briefing.cli import main
from briefing.publish.diff import SlideView, describe_changes, diff_text, read_deck
from briefing.errors import BriefingError

RECIPIENTS_TITLE = "Færre modtagere af de fleste ydelser end før covid-19"
PURPOSE_TITLE = "Formålet er at afdække udvalgets handlemuligheder"


def _number_of(deck: Path, title: str) -> int:
    """The slide number of a title in a deck, so the tests survive slides added to the example."""
    return next(s.number for s in read_deck(deck) if s.title == title)


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_identical_decks(example_deck):
    assert diff_text(example_deck, example_deck) == "Ingen ændringer."


def test_one_changed_number_in_a_table(project, example_deck):
    data = project / "inputs" / "data" / "ydelsesmodtagere.yaml"
    text = data.read_text(encoding="utf-8")
    assert text.count("2019K3: 76\n") == 1
    data.write_text(text.replace("2019K3: 76\n", "2019K3: 80\n"), encoding="utf-8")
    new = build(project / "inputs", project / "ny.pptx").path
    number = _number_of(example_deck, RECIPIENTS_TITLE)
    assert diff_text(example_deck, new).splitlines() == [
        f"Slide {number} 'Færre modtagere af de fleste ydelser …': 76 → 80 personer (Kontanthjælp, jobparat, 3. kvt. 2019)",
    ]


def test_added_and_removed_slide_through_the_command_line(project, example_deck):
    (project / "inputs" / "slides" / "nyhed.yaml").write_text(
        "kind: punkter\ntitle: Nyt siden sidste møde\nbullets:\n  - Sanktionspraksis er harmoniseret\n", encoding="utf-8")

    def replace_purpose_slide(deck):
        slides = deck["sections"][0]["slides"]
        slides[slides.index("formaal")] = "nyhed"

    _edit_yaml(project / "inputs" / "briefing.yaml", replace_purpose_slide)
    new = build(project / "inputs", project / "ny.pptx").path
    result = CliRunner().invoke(main, ["diff", str(example_deck), str(new)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    number = _number_of(example_deck, PURPOSE_TITLE)
    assert [line for line in lines if line.endswith((" er ny", " er fjernet"))] == [
        f"Slide {number} 'Formålet er at afdække udvalgets …' er fjernet",
        f"Slide {number} 'Nyt siden sidste møde' er ny",
    ]
    # Generated notes on neighbouring slides ("Næste: ...") may change too; nothing else may.
    assert all(": noterne »" in line or " i noterne »" in line for line in lines if not line.endswith((" er ny", " er fjernet")))


# ---------------------------------------------------------------- the comparison itself, on plain slide views

TABLE = (
    ("målgruppe", "3. kvt. 2019 (pct.)", "3. kvt. 2021 (pct.)"),
    ("Kontanthjælp, jobparat", "71,1", "53,0"),
    ("Ressourceforløb", "52,5", "–"),
)


def _slide(number=5, title="Færre passive borgere", **fields) -> SlideView:
    defaults = {"texts": ("Andel berørt af aktivering", "Kilde: Jobindsats.dk, 3. kvt. 2021"),
                "notes": ("For jobparate er andelen faldet fra 71,1 til 53,0 pct.",), "tables": (TABLE,), "pictures": ("a",)}
    return SlideView(number, title, **(defaults | fields))


@pytest.mark.parametrize("after, expected", [
    (_slide(title="Langt færre passive borgere"),
     ["Slide 5 'Langt færre passive borgere': ny titel (før: 'Færre passive borgere')"]),
    (_slide(tables=((TABLE[0], TABLE[1], ("Ressourceforløb", "52,5", "60,1")),)),
     ["Slide 5 'Færre passive borgere': – → 60,1 pct. (Ressourceforløb, 3. kvt. 2021)"]),
    (_slide(tables=((TABLE[0], TABLE[1], ("Ressourceforløb", "–", "–")),)),
     ["Slide 5 'Færre passive borgere': 52,5 → – (Ressourceforløb, 3. kvt. 2019)"]),
    (_slide(tables=((TABLE[0], TABLE[1]),)),
     ["Slide 5 'Færre passive borgere': række fjernet fra tabellen »Ressourceforløb«"]),
    (_slide(tables=(TABLE + (("Jobafklaringsforløb", "45,3", "38,6"),),)),
     ["Slide 5 'Færre passive borgere': ny række i tabellen »Jobafklaringsforløb«"]),
    (_slide(notes=("For jobparate er andelen faldet fra 71,1 til 51,0 pct.",)),
     ["Slide 5 'Færre passive borgere': 53,0 → 51,0 i noterne »For jobparate er andelen faldet fra 71,1 til 51,0 pct.«"]),
    (_slide(texts=("Andel berørt af aktivering i kvartalet", "Kilde: Jobindsats.dk, 3. kvt. 2021")),
     ["Slide 5 'Færre passive borgere': teksten »Andel berørt af aktivering« er ændret til »Andel berørt af aktivering i kvartalet«"]),
    (_slide(texts=("Andel berørt af aktivering", "Kilde: Jobindsats.dk, 3. kvt. 2021", "Tal under diskretionsgrænsen vises ikke")),
     ["Slide 5 'Færre passive borgere': ny tekst »Tal under diskretionsgrænsen vises ikke«"]),
    (_slide(pictures=("b",)),
     ["Slide 5 'Færre passive borgere': diagrammet er ændret"]),
])
def test_changes_on_one_slide(after, expected):
    assert describe_changes([_slide()], [after]) == expected


def test_slide_numbers_follow_the_new_deck_and_long_titles_are_shortened():
    long_title = "Flere aktivitetsparate går i job efter et forløb end i regionen"
    old = [_slide(1, "Forside", tables=(), notes=()), _slide(2, long_title)]
    new = [_slide(1, "Forside", tables=(), notes=()), _slide(2, "Dagsorden", texts=("Velkomst",), tables=(), notes=(), pictures=()),
           _slide(3, long_title, pictures=("b",))]
    assert describe_changes(old, new) == [
        "Slide 2 'Dagsorden' er ny",
        "Slide 3 'Flere aktivitetsparate går i job efter …': diagrammet er ændret",
    ]


def test_unreadable_decks(tmp_path):
    with pytest.raises(BriefingError) as missing:
        diff_text(tmp_path / "gammel.pptx", tmp_path / "ny.pptx")
    assert missing.value.render(tmp_path) == "gammel.pptx: filen findes ikke"
    (tmp_path / "tekst.pptx").write_text("ikke en præsentation", encoding="utf-8")
    with pytest.raises(BriefingError) as broken:
        diff_text(tmp_path / "tekst.pptx", tmp_path / "tekst.pptx")
    assert broken.value.render(tmp_path) == "tekst.pptx: filen kan ikke læses som en PowerPoint-præsentation (.pptx)"


def test_a_hand_typed_number_that_no_longer_matches_its_table_is_reported(project):
    """The note typed 7,6 by hand and quoted the same value by reference; the table now says 7,9: the typed copy
    is stale and reported, the reference followed the table."""
    deck = project / "inputs" / "briefing.yaml"
    head = deck.read_text(encoding="utf-8").split("sections:")[0]
    deck.write_text(head + "sections:\n  - title: A\n    divider: false\n    slides: [praktik]\n", encoding="utf-8")
    slide = project / "inputs" / "slides" / "praktik.yaml"
    slide.write_text(slide.read_text(encoding="utf-8").replace("  For unge på", "  Jobparate i praktik: 7,6 pct.\n"
                                                               "  For unge på"), encoding="utf-8")
    old = build(project / "inputs", project / "gammel.pptx", parallel=False, cache=False).path
    csv = project / "inputs" / "data" / "aktivering-andel.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(";17,1;7,6\n", ";17,1;7,9\n"), encoding="utf-8")
    new = build(project / "inputs", project / "ny.pptx", parallel=False, cache=False).path
    stale = [line for line in diff_text(old, new).splitlines() if "siger stadig" in line]
    assert stale == [
        "Slide 1 'Virksomhedspraktik er næsten tilbage på …': noterne siger stadig 7,6, men tabellen siger nu 7,9 "
        "(Bilag: Andel aktiverede (1 af 2): Kontanthjælp, jobparat, Virksomhedspraktik i alt, 3. kvt. 2021); skriv tallet som "
        "en henvisning til tabellen"]
