"""The layout audit of `briefing check` for text the author wrote: a table-cell word or number too wide for its
column at the size it will be set, and notes that break the Danish style ('%' in running text, a hyphen used
as a minus), each a warning at the slide file and field; and the deck's notes typeset like its slides."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from click.testing import CliRunner
from pptx import Presentation

from briefing.cli import main

LONG_WORD = "Beskæftigelsesindsatsopfølgningsforløbsberegningsgrundlagsoversigtsudtræksstatistikopgørelsesmetode" * 2


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _notes(data):
    data["notes"] = "Udgiften faldt -30 % fra 2019-2021, og antallet steg 5%.\nResultatet blev -2,5 mio. kr. (covid-19)."


def _check(project: Path, monkeypatch) -> list[str]:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    return [re.sub(r":\d+:\d+: ", ":L:C: ", line) for line in result.output.splitlines() if line.startswith("advarsel")]


def test_check_warns_at_the_notes_field_about_percent_signs_and_hyphens_as_minus(project, monkeypatch):
    _edit(project / "inputs/slides/formaal.yaml", _notes)
    warnings = _check(project, monkeypatch)
    assert [w for w in warnings if "noterne" in w] == [
        "advarsel: inputs/slides/formaal.yaml:L:C: notes: noterne skriver '-30 %'; i løbende tekst skrives '−30 pct.'",
        "advarsel: inputs/slides/formaal.yaml:L:C: notes: noterne skriver '5%'; i løbende tekst skrives '5 pct.'",
        "advarsel: inputs/slides/formaal.yaml:L:C: notes: noterne bruger bindestreg som minus i '-2,5'; skriv '−2,5' "
        "med et rigtigt minus, eller sig det med ord (fx 'faldet med 2,5')"]


def test_the_deck_notes_are_typeset_like_the_slides(project, example_deck):
    from briefing.build import build

    _edit(project / "inputs/slides/formaal.yaml", _notes)
    deck = Presentation(str(build(project / "inputs", project / "a.pptx").path))
    notes = deck.slides[2].notes_slide.notes_text_frame.text
    assert ("Udgiften faldt \u221230\u00a0pct. fra 2019-2021, og antallet steg 5\u00a0pct.\n"
            "Resultatet blev \u22122,5\u00a0mio.\u00a0kr. (covid\u201119).") in notes
    # the example's own notes: no '%' after a number, no hyphen for a minus, no-break spaces in amounts
    example = [s.notes_slide.notes_text_frame.text for s in Presentation(str(example_deck)).slides if s.has_notes_slide]
    assert not [n for n in example if re.search(r"\d[ \u00a0]?%", n)]
    assert not [m for n in example for m in re.findall(r"(?:^|[\s(=:;])-\d", n, re.MULTILINE)]
    assert any("øges med 50\u00a0pct." in n for n in example)
    assert any("Tid: ca.\u00a0" in n or "Tid: ca. " in n for n in example)


def test_check_warns_when_a_word_in_a_table_cell_is_wider_than_its_column(project, monkeypatch):
    def long_label(data):
        data["rows"][0]["målgruppe"] = LONG_WORD

    _edit(project / "inputs/data/ydelsesmodtagere.yaml", long_label)
    warnings = _check(project, monkeypatch)
    shown = LONG_WORD
    assert ("advarsel: inputs/slides/ydelsesmodtagere.yaml:L:C: columns: i tabellen på sliden 'Færre modtagere af de "
            f"fleste ydelser end før covid-19' er '{shown}' i kolonnen 'Målgruppe' for bredt til kolonnen ved 12 pt og "
            "ville blive delt midt i; forkort det, eller vælg færre kolonner med 'columns'") in warnings


def test_check_warns_when_a_scenario_row_name_is_wider_than_its_column(project, monkeypatch):
    def long_row(data):
        data["economy"][1]["label"] = "Sagsbehandlingsopfølgningsforløbsberegningsgrundlagstimer"

    _edit(project / "inputs/slides/sanktioner-scenarier.yaml", long_row)
    warnings = _check(project, monkeypatch)
    assert ("advarsel: inputs/slides/sanktioner-scenarier.yaml:L:C: economy[2].label: i scenarietabellen er "
            "'Sagsbehandlingsopfølgningsforløbsberegningsgrundlagstimer' for bredt til sin kolonne ved 12 pt og ville "
            "blive delt midt i; forkort det") in warnings
