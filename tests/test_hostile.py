"""A corpus of hostile inputs and faults, run through the real CLI in-process.

Every case either builds correctly or exits 1 with a located Danish message; never 2 ("uventet fejl").
After a failure the previous output set is byte-identical; no file outside the project ever reaches an
output or a message (a marker file outside carries a word that must appear nowhere); memory stays bounded.
"""

from __future__ import annotations

import hashlib
import io
import re
import resource
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from tests import hostile as h
from tests.hostile import MARKER

S = "inputs/slides"
D = "inputs/data"
LOCATED = re.compile(r"^(advarsel: )?(?P<file>[^\s:]+)(:\d+:\d+)?: \S")
MEMORY_LIMIT_MB = 500


def slide(root: Path, name: str, old: str, new: str) -> None:
    h.replace(root / S / f"{name}.yaml", old, new)


def _new_title(root: Path) -> None:
    """A change, so the deck a failing build would write differs from the one in place."""
    slide(root, "formaal", "title: Formålet er", "title: Målet er")


def table(root: Path, name: str, old: str, new: str) -> None:
    h.replace(root / D / f"{name}.yaml", old, new)


def link(path: Path, target: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to(target)


def with_template(root: Path, change=None, name: str = "kommune.pptx") -> None:
    path = root / "themes" / name
    h.template(path)
    if change is not None:
        h.rewrite_zip(path, change)
    h.theme_add(root, f"template: {name}\n")


def bomb_template(root: Path) -> None:
    base = root / "themes" / "base.pptx"
    h.template(base)
    h.bomb_zip(root / "themes" / "kommune.pptx", base)
    base.unlink()
    h.theme_add(root, "template: kommune.pptx\n")


def many_parts_template(root: Path) -> None:
    base = root / "themes" / "base.pptx"
    h.template(base)
    h.many_parts(root / "themes" / "kommune.pptx", base)
    base.unlink()
    h.theme_add(root, "template: kommune.pptx\n")


def xlsx_table(root: Path, rows, **kwargs) -> None:
    h.xlsx(root / D / "andel.xlsx", rows, **kwargs)
    table(root, "aktivering-andel", "file: aktivering-andel.csv", "file: andel.xlsx")


ROWS = [["målgruppe", "tilbud", "3. kvt. 2019", "3. kvt. 2021"],
        ["Kontanthjælp, jobparat", "Tilbud i alt", 76.3, 53.0],
        ["Kontanthjælp, aktivitetsparat", "Tilbud i alt", 44.4, 80.6]]


def csv_bytes(root: Path, data: bytes) -> None:
    (root / D / "aktivering-andel.csv").write_bytes(data)


VARIGHED = "title: Unge på uddannelseshjælp er længere tid i forløb end før"
CSV = (REPO_CSV := (h.REPO / D / "aktivering-andel.csv")).read_text(encoding="utf-8")

# id -> (change(root, outside), expected: "fejl" | "ok" | None for either, extra check on the built project)
CASES = {
    # ---------------------------------------------------------------- paths
    "theme-dotdot": (lambda r, o: h.deck_line(r, "theme: default", "theme: ../../outside/tema"), "fejl"),
    "theme-absolute": (lambda r, o: h.deck_line(r, "theme: default", f"theme: {o / 'tema'}"), "fejl"),
    "theme-backslash": (lambda r, o: h.deck_line(r, "theme: default", "theme: '..\\..\\outside\\tema'"), "fejl"),
    "theme-inner-dotdot": (lambda r, o: h.deck_line(r, "theme: default", "theme: ../themes/default"), "fejl"),
    "theme-symlink-out": (lambda r, o: (link(r / "themes" / "ond.yaml", o / "tema.yaml"),
                                        h.deck_line(r, "theme: default", "theme: ond")), "fejl"),
    "template-dotdot": (lambda r, o: h.theme_add(r, "template: ../../outside/skabelon.pptx\n"), "fejl"),
    "template-absolute": (lambda r, o: h.theme_add(r, f"template: {o / 'skabelon.pptx'}\n"), "fejl"),
    "template-symlink-out": (lambda r, o: (link(r / "themes" / "k.pptx", o / "skabelon.pptx"),
                                           h.theme_add(r, "template: k.pptx\n")), "fejl"),
    "logo-dotdot": (lambda r, o: h.theme_add(r, "logo: ../../outside/logo.png\n"), "fejl"),
    "logo-absolute": (lambda r, o: h.theme_add(r, f"logo: {o / 'logo.png'}\n"), "fejl"),
    "logo-symlink-out": (lambda r, o: (link(r / "themes" / "logo.png", o / "logo.png"),
                                       h.theme_add(r, "logo: logo.png\n")), "fejl"),
    "logo-folder-symlink-out": (lambda r, o: (link(r / "themes" / "billeder", o),
                                              h.theme_add(r, "logo: billeder/logo.png\n")), "fejl"),
    "data-file-dotdot": (lambda r, o: table(r, "aktivering-andel", "file: aktivering-andel.csv",
                                            "file: ../../../outside/data.csv"), "fejl"),
    "data-file-absolute": (lambda r, o: table(r, "aktivering-andel", "file: aktivering-andel.csv",
                                              f"file: {o / 'data.csv'}"), "fejl"),
    "data-file-windows": (lambda r, o: table(r, "aktivering-andel", "file: aktivering-andel.csv",
                                             "file: 'C:\\Windows\\data.csv'"), "fejl"),
    "data-file-symlink-out": (lambda r, o: link(r / D / "aktivering-andel.csv", o / "data.csv"), "fejl"),
    "data-file-empty": (lambda r, o: table(r, "aktivering-andel", "file: aktivering-andel.csv", "file: ''"), "fejl"),
    "data-file-dot": (lambda r, o: table(r, "aktivering-andel", "file: aktivering-andel.csv", "file: ."), "fejl"),
    "slide-symlink-out": (lambda r, o: link(r / S / "formaal.yaml", o / "slide.yaml"), "fejl"),
    "table-symlink-out": (lambda r, o: link(r / D / "varighed.yaml", o / "tabel.yaml"), "fejl"),
    "deck-symlink-out": (lambda r, o: link(r / "inputs" / "briefing.yaml", o / "briefing.yaml"), "fejl"),
    "phrasebook-symlink-out": (lambda r, o: ((r / "narratives").mkdir(),
                                             link(r / "narratives" / "phrasebook.yaml", o / "phrasebook.yaml")), "fejl"),
    "slides-folder-symlink-out": (lambda r, o: (shutil.copytree(r / S, o / "slides"), shutil.copy(o / "slide.yaml", o / "slides"),
                                                shutil.rmtree(r / S), link(r / S, o / "slides")), "fejl"),
    "data-folder-symlink-out": (lambda r, o: (shutil.copytree(r / D, o / "data"), shutil.copy(o / "tabel.yaml", o / "data"),
                                              shutil.rmtree(r / D), link(r / D, o / "data")), "fejl"),
    "table-yaml-and-yml": (lambda r, o: shutil.copy(r / D / "varighed.yaml", r / D / "varighed.yml"), "fejl"),
    "slide-yaml-and-yml": (lambda r, o: shutil.copy(r / S / "formaal.yaml", r / S / "formaal.yml"), "fejl"),
    "slide-upper-case-suffix": (lambda r, o: shutil.move(r / S / "formaal.yaml", r / S / "formaal.YAML"), "ok"),
    "slide-symlink-loop": (lambda r, o: link(r / S / "ring.yaml", r / S / "ring.yaml"), None),
    "slide-symlink-inside": (lambda r, o: (shutil.move(r / S / "formaal.yaml", r / "inputs" / "formaal.yaml"),
                                           link(r / S / "formaal.yaml", r / "inputs" / "formaal.yaml")), "ok"),
    "table-dot-slash": (lambda r, o: slide(r, "varighed", "table: varighed", "table: ./varighed"), "fejl"),
    "table-dotdot": (lambda r, o: slide(r, "varighed", "table: varighed", "table: ../data/varighed"), "fejl"),
    "table-with-suffix": (lambda r, o: slide(r, "varighed", "table: varighed", "table: varighed.yaml"), "fejl"),
    "tile-table-dot-slash": (lambda r, o: slide(r, "noegletal", "table: varighed", "table: ./varighed"), "fejl"),
    "slides-dotdot": (lambda r, o: h.deck_line(r, "varighed, formaal]", "varighed, formaal, ../data/varighed]"), "fejl"),
    "slides-dot-slash": (lambda r, o: h.deck_line(r, "[forside,", "[./forside,"), "fejl"),
    "slides-with-suffix": (lambda r, o: h.deck_line(r, "[forside,", "[forside.yaml,"), "fejl"),
    "slides-absolute": (lambda r, o: h.deck_line(r, "[forside,", f"[{o / 'slide'},"), "fejl"),
    # ---------------------------------------------------------------- faults
    "ledger-is-folder": (lambda r, o: (_new_title(r), (r / "output" / "lille-fakta.csv").unlink(),
                                        (r / "output" / "lille-fakta.csv").mkdir()), "fejl"),
    "guide-is-folder": (lambda r, o: (_new_title(r), (r / "output" / "lille-drejebog.md").unlink(),
                                        (r / "output" / "lille-drejebog.md").mkdir()), "fejl"),
    "deck-is-folder": (lambda r, o: (r / "output" / "lille.pptx").unlink() or
                       (r / "output" / "lille.pptx").mkdir(), "fejl"),
    "record-garbage": (lambda r, o: (r / "output/.cache/builds/lille.pptx.json").write_bytes(b"\xff{{"), "ok"),
    "record-list": (lambda r, o: (r / "output/.cache/builds/lille.pptx.json").write_text("[1, 2]"), "ok"),
    "record-wrong-types": (lambda r, o: (r / "output/.cache/builds/lille.pptx.json").write_text(
        '{"fingerprint": 1, "deck": null, "slides": "mange"}'), "ok"),
    "record-is-folder": (lambda r, o: (r / "output/.cache/builds/lille.pptx.json").unlink() or
                         (r / "output/.cache/builds/lille.pptx.json").mkdir(), "ok"),
    "cache-png-truncated": (lambda r, o: [p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])
                                          for p in (r / "output/.cache/charts").glob("*.png")], "ok"),
    "cache-png-garbage": (lambda r, o: [p.write_bytes(b"ikke et billede")
                                        for p in (r / "output/.cache/charts").glob("*.png")], "ok"),
    "cache-hash-missing": (lambda r, o: [p.unlink() for p in (r / "output/.cache/charts").glob("*.sha256")], "ok"),
    "cache-folder-is-file": (lambda r, o: shutil.rmtree(r / "output/.cache") or
                             (r / "output/.cache").write_text("x"), "ok"),
    "leftover-temp-files": (lambda r, o: [(r / "output" / n).write_text("halv") for n in
                                          (".lille.pptx.abc123.tmp", ".lille-fakta.csv.x.tmp")], "ok"),
    "forfra-after-damage": (lambda r, o: ((r / "output/.cache/builds/lille.pptx.json").write_text("{"),
                                          ["build", "--forfra"])[1], "ok"),
    "init-into-file": (lambda r, o: ((r / "fil").write_text("x"), ["init", str(r / "fil" / "nyt"), "--eksempel"])[1], "fejl"),
    "check-ok": (lambda r, o: ["check"], None),
    "diff-not-pptx": (lambda r, o: ((r / "a.pptx").write_text("x"),
                                    ["diff", "a.pptx", "output/lille.pptx"])[1], "fejl"),
    "diff-missing": (lambda r, o: ["diff", "findes-ikke.pptx", "output/lille.pptx"], "fejl"),
    "import-missing": (lambda r, o: ["import", "findes-ikke.xlsx"], "fejl"),
    "import-utf16": (lambda r, o: ((r / "udtraek.csv").write_bytes(CSV.encode("utf-16")),
                                   ["import", "udtraek.csv"])[1], None),
    "import-folder": (lambda r, o: ((r / "mappe.csv").mkdir(), ["import", "mappe.csv"])[1], "fejl"),
    "import-xlsx-bomb": (lambda r, o: (h.xlsx(r / "base.xlsx", ROWS), h.bomb_zip(r / "udtraek.xlsx", r / "base.xlsx",
                                                                             "xl/media/bombe.bin"),
                                       ["import", "udtraek.xlsx"])[2], "fejl"),
    "import-too-many-rows": (lambda r, o: (h.xlsx(r / "stor.xlsx", [ROWS[0]] + [[f"k{i}", "x", 1, 2] for i in range(10_300)]),
                                           ["import", "stor.xlsx"])[1], "fejl"),
    "output-below-file": (lambda r, o: ((r / "fil").write_text("x"), ["build", "--output", "fil/x.pptx"])[1], "fejl"),
    "schema-into-file": (lambda r, o: ((r / "fil").write_text("x"), ["schema", "--output", "fil"])[1], "fejl"),
    # ---------------------------------------------------------------- hostile files
    "template-external-links": (lambda r, o: with_template(r, h.add_external_links), "ok"),
    "template-macro": (lambda r, o: with_template(r, h.add_macro), "ok"),
    "template-activex-ole": (lambda r, o: with_template(r, h.add_activex), "ok"),
    "template-pptm": (lambda r, o: with_template(r, name="kommune.pptm"), "fejl"),
    "template-potm": (lambda r, o: with_template(r, name="kommune.potm"), "fejl"),
    "template-not-zip": (lambda r, o: ((r / "themes" / "k.pptx").write_text("ikke en zip"),
                                       h.theme_add(r, "template: k.pptx\n")), "fejl"),
    "template-zip-bomb": (lambda r, o: bomb_template(r), "fejl"),
    "template-many-parts": (lambda r, o: many_parts_template(r), "fejl"),
    "logo-huge-pixels": (lambda r, o: (h.png_header_only(r / "themes" / "logo.png", 20000, 20000),
                                       h.theme_add(r, "logo: logo.png\n")), "fejl"),
    "logo-not-image": (lambda r, o: ((r / "themes" / "logo.png").write_text("tekst"),
                                     h.theme_add(r, "logo: logo.png\n")), "fejl"),
    "logo-truncated": (lambda r, o: (h.png(r / "themes" / "logo.png"),
                                     (r / "themes" / "logo.png").write_bytes((r / "themes" / "logo.png").read_bytes()[:60]),
                                     h.theme_add(r, "logo: logo.png\n")), "fejl"),
    "xlsx-ok": (lambda r, o: xlsx_table(r, ROWS), "ok"),
    "xlsx-formulas-without-values": (lambda r, o: xlsx_table(r, [ROWS[0], ROWS[1][:2] + ["=1+1", "=2+2"], ROWS[2]]), "fejl"),
    "xlsx-not-zip": (lambda r, o: ((r / D / "andel.xlsx").write_text("x"),
                                   table(r, "aktivering-andel", "aktivering-andel.csv", "andel.xlsx")), "fejl"),
    "xlsx-zip-bomb": (lambda r, o: (h.xlsx(r / D / "base.xlsx", ROWS),
                                    h.bomb_zip(r / D / "andel.xlsx", r / D / "base.xlsx", "xl/media/bombe.bin"),
                                    table(r, "aktivering-andel", "aktivering-andel.csv", "andel.xlsx")), "fejl"),
    "csv-utf16": (lambda r, o: csv_bytes(r, CSV.encode("utf-16")), "fejl"),
    "csv-mixed-latin1-line": (lambda r, o: csv_bytes(r, CSV.encode("utf-8") + "Ledighedsydelse;Tilbud i alt;1,0;"
                                                     "2,0\nMålgruppe;x;1;2\n".encode("latin-1")), "fejl"),
    "csv-nul-bytes": (lambda r, o: csv_bytes(r, CSV.encode("utf-8").replace(b";76,3", b";76\0,3")), "fejl"),
    "csv-label-control-char": (lambda r, o: csv_bytes(r, CSV.replace("Tilbud i alt", "Tilbud\x1b i alt", 1).encode()), "fejl"),
    "csv-header-control-char": (lambda r, o: csv_bytes(r, CSV.replace("tilbud", "til\x07bud", 1).encode()), "fejl"),
    "csv-cp1252": (lambda r, o: csv_bytes(r, CSV.encode("cp1252")), "ok"),
    "yaml-python-tag": (lambda r, o: slide(r, "formaal", "kind: punkter", "kind: !!python/object/apply:os.system [ls]"), "fejl"),
    "yaml-alias-bomb": (lambda r, o: (r / S / "formaal.yaml").write_text(
        "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e]\n"), "fejl"),
    "yaml-huge-title": (lambda r, o: slide(r, "formaal", "title: Formålet", "title: " + "Formål " * 700_000 + "x"), "fejl"),
    "yaml-long-title": (lambda r, o: slide(r, "formaal", "title: Formålet", "title: " + "a" * 25_000 + " Formålet"), "fejl"),
    # ---------------------------------------------------------------- injection
    "font-quote": (lambda r, o: h.replace(r / "themes/default.yaml", "heading: Arial", 'heading: \'Ar"ial\''), "ok"),
    "font-element": (lambda r, o: h.replace(r / "themes/default.yaml", "heading: Arial",
                                            "heading: 'Arial\"/><a:evil x=\"'"), "ok"),
    "font-backref": (lambda r, o: h.replace(r / "themes/default.yaml", "body: Arial", "body: '\\g<0>\\1'"), "ok"),
    "font-backslash": (lambda r, o: h.replace(r / "themes/default.yaml", "body: Arial", "body: 'Ari\\al'"), "ok"),
    "font-ampersand": (lambda r, o: h.replace(r / "themes/default.yaml", "body: Arial", "body: 'A & <B>'"), "ok"),
    "title-control-char": (lambda r, o: h.deck_line(r, "title: Beskæftigelsesindsatsen i Hedensted",
                                                     'title: "Beskæftigelse\\x07"'), "fejl"),
    "author-escape-char": (lambda r, o: h.deck_line(r, "author: Jobcenter Hedensted", 'author: "Job\\x1bcenter"'), "fejl"),
    "notes-nul": (lambda r, o: slide(r, "formaal", "kind: punkter", 'kind: punkter\nnotes: "a\\0b"'), "fejl"),
    "bullet-surrogate": (lambda r, o: slide(r, "formaal", "kind: punkter", 'kind: punkter\nfooter_note_x: "\\ud800"'), "fejl"),
    "key-control-char": (lambda r, o: slide(r, "formaal", "kind: punkter", 'kind: punkter\n"ti\\x01tle": x'), "fejl"),
    "title-xml-markup": (lambda r, o: slide(r, "formaal", "title: Formålet er at afdække udvalgets handlemuligheder", "title: '<p:sp>]]>&amp; Formålet'"), "ok"),
    "ledger-formula-title": (lambda r, o: slide(r, "varighed", VARIGHED, "title: '=HYPERLINK(\"http://x\",\"y\") Unge'"),
                             "ok", "ledger"),
    "ledger-formula-source": (lambda r, o: table(r, "varighed", "source: Jobindsats.dk",
                                                 "source: \"@SUM(1+1)*cmd|' /C calc'!A0\""), "ok", "ledger"),
    "ledger-plus-minus": (lambda r, o: (table(r, "varighed", "source: Jobindsats.dk", "source: '+1-2'"),
                                        slide(r, "varighed", VARIGHED, "title: '-Unge'")), "ok", "ledger"),
    "ledger-tab-cr": (lambda r, o: table(r, "varighed", "source: Jobindsats.dk", 'source: "\\tJobindsats\\r"'), "ok", "ledger"),
    # ---------------------------------------------------------------- numbers
    "kpi-value-inf": (lambda r, o: slide(r, "noegletal", "    table: ydelsesmodtagere\n", "    value: .inf\n    unit: antal\n"), "fejl"),
    "kpi-value-nan": (lambda r, o: slide(r, "noegletal", "    table: ydelsesmodtagere\n", "    value: .nan\n"), "fejl"),
    "kpi-value-overflow": (lambda r, o: slide(r, "noegletal", "    table: ydelsesmodtagere\n", "    value: 1.0e+309\n"), "fejl"),
    "kpi-value-minus-inf": (lambda r, o: slide(r, "noegletal", "    table: ydelsesmodtagere\n", "    value: -.inf\n"), "fejl"),
    "kpi-value-huge-int": (lambda r, o: slide(r, "noegletal", "    table: ydelsesmodtagere\n", "    value: " + "9" * 400 + "\n"), "fejl"),
    "table-cell-inf": (lambda r, o: table(r, "varighed", "57,8", ".inf"), "fejl"),
    "table-cell-overflow": (lambda r, o: table(r, "varighed", "57,8", "1e999"), "fejl"),
    "csv-cell-nan": (lambda r, o: csv_bytes(r, CSV.replace("76,3", "NaN").encode()), "fejl"),
    "csv-cell-inf": (lambda r, o: csv_bytes(r, CSV.replace("76,3", "inf").encode()), "fejl"),
    "csv-cell-huge": (lambda r, o: csv_bytes(r, CSV.replace("76,3", "9" * 400).encode()), "fejl"),
    "deck-minutes-inf": (lambda r, o: h.deck_line(r, "minutes: 20\nauthor", "minutes: .inf\nauthor"), "fejl"),
    "deck-minutes-huge": (lambda r, o: h.deck_line(r, "minutes: 20\nauthor", "minutes: 99999999999\nauthor"), "fejl"),
    "deck-date-far": (lambda r, o: h.deck_line(r, "date: 2021-12-06", "date: 9999-12-31"), None),
    "theme-size-nan": (lambda r, o: h.replace(r / "themes/default.yaml", "title: 30", "title: .nan"), "fejl"),
}


def _plain_chart(data, theme, size) -> bytes:
    """A stand-in for matplotlib (charts have their own tests): a real PNG of the asked size, in milliseconds."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (int(size[0] * 20), int(size[1] * 20)), "#00557F").save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module", autouse=True)
def quick_charts():
    """Charts drawn in-process by the stand-in, so the corpus runs in bounded time; the pipeline is the real one."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("briefing.charts.draw_chart", _plain_chart)
        patch.setattr("briefing.charts.workers.start_workers", lambda: None)
        yield


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, quick_charts) -> Path:
    """The small project, built once: every case starts from a copy of it with its output set."""
    root = h.small_project(tmp_path_factory.mktemp("grund") / "projekt")
    result = CliRunner().invoke(main, ["build", "--input", str(root / "inputs")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root


def _set(root: Path) -> dict[str, str]:
    folder = root / "output"
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _texts(root: Path) -> bytes:
    """Every output's bytes, the deck unpacked, to look for the marker."""
    blobs = []
    for path in (root / "output").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            blobs.append(data)
            if zipfile.is_zipfile(io.BytesIO(data)):
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    blobs.extend(z.read(n) for n in z.namelist())
    return b"\n".join(blobs)


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_input_is_located_or_builds(case, baseline, tmp_path, monkeypatch):
    change, expected, *checks = CASES[case]
    root = tmp_path / "projekt"
    shutil.copytree(baseline, root, symlinks=True)
    outside = h.outside_files(tmp_path / "outside")
    args = change(root, outside)
    args = args if isinstance(args, list) and args and isinstance(args[0], str) else ["build"]
    before = _set(root)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, args)
    output = result.output
    assert result.exit_code in (0, 1), output
    assert MARKER not in output
    if expected is not None:
        assert result.exit_code == (0 if expected == "ok" else 1), output
    if result.exit_code == 1:
        assert _located(output, root), output
        assert _set(root) == before, output
    else:
        assert "Der skete en uventet fejl" not in output
        if args[0] == "build":
            _check_deck(root)
    assert MARKER.encode() not in _texts(root)
    for check in checks:
        CHECKS[check](root)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    assert peak < MEMORY_LIMIT_MB * 1024, f"{peak // 1024} MB"


def _located(output: str, root: Path) -> bool:
    """Every message line before the summary names a file or folder of (or beside) the project."""
    lines = [line for line in output.split("\n\n")[0].splitlines() if line.strip()]
    for line in lines:
        match = LOCATED.match(line)
        if not match:
            return False
        named = root / match["file"]
        if not (named.exists() or named.is_symlink() or named.parent.exists()):
            return False
    return bool(lines)


def _check_deck(root: Path) -> None:
    """The deck opens, every XML part is well-formed, every picture decodes, nothing external or macro-like."""
    from lxml import etree
    from PIL import Image
    from pptx import Presentation

    deck = root / "output" / "lille.pptx"
    Presentation(str(deck))
    with zipfile.ZipFile(deck) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith((".xml", ".rels")):
                etree.fromstring(data)
                assert b'TargetMode="External"' not in data, name
                assert b"macroEnabled" not in data and b"vbaProject" not in data, name
            elif name.endswith(".png"):
                with Image.open(io.BytesIO(data)) as image:
                    image.load()
            assert not name.startswith(("ppt/activeX", "ppt/embeddings")) and not name.endswith("vbaProject.bin"), name
    assert not list((root / "output").glob(".*.tmp"))


def _check_ledger(root: Path) -> None:
    import csv

    text = (root / "output" / "lille-fakta.csv").read_text(encoding="utf-8-sig")
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


CHECKS = {"ledger": _check_ledger}


def test_corpus_is_broad():
    assert len(CASES) >= 80
