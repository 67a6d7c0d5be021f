"""The baseline: the example deck written by hand with plain python-pptx and matplotlib.pyplot.

This is the script a user would write without briefing: chart data typed in, one
pyplot figure per chart saved as PNG at the theme's resolution, text boxes,
shapes and tables placed with python-pptx. To keep the content equivalent to
the built example without typing 42 slides of Danish text, the slide texts,
shape and table positions and the chart sizes come from a manifest that
benchmarks/run.py reads out of the built example deck (a small JSON file; loading
it takes a millisecond). The chart data below is typed in from inputs/data/.

    python benchmarks/handwritten.py MANIFEST.json OUT.pptx
"""

from __future__ import annotations

import io
import json
import sys

import matplotlib.pyplot as plt
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Emu, Inches, Pt

DPI = 200
HIGHLIGHT, ACCENT, GREY, DARK, MUTED = "#C24E00", "#00557F", "#8C96A0", "#2F3B48", "#55606E"
GROUPS = ["Kontanthjælp, jobparat", "Kontanthjælp, aktivitetsparat", "Uddannelseshjælp, uddannelsesparat",
          "Uddannelseshjælp, aktivitetsparat", "Jobafklaringsforløb", "Ressourceforløb"]


def first_installed_font(*names: str) -> str:
    """The theme's chart font, or the first fallback that is installed (as briefing does), looked up once."""
    from matplotlib import font_manager

    for name in names:
        try:
            font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
            return name
        except ValueError:
            continue
    return "DejaVu Sans"


plt.rcParams.update({"font.family": first_installed_font("Arial", "Liberation Sans", "DejaVu Sans"), "font.size": 14})


def dk(value, decimals=1):
    """65.4 -> '65,4' (Danish decimal comma)."""
    return f"{value:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")


def tidy(ax):
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#D5D9DE")
    ax.set_axisbelow(True)


def grouped_bars(ax, categories, series, unit="Pct."):
    width = 0.8 / len(series)
    colors = [GREY, ACCENT, DARK, "#2F7F5F"]
    for i, (name, values) in enumerate(series.items()):
        xs = [x + (i - (len(series) - 1) / 2) * width for x in range(len(categories))]
        heights = [v if v is not None else 0 for v in values]
        bars = ax.bar(xs, heights, width, label=name, color=colors[i % len(colors)])
        ax.bar_label(bars, labels=[dk(v) if v is not None else "–" for v in values], fontsize=13, padding=2)
    ax.set_xticks(range(len(categories)), [c.replace(", ", ",\n") for c in categories], fontsize=12)
    ax.set_ylabel(unit)
    ax.legend(frameon=False, ncols=len(series), loc="upper left")
    tidy(ax)


def bars_activated(ax):
    grouped_bars(ax, GROUPS, {"3. kvt. 2019": [76.3, 44.4, 62.5, 69.1, 45.8, 52.5],
                              "3. kvt. 2021": [53.0, 80.6, 73.6, 76.9, 37.9, 80.1]})


def bars_internship(ax):
    grouped_bars(ax, GROUPS, {"3. kvt. 2019": [17.1, 18.7, 20.8, 21.1, 30.4, 30.6],
                              "3. kvt. 2021": [7.6, 21.8, 21.0, 23.1, 27.3, 27.7]})


def bars_affected(ax):
    groups = ["Kontanthjælp, jobparat", "Kontanthjælp, aktivitetsparat", "Uddannelseshjælp i alt",
              "Uddannelseshjælp, aktivitetsparat", "Jobafklaringsforløb", "Ressourceforløb"]
    grouped_bars(ax, groups, {"3. kvt. 2019": [71.1, 44.9, 62.2, 69.1, 45.3, 52.5],
                              "3. kvt. 2021": [53.0, 81.8, 72.8, 76.9, 38.6, 80.1]})


def bars_wage_hours(ax):
    groups = ["Kontanthjælp, jobparat", "Kontanthjælp, aktivitetsparat", "Uddannelseshjælp i alt", "Ressourceforløb"]
    grouped_bars(ax, groups, {"2. kvt. 2019": [40.5, 16.8, 6.7, 6.2], "2. kvt. 2021": [None, 10.9, 10.0, 4.7]})


def bars_status(ax):
    groups = ["Kontanthjælp, jobparat", "Kontanthjælp, aktivitetsparat", "Uddannelseshjælp", "Jobafklaringsforløb",
              "Ressourceforløb"]
    grouped_bars(ax, groups, {"RAR Østjylland": [68.2, 15.7, 36.8, 20.0, 2.3],
                              "Hedensted": [64.5, 17.8, 37.1, 19.8, None]})


def bars_duration(ax):
    grouped_bars(ax, ["RAR Østjylland", "Hedensted"], {"4. kvt. 2018-3. kvt. 2019": [57.8, 50.0],
                                                        "4. kvt. 2020-3. kvt. 2021": [66.9, 72.6]}, unit="Uger")


def line_quarters(ax):
    quarters = ["3. kvt. 2019", "4. kvt. 2019", "1. kvt. 2020", "2. kvt. 2020", "3. kvt. 2020", "4. kvt. 2020",
                "1. kvt. 2021", "2. kvt. 2021", "3. kvt. 2021"]
    lines = {"Hedensted": ([44.4, 46.0, 38.2, 21.5, 35.8, 52.3, 58.9, 71.4, 80.6], HIGHLIGHT),
             "RAR Østjylland": ([41.2, 42.0, 39.5, 24.8, 37.1, 45.6, 50.2, 55.7, 60.3], DARK),
             "Hele landet": ([39.8, 40.5, 38.0, 23.9, 35.2, 43.1, 47.9, 52.6, 57.4], MUTED)}
    for name, (values, color) in lines.items():
        ax.plot(range(len(quarters)), values, marker="o", color=color, linewidth=2.5, label=name)
        ax.annotate(dk(values[-1]), (len(quarters) - 1, values[-1]), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=13, color=color)
    ax.set_xticks(range(len(quarters)), quarters, rotation=30, ha="right", fontsize=12)
    ax.set_ylabel("Pct.")
    ax.legend(frameon=False, loc="upper left")
    tidy(ax)


def stacked_status(ax):
    groups = ["Kontanthjælp, jobparat", "Kontanthjælp, aktivitetsparat", "Uddannelseshjælp", "Jobafklaringsforløb",
              "Ressourceforløb"]
    parts = {"Lønmodtagerbeskæftigelse": [64.5, 17.8, 37.1, 19.8, 0], "Uddannelse": [8.3, 4.1, 12.4, 2.6, 0],
             "Fleksjob": [0, 23.3, 2.1, 19.8, 26.5], "Ledighedsydelse": [0, 2.7, 0.5, 13.8, 10.2],
             "Førtidspension": [0, 16.4, 3.1, 6.0, 46.9]}
    parts["Øvrige"] = [100 - sum(p[i] for p in parts.values()) for i in range(len(groups))]
    colors = [ACCENT, "#2F7F5F", "#6B4C9A", GREY, DARK, "#D5D9DE"]
    left = [0.0] * len(groups)
    for (name, values), color in zip(parts.items(), colors):
        bars = ax.barh(groups, values, left=left, color=color, label=name)
        ax.bar_label(bars, labels=[dk(v, 0) if v >= 5 else "" for v in values], label_type="center", fontsize=12,
                     color="white")
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Pct.")
    ax.legend(frameon=False, ncols=6, loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=11)


def quadrant(ax):
    names = ["Kontanthjælp, jobparat", "Kontanthjælp, aktivitetsparat", "Uddannelseshjælp", "Jobafklaringsforløb"]
    xs, ys = [-6.0, 14.0, -4.0, 18.0], [-3.7, 2.1, 0.3, -0.2]
    ax.scatter(xs, ys, s=120, color=ACCENT, zorder=3)
    for name, x, y in zip(names, xs, ys):
        ax.annotate(name, (x, y), xytext=(8, 6), textcoords="offset points", fontsize=12)
    ax.axhline(0, color=MUTED, linestyle="--")
    ax.axvline(0, color=MUTED, linestyle="--")
    ax.set_xlim(-25, 25)
    ax.set_ylim(-5, 5)
    for text, (x, y, ha, va) in {"Lave udgifter, høj effekt": (0.02, 0.97, "left", "top"),
                                 "Høje udgifter, høj effekt": (0.98, 0.97, "right", "top"),
                                 "Lave udgifter, lav effekt": (0.02, 0.03, "left", "bottom"),
                                 "Høje udgifter, lav effekt": (0.98, 0.03, "right", "bottom")}.items():
        ax.text(x, y, text, transform=ax.transAxes, ha=ha, va=va, fontsize=12, color=MUTED)
    ax.set_xlabel("Udgift pr. borger, afvigelse fra RAR Østjylland (pct.)")
    ax.set_ylabel("Andel i job, afvigelse (pct.point)")
    tidy(ax)


def waterfall(ax):
    steps = [("Udgift til tilbud 2021", 38.4), ("Tidlig indsats", -3.2), ("Kortere forløb for unge", -2.1),
             ("Flere i virksomhedspraktik", -1.4), ("Screening for funktionsnedsættelser", 0.9)]
    level = 0.0
    for i, (name, amount) in enumerate(steps):
        bottom = 0.0 if i == 0 else (level + amount if amount < 0 else level)
        color = ACCENT if i == 0 else ("#2F7F5F" if amount < 0 else HIGHLIGHT)
        bar = ax.bar(i, abs(amount), bottom=bottom, color=color)
        ax.bar_label(bar, labels=[("" if i == 0 else ("+" if amount > 0 else "−")) + dk(abs(amount))], fontsize=13)
        level += amount
    total = ax.bar(len(steps), level, color=DARK)
    ax.bar_label(total, labels=[dk(level)], fontsize=13)
    names = [s[0] for s in steps] + ["Udgift i scenariet 2023"]
    ax.set_xticks(range(len(names)), [n.replace(" ", "\n", 1) for n in names], fontsize=11)
    ax.set_ylabel("Mio. kr.")
    tidy(ax)


def ranking(ax):
    places = sorted({"Horsens": 11.3, "Ringkøbing-Skjern": 10.2, "Favrskov": 9.4, "Skanderborg": 8.1, "Vejle": 7.4,
                     "Hedensted": 6.8}.items(), key=lambda kv: -kv[1])
    names, values = [p[0] for p in places], [p[1] for p in places]
    bars = ax.barh(names, values, color=[HIGHLIGHT if n == "Hedensted" else GREY for n in names])
    ax.bar_label(bars, labels=[dk(v) for v in values], padding=3, fontsize=13)
    for name, value, color in (("RAR Østjylland", 8.9, DARK), ("Hele landet", 9.6, MUTED)):
        ax.axvline(value, color=color, linestyle="--", linewidth=1.5)
        ax.text(value, -0.7, f"{name} {dk(value)}", color=color, fontsize=12, ha="center")
    ax.invert_yaxis()
    ax.set_xlabel("Sanktioner pr. 100 modtagere")
    tidy(ax)


def diverging(ax):
    statements = ["Jeg bliver mødt med respekt", "Medarbejderne taler et sprog, jeg forstår",
                  "Min sag bliver behandlet fagligt godt", "Breve og indkaldelser er til at forstå"]
    answers = {"Helt enig": [46.1, 38.0, 29.5, 21.4], "Delvis enig": [32.3, 33.2, 36.5, 31.2],
               "Hverken enig eller uenig": [9.5, 14.8, 18.2, 17.9], "Delvis uenig": [7.0, 8.6, 9.4, 16.3],
               "Helt uenig": [5.1, 5.4, 6.4, 13.2]}
    colors = ["#00557F", "#5B8FB0", "#D5D9DE", "#D9A27A", "#C24E00"]
    start = [-(a + b + n / 2) for a, b, n in zip(answers["Helt enig"], answers["Delvis enig"],
                                                   answers["Hverken enig eller uenig"])]
    for (name, values), color in zip(answers.items(), colors):
        bars = ax.barh(statements, values, left=start, color=color, label=name)
        ax.bar_label(bars, labels=[dk(v, 0) if v >= 5 else "" for v in values], label_type="center", fontsize=12)
        start = [s + v for s, v in zip(start, values)]
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.invert_yaxis()
    ax.set_xlabel("Pct.")
    ax.legend(frameon=False, ncols=5, loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=11)


# The example's charts in slide order, each with the kind the built deck's alt text names.
CHARTS = [("Søjlediagram", bars_activated), ("Søjlediagram", bars_internship), ("Linjediagram", line_quarters),
          ("Søjlediagram", bars_affected), ("Søjlediagram", bars_wage_hours), ("Søjlediagram", bars_status),
          ("Stablet søjlediagram", stacked_status), ("Søjlediagram", bars_duration),
          ("Punktdiagram med kvadranter", quadrant), ("Vandfaldsdiagram", waterfall),
          ("Rangeret søjlediagram", ranking), ("Divergerende søjlediagram", diverging)]


def chart_png(draw, width_px: int, height_px: int) -> bytes:
    fig, ax = plt.subplots(figsize=(width_px / DPI, height_px / DPI), dpi=DPI)
    draw(ax)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    plt.close(fig)
    return buffer.getvalue()


def add_text(slide, box, paragraphs, size):
    shape = slide.shapes.add_textbox(Emu(box[0]), Emu(box[1]), Emu(box[2]), Emu(box[3]))
    frame = shape.text_frame
    frame.word_wrap = True
    for i, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = text
        paragraph.font.size = Pt(size)
        paragraph.font.name = "Arial"
    return shape


def add_table(slide, box, cells):
    rows, cols = len(cells), max(len(r) for r in cells)
    table = slide.shapes.add_table(rows, cols, Emu(box[0]), Emu(box[1]), Emu(box[2]), Emu(box[3])).table
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = Pt(14 if r else 15)
                paragraph.font.bold = r == 0
    return table


def main(manifest_path: str, out_path: str) -> None:
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    title_layout, title_only = prs.slide_layouts[0], prs.slide_layouts[5]
    charts = iter(CHARTS * 10)
    for spec in manifest["slides"]:
        slide = prs.slides.add_slide(title_layout if spec["layout"] == "Title Slide" else title_only)
        slide.shapes.title.text = spec["title"]
        for box in spec["shapes"]:
            rect = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(box[0]), Emu(box[1]), Emu(box[2]), Emu(box[3]))
            rect.fill.solid()
            rect.fill.fore_color.rgb = RGBColor(0xEE, 0xF2, 0xF5)
            rect.line.fill.background()
        for text in spec["texts"]:
            add_text(slide, text["box"], text["paragraphs"], 20 if len(text["paragraphs"]) < 6 else 14)
        for table in spec["tables"]:
            add_table(slide, table["box"], table["cells"])
        for picture in spec["pictures"]:
            _kind, draw = next(charts)
            png = chart_png(draw, picture["px"][0], picture["px"][1])
            pic = slide.shapes.add_picture(io.BytesIO(png), Emu(picture["box"][0]), Emu(picture["box"][1]),
                                           Emu(picture["box"][2]), Emu(picture["box"][3]))
            pic._element.nvPicPr.cNvPr.set("descr", picture["alt"])
        if spec["notes"]:
            slide.notes_slide.notes_text_frame.text = spec["notes"]
    prs.save(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
