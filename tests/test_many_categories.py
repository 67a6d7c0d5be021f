"""Many groups with long names: a grouped or simple bar chart becomes a ranked layout (lying bars, sorted from
largest to smallest, names at the theme's minimum size or larger) instead of shrinking the names, and the alt
text, the footer and the notes say it is sorted."""

from __future__ import annotations

from pathlib import Path

import yaml
from pptx import Presentation

from briefing.charts import figure_for
from briefing.spec.models import ThemeSpec

GROUPS = ["Dagpengemodtagere over 50 år", "Kontanthjælp, jobparat", "Kontanthjælp, aktivitetsparat",
          "Uddannelseshjælp, uddannelsesparat", "Uddannelseshjælp, aktivitetsparat", "Sygedagpenge",
          "Jobafklaringsforløb", "Ressourceforløb", "Fleksjob", "Ledighedsydelse", "Revalidering",
          "Førtidspension", "Integrationsydelse", "Seniorpension"]
EARLY = [410, 1420, 880, 95, 230, 890, 260, 330, 640, 120, 40, 2900, 150, 75]
LATE = [380, 1010, 930, 80, 260, 850, 210, 350, 700, 130, 35, 2800, 90, 110]


def _project(project: Path) -> None:
    table = {"title": "Modtagere pr. ydelse", "source": "Jobindsats.dk", "unit": "personer",
             "rows": [{"ydelse": g, "2019K3": a, "2021K3": b} for g, a, b in zip(GROUPS, EARLY, LATE)]}
    (project / "inputs/data/ydelser.yaml").write_text(yaml.safe_dump(table, allow_unicode=True, sort_keys=False),
                                                       encoding="utf-8")
    slide = project / "inputs/slides/aktivering.yaml"
    spec = yaml.safe_load(slide.read_text(encoding="utf-8"))
    spec.update(title="Modtagere af 14 ydelser", chart={"kind": "søjle", "table": "ydelser", "categories": "ydelse"})
    spec.pop("narrative")
    spec.pop("lead")
    slide.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_fourteen_long_names_are_drawn_sorted_and_the_deck_says_so(project):
    from briefing.build import build

    _project(project)
    deck = Presentation(str(build(project / "inputs", project / "a.pptx").path))
    slide = next(s for s in deck.slides if s.shapes.title is not None
                 and s.shapes.title.text_frame.text == "Modtagere af 14 ydelser")
    picture = next(s for s in slide.shapes if s.shape_type == 13)
    descr = picture._element.nvPicPr.cNvPr.get("descr")
    by_late = [g for _, g in sorted(zip(LATE, GROUPS), reverse=True)]
    assert descr.startswith("Liggende søjlediagram, sorteret fra størst til mindst: Modtagere af 14 ydelser. "
                            f"Personer for {by_late[0].lower()}; {by_late[1].lower()}; ")
    assert " Sorteret fra størst til mindst efter 3. kvt. 2021. " in descr
    footer = next(s for s in slide.shapes if s.name == "Kilde").text_frame.text
    assert "Sorteret fra størst til mindst efter 3.\u00a0kvt.\u00a02021" in footer
    assert "Sorteret fra størst til mindst efter 3. kvt. 2021" in slide.notes_slide.notes_text_frame.text.replace(
        "\u00a0", " ")


def test_the_sorted_chart_shows_every_name_at_the_minimum_size_or_larger(project):
    from briefing.build import load
    from briefing.facts.figures import chart_data

    _project(project)
    loaded = load(project / "inputs")
    spec = loaded.slides["aktivering"].spec
    data = chart_data(spec.title, spec.chart, loaded.tables["ydelser"], loaded.deck)
    assert data.variant == "sorteret"
    assert list(data.categories) == [g for _, g in sorted(zip(LATE, GROUPS), reverse=True)]
    theme = ThemeSpec(dpi=72)
    for size in [(7.4, 4.3), (11.9, 4.6)]:
        figure = figure_for(data, theme, size)
        figure.canvas.draw()
        names = [t for t in figure.axes[0].get_yticklabels() if t.get_visible() and t.get_text()]
        assert [t.get_text() for t in names] == list(data.categories)  # all of them, largest on top
        assert min(t.get_fontsize() for t in names) >= theme.sizes.minimum
        boxes = [t.get_window_extent() for t in names]
        assert all(a.y0 >= b.y1 - 0.5 for a, b in zip(boxes, boxes[1:]))  # top to bottom, never overlapping


def test_a_dozen_short_names_keep_their_order(project):
    from briefing.facts.figures import _many_long

    assert not _many_long(GROUPS[:12])
    assert not _many_long(["16-24 år", "25-29 år", "30-39 år"] * 5)
    assert _many_long(GROUPS[:13])
