"""A new user's project for another municipality, written the way a newcomer writes it: from `briefing init`, with
tables in the compact list form, periods newest first, the subject picked by `where` and sources that already
name their period. Built through the real CLI and read back from the .pptx."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from briefing.cli import main

NB = "\xa0"

DECK = """\
title: Beskæftigelsesindsatsen i Lolland Kommune
municipality: Lolland
meeting: Beskæftigelses- og Integrationsudvalget
date: 2026-01-14
comparison:
  region: RAR Sjælland
  country: Hele landet
name: lolland
sections:
  - title: Ledighed
    divider: false
    slides: [udvikling, forsoergede]
"""

LEDIGE_CSV = """\
område;2025K3;2025K2;2025K1;2024K4;2024K3
Lolland;1.041;1.012;1.120;1.098;1.076
RAR Sjælland;16.830;16.410;17.520;17.280;16.950
Hele landet;102.300;99.800;106.100;104.900;101.700
"""

FORSOERGEDE = """\
title: Offentligt forsørgede i pct. af befolkningen 16-66 år
source: Jobindsats.dk, 3. kvt. 2025
period: 2025K3
unit: pct.
columns: [kommune, andel]
rows:
  - [Lolland, "27,4"]
  - [Guldborgsund, "23,1"]
  - [Vordingborg, "21,8"]
  - [RAR Sjælland, "18,5"]
  - [Hele landet, "16,2"]
"""

UDVIKLING = """\
kind: diagram
title: Ledigheden er faldet det seneste år
chart:
  kind: linje
  table: ledige
  categories: område
narrative:
  - rule: udvikling
    measure: antallet af fuldtidsledige i Lolland
    where: {område: Lolland}
    form: med
    relative: ja
    benchmark: RAR Sjælland
"""

FORSOERGEDE_SLIDE = """\
kind: diagram
title: Lolland har den største andel på offentlig forsørgelse
chart:
  kind: rangering
  table: forsoergede
  categories: kommune
"""


@pytest.fixture
def lolland(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "lolland"
    assert CliRunner().invoke(main, ["init", str(root), "--kommune", "Lolland"]).exit_code == 0
    inputs = root / "inputs"
    for old in (inputs / "slides").glob("*.yaml"):
        old.unlink()
    (inputs / "briefing.yaml").write_text(DECK, encoding="utf-8")
    (inputs / "data/ledige.csv").write_text(LEDIGE_CSV, encoding="utf-8")
    (inputs / "data/ledige.yaml").write_text("title: Fuldtidsledige\nsource: Jobindsats.dk\nunit: personer\n"
                                             "file: ledige.csv\n", encoding="utf-8")
    (inputs / "data/forsoergede.yaml").write_text(FORSOERGEDE, encoding="utf-8")
    (inputs / "slides/udvikling.yaml").write_text(UDVIKLING, encoding="utf-8")
    (inputs / "slides/forsoergede.yaml").write_text(FORSOERGEDE_SLIDE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _texts(deck: Path) -> dict[str, list[str]]:
    """Each slide's title -> the texts of its other shapes."""
    return {slide.shapes.title.text: [s.text_frame.text for s in slide.shapes
                                      if s.has_text_frame and s != slide.shapes.title]
            for slide in Presentation(str(deck)).slides if slide.shapes.title is not None}


def test_a_new_municipalitys_project_builds_with_compact_rows_and_newest_first_periods(lolland):
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    slides = _texts(lolland / "output/lolland.pptx")
    udvikling = next(texts for title, texts in slides.items() if title.startswith("Ledigheden er faldet"))
    # 1.076 -> 1.041 is 3,3 pct.; 16.950 -> 16.830 is 0,7 pct.; told from the earliest to the latest quarter
    assert (f"Antallet af fuldtidsledige i Lolland er faldet med 3,3{NB}pct. fra 3.{NB}kvt.{NB}2024 til "
            f"3.{NB}kvt.{NB}2025 mod 0,7{NB}pct. i RAR Sjælland") in udvikling
    # five quarters are told as their span, in time order
    assert f"Kilde: Jobindsats.dk, 3.{NB}kvt.{NB}2024-3.{NB}kvt.{NB}2025" in udvikling
    forsoergede = next(texts for title, texts in slides.items() if title.startswith("Lolland har den største"))
    # the source already names its period: it is not said twice
    assert f"Kilde: Jobindsats.dk, 3.{NB}kvt.{NB}2025" in forsoergede


def _check(project: Path) -> list[str]:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1, result.output
    return [line for line in result.output.splitlines() if line.startswith("inputs/")]


def test_rows_written_as_lists_without_column_names_are_one_message_that_shows_both_ways(lolland):
    table = lolland / "inputs/data/forsoergede.yaml"
    table.write_text(FORSOERGEDE.replace("columns: [kommune, andel]\n", ""), encoding="utf-8")
    assert _check(lolland) == [
        "inputs/data/forsoergede.yaml:6:5: rows[1]: rækken er skrevet som en liste uden kolonnenavne: skriv navnene "
        "én gang, fx 'columns: [kommune, andel]' over 'rows:', eller skriv hver række med felter: "
        "'- kommune: Lolland' og 'andel: 27,4' på hver sin linje"]


def test_a_list_row_with_a_label_split_by_its_comma_says_to_quote_it(lolland):
    table = lolland / "inputs/data/forsoergede.yaml"
    table.write_text(FORSOERGEDE.replace('[Guldborgsund, "23,1"]', '[Kontanthjælp, jobparat, "23,1"]'),
                     encoding="utf-8")
    assert _check(lolland) == [
        "inputs/data/forsoergede.yaml:8:5: rows[2]: rækken har 3 værdier, men 'columns' har 2 (kommune, andel); "
        "en tekst med komma skal i anførselstegn inde i [ ], fx [\"Kontanthjælp, jobparat\", \"38,2\"]"]


def test_a_row_with_fields_under_columns_and_a_doubled_column_name_are_refused(lolland):
    table = lolland / "inputs/data/forsoergede.yaml"
    table.write_text(FORSOERGEDE.replace('  - [Vordingborg, "21,8"]\n', '  - kommune: Vordingborg\n    andel: 21,8\n'),
                     encoding="utf-8")
    assert _check(lolland) == [
        "inputs/data/forsoergede.yaml:9:5: rows[3]: rækken er skrevet med felter, men tabellen har 'columns': skriv "
        "den som en liste i kolonnernes rækkefølge (kommune, andel), eller fjern 'columns'"]
    table.write_text(FORSOERGEDE.replace("columns: [kommune, andel]", "columns: [kommune, kommune]"), encoding="utf-8")
    assert _check(lolland) == [
        "inputs/data/forsoergede.yaml:5:10: columns: kolonnen 'kommune' står to gange; hver kolonne skal have sit "
        "eget navn"]


def test_columns_next_to_a_file_is_refused(lolland):
    table = lolland / "inputs/data/ledige.yaml"
    table.write_text(table.read_text(encoding="utf-8") + "columns: [område, 2025K3]\n", encoding="utf-8")
    [message] = _check(lolland)
    assert message.startswith("inputs/data/ledige.yaml:")
    assert message.endswith("'columns' navngiver kolonnerne i 'rows'; en CSV- eller XLSX-fil har sine navne i første "
                            "linje, så fjern 'columns'")


def test_the_compact_rows_read_the_same_numbers_as_rows_with_fields(tmp_path):
    from briefing.build import load

    def table(text: str):
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        CliRunner().invoke(main, ["init", str(root), "--kommune", "Lolland"])
        (root / "inputs/data/t.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
        return load(root / "inputs").tables["t"]

    compact = table("""\
        title: T
        source: S
        columns: [kommune, 2024K3, 2025K3]
        rows:
          - [Lolland, "40.000", "1.234,5"]
          - [Guldborgsund, ., "0,3"]
        """)
    fields = table("""\
        title: T
        source: S
        rows:
          - {kommune: Lolland, 2024K3: 40.000, 2025K3: "1.234,5"}
          - {kommune: Guldborgsund, 2024K3: ., 2025K3: "0,3"}
        """)
    assert [r.values for r in compact.rows] == [r.values for r in fields.rows] == [(40000.0, 1234.5), (None, 0.3)]


def test_an_unnamed_column_is_the_latest_period_when_the_columns_run_newest_first(lolland):
    """References, tiles, ranking charts and scenario assumptions read the latest quarter (2025K3: 1.041), not the
    last column (2024K3: 1.076)."""
    deck = lolland / "inputs/briefing.yaml"
    deck.write_text(DECK.replace("slides: [udvikling, forsoergede]", "slides: [punkter, tal, rang, scenarie]"),
                    encoding="utf-8")
    slides = lolland / "inputs/slides"
    (slides / "punkter.yaml").write_text('kind: punkter\ntitle: Det vigtigste\nbullets:\n'
                                         '  - "Ledige i Lolland: {ledige | Lolland}"\n', encoding="utf-8")
    (slides / "tal.yaml").write_text("kind: nøgletal\ntitle: Nøgletal\ntiles:\n  - label: Ledige\n    table: ledige\n"
                                     "    where: {område: Lolland}\n", encoding="utf-8")
    (slides / "rang.yaml").write_text("kind: diagram\ntitle: Rangering\nchart:\n  kind: rangering\n  table: ledige\n"
                                      "  categories: område\n  reference: søjler\n", encoding="utf-8")
    (slides / "scenarie.yaml").write_text(textwrap.dedent("""\
        kind: scenarie
        title: Scenarie
        lever: Færre ledige
        assumptions:
          ledige: {table: ledige, where: {område: Lolland}, unit: personer, label: Ledige}
          ydelse: {value: 100, unit: kr./person, label: Ydelse}
        scenarios:
          - name: Som i dag
            baseline: true
          - name: Færre
            changes: {ledige: "-10 %"}
        economy:
          - label: Udgift
            formula: ledige * ydelse
            unit: kr.
        """), encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    texts = _texts(lolland / "output/lolland.pptx")
    assert f"Ledige i Lolland: 1.041{NB}personer" in texts["Det vigtigste"]
    assert any(t.startswith(f"1.041{NB}personer") for t in texts["Nøgletal"])
    prs = Presentation(str(lolland / "output/lolland.pptx"))
    rang = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Rangering")
    picture = next(s for s in rang.shapes if s.shape_type == 13)
    descr = picture._element.nvPicPr.cNvPr.get("descr")
    assert "1.041" in descr and "1.076" not in descr, descr
    scenario = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Scenarie")
    cells = [c.text for s in scenario.shapes if s.has_table for row in s.table.rows for c in row.cells]
    assert cells[3:5] == ["Udgift (kr.)", "104.100"], cells  # 1.041 personer * 100 kr.


def test_names_are_swapped_whole_both_ways_and_in_the_genitive():
    from briefing.load.swap import name_swapper

    swap = name_swapper("Hedensted", "Horsens")
    assert swap("Hedensteds borgere ligger over Horsens") == "Horsens' borgere ligger over Hedensted"
    assert swap("Horsens' ledige og Hedensted Kommune") == "Hedensteds ledige og Horsens Kommune"
    assert swap("Hedenstedvej, Hedensted-modellen og {ledige | Hedensted | 2021K3}") == (
        "Hedenstedvej, Hedensted-modellen og {ledige | Horsens | 2021K3}")
    assert name_swapper("Høje-Taastrup", "Ringkøbing-Skjern")("Høje-Taastrups og Taastrup") == (
        "Ringkøbing-Skjerns og Taastrup")


def test_a_deck_for_another_municipality_names_it_in_every_text_with_its_own_numbers(lolland):
    """`build --kommune`: what the user wrote about the home municipality is said about the other one, with the
    other one's numbers (before: 'Andelen i Lolland ligger 4,6 ...' with Guldborgsund's 23,1)."""
    deck = lolland / "inputs/briefing.yaml"
    deck.write_text(DECK.replace("slides: [udvikling, forsoergede]", "slides: [punkter, forsoergede]")
                    .replace("  region: RAR Sjælland\n", "  region: RAR Sjælland\n  peers: [Guldborgsund, Vordingborg]\n")
                    + "author: Jobcenter Lolland\n", encoding="utf-8")
    slides = lolland / "inputs/slides"
    (slides / "punkter.yaml").write_text(
        'kind: punkter\ntitle: Lollands andel\nbullets:\n  - "I Lolland: {forsoergede | Lolland}"\n'
        '  - "I Guldborgsund: {forsoergede | Guldborgsund}"\n', encoding="utf-8")
    (slides / "forsoergede.yaml").write_text(FORSOERGEDE_SLIDE + textwrap.dedent("""\
        narrative:
          - rule: sammenligning
            measure: andelen i Lolland
            benchmarks: [RAR Sjælland]
        """), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--kommune", "Guldborgsund"])
    assert result.exit_code == 0, result.output
    texts = _texts(lolland / "output/guldborgsund.pptx")
    assert f"I Guldborgsund: 23,1{NB}pct.\nI Lolland: 27,4{NB}pct." in texts["Guldborgsunds andel"]
    chart = next(t for title, t in texts.items() if title.startswith("Guldborgsund har den største"))
    assert f"Andelen i Guldborgsund ligger 4,6{NB}pct.point over RAR Sjælland" in chart  # 23,1 - 18,5
    assert not [t for ts in texts.values() for t in ts if "Lolland" in t and "I Lolland" not in t]


def test_a_quoted_number_is_in_the_fact_ledger_with_its_table_source_and_period(lolland):
    deck = lolland / "inputs/briefing.yaml"
    deck.write_text(DECK.replace("slides: [udvikling, forsoergede]", "slides: [punkter]"), encoding="utf-8")
    (lolland / "inputs/slides/punkter.yaml").write_text(
        'kind: punkter\ntitle: Det vigtigste\nbullets:\n  - "Ledige: {ledige | Lolland}, andel: {forsoergede | Lolland}"\n',
        encoding="utf-8")
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    rows = [line.split(";") for line in
            (lolland / "output/lolland-fakta.csv").read_text(encoding="utf-8-sig").splitlines()]
    assert [r for r in rows if r[2] == "henvisning"] == [
        ["1", "Det vigtigste", "henvisning", f"1.041{NB}personer", f"Lolland, 3. kvt. 2025 = 1.041{NB}personer",
         "Jobindsats.dk", "3. kvt. 2025", "ledige"],
        ["1", "Det vigtigste", "henvisning", f"27,4{NB}pct.", f"Lolland, andel = 27,4{NB}pct.",
         "Jobindsats.dk, 3. kvt. 2025", "3. kvt. 2025", "forsoergede"]]
