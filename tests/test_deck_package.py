"""The deck's own metadata tells the truth: app.xml from the deck itself, no python-pptx boilerplate, no blank
4:3 thumbnail from python-pptx's template, and PowerPoint's exact 16:9 size."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree
from pptx import Presentation

from briefing import __version__
from briefing.deck.package import presentation_format

EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


@pytest.fixture(scope="module")
def package(example_deck):
    with zipfile.ZipFile(example_deck) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_app_properties_count_the_real_slides_and_notes_in_widescreen(package, example_deck):
    app = etree.fromstring(package["docProps/app.xml"])
    fields = {child.tag.removeprefix(EP): child.text for child in app}
    prs = Presentation(str(example_deck))
    slides = list(prs.slides)
    assert fields == {
        "Application": f"briefing {__version__}",
        "PresentationFormat": "Widescreen",
        "Slides": str(len(slides)),
        "Notes": str(sum(1 for s in slides if s.has_notes_slide)),
        "HiddenSlides": "0",
        "LinksUpToDate": "false",
        "SharedDoc": "false",
        "HyperlinksChanged": "false",
    }
    assert len(slides) > 30


def test_core_properties_carry_the_deck_and_no_python_pptx_boilerplate(package, example_deck):
    core = package["docProps/core.xml"].decode("utf-8")
    assert "python-pptx" not in core and "dc:description" not in core
    props = Presentation(str(example_deck)).core_properties
    assert (props.title, props.author, props.language) == ("Beskæftigelsesindsatsen i Hedensted",
                                                           "Jobcenter Hedensted", "da-DK")


def test_no_template_thumbnail_is_left_in_the_package(package):
    assert not [name for name in package if name.startswith("docProps/thumbnail")]
    assert b"thumbnail" not in package["_rels/.rels"]
    assert b"jpeg" not in package["[Content_Types].xml"]


def test_the_slide_size_is_powerpoints_exact_16_by_9(package, example_deck):
    prs = Presentation(str(example_deck))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    size = etree.fromstring(package["ppt/presentation.xml"]).find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}sldSz")
    assert size.get("type") is None  # not python-pptx's template's 'screen4x3'


@pytest.mark.parametrize(("size", "name"), [
    ((12192000, 6858000), "Widescreen"), ((9144000, 6858000), "On-screen Show (4:3)"),
    ((9144000, 5715000), "On-screen Show (16:10)"), ((12191695, 6858000), "Widescreen"),
    ((7772400, 10058400), "Custom"),
])
def test_presentation_format_names_the_aspect_ratio(size, name):
    assert presentation_format(*size) == name
