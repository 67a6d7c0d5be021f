"""A generated briefing project with one deck per Danish municipality, for the batch benchmark.

Three data tables have one row per municipality (all 98) plus the five regions and
the whole country; three ranking charts with narrative rules show them. The numbers
are made up (seeded, so every run builds the same decks); the names are real.
"""

from __future__ import annotations

import random
from pathlib import Path

REGIONS = {
    "Region Hovedstaden": [
        "København", "Frederiksberg", "Albertslund", "Ballerup", "Brøndby", "Dragør", "Gentofte", "Gladsaxe",
        "Glostrup", "Herlev", "Hvidovre", "Høje-Taastrup", "Ishøj", "Lyngby-Taarbæk", "Rødovre", "Tårnby",
        "Vallensbæk", "Allerød", "Egedal", "Fredensborg", "Frederikssund", "Furesø", "Gribskov", "Halsnæs",
        "Helsingør", "Hillerød", "Hørsholm", "Rudersdal", "Bornholm"],
    "Region Sjælland": [
        "Greve", "Køge", "Lejre", "Roskilde", "Solrød", "Faxe", "Guldborgsund", "Holbæk", "Kalundborg", "Lolland",
        "Næstved", "Odsherred", "Ringsted", "Slagelse", "Sorø", "Stevns", "Vordingborg"],
    "Region Syddanmark": [
        "Assens", "Faaborg-Midtfyn", "Kerteminde", "Langeland", "Middelfart", "Nordfyns", "Nyborg", "Odense",
        "Svendborg", "Ærø", "Billund", "Esbjerg", "Fanø", "Fredericia", "Haderslev", "Kolding", "Sønderborg", "Tønder",
        "Varde", "Vejen", "Vejle", "Aabenraa"],
    "Region Midtjylland": [
        "Favrskov", "Hedensted", "Horsens", "Norddjurs", "Odder", "Randers", "Samsø", "Silkeborg", "Skanderborg",
        "Syddjurs", "Aarhus", "Herning", "Holstebro", "Ikast-Brande", "Lemvig", "Ringkøbing-Skjern", "Skive", "Struer",
        "Viborg"],
    "Region Nordjylland": [
        "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord", "Morsø", "Rebild",
        "Thisted", "Vesthimmerlands", "Aalborg"],
}
MUNICIPALITIES = [name for names in REGIONS.values() for name in names]
COUNTRY = "Hele landet"
OWN = "Hedensted"
REGION = "Region Midtjylland"
assert len(MUNICIPALITIES) == 98 and len(set(MUNICIPALITIES)) == 98

PLACES = ", ".join(f'"{name}"' for name in [*REGIONS, COUNTRY])


def _quoted(names) -> str:
    return "[" + ", ".join(f'"{name}"' for name in names) + "]"


DECK = f"""\
title: Beskæftigelsen i {OWN}
subtitle: {OWN} sammenlignet med alle landets kommuner
municipality: {OWN}
meeting: Udvalget for Beskæftigelse
date: 2022-03-07
start: "16.00"
minutes: 45
name: {OWN.lower()}-benchmark
appendix: nej
comparison:
  region: {REGION}
  country: {COUNTRY}
municipalities: {_quoted(MUNICIPALITIES)}
sections:
  - title: Velkomst
    minutes: 5
    divider: nej
    slides: [forside, formaal]
  - label: Del 1
    title: Kommunen blandt landets 98 kommuner
    minutes: 35
    slides: [sanktioner, aktivering, ledighed]
  - title: Afrunding
    minutes: 5
    divider: nej
    slides: [afslutning]
"""

SLIDES = {
    "forside": "kind: titel\n",
    "formaal": """\
kind: punkter
title: Formålet er at se kommunen i forhold til resten af landet
lead: Tre nøgletal for alle 98 kommuner
bullets:
  - Hvor ofte sanktionerer vi?
  - Hvor mange er i tilbud?
  - Hvor mange er ledige?
""",
    "sanktioner": f"""\
kind: diagram
title: Sanktioner pr. 100 modtagere af kontanthjælp
chart:
  kind: rangering
  table: sanktioner
  categories: kommune
  axis: Sanktioner pr. 100 modtagere
narrative:
  - rule: rangering
    noun: sanktionsrate
    exclude: [{PLACES}]
  - rule: sammenligning
    measure: sanktionsraten i {OWN}
""",
    "aktivering": f"""\
kind: diagram
title: Andel aktiverede kontanthjælpsmodtagere
chart:
  kind: rangering
  table: aktivering
  categories: kommune
  value: 2021K3
narrative:
  - rule: rangering
    noun: aktiveringsgrad
    exclude: [{PLACES}]
  - rule: sammenligning
    column: 2021K3
""",
    "ledighed": f"""\
kind: diagram
title: Ledigheden i pct. af arbejdsstyrken
chart:
  kind: rangering
  table: ledighed
  categories: kommune
  order: stigende
narrative:
  - rule: rangering
    noun: ledighed
    exclude: [{PLACES}]
  - rule: sammenligning
""",
    "afslutning": """\
kind: afslutning
title: Tak for dialogen
bullets:
  - Forvaltningen følger op på tallene næste år
""",
}


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _table(title: str, source: str, unit: str, columns: list[str], low: float, high: float, rng) -> str:
    """One row per municipality, then the regions and the country as the averages of their municipalities."""
    values = {name: [rng.uniform(low, high) for _ in columns] for name in MUNICIPALITIES}
    for region, names in REGIONS.items():
        values[region] = [sum(values[n][i] for n in names) / len(names) for i in range(len(columns))]
    values[COUNTRY] = [sum(values[n][i] for n in MUNICIPALITIES) / len(MUNICIPALITIES) for i in range(len(columns))]
    lines = [f"title: {title}", f"source: {source}"] + (['period: "2021"'] if columns == ["2021"] else []) + [
        f"unit: {unit}", "decimals: 1", "example: true", "rows:"]
    for place, row in values.items():
        lines.append(f'  - kommune: "{place}"')
        lines += [f'    "{column}": {_number(value)}' for column, value in zip(columns, row)]
    return "\n".join(lines) + "\n"


def make_project(root: Path) -> Path:
    """Write the project under `root` (inputs/ with deck, slides and data); return the inputs folder."""
    rng = random.Random(98)
    inputs = Path(root) / "inputs"
    (inputs / "slides").mkdir(parents=True)
    (inputs / "data").mkdir()
    (inputs / "briefing.yaml").write_text(DECK, encoding="utf-8")
    for name, text in SLIDES.items():
        (inputs / "slides" / f"{name}.yaml").write_text(text, encoding="utf-8")
    tables = {
        "sanktioner": ("Sanktioner pr. 100 modtagere af kontanthjælp", "STAR (genererede tal)", "antal", ["2021"],
                       4.0, 14.0),
        "aktivering": ("Andel aktiverede kontanthjælpsmodtagere", "Jobindsats.dk (genererede tal)", "pct.",
                       ["2019K3", "2021K3"], 30.0, 85.0),
        "ledighed": ("Ledighed i pct. af arbejdsstyrken", "Danmarks Statistik (genererede tal)", "pct.", ["2021"],
                     1.5, 6.5),
    }
    for name, (title, source, unit, columns, low, high) in tables.items():
        text = _table(title, source, unit, columns, low, high, rng)
        (inputs / "data" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return inputs
