"""KPI tiles (`kind: nøgletal`): Danish numbers, arrows and words as real text, colour never the only cue."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from briefing.errors import BriefingError
from briefing.facts.tiles import Tile, kpi_tile
from briefing.kinds.kpi import TONE_COLORS, KpiTile, number_size, tile_grid, value_lines
from briefing.deck.layout import BODY
from briefing.spec.models import ThemeSpec

NB = "\u00a0"
TITLE = "Flere aktivitetsparate i tilbud, men færre jobparate og længere forløb for unge"


def _tile(**fields) -> Tile:
    return kpi_tile(KpiTile.model_validate(fields))


# ---------------------------------------------------------------- texts, from spec to tile

TILES = [
    (dict(label="Aktivitetsparate i tilbud", value="80,6", unit="pct.", higher_is_better="ja",
          compare=dict(value="44,4", label="3. kvt. 2019")),
     Tile("Aktivitetsparate i tilbud", f"80,6{NB}pct.", f"▲ 36,2{NB}pct.point siden 3. kvt. 2019", "Forbedring",
          "good", "up")),
    (dict(label="Jobparate i tilbud", value="53,0", unit="pct.", higher_is_better="ja",
          compare=dict(value="76,3", label="3. kvt. 2019")),
     Tile("Jobparate i tilbud", f"53,0{NB}pct.", f"▼ 23,3{NB}pct.point siden 3. kvt. 2019", "Forværring", "bad", "down")),
    (dict(label="Varighed", value="72,6", unit="uger", higher_is_better="nej",
          compare=dict(value="66,9", label="RAR Østjylland", against="benchmark")),
     Tile("Varighed", f"72,6{NB}uger", f"▲ 5,7{NB}uger over RAR Østjylland", "Dårligere", "bad", "up")),
    (dict(label="Ledighed", value="3,1", unit="pct.", higher_is_better=False,
          compare=dict(value="4,0", label="Hele landet", against="benchmark")),
     Tile("Ledighed", f"3,1{NB}pct.", f"▼ 0,9{NB}pct.point under Hele landet", "Bedre", "good", "down")),
    (dict(label="I jobafklaring", value=132, unit="personer", compare=dict(value=214, label="3. kvt. 2019")),
     Tile("I jobafklaring", f"132{NB}personer", f"▼ 82{NB}personer siden 3. kvt. 2019", "", "neutral", "down")),
    (dict(label="Andel i job", value="64,54", unit="pct.", higher_is_better="ja",
          compare=dict(value="64,5", label="RAR Østjylland", against="benchmark")),
     Tile("Andel i job", f"64,5{NB}pct.", "● på niveau med RAR Østjylland", "", "neutral", "same")),
    (dict(label="Sanktioner", value=120, unit="antal", higher_is_better="nej",
          compare=dict(value=120, label="2020")),
     Tile("Sanktioner", "120", "● uændret siden 2020", "", "neutral", "same")),
    (dict(label="Udgift til tilbud", value="38.400.000", unit="kr.", higher_is_better="nej",
          compare=dict(value="40.000.000", label="2020")),
     Tile("Udgift til tilbud", f"38,4{NB}mio.{NB}kr.", f"▼ 1,6{NB}mio.{NB}kr. siden 2020", "Forbedring", "good", "down")),
    (dict(label="Borgere i alt", value="1.234", unit="personer"),
     Tile("Borgere i alt", f"1.234{NB}personer")),
    (dict(label="Forskel", value="-2,45", unit="pct.point", decimals=2),
     Tile("Forskel", f"-2,45{NB}pct.point")),
]


@pytest.mark.parametrize("fields, expected", TILES, ids=[t[1].label for t in TILES])
def test_tile_texts(fields, expected):
    assert _tile(**fields) == expected


def test_higher_is_better_takes_ja_nej_or_neutral_and_defaults_to_neutral():
    assert KpiTile.model_validate(dict(label="a", value=1, higher_is_better="ja")).higher_is_better is True
    assert KpiTile.model_validate(dict(label="a", value=1, higher_is_better="Nej")).higher_is_better is False
    assert KpiTile.model_validate(dict(label="a", value=1)).higher_is_better == "neutral"


def test_unknown_higher_is_better_gets_a_located_danish_error(project: Path):
    from briefing.build import load

    path = project / "inputs" / "slides" / "noegletal.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("higher_is_better: neutral", "higher_is_better: måske"),
                    encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    assert caught.value.render(project).splitlines() == [
        "inputs/slides/noegletal.yaml:31:23: tiles[3].higher_is_better: skal være ja, nej eller neutral, ikke 'måske'"]


# ---------------------------------------------------------------- layout

def test_tiles_share_the_body_in_one_row_up_to_four_then_two_rows():
    four = tile_grid(BODY, 4)
    assert len({b.top for b in four}) == 1 and four[-1].left + four[-1].width == pytest.approx(BODY.left + BODY.width)
    six = tile_grid(BODY, 6)
    assert len({b.top for b in six}) == 2 and len({b.left for b in six}) == 3
    assert all(b.top + b.height <= BODY.top + BODY.height + 1e-9 for b in six)


def test_big_number_shrinks_to_stay_on_one_line_but_never_below_20_pt():
    from briefing.danish.typeset import text_width_pt

    assert number_size(f"80,6{NB}pct.", 4.0) == 40
    size = number_size(f"1.234.567{NB}personer", 3.0)
    assert 20 <= size < 40
    assert text_width_pt(f"1.234.567{NB}personer", size, bold=True) <= 3.0 * 72 - 6
    assert number_size(f"1.234.567{NB}personer", 1.0) == 20  # too wide even then: the fitter warns, never splits


def test_a_unit_too_long_for_the_tile_goes_on_its_own_line_instead_of_breaking_inside_the_word():
    from briefing.danish.typeset import text_width_pt

    lines, size = value_lines(f"5.034{NB}fuldtidspersoner", 2.3)
    assert lines == ["5.034", "fuldtidspersoner"]
    assert 12 <= size <= 24 and text_width_pt("fuldtidspersoner", size, bold=True) <= 2.3 * 72 - 6
    assert text_width_pt("fuldtidspersoner", size + 1, bold=True) > 2.3 * 72 - 6  # the largest that fits
    assert value_lines(f"80,6{NB}pct.", 2.3) == ([f"80,6{NB}pct."], number_size(f"80,6{NB}pct.", 2.3))


# ---------------------------------------------------------------- the slide in the example deck

@pytest.fixture(scope="module")
def kpi_slide(example_deck):
    prs = Presentation(str(example_deck))
    return next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == TITLE)


def _shape(slide, name: str):
    return next(s for s in slide.shapes if s.name == name)


def test_tiles_are_real_text_not_pictures(kpi_slide):
    assert not [s for s in kpi_slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    texts = [s.text_frame.text for s in kpi_slide.shapes if s.has_text_frame and s.name.startswith("Nøgletal")
             and s.text_frame.text]
    assert texts == [
        f"80,6{NB}pct.", "Aktivitetsparate kontanthjælpsmodtagere i tilbud", f"▲ 36,2{NB}pct.point siden 3.{NB}kvt.{NB}2019",
        "Forbedring",
        f"53,0{NB}pct.", "Jobparate kontanthjælpsmodtagere i tilbud", f"▼ 23,3{NB}pct.point siden 3.{NB}kvt.{NB}2019",
        "Forværring",
        f"132{NB}personer", "Personer i jobafklaringsforløb", f"▼ 82{NB}personer siden 3.{NB}kvt.{NB}2019",
        f"72,6{NB}uger", "Varighed af forløb for unge på uddannelseshjælp", f"▲ 5,7{NB}uger over RAR Østjylland",
        "Dårligere",
    ]  # in reading order, tile by tile


def _color(shape) -> str:
    return str(shape.text_frame.paragraphs[0].runs[0].font.color.rgb)


def test_change_colour_follows_the_verdict_and_never_stands_alone(kpi_slide):
    muted = ThemeSpec().colors.muted.lstrip("#")
    assert _color(_shape(kpi_slide, "Nøgletal 1 ændring")) == TONE_COLORS["good"].lstrip("#")
    assert _color(_shape(kpi_slide, "Nøgletal 2 ændring")) == TONE_COLORS["bad"].lstrip("#")
    assert _color(_shape(kpi_slide, "Nøgletal 3 ændring")) == muted  # neutral: no verdict, no judging colour
    assert _color(_shape(kpi_slide, "Nøgletal 4 ændring")) == TONE_COLORS["bad"].lstrip("#")
    for number in (1, 2, 4):  # a coloured change always has an arrow and a word as well
        assert _shape(kpi_slide, f"Nøgletal {number} ændring").text_frame.text[0] in "▲▼"
        assert _shape(kpi_slide, f"Nøgletal {number} vurdering").text_frame.text
    assert not [s for s in kpi_slide.shapes if s.name == "Nøgletal 3 vurdering"]


def test_tile_text_is_danish_and_at_least_14_pt(kpi_slide):
    sizes = [run.font.size.pt for s in kpi_slide.shapes if s.has_text_frame and s.name.startswith("Nøgletal")
             for p in s.text_frame.paragraphs for run in p.runs]
    assert sizes and min(sizes) >= 14
    language = {run.font._rPr.get("lang") for s in kpi_slide.shapes if s.has_text_frame and s.name.startswith("Nøgletal")
                for p in s.text_frame.paragraphs for run in p.runs}
    assert language == {"da-DK"}


# ---------------------------------------------------------------- numbers read from the data tables

def _edit(project: Path, old: str, new: str, file: str = "slides/noegletal.yaml") -> None:
    path = project / "inputs" / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_tile_numbers_come_from_the_data_table_so_they_are_typed_once(project: Path):
    from briefing.build import build

    _edit(project, "Kontanthjælp, aktivitetsparat;Tilbud i alt;44,4;80,6",
          "Kontanthjælp, aktivitetsparat;Tilbud i alt;44,4;81,9", "data/aktivering-andel.csv")
    slide = Presentation(str(build(project / "inputs", project / "a.pptx").path)).slides[3]
    assert _shape(slide, "Nøgletal 1 tal").text_frame.text == f"81,9{NB}pct."
    assert _shape(slide, "Nøgletal 1 ændring").text_frame.text == f"▲ 37,5{NB}pct.point siden 3.{NB}kvt.{NB}2019"
    assert _shape(slide, "Nøgletal 4 ændring").text_frame.text == f"▲ 5,7{NB}uger over RAR Østjylland"


@pytest.mark.parametrize("old, new, expected", [
    ("    table: ydelsesmodtagere\n", "", "inputs/slides/noegletal.yaml:25:5: tiles[3]: angiv tallet med 'value' eller "
     "tabellen, det læses i, med 'table'"),
    ("    table: ydelsesmodtagere\n", "    table: ydelsesmodtagere\n    value: 132\n",
     "inputs/slides/noegletal.yaml:26:12: tiles[3].table: angiv enten tallet med 'value' eller tabellen med 'table', "
     "ikke begge"),
    ("    where: {målgruppe: Jobafklaringsforløb}\n", "",
     "inputs/slides/noegletal.yaml:25:5: tiles[3].where: 6 rækker i 'ydelsesmodtagere' passer til udvalget; et "
     "nøgletal er ét tal, så vælg præcis én række med flere kolonner i 'where'"),
    ("    column: 2021K3\n    compare:\n      column: 2019K3\n    higher_is_better: neutral",
     "    column: 2031K3\n    compare:\n      column: 2019K3\n    higher_is_better: neutral",
     "inputs/slides/noegletal.yaml:28:13: tiles[3].column: ukendt talkolonne '2031K3' (mente du '2021K3'?) (talkolonner i "
     "'ydelsesmodtagere': 2019K3, 2021K3)"),
    ("      where: {område: RAR Østjylland}\n", "      value: 66,9\n",
     "inputs/slides/noegletal.yaml:36:7: tiles[4].compare: angiv med 'label', hvad der sammenlignes med, fx "
     "'3. kvt. 2019' eller 'RAR Østjylland'"),
    ("      where: {område: RAR Østjylland}\n", "      where: {område: Region Midt}\n",
     "inputs/slides/noegletal.yaml:36:23: tiles[4].compare.where.område: værdien 'Region Midt' findes ikke i "
     "kolonnen 'område' (findes: RAR Østjylland, Hedensted)"),
])
def test_a_wrong_reference_in_a_tile_gets_a_located_danish_error(project: Path, old, new, expected):
    from briefing.build import load

    _edit(project, old, new)
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    assert caught.value.render(project).splitlines() == [expected]


def test_a_tile_on_a_missing_cell_asks_for_another_cell(project: Path):
    from briefing.build import load

    _edit(project, "  - område: Hedensted\n    4kv18-3kv19: 50,0\n    4kv20-3kv21: 72,6\n",
          "  - område: Hedensted\n    4kv18-3kv19: 50,0\n    4kv20-3kv21: .\n", "data/varighed.yaml")
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    assert caught.value.render(project).splitlines() == [
        "inputs/slides/noegletal.yaml:34:12: tiles[4].where: tallet mangler i 'varighed' (tom celle eller under "
        "diskretionsgrænsen) for 4. kvt. 2020-3. kvt. 2021; vælg en anden række eller kolonne, eller skriv tallet i "
        "'value'"]


def test_a_word_too_wide_for_its_tile_shrinks_the_labels_instead_of_being_split(kpi_slide):
    """'kontanthjælpsmodtagere' does not fit a quarter of the slide at 18 pt; PowerPoint would split it mid-word.
    The labels shrink instead, all to the same size, so the row reads evenly."""
    from briefing.danish.typeset import fit_text

    labels = [_shape(kpi_slide, f"Nøgletal {n} tekst") for n in range(1, 5)]
    sizes = {label.text_frame.paragraphs[0].runs[0].font.size.pt for label in labels}
    assert sizes == {14.0}
    assert fit_text(["Personer i jobafklaringsforløb"], 2.8, 1.0, 18, 14).size == 18  # short words keep 18 pt
    assert fit_text(["Aktivitetsparate kontanthjælpsmodtagere i tilbud"], 2.3, 1.0, 18, 14).size < 18
