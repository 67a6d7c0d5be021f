"""Decorative shapes, shapes without text or alt text, and the layout audit of `briefing check` (warnings at the
slide file and field), on real YAML built into real decks."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches

from briefing.cli import main
from briefing.danish.fmt import keep_together
from briefing.deck.a11y import DECORATIVE_URI, check_alt_text

from .hostile import small_project

DECK = "output/hedensted-beskaeftigelse.pptx"


def _decorative(shape) -> bool:
    return bool(shape._element.xpath(f"./*[1]/p:cNvPr/a:extLst/a:ext[@uri='{DECORATIVE_URI}']"))


def test_every_shape_without_text_in_the_example_is_marked_decorative(example_deck):
    prs = Presentation(str(example_deck))
    textless = [(n, s) for n, slide in enumerate(prs.slides, 1) for s in slide.shapes
                if s._element.tag.endswith("}sp") and not "".join(s._element.itertext()).strip()]
    assert len(textless) > 40  # rules, bars, panels, tile backgrounds
    assert [(n, s.name) for n, s in textless if not _decorative(s)] == []
    # and shapes with text or pictures are not hidden from screen readers
    assert not [s.name for slide in prs.slides for s in slide.shapes
                if _decorative(s) and ("".join(s._element.itertext()).strip() or s.shape_type == 13)]
    assert check_alt_text(prs) == []


def test_a_shape_without_text_alt_text_or_decorative_flag_is_found():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Udvikling"
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(1), Inches(2), Inches(3), Inches(0.1))
    bar.name = "Streg"
    findings = check_alt_text(prs)
    assert [str(f) for f in findings] == [
        "slide 1 'Udvikling': figuren 'Streg' har hverken tekst eller alternativ tekst; skriv, hvad den viser, "
        "eller markér den som dekorativ"]
    bar._element.nvSpPr.cNvPr.set("descr", "Grøn streg: målet er nået")
    assert check_alt_text(prs) == []


def _write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _crowded_chart(project: Path) -> None:
    """The Høje-Taastrup case: 9 groups x 3 series, with sentences beside the chart."""
    groups = ["Dagpenge", "Kontanthjælp, jobparat", "Kontanthjælp, aktivitetsparat", "Uddannelseshjælp, uddannelsesparat",
              "Uddannelseshjælp, aktivitetsparat", "Sygedagpenge", "Jobafklaringsforløb", "Ressourceforløb", "Fleksjob"]
    values = [(1420, 1380, 1010), (410, 395, 120), (14, 14, 10), (10, 10, 9), (230, 240, 60), (890, 870, 560),
              (260, 255, 140), (330, 320, 190), (4800, 4650, 2900)]
    _write(project / "inputs/data/maalgrupper.yaml", {
        "title": "Personer pr. målgruppe", "source": "Jobindsats.dk", "unit": "personer",
        "rows": [{"målgruppe": g, "Høje-Taastrup": a, "Vestegnskommunerne i alt": b, "Lyngby-Taarbæk": c}
                 for g, (a, b, c) in zip(groups, values)]})
    slide = project / "inputs/slides/aktivering.yaml"
    spec = yaml.safe_load(slide.read_text(encoding="utf-8"))
    spec["chart"] = {"kind": "søjle", "table": "maalgrupper", "categories": "målgruppe"}
    spec.pop("narrative", None)
    _write(slide, spec)


def test_check_warns_at_the_chart_field_when_labels_are_left_out_and_the_alt_text_says_so(project, monkeypatch):
    from briefing.build import build

    _crowded_chart(project)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.output.splitlines() if "diagrammet har ikke plads" in line)
    assert warning.startswith("advarsel: inputs/slides/aktivering.yaml:")
    assert ": chart: diagrammet har ikke plads til alle sine tal (Af pladshensyn er " in warning
    assert warning.endswith(" af 27 tal ikke skrevet på diagrammet.); vælg færre kategorier eller serier, "
                            "eller vis tallene i en tabel")
    deck = Presentation(str(build(project / "inputs", project / "a.pptx").path))
    title = keep_together(spec_title(project))  # as typeset on the slide
    slide = next(sl for sl in deck.slides if sl.shapes.title is not None and sl.shapes.title.text == title)
    picture = next(s for s in slide.shapes if s.shape_type == 13)
    descr = picture._element.nvPicPr.cNvPr.get("descr")
    assert descr.endswith(" af 27 tal ikke skrevet på diagrammet.") and "Af pladshensyn er " in descr


def spec_title(project: Path) -> str:
    return yaml.safe_load((project / "inputs/slides/aktivering.yaml").read_text(encoding="utf-8"))["title"]


def test_check_warns_when_a_word_is_wider_than_its_place(project, monkeypatch):
    slide = project / "inputs/slides/formaal.yaml"
    spec = yaml.safe_load(slide.read_text(encoding="utf-8"))
    spec["lead"] = "Beskæftigelsesindsatsens" * 7
    _write(slide, spec)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert any(line.startswith("advarsel: inputs/slides/formaal.yaml:") and line.endswith(
        ": lead: et ord eller et tal med enhed er bredere end sin plads (lead) og ville blive delt midt i; forkort det")
        for line in result.output.splitlines()), result.output


def test_check_warns_when_charts_and_slides_use_two_typefaces(tmp_path, monkeypatch):
    project = small_project(tmp_path)  # the warning is the theme's: a small deck draws few charts in the new font
    theme = project / "themes/default.yaml"
    data = yaml.safe_load(theme.read_text(encoding="utf-8"))
    data.setdefault("fonts", {})["chart"] = ["DejaVu Sans"]
    _write(theme, data)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert ("advarsel: diagrammerne tegnes med skriften 'DejaVu Sans', men teksten på slides sættes med 'Arial'; "
            "sæt fonts.chart i temaet til 'Arial', så hele præsentationen har én skrifttype") in result.output.splitlines()
