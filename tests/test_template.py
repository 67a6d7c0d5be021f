"""The municipality's own template: layouts chosen by name, placeholders filled, located errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from briefing.build import build
from briefing.errors import BriefingError
from briefing.load.template_clean import MAIN_TYPES, PRESENTATION_TYPE

TEMPLATE_TYPE = MAIN_TYPES[0]

RENAMED = {"Title Slide": "Forside", "Title Only": "Kun titel", "Section Header": "Afsnit"}


def _template(path: Path) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for layout in prs.slide_layouts:
        layout.name = RENAMED.get(layout.name, layout.name)
    prs.slides.add_slide(prs.slide_layouts[0])  # a sample slide the tool must not carry over
    prs.save(path)
    return path


def _use_template(project: Path, theme_extra: str, file_name: str = "kommune.pptx") -> None:
    _template(project / "themes" / "kommune.pptx")
    if file_name.endswith(".potx"):
        data = (project / "themes" / "kommune.pptx").read_bytes()
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                blob = src.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    blob = blob.replace(PRESENTATION_TYPE, TEMPLATE_TYPE)
                dst.writestr(item, blob)
        (project / "themes" / file_name).write_bytes(out.getvalue())
    theme = (project / "themes" / "default.yaml").read_text(encoding="utf-8")
    (project / "themes" / "default.yaml").write_text(theme + f"template: {file_name}\n" + theme_extra, encoding="utf-8")


def _theme_lines(project: Path) -> int:
    """Lines in the example theme before the test appends to it, so expected line numbers follow the file."""
    return len((project / "themes" / "default.yaml").read_text(encoding="utf-8").splitlines())


def _layouts(path: Path) -> list[str]:
    return [slide.slide_layout.name for slide in Presentation(str(path)).slides]


@pytest.mark.parametrize("file_name", ["kommune.pptx", "kommune.potx"])
def test_slides_use_the_named_layouts_of_the_template(project, file_name):
    _use_template(project, "layouts:\n  title: Forside\n  section: Afsnit\n", file_name)
    result = build(project / "inputs", project / "out.pptx")
    layouts = _layouts(result.path)
    assert len(layouts) == result.slides  # the template's sample slide is gone
    assert layouts[0] == "Forside"
    assert layouts[1] == "Kun titel"  # the content layout found by its Danish default name
    assert "Afsnit" in layouts
    first = Presentation(str(result.path)).slides[0]
    assert first.shapes.title.text == "Beskæftigelsesindsatsen i Hedensted"


def test_missing_layout_names_what_the_template_offers(project):
    line = _theme_lines(project) + 4
    _use_template(project, "layouts:\n  title: Forside\n  section: Skillevæg\n")
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", project / "out.pptx")
    assert caught.value.render(project) == (
        f"themes/default.yaml:{line}:12: layouts.section: skabelonen har intet layout med navnet 'Skillevæg' "
        "(layouts i skabelonen: Forside, Title and Content, Afsnit, Two Content, Comparison, Kun titel, Blank, "
        "Content with Caption, Picture with Caption, Title and Vertical Text, Vertical Title and Text)"
    )


def test_layout_without_title_placeholder_is_refused(project):
    line = _theme_lines(project) + 5
    _use_template(project, "layouts:\n  title: Forside\n  section: Afsnit\n  content: Blank\n")
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", project / "out.pptx")
    assert caught.value.render(project) == (
        f"themes/default.yaml:{line}:12: layouts.content: layoutet 'Blank' har ingen titelpladsholder "
        "(pladsholdere: Date Placeholder 1, Footer Placeholder 2, Slide Number Placeholder 3)")


def test_template_outside_the_themes_folder_is_refused(project):
    line = _theme_lines(project) + 1
    theme = (project / "themes" / "default.yaml").read_text(encoding="utf-8")
    (project / "themes" / "default.yaml").write_text(theme + "template: ../hemmelig.pptx\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", project / "out.pptx")
    assert caught.value.render(project) == (
        f"themes/default.yaml:{line}:11: template: skabelonen skal ligge i themes/-mappen (ingen '../' eller fulde stier)")


def test_missing_template_lists_the_ones_present(project):
    line = _theme_lines(project) + 1
    theme = (project / "themes" / "default.yaml").read_text(encoding="utf-8")
    (project / "themes" / "default.yaml").write_text(theme + "template: kommne.pptx\n", encoding="utf-8")
    _template(project / "themes" / "kommune.pptx")
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", project / "out.pptx")
    assert caught.value.render(project) == (
        f"themes/default.yaml:{line}:11: template: skabelonen 'kommne.pptx' findes ikke "
        "(skabeloner i themes/: kommune.pptx)")
