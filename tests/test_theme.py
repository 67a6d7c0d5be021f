"""Theme files: unreadable colour pairs are located errors (WCAG 2.1 AA), not a deck nobody can read."""

from __future__ import annotations

import pytest

from briefing.spec.colors import contrast_ratio, ratio_text
from briefing.errors import BriefingError
from briefing.build import load


def test_contrast_ratio_matches_wcag():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert ratio_text(contrast_ratio("#777777", "#FFFFFF")) == "4,4:1"  # 4,48 must not read as 4,5


def test_light_grey_text_on_white_is_refused_where_it_stands(project):
    path = project / "themes" / "default.yaml"
    text = path.read_text(encoding="utf-8").replace('text: "#1B2632"', 'text: "#AAAAAA"')
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), start=1) if 'text: "#AAAAAA"' in l)
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    assert caught.value.render(project).splitlines()[0] == (
        f"themes/default.yaml:{line}:9: colors.text: farven #AAAAAA har kontrast 2,3:1 mod background (#FFFFFF) "
        "i brødtekst; mindst 4,5:1 kræves")


def test_pale_highlight_fails_the_chart_minimum(project):
    path = project / "themes" / "default.yaml"
    text = path.read_text(encoding="utf-8").replace('highlight: "#C24E00"', 'highlight: "#FFD8B0"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    assert "colors.highlight: farven #FFD8B0 har kontrast 1,3:1 mod background (#FFFFFF) i egen kommune i diagrammer; " \
           "mindst 3:1 kræves" in caught.value.render(project)
