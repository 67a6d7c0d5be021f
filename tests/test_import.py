"""`briefing import`: jobindsats exports (XLSX and CSV) become data tables the normal loader reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.errors import BriefingError
from briefing.load.importer import import_export
from briefing.load.jobindsats import unit_of
from briefing.build import load

NBSP = "\u00a0"


def _xlsx(path: Path, rows: list[list], merged: tuple[str, ...] = ()) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Jobindsats"
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def _area_export(path: Path) -> Path:
    """The shape of a real export: title lines, a date cell, area above measure, suppressed cells, a footnote."""
    return _xlsx(path, [
        ["Andel aktiverede i Hedensted og RAR Østjylland"],
        ["Periode: 2021K3"],
        ["Udtrukket:", dt.datetime(2021, 11, 23)],
        [],
        [None, None, "Hedensted", "RAR Østjylland"],
        ["Målgruppe", "Tilbud", "Andel aktiverede (pct.)", "Andel aktiverede (pct.)"],
        ["Kontanthjælp, jobparat", "Tilbud i alt", 53.0, "76,3"],
        [None, "Virksomhedspraktik i alt", 7.6, "."],
        ["Ressourceforløb", "Tilbud i alt", None, ".."],
        ["Jobafklaringsforløb", "Tilbud i alt", "-", 37.9],
        [],
        ["Anm.: Tal under diskretionsgrænsen vises ikke."],
    ])


def _period_export(path: Path) -> Path:
    """Periods merged over two columns above, area and measure below (jobindsats' 'Status efter forløb')."""
    measure = "Status 1 mdr. efter afsluttet forløb, pct."
    return _xlsx(path, [
        ["Status 1 måned efter afsluttet forløb"],
        ["Dato for udtræk: 2021-11-23"],
        [None, None, "3kv18-2kv19", None, "3kv20-2kv21", None],
        [None, None, f"RAR Østjylland {measure}", f"Hedensted {measure}", f"RAR Østjylland {measure}", f"Hedensted {measure}"],
        ["Jobparat", "Lønmodtagerbeskæftigelse", 65.8, 65.4, 68.2, 64.5],
        [None, "Fleksjob", ".", ".", 0.1, "."],
        ["Aktivitetsparat", "Lønmodtagerbeskæftigelse", 19.3, 24.6, 15.7, 17.8],
    ], merged=("C3:D3", "E3:F3"))


CSV_EXPORT = (
    "Antal personer på ydelsen\n"
    "Udtrukket: 23-11-2021\n"
    "\n"
    "Målgruppe;2019K3;2021K3\n"
    "Kontanthjælp, jobparat;76;66\n"
    "Uddannelseshjælp i alt;1.283;1.276,5\n"
    "Ressourceforløb;.;\n"
)


def _csv(path: Path, text: str = CSV_EXPORT, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _error(source: Path, project: Path, **kwargs) -> str:
    with pytest.raises(BriefingError) as caught:
        import_export(source, project / "inputs", **kwargs)
    return caught.value.render(project)


# ---------------------------------------------------------------- XLSX

def test_xlsx_with_area_above_measure_loads_with_the_normal_loader(project):
    result = import_export(_area_export(project / "eksport.xlsx"), project / "inputs", "aktiverede")
    table = load(project / "inputs").tables["aktiverede"]
    assert result.table_path == project / "inputs" / "data" / "aktiverede.yaml"
    assert table.label_columns == ("Målgruppe", "Tilbud")
    assert table.value_names() == ["Hedensted", "RAR Østjylland"]
    assert [r.labels for r in table.rows] == [
        ("Kontanthjælp, jobparat", "Tilbud i alt"),
        ("Kontanthjælp, jobparat", "Virksomhedspraktik i alt"),  # the blank group label repeats the one above
        ("Ressourceforløb", "Tilbud i alt"),
        ("Jobafklaringsforløb", "Tilbud i alt"),
    ]
    assert [r.values for r in table.rows] == [(53.0, 76.3), (7.6, None), (None, None), (None, 37.9)]
    assert table.unit == "pct." and table.period_text == "3. kvt. 2021"
    assert result.missing == 4 and result.extracted == dt.date(2021, 11, 23)


def test_xlsx_table_yaml_records_source_unit_period_and_extraction_date(project):
    result = import_export(_area_export(project / "eksport.xlsx"), project / "inputs")
    assert result.name == "eksport"
    assert result.table_path.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../schemas/table.schema.json\n"
        "# Importeret fra eksport.xlsx med 'briefing import'.\n"
        "# Udtrukket fra Jobindsats.dk: 23. november 2021.\n"
        "# Fra udtrækket: Periode: 2021K3\n"
        "# Fra udtrækket: Udtrukket: 23-11-2021\n"
        "# Fra udtrækket: Anm.: Tal under diskretionsgrænsen vises ikke.\n"
        "title: Andel aktiverede i Hedensted og RAR Østjylland\n"
        "source: Jobindsats.dk\n"
        "period: 2021K3\n"
        "unit: pct.\n"
        "labels: [Målgruppe, Tilbud]\n"
        "file: eksport.csv\n"
    )
    assert result.data_path.read_text(encoding="utf-8") == (
        "Målgruppe;Tilbud;Hedensted;RAR Østjylland\n"
        "Kontanthjælp, jobparat;Tilbud i alt;53;76,3\n"
        "Kontanthjælp, jobparat;Virksomhedspraktik i alt;7,6;.\n"
        "Ressourceforløb;Tilbud i alt;.;.\n"
        "Jobafklaringsforløb;Tilbud i alt;.;37,9\n"
    )


def test_xlsx_with_periods_merged_over_two_columns(project):
    import_export(_period_export(project / "status.xlsx"), project / "inputs")
    table = load(project / "inputs").tables["status"]
    assert table.label_columns == ("kategori", "kategori 2")  # the export leaves the text columns unnamed
    assert [c.label for c in table.value_columns] == [
        "RAR Østjylland 3. kvt. 2018-2. kvt. 2019", "Hedensted 3. kvt. 2018-2. kvt. 2019",
        "RAR Østjylland 3. kvt. 2020-2. kvt. 2021", "Hedensted 3. kvt. 2020-2. kvt. 2021",
    ]
    assert table.rows[1].labels == ("Jobparat", "Fleksjob")
    assert table.rows[1].values == (None, None, 0.1, None)
    assert table.unit == "pct." and table.spec.title == "Status 1 måned efter afsluttet forløb"


def test_xlsx_share_formatted_as_percent_is_read_in_percent(project):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["målgruppe", "2021K3"])
    sheet.append(["Kontanthjælp, jobparat", 0.763])
    sheet["B2"].number_format = "0.0%"
    book.save(project / "andel.xlsx")
    import_export(project / "andel.xlsx", project / "inputs")
    assert load(project / "inputs").tables["andel"].rows[0].values == (76.3,)


# ---------------------------------------------------------------- CSV

def test_semicolon_csv_with_title_lines_and_thousands(project):
    result = import_export(_csv(project / "Ydelser på kontanthjælp.csv"), project / "inputs")
    assert result.name == "ydelser-paa-kontanthjaelp"
    table = load(project / "inputs").tables["ydelser-paa-kontanthjaelp"]
    assert table.label_columns == ("Målgruppe",)
    assert [c.label for c in table.value_columns] == ["3. kvt. 2019", "3. kvt. 2021"]
    assert [r.labels[0] for r in table.rows] == ["Kontanthjælp, jobparat", "Uddannelseshjælp i alt", "Ressourceforløb"]
    assert [r.values for r in table.rows] == [(76.0, 66.0), (1283.0, 1276.5), (None, None)]
    assert table.unit == "personer" and table.decimals == 1  # a decimal in the data keeps one decimal shown
    text = result.table_path.read_text(encoding="utf-8")
    assert "# Perioder: 3. kvt. 2019 og 3. kvt. 2021.\n" in text
    assert "title: Antal personer på ydelsen\n" in text and "period:" not in text  # the columns are the periods


def test_comma_csv_with_decimal_point_in_windows_1252(project):
    text = "Gnsn. varighed af afsluttede forløb (uger)\nOmråde,4kv18-3kv19,4kv20-3kv21\nRAR Østjylland,57.8,66.9\nHedensted,50.0,.\n"
    import_export(_csv(project / "varighed-ny.csv", text, "cp1252"), project / "inputs")
    table = load(project / "inputs").tables["varighed-ny"]
    assert table.unit == "uger"
    assert [r.values for r in table.rows] == [(57.8, 66.9), (50.0, None)]
    assert table.period_text == "4. kvt. 2018-3. kvt. 2019 og 4. kvt. 2020-3. kvt. 2021"


@pytest.mark.parametrize("header, unit", [
    ("Andel aktiverede (pct.)", "pct."),
    ("Andel personer med ordinære løntimer", "pct."),
    ("Hedensted Status 1 mdr. efter afsluttet forløb, pct.", "pct."),
    ("Forskel (pct.point)", "pct.point"),
    ("Antal personer", "personer"),
    ("Antal aktiverede", "antal"),
    ("Gnsn. varighed af afsluttede forløb (uger)", "uger"),
    ("Udgifter (kr.)", "kr."),
    ("2021K3", None),
])
def test_unit_from_danish_header(header, unit):
    assert unit_of(header) == unit


# ---------------------------------------------------------------- refusals and errors

def test_refuses_to_overwrite_an_existing_table_unless_asked(project):
    source = _csv(project / "ydelsesmodtagere.csv")
    assert _error(source, project) == (
        "inputs/data/ydelsesmodtagere.yaml: tabellen 'ydelsesmodtagere' findes allerede; "
        "brug --overwrite for at erstatte den eller --name for at vælge et andet navn"
    )
    import_export(source, project / "inputs", overwrite=True)
    # The key figures and a scenario assumption read the old table's 'målgruppe' column: they must now say so,
    # with the place to fix.
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    assert caught.value.render(project).splitlines() == [
        "inputs/slides/noegletal.yaml:27:24: tiles[3].where.målgruppe: ukendt tekstkolonne 'målgruppe' (mente du "
        "'Målgruppe'?) (tekstkolonner i 'ydelsesmodtagere': Målgruppe)",
        "inputs/slides/sanktioner-scenarier.yaml:10:24: assumptions.modtagere.where.målgruppe: ukendt tekstkolonne "
        "'målgruppe' (mente du 'Målgruppe'?) (tekstkolonner i 'ydelsesmodtagere': Målgruppe)",
        # found in the same round by the plan step, which runs on the slides without reference errors
        "inputs/slides/ydelsesmodtagere.yaml:10:24: narrative[1].where.målgruppe: ukendt tekstkolonne 'målgruppe' "
        "(mente du 'Målgruppe'?) (findes: Målgruppe)"]
    (project / "inputs" / "slides" / "noegletal.yaml").unlink()
    scenario = project / "inputs" / "slides" / "sanktioner-scenarier.yaml"
    text = scenario.read_text(encoding="utf-8")
    start, end = text.index("    table: ydelsesmodtagere"), text.index("    column: 2021K3\n") + len("    column: 2021K3\n")
    scenario.write_text(text[:start] + "    value: 165\n" + text[end:], encoding="utf-8")  # typed in again
    deck = project / "inputs" / "briefing.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace(", noegletal]", "]"), encoding="utf-8")
    assert load(project / "inputs").tables["ydelsesmodtagere"].rows[1].values == (1283.0, 1276.5)


def test_empty_file(project):
    assert _error(_csv(project / "tom.csv", ""), project) == "tom.csv: filen er tom"


def test_no_header_found(project):
    only_text = _csv(project / "tekst.csv", "Antal personer på ydelsen\nUdtrukket: 23-11-2021\n")
    assert _error(only_text, project) == ("tekst.csv: fandt ingen tabel i filen: ingen række har en tekst efterfulgt af tal "
                                          "(er det et udtræk fra Jobindsats.dk?)")
    numbers_first = _csv(project / "uden.csv", "Kontanthjælp, jobparat;76;66\n")
    assert _error(numbers_first, project) == ("uden.csv:1:1: der står ingen overskrift over tallene; "
                                              "forventede kolonnenavne som '2021K3' i rækken ovenover")


def test_cells_that_are_not_numbers_name_row_and_column(project):
    broken = CSV_EXPORT.replace("1.283;1.276,5", "1.283;mange").replace("76;66", "76.5;66")
    assert _error(_csv(project / "fejl.csv", broken), project).splitlines() == [
        "fejl.csv:5:2: 2019K3: '76.5': brug decimalkomma, fx 76,5 (punktum bruges til tusinder)",
        "fejl.csv:6:3: 2021K3: 'mange' er ikke et tal (skriv fx 76,3)",
    ]
    assert not (project / "inputs" / "data" / "fejl.yaml").exists()  # nothing is written from a broken file


def test_xlsx_text_in_a_number_column(project):
    source = _xlsx(project / "fejl.xlsx", [["Antal personer"], ["målgruppe", "2021K3"], ["Kontanthjælp", 76], ["Ressourceforløb", "ukendt"]])
    assert _error(source, project) == "fejl.xlsx:4:2: 2021K3: 'ukendt' er ikke et tal (skriv fx 76,3)"


def test_mixed_units_and_shares_above_100(project):
    mixed = _csv(project / "blandet.csv", "målgruppe;Antal aktiverede;Andel aktiverede (pct.)\nKontanthjælp;58;76,3\n")
    assert _error(mixed, project) == (
        "blandet.csv:1:2: kolonnerne har forskellige enheder (antal i 'Antal aktiverede', pct. i 'Andel aktiverede (pct.)'); "
        "en tabel har én enhed, så hent tallene som ét udtræk pr. enhed"
    )
    share = _csv(project / "andel.csv", "Andel aktiverede (pct.)\nmålgruppe;2021K3\nKontanthjælp;176,3\n")
    assert _error(share, project) == "andel.csv:3:2: 2021K3: en andel i pct. skal ligge mellem 0 og 100, ikke 176,3"


def test_unknown_file_type_and_bad_name(project):
    (project / "udtraek.xls").write_bytes(b"x")
    assert _error(project / "udtraek.xls", project) == (
        "udtraek.xls: filtypen '.xls' kendes ikke (tilladte: .csv, .xlsx); gem den som .xlsx i Excel"
    )
    assert _error(_csv(project / "ok.csv"), project, name="../ud") == "--name: navnet '../ud' må kun indeholde bogstaver, tal, '-' og '_'"


# ---------------------------------------------------------------- command line

def test_import_command_then_check_passes(project, monkeypatch):
    source = _area_export(project / "eksport.xlsx")
    monkeypatch.chdir(project)
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(source), "--name", "aktiverede"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Importerede 'aktiverede': 4{NBSP}rækker og 2{NBSP}talkolonner (enhed: pct., 3. kvt. 2021).",
        "Tabellen ligger i inputs/data/aktiverede.yaml, tallene i inputs/data/aktiverede.csv.",
        "4 tal er under diskretionsgrænsen eller mangler og vises som –.",
        "Brug tabellen på en slide med 'table: aktiverede'.",
    ]
    assert runner.invoke(main, ["check"]).exit_code == 0
    again = runner.invoke(main, ["import", str(source), "--name", "aktiverede"])
    assert again.exit_code == 1
    assert again.output.splitlines()[0].startswith("inputs/data/aktiverede.yaml: tabellen 'aktiverede' findes allerede")


def test_a_point_before_three_digits_in_a_comma_separated_export_is_refused_at_its_cell(project):
    source = _csv(project / "komma.csv", 'område,2024K3,2025K3\nAalborg,"4.812",5034\nHele landet,84310,1.5\n')
    assert _error(source, project, name="ledige") == (
        "komma.csv:2:2: 2024K3: '4.812' kan læses på to måder i en fil med komma mellem felterne (hvor punktum er "
        "decimaltegn): skriv 4812 uden tusindtalspunktum, eller gem filen med semikolon mellem felterne (i Excel: "
        "'CSV (semikolonsepareret)'), så punktum læses som tusindtalspunktum")
