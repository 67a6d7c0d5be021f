"""`briefing init MAPPE --kommune NAVN`: a blank start that builds, and a new municipality's deck made from it by
editing only YAML."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefing.cli import main
from briefing.danish.fmt import keep_together
from tests.deckdump import dump

KINDS_SHOWN = ["titel", "dagsorden", "nøgletal", "diagram", "punkter", "drøftelse", "anbefalinger", "beslutninger",
               "afslutning"]


def _init(tmp_path: Path, name: str, *extra: str) -> Path:
    target = tmp_path / "nyt"
    result = CliRunner().invoke(main, ["init", str(target), "--kommune", name, *extra])
    assert result.exit_code == 0, result.output
    return target


def _build(target: Path, monkeypatch) -> list[dict]:
    monkeypatch.chdir(target)
    built = CliRunner().invoke(main, ["build"])
    assert built.exit_code == 0, built.output
    assert "advarsel" not in built.output, built.output
    return dump(next((target / "output").glob("*.pptx")))


def test_init_makes_a_blank_project_that_builds(tmp_path, monkeypatch):
    import yaml

    target = _init(tmp_path, "Vejle")
    kinds = [yaml.safe_load(p.read_text(encoding="utf-8"))["kind"] for p in sorted((target / "inputs" / "slides").iterdir())]
    assert sorted(kinds) == sorted(KINDS_SHOWN)
    assert "Vejle" in (target / "README.md").read_text(encoding="utf-8")
    assert (target / "schemas" / "slide.schema.json").is_file()
    slides = _build(target, monkeypatch)
    assert (target / "output" / "vejle-beskaeftigelse.pptx").is_file()
    assert slides[0]["texts"][:2] == ["Beskæftigelsesindsatsen i Vejle", "Status og handlemuligheder"]
    # the template's numbers are example data until replaced, and say so wherever they are shown
    kpi = next(s for s in slides if "1.180\xa0personer" in s["texts"])
    assert "Eksempeldata" in kpi["texts"]
    assert "Fuldtidsledige i Vejle: 1.180\xa0personer" in next(s for s in slides if s["title"] == "Det vigtigste i dag")["texts"]


def test_init_without_a_municipality_says_how(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "nyt")])
    assert result.exit_code == 1
    assert ("angiv kommunens navn med --kommune, fx 'briefing init vejle --kommune Vejle' (eller --eksempel for "
            "Hedensted-eksemplet)") in result.output
    assert not (tmp_path / "nyt").exists()


def test_the_example_stays_available(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "eks"), "--eksempel"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "eks" / "inputs" / "slides" / "sanktioner-scenarier.yaml").is_file()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_new_municipality_builds_its_deck_from_the_blank_start_by_editing_only_yaml(tmp_path, monkeypatch):
    target = _init(tmp_path, "Høje-Taastrup")
    inputs = target / "inputs"
    _edit(inputs / "briefing.yaml", "region: RAR-området", "region: RAR Hovedstaden")
    _edit(inputs / "briefing.yaml", "date: ", "date: 2026-03-02\n# ")
    # the numbers straight in the table's YAML instead of the CSV template
    (inputs / "data" / "ledige.csv").unlink()
    (inputs / "data" / "ledige.yaml").write_text(
        "title: Fuldtidsledige\nsource: Jobindsats.dk\nunit: personer\nrows:\n"
        "  - {område: Høje-Taastrup, 2024K3: 1.412, 2025K3: 1.377}\n"
        "  - {område: RAR Hovedstaden, 2024K3: 38.950, 2025K3: 37.210}\n"
        "  - {område: Hele landet, 2024K3: 98.300, 2025K3: 95.600}\n", encoding="utf-8")
    _edit(inputs / "slides" / "noegletal.yaml", "RAR-området", "RAR Hovedstaden")
    _edit(inputs / "slides" / "anbefalinger.yaml", "      - text: Endnu en anbefaling\n        status: ikke startet\n",
          "      - text: 2. Flere virksomhedsrettede forløb\n        status: ikke startet\n"
          "  - title: Sygedagpenge\n    items:\n      - text: Tidlig opfølgning\n        status: gennemført\n"
          "        note: \"Ledige nu: {ledige | Høje-Taastrup}\"\n")
    _edit(inputs / "slides" / "droeftelse.yaml", "  - Hvilke målgrupper",
          "  - Er {ledige | område=RAR Hovedstaden | 2025K3} ledige i regionen mange?\n  - Hvilke målgrupper")
    slides = _build(target, monkeypatch)
    assert (target / "output" / "hoeje-taastrup-beskaeftigelse.pptx").is_file()
    texts = [t for s in slides for t in s["texts"]]
    assert "Eksempeldata" not in texts
    assert "1.377\xa0personer" in texts and keep_together("▼ 35 personer siden 3. kvt. 2024") in texts
    assert keep_together("Fuldtidsledige i Høje-Taastrup: 1.377 personer") in texts
    assert "2. Er 37.210\xa0personer ledige i regionen mange?" in texts
    recommendations = next(s for s in slides if s["title"] == "Status på anbefalingerne")["texts"]
    assert recommendations[1:12] == ["Ledige", "1.", "Skriv anbefalingen her", "En kort bemærkning i én linje (valgfri)",
                                     "▶ Igangsat", "2.", "Flere virksomhedsrettede forløb", "○ Ikke startet",
                                     "Sygedagpenge", "3.", "Tidlig opfølgning"]
    assert keep_together("Ledige nu: 1.377 personer") in recommendations
