"""All errors of a build in one round: format errors and reference errors (load and plan stage) together, each
message naming only fields the user wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.build import build
from briefing.errors import BriefingError


def _edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "inputs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(project: Path) -> list[str]:
    with pytest.raises(BriefingError) as caught:
        build(project / "inputs", parallel=False, cache=False)
    return caught.value.render(project).splitlines()


RANKING = ("narrative:\n  - rule: rangering\n    noun: andel\n    where: {status: Lønmodtagerbeskæftigelse}\n"
           "    column: Hedensted\n  - rule: rangering\n    noun: andel\n    column: Hedensted\n    where: {status: Lønmodtagerbeskæftigelse}\n"
           "    subject: Kontanthjælp\n")


def test_format_and_reference_errors_come_in_one_round(project):
    _edit(project, "slides/anbefalinger.yaml", "status: løbende", "status: lobende")  # format
    _edit(project, "data/varighed.yaml", "unit: uger", "unit: ugerr")  # format, in a table a slide uses
    _edit(project, "slides/noegletal.yaml", "målgruppe: Kontanthjælp, jobparat", "målgruppe: Kontanthjaelp, jobparat")
    _edit(project, "slides/status-efter-forloeb.yaml", "narrative:\n", RANKING)  # plan-stage references
    assert _errors(project) == [
        "inputs/slides/anbefalinger.yaml:21:13: items[8].status: ugyldig værdi 'lobende' (mente du 'løbende'?) "
        "(tilladte: gennemført, igangsat, løbende, ikke startet)",
        "inputs/data/varighed.yaml:5:7: unit: ukendt enhed 'ugerr' (mente du 'uger'?); kendte: pct., pct.point, antal, "
        "personer, kr., uger, fuldtidspersoner, indeks, eller en tælleenhed som 'forløb' eller 'sanktion/sanktioner'",
        "inputs/slides/noegletal.yaml:19:18: tiles[2].where.målgruppe: værdien 'Kontanthjaelp, jobparat' findes ikke i "
        "kolonnen 'målgruppe' (mente du 'Kontanthjælp, jobparat'?) (findes: Kontanthjælp, jobparat, Kontanthjælp, "
        "aktivitetsparat, Uddannelseshjælp, uddannelsesparat, Uddannelseshjælp, aktivitetsparat, Jobafklaringsforløb, "
        "Ressourceforløb)",
        "inputs/slides/status-efter-forloeb.yaml:13:5: narrative[1]: egen kommune 'Hedensted' er en talkolonne i "
        "'status-efter-forloeb', men en rangering sammenligner rækkerne i én kolonne; brug en tabel med én række pr. "
        "område",
        "inputs/slides/status-efter-forloeb.yaml:21:14: narrative[2].subject: 'Kontanthjælp' findes ikke blandt "
        "rækkerne (mente du 'Kontanthjælp, jobparat'?) (findes: Kontanthjælp, jobparat, Kontanthjælp, aktivitetsparat, "
        "Uddannelseshjælp, Jobafklaringsforløb, Ressourceforløb)",
    ]


def test_a_defaulted_subject_is_not_named_as_a_field(project):
    """A comparison's subject and benchmarks default to the deck's municipality and region: the message says so
    and names the item, not fields the user never wrote."""
    _edit(project, "briefing.yaml", "municipality: Hedensted", "municipality: Vejle")
    errors = [e for e in _errors(project) if "status-efter-forloeb.yaml" in e]
    assert errors[0] == (
        "inputs/slides/status-efter-forloeb.yaml:13:5: narrative[1]: ukendt talkolonne 'Vejle' (findes: RAR Østjylland, "
        "Hedensted) (egen kommune og region fra briefing.yaml, da 'subject' og 'benchmarks' ikke er angivet)")


def test_slide_references_are_checked_when_the_deck_file_itself_is_wrong(project):
    _edit(project, "briefing.yaml", "minutes: 90", "minutes: halvanden time")
    _edit(project, "slides/aktivering.yaml", "table: aktivering-andel", "table: aktivering-andle")
    assert _errors(project) == [
        "inputs/briefing.yaml:11:10: minutes: 'halvanden time' er ikke et tal (skriv fx 76,3)",
        "inputs/slides/aktivering.yaml:7:10: chart.table: ukendt datatabel 'aktivering-andle' (mente du "
        "'aktivering-andel'?) (findes i inputs/data/: aktivering-andel, aktivering-antal, aktivering-kvartal, "
        "aktiveringsberoerte, borgerundersoegelse, loentimer, sanktioner, status-efter-forloeb, udgift-effekt, "
        "udgift-scenarie, varighed, ydelsesmodtagere)",
    ]


def test_a_reference_to_a_table_with_errors_is_not_called_unknown(project):
    _edit(project, "data/ydelsesmodtagere.yaml", "unit: personer", "unit: personner")
    _edit(project, "slides/formaal.yaml", "lead: Udvalget bad", "lead: Der er {ydelsesmodtagere | Fleksjob} i fleksjob. "
          "Udvalget bad")
    errors = _errors(project)
    assert [e for e in errors if "formaal.yaml" in e] == []
    assert errors[0].startswith("inputs/data/ydelsesmodtagere.yaml:5:7: unit: ukendt enhed 'personner' (mente du 'personer'?)")
