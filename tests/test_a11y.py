"""Accessibility check: each finding on a small deck made here that triggers it, with the exact Danish message."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from briefing.deck.a11y import (
    Finding,
    check_alt_text,
    check_chart_colors,
    check_contrast,
    check_deck,
    check_reading_order,
    check_text_sizes,
    check_titles,
)
from briefing.cli import main
from briefing.spec.colors import contrast_ratio, ratio_text, relative_luminance
from briefing.spec.models import ThemeColors, ThemeSpec

from .hostile import small_project

REPO = Path(__file__).resolve().parent.parent
THEME = ThemeSpec()
TITLE_ONLY, BLANK = 5, 6
NO_TITLE = "slide 1: sliden har ingen titel; giv den en, så skærmlæsere og oversigten kan vise den"


# ---------------------------------------------------------------- helpers that make fixture decks

def deck_with(*titles: str):
    """A deck with one title-only slide per title; returns the presentation and its slides."""
    prs = Presentation()
    slides = []
    for title in titles:
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = title
        slides.append(slide)
    return prs, slides


def text_box(slide, text: str, *, name: str = "Tekst", size: float | None = 20, color: str | None = "#1B2632",
             bold: bool = False, box=(1, 2, 6, 1)):
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    shape.name = name
    run = shape.text_frame.paragraphs[0].add_run()
    run.text = text
    if size is not None:
        run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = RGBColor.from_string(color[1:])
    return shape


def filled_rect(slide, color: str, box=(0.5, 1.5, 8, 3), name: str = "Felt"):
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Inches(v) for v in box))
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(color[1:])
    shape.name = name
    return shape


def png() -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "#00557F").save(out, "PNG")
    out.seek(0)
    return out


def messages(findings: list[Finding]) -> list[str]:
    return [f.message for f in findings]


# ---------------------------------------------------------------- (a) titles

def test_slide_without_title():
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[BLANK])
    assert messages(check_titles(prs)) == [NO_TITLE]


def test_empty_title_placeholder_counts_as_no_title():
    prs, _ = deck_with("  ")
    assert messages(check_titles(prs)) == [NO_TITLE]


def test_title_used_twice():
    prs, _ = deck_with("Til drøftelse", "Status", "til  drøftelse")
    assert messages(check_titles(prs)) == [
        "slide 3 'til drøftelse': titlen er også brugt på slide 1; giv hver slide sin egen titel",
    ]


def test_long_titles_are_shortened_in_the_message():
    title = "Flere aktivitetsparate er i tilbud end før covid-19"
    prs, _ = deck_with(title, title)
    assert messages(check_titles(prs)) == [
        "slide 2 'Flere aktivitetsparate er i tilbud end…': titlen er også brugt på slide 1; "
        "giv hver slide sin egen titel",
    ]


# ---------------------------------------------------------------- (b) alt text

def test_picture_without_alt_text():
    prs, (slide,) = deck_with("Udvikling")
    picture = slide.shapes.add_picture(png(), Inches(1), Inches(2))
    picture.name = "Diagram"
    picture._element.nvPicPr.cNvPr.set("descr", " ")
    assert messages(check_alt_text(prs)) == [
        "slide 1 'Udvikling': billedet 'Diagram' mangler alternativ tekst; skriv, hvad det viser",
    ]


def test_picture_described_by_its_file_name():
    prs, (slide,) = deck_with("Udvikling")
    slide.shapes.add_picture(png(), Inches(1), Inches(2))  # python-pptx writes the file name: 'image.png'
    assert messages(check_alt_text(prs)) == [
        "slide 1 'Udvikling': billedet 'Picture 2' har filnavnet 'image.png' som alternativ tekst; "
        "skriv, hvad det viser",
    ]


def test_chart_without_alt_text():
    prs, (slide,) = deck_with("Udvikling")
    data = CategoryChartData()
    data.categories = ["2019", "2021"]
    data.add_series("Hedensted", (44.4, 80.6))
    slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data)
    assert messages(check_alt_text(prs)) == [
        "slide 1 'Udvikling': diagrammet 'Chart 2' mangler alternativ tekst; skriv, hvad det viser",
    ]


def test_described_decorative_and_table_shapes_need_nothing():
    prs, (slide,) = deck_with("Udvikling")
    described = slide.shapes.add_picture(png(), Inches(1), Inches(2))
    described._element.nvPicPr.cNvPr.set("descr", "Søjlediagram: andel i tilbud, 3. kvt. 2021")
    decorative = slide.shapes.add_picture(png(), Inches(1), Inches(4))
    c_nv_pr = decorative._element.nvPicPr.cNvPr
    c_nv_pr.set("descr", "")
    ext_lst = c_nv_pr.makeelement(qn("a:extLst"), {})
    ext = ext_lst.makeelement(qn("a:ext"), {"uri": "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"})
    ext.append(ext.makeelement("{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative",
                               {"val": "1"}))
    ext_lst.append(ext)
    c_nv_pr.append(ext_lst)
    slide.shapes.add_table(2, 2, Inches(1), Inches(5), Inches(4), Inches(1))  # real text: read cell by cell
    assert check_alt_text(prs) == []


# ---------------------------------------------------------------- (c) text sizes

def test_text_smaller_than_the_theme_minimum():
    prs, (slide,) = deck_with("Status")
    text_box(slide, "Kilde: Jobindsats.dk, 3. kvt. 2021 og 3. kvt. 2019", name="Kilde", size=10)
    text_box(slide, "Stor nok", size=12, box=(1, 4, 6, 1))
    assert messages(check_text_sizes(prs, 12)) == [
        "slide 1 'Status': teksten 'Kilde: Jobindsats.dk, 3. kvt.…' i 'Kilde' er 10 pt; "
        "temaets mindste skriftstørrelse er 12 pt",
    ]


def test_small_text_in_table_cells_is_found_once_per_size():
    prs, (slide,) = deck_with("Tabel")
    shape = slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(1))
    shape.name = "Tabel"
    for cell in (shape.table.cell(1, 0), shape.table.cell(1, 1)):
        run = cell.text_frame.paragraphs[0].add_run()
        run.text = "76,3"
        run.font.size = Pt(10.5)
    assert messages(check_text_sizes(prs, 12)) == [
        "slide 1 'Tabel': teksten '76,3' i 'Tabel' er 10,5 pt; temaets mindste skriftstørrelse er 12 pt",
    ]


def test_inherited_sizes_are_not_guessed():
    prs, (slide,) = deck_with("Status")
    text_box(slide, "Arver størrelsen", size=None)
    assert check_text_sizes(prs, 12) == []


# ---------------------------------------------------------------- (d) contrast

def test_low_contrast_text_on_the_white_default_background():
    prs, (slide,) = deck_with("Status")
    text_box(slide, "Kilde: Jobindsats.dk", name="Kilde", size=12, color="#999999")
    assert messages(check_contrast(prs)) == [
        "slide 1 'Status': teksten 'Kilde: Jobindsats.dk' i 'Kilde' har kontrast 2,8:1 mod baggrunden "
        "(#999999 på #FFFFFF); mindst 4,5:1 kræves",
    ]


@pytest.mark.parametrize(("size", "bold", "found"), [
    (18, False, False),  # large text: 3:1 is enough
    (14, True, False),  # large when bold
    (14, False, True),  # normal text: 4,5:1
    (None, False, True),  # unknown size counts as normal text
])
def test_large_text_needs_only_three_to_one(size, bold, found):
    prs, (slide,) = deck_with("Status")
    text_box(slide, "Tid", size=size, bold=bold, color="#949494")  # 3,03:1 on white
    assert bool(check_contrast(prs)) is found


def test_text_on_its_own_fill():
    prs, (slide,) = deck_with("Status")
    shape = filled_rect(slide, "#00557F", name="Status 1")
    shape.text_frame.text = ""
    run = shape.text_frame.paragraphs[0].add_run()
    run.text = "Igangsat"
    run.font.size = Pt(15)
    run.font.color.rgb = RGBColor.from_string("1B2632")
    assert messages(check_contrast(prs)) == [
        "slide 1 'Status': teksten 'Igangsat' i 'Status 1' har kontrast 1,9:1 mod baggrunden "
        "(#1B2632 på #00557F); mindst 4,5:1 kræves",
    ]


def test_text_on_a_filled_shape_underneath():
    prs, (slide,) = deck_with("Nøgletal")
    filled_rect(slide, "#00557F", box=(0.5, 1.5, 4, 3), name="Nøgletal 1")
    text_box(slide, "80,6 pct.", name="Nøgletal 1 tal", size=12, box=(0.7, 1.7, 3, 1))
    text_box(slide, "Uden for feltet", name="Note", box=(6, 1.7, 3, 1))  # on the white slide: fine
    assert messages(check_contrast(prs)) == [
        "slide 1 'Nøgletal': teksten '80,6 pct.' i 'Nøgletal 1 tal' har kontrast 1,9:1 mod baggrunden "
        "(#1B2632 på #00557F); mindst 4,5:1 kræves",
    ]


def test_text_on_the_slide_background():
    prs, (slide,) = deck_with("Del 1")
    slide.background.fill.solid()
    slide.background.fill.fore_color.rgb = RGBColor.from_string("00557F")
    text_box(slide, "Økonomi og effekt", name="Intro", size=12)
    assert messages(check_contrast(prs)) == [
        "slide 1 'Del 1': teksten 'Økonomi og effekt' i 'Intro' har kontrast 1,9:1 mod baggrunden "
        "(#1B2632 på #00557F); mindst 4,5:1 kræves",
    ]


def test_table_cells_against_their_own_fill_reported_once():
    prs, (slide,) = deck_with("Tabel")
    shape = slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(1))
    shape.name = "Tabel"
    for j, text in enumerate(["målgruppe", "3. kvt. 2021 (pct.)"]):
        cell = shape.table.cell(0, j)
        cell.fill.solid()
        cell.fill.fore_color.rgb = RGBColor.from_string("00557F")
        run = cell.text_frame.paragraphs[0].add_run()
        run.text = text
        run.font.size = Pt(16)
        run.font.color.rgb = RGBColor.from_string("1B2632")
    assert messages(check_contrast(prs)) == [
        "slide 1 'Tabel': teksten 'målgruppe' i 'Tabel' har kontrast 1,9:1 mod baggrunden "
        "(#1B2632 på #00557F); mindst 4,5:1 kræves",
    ]


def test_text_over_a_picture_is_not_guessed():
    prs, (slide,) = deck_with("Status")
    slide.shapes.add_picture(png(), Inches(0.5), Inches(1.5), Inches(8), Inches(3))
    text_box(slide, "Over billedet", color="#999999")
    assert check_contrast(prs) == []


def test_contrast_arithmetic_follows_wcag():
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    assert relative_luminance("#000000") == pytest.approx(0.0)
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    # Rounded down, so a ratio just under the limit never reads as meeting it.
    assert [ratio_text(r) for r in (4.4999, 4.5, 3.0, 21.0, 2.849)] == ["4,4:1", "4,5:1", "3:1", "21:1", "2,8:1"]


# ---------------------------------------------------------------- (e) chart colours in the theme

def test_pale_chart_colours_in_the_theme():
    colors = ThemeColors(series=["#CCCCCC", "#00557F"], highlight="#F5A623")
    assert messages(check_chart_colors(ThemeSpec(colors=colors))) == [
        "temaet: diagramfarven colors.series nr. 1 (#CCCCCC) har kontrast 1,6:1 mod baggrunden (#FFFFFF); "
        "mindst 3:1 kræves",
        "temaet: diagramfarven colors.highlight (#F5A623) har kontrast 2:1 mod baggrunden (#FFFFFF); "
        "mindst 3:1 kræves",
    ]


def test_default_theme_chart_colours_pass():
    assert check_chart_colors(THEME) == []


# ---------------------------------------------------------------- (f) reading order

def test_title_not_first_in_reading_order():
    prs, (slide,) = deck_with("Status")
    text_box(slide, "Budskabet", name="Budskab")
    slide.shapes._spTree.append(slide.shapes.title._element)  # the title now comes last
    assert messages(check_reading_order(prs)) == [
        "slide 1 'Status': titlen står ikke først i læserækkefølgen ('Budskab' kommer før); "
        "skærmlæsere skal møde titlen først",
    ]


def test_footer_before_the_body():
    prs, (slide,) = deck_with("Status")
    text_box(slide, "Punkt", name="Punkter")
    text_box(slide, "Kilde: Jobindsats.dk", name="Kilde", box=(1, 6.5, 6, 0.4))
    text_box(slide, "Eftertanke", name="Note", box=(1, 4, 6, 1))
    text_box(slide, "2", name="Slidenummer", box=(8, 6.5, 1, 0.4))
    assert messages(check_reading_order(prs)) == [
        "slide 1 'Status': sidefoden 'Kilde' står før 'Note' i læserækkefølgen; sidefod og slidenummer skal "
        "komme efter indholdet",
    ]


def test_footer_and_number_last_is_fine():
    prs, (slide,) = deck_with("Status")
    text_box(slide, "Punkt", name="Punkter")
    text_box(slide, "Kilde: Jobindsats.dk", name="Kilde", box=(1, 6.5, 6, 0.4))
    text_box(slide, "2", name="Slidenummer", box=(8, 6.5, 1, 0.4))
    assert check_reading_order(prs) == []


# ---------------------------------------------------------------- all together, and the example

def test_check_deck_lists_theme_first_then_slide_by_slide():
    prs, (first, second) = deck_with("Status", "Status")
    text_box(second, "Lille", size=9)
    colors = ThemeColors(series=["#CCCCCC", "#00557F"])
    assert messages(check_deck(prs, ThemeSpec(colors=colors))) == [
        "temaet: diagramfarven colors.series nr. 1 (#CCCCCC) har kontrast 1,6:1 mod baggrunden (#FFFFFF); "
        "mindst 3:1 kræves",
        "slide 2 'Status': titlen er også brugt på slide 1; giv hver slide sin egen titel",
        "slide 2 'Status': teksten 'Lille' i 'Tekst' er 9 pt; temaets mindste skriftstørrelse er 12 pt",
    ]


def test_the_example_deck_has_no_findings(example_deck):
    from briefing.build import load

    theme = load(REPO / "inputs").theme.spec
    assert check_deck(Presentation(str(example_deck)), theme) == []


def test_default_theme_file_and_spec_defaults_agree():
    """themes/default.yaml and ThemeColors must stay identical, so a deck without a theme file passes too."""
    stated = yaml.safe_load((REPO / "themes" / "default.yaml").read_text(encoding="utf-8"))["colors"]
    defaults = ThemeColors().model_dump()
    assert {key: defaults[key] for key in stated} == stated


def test_check_command_is_clean_on_the_example_even_when_strict(project, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("slides kan bygges.\n")
    assert "advarsel" not in result.output


def _pale_theme(project: Path) -> None:
    """A pale chart series: the theme loads (text colours are fine), the deck's check finds it."""
    path = project / "themes" / "default.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'series: \["#[0-9A-Fa-f]{6}"', 'series: ["#CCCCCC"', text), encoding="utf-8")
SERIES_FINDING = ("temaet: diagramfarven colors.series nr. 1 (#CCCCCC) har kontrast 1,6:1 mod baggrunden (#FFFFFF); "
                  "mindst 3:1 kræves")


def test_check_command_warns_about_findings_and_strict_fails_on_them(tmp_path, monkeypatch):
    project = small_project(tmp_path)  # the finding is the theme's: a small deck draws few charts in it
    _pale_theme(project)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"advarsel: {SERIES_FINDING}" in lines
    assert re.search(r"^\d+\xa0tilgængelighedsfund ovenfor \(WCAG 2\.1 AA\); ret dem, før præsentationen lægges på "
                     r"hjemmesiden\.\n\d+ slides kan bygges\.$", result.output, re.MULTILINE)
    assert not (project / "output").exists()

    strict = CliRunner().invoke(main, ["check", "--strict"])
    assert strict.exit_code == 1
    lines = strict.output.splitlines()
    assert SERIES_FINDING in lines
    assert "advarsel" not in strict.output
    assert strict.output.endswith("Kontrollen fandt fejl: ret 1 fejl ovenfor og prøv igen.\n")
