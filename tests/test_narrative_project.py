"""Issue 14 through the real CLI: a forecast column that is not in the table, and a project's own
narratives/names.yaml reaching every place a name is written (sentences, alt texts, "Tal bag sætningerne",
key-figure tiles, the drejebog), read back from the built .pptx."""

from __future__ import annotations

from pathlib import Path

import pytest

from .deckdump import dump
from .test_promises import _run as run  # `briefing ARGS` in the project folder

REPO = Path(__file__).resolve().parent.parent
NAME = "hedensted-beskaeftigelse"


# ---------------------------------------------------------------- forecast columns

FORECAST_TABLE = """title: Offentligt forsørgede
source: Jobindsats.dk
unit: personer
forecast: [2025, "2024"]
rows:
  - område: Hedensted
    "2023": 1000
    "2024": 1012
"""


def test_a_forecast_column_that_is_not_in_the_table_is_a_located_message(project):
    data = project / "inputs" / "data"
    (data / "prognose.yaml").write_text(FORECAST_TABLE, encoding="utf-8")
    # '2022K3' names the column '3. kvt. 2022'; a forecast may lie after the meeting (6. december 2021)
    (data / "prognose-kvartal.yaml").write_text(
        FORECAST_TABLE.replace('forecast: [2025, "2024"]', "forecast: [2022K3]").replace('"2023"', "3. kvt. 2021")
        .replace('"2024"', "3. kvt. 2022"), encoding="utf-8")
    result = run(project, "check")
    assert result.exit_code == 1
    assert ("inputs/data/prognose.yaml:4:12: forecast[1]: prognosekolonnen '2025' findes ikke i tabellen "
            "(mente du '2024'?) (talkolonner: 2023, 2024)") in result.output
    assert "forecast[2]" not in result.output  # '2024' is a column
    assert "prognose-kvartal" not in result.output, result.output
    assert "Traceback" not in result.output and "uventet" not in result.output


# ---------------------------------------------------------------- the project's own names

OWN_FORMS = {"Hele landet": "landet som helhed", "RAR Østjylland": "det østjyske RAR-område"}


@pytest.fixture(scope="module")
def own_names(tmp_path_factory):
    """The example with its own narratives/names.yaml (and the shipped phrasebook), built through the CLI."""
    import shutil

    root = tmp_path_factory.mktemp("names")
    for folder in ("inputs", "themes"):
        shutil.copytree(REPO / folder, root / folder)
    text = (REPO / "narratives" / "names.yaml").read_text(encoding="utf-8")
    text = text.replace("    - {name: Hele landet, text: hele landet,", "    - {name: Hele landet, text: landet som helhed,")
    text = text.replace("    - RAR Østjylland\n", "    - {name: RAR Østjylland, text: det østjyske RAR-område}\n")
    assert text.count("landet som helhed") == 1 and text.count("det østjyske RAR-område") == 1
    (root / "narratives").mkdir()
    (root / "narratives" / "names.yaml").write_text(text, encoding="utf-8")
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    slides = dump(root / "output" / f"{NAME}.pptx")
    guide = (root / "output" / f"{NAME}-drejebog.md").read_text(encoding="utf-8")
    return {s["title"]: s for s in slides}, guide


def _flat(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u2011", "-")


def test_own_names_reach_the_sentences(own_names):
    slides, _ = own_names
    sanctions = slides["Hedensted sanktionerer sjældnere end sammenlignelige kommuner"]
    assert ("Hedensted har færrest sanktioner af de seks kommuner og ligger under både det østjyske RAR-område og "
            "landet som helhed") in [_flat(t) for t in sanctions["texts"]]


def test_own_names_reach_the_alt_texts(own_names):
    slides, _ = own_names
    alt = _flat(slides["Hedensted sanktionerer sjældnere end sammenlignelige kommuner"]["alt"][0])
    assert "til sammenligning det østjyske RAR-område 8,9 og landet som helhed 9,6." in alt
    line = _flat(slides["Aktiveringen af aktivitetsparate er steget mere i Hedensted end i regionen"]["alt"][0])
    assert "Pct. for Hedensted, det østjyske RAR-område og landet som helhed fra 3. kvt. 2019 til 3. kvt. 2021" in line
    assert "RAR Østjylland" not in alt + line and "hele landet" not in alt + line


def test_own_names_reach_the_numbers_behind_the_sentences(own_names):
    slides, _ = own_names
    notes = _flat(slides["Aktiveringen af aktivitetsparate er steget mere i Hedensted end i regionen"]["notes"])
    assert ("• Hedensted ligger 20,3 og 23,2 pct.point over henholdsvis det østjyske RAR-område og landet som helhed "
            "i 3. kvt. 2021: Hedensted, 3. kvt. 2021 = 80,6 pct.; Det østjyske RAR-område, 3. kvt. 2021 = 60,3 pct.; "
            "Landet som helhed, 3. kvt. 2021 = 57,4 pct.") in notes


def test_own_names_reach_the_key_figure_tiles(own_names):
    slides, _ = own_names
    tiles = [_flat(t) for t in slides["Flere aktivitetsparate i tilbud, men færre jobparate og længere forløb for unge"]
             ["texts"]]
    assert "▲ 5,7 uger over det østjyske RAR-område" in tiles


def test_own_names_reach_the_drejebog(own_names):
    _, guide = own_names
    assert ("Hedensted har færrest sanktioner af de seks kommuner og ligger under både det østjyske RAR-område og "
            "landet som helhed") in _flat(guide)
    assert "RAR Østjylland og hele landet" not in _flat(guide)


def test_a_broken_own_names_file_is_located_even_with_the_shipped_phrasebook(project):
    (project / "narratives").mkdir()
    (project / "narratives" / "names.yaml").write_text("kinds:\n  kommune: {group: kommuner}\nplaces:\n"
                                                       "  kommune:\n    - {name: Vejle, tekst: Vejle}\n",
                                                       encoding="utf-8")
    result = run(project, "check")
    assert result.exit_code == 1
    assert ("narratives/names.yaml:5:7: places.kommune[1]: ukendt felt 'tekst' (mente du 'text'?) "
            "(tilladte: aliases, genitive, name, text)") in result.output


def test_a_comparison_of_a_bare_count_is_a_located_message_through_the_cli(project):
    slide = project / "inputs" / "slides" / "sanktioner.yaml"
    slide.write_text(slide.read_text(encoding="utf-8").replace(
        "    benchmarks: [RAR Østjylland, Hele landet]\n",
        "    benchmarks: [RAR Østjylland, Hele landet]\n  - rule: sammenligning\n    benchmarks: [RAR Østjylland]\n", 1),
        encoding="utf-8")
    data = project / "inputs" / "data" / "sanktioner.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("Sanktioner pr. 100:", "Antal:"), encoding="utf-8")
    result = run(project, "build")
    assert result.exit_code == 1
    assert result.output.startswith(
        "inputs/slides/sanktioner.yaml:14:5: narrative[2]: tabellens enhed er 'antal', så tallet i sætningen "
        "('ligger 12 over ...') står uden enhed og siger ikke, hvad der tælles; angiv 'measure' med det, der "
        "sammenlignes (fx 'antallet af sanktioner pr. 100 modtagere'), eller giv tabellen en tælleenhed som "
        "'personer', 'forløb' eller 'sanktion/sanktioner'\n"), result.output
    assert not (project / "output").exists() or not any((project / "output").iterdir())


def test_an_own_names_file_with_only_its_changes_keeps_the_shipped_names(tmp_path):
    from briefing.load.names import load_names, over_shipped

    path = tmp_path / "names.yaml"
    path.write_text("kinds:\n  land: {group: områder}\nplaces:\n  land:\n"
                    "    - {name: Hele landet, text: landet som helhed}\n", encoding="utf-8")
    names = over_shipped(load_names(path))
    assert names.running("Hele landet") == "landet som helhed"
    assert names.place("Hele Landet") is None  # the shipped alias went with the entry it changed
    assert names.running("Favrskov") == "Favrskov" and names.genitive("Horsens") == "Horsens'"
    assert names.group(["Favrskov", "Horsens"]) == "kommuner"
