"""The exact Danish message for each family of hostile input: where it stands, what is wrong, what would be right."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.errors import BriefingError
from briefing.build import load
from tests import hostile as h
from tests.test_hostile import CASES

LINK_OUT = "filen er en genvej (symlink), der peger ud af {}; kopiér filen ind i stedet"
FOLDER_LINK_OUT = "mappen er en genvej (symlink), der peger ud af projektet; kopiér mappen ind i stedet"
MESSAGES = {
    "theme-dotdot": "inputs/briefing.yaml:9:8: theme: ukendt tema '../../outside/tema': skriv kun filens navn i "
                    "themes/ uden mappe, '../', './' og '.yaml', fx 'tema'",
    "theme-symlink-out": "themes/ond.yaml: " + LINK_OUT.format("mappen"),
    "slide-symlink-out": "inputs/slides/formaal.yaml: " + LINK_OUT.format("projektet"),
    "table-symlink-out": "inputs/data/varighed.yaml: " + LINK_OUT.format("projektet"),
    "slides-folder-symlink-out": "inputs/slides: " + FOLDER_LINK_OUT,
    "table-yaml-and-yml": "inputs/data/varighed.yml: to filer hedder 'varighed' (varighed.yaml og varighed.yml); "
                          "slet eller omdøb den ene, så det er klart, hvilken der gælder",
    "data-folder-symlink-out": "inputs/data: " + FOLDER_LINK_OUT,
    "deck-symlink-out": "inputs/briefing.yaml: " + LINK_OUT.format("projektet"),
    "phrasebook-symlink-out": "narratives/phrasebook.yaml: " + LINK_OUT.format("projektet"),
    "logo-symlink-out": "themes/default.yaml:28:7: logo: logoet skal ligge i themes/-mappen (" + LINK_OUT.format("mappen") + ")",
    "data-file-symlink-out": "inputs/data/aktivering-andel.yaml:7:7: file: filen skal ligge i inputs/data/ ("
                             + LINK_OUT.format("mappen") + ")",
    "template-dotdot": "themes/default.yaml:28:11: template: skabelonen skal ligge i themes/-mappen (ingen '../' eller "
                       "fulde stier)",
    "table-dot-slash": "inputs/slides/varighed.yaml:7:10: chart.table: ukendt datatabel './varighed': skriv kun filens "
                       "navn i inputs/data/ uden mappe, '../', './' og '.yaml', fx 'varighed'",
    "slides-dotdot": "inputs/briefing.yaml:19:53: sections[1].slides[5]: ukendt slide '../data/varighed': skriv kun "
                     "filens navn i inputs/slides/ uden mappe, '../', './' og '.yaml', fx 'varighed'",
    "kpi-value-inf": "inputs/slides/noegletal.yaml:26:12: tiles[3].value: '.inf' er ikke et tal; skriv et endeligt "
                     "tal med cifre, fx 76,3",
    "kpi-value-nan": "inputs/slides/noegletal.yaml:26:12: tiles[3].value: '.nan' er ikke et tal; skriv et endeligt "
                     "tal med cifre, fx 76,3",
    "kpi-value-overflow": "inputs/slides/noegletal.yaml:26:12: tiles[3].value: '1.0e+309': skriv tallet ud med cifre "
                          "(ingen e-notation), fx 1.000.000",
    "title-control-char": "inputs/briefing.yaml:1:8: title: teksten indeholder et styretegn, som PowerPoint ikke kan "
                          "gemme: U+0007 (BEL) efter 'Beskæftigelse'; slet tegnet",
    "yaml-long-title": "inputs/slides/formaal.yaml:3:8: title: teksten er for lang (25.050 tegn); højst 20.000 tegn er "
                       "tilladt i ét felt",
    "template-pptm": "themes/default.yaml:28:11: template: skabelonen 'kommune.pptm' er gemt med makroer (.pptm), og "
                     "makroer kommer aldrig med i præsentationen; gem den i PowerPoint som .pptx eller .potx uden makroer",
    "template-zip-bomb": "themes/default.yaml:28:11: template: skabelonen kan ikke bruges: filen fylder 300 MB "
                         "udpakket; højst 200 MB er tilladt",
    "template-many-parts": "themes/default.yaml:28:11: template: skabelonen kan ikke bruges: filen har 12.036 dele; "
                           "højst 5.000 er tilladt",
    "logo-huge-pixels": "themes/default.yaml:28:7: logo: logoet kan ikke bruges: billedet er 20.000 x 20.000 punkter; "
                        "højst 25 megapixel er tilladt (fx 5000 x 5000)",
    "xlsx-formulas-without-values": "inputs/data/andel.xlsx:2:3: cellen er en formel (=1+1) uden gemt resultat, så "
                                    "tallet kan ikke læses; åbn filen i Excel, gem den, og prøv igen (eller indsæt "
                                    "tallene som værdier)",
    "csv-utf16": "inputs/data/aktivering-andel.csv:1:1: filen er gemt som UTF-16 (Excels 'Unicode-tekst'); gem den i "
                 "Excel som 'CSV UTF-8 (kommasepareret)' eller 'CSV (semikolonsepareret)'",
    "csv-mixed-latin1-line": "inputs/data/aktivering-andel.csv:21:2: linjen er ikke gemt som UTF-8, men resten af "
                             "filen er (blandede tegnsæt, fx en linje indsat fra et andet program); skriv æ, ø og å i "
                             "linjen igen, eller gem hele filen som UTF-8",
    "yaml-huge-title": "inputs/slides/formaal.yaml: filen er for stor (5,6 MB); højst 5 MB er tilladt",
}
REMOVED = "advarsel: themes/default.yaml:28:11: template: fjernet fra skabelonen, så det ikke kommer med i præsentationen: "
WARNINGS = {
    "template-macro": [REMOVED + "makroer (VBA) (1)"],
    "template-external-links": [REMOVED + "eksterne henvisninger (fx webadresser eller file://-stier) (2)"],
    "template-activex-ole": [REMOVED + "ActiveX-objekter (1)", REMOVED + "indlejrede OLE-objekter (1)"],
}


def _prepared(tmp_path: Path, case: str) -> Path:
    root = h.small_project(tmp_path / "projekt")
    CASES[case][0](root, h.outside_files(tmp_path / "outside"))
    return root


@pytest.mark.parametrize("case", list(MESSAGES))
def test_hostile_input_gets_its_exact_message(case, tmp_path):
    root = _prepared(tmp_path, case)
    with pytest.raises(BriefingError) as caught:
        load(root / "inputs")
    assert caught.value.render(root) == MESSAGES[case]


@pytest.mark.parametrize("case", list(WARNINGS))
def test_what_is_removed_from_a_template_is_named(case, tmp_path):
    root = _prepared(tmp_path, case)
    assert [w.render(root) for w in load(root / "inputs").warnings] == WARNINGS[case]


def test_a_damaged_cache_is_a_warning_and_is_made_again(tmp_path, monkeypatch):
    root = h.small_project(tmp_path / "projekt")
    monkeypatch.chdir(root)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    record = root / "output" / ".cache" / "builds" / "lille.pptx.json"
    record.write_text("[1, 2]", encoding="utf-8")
    pictures = sorted((root / "output" / ".cache" / "charts").glob("*.png"))
    pictures[0].write_bytes(pictures[0].read_bytes()[:100])
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        "advarsel: output/.cache/builds/lille.pptx.json: filen i mellemlageret var beskadiget og er lavet forfra",
        f"advarsel: output/.cache/charts/{pictures[0].name}: filen i mellemlageret var beskadiget og er lavet forfra"]
    assert CliRunner().invoke(main, ["build"]).output.startswith("Ingen ændringer siden sidste bygning")
    from briefing.charts.cache import png_is_whole

    assert png_is_whole(pictures[0].read_bytes())


def test_forfra_repairs_a_damaged_record(tmp_path, monkeypatch):
    root = h.small_project(tmp_path / "projekt")
    monkeypatch.chdir(root)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    record = root / "output" / ".cache" / "builds" / "lille.pptx.json"
    record.write_bytes(b"\xff{")
    assert CliRunner().invoke(main, ["build", "--forfra"]).exit_code == 0
    assert not record.exists()
    again = CliRunner().invoke(main, ["build"])
    assert again.exit_code == 0 and "advarsel" not in again.output
    assert CliRunner().invoke(main, ["build"]).output.startswith("Ingen ændringer siden sidste bygning")


def test_ledger_cells_cannot_run_as_formulas(tmp_path, monkeypatch):
    root = _prepared(tmp_path, "ledger-formula-title")
    CASES["ledger-formula-source"][0](root, tmp_path)
    monkeypatch.chdir(root)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    rows = (root / "output" / "lille-fakta.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].startswith('3;"\'=HYPERLINK(""http://x"",""y"") Unge";sammenligning;')
    assert ";'@SUM(1+1)*cmd|' /C calc'!A0;" in rows[1]


def test_theme_fonts_are_escaped_into_the_theme_xml(tmp_path, monkeypatch):
    import zipfile

    from lxml import etree

    root = _prepared(tmp_path, "font-element")
    monkeypatch.chdir(root)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    with zipfile.ZipFile(root / "output" / "lille.pptx") as deck:
        theme = etree.fromstring(deck.read("ppt/theme/theme1.xml"))
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    assert theme.find(f".//{a}majorFont/{a}latin").get("typeface") == 'Arial"/><a:evil x="'
    assert not list(theme.iter(f"{a}evil"))


def test_init_below_a_file_is_located(tmp_path, monkeypatch):
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "fil/nyt", "--eksempel"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "fil: mappen kan ikke oprettes, fordi en del af stien er en fil, ikke en mappe"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fil"]
