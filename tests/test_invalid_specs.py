"""Broken inputs: every mistake staff can make in the YAML gets a located Danish message.

Each case copies the example project (inputs/ and themes/) into a temporary folder,
breaks one thing (or several, for the "all errors together" case), runs
`briefing build` in-process and checks the promise to the user:

- exit code 1 (2 would mean "uventet fejl", i.e. a bug in briefing);
- exactly the expected `file:line:column: field: message` lines, all shown together;
- never a Python traceback, and no deck written.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefing.cli import main
from briefing.errors import BriefingError

ROOT = Path(__file__).resolve().parent.parent
DECK = "inputs/briefing.yaml"
DECK_OUTPUT = "output/hedensted-beskaeftigelse.pptx"

Mutation = Callable[[Path], None]


# ---------------------------------------------------------------- mutations


def replace(rel: str, old: str, new: str) -> Mutation:
    """Replace the first occurrence of `old` in one file; the case fails loudly if `old` is not there."""

    def mutate(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel} indeholder ikke {old!r}; testen skal rettes"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def write(rel: str, content: str | bytes) -> Mutation:
    """Write a file (new or replacing one); bytes are written as they are."""

    def mutate(root: Path) -> None:
        path = root / rel
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return mutate


def delete(rel: str) -> Mutation:
    def mutate(root: Path) -> None:
        (root / rel).unlink()

    return mutate


def bom_and_crlf(rel: str) -> Mutation:
    """Save a file as Windows Notepad does: UTF-8 with a byte order mark and CRLF line endings."""

    def mutate(root: Path) -> None:
        path = root / rel
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))

    return mutate


def combined(*mutations: Mutation) -> Mutation:
    def mutate(root: Path) -> None:
        for mutation in mutations:
            mutation(root)

    return mutate


# ---------------------------------------------------------------- expected lines


@dataclass(frozen=True)
class At:
    """An expected problem line placed where `needle` stands in the broken file.

    A '|' in the needle marks the column meant; without one it is the needle's first
    character. Finding the place in the file keeps the cases readable and correct when
    lines are added to the example project, while the line is still compared in full.
    """

    file: str
    needle: str
    message: str

    def render(self, root: Path) -> str:
        text = (root / self.file).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        before, bar, after = self.needle.partition("|")
        if not bar:
            before, after = "", self.needle
        assert before + after in text, f"{self.file} indeholder ikke {before + after!r}; testen skal rettes"
        index = text.index(before + after) + len(before)
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return f"{self.file}:{line}:{column}: {self.message}"


Expected = str | At


def _names(items) -> str:
    """Allowed values the way messages list them: sorted and comma separated."""
    return ", ".join(sorted(str(item) for item in items))


# Written out, not read from the models: a kind or field that disappears must make these tests fail.
SLIDE_KINDS = "afslutning, anbefalinger, beslutninger, dagsorden, diagram, drøftelse, nøgletal, punkter, scenarie, tabel, titel"
CHART_KINDS = "kvadrant, linje, rangering, stablet, søjle, vandfald"
BULLETS_FIELDS = "bullets, example, kind, lead, minutes, notes, question, source, title"
DISCUSSION_FIELDS = "example, kind, minutes, notes, question, questions, title"
BAR_CHART_FIELDS = "axis, categories, kind, labels, series, table, where"
SLIDE_NAMES = _names(p.stem for p in (ROOT / "inputs" / "slides").glob("*.yaml"))
TABLE_NAMES = _names(p.stem for p in (ROOT / "inputs" / "data").glob("*.yaml"))
OTHER_CSV_FILES = _names(p.name for p in (ROOT / "inputs" / "data").glob("*.csv") if p.name != "aktivering-andel.csv")

FORMAAL = "inputs/slides/formaal.yaml"
AKTIVERING = "inputs/slides/aktivering.yaml"
ANDEL_CSV = "inputs/data/aktivering-andel.csv"
ANDEL = "inputs/data/aktivering-andel.yaml"
BEROERTE = "inputs/data/aktiveringsberoerte.yaml"
YDELSER = "inputs/data/ydelsesmodtagere.yaml"
VARIGHED = "inputs/data/varighed.yaml"
THEME = "themes/default.yaml"
FORMAAL_TITLE = "title: Formålet er at afdække udvalgets handlemuligheder"

# "Billion laughs": nine levels, each a list of nine references to the level below.
ALIAS_BOMB = "a0: &a0 [ha]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)
)


# ---------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Mutation
    expected: tuple[Expected, ...]


CASES = [
    # --- YAML syntax
    Case(
        "yaml-tab-in-indentation",
        replace(FORMAAL, "  - Bruges", "\t- Bruges"),
        (At(FORMAAL, "\t- Bruges", "YAML-fejl: tabulatortegn er ikke tilladt i YAML; brug mellemrum til indrykning"),),
    ),
    Case(
        "yaml-bad-indentation",
        replace(DECK, "    minutes: 20\n    slides: [sanktioner", "    minutes: 20\n   slides: [sanktioner"),
        (At(DECK, "|slides: [sanktioner", "YAML-fejl: forkert indrykning; linjer på samme niveau skal starte i samme kolonne"),),
    ),
    Case(
        # YAML itself accepts this and silently glues the item onto the one above.
        "yaml-list-item-indented-too-far",
        replace(FORMAAL, "  - Får borgerne", "   - Får borgerne"),
        (
            At(FORMAAL, "|- Får borgerne", "forkert indrykning i listen: punktet er rykket længere ind end punktet over "
               "og bliver læst som en del af det; hvert punkt skal starte med '- ' i samme kolonne"),
        ),
    ),
    Case(
        "yaml-colon-in-unquoted-text",
        replace(FORMAAL, "lead: Udvalget bad om en", "lead: Udvalget bad om: en"),
        (
            At(FORMAAL, "bad om|: en", "YAML-fejl: kolon et uventet sted; sæt teksten i anførselstegn, "
               "hvis den indeholder ': ', eller ret indrykningen"),
        ),
    ),
    Case(
        "yaml-reference-first-in-a-text",
        replace(FORMAAL, "lead: Udvalget bad om en afdækning af de politiske håndtag i beskæftigelsesindsatsen",
                "lead: {ydelsesmodtagere | Jobafklaringsforløb} er i jobafklaring"),
        (At(FORMAAL, "lead: |{ydelses", "YAML-fejl: teksten begynder med en henvisning { … }, som YAML læser som en "
            "sektion; sæt hele teksten i anførselstegn, fx \"{ledige | Hedensted} er ledige\""),),
    ),
    Case(
        "yaml-reference-alone-as-a-text",
        replace(FORMAAL, "lead: Udvalget bad om en afdækning af de politiske håndtag i beskæftigelsesindsatsen",
                "lead: {ydelsesmodtagere | Jobafklaringsforløb}"),
        (At(FORMAAL, "lead: |{ydelses", "lead: skal være tekst, ikke en sektion: YAML læser en tekst, der begynder "
            "med {, som en sektion; sæt henvisningen i anførselstegn, fx \"{ledige | Hedensted}\""),),
    ),
    Case(
        "yaml-unclosed-quote",
        replace(DECK, 'start: "16.00"', 'start: "16.00'),
        (At(DECK, 'start: |"16.00', "YAML-fejl: anførselstegnet lukkes aldrig; tilføj det afsluttende anførselstegn"),),
    ),
    Case(
        "yaml-duplicate-key",
        replace(FORMAAL, "lead:", "title: Endnu en titel\nlead:"),
        (At(FORMAAL, "title: Endnu", "nøglen 'title' står to gange (første gang i linje 3); slet den ene"),),
    ),
    Case(
        "empty-slide-file",
        write("inputs/slides/ny.yaml", ""),
        ("inputs/slides/ny.yaml:1:1: filen er tom",),
    ),
    Case(
        "slide-file-with-only-comments",
        write("inputs/slides/ny.yaml", "# Her skal den nye slide stå\n"),
        ("inputs/slides/ny.yaml:1:1: filen er tom",),
    ),
    # --- slide kinds and keys
    Case(
        "unknown-slide-kind",
        replace(FORMAAL, "kind: punkter", "kind: punkt"),
        (At(FORMAAL, "kind: |punkt", f"kind: ukendt slidetype 'punkt' (mente du 'punkter'?) (kendte: {SLIDE_KINDS})"),),
    ),
    Case(
        "slide-kind-without-danish-letter",
        replace("inputs/slides/del1-droeftelse.yaml", "kind: drøftelse", "kind: droeftelse"),
        (
            At("inputs/slides/del1-droeftelse.yaml", "kind: |droeftelse",
               f"kind: ukendt slidetype 'droeftelse' (mente du 'drøftelse'?) (kendte: {SLIDE_KINDS})"),
        ),
    ),
    Case(
        "missing-slide-kind",
        replace(FORMAAL, "kind: punkter\n", ""),
        (At(FORMAAL, "title:", f"kind: feltet mangler; angiv en slidetype (kendte: {SLIDE_KINDS})"),),
    ),
    Case(
        "unknown-chart-kind",
        replace(AKTIVERING, "kind: søjle", "kind: søjle2"),
        (At(AKTIVERING, "kind: |søjle2", f"chart.kind: ukendt diagramtype 'søjle2' (mente du 'søjle'?) (kendte: {CHART_KINDS})"),),
    ),
    Case(
        "unknown-top-level-key",
        replace(FORMAAL, "lead:", "leed:"),
        (At(FORMAAL, "leed:", f"leed: ukendt felt 'leed' (mente du 'lead'?) (tilladte: {BULLETS_FIELDS})"),),
    ),
    Case(
        "unknown-key-in-chart",
        replace(AKTIVERING, "  series:", "  serie:"),
        (At(AKTIVERING, "serie:", f"chart.serie: ukendt felt 'serie' (mente du 'series'?) (tilladte: {BAR_CHART_FIELDS})"),),
    ),
    # --- required fields and types
    Case(
        "missing-title-in-punkter",
        replace(FORMAAL, FORMAAL_TITLE + "\n", ""),
        (At(FORMAAL, "kind:", "title: feltet mangler og skal udfyldes"),),
    ),
    Case(
        "missing-questions-in-droeftelse",
        write("inputs/slides/del3-droeftelse.yaml", "kind: drøftelse\ntitle: Til drøftelse\n"),
        ("inputs/slides/del3-droeftelse.yaml:1:1: questions: feltet mangler og skal udfyldes",),
    ),
    Case(
        "questions-key-in-danish",
        replace("inputs/slides/del3-droeftelse.yaml", "questions:", "spørgsmål:"),
        (
            At("inputs/slides/del3-droeftelse.yaml", "kind:", "questions: feltet mangler og skal udfyldes"),
            At("inputs/slides/del3-droeftelse.yaml", "spørgsmål:",
               f"spørgsmål: ukendt felt 'spørgsmål' (tilladte: {DISCUSSION_FIELDS})"),
        ),
    ),
    Case(
        "text-where-list-expected",
        write("inputs/slides/del3-droeftelse.yaml", "kind: drøftelse\nquestions: Hvad vil udvalget følge?\n"),
        ("inputs/slides/del3-droeftelse.yaml:2:12: questions: skal være en liste (en linje pr. punkt, der starter med '- ')",),
    ),
    Case(
        "list-where-text-expected",
        replace(FORMAAL, FORMAAL_TITLE, "title:\n  - Formålet\n  - Handlemulighederne"),
        (At(FORMAAL, "  |- Formålet", "title: skal være tekst, ikke en liste"),),
    ),
    Case(
        "yes-no-where-text-expected",  # a number such as 2021 is read as the text written (tests/test_numbers.py)
        replace(FORMAAL, FORMAAL_TITLE, "title: yes"),
        (At(FORMAAL, "title: |yes", "title: skal være tekst; sæt værdien i anførselstegn"),),
    ),
    Case(
        "empty-bullet",
        replace(FORMAAL, "  - Bruges", "  -\n  - Bruges"),
        (At(FORMAAL, "  -|\n", "bullets[1]: må ikke være tom"),),
    ),
    Case(
        "unknown-recommendation-status",
        replace("inputs/slides/anbefalinger.yaml", "status: løbende", "status: lobende"),
        (
            At("inputs/slides/anbefalinger.yaml", "status: |lobende",
               "items[8].status: ugyldig værdi 'lobende' (mente du 'løbende'?) "
               "(tilladte: gennemført, igangsat, løbende, ikke startet)"),
        ),
    ),
    # --- deck file
    Case(
        "deck-minutes-in-words",
        replace(DECK, "minutes: 90", "minutes: halvfems"),
        (At(DECK, "minutes: |halvfems", "minutes: 'halvfems' er ikke et tal (skriv fx 76,3)"),),
    ),
    Case(
        "deck-date-month-first",
        replace(DECK, "date: 2021-12-06", "date: 12/31/2021"),
        (At(DECK, "date: |12/31/2021", "date: der er ingen måned 31 (dagen skrives først: 14-01-2026), så "
                                        "'12/31/2021' er ikke en dato"),),
    ),
    Case(
        "deck-date-not-a-date",
        replace(DECK, "date: 2021-12-06", "date: næste mandag"),
        (At(DECK, "date: |næste mandag", "date: skal være en dato som 2021-11-29 eller 29-11-2021, ikke "
                                          "'næste mandag'"),),
    ),
    Case(
        "deck-date-that-does-not-exist",
        replace(DECK, "date: 2021-12-06", "date: 2021-02-30"),
        (At(DECK, "date: |2021-02-30", "date: '2021-02-30' er ikke en dato, der findes; skriv fx 2026-01-14 eller "
                                        "14-01-2026"),),
    ),
    Case(
        "deck-start-not-a-time",
        replace(DECK, 'start: "16.00"', 'start: "25.00"'),
        (At(DECK, 'start: |"25.00"', "start: skal være et klokkeslæt som '16.00', ikke '25.00'"),),
    ),
    Case(
        "deck-names-missing-slide",
        replace(DECK, "[aktivering, praktik,", "[aktivering, praktikk,"),
        (
            At(DECK, "|praktikk", "sections[2].slides[2]: sliden 'praktikk' findes ikke i inputs/slides/ "
               f"(mente du 'praktik'?) (findes: {SLIDE_NAMES})"),
        ),
    ),
    Case(
        "deck-uses-slide-twice",
        replace(DECK, "slides: [sanktioner,", "slides: [praktik, sanktioner,"),
        (
            At(DECK, "[|praktik, sanktioner", "sections[3].slides[1]: sliden 'praktik' er allerede brugt i sections[2]; "
               "en slide kan kun bruges én gang"),
        ),
    ),
    Case(
        "deck-unknown-theme",
        replace(DECK, "theme: default", "theme: defualt"),
        (At(DECK, "theme: |defualt", "theme: ukendt tema 'defualt' (mente du 'default'?) (findes: default)"),),
    ),
    Case(
        "deck-file-missing",
        delete(DECK),
        ("inputs: mappen indeholder ingen briefing.yaml; angiv projektets inputs-mappe med --input",),
    ),
    # --- references from slides to data
    Case(
        "chart-unknown-table",
        replace(AKTIVERING, "table: aktivering-andel", "table: aktivering-andell"),
        (
            At(AKTIVERING, "table: |aktivering-andell", "chart.table: ukendt datatabel 'aktivering-andell' "
               f"(mente du 'aktivering-andel'?) (findes i inputs/data/: {TABLE_NAMES})"),
        ),
    ),
    Case(
        "chart-unknown-series",
        replace(AKTIVERING, "[2019K3, 2021K3]", "[2019K3, 2022K3]"),
        (
            At(AKTIVERING, "|2022K3", "chart.series[2]: ukendt serie '2022K3' "
               "(talkolonner i 'aktivering-andel': 3. kvt. 2019, 3. kvt. 2021)"),
        ),
    ),
    Case(
        "chart-unknown-where-value",
        replace(AKTIVERING, "tilbud: Tilbud i alt", "tilbud: Tilbud ialt"),
        (
            At(AKTIVERING, "tilbud: |Tilbud ialt", "chart.where.tilbud: værdien 'Tilbud ialt' findes ikke i kolonnen "
               "'tilbud' (mente du 'Tilbud i alt'?) (findes: Tilbud i alt, Vejledning og opkvalificering i alt, "
               "Virksomhedspraktik i alt)"),
        ),
    ),
    Case(
        "chart-unknown-where-column",
        replace(AKTIVERING, "tilbud: Tilbud i alt", "tilbudd: Tilbud i alt"),
        (
            At(AKTIVERING, "tilbudd: |Tilbud i alt", "chart.where.tilbudd: ukendt tekstkolonne 'tilbudd' "
               "(mente du 'tilbud'?) (tekstkolonner i 'aktivering-andel': målgruppe, tilbud)"),
        ),
    ),
    Case(
        "chart-unknown-categories-column",
        replace(AKTIVERING, "categories: målgruppe", "categories: malgruppe"),
        (
            At(AKTIVERING, "categories: |malgruppe", "chart.categories: ukendt tekstkolonne 'malgruppe' "
               "(mente du 'målgruppe'?) (tekstkolonner i 'aktivering-andel': målgruppe, tilbud)"),
        ),
    ),
    Case(
        "table-slide-unknown-column",
        replace("inputs/slides/ydelsesmodtagere.yaml", "table: ydelsesmodtagere\n",
                "table: ydelsesmodtagere\ncolumns: [målgruppe, 2019K4]\n"),
        (
            At("inputs/slides/ydelsesmodtagere.yaml", "|2019K4",
               "columns[2]: ukendt kolonne '2019K4' (mente du '2019K3'?) (findes: målgruppe, 2019K3, 2021K3)"),
        ),
    ),
    # --- data tables
    Case(
        "data-cell-not-a-number",
        replace(YDELSER, "2019K3: 76", "2019K3: abc"),
        (At(YDELSER, "2019K3: |abc", "2019K3: 'abc' er ikke et tal (skriv fx 76,3)"),),
    ),
    Case(
        "data-decimal-point",
        replace(BEROERTE, "2019K3: 71,1", "2019K3: 71.1"),
        (At(BEROERTE, "2019K3: |71.1", "2019K3: '71.1': brug decimalkomma, fx 71,1 (punktum bruges til tusinder)"),),
    ),
    Case(
        "data-share-over-100",
        replace(BEROERTE, "2021K3: 53,0", "2021K3: 153,0"),
        (At(BEROERTE, "2021K3: |153,0", "2021K3: en andel i pct. skal ligge mellem 0 og 100, ikke 153,0"),),
    ),
    Case(
        "data-row-missing-column",
        replace(VARIGHED, "    4kv20-3kv21: 72,6\n", ""),
        (
            At(VARIGHED, "- |område: Hedensted",
               "rows[2]: rækken mangler kolonnen '4kv20-3kv21' (alle rækker skal have de samme kolonner)"),
        ),
    ),
    Case(
        "data-unknown-unit",
        replace(VARIGHED, "unit: uger", "unit: procent"),
        (At(VARIGHED, "unit: |procent", "unit: ukendt enhed 'procent'; kendte: pct., pct.point, antal, personer, kr., uger, fuldtidspersoner, "
           "indeks, eller en tælleenhed som 'forløb' eller 'sanktion/sanktioner'"),),
    ),
    Case(
        # CSV places are line and field number (the column as Excel shows it).
        "csv-row-wrong-width",
        replace(ANDEL_CSV, "Kontanthjælp, aktivitetsparat;Tilbud i alt;44,4;80,6", "Kontanthjælp, aktivitetsparat;Tilbud i alt;44,4;80,6;12,0"),
        ("inputs/data/aktivering-andel.csv:5:1: rækken har 5 felter, men overskriften har 4 (skilletegn ';')",),
    ),
    Case(
        "csv-decimal-point",
        replace(ANDEL_CSV, "Kontanthjælp, aktivitetsparat;Tilbud i alt;44,4;80,6", "Kontanthjælp, aktivitetsparat;Tilbud i alt;44.4;80,6"),
        ("inputs/data/aktivering-andel.csv:5:3: 3. kvt. 2019: '44.4': brug decimalkomma, fx 44,4 (punktum bruges til tusinder)",),
    ),
    Case(
        "data-file-outside-data-folder",
        replace(ANDEL, "file: aktivering-andel.csv", "file: ../aktivering-andel.csv"),
        (At(ANDEL, "file: |../", "file: filen skal ligge i inputs/data/ (ingen '../' eller fulde stier)"),),
    ),
    Case(
        "data-file-missing",
        delete(ANDEL_CSV),
        (
            At(ANDEL, "file: |aktivering-andel.csv", "file: filen 'aktivering-andel.csv' findes ikke "
               f"(mente du 'aktivering-antal.csv'?) (findes: {OTHER_CSV_FILES})"),
        ),
    ),
    Case(
        "data-both-file-and-rows",
        replace(ANDEL, "file: aktivering-andel.csv", "file: aktivering-andel.csv\nrows:\n  - målgruppe: Kontanthjælp\n    2019K3: 76,3\n"),
        (At(ANDEL, "title:", "angiv enten 'file' (en CSV- eller XLSX-fil) eller 'rows' (tallene i filen), ikke begge"),),
    ),
    # --- theme
    Case(
        "theme-colour-not-rrggbb",
        replace(THEME, 'accent: "#00557F"', 'accent: "00557F"'),
        (At(THEME, 'accent: |"00557F"', "colors.accent: ugyldig farve '00557F'; skriv den som #RRGGBB, fx #00557F"),),
    ),
    # --- encoding and unsafe YAML
    Case(
        "latin-1-file",
        write(FORMAAL, "kind: punkter\ntitle: Færre passive borgere\nbullets: [Et punkt]\n".encode("latin-1")),
        (
            "inputs/slides/formaal.yaml:2:9: filen er ikke gemt som UTF-8 (måske Latin-1/Windows-1252); "
            "gem den igen med tegnsættet UTF-8",
        ),
    ),
    Case(
        "python-object-tag",
        replace(FORMAAL, FORMAAL_TITLE, "title: !!python/object/apply:os.system ['echo hej']"),
        (
            At(FORMAAL, "title: |!!python", "YAML-mærket '!!python/object/apply:os.system' er ikke tilladt; "
               "kun almindelig tekst, tal, lister og sektioner"),
        ),
    ),
    Case(
        "python-name-tag-on-text",
        replace(FORMAAL, "title: Formålet", "title: !!python/name:os.system Formålet"),
        (
            At(FORMAAL, "title: |!!python", "YAML-mærket '!!python/name:os.system' er ikke tilladt; "
               "kun almindelig tekst, tal, lister og sektioner"),
        ),
    ),
    Case(
        "yaml-merge-key",
        write("inputs/slides/ny.yaml", "skabelon: &s {kind: punkter}\nslide:\n  <<: *s\n"),
        ("inputs/slides/ny.yaml:3:3: YAML-fletning med '<<' er ikke tilladt; skriv felterne ud",),
    ),
    Case(
        "yaml-alias-bomb",
        write("inputs/slides/bombe.yaml", ALIAS_BOMB),
        (
            At("inputs/slides/bombe.yaml", "a6: |&a6", "filen udfolder sig til mere end 200.000 værdier "
               "(fx via mange henvisninger *navn); det er ikke tilladt"),
        ),
    ),
    Case(
        "yaml-nested-too-deep",
        write("inputs/slides/dyb.yaml", "kind: punkter\nbullets: " + "[" * 600 + "]" * 600 + "\n"),
        ("inputs/slides/dyb.yaml:2:50: strukturen er indlejret mere end 40 niveauer; det er ikke tilladt",),
    ),
    Case(
        "yaml-nested-far-too-deep",
        write("inputs/slides/dyb.yaml", "kind: punkter\nbullets: " + "[" * 3000 + "]" * 3000 + "\n"),
        ("inputs/slides/dyb.yaml:2:50: strukturen er indlejret mere end 40 niveauer; det er ikke tilladt",),
    ),
    # --- several mistakes in several files: all are shown in one go
    Case(
        "several-errors-in-several-files",
        combined(
            replace(DECK, "minutes: 90", "minutes: halvfems"),
            replace(AKTIVERING, "kind: søjle", "kind: søjle2"),
            replace(FORMAAL, "  - Bruges", "\t- Bruges"),
            replace(YDELSER, "2019K3: 76", "2019K3: abc"),
            replace(THEME, 'accent: "#00557F"', 'accent: "00557F"'),
        ),
        (
            At(DECK, "minutes: |halvfems", "minutes: 'halvfems' er ikke et tal (skriv fx 76,3)"),
            At(AKTIVERING, "kind: |søjle2", f"chart.kind: ukendt diagramtype 'søjle2' (mente du 'søjle'?) (kendte: {CHART_KINDS})"),
            At(FORMAAL, "\t- Bruges", "YAML-fejl: tabulatortegn er ikke tilladt i YAML; brug mellemrum til indrykning"),
            At(YDELSER, "2019K3: |abc", "2019K3: 'abc' er ikke et tal (skriv fx 76,3)"),
            At(THEME, 'accent: |"00557F"', "colors.accent: ugyldig farve '00557F'; skriv den som #RRGGBB, fx #00557F"),
        ),
    ),
]

# A problem line starts with the place it is about (or "advarsel: " and the place).
PROBLEM_LINE = re.compile(r"^(advarsel: )?(inputs|themes)(/|:)")


# ---------------------------------------------------------------- helpers


@pytest.fixture
def project_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example project; the working directory is its root so messages show relative paths."""
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_build(root: Path) -> Result:
    return CliRunner().invoke(main, ["build", "--input", str(root / "inputs")])


def exit_code(result: Result) -> int:
    """The process exit code: `main()` returns it for usage errors, `sys.exit` gives it otherwise."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"briefing slap en undtagelse igennem: {result.exception!r}\n{result.output}"
    )
    return result.return_value if result.return_value is not None else result.exit_code


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if PROBLEM_LINE.match(line)]


# ---------------------------------------------------------------- tests


def test_enough_cases() -> None:
    assert len(CASES) >= 25
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_broken_input_gives_located_danish_message(case: Case, project_copy: Path) -> None:
    case.mutate(project_copy)

    started = time.perf_counter()
    result = run_build(project_copy)
    seconds = time.perf_counter() - started

    output = result.output
    assert "Traceback" not in output
    assert exit_code(result) == 1, output
    expected = [line.render(project_copy) if isinstance(line, At) else line for line in case.expected]
    assert problem_lines(output) == expected, output
    assert not (project_copy / "output").exists(), "en fejlet bygning må ikke skrive noget"
    # A refusal must not hang (an alias bomb, deep nesting); how fast it is belongs to the benchmark, not here.
    assert seconds < 30, f"svaret tog {seconds:.2f} sekunder"


def test_unused_slide_file_is_a_warning_not_an_error(project_copy: Path) -> None:
    write("inputs/slides/ekstra.yaml", "kind: punkter\ntitle: Ekstra\nbullets: [Et punkt]\n")(project_copy)

    result = run_build(project_copy)

    assert "Traceback" not in result.output
    assert exit_code(result) == 0, result.output
    assert (
        "advarsel: inputs/slides/ekstra.yaml:1:1: sliden 'ekstra' er ikke med i inputs/briefing.yaml "
        "og kommer ikke med i præsentationen"
    ) in result.output.splitlines()
    assert (project_copy / DECK_OUTPUT).is_file()


def test_bom_and_windows_line_endings_build_fine(project_copy: Path) -> None:
    combined(
        bom_and_crlf(DECK),
        bom_and_crlf("inputs/slides/formaal.yaml"),
        bom_and_crlf("inputs/data/aktiveringsberoerte.yaml"),
        bom_and_crlf("inputs/data/aktivering-andel.csv"),
        bom_and_crlf("themes/default.yaml"),
    )(project_copy)

    result = run_build(project_copy)

    assert "Traceback" not in result.output
    assert exit_code(result) == 0, result.output
    assert (project_copy / DECK_OUTPUT).is_file()


def test_failed_build_leaves_previous_deck_byte_identical(project_copy: Path) -> None:
    first = run_build(project_copy)
    assert exit_code(first) == 0, first.output
    deck = project_copy / DECK_OUTPUT
    before = deck.read_bytes()
    stat = deck.stat()
    files = sorted((project_copy / "output").iterdir())

    combined(
        replace("inputs/slides/aktivering.yaml", "kind: søjle", "kind: søjle2"),
        replace("inputs/data/ydelsesmodtagere.yaml", "2019K3: 76", "2019K3: abc"),
    )(project_copy)
    second = run_build(project_copy)

    assert "Traceback" not in second.output
    assert exit_code(second) == 1, second.output
    assert deck.read_bytes() == before
    assert deck.stat().st_mtime_ns == stat.st_mtime_ns
    assert sorted((project_copy / "output").iterdir()) == files, "ingen midlertidige filer må blive liggende"


@pytest.mark.parametrize("body", ["bullets: " + "[" * 40000 + "]" * 40000, "extra:\n  " + "- " * 40000 + "x"],
                         ids=["brackets", "dashes"])
def test_nesting_past_the_c_parsers_limit_is_refused_without_a_crash(project, monkeypatch, body):
    """libyaml would recurse in C (and crash) on tens of thousands of levels; the depth is counted first."""
    (project / "inputs" / "slides" / "dyb.yaml").write_text("kind: punkter\n" + body, encoding="utf-8")
    monkeypatch.chdir(project)
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert re.fullmatch(r"inputs/slides/dyb\.yaml:[23]:\d+: strukturen er indlejret mere end 40 niveauer; det er ikke "
                        r"tilladt", result.output.splitlines()[0])
    assert time.perf_counter() - started < 60  # no hang; speed is the benchmark's


@pytest.mark.parametrize("data, message", [
    ("kind: punkter\ntitle: A\x00B\n".encode(), "inputs/slides/ny.yaml:2:9: filen indeholder et NUL-tegn (U+0000), som "
     "YAML ikke tillader; slet tegnet (det er usynligt i de fleste programmer)"),
    ("kind: punkter\ntitle: Å\n".encode("utf-16"), "inputs/slides/ny.yaml:1:1: filen er gemt som UTF-16 (fx "
     "Notesblokkens 'Unicode'); gem den igen med tegnsættet UTF-8"),
    ("kind: punkter\ntitle: Å\n".encode("utf-32"), "inputs/slides/ny.yaml:1:1: filen er gemt som UTF-32 (fx "
     "Notesblokkens 'Unicode'); gem den igen med tegnsættet UTF-8"),
])
def test_a_nul_character_or_a_wide_encoding_is_named_at_its_place(project_copy: Path, data: bytes, message: str):
    from briefing.build import load

    (project_copy / "inputs" / "slides" / "ny.yaml").write_bytes(data)
    with pytest.raises(BriefingError) as caught:
        load(project_copy / "inputs")
    assert caught.value.render(project_copy).splitlines()[0] == message
