"""Adding a slide kind is one module and one line in a registry: no edit to the build, the loader or the deck."""

from __future__ import annotations

import pytest
import yaml
from pptx import Presentation

from briefing.build import build
from briefing.errors import BriefingError
from briefing.kinds import KINDS
from tests.fixtures import quote_kind

QUOTE = """kind: citat
title: Det siger borgerne
quote: Jeg blev mødt som et menneske, ikke som et nummer
by: Borger i jobafklaringsforløb
"""


def _with_quote_slide(project, text: str = QUOTE):
    (project / "inputs" / "slides" / "citat.yaml").write_text(text, encoding="utf-8")
    deck_file = project / "inputs" / "briefing.yaml"
    deck = yaml.safe_load(deck_file.read_text(encoding="utf-8"))
    deck["sections"][0]["slides"].append("citat")
    deck_file.write_text(yaml.safe_dump(deck, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_kind_registered_from_one_module_is_validated_planned_and_drawn(project):
    _with_quote_slide(project)
    kinds = {**KINDS, "citat": quote_kind.KIND}
    result = build(project / "inputs", project / "out.pptx", kinds=kinds, parallel=False)
    slides = list(Presentation(str(result.path)).slides)
    quote = [s for s in slides if s.shapes.title is not None and s.shapes.title.text == "Det siger borgerne"]
    assert len(quote) == 1
    texts = {shape.name: shape.text_frame.text for shape in quote[0].shapes if shape.has_text_frame}
    assert texts["Citat"] == "»Jeg blev mødt som et menneske, ikke som et nummer«\n– Borger i jobafklaringsforløb"
    assert "Citat: Borger i jobafklaringsforløb" in quote[0].notes_slide.notes_text_frame.text


def test_the_new_kinds_fields_are_checked_like_any_other(project):
    _with_quote_slide(project, QUOTE.replace("by:", "af:"))
    kinds = {**KINDS, "citat": quote_kind.KIND}
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", project / "out.pptx", kinds=kinds, parallel=False)
    messages = caught.value.render(project).splitlines()
    assert messages == [
        "inputs/slides/citat.yaml:1:1: by: feltet mangler og skal udfyldes",
        "inputs/slides/citat.yaml:4:1: af: ukendt felt 'af' (tilladte: by, example, kind, minutes, notes, question, "
        "quote, title)",
    ]


def test_without_the_kind_registered_the_file_is_an_unknown_kind(project):
    _with_quote_slide(project)
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", project / "out.pptx", parallel=False)
    message = caught.value.render(project)
    assert message.startswith("inputs/slides/citat.yaml:1:7: kind: ukendt slidetype 'citat'")
    assert "citat" not in message.split("kendte:")[1]
