"""References instead of copies: free text quotes a table value as {tabel | række | kolonne}."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.build import build, load
from briefing.danish.fmt import keep_together
from briefing.errors import BriefingError
from briefing.facts.quotes import QuoteError, expand
from tests.deckdump import dump

JOBAFKLARING = "{ydelsesmodtagere | Jobafklaringsforløb | 2021K3}"


def _edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "inputs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _only(project: Path, slides: str) -> None:
    deck = project / "inputs" / "briefing.yaml"
    head = deck.read_text(encoding="utf-8").split("sections:")[0]
    deck.write_text(head + f"sections:\n  - title: Et afsnit\n    divider: false\n    slides: [{slides}]\n", encoding="utf-8")


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    import shutil

    from tests.conftest import REPO

    root = tmp_path_factory.mktemp("quotes")
    for folder in ("inputs", "themes"):
        shutil.copytree(REPO / folder, root / folder)
    return load(root / "inputs").tables


@pytest.mark.parametrize("text, shown", [
    (f"Der er {JOBAFKLARING} i jobafklaring.", "Der er 132\xa0personer i jobafklaring."),
    ("{ydelsesmodtagere | Jobafklaringsforløb}", "132\xa0personer"),  # the last column
    ("{ydelsesmodtagere | Jobafklaringsforløb | 3. kvt. 2019}", "214\xa0personer"),
    ("{status-efter-forloeb | målgruppe=Kontanthjælp, jobparat; status=Lønmodtagerbeskæftigelse | Hedensted}",
     "64,5\xa0pct."),
    ("Skriv {{tabel | række}} for en henvisning", "Skriv {tabel | række} for en henvisning"),
    ("En {klamme} uden lodret streg bliver stående", "En {klamme} uden lodret streg bliver stående"),
])
def test_a_reference_is_replaced_by_the_value_written_the_danish_way(tables, text, shown):
    assert expand(text, tables) == shown


UNCLOSED = ("henvisningen lukkes ikke med } eller har { } inde i sig; skriv den {tabel | række | kolonne} (et { i "
            "teksten skrives {{)")


@pytest.mark.parametrize("text, message", [
    ("{ydelsesmodtager | Jobafklaringsforløb}", "ukendt datatabel 'ydelsesmodtager' i henvisningen (mente du "
     "'ydelsesmodtagere'?) (findes i inputs/data/: aktivering-andel, aktivering-antal, aktivering-kvartal, "
     "aktiveringsberoerte, borgerundersoegelse, loentimer, sanktioner, status-efter-forloeb, udgift-effekt, "
     "udgift-scenarie, varighed, ydelsesmodtagere)"),
    ("{ydelsesmodtagere | Jobafklaring}", "rækken 'Jobafklaring' findes ikke i kolonnen 'målgruppe' i "
     "'ydelsesmodtagere' (mente du 'Jobafklaringsforløb'?) (findes: Kontanthjælp, jobparat; Kontanthjælp, "
     "aktivitetsparat; Uddannelseshjælp i alt; Uddannelseshjælp, aktivitetsparat; Jobafklaringsforløb; Ressourceforløb)"),
    ("{ydelsesmodtagere | Jobafklaringsforløb | 2021K4}", "ukendt talkolonne '2021K4' i henvisningen (mente du "
     "'2021K3'?) (talkolonner i 'ydelsesmodtagere': 2019K3, 2021K3)"),
    ("{ydelsesmodtagere | gruppe=Fleksjob}", "ukendt tekstkolonne 'gruppe' i henvisningen (mente du 'målgruppe'?) (tekstkolonner i "
     "'ydelsesmodtagere': målgruppe)"),
    ("{ydelsesmodtagere}", None),  # no '|': not a reference, stays as written
    ("{ydelsesmodtagere | }", "henvisningen '{ydelsesmodtagere | }' skal skrives {tabel | række | kolonne}, fx "
     "{ydelsesmodtagere | Jobafklaringsforløb | 2021K3}"),
    ("Der er {ydelsesmodtagere | Jobafklaringsforløb | 2021K3 i alt", UNCLOSED),  # printed raw before
    ("{ydelsesmodtagere | {x} | 2021K3}", UNCLOSED),
    ("{{ydelsesmodtagere | Jobafklaringsforløb}} og {klamme}", None),  # written literally, as asked
])
def test_a_wrong_reference_says_what_exists(tables, text, message):
    if message is None:
        assert expand(text, tables) == text.replace("{{", "{").replace("}}", "}")
        return
    with pytest.raises(QuoteError) as caught:
        expand(text, tables)
    assert caught.value.message == message


@given(st.text(alphabet=st.characters(blacklist_characters="{}", blacklist_categories=("Cs",))))
def test_text_without_braces_is_left_as_it_is(text):
    assert expand(text, {}) == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_doubled_braces_always_write_the_text_literally(text):
    escaped = text.replace("{", "{{").replace("}", "}}")
    assert expand(escaped, {}) == text


def test_references_in_every_free_text_field_are_filled_in_on_the_slides_and_in_the_notes(project):
    _only(project, "formaal, noegletal, del1-droeftelse, beslutninger, anbefalinger")
    _edit(project, "slides/formaal.yaml", "lead: Udvalget bad", f"lead: '{JOBAFKLARING} i jobafklaring. Udvalget bad")
    _edit(project, "slides/formaal.yaml", "beskæftigelsesindsatsen\n", "beskæftigelsesindsatsen'\n")
    _edit(project, "slides/formaal.yaml", "  - Bruges pengene", f"  - Hvorfor er {JOBAFKLARING} i jobafklaring?\n"
          "  - Bruges pengene")
    _edit(project, "slides/formaal.yaml", "  Analysen blev", f"  Jobafklaring: {JOBAFKLARING}.\n  Analysen blev")
    _edit(project, "slides/noegletal.yaml", "  - label: Jobparate kontanthjælpsmodtagere i tilbud",
          "  - label: 'Jobparate i tilbud (af {ydelsesmodtagere | Kontanthjælp, jobparat})'")
    _edit(project, "slides/del1-droeftelse.yaml", "  - Hvilke resultater", f"  - Er {JOBAFKLARING} for mange?\n"
          "  - Hvilke resultater")
    _edit(project, "slides/beslutninger.yaml", "  - Hvilke tal", f"  - Skal de {JOBAFKLARING} have en plan?\n"
          "  - Hvilke tal")
    _edit(project, "slides/anbefalinger.yaml", "note: Sanktioner", "note: Ressourceforløb "
          "{ydelsesmodtagere | Ressourceforløb}. Sanktioner")
    slides = dump(build(project / "inputs", parallel=False, cache=False).path)
    texts = {s["title"]: s["texts"] for s in slides}
    notes = {s["title"]: s["notes"] for s in slides}
    quoted = "132\xa0personer"
    assert f"{quoted} i jobafklaring. Udvalget bad om en afdækning af de politiske håndtag i beskæftigelsesindsatsen" \
        in texts["Formålet er at afdække udvalgets handlemuligheder"]
    assert f"Hvorfor er {quoted} i jobafklaring?" in texts["Formålet er at afdække udvalgets handlemuligheder"]
    assert f"Jobafklaring: {quoted}." in notes["Formålet er at afdække udvalgets handlemuligheder"]
    kpi = next(t for title, t in texts.items() if title.startswith("Flere aktivitetsparate i tilbud"))
    assert "Jobparate i tilbud (af 66\xa0personer)" in kpi
    assert f"3. Er {quoted} for mange?" in texts["Til drøftelse – økonomi og effekt"]
    assert f"4. Skal de {quoted} have en plan?" in texts["Udvalget bedes prioritere de næste skridt"]
    recommendations = next(t for title, t in texts.items() if "anbefalinger" in title)
    assert keep_together("Ressourceforløb 166 personer. Sanktioner er harmoniseret fra 1. september 2021") in recommendations
    assert not any("{" in t for s in slides for t in s["texts"])


def test_a_wrong_reference_in_a_slide_is_a_located_error(project):
    _only(project, "formaal")
    _edit(project, "slides/formaal.yaml", "lead: Udvalget bad", "lead: Der er {ydelsesmodtagere | Jobafklaring} "
          "i forløb. Udvalget bad")
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", parallel=False, cache=False)
    assert caught.value.render(project).splitlines() == [
        "inputs/slides/formaal.yaml:4:14: lead: rækken 'Jobafklaring' findes ikke i kolonnen 'målgruppe' i "
        "'ydelsesmodtagere' (mente du 'Jobafklaringsforløb'?) (findes: Kontanthjælp, jobparat; Kontanthjælp, "
        "aktivitetsparat; Uddannelseshjælp i alt; Uddannelseshjælp, aktivitetsparat; Jobafklaringsforløb; "
        "Ressourceforløb)"]


def test_a_scenario_assumption_reads_its_value_from_the_table(project):
    _only(project, "sanktioner-scenarier")
    before = dump(build(project / "inputs", project / "before.pptx", parallel=False, cache=False).path)[0]
    assert keep_together("• Aktivitetsparate kontanthjælpsmodtagere: 165 personer. Kilde: Jobindsats.dk, 3. kvt. 2021") \
        in before["notes"]  # the notes are typeset like the slides (issue 17)
    _edit(project, "data/ydelsesmodtagere.yaml", "    2021K3: 165", "    2021K3: 330")
    after = dump(build(project / "inputs", project / "after.pptx", parallel=False, cache=False).path)[0]
    assert keep_together("• Aktivitetsparate kontanthjælpsmodtagere: 330 personer. Kilde: Jobindsats.dk, 3. kvt. 2021") \
        in after["notes"]
    assert after["tables"] != before["tables"]  # the consequences follow the table


def test_a_scenario_assumption_from_a_missing_row_is_a_located_error(project):
    _only(project, "sanktioner-scenarier")
    _edit(project, "slides/sanktioner-scenarier.yaml", 'målgruppe: "Kontanthjælp, aktivitetsparat"',
          'målgruppe: "Kontanthjælp aktivitetsparat"')
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", parallel=False, cache=False)
    assert caught.value.render(project).splitlines() == [
        "inputs/slides/sanktioner-scenarier.yaml:10:24: assumptions.modtagere.where.målgruppe: værdien 'Kontanthjælp "
        "aktivitetsparat' findes ikke i kolonnen 'målgruppe' (mente du 'Kontanthjælp, aktivitetsparat'?) (findes: "
        "Kontanthjælp, jobparat, Kontanthjælp, aktivitetsparat, Uddannelseshjælp i alt, Uddannelseshjælp, "
        "aktivitetsparat, Jobafklaringsforløb, Ressourceforløb)"]


def test_an_assumption_needs_a_value_or_a_table(project):
    _only(project, "sanktioner-scenarier")
    _edit(project, "slides/sanktioner-scenarier.yaml", "    table: ydelsesmodtagere", "    value: 165\n"
          "    table: ydelsesmodtagere")
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", parallel=False, cache=False)
    assert caught.value.render(project).splitlines() == [
        "inputs/slides/sanktioner-scenarier.yaml:9:5: assumptions.modtagere: angiv enten tallet med 'value' eller "
        "tabellen, det læses i, med 'table' (og 'where', 'column')"]


def test_check_suggests_a_reference_for_a_number_typed_from_a_table_the_slide_uses(project):
    from click.testing import CliRunner

    from briefing.cli import main

    _edit(project, "slides/praktik.yaml", "  For unge på", "  Jobparate i praktik i 2021: 7,6 pct. 1. september, "
          "3. kvt. 2021, 2 forløb.\n  For unge på")
    result = CliRunner().invoke(main, ["check", "--input", str(project / "inputs")])
    assert result.exit_code == 0, result.output
    hints = [line.replace(f"{project}/", "") for line in result.output.splitlines() if "står også i tabellen" in line]
    assert hints == [
        "advarsel: inputs/slides/praktik.yaml:15:8: notes: tallet 7,6 står også i tabellen: skriv {aktivering-andel | "
        "målgruppe=Kontanthjælp, jobparat; tilbud=Virksomhedspraktik i alt | 3. kvt. 2021}, så teksten følger "
        "tabellen, når den opdateres"]


def test_the_example_types_no_number_that_stands_in_its_tables():
    from briefing.facts.typed import typed_numbers
    from tests.conftest import REPO

    project = load(REPO / "inputs")
    assert [p.message for e in project.slides.values() for p in typed_numbers(e, project.tables)] == []


def test_a_reference_to_a_table_in_mio_kr_is_written_in_mio_kr_with_its_decimals(tmp_path):
    """As the table's cells and the chart's labels show it: 1.234,5 mio. kr., not 1,2 mia. kr."""
    from briefing.load.data import load_table
    from briefing.load.source import load_yaml
    from briefing.load.validate import validate
    from briefing.spec.models import TableSpec

    path = tmp_path / "udgifter.yaml"
    path.write_text("title: Udgifter\nsource: Jobindsats.dk\nunit: kr.\nscale: mio.\ndecimals: 1\nrows:\n"
                    "  - ydelse: Sygedagpenge\n    2024: 1.234.500.000\n  - ydelse: Ledighedsydelse\n    2024: 980.000\n",
                    encoding="utf-8")
    doc = load_yaml(path)
    spec, problems = validate(TableSpec, doc)
    assert problems == []
    tables = {"udgifter": load_table("udgifter", spec, doc, tmp_path)}
    assert expand("fra {udgifter | Sygedagpenge} og {udgifter | Ledighedsydelse}", tables) == \
        "fra 1.234,5\xa0mio.\xa0kr. og 1,0\xa0mio.\xa0kr."
