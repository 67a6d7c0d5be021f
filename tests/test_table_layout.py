"""Wide tables on real decks: header periods break only after "kvt.", a table too wide for one slide goes on
over a "(fortsat)" slide with its label column repeated, and no number or word is ever split in its cell."""

from __future__ import annotations

from pathlib import Path

import yaml
from pptx import Presentation

from briefing.danish.fmt import keep_together
from briefing.danish.typeset import text_width_pt, words

EMU = 914400


def _write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _tables(deck):
    """(title, header texts, body rows, column widths in inches, size) of every table slide."""
    out = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                table = shape.table
                texts = [[table.cell(r, c).text_frame.text for c in range(len(table.columns))]
                         for r in range(len(table.rows))]
                size = table.cell(0, 0).text_frame.paragraphs[0].runs[0].font.size.pt
                out.append((slide.shapes.title.text_frame.text, texts[0], texts[1:],
                            [c.width / EMU for c in table.columns], size))
    return out


def _no_piece_wider_than_its_column(texts, widths, size):
    for k, row in enumerate(texts):
        for text, width in zip(row, widths):
            for piece in words(text):
                assert text_width_pt(piece, size, k == 0) <= (width - 0.16) * 72, (piece, width, size)


def test_the_example_period_header_breaks_after_kvt_never_inside_the_year(example_deck):
    tables = _tables(Presentation(str(example_deck)))
    title, header, rows, widths, size = next(t for t in tables if t[0].startswith("Bilag: Andel aktiverede, akt"))
    assert title == "Bilag: Andel aktiverede, aktivitetsparate kontanthjælpsmodtagere (pct.)"  # the unit once
    assert header == ["Område"] + [f"{q}.\u00a0kvt. {y}" for y, q in [
        (2019, 3), (2019, 4), (2020, 1), (2020, 2), (2020, 3), (2020, 4), (2021, 1), (2021, 2), (2021, 3)]]
    assert rows[0] == ["Hedensted", "44,4", "46,0", "38,2", "21,5", "35,8", "52,3", "58,9", "71,4", "80,6"]
    assert size == 20
    assert len(set(round(w, 4) for w in widths[1:])) == 1  # the nine number columns alike
    _no_piece_wider_than_its_column([header] + rows, widths, size)
    # where a period fits whole, it stays whole
    two = next(t for t in tables if t[0] == "Bilag: Andel aktiveringsberørte")
    assert two[1][1:] == ["3.\u00a0kvt.\u00a02019 (pct.)", "3.\u00a0kvt.\u00a02021 (pct.)"]


def test_a_table_too_wide_for_a_slide_goes_on_over_a_fortsat_slide(project):
    from briefing.build import build

    quarters = [(y, q) for y in (2018, 2019, 2020, 2021) for q in (1, 2, 3, 4)]
    groups = ["Uddannelseshjælp, aktivitetsparat", "Kontanthjælp, jobparat", "Ledighedsydelse"]
    _write(project / "inputs/data/udgift-kvartal.yaml", {
        "title": "Udgift pr. målgruppe", "source": "Jobindsats.dk", "unit": "kr.",
        "rows": [{"målgruppe": g, **{f"{y}K{q}": 1_234_567 + 1111 * i + j for j, (y, q) in enumerate(quarters)}}
                 for i, g in enumerate(groups)]})
    slide = project / "inputs/slides/ydelsesmodtagere.yaml"
    spec = yaml.safe_load(slide.read_text(encoding="utf-8"))
    spec.pop("narrative")
    spec["table"] = "udgift-kvartal"
    spec["title"] = "Udgiften pr. kvartal"
    _write(slide, spec)
    deck = Presentation(str(build(project / "inputs", project / "a.pptx").path))
    tables = [t for t in _tables(deck) if t[0].startswith("Udgiften pr. kvartal")]
    assert [t[0] for t in tables] == ["Udgiften pr. kvartal", "Udgiften pr. kvartal (fortsat)"]
    shown = [h for t in tables for h in t[1][1:]]
    assert shown == [f"{q}.\u00a0kvt. {y} (kr.)" for y, q in quarters]  # every quarter once, in order
    assert [t[1][0] for t in tables] == ["Målgruppe", "Målgruppe"]  # the label column on both
    assert tables[1][2][0][:2] == ["Uddannelseshjælp, aktivitetsparat", "1.234.575"]
    for title, header, rows, widths, size in tables:
        assert size >= 12
        _no_piece_wider_than_its_column([header] + rows, widths, size)
    # the continuation slide carries no lead and the sentences stay on the first
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides
             if s.shapes.title is not None and s.shapes.title.text_frame.text == "Udgiften pr. kvartal (fortsat)"]
    assert notes and "Budskab:" not in notes[0]


def test_loose_periods_only_free_the_space_before_the_year():
    assert keep_together("3. kvt. 2019 (pct.)", period_year=False) == "3.\u00a0kvt. 2019 (pct.)"
    assert keep_together("3.\u00a0kvt.\u00a02019", period_year=False) == "3.\u00a0kvt. 2019"
    assert keep_together("23. november 2020", period_year=False) == "23.\u00a0november 2020"
    # a range is never taken apart: its halves would read as nonsense
    assert keep_together("4. kvt. 2018-3. kvt. 2019", period_year=False) == "4.\u00a0kvt.\u00a02018-3.\u00a0kvt.\u00a02019"
    assert keep_together("3. kvt. 2019") == "3.\u00a0kvt.\u00a02019"


def test_the_scenario_table_states_each_unit_once_in_the_row_name(example_deck):
    deck = Presentation(str(example_deck))
    table = next(shape.table for slide in deck.slides for shape in slide.shapes
                 if shape.has_table and shape.name == "Scenarietabel"
                 and slide.shapes.title.text_frame.text.startswith("Strammere praksis"))
    texts = [[table.cell(r, c).text_frame.text for c in range(len(table.columns))] for r in range(len(table.rows))]
    assert texts[:4] == [
        ["Konsekvens", "Lempeligere", "Som i dag (udgangspunkt)", "Strammere"],
        ["Udbetalte ydelser (mio.\u00a0kr. om året)", "23,2-23,4\n▲ +0,3", "22,9-23,1", "22,5-22,9\n▼ \u22120,3"],
        ["Sagsbehandlertimer", "390-546\n▼ \u2212312", "650-910", "910-1.274\n▲ +312"],
        ["Udgift til sagsbehandling (mio.\u00a0kr. om året)", "0,2-0,3\n▼ \u22120,2", "0,3-0,5", "0,5-0,7\n▲ +0,2"]]
    other = next(shape.table for slide in deck.slides for shape in slide.shapes
                 if shape.has_table and shape.name == "Scenarietabel"
                 and slide.shapes.title.text_frame.text.startswith("Flere virksomhedspraktikker"))
    assert [other.cell(r, 0).text_frame.text for r in (1, 2)] == ["Udgift til tilbud (mio.\u00a0kr. om året)",
                                                                  "Borgere i job efter forløb"]
    assert other.cell(2, 1).text_frame.text == "82-147\n▲ +13"
