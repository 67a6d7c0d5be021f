"""The phrasebook: the shipped wording loads, and every mistake in a phrasebook file is a located Danish error."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.load.phrasebook import POINT_UNITS, RULES, Phrasebook, load_phrasebook

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "narratives" / "phrasebook.yaml"
QUOTE = '"'
RULE_NAMES = "andel, ekstremer, mål, rangering, sammenligning, scenarie, udvikling"


def test_shipped_phrasebook_loads_with_every_rule_and_variant():
    book = load_phrasebook(SHIPPED)
    assert book.point_unit == "pct.point"
    assert book.path == SHIPPED
    assert {rule: set(variants) for rule, variants in book.templates.items()} == {
        rule: set(variants) for rule, variants in RULES.items()
    }
    assert book.templates["sammenligning"]["over"] == "{subject} ligger {difference} over {benchmark}"


def test_render_fills_placeholders_and_writes_small_numbers_as_words():
    book = load_phrasebook(SHIPPED)
    assert book.render("rangering", "lavest", subject="Hedensted", noun="andel", n=6, group="kommuner", rank=6,
                       others="") == "Hedensted har den laveste andel blandt de seks kommuner"
    assert book.render("rangering", "plads", subject="Hedensted", noun="andel", n=7, group="kommuner", rank=3,
                       others="") == "Hedensted er nr. 3 af 7 kommuner målt på andel"
    assert book.render("rangering", "højest", subject="Vejle", noun="andel", n=13, group="kommuner", rank=1,
                       others="") == "Vejle har den højeste andel blandt de 13 kommuner"


# ---------------------------------------------------------------- broken phrasebooks


def write_book(tmp_path: Path, old: str | None = None, new: str = "") -> tuple[Path, str]:
    """The shipped phrasebook with one line changed, written to tmp_path."""
    text = SHIPPED.read_text(encoding="utf-8")
    if old is not None:
        assert text.count(old) == 1, f"{old!r} står ikke præcis én gang i phrasebook.yaml; testen skal rettes"
        text = text.replace(old, new)
    path = tmp_path / "phrasebook.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def at(text: str, needle: str, offset: int = 0) -> str:
    """'line:column' (1-based) of the first occurrence of `needle`, plus `offset` columns."""
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1 + offset
    return f"{line}:{column}"


def problems(path: Path) -> list[str]:
    with pytest.raises(BriefingError) as info:
        load_phrasebook(path)
    return info.value.render(path.parent).splitlines()


def test_misspelt_placeholder(tmp_path):
    line = '    over: "{subject} ligger {difference} over {benchmark}"'
    path, text = write_book(tmp_path, line, line.replace("{subject}", "{subjekt}"))
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, QUOTE + '{subjekt}')}: rules.sammenligning.over: ukendt pladsholder '{{subjekt}}' "
        "(mente du 'subject'?) (kendte: benchmark, difference, subject, subject_s)"
    ]


def test_placeholder_of_another_variant(tmp_path):
    line = '    niveau: "{subject} ligger på niveau med {benchmark}"'
    path, text = write_book(tmp_path, line, '    niveau: "{subject} ligger {difference} fra {benchmark}"')
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, QUOTE + '{subject} ligger {difference} fra')}: rules.sammenligning.niveau: "
        "ukendt pladsholder '{difference}' (kendte: benchmark, subject, subject_s)"
    ]


def test_missing_variant(tmp_path):
    path, text = write_book(tmp_path, '    niveau: "{subject} ligger på niveau med {benchmark}"\n', "")
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, 'over: ')}: rules.sammenligning: formuleringen 'niveau' mangler"
    ]


def test_unknown_rule(tmp_path):
    path, text = write_book(tmp_path, "  ekstremer:\n", "  ekstremerne:\n")
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, 'rules:')}: rules: formuleringerne til reglen 'ekstremer' mangler",
        f"phrasebook.yaml:{at(text, 'ekstremerne:')}: rules.ekstremerne: ukendt regel 'ekstremerne' "
        f"(mente du 'ekstremer'?) (kendte: {RULE_NAMES})",
    ]


def test_missing_rule(tmp_path):
    old = ('  mål:\n    nået: "Målet på {target} er nået med {value}"\n'
           '    ikke_nået: "Målet på {target} er ikke nået – med {value} er der {gap} til målet"\n')
    path, text = write_book(tmp_path, old, "")
    assert problems(path) == [f"phrasebook.yaml:{at(text, 'rules:')}: rules: formuleringerne til reglen 'mål' mangler"]


def test_unknown_variant(tmp_path):
    line = '    andel: "{part} udgør {share} af {whole}"'
    path, text = write_book(tmp_path, line, line + '\n    anden: "{part} er {share}"')
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, 'anden:')}: rules.andel.anden: ukendt formulering 'anden' (mente du 'andel'?) "
        "(kendte: andel, brøk)"
    ]


def test_unclosed_brace(tmp_path):
    line = '    under: "{subject} ligger {difference} under {benchmark}"'
    path, text = write_book(tmp_path, line, '    under: "{subject} ligger {difference under {benchmark}"')
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, QUOTE + '{subject} ligger {difference under')}: rules.sammenligning.under: "
        "en krøllet parentes er ikke lukket; skriv pladsholdere som {navn}"
    ]


def test_unknown_format(tmp_path):
    line = '    højest: "{subject} har den højeste {noun} blandt de {n:tekst} {group}"'
    path, text = write_book(tmp_path, line, line.replace("{n:tekst}", "{n:ord}"))
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, QUOTE + '{subject} har den højeste')}: rules.rangering.højest: "
        "ukendt format '{n:ord}' (tilladt: {n:tekst})"
    ]


def test_empty_template_is_an_error_not_the_word_none(tmp_path):
    line = '    uændret: "{measure} er stort set uændret fra {from_period} til {to_period} ({to_value})"'
    path, text = write_book(tmp_path, line, "    uændret:")
    assert problems(path) == [f"phrasebook.yaml:{at(text, 'uændret:', 8)}: rules.udvikling.uændret: "
                              "formuleringen er tom; skriv en tekst"]


@pytest.mark.parametrize("unit", ["procent", "pct-point", "%"])
def test_bad_point_unit(tmp_path, unit):
    path, text = write_book(tmp_path, "  point_unit: pct.point", f"  point_unit: '{unit}'")
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, 'point_unit:', 12)}: settings.point_unit: ugyldig enhed '{unit}' "
        "(tilladte: pct.point, procentpoint, pct.-point)"
    ]


def test_misspelt_setting(tmp_path):
    path, text = write_book(tmp_path, "  point_unit: pct.point", "  point_units: procentpoint")
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, 'point_units:')}: settings.point_units: ukendt indstilling 'point_units' "
        "(mente du 'point_unit'?) (kendte: point_unit)"
    ]


def test_no_rules_section(tmp_path):
    path = tmp_path / "phrasebook.yaml"
    path.write_text("settings:\n  point_unit: pct.point\n", encoding="utf-8")
    assert problems(path) == ["phrasebook.yaml:1:1: formuleringsfilen skal have en sektion 'rules:'"]


def test_unknown_top_level_field(tmp_path):
    path, text = write_book(tmp_path, "settings:\n", "indstillinger: {}\nsettings:\n")
    assert problems(path) == [
        f"phrasebook.yaml:{at(text, 'indstillinger:')}: indstillinger: ukendt felt 'indstillinger' "
        "(tilladte: rules, settings)"
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    path, text = write_book(tmp_path, "  point_unit: pct.point", "  point_unit: procent")
    text = text.replace("{benchmark}\"\n    under:", "{benchmarks}\"\n    under:")
    path.write_text(text, encoding="utf-8")
    assert [line.split(": ", 2)[1] for line in problems(path)] == ["settings.point_unit", "rules.sammenligning.over"]


@pytest.mark.parametrize("unit", POINT_UNITS)
def test_point_unit_setting_reaches_the_phrasebook(tmp_path, unit):
    path, _ = write_book(tmp_path, "  point_unit: pct.point", f"  point_unit: {unit}")
    book = load_phrasebook(path)
    assert isinstance(book, Phrasebook)
    assert book.point_unit == unit


def test_procentpoint_phrasebook_writes_its_unit_in_sentences(tmp_path):
    from briefing.facts.narrative.rules import Value, compare

    path, _ = write_book(tmp_path, "  point_unit: pct.point", "  point_unit: procentpoint")
    book = load_phrasebook(path)
    result = compare(Value("Hedensted", 21.1, "pct."), [Value("RAR Østjylland", 16.9, "pct.")], book)
    assert result.text == "Hedensted ligger 4,2\xa0procentpoint over RAR Østjylland"


def test_templates_can_use_the_genitive_of_the_subject(tmp_path):
    from dataclasses import replace

    from briefing.facts.narrative.rules import Value, compare

    book = load_phrasebook(SHIPPED)
    templates = {**book.templates, "sammenligning": {**book.templates["sammenligning"],
                                                     "over": "{subject_s} andel ligger {difference} over {benchmark}"}}
    custom = replace(book, templates=templates)
    for name, expected in [("Hedensted", "Hedensteds"), ("Horsens", "Horsens'"), ("Vejle", "Vejles")]:
        sentence = compare(Value(name, 17.8, "pct."), [Value("RAR Østjylland", 15.7, "pct.")], custom)
        assert sentence.text == f"{expected} andel ligger 2,1\xa0pct.point over RAR Østjylland"


def test_a_phrasebook_from_before_the_bound_rank_words_takes_the_shipped_wording_for_them(tmp_path):
    """A project's own copy written before 'tælleord', 'med_sammenligning' ... still loads, and ranks count nouns
    with the shipped wording, while its own wording of the older variants is kept."""
    import re

    from briefing.load.phrasebook import LATER

    text = SHIPPED.read_text(encoding="utf-8")
    for rule, variants in LATER.items():
        for variant in variants:
            text, count = re.subn(rf"\n    {variant}: .*", "", text)
            assert count == 1, variant
    text = text.replace('højest: "{subject} har den højeste {noun} blandt', 'højest: "{subject} har den største {noun} blandt')
    (tmp_path / "phrasebook.yaml").write_text(text, encoding="utf-8")
    book = load_phrasebook(tmp_path / "phrasebook.yaml")
    assert book.templates["rangering"]["tælleord"] == "{subject} har {superlative} {noun} af de {n:tekst} {group}"
    assert book.templates["rangering"]["højest"].startswith("{subject} har den største")
    assert set(book.templates["rangering"]) == set(RULES["rangering"])
