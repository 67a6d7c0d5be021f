"""`briefing init MAPPE --kommune NAVN`: a blank project for a new municipality, written from here (no resource folder).

One slide of each common kind with short Danish comments on what to fill in, the municipality's name and the deck
name set, a data table shaped like a jobindsats.dk export (areas as rows, quarters as columns, `;` and decimal
comma) marked as example data until real numbers replace it, and a README saying what to do next.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

SCHEMA = "# yaml-language-server: $schema=../../schemas/{}.schema.json\n"
REGION, COUNTRY = "RAR-området", "Hele landet"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one), so any name is safe."""
    return json.dumps(text, ensure_ascii=False)


def blank_files(municipality: str, today: dt.date | None = None) -> dict[str, str]:
    """The files of a blank project, by path relative to the project folder."""
    from briefing.load.project import slug

    today = today or dt.date.today()
    first, last = f"{today.year - 2}K3", f"{today.year - 1}K3"
    m = _q(municipality)
    files = {
        "inputs/briefing.yaml": f"""# yaml-language-server: $schema=../schemas/briefing.schema.json
# Præsentationen som helhed. Ret titel, møde og dato; rækkefølgen af slides styres af 'sections'.
# Hver slide er en fil i inputs/slides/ (skriv filnavnet uden .yaml i 'slides').

title: {_q(f"Beskæftigelsesindsatsen i {municipality}")}
subtitle: Status og handlemuligheder        # undertitel på forsiden
municipality: {m}                          # egen kommune: fremhæves i diagrammer og sætninger
meeting: Udvalget for Beskæftigelse         # mødet, der vises på forsiden
date: {today.isoformat()}                          # mødedato: ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ
start: "16.00"                              # starttidspunkt: dagsordenen får klokkeslæt
minutes: 60                                 # mødets samlede tid i minutter
author: {_q(f"Jobcenter {municipality}")}
name: {slug(municipality)}-beskaeftigelse          # filnavnet i output/ (uden .pptx)

comparison:
  region: {REGION}        # ret til jeres RAR-område, fx 'RAR Østjylland' (samme navn som i datatabellen)
  country: {COUNTRY}

sections:
  - title: Velkomst
    divider: false
    slides: [forside, dagsorden]
  - label: Del 1
    title: Status på indsatsen
    intro: Hvor står vi, og hvordan ligger vi i forhold til regionen?
    slides: [noegletal, udvikling, punkter, droeftelse]
  - label: Afrunding
    title: Anbefalinger og næste skridt
    slides: [anbefalinger, beslutninger, afslutning]
""",
        "inputs/data/ledige.yaml": SCHEMA.format("table") + """# EKSEMPELDATA: erstat tallene i ledige.csv med jeres eget udtræk fra Jobindsats.dk
# (eller hent et nyt med 'briefing import FIL'), og slet så linjen 'example: ja'.
title: Fuldtidsledige
source: Jobindsats.dk
unit: personer          # pct., pct.point, antal, personer, kr. eller uger
file: ledige.csv        # én række pr. område, én kolonne pr. kvartal
example: ja             # viser 'Eksempeldata' på sliderne, indtil tallene er rigtige
""",
        "inputs/data/ledige.csv": f"""område;{first};{last}
{municipality};1.250;1.180
{REGION};21.400;20.100
{COUNTRY};98.300;95.600
""",
        "inputs/slides/forside.yaml": SCHEMA.format("slide") + """# Forsiden viser titel, undertitel, møde og dato fra briefing.yaml.
kind: titel
notes: Velkommen. Fortæl kort, hvad mødet skal føre til.
""",
        "inputs/slides/dagsorden.yaml": SCHEMA.format("slide") + """# Dagsordenen laves automatisk ud fra afsnittene i briefing.yaml.
kind: dagsorden
notes: Gennemgå kort programmet.
""",
        "inputs/slides/noegletal.yaml": SCHEMA.format("slide") + f"""# Nøgletal læses i datatabellerne, så hvert tal kun står ét sted.
kind: nøgletal
title: Færre ledige end sidste år            # skriv budskabet som en sætning
tiles:
  - label: Fuldtidsledige i {municipality}
    table: ledige                  # tabellen i inputs/data/
    where: {{område: {m}}}          # rækken
    column: {last}                 # kolonnen (standard: den sidste)
    compare:
      column: {first}              # "▼ 70 personer siden 3. kvt. {today.year - 2}"
  - label: Fuldtidsledige i {REGION}
    table: ledige
    where: {{område: {REGION}}}
""",
        "inputs/slides/udvikling.yaml": SCHEMA.format("slide") + f"""# Et diagram over en datatabel; 'narrative' skriver sætninger ud fra tallene.
kind: diagram
title: Ledigheden er faldet                  # budskabet
chart:
  kind: søjle                     # søjle, rangering, linje, stablet, kvadrant eller vandfald
  table: ledige
  categories: område
  where: {{område: {m}}}
narrative:
  - rule: udvikling               # "Antallet ... er faldet fra ... til ..."
    measure: antallet af fuldtidsledige i {municipality}
    where: {{område: {m}}}
notes: |
  Skriv her, hvad oplægsholderen skal sige. Et tal fra en tabel skrives som en henvisning,
  fx {{ledige | {municipality} | {last}}}, så det følger med, når tabellen opdateres.
""",
        "inputs/slides/punkter.yaml": SCHEMA.format("slide") + f"""# Punkter med evt. underpunkter.
kind: punkter
title: Det vigtigste i dag
bullets:
  - {_q(f"Fuldtidsledige i {municipality}: {{ledige | {municipality}}}")}   # en henvisning til tabellen
  - text: Skriv et punkt pr. linje
    sub: [Underpunkter skrives sådan]
source: Skriv kilden her, eller slet linjen
""",
        "inputs/slides/droeftelse.yaml": SCHEMA.format("slide") + """# Spørgsmål til udvalget (højst 6).
kind: drøftelse
questions:
  - Hvad skal udvalget drøfte? Skriv ét spørgsmål pr. linje
  - Hvilke målgrupper skal have mest opmærksomhed?
""",
        "inputs/slides/anbefalinger.yaml": SCHEMA.format("slide") + """# Anbefalinger nummereres automatisk. Status: gennemført, igangsat, løbende eller ikke startet.
# 'note' vises under anbefalingen og i noterne; 'groups' samler dem under en overskrift pr. område.
kind: anbefalinger
title: Status på anbefalingerne
groups:
  - title: Ledige
    items:
      - text: Skriv anbefalingen her
        status: igangsat
        note: En kort bemærkning i én linje (valgfri)
      - text: Endnu en anbefaling
        status: ikke startet
""",
        "inputs/slides/beslutninger.yaml": SCHEMA.format("slide") + """# Det, udvalget bedes tage stilling til (højst 6).
kind: beslutninger
decisions:
  - Skriv et beslutningspunkt pr. linje
""",
        "inputs/slides/afslutning.yaml": SCHEMA.format("slide") + f"""kind: afslutning
title: Tak for i dag
bullets:
  - Næste skridt
contact: {_q(f"Jobcenter {municipality}")}
""",
        "README.md": f"""# Briefing for {municipality}

Et nyt projekt med én slide af hver almindelig slags. Sådan kommer du videre:

1. Ret titel, mødedato og RAR-område i `inputs/briefing.yaml`.
2. Læg jeres tal ind: erstat `inputs/data/ledige.csv` med et udtræk fra Jobindsats.dk
   (`briefing import FIL` laver en ny datatabel), og slet `example: ja` i `inputs/data/ledige.yaml`.
3. Skriv budskaber, punkter og spørgsmål i filerne i `inputs/slides/` (kommentarerne siger, hvad der skal stå).
   Et tal fra en tabel skrives som en henvisning, `{{ledige | {municipality} | {last}}}`, ikke som en kopi.
   Starter en tekst med en henvisning, så sæt hele teksten i anførselstegn.
4. Kør `briefing check`: alle fejl vises på én gang med fil, linje og felt.
5. Kør `briefing build`: præsentationen ligger i `output/`.

Slides, du ikke skal bruge, fjernes fra `sections` i `inputs/briefing.yaml` (og filen slettes).
""",
        ".gitignore": "output/\n",
    }
    return files


def create_blank(target: Path, municipality: str) -> None:
    """Write the blank project into `target` (an empty or new folder)."""
    from briefing.errors import Location, fail

    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise fail("mappen findes allerede og er ikke tom; vælg en ny mappe", Location(target))
    if not municipality.strip():
        raise fail("angiv kommunens navn med --kommune, fx 'briefing init vejle --kommune Vejle' "
                   "(eller --eksempel for Hedensted-eksemplet)")
    for relative, text in blank_files(municipality).items():
        path = Path(target) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (Path(target) / "output").mkdir(exist_ok=True)
