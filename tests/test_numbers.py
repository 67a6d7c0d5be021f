"""Every number a person types is read as written, in every file, or refused at its place (issue 13).

One table of written forms runs through every family of number fields in a copied example project: the
same reading, or the same located Danish message, never exit 2 and never a silent misreading.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation

from briefing.build import load
from briefing.cli import main
from briefing.danish import fmt
from briefing.danish.numbers import read_number, read_whole
from briefing.errors import BriefingError
from briefing.load.source import load_yaml
from briefing.load.validate import validate
from briefing.kinds.kpi import KpiSlide
from briefing.spec.scenario import parse_change
from tests.conftest import example_part

# ---------------------------------------------------------------- the written forms

READ = {  # written form -> the number it is
    "40.000": 40000, '"40.000"': 40000, "4.800": 4800, "1.234,5": 1234.5, "6,5": 6.5, "-4,5": -4.5,
    '!!int "017"': 17, '!!float "1.000"': 1000,  # a YAML tag does not make YAML the reader (it read 15 and 1,0)
}
REFUSED = {  # written form -> the message, the same in every file
    "57.8": "'57.8': brug decimalkomma, fx 57,8 (punktum bruges til tusinder)",
    ".inf": "'.inf' er ikke et tal; skriv et endeligt tal med cifre, fx 76,3",
    ".nan": "'.nan' er ikke et tal; skriv et endeligt tal med cifre, fx 76,3",
    "1e309": "'1e309': skriv tallet ud med cifre (ingen e-notation), fx 1.000.000",
    "0x10": "'0x10': skriv tallet med almindelige cifre 0-9 (ikke hexadecimalt, oktalt eller binært)",
    "1_000": "'1_000': understregning er ikke tilladt i et tal; skriv tusinder med punktum, fx 1.000",
    '!!float "57.8"': "'57.8': brug decimalkomma, fx 57,8 (punktum bruges til tusinder)",
}
FLOW = "{3,6}"  # stands for: 3,6 written inside a { } mapping


def split_message(key: str) -> str:
    return (f"kommaet i 3,6 deler værdien i to: inde i {{ }} skiller et komma felterne, så YAML læser '{key}: 3' og "
            f"et felt '6' uden værdi. Sæt tallet i anførselstegn, {{{key}: \"3,6\"}}, eller skriv feltet på sin egen "
            f"linje: {key}: 3,6")


# ---------------------------------------------------------------- the project the fields stand in


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The example's slides and tables that hold the fields below, as the example has them."""
    return example_part(tmp_path, ["formaal", "noegletal", "varighed", "sanktioner-scenarier"],
                        ["aktivering-andel", "ydelsesmodtagere", "varighed", "udgift-scenarie"])


# ---------------------------------------------------------------- the field families


@dataclass(frozen=True)
class Family:
    """One kind of number field: where it is written, how to write a form there, and how to read it back."""

    id: str
    file: str
    key: str  # the YAML key the number stands after
    field: str  # the field as the message names it
    block: Callable[[str, str], str]  # (file text, form) -> file text with the form in block style
    flow: Callable[[str], str]  # file text -> file text with the field inside { } and 3,6 as its value
    read: Callable[[object], float]  # loaded project -> the number read
    bounds: tuple[float | None, float | None, str, str] | None = None  # low (exclusive), high, messages
    flow_field: str | None = None


def _swap(old: str, new: str) -> Callable[[str], str]:
    def swap(text: str) -> str:
        assert text.count(old) == 1, old
        return text.replace(old, new)
    return swap


def _before(anchor: str, block: str) -> Callable[[str, str], str]:
    return lambda text, form: _swap(anchor, block.format(form=form) + anchor)(text)


KPI_TILE = "  - label: Et tal\n    unit: antal\n    decimals: 1\n    value: {form}\n"
COMPARE_TILE = "  - label: Et tal\n    unit: antal\n    value: 1\n    compare:\n      label: \"2020\"\n      value: {form}\n"
TIMER = "    value: 6,5\n"
TIMER_FLOW_OLD = ("  timer_pr_sanktion:\n    value: 6,5\n    unit: timer/sanktion\n    label: Sagsbehandlertimer pr. "
                  "sanktionssag\n    source: Tidsregistrering (eksempeldata)\n")
TIMER_FLOW = "  timer_pr_sanktion: {{value: {value}, low: {low}, high: {high}, unit: timer, label: Timer}}\n"
SCREENING = "  - trin: Screening for funktionsnedsættelser\n    Beløb: 900.000\n"


def _assumption(project) -> object:
    return project.slides["sanktioner-scenarier"].spec.assumptions["timer_pr_sanktion"]


FAMILIES = [
    Family("nøgletal-value", "inputs/slides/noegletal.yaml", "value", "tiles[5].value",
           _before("source: Jobindsats", KPI_TILE),
           _swap("source: Jobindsats", "  - {label: Et tal, unit: antal, value: 3,6}\nsource: Jobindsats"),
           lambda p: p.slides["noegletal"].spec.tiles[4].value),
    Family("nøgletal-compare.value", "inputs/slides/noegletal.yaml", "value", "tiles[5].compare.value",
           _before("source: Jobindsats", COMPARE_TILE),
           _swap("source: Jobindsats", "  - label: Et tal\n    value: 1\n    compare: {label: \"2020\", value: 3,6}\n"
                                       "source: Jobindsats"),
           lambda p: p.slides["noegletal"].spec.tiles[4].compare.value),
    Family("forudsætning-value", "inputs/slides/sanktioner-scenarier.yaml", "value",
           "assumptions.timer_pr_sanktion.value",
           lambda text, form: _swap(TIMER, f"    value: {form}\n")(text),
           _swap(TIMER_FLOW_OLD, "  timer_pr_sanktion: {value: 3,6, unit: timer, label: Timer}\n"),
           lambda p: _assumption(p).value),
    Family("forudsætning-low", "inputs/slides/sanktioner-scenarier.yaml", "low", "assumptions.timer_pr_sanktion.low",
           lambda text, form: _swap(TIMER, f"    value: 100.000\n    low: {form}\n    high: 200.000\n")(text),
           _swap(TIMER_FLOW_OLD, TIMER_FLOW.format(value="100.000", low="3,6", high="200.000")),
           lambda p: _assumption(p).low),
    Family("forudsætning-high", "inputs/slides/sanktioner-scenarier.yaml", "high", "assumptions.timer_pr_sanktion.high",
           lambda text, form: _swap(TIMER, f"    value: -10\n    low: -100\n    high: {form}\n")(text),
           _swap(TIMER_FLOW_OLD, TIMER_FLOW.format(value="-10", low="-100", high="3,6")),
           lambda p: _assumption(p).high),
    Family("ændring", "inputs/slides/sanktioner-scenarier.yaml", "sanktioner", "scenarios[3].changes.sanktioner",
           lambda text, form: _swap('    changes: {sanktioner: "+40 %"}\n', f"    changes:\n      sanktioner: {form}\n")(text),
           _swap('    changes: {sanktioner: "+40 %"}\n', "    changes: {sanktioner: 3,6}\n"),
           lambda p: _absolute(p.slides["sanktioner-scenarier"].spec.scenarios[2].changes["sanktioner"])),
    Family("mål-target", "inputs/slides/varighed.yaml", "target", "narrative[3].target",
           _before("notes: |", "  - rule: mål\n    target: {form}\n"),
           _swap("notes: |", "  - {rule: mål, target: 3,6}\nnotes: |"),
           lambda p: p.slides["varighed"].spec.narrative[2].target),
    Family("datacelle", "inputs/data/udgift-scenarie.yaml", "Beløb", "Beløb",
           lambda text, form: _swap(SCREENING, SCREENING.replace("900.000", form))(text),
           _swap(SCREENING, "  - {trin: Screening for funktionsnedsættelser, Beløb: 3,6}\n"),
           lambda p: p.tables["udgift-scenarie"].rows[-1].values[0], flow_field="rows[5].Beløb"),
    Family("tema-størrelse", "themes/default.yaml", "title", "sizes.title",
           lambda text, form: _swap("  title: 30\n", f"  title: {form}\n")(text),
           _swap("sizes:\n  title: 30\n  lead: 20\n  body: 20\n  small: 12\n  minimum: 12\n",
                 "sizes: {title: 3,6, lead: 20, body: 20, small: 12, minimum: 12}\n"),
           lambda p: p.theme.spec.sizes.title, bounds=(18, 54, "skal være mindst 18", "må højst være 54")),
]


def _absolute(change) -> float:
    kind, amount = parse_change(change)
    assert kind == "absolute"
    return amount


def _place(text: str, key: str, form: str) -> tuple[int, int]:
    """Line and column (1-based) of `form` written after `key: ` (the last such place in the file)."""
    at = text.rfind(f"{key}: {form}") + len(key) + 2
    assert at >= len(key) + 2, (key, form)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _expected(family: Family, form: str) -> float | str:
    """The number the form must give in this family, or the message it must get."""
    if form in REFUSED:
        return REFUSED[form]
    value = READ[form]
    if family.bounds:
        low, high, too_low, too_high = family.bounds
        if value < low:
            return too_low
        if value > high:
            return too_high
    return value


def build_output(root: Path, monkeypatch) -> tuple[int, str]:
    """`briefing build` run inside the project, as staff run it."""
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["build"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and "uventet fejl" not in result.output, result.output
    return result.exit_code, result.output


CASES = [(family, form) for family in FAMILIES for form in [*READ, *REFUSED, FLOW]]


@pytest.mark.parametrize("family, form", CASES, ids=[f"{f.id}:{form}" for f, form in CASES])
def test_every_written_form_reads_the_same_or_gets_the_same_located_message(project: Path, family: Family, form: str):
    path = project / family.file
    text = path.read_text(encoding="utf-8")
    changed = family.flow(text) if form == FLOW else family.block(text, form)
    path.write_text(changed, encoding="utf-8")
    expected = _expected(family, form) if form != FLOW else split_message(family.key)
    if isinstance(expected, str):
        line, column = _place(changed, family.key, "3,6" if form == FLOW else form)
        field = (family.flow_field or family.field) if form == FLOW else family.field
        with pytest.raises(BriefingError) as caught:
            load(project / "inputs")
        assert caught.value.render(project).splitlines() == [f"{family.file}:{line}:{column}: {field}: {expected}"]
        return
    assert family.read(load(project / "inputs")) == expected


@pytest.mark.parametrize("family", FAMILIES, ids=[f.id for f in FAMILIES])
@pytest.mark.parametrize("form", ["57.8", "0x10", FLOW])
def test_a_refused_form_stops_the_build_with_exit_1_and_the_located_message(project: Path, family: Family, form: str,
                                                                              monkeypatch):
    """The command line as staff run it: exit 1 with the message, never exit 2 ('uventet fejl')."""
    path = project / family.file
    text = path.read_text(encoding="utf-8")
    changed = family.flow(text) if form == FLOW else family.block(text, form)
    path.write_text(changed, encoding="utf-8")
    code, output = build_output(project, monkeypatch)
    assert code == 1, output
    line, column = _place(changed, family.key, "3,6" if form == FLOW else form)
    field = (family.flow_field or family.field) if form == FLOW else family.field
    message = split_message(family.key) if form == FLOW else REFUSED[form]
    assert output.splitlines()[0] == f"{family.file}:{line}:{column}: {field}: {message}"


def test_forty_thousand_is_forty_thousand_in_the_built_deck(project: Path, monkeypatch):
    """The example built with `40.000` in a key figure: the deck says 40.000, not 40."""
    tiles = project / "inputs/slides/noegletal.yaml"
    tiles.write_text(FAMILIES[0].block(tiles.read_text(encoding="utf-8"), "40.000"), encoding="utf-8")
    code, output = build_output(project, monkeypatch)
    assert code == 0, output
    deck = Presentation(str(next((project / "output").glob("*.pptx"))))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    assert "40.000,0" in texts
    assert not any(text.startswith("40,0") for text in texts)


# ---------------------------------------------------------------- property: Danish numbers read back


@settings(max_examples=150, deadline=None)
@given(st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False, places=3),
       st.integers(0, 3), st.booleans())
def test_any_danish_number_written_into_a_slide_file_reads_back_to_its_value(tmp_path_factory, value, decimals, quoted):
    written = fmt.number(value, decimals)
    expected = float(fmt.round_half_up(value, decimals))
    shown = f'"{written}"' if quoted else written
    path = tmp_path_factory.mktemp("slide") / "tal.yaml"
    path.write_text(f"kind: nøgletal\ntitle: Tal\ntiles:\n  - label: Et tal\n    value: {shown}\n"
                    f"    compare:\n      value: {shown}\n", encoding="utf-8")
    doc = load_yaml(path)
    spec, problems = validate(KpiSlide, doc)
    assert problems == []
    assert spec.tiles[0].value == expected and spec.tiles[0].compare.value == expected


@given(st.integers(-10**9, 10**9))
def test_whole_numbers_read_back_from_their_danish_form(value):
    assert read_whole(fmt.number(value)) == value


# ---------------------------------------------------------------- the reader itself


@pytest.mark.parametrize("text, expected", [
    ("40.000", 40000), ("1.234,5", 1234.5), ("0,30", 0.3), ("−2", -2), ("+4,2", 4.2), ("12 345", 12345),
    ("1.500", 1500), ("017", 17), ("76,3 %", 76.3),
])
def test_the_reader_reads_danish_numbers(text, expected):
    assert read_number(text) == expected


@pytest.mark.parametrize("text, message", [
    ("1.5", "'1.5': brug decimalkomma, fx 1,5 (punktum bruges til tusinder)"),
    ("1234.5", "'1234.5': brug decimalkomma, fx 1234,5 (punktum bruges til tusinder)"),
    (".5", "'.5': brug decimalkomma, fx 0,5 (punktum bruges til tusinder)"),
    ("-inf", "'-inf' er ikke et tal; skriv et endeligt tal med cifre, fx 76,3"),
    ("1.0e+309", "'1.0e+309': skriv tallet ud med cifre (ingen e-notation), fx 1.000.000"),
    ("0o17", "'0o17': skriv tallet med almindelige cifre 0-9 (ikke hexadecimalt, oktalt eller binært)"),
    ("0b101", "'0b101': skriv tallet med almindelige cifre 0-9 (ikke hexadecimalt, oktalt eller binært)"),
    ("10_000", "'10_000': understregning er ikke tilladt i et tal; skriv tusinder med punktum, fx 10.000"),
    ("1:30", "'1:30' er ikke et tal; skriv et tal som 76,3 (et klokkeslæt skal stå i anførselstegn)"),
    ("", "skal være et tal (skriv fx 76,3)"),
    ("..", "'..' er ikke et tal (skriv fx 76,3)"),
])
def test_the_reader_refuses_what_could_be_misread(text, message):
    with pytest.raises(ValueError) as caught:
        read_number(text)
    assert str(caught.value) == message


def test_a_data_cell_may_be_suppressed_but_a_typed_number_may_not():
    assert read_number("..", missing=True) is None
    assert read_number("", missing=True) is None


# ---------------------------------------------------------------- texts that look like numbers


def test_a_year_where_a_text_is_expected_is_the_text_as_written(project: Path):
    """`where: {år: 2021}`, a period column named 2021 and a title 2021 stay the texts the user wrote."""
    path = project / "inputs/slides/noegletal.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "title: Flere aktivitetsparate i tilbud, men færre jobparate og længere forløb for unge", "title: 2021.10")
    text = text.replace("lead: Status i 3. kvartal 2021 sammenlignet med før covid-19 og med regionen", "lead: 2021")
    path.write_text(text, encoding="utf-8")
    table = project / "inputs/data/t.yaml"
    table.write_text("title: T\nsource: S\nrows:\n  - år: 2020\n    2021: 4.800\n  - år: 2021\n    2021: 40.000\n",
                     encoding="utf-8")
    project_ = load(project / "inputs")
    spec = project_.slides["noegletal"].spec
    assert spec.lead == "2021"
    assert spec.title == "2021.10"  # not 2021.1
    rows = project_.tables["t"].rows
    assert [r.labels for r in rows] == [("2020",), ("2021",)]
    assert [r.values for r in rows] == [(4800.0,), (40000.0,)]
    assert project_.tables["t"].value_columns[0].name == "2021"


def test_a_split_list_item_gets_the_fix(project: Path):
    path = project / "inputs/briefing.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("peers: [Favrskov, Skanderborg, Ringkøbing-Skjern]",
                                                             "peers: [Favrskov, 3,6]"), encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    line = [i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "peers:" in t][0]
    assert caught.value.render(project).splitlines() == [
        f"inputs/briefing.yaml:{line}:21: comparison.peers[2]: kommaet i 3,6 deler listen: inde i [ ] skiller et komma "
        "punkterne, så YAML læser 3 og 6 som to punkter. Mener du tallet 3,6, så sæt det i anførselstegn: [\"3,6\"]; "
        "mener du to punkter, så skriv et mellemrum efter kommaet: [3, 6]"]


def test_a_comma_with_a_space_in_a_flow_mapping_is_two_fields_as_written(project: Path):
    """{sanktioner: 3, 6} is two fields as YAML writes them; the empty one is reported, not a split number."""
    path = project / "inputs/slides/sanktioner-scenarier.yaml"
    text = _swap('    changes: {sanktioner: "+40 %"}\n', "    changes: {sanktioner: 3, 6}\n")(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    line = text[:text.index("{sanktioner: 3, 6}")].count("\n") + 1
    column = len("    changes: {sanktioner: 3, 6") + 1  # the empty value after the key
    assert caught.value.render(project).splitlines()[0] == (
        f"inputs/slides/sanktioner-scenarier.yaml:{line}:{column}: scenarios[3].changes.6: skal være et tal "
        "(fx 140) eller en procent (fx '+25 %'), ikke en tom værdi")


# ---------------------------------------------------------------- yes/no fields: the same words everywhere


YES_NO = {"ja": True, "Ja": True, "nej": False, "NEJ": False, "true": True, "false": False, "yes": True, "no": False,
          '"ja"': True, "'nej'": False}
NOT_YES_NO = {"måske": "skal være ja eller nej, ikke 'måske'", "1": "skal være ja eller nej, ikke '1'",
              "0,5": "skal være ja eller nej, ikke '0,5'"}


@dataclass(frozen=True)
class YesNo:
    id: str
    file: str
    key: str
    field: str
    write: Callable[[str, str], str]
    read: Callable[[object], bool]


YES_NO_FIELDS = [
    YesNo("slide-example", "inputs/slides/formaal.yaml", "example", "example",
          lambda text, form: text + f"example: {form}\n", lambda p: p.slides["formaal"].spec.example),
    YesNo("section-divider", "inputs/briefing.yaml", "divider", "sections[1].divider",
          lambda text, form: _swap("    divider: false\n", f"    divider: {form}\n")(text),
          lambda p: p.deck.sections[0].divider),
    YesNo("deck-appendix", "inputs/briefing.yaml", "appendix", "appendix",
          lambda text, form: text + f"appendix: {form}\n", lambda p: p.deck.appendix),
    YesNo("chart-labels", "inputs/slides/varighed.yaml", "labels", "chart.labels",
          lambda text, form: _swap("  table: varighed\n", f"  table: varighed\n  labels: {form}\n")(text),
          lambda p: p.slides["varighed"].spec.chart.labels),
    YesNo("narrative-judge", "inputs/slides/varighed.yaml", "judge", "narrative[1].judge",
          lambda text, form: _swap("    about: i seneste periode\n", f"    about: i seneste periode\n    judge: {form}\n")(text),
          lambda p: p.slides["varighed"].spec.narrative[0].judge),
    YesNo("table-example", "inputs/data/udgift-scenarie.yaml", "example", "example",
          lambda text, form: _swap("example: true\n", f"example: {form}\n")(text),
          lambda p: p.tables["udgift-scenarie"].spec.example),
]
YES_NO_CASES = [(f, form) for f in YES_NO_FIELDS for form in [*YES_NO, *NOT_YES_NO]]


@pytest.mark.parametrize("family, form", YES_NO_CASES, ids=[f"{f.id}:{form}" for f, form in YES_NO_CASES])
def test_every_yes_no_field_takes_the_same_words_and_gives_the_same_message(project: Path, family: YesNo, form: str):
    path = project / family.file
    changed = family.write(path.read_text(encoding="utf-8"), form)
    path.write_text(changed, encoding="utf-8")
    if form in NOT_YES_NO:
        line, column = _place(changed, family.key, form)
        with pytest.raises(BriefingError) as caught:
            load(project / "inputs")
        assert caught.value.render(project).splitlines() == [
            f"{family.file}:{line}:{column}: {family.field}: {NOT_YES_NO[form]}"]
        return
    assert family.read(load(project / "inputs")) is YES_NO[form]


# ---------------------------------------------------------------- numbers inside formulas and conditions


def test_a_thousands_point_in_a_formula_is_refused_not_read_as_a_decimal(project: Path, monkeypatch):
    """Formulas write decimals with a point (2.5); '1.000' could be either, so it is refused at its column."""
    path = project / "inputs/slides/sanktioner-scenarier.yaml"
    text = _swap("    formula: sanktioner * timer_pr_sanktion\n",
                 "    formula: sanktioner * timer_pr_sanktion * 1.000\n")(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    at = text.index("* 1.000") + 2
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    code, output = build_output(project, monkeypatch)
    assert code == 1
    assert output.splitlines()[0] == (
        f"inputs/slides/sanktioner-scenarier.yaml:{line}:{column}: economy[2].formula: '1.000' kan læses på to "
        "måder; skriv 1000 (uden tusindtalspunktum) eller 1.0 (decimaltal med punktum)")


# ---------------------------------------------------------------- pinned by mutation testing (docs/mutation.md)


@pytest.mark.parametrize("text, message", [
    ("1_000,5", "'1_000,5': understregning er ikke tilladt i et tal; skriv tusinder med punktum, fx 1.000"),
    ("12_345", "'12_345': understregning er ikke tilladt i et tal; skriv tusinder med punktum, fx 12.345"),
    (".500", "'.500': brug decimalkomma, fx 0,500 (punktum bruges til tusinder)"),  # no digit before the point
    ("5.", "'5.': brug decimalkomma, fx 5,0 (punktum bruges til tusinder)"),
    ("-.5", "'-.5': brug decimalkomma, fx -0,5 (punktum bruges til tusinder)"),
])
def test_the_fix_shown_for_a_misread_form_is_the_right_number(text, message):
    with pytest.raises(ValueError) as caught:
        read_number(text)
    assert str(caught.value) == message


def test_a_whole_number_and_a_non_text_are_refused_in_danish():
    with pytest.raises(ValueError) as caught:
        read_whole(" 2,5 ")
    assert str(caught.value) == "skal være et helt tal, ikke '2,5'"
    with pytest.raises(TypeError) as caught:
        read_number(5)
    assert str(caught.value) == "5 er ikke en tekst"
