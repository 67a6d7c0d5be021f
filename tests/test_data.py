"""Data tables in every supported format, read into the same DataTable."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.build import load

EXPECTED_LABELS = ("Kontanthjælp, jobparat", "Ressourceforløb")


def _write_table(project: Path, name: str, yaml_text: str, extra: dict[str, bytes] | None = None) -> None:
    data = project / "inputs" / "data"
    (data / f"{name}.yaml").write_text(yaml_text, encoding="utf-8")
    for file_name, content in (extra or {}).items():
        (data / file_name).write_bytes(content)


def _load(project: Path, name: str):
    return load(project / "inputs").tables[name]


def test_csv_with_semicolons_and_decimal_comma(project):
    csv = "målgruppe;3. kvt. 2019;3. kvt. 2021\nKontanthjælp, jobparat;76,3;1.234,5\nRessourceforløb;.;..\n"
    _write_table(project, "t", "title: T\nsource: Jobindsats.dk\nfile: t.csv\n", {"t.csv": csv.encode("utf-8")})
    table = _load(project, "t")
    assert table.label_columns == ("målgruppe",)
    assert [c.label for c in table.value_columns] == ["3. kvt. 2019", "3. kvt. 2021"]
    assert [r.labels[0] for r in table.rows] == list(EXPECTED_LABELS)
    assert table.rows[0].values == (76.3, 1234.5)
    assert table.rows[1].values == (None, None)  # suppressed, never zero
    assert table.period_text == "3. kvt. 2019 og 3. kvt. 2021"


def test_csv_with_commas_and_decimal_point(project):
    csv = 'målgruppe,2019K3,2021K3\n"Kontanthjælp, jobparat",76.3,"1,234.5"\nRessourceforløb,-,\n'
    _write_table(project, "t", "title: T\nsource: Jobindsats.dk\nfile: t.csv\n", {"t.csv": csv.encode("utf-8")})
    table = _load(project, "t")
    assert table.rows[0].values == (76.3, 1234.5)
    assert table.rows[1].values == (None, None)


def test_csv_saved_by_excel_in_windows_1252(project):
    csv = "målgruppe;2021K3\nRessourceforløb;12,5\n"
    _write_table(project, "t", "title: T\nsource: Jobindsats.dk\nfile: t.csv\n", {"t.csv": csv.encode("cp1252")})
    table = _load(project, "t")
    assert table.label_columns == ("målgruppe",)
    assert table.rows[0].labels == ("Ressourceforløb",)


def test_xlsx_with_numbers_text_numbers_and_suppressed_cells(project):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Tabel"
    sheet.append(["målgruppe", "2019K3", "2021K3"])
    sheet.append(["Kontanthjælp, jobparat", 76.3, "53,0"])
    sheet.append(["Ressourceforløb", ".", None])
    path = project / "inputs" / "data" / "t.xlsx"
    book.save(path)
    _write_table(project, "t", "title: T\nsource: Jobindsats.dk\nfile: t.xlsx\nsheet: Tabel\n")
    table = _load(project, "t")
    assert table.rows[0].values == (76.3, 53.0)
    assert table.rows[1].values == (None, None)


def test_inline_yaml_rows_accept_danish_decimals_and_dots_as_missing(project):
    _write_table(project, "t", (
        "title: T\nsource: Jobindsats.dk\nunit: pct.\nrows:\n"
        "  - målgruppe: Kontanthjælp, jobparat\n    2019K3: 76,3\n    2021K3: 53\n"
        "  - målgruppe: Ressourceforløb\n    2019K3: .\n    2021K3: '80,1'\n"
    ))
    table = _load(project, "t")
    assert table.rows[0].values == (76.3, 53.0)
    assert table.rows[1].values == (None, 80.1)


def test_thousands_point_in_yaml_is_read_the_danish_way(project):
    _write_table(project, "t", "title: T\nsource: S\nunit: kr.\nrows:\n  - sted: Hedensted\n    2021: 1.234\n")
    assert _load(project, "t").rows[0].values == (1234.0,)


def test_decimal_point_in_yaml_is_refused_with_a_hint(project):
    _write_table(project, "t", "title: T\nsource: S\nrows:\n  - sted: Hedensted\n    2021: 76.3\n")
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    assert caught.value.render(project) == (
        "inputs/data/t.yaml:5:11: 2021: '76.3': brug decimalkomma, fx 76,3 (punktum bruges til tusinder)"
    )


def test_period_columns_match_whatever_way_they_are_written(project):
    table = _load(project, "aktivering-andel")
    assert table.find_value_column("2021K3") == table.find_value_column("3. kvt. 2021") == 1
    assert table.find_value_column("2021-Q3") == 1
    assert table.find_value_column("4. kvt. 2021") is None


def test_table_records_source_and_period(project):
    table = _load(project, "status-efter-forloeb")
    assert table.spec.source == "Jobindsats.dk"
    assert table.period_text == "3. kvt. 2020-2. kvt. 2021"


@pytest.mark.parametrize("unit, value, message", [
    ("pct.", "104,5", "en andel i pct. skal ligge mellem 0 og 100, ikke 104,5"),
    ("personer", "-22", "et antal personer kan ikke være negativ, ikke -22,0"),
    ("uger", "-1,5", "en varighed kan ikke være negativ, ikke -1,5"),
    ("kr.", "5000000000000", "tallet 5.000.000.000.000 er urimeligt stort; tjek om der mangler et komma"),
])
def test_implausible_values_are_refused_where_they_stand(project, unit, value, message):
    _write_table(project, "t", f"title: T\nsource: S\nunit: {unit}\nrows:\n  - sted: Hedensted\n    2021K3: '{value}'\n")
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    assert caught.value.render(project) == f"inputs/data/t.yaml:6:13: 2021K3: {message}"


def test_a_period_after_the_meeting_is_a_typo(project):
    _write_table(project, "t", "title: T\nsource: S\nrows:\n  - sted: Hedensted\n    2031K3: 4\n")
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    assert caught.value.render(project) == (
        "inputs/data/t.yaml:1:1: 2031K3: perioden 3. kvt. 2031 ligger efter mødedatoen 6. december 2021; tjek årstallet")
