"""A data table read from its own file (XLSX or CSV) and checked: exact values, places and Danish messages, one
table at a time without a whole project (fast enough for the mutation runs)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.load import data, sheets
from briefing.load.data import load_table
from briefing.load.source import load_yaml
from briefing.load.validate import validate
from briefing.spec.models import TableSpec


def _xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _table(folder: Path, spec: str, name: str = "t"):
    """The table of `spec` (the YAML text) with its file in `folder`, loaded as the project loads it."""
    path = folder / f"{name}.yaml"
    path.write_text(spec, encoding="utf-8")
    doc = load_yaml(path)
    table_spec, problems = validate(TableSpec, doc)
    assert problems == [] and table_spec is not None, problems
    return load_table(name, table_spec, doc, folder)


def _messages(folder: Path, spec: str) -> list[str]:
    with pytest.raises(BriefingError) as caught:
        _table(folder, spec)
    return caught.value.render(folder).splitlines()


SPEC = "title: T\nsource: Jobindsats.dk\nfile: t.xlsx\n"
ROWS = [["målgruppe", "2019K3", "2021K3"], ["Jobparat", 76.3, "53,0"], ["Aktivitetsparat", ".", None]]


# ---------------------------------------------------------------- XLSX


def test_the_first_sheet_is_read_after_blank_rows_with_empty_header_cells_and_long_rows_cut(tmp_path):
    _xlsx(tmp_path / "t.xlsx", {"Forside": [[None], ["   "], ["målgruppe", "2019K3", "2021K3", None, None],
                                            ["Jobparat", 76.3, "53,0", "ekstra", 9], [None, None],
                                            ["Aktivitetsparat", ".", None]],
                                "Andet": [["x", "2021K3"], ["y", 1]]})
    table = _table(tmp_path, SPEC)
    assert (table.label_columns, [c.name for c in table.value_columns]) == (("målgruppe",), ["2019K3", "2021K3"])
    assert [(r.labels, r.values) for r in table.rows] == [(("Jobparat",), (76.3, 53.0)),
                                                          (("Aktivitetsparat",), (None, None))]
    assert [(r.location.line, r.location.column) for r in table.rows] == [(4, 1), (6, 1)]


def test_a_named_sheet_is_read(tmp_path):
    _xlsx(tmp_path / "t.xlsx", {"Forside": [["x", "2021K3"], ["y", 1]], "Tabel": ROWS})
    table = _table(tmp_path, SPEC + "sheet: Tabel\n")
    assert [r.labels[0] for r in table.rows] == ["Jobparat", "Aktivitetsparat"]


def test_an_unknown_sheet_names_the_sheets_there_are(tmp_path):
    _xlsx(tmp_path / "t.xlsx", {"Forside": ROWS, "Tabel": ROWS})
    assert _messages(tmp_path, SPEC + "sheet: Data\n") == [
        "t.yaml:4:8: sheet: arket 'Data' findes ikke (findes: Forside, Tabel)"]


def test_a_value_in_a_text_cell_is_read_as_written_and_its_place_is_told(tmp_path):
    _xlsx(tmp_path / "t.xlsx", {"Ark": [["målgruppe", "2021K3"], ["Jobparat", "57.8"]]})
    assert _messages(tmp_path, SPEC) == [
        "t.xlsx:2:2: 2021K3: '57.8': brug decimalkomma, fx 57,8 (punktum bruges til tusinder)"]


def test_a_file_that_is_not_xlsx_is_told_so(tmp_path):
    (tmp_path / "t.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    assert _messages(tmp_path, SPEC) == ["t.xlsx: filen kan ikke læses som XLSX (Excel)"]


def test_a_zip_that_unpacks_too_far_is_refused_before_reading(tmp_path, monkeypatch):
    from briefing.load import zipsafe

    monkeypatch.setattr(zipsafe, "MAX_UNCOMPRESSED", 1_000_000)  # the same refusal as at 200 MB, sooner
    with zipfile.ZipFile(tmp_path / "t.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"0" * 2_000_000)
    [message] = _messages(tmp_path, SPEC)
    assert message.startswith("t.xlsx: filen kan ikke bruges: ")


def test_an_empty_sheet_is_told_so(tmp_path):
    _xlsx(tmp_path / "t.xlsx", {"Ark": [[None, "  "]]})
    assert _messages(tmp_path, SPEC) == ["t.xlsx:1:1: arket er tomt"]


def test_a_formula_excel_never_saved_a_result_for_is_told_at_its_cell(tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", {"Ark": [["målgruppe", "2021K3"], ["Jobparat", "=SUM(B5:B9)+AVERAGE(C1:C9)*2-1"]]})
    assert _messages(tmp_path, SPEC) == [
        "t.xlsx:2:2: cellen er en formel (=SUM(B5:B9)+AVERAGE(C1:C9)*2-1) uden gemt resultat, så tallet kan ikke "
        "læses; åbn filen i Excel, gem den, og prøv igen (eller indsæt tallene som værdier)"]
    assert path.is_file()


def test_a_formula_text_longer_than_forty_characters_is_cut(tmp_path):
    formula = "=" + "+".join(f"B{i}" for i in range(1, 30))
    _xlsx(tmp_path / "t.xlsx", {"Ark": [["målgruppe", "2021K3"], ["Jobparat", formula]]})
    [message] = _messages(tmp_path, SPEC)
    assert f"cellen er en formel ({formula[:40]}) uden gemt resultat" in message


def test_more_rows_than_allowed_stop_at_the_first_too_many(tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_ROWS", 3)
    _xlsx(tmp_path / "t.xlsx", {"Ark": [["målgruppe", "2021K3"]] + [[f"k{i}", i] for i in range(6)]})
    assert _messages(tmp_path, SPEC) == ["t.xlsx:5:1: tabellen har mere end 3 rækker"]
    _xlsx(tmp_path / "t.xlsx", {"Ark": [["målgruppe", "2021K3"]] + [[f"k{i}", i] for i in range(3)]})
    assert len(_table(tmp_path, SPEC).rows) == 3


# ---------------------------------------------------------------- CSV


def test_csv_more_rows_than_allowed(tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_ROWS", 2)
    (tmp_path / "t.csv").write_text("sted;2021K3\na;1\nb;2\nc;3\n", encoding="utf-8")
    assert _messages(tmp_path, SPEC.replace("t.xlsx", "t.csv")) == ["t.csv:4:1: tabellen har mere end 2 rækker"]


def test_csv_row_with_another_width_names_the_separator(tmp_path):
    (tmp_path / "t.csv").write_text("sted;2019K3;2021K3\na;1;2\nb;3\n", encoding="utf-8")
    assert _messages(tmp_path, SPEC.replace("t.xlsx", "t.csv")) == [
        "t.csv:3:1: rækken har 2 felter, men overskriften har 3 (skilletegn ';')"]


def test_an_empty_csv_is_told_so(tmp_path):
    (tmp_path / "t.csv").write_text("\n ; \n", encoding="utf-8")
    assert _messages(tmp_path, SPEC.replace("t.xlsx", "t.csv")) == ["t.csv:1:1: filen er tom"]


def test_an_unknown_file_type_is_named_at_the_file_field(tmp_path):
    (tmp_path / "t.ods").write_bytes(b"x")
    assert _messages(tmp_path, SPEC.replace("t.xlsx", "t.ods")) == [
        "t.yaml:3:7: file: filtypen '.ods' kendes ikke (tilladte: .csv, .xlsx)"]


# ---------------------------------------------------------------- table checks


CSV_SPEC = SPEC.replace("t.xlsx", "t.csv")


def _csv(tmp_path: Path, text: str) -> None:
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("text, message", [
    ("sted;2021K3;2021K3\na;1;2\n", "t.csv:2:1: kolonnen '2021K3' står to gange"),
    ("sted;;2021K3\na;1;2\n", "t.csv:2:1: en kolonne mangler en overskrift"),
    ("sted;tekst\na;b\n", "t.yaml:3:7: tabellen har ingen talkolonner"),
    ("sted;2021K3\n", "t.yaml:3:7: tabellen har ingen rækker"),
    ("sted;2021K5;2021K3\na;1;2\n", "t.yaml:3:7: kolonnen '2021K5': '2021K5' er ikke en gyldig periode: kvartal "
                                    "skal være 1-4"),
])
def test_a_table_that_cannot_be_read_as_a_table(tmp_path, text, message):
    _csv(tmp_path, text)
    assert _messages(tmp_path, CSV_SPEC + "labels: [sted, tekst]\n" if "tekst" in text else CSV_SPEC) == [message]


def test_label_columns_named_in_the_spec_must_be_there_with_a_suggestion(tmp_path):
    _csv(tmp_path, "kommune;ydelse;2021K3\nLolland;kontanthjælp;1\n")
    assert _messages(tmp_path, CSV_SPEC + "labels: [kommune, ydelser]\n") == [
        "t.yaml:4:9: labels: ukendt kolonne 'ydelser' (mente du 'ydelse'?) (findes: 2021K3, kommune, ydelse)"]
    table = _table(tmp_path, CSV_SPEC + "labels: [kommune, ydelse]\n")
    assert (table.label_columns, table.rows[0].labels, table.rows[0].values) == (
        ("kommune", "ydelse"), ("Lolland", "kontanthjælp"), (1.0,))


def test_every_wrong_cell_is_told_at_once_with_its_column(tmp_path):
    _csv(tmp_path, "sted;2019K3;2021K3\na;1.5;104,5\nb;-3;y\n")
    assert _messages(tmp_path, CSV_SPEC + "unit: pct.\n") == [
        "t.csv:2:2: 2019K3: '1.5': brug decimalkomma, fx 1,5 (punktum bruges til tusinder)",
        "t.csv:2:3: 2021K3: en andel i pct. skal ligge mellem 0 og 100, ikke 104,5",
        "t.csv:3:2: 2019K3: en andel i pct. skal ligge mellem 0 og 100, ikke -3,0",
        "t.csv:3:3: 2021K3: 'y' er ikke et tal (skriv fx 76,3)"]


@pytest.mark.parametrize("unit, value, message", [
    ("personer", "-2", "et antal personer kan ikke være negativ, ikke -2,0"),
    ("uger", "-1,5", "en varighed kan ikke være negativ, ikke -1,5"),
    ("kr.", "2.000.000.000.000", "tallet 2.000.000.000.000 er urimeligt stort; tjek om der mangler et komma"),
])
def test_a_value_its_unit_cannot_have(tmp_path, unit, value, message):
    _csv(tmp_path, f"sted;2021K3\na;{value}\n")
    assert _messages(tmp_path, CSV_SPEC + f"unit: {unit}\n") == [f"t.csv:2:2: 2021K3: {message}"]


def test_values_at_the_edges_of_their_unit_are_fine(tmp_path):
    _csv(tmp_path, "sted;2019K3;2021K3\na;0;100\n")
    assert _table(tmp_path, CSV_SPEC + "unit: pct.\n").rows[0].values == (0.0, 100.0)
    _csv(tmp_path, "sted;2021K3\na;100,5\n")
    assert _messages(tmp_path, CSV_SPEC + "unit: pct.\n") == [
        "t.csv:2:2: 2021K3: en andel i pct. skal ligge mellem 0 og 100, ikke 100,5"]
    _csv(tmp_path, "sted;2019K3;2021K3\na;0;0,5\n")
    assert _table(tmp_path, CSV_SPEC + "unit: personer\n").rows[0].values == (0.0, 0.5)
    assert _table(tmp_path, CSV_SPEC + "unit: uger\n").rows[0].values == (0.0, 0.5)
    _csv(tmp_path, "sted;2021K3\na;1.000.000.000.000\n")
    assert _table(tmp_path, CSV_SPEC + "unit: kr.\n").rows[0].values == (1e12,)
    _csv(tmp_path, "sted;2021K3\na;-5\n")
    assert _table(tmp_path, CSV_SPEC + "unit: kr.\n").rows[0].values == (-5.0,)


def test_a_label_cell_with_a_control_character_is_told_at_its_cell(tmp_path):
    _csv(tmp_path, "sted;2021K3\na\x07b;1\n")
    assert _messages(tmp_path, CSV_SPEC) == [
        "t.csv:2:1: sted: teksten indeholder et styretegn, som PowerPoint ikke kan gemme: U+0007 (BEL) efter 'a'; "
        "slet tegnet"]


def _open_handles(path: Path) -> int:
    import os

    folder = Path("/proc/self/fd")
    return sum(1 for fd in folder.iterdir() if os.path.realpath(fd) == str(path.resolve())) if folder.is_dir() else 0


@pytest.mark.parametrize("rows", [
    [["målgruppe", "2021K3"], ["Jobparat", "=B9*2"], ["Aktivitetsparat", 1]],  # refused at row 2 of 3
    [["målgruppe", "2021K3"]] + [[f"k{i}", i] for i in range(6)],  # refused part way (MAX_ROWS is 3 here)
])
def test_a_table_refused_part_way_leaves_no_file_open(tmp_path, monkeypatch, rows):
    """On Windows an open handle would keep the file locked in Excel until briefing ends."""
    monkeypatch.setattr(sheets, "MAX_ROWS", 3)
    path = _xlsx(tmp_path / "t.xlsx", {"Ark": rows})
    _messages(tmp_path, SPEC)
    assert _open_handles(path) == 0


# ---------------------------------------------------------------- CSV forms


def test_a_tab_separated_file_with_spaces_in_its_first_header_is_read_by_tabs(tmp_path):
    _csv(tmp_path, "kommune navn\t2021K3\nLolland\t1,5\n")
    table = _table(tmp_path, CSV_SPEC)
    assert (table.label_columns, table.rows[0].values) == (("kommune navn",), (1.5,))


def test_the_separator_is_read_from_the_header_not_from_commas_in_the_labels(tmp_path):
    _csv(tmp_path, 'sted;2021K3\n"Kontanthjælp, jobparat, under 30 år, uden job";1,5\n')
    assert _table(tmp_path, CSV_SPEC).rows[0].values == (1.5,)


def test_blank_lines_between_rows_are_skipped_not_the_end(tmp_path):
    _csv(tmp_path, "sted;2021K3\n\na;1\n  \nb;2\n")
    table = _table(tmp_path, CSV_SPEC)
    assert [(r.labels[0], r.location.line) for r in table.rows] == [("a", 3), ("b", 5)]


def test_a_csv_of_blank_lines_is_empty(tmp_path):
    _csv(tmp_path, "\n   \n\t\n")
    assert _messages(tmp_path, CSV_SPEC) == ["t.csv:1:1: filen er tom"]


def test_an_empty_label_cell_is_an_empty_label_and_a_number_label_its_text(tmp_path):
    _xlsx(tmp_path / "t.xlsx", {"Ark": [["sted", "2021K3"], [None, 1], ["  b ", 2], [2021, 3]]})
    assert [r.labels for r in _table(tmp_path, SPEC).rows] == [("",), ("b",), ("2021",)]


# ---------------------------------------------------------------- the file a spec names


def test_a_file_outside_the_data_folder_is_refused_at_the_file_field(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "t.csv").write_text("sted;2021K3\na;1\n", encoding="utf-8")
    path = tmp_path / "data" / "t.yaml"
    path.write_text("title: T\nsource: S\nfile: ../t.csv\n", encoding="utf-8")
    doc = load_yaml(path)
    spec, _ = validate(TableSpec, doc)
    with pytest.raises(BriefingError) as caught:
        load_table("t", spec, doc, tmp_path / "data")
    [message] = caught.value.render(tmp_path).splitlines()
    assert message.startswith("data/t.yaml:3:7: file: filen skal ligge i inputs/data/ (")


def test_a_missing_file_suggests_the_nearest_and_lists_the_tables_there_are(tmp_path):
    for name in ("ledige.csv", "ydelser.xlsx", "noter.txt", "LEDIGE2.CSV"):
        (tmp_path / name).write_bytes(b"")
    assert _messages(tmp_path, SPEC.replace("t.xlsx", "ledig.csv")) == [
        "t.yaml:3:7: file: filen 'ledig.csv' findes ikke (mente du 'ledige.csv'?) (findes: LEDIGE2.CSV, ledige.csv, "
        "ydelser.xlsx)"]


def test_a_missing_file_in_a_folder_without_tables_says_there_are_none(tmp_path):
    assert _messages(tmp_path, SPEC) == ["t.yaml:3:7: file: filen 't.xlsx' findes ikke (findes: ingen)"]


# ---------------------------------------------------------------- headers


def test_a_header_with_a_control_character_is_refused_at_the_file_field(tmp_path):
    _csv(tmp_path, "sted;2021\x07K3\na;1\n")
    [message] = _messages(tmp_path, CSV_SPEC)
    assert message.startswith("t.yaml:3:7: kolonneoverskriften: ")


def test_more_columns_than_allowed(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "MAX_COLUMNS", 3)
    _csv(tmp_path, "sted;2019K3;2020K3;2021K3\na;1;2;3\n")
    assert _messages(tmp_path, CSV_SPEC) == ["t.yaml:3:7: tabellen har mere end 3 kolonner"]
    _csv(tmp_path, "sted;2020K3;2021K3\na;2;3\n")
    assert len(_table(tmp_path, CSV_SPEC).value_columns) == 2


def test_a_doubled_or_empty_header_in_a_table_without_rows_is_told_at_the_file_field(tmp_path):
    _csv(tmp_path, "sted;2021K3;2021K3\n")
    assert _messages(tmp_path, CSV_SPEC) == ["t.yaml:3:7: kolonnen '2021K3' står to gange"]


# ---------------------------------------------------------------- forecasts


def test_forecast_columns_named_either_way_are_forecasts_and_the_latest_is_the_last_actual(tmp_path):
    _csv(tmp_path, "sted;2024K3;2025K3;2026K3;2027K3\na;1;2;3;4\n")
    table = _table(tmp_path, CSV_SPEC + 'forecast: ["3. kvt. 2026", 2027K3]\n')
    assert [table.is_forecast(i) for i in range(4)] == [False, False, True, True]
    assert table.latest_column() == 1


def test_a_table_of_forecasts_only_has_its_last_column_as_the_latest(tmp_path):
    _csv(tmp_path, "sted;2026K3;2027K3\na;3;4\n")
    table = _table(tmp_path, CSV_SPEC + "forecast: [2026K3, 2027K3]\n")
    assert table.latest_column() == 1


def test_columns_without_periods_have_the_last_as_the_latest(tmp_path):
    _csv(tmp_path, "sted;Lolland;Guldborgsund;Vordingborg\na;3;4;5\n")
    table = _table(tmp_path, CSV_SPEC)
    assert (table.latest_column(), table.is_forecast(2)) == (2, False)


def test_an_unknown_forecast_column_is_told_with_the_number_columns(tmp_path):
    _csv(tmp_path, "sted;2024K3;2025K3\na;1;2\n")
    assert _messages(tmp_path, CSV_SPEC + "forecast: [2028K1]\n") == [
        "t.yaml:4:12: forecast[1]: prognosekolonnen '2028K1' findes ikke i tabellen (mente du '2025K3'?) "
        "(talkolonner: 2024K3, 2025K3)"]
    assert _messages(tmp_path, CSV_SPEC + "forecast: [2025K3, prognose, 2o25K3]\n") == [
        "t.yaml:4:20: forecast[2]: prognosekolonnen 'prognose' findes ikke i tabellen (talkolonner: 2024K3, 2025K3)",
        "t.yaml:4:30: forecast[3]: prognosekolonnen '2o25K3' findes ikke i tabellen (mente du '2025K3'?) "
        "(talkolonner: 2024K3, 2025K3)"]
    assert _table(tmp_path, CSV_SPEC + 'forecast: ["3. kvt. 2025"]\n').is_forecast(1)


# ---------------------------------------------------------------- rows written in the table file


YAML_SPEC = "title: T\nsource: S\n"


def test_rows_as_sections_and_as_lists_under_columns_read_the_same(tmp_path):
    sections = _table(tmp_path, YAML_SPEC + "rows:\n  - sted: a\n    2021K3: 1,5\n  - sted: b\n    2021K3: 2\n")
    lists = _table(tmp_path, YAML_SPEC + 'columns: [sted, 2021K3]\nrows:\n  - [a, "1,5"]\n  - [b, 2]\n')
    assert [(r.labels, r.values) for r in sections.rows] == [(r.labels, r.values) for r in lists.rows] == [
        (("a",), (1.5,)), (("b",), (2.0,))]
    assert [(r.location.line, r.location.column) for r in lists.rows] == [(5, 6), (6, 6)]


@pytest.mark.parametrize("spec, messages", [
    ("rows:\n  - [a, 1]\n  - [b, 2]\n",
     ["t.yaml:4:5: rows[1]: rækken er skrevet som en liste uden kolonnenavne: skriv navnene én gang, fx 'columns: "
      "[kommune, andel]' over 'rows:', eller skriv hver række med felter: '- kommune: Lolland' og 'andel: 27,4' på "
      "hver sin linje"]),
    ("columns: [sted, 2021K3]\nrows:\n  - sted: a\n    2021K3: 1\n  - [b, 2, 3]\n  - [c]\n",
     ["t.yaml:5:5: rows[1]: rækken er skrevet med felter, men tabellen har 'columns': skriv den som en liste i "
      "kolonnernes rækkefølge (sted, 2021K3), eller fjern 'columns'",
      "t.yaml:7:5: rows[2]: rækken har 3 værdier, men 'columns' har 2 (sted, 2021K3); en tekst med komma skal i "
      "anførselstegn inde i [ ], fx [\"Kontanthjælp, jobparat\", \"38,2\"]",
      "t.yaml:8:5: rows[3]: rækken har 1 værdier, men 'columns' har 2 (sted, 2021K3); en tekst med komma skal i "
      "anførselstegn inde i [ ], fx [\"Kontanthjælp, jobparat\", \"38,2\"]"]),
    ("rows:\n  - sted: a\n    2021K3: 1\n  - sted: b\n",
     ["t.yaml:6:5: rows[2]: rækken mangler kolonnen '2021K3' (alle rækker skal have de samme kolonner)"]),
    ("columns: [sted, 2021K3, sted]\nrows:\n  - [a, 1, c]\n",
     ["t.yaml:3:10: columns: kolonnen 'sted' står to gange; hver kolonne skal have sit eget navn"]),
])
def test_rows_that_do_not_fit_their_columns_are_told_row_by_row(tmp_path, spec, messages):
    assert _messages(tmp_path, YAML_SPEC + spec) == messages


def test_a_table_without_rows_at_all_is_told_at_the_rows_field(tmp_path):
    assert _messages(tmp_path, YAML_SPEC + "rows: []\n") == ["t.yaml:3:7: tabellen har ingen talkolonner"]


AMBIGUOUS = ("'{0}' kan læses på to måder i en fil med komma mellem felterne (hvor punktum er decimaltegn): skriv {1} "
             "uden tusindtalspunktum, eller gem filen med semikolon mellem felterne (i Excel: 'CSV "
             "(semikolonsepareret)'), så punktum læses som tusindtalspunktum")


def test_a_point_before_three_digits_in_a_comma_separated_csv_is_refused_not_read_as_a_decimal(tmp_path):
    """'4.812' is forty-eight hundred and twelve in every other file; where the point is the decimal sign it could
    be 4,812 too, so it is refused at its cell rather than read either way."""
    _csv(tmp_path, 'sted,2024K3,2025K3\nAalborg,"4.812",1.5\nHele landet,-84.310,"1,234.5"\nRAR,0.500,11420\n')
    assert _messages(tmp_path, CSV_SPEC) == [
        "t.csv:2:2: 2024K3: " + AMBIGUOUS.format("4.812", "4812"),
        "t.csv:3:2: 2024K3: " + AMBIGUOUS.format("-84.310", "-84310"),
    ]


def test_a_comma_separated_csv_reads_decimal_points_and_comma_thousands(tmp_path):
    _csv(tmp_path, 'sted,2024K3,2025K3\nAalborg,1.5,"1,234.5"\nRAR,0.500,11420\n')
    assert [row.values for row in _table(tmp_path, CSV_SPEC).rows] == [(1.5, 1234.5), (0.5, 11420.0)]


def test_a_cell_formatted_as_per_cent_is_the_share_the_sheet_shows(tmp_path):
    """Excel keeps 76,3 % as 0.763: the table holds 76,3 (as the import and every other file write it), not 0,763."""
    path = _xlsx(tmp_path / "t.xlsx", {"Ark": [["målgruppe", "2019K3", "2021K3"], ["Jobparat", 0.444, 0.806],
                                              ["Aktivitetsparat", 0.5, 31.5]]})
    from openpyxl import load_workbook

    book = load_workbook(path)
    for cell in ("B2", "C2", "B3"):
        book["Ark"][cell].number_format = "0.0%"
    book.save(path)
    assert [row.values for row in _table(tmp_path, SPEC + "unit: pct.\n").rows] == [(44.4, 80.6), (50.0, 31.5)]


def test_a_csv_cell_is_placed_at_its_line_after_a_quoted_field_with_a_line_break(tmp_path):
    _csv(tmp_path, 'sted;2021K3\n"Tilbud\ni alt";1\nb;2\nc;57.8\n')
    assert _messages(tmp_path, CSV_SPEC) == [
        "t.csv:5:2: 2021K3: '57.8': brug decimalkomma, fx 57,8 (punktum bruges til tusinder)"]


def test_a_table_without_sheet_is_read_from_the_first_visible_sheet(tmp_path):
    """An old copy hidden in front (as Excel lets one keep it) must not give its numbers silently."""
    from openpyxl import load_workbook

    path = _xlsx(tmp_path / "t.xlsx", {"Gammel": [["målgruppe", "2021K3"], ["Jobparat", 1]],
                                       "Data": [["målgruppe", "2021K3"], ["Jobparat", 5]]})
    book = load_workbook(path)
    book["Gammel"].sheet_state = "hidden"
    book.active = 1
    book.save(path)
    assert [row.values for row in _table(tmp_path, SPEC).rows] == [(5.0,)]
