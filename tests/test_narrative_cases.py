"""Issue 14: narrative items from a real table to the exact Danish sentence, one family of wrong sentence or
new form per block. Each case is a table (rows as a user types them), one `narrative:` item as in a slide
file, and the sentence it must give character for character (numbers and units joined by U+00A0, '\\xa0').
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from briefing.danish.periods import parse_period
from briefing.errors import Location
from briefing.facts.narrative import RuleInputError, Sentence, write_sentence
from briefing.load.data import Column, DataTable, Row
from briefing.load.phrasebook import load_phrasebook
from briefing.spec.models import DeckSpec, TableSpec
from briefing.spec.narrative import NarrativeItem

REPO = Path(__file__).resolve().parent.parent
BOOK = load_phrasebook(REPO / "narratives" / "phrasebook.yaml")
DECK = DeckSpec.model_validate(dict(
    title="Status", municipality="Hedensted", date="2021-12-06", sections=[{"title": "Del 1", "slides": ["a"]}],
    comparison={"region": "RAR Østjylland", "country": "Hele landet", "peers": ["Favrskov", "Horsens"]}))
ITEM = TypeAdapter(NarrativeItem)
NB = "\xa0"
K19, K20, K21 = "3. kvt. 2019", "3. kvt. 2020", "3. kvt. 2021"


def _period(name: str):
    try:
        return parse_period(name)
    except ValueError:
        return None


def table(rows: list[dict], unit: str = "pct.", labels: int = 1, **spec) -> DataTable:
    """A DataTable as load_table gives it: the first `labels` keys are text columns, the others numbers."""
    keys = list(rows[0])
    model = TableSpec.model_validate(dict(title="T", source="Jobindsats.dk", unit=unit, rows=rows, **spec))
    columns = tuple(Column(k, _period(k)) for k in keys[labels:])
    data = tuple(Row(tuple(str(r[k]) for k in keys[:labels]), tuple(None if r[k] is None else float(r[k])
                                                                     for k in keys[labels:])) for r in rows)
    return DataTable("t", model, Location(), tuple(keys[:labels]), columns, data)


def say(rows, item: dict, unit="pct.", book=BOOK, **spec) -> str:
    result = write_sentence(ITEM.validate_python(item), table(rows, unit, **spec), DECK, book)
    assert isinstance(result, Sentence), result
    return result.text


def places(**columns) -> list[dict]:
    """Rows of places with one number per period: places(**{"2019K3": {...}, "2021K3": {...}})."""
    names = list(next(iter(columns.values())))
    return [{"sted": n, **{c: v[n] for c, v in columns.items()}} for n in names]


def one_row(**columns) -> list[dict]:
    return [{"målgruppe": "Kontanthjælp", **columns}]


CHANGE = {"rule": "udvikling", "measure": "andelen"}
MED = {**CHANGE, "form": "med"}

CASES = [
    # ---------------------------------------------------------------- 1. time order, whatever the column order
    ("newest-first-rose", one_row(**{"2021K3": 50.0, "2019K3": 44.4}), CHANGE, {},
     f"Andelen er steget fra 44,4{NB}pct. i {K19} til 50,0{NB}pct. i {K21}"),
    ("newest-first-fell", one_row(**{"2021K3": 40.0, "2020K3": 45.0, "2019K3": 44.4}), CHANGE, {},
     f"Andelen er faldet fra 44,4{NB}pct. i {K19} til 40,0{NB}pct. i {K21}"),
    ("unordered-columns", one_row(**{"2020K3": 47.0, "2021K3": 52.5, "2019K3": 44.4}), CHANGE, {},
     f"Andelen er steget fra 44,4{NB}pct. i {K19} til 52,5{NB}pct. i {K21}"),
    ("newest-first-med", one_row(**{"2021K3": 50.0, "2019K3": 44.4}), MED, {},
     f"Andelen er steget med 5,6{NB}pct.point fra {K19} til {K21}"),
    ("start-end-given-reversed", one_row(**{"2019K3": 44.4, "2021K3": 50.0}),
     {**CHANGE, "start": "2021K3", "end": "2019K3"}, {},
     f"Andelen er steget fra 44,4{NB}pct. i {K19} til 50,0{NB}pct. i {K21}"),
    ("unordered-quarters-same-year", one_row(**{"2021K2": 10.0, "2021K4": 8.0, "2021K1": 12.0}), MED, {},
     f"Andelen er faldet med 4,0{NB}pct.point fra 1. kvt. 2021 til 4. kvt. 2021"),
    ("newest-first-relative", [{"ydelse": "Kontanthjælp", "2021": 191, "2019": 200}],
     {**MED, "measure": "antallet", "relative": "ja"}, {"unit": "personer"},
     "Antallet er faldet med 4,5\xa0pct. fra 2019 til 2021"),
    ("compare-default-column-is-latest", places(**{"2021K3": {"Hedensted": 20.0, "RAR Østjylland": 18.3},
                                                   "2019K3": {"Hedensted": 10.0, "RAR Østjylland": 15.0}}),
     {"rule": "sammenligning"}, {}, f"Hedensted ligger 1,7{NB}pct.point over RAR Østjylland"),
    ("rank-default-column-is-latest", places(**{"2021": {"Hedensted": 3.0, "Favrskov": 2.0, "Horsens": 1.0},
                                                "2019": {"Hedensted": 1.0, "Favrskov": 2.0, "Horsens": 3.0}}),
     {"rule": "rangering", "noun": "andel"}, {}, "Hedensted har den højeste andel blandt de tre kommuner"),
    # ---------------------------------------------------------------- 2. precision as on the slide
    ("kr-whole-kroner-like-the-cells", [{"post": "Udgift", "2020": 987_000, "2021": 1_234_000}],
     {**CHANGE, "measure": "udgiften"}, {"unit": "kr."},
     f"Udgiften er steget fra 987.000{NB}kr. i 2020 til 1.234.000{NB}kr. i 2021"),
    ("kr-table-in-mio", [{"post": "Udgift", "2020": 987_000, "2021": 1_234_000}],
     {**CHANGE, "measure": "udgiften"}, {"unit": "kr.", "scale": "mio."},
     f"Udgiften er steget fra 1,0{NB}mio.{NB}kr. i 2020 til 1,2{NB}mio.{NB}kr. i 2021"),
    ("kr-mio-difference-of-shown", [{"post": "Udgift", "2020": 1_050_000, "2021": 1_249_000}],
     {**MED, "measure": "udgiften"}, {"unit": "kr.", "scale": "mio."},
     f"Udgiften er steget med 0,1{NB}mio.{NB}kr. fra 2020 til 2021"),
    ("kr-mio-compare", places(**{"2021": {"Hedensted": 2_540_000, "RAR Østjylland": 1_000_000}}),
     {"rule": "sammenligning"}, {"unit": "kr.", "scale": "mio."},
     f"Hedensted ligger 1,5{NB}mio.{NB}kr. over RAR Østjylland"),
    ("kr-mia", places(**{"2021": {"Hedensted": 3_250_000_000, "RAR Østjylland": 1_000_000_000}}),
     {"rule": "sammenligning"}, {"unit": "kr.", "scale": "mia."},
     f"Hedensted ligger 2,3{NB}mia.{NB}kr. over RAR Østjylland"),
    ("pct-zero-decimals-shown", places(**{"2021": {"Hedensted": 17.5, "RAR Østjylland": 15.4}}),
     {"rule": "sammenligning"}, {"decimals": 0}, f"Hedensted ligger 3{NB}pct.point over RAR Østjylland"),
    ("two-decimals-difference-of-shown", one_row(**{"2019": 2.675, "2021": 2.0}), MED, {"decimals": 2},
     f"Andelen er faldet med 0,68{NB}pct.point fra 2019 til 2021"),
    # ---------------------------------------------------------------- 3. relative changes
    ("relative-4,5-pct", [{"ydelse": "I alt", "2019": 200, "2021": 191}],
     {**MED, "measure": "antallet af offentligt forsørgede", "relative": "ja"}, {"unit": "personer"},
     "Antallet af offentligt forsørgede er faldet med 4,5\xa0pct. fra 2019 til 2021"),
    ("relative-whole-from-10-pct", [{"ydelse": "I alt", "2019": 187, "2021": 165}],
     {**MED, "measure": "antallet", "relative": "ja"}, {"unit": "personer"},
     "Antallet er faldet med 12\xa0pct. fra 2019 til 2021"),
    ("relative-9,96-is-10", [{"ydelse": "I alt", "2019": 1000, "2021": 1099.6}],
     {**MED, "measure": "antallet", "relative": "ja"}, {"unit": "antal", "decimals": 1},
     "Antallet er steget med 10\xa0pct. fra 2019 til 2021"),
    ("relative-decimals-per-item", [{"ydelse": "I alt", "2019": 187, "2021": 165}],
     {**MED, "measure": "antallet", "relative": "ja", "relative_decimals": 2}, {"unit": "personer"},
     "Antallet er faldet med 11,76\xa0pct. fra 2019 til 2021"),
    ("relative-rate-of-a-share", one_row(**{"2019": 40.0, "2021": 50.0}),
     {**MED, "measure": "afgangsraten", "relative": "rate"}, {},
     "Afgangsraten er steget med 25\xa0pct. fra 2019 til 2021"),
    ("relative-compare-of-a-rate", places(**{"2021": {"Hedensted": 18.0, "Vestegnskommunerne": 20.0}}),
     {"rule": "sammenligning", "benchmarks": ["Vestegnskommunerne"], "noun": "afgangsrate", "relative": "rate"}, {},
     "Hedensted har 10\xa0pct. lavere afgangsrate end Vestegnskommunerne"),
    ("relative-compare-one-decimal", places(**{"2021": {"Hedensted": 10_450, "RAR Østjylland": 10_000}}),
     {"rule": "sammenligning", "noun": "udgifter pr. fuldtidsperson"}, {"unit": "kr."},
     "Hedensted har 4,5\xa0pct. højere udgifter pr. fuldtidsperson end RAR Østjylland"),
    # ---------------------------------------------------------------- 4. names in running text
    ("country-mid-sentence", places(**{"2021": {"Hedensted": 9.0, "Hele landet": 9.6}}),
     {"rule": "sammenligning", "benchmarks": ["Hele landet"]}, {},
     f"Hedensted ligger 0,6{NB}pct.point under hele landet"),
    ("country-starts-the-sentence", places(**{"2021": {"Hele landet": 9.6, "Hedensted": 9.0}}),
     {"rule": "sammenligning", "subject": "Hele landet", "benchmarks": ["Hedensted"]}, {},
     f"Hele landet ligger 0,6{NB}pct.point over Hedensted"),
    ("both-region-and-country", places(**{"2021": {"Hedensted": 7.0, "RAR Østjylland": 8.9, "Hele landet": 9.6}}),
     {"rule": "sammenligning", "benchmarks": ["RAR Østjylland", "Hele landet"]}, {},
     f"Hedensted ligger 1,9 og 2,6{NB}pct.point under henholdsvis RAR Østjylland og hele landet"),
    ("benefit-lower-case-mid-sentence",
     [{"ydelse": "Dagpenge", "2021": 30.0}, {"ydelse": "Modtagere af ledighedsydelse", "2021": 12.0}],
     {"rule": "ekstremer", "noun": "andel"}, {},
     f"Dagpenge har den højeste andel (30,0{NB}pct.) og modtagere af ledighedsydelse den laveste (12,0{NB}pct.)"),
    ("benefit-starting-keeps-capital",
     [{"ydelse": "Modtagere af ledighedsydelse", "2021": 30.0}, {"ydelse": "Kontanthjælp", "2021": 12.0}],
     {"rule": "ekstremer", "noun": "andel"}, {},
     f"Modtagere af ledighedsydelse har den højeste andel (30,0{NB}pct.) og kontanthjælp den laveste (12,0{NB}pct.)"),
    ("acronym-keeps-capital", [{"ydelse": "Kontanthjælp", "2021": 30.0}, {"ydelse": "A-dagpenge", "2021": 12.0}],
     {"rule": "ekstremer", "noun": "andel"}, {},
     f"Kontanthjælp har den højeste andel (30,0{NB}pct.) og A-dagpenge den laveste (12,0{NB}pct.)"),
    ("extremes-say-their-period-when-asked",
     [{"ydelse": "Dagpenge", "2019K3": 25.0, "2021K3": 30.0}, {"ydelse": "Kontanthjælp", "2019K3": 14.0, "2021K3": 12.0}],
     {"rule": "ekstremer", "noun": "andel", "about": "i 3. kvt. 2021"}, {},
     f"Dagpenge har den højeste andel (30,0{NB}pct.) og kontanthjælp den laveste (12,0{NB}pct.) i 3. kvt. 2021"),
    ("table-states-sentence-form", places(**{"2021": {"Hedensted": 9.0, "Landsgns.": 9.6}}),
     {"rule": "sammenligning", "benchmarks": ["Landsgns."]}, {"names": {"Landsgns.": "landsgennemsnittet"}},
     f"Hedensted ligger 0,6{NB}pct.point under landsgennemsnittet"),
    ("grouping-from-registry", places(**{"2021": {"Hedensted": 9.0, "Sammenlignelige kommuner": 9.6}}),
     {"rule": "sammenligning", "benchmarks": ["Sammenlignelige kommuner"]}, {},
     f"Hedensted ligger 0,6{NB}pct.point under sammenlignelige kommuner"),
    ("column-mode-country", [{"målgruppe": "Jobparate", "Hedensted": 64.5, "Hele landet": 68.2}],
     {"rule": "sammenligning", "benchmarks": ["Hele landet"]}, {},
     f"Hedensted ligger 3,7{NB}pct.point under hele landet"),
    # ---------------------------------------------------------------- 5. group nouns, rank words, både
    ("rank-third-lowest", places(**{"2021": dict(zip(
        ["Favrskov", "Horsens", "Vejle", "Odder", "Hedensted", "Syddjurs", "Samsø"], [7, 6, 5, 4, 3, 2, 1]))}),
     {"rule": "rangering", "noun": "andel"}, {}, "Hedensted har den tredjelaveste andel blandt de syv kommuner"),
    ("rank-second-lowest", places(**{"2021": dict(zip(["Favrskov", "Horsens", "Vejle", "Hedensted", "Samsø"],
                                                       [5, 4, 3, 2, 1]))}),
     {"rule": "rangering", "noun": "andel"}, {}, "Hedensted har den næstlaveste andel blandt de fem kommuner"),
    ("rank-from-the-top-when-asked", places(**{"2021": dict(zip(
        ["Favrskov", "Horsens", "Vejle", "Odder", "Hedensted", "Syddjurs", "Samsø"], [7, 6, 5, 4, 3, 2, 1]))}),
     {"rule": "rangering", "noun": "andel", "direction": "højest"}, {},
     "Hedensted har den femtehøjeste andel blandt de syv kommuner"),
    ("rank-last-place-tied-is-lowest", places(**{"2021": dict(zip(["Favrskov", "Horsens", "Vejle", "Hedensted", "Odder"],
                                                                    [5, 4, 3, 1, 1]))}),
     {"rule": "rangering", "noun": "andel"}, {}, "Hedensted har sammen med Odder den laveste andel blandt de fem kommuner"),
    ("rank-exact-middle", places(**{"2021": dict(zip(["Favrskov", "Hedensted", "Horsens"], [3, 2, 1]))}),
     {"rule": "rangering", "noun": "andel"}, {}, "Hedensted er nr. 2 af 3 kommuner målt på andel"),
    ("rank-group-areas", places(**{"2021": {"Hedensted": 3.0, "Region Midtjylland": 2.0, "Østdanmark": 1.0}}),
     {"rule": "rangering", "noun": "andel", "exclude": []}, {}, "Hedensted har den højeste andel blandt de tre områder"),
    ("rank-group-municipalities", places(**{"2021": {"Hedensted": 1.0, "Horsens": 2.0, "Høje-Taastrup": 3.0,
                                                     "RAR Østjylland": 2.0}}),
     {"rule": "rangering", "noun": "andel"}, {}, "Hedensted har den laveste andel blandt de tre kommuner"),
    ("equal-differences-both", places(**{"2021": {"Hedensted": 7.0, "RAR Østjylland": 9.0, "Hele landet": 9.0}}),
     {"rule": "sammenligning", "benchmarks": ["RAR Østjylland", "Hele landet"]}, {},
     f"Hedensted ligger 2,0{NB}pct.point under både RAR Østjylland og hele landet"),
    ("equal-differences-over", places(**{"2021": {"Hedensted": 12, "Favrskov": 10, "Horsens": 10}}),
     {"rule": "sammenligning", "benchmarks": ["Favrskov", "Horsens"]}, {"unit": "sanktion/sanktioner"},
     f"Hedensted ligger 2{NB}sanktioner over både Favrskov og Horsens"),
    # ---------------------------------------------------------------- 6. new forms
    ("change-against-elsewhere", places(**{"2019": {"Hedensted": 200, "Østdanmark": 10_000},
                                           "2021": {"Hedensted": 191, "Østdanmark": 9_390}}),
     {**MED, "measure": "antallet af offentligt forsørgede", "relative": "ja", "benchmark": "Østdanmark"},
     {"unit": "personer"},
     "Antallet af offentligt forsørgede er faldet med 4,5\xa0pct. fra 2019 til 2021 mod 6,1\xa0pct. i Østdanmark"),
    ("change-against-opposite", places(**{"2019": {"Hedensted": 200, "Hele landet": 10_000},
                                          "2021": {"Hedensted": 191, "Hele landet": 10_200}}),
     {**MED, "measure": "antallet", "relative": "ja", "benchmark": "Hele landet"}, {"unit": "personer"},
     "Antallet er faldet med 4,5\xa0pct. fra 2019 til 2021 mod en stigning på 2,0\xa0pct. i hele landet"),
    ("change-against-in-points", places(**{"2019": {"Hedensted": 40.0, "RAR Østjylland": 42.0},
                                           "2021": {"Hedensted": 45.0, "RAR Østjylland": 44.0}}),
     {**CHANGE, "benchmark": "RAR Østjylland"}, {},
     f"Andelen er steget med 5,0{NB}pct.point fra 2019 til 2021 mod 2,0{NB}pct.point i RAR Østjylland"),
    ("levels-side-by-side", places(**{"2021": {"Hedensted": 4.1, "Vestegnskommunerne": 3.6, "Østdanmark": 3.0}}),
     {"rule": "sammenligning", "form": "niveauer", "measure": "andelen på offentlig forsørgelse",
      "benchmarks": ["Vestegnskommunerne", "Østdanmark"], "after_value": "af befolkningen"}, {},
     f"Andelen på offentlig forsørgelse er 4,1{NB}pct. af befolkningen mod 3,6{NB}pct. og 3,0{NB}pct. i henholdsvis "
     "Vestegnskommunerne og Østdanmark"),
    ("levels-one-benchmark", places(**{"2021": {"Hedensted": 4.1, "Hele landet": 3.6}}),
     {"rule": "sammenligning", "form": "niveauer", "benchmarks": ["Hele landet"]}, {},
     f"Hedensted er 4,1{NB}pct. mod 3,6{NB}pct. i hele landet"),
    ("measure-named", places(**{"2021": {"Hedensted": 20.0, "Østdanmark": 18.3}}),
     {"rule": "sammenligning", "measure": "aktiveringsgraden", "benchmarks": ["Østdanmark"]}, {},
     f"Aktiveringsgraden ligger 1,7{NB}pct.point over Østdanmark"),
    ("forecast-med", [{"ydelse": "I alt", "2023": 1000, "2024": 1012}],
     {**MED, "measure": "antallet", "relative": "ja"}, {"unit": "personer", "forecast": ["2024"]},
     "Antallet forventes at stige med 1,2\xa0pct. fra 2023 til 2024"),
    ("forecast-fra-til", one_row(**{"2021": 50.0, "2022": 47.5}), CHANGE, {"forecast": ["2022"]},
     f"Andelen forventes at falde fra 50,0{NB}pct. i 2021 til 47,5{NB}pct. i 2022"),
    ("forecast-unchanged", one_row(**{"2021": 50.0, "2022": 50.0}), MED, {"forecast": ["2022"]},
     f"Andelen forventes at være stort set uændret fra 2021 til 2022 (50,0{NB}pct.)"),
    ("deviation-negative-points", places(**{"2021": {"Hedensted": -1.7, "Favrskov": 0.4}}),
     {"rule": "afvigelse", "reference": "hele landet"}, {"unit": "pct.point"},
     f"Hedensted ligger 1,7{NB}pct.point under hele landet"),
    ("deviation-positive-percent", places(**{"2021": {"Hedensted": 4.5, "Favrskov": -2.0}}),
     {"rule": "afvigelse", "reference": "landsgennemsnittet", "measure": "udgiften pr. borger"}, {},
     f"Udgiften pr. borger ligger 4,5{NB}pct. over landsgennemsnittet"),
    ("deviation-on-par", places(**{"2021": {"Hedensted": -0.04}}),
     {"rule": "afvigelse", "reference": "hele landet"}, {"unit": "pct.point"}, "Hedensted ligger på niveau med hele landet"),
    ("unit-fuldtidspersoner", [{"ydelse": "I alt", "2019": 1_234, "2021": 1_222}],
     {**MED, "measure": "antallet af fuldtidspersoner"}, {"unit": "fuldtidspersoner"},
     f"Antallet af fuldtidspersoner er faldet med 12{NB}fuldtidspersoner fra 2019 til 2021"),
    ("unit-one-fuldtidsperson", [{"ydelse": "I alt", "2019": 1_234, "2021": 1_233}],
     {**MED, "measure": "antallet"}, {"unit": "fuldtidspersoner"},
     f"Antallet er faldet med 1{NB}fuldtidsperson fra 2019 til 2021"),
    ("unit-indeks", [{"ydelse": "I alt", "2015": 100.0, "2021": 104.2}],
     {**CHANGE, "measure": "indekset"}, {"unit": "indeks"}, "Indekset er steget fra 100,0 i 2015 til 104,2 i 2021"),
    ("unit-indeks-points", [{"ydelse": "I alt", "2015": 100.0, "2021": 104.2}],
     {**MED, "measure": "indekset"}, {"unit": "indeks"}, f"Indekset er steget med 4,2{NB}indekspoint fra 2015 til 2021"),
    ("unit-own-singular", [{"ydelse": "I alt", "2019": 12, "2021": 11}],
     {**MED, "measure": "antallet af sanktioner"}, {"unit": "sanktion/sanktioner"},
     f"Antallet af sanktioner er faldet med 1{NB}sanktion fra 2019 til 2021"),
    ("unit-own-plural", [{"ydelse": "I alt", "2019": 12, "2021": 20}],
     {**CHANGE, "measure": "antallet af sanktioner"}, {"unit": "sanktion/sanktioner"},
     f"Antallet af sanktioner er steget fra 12{NB}sanktioner i 2019 til 20{NB}sanktioner i 2021"),
    ("unit-same-in-both", [{"ydelse": "I alt", "2019": 1, "2021": 13}],
     {**CHANGE, "measure": "antallet af forløb"}, {"unit": "forløb"},
     f"Antallet af forløb er steget fra 1{NB}forløb i 2019 til 13{NB}forløb i 2021"),
    ("rank-with-count-unit-region-excluded", places(**{"2021": {"Hedensted": 12, "Horsens": 30, "Favrskov": 20,
                                                                "RAR Østjylland": 25, "Hele landet": 22}}),
     {"rule": "rangering", "noun": "antal sanktioner pr. 1.000 borgere"}, {"unit": "sanktion/sanktioner"},
     "Hedensted har det laveste antal sanktioner pr. 1.000 borgere blandt de tre kommuner"),
]


@pytest.mark.parametrize(("rows", "item", "spec", "expected"),
                         [pytest.param(r, i, s, e, id=n) for n, r, i, s, e in CASES])
def test_item_gives_the_exact_sentence(rows, item, spec, expected):
    assert say(rows, item, **spec) == expected


def test_the_table_is_big_enough_and_ids_are_unique():
    ids = [c[0] for c in CASES]
    assert len(ids) >= 60
    assert len(set(ids)) == len(ids)


# ---------------------------------------------------------------- one rule about pct. and pct.point

SHARE_MESSAGE = ("'relative: ja' giver ændringen i procent af udgangsværdien, men tallene er andele: 'steget med 25 pct.' "
                 "læses let som 25 pct.point. Fjern 'relative' for at skrive ændringen i pct.point (fx 'steget med 11,1 "
                 "pct.point'), eller skriv 'relative: rate', hvis du mener den relative ændring af andelen")
NOUN_MESSAGE = ("'noun' giver en relativ forskel i procent ('9 pct. højere ...'), men tallene er andele, hvor forskellen "
                "skrives i pct.point ('1,7 pct.point over ...'). Fjern 'noun', eller skriv 'relative: rate', hvis du "
                "mener den relative forskel (fx '10 pct. lavere afgangsrate end ...')")


@pytest.mark.parametrize(("item", "unit", "field", "message"), [
    ({**MED, "relative": "ja"}, "pct.", "relative", SHARE_MESSAGE),
    ({**MED, "relative": "ja"}, "pct.point", "relative", SHARE_MESSAGE),
    ({**CHANGE, "relative": True}, "pct.", "relative", SHARE_MESSAGE),
    ({"rule": "sammenligning", "subject": "2021", "benchmarks": ["2019"], "noun": "andel"}, "pct.", "noun", NOUN_MESSAGE),
])
def test_relative_change_of_a_share_is_a_located_message(item, unit, field, message):
    with pytest.raises(RuleInputError) as info:
        say(one_row(**{"2019": 40.0, "2021": 50.0}), item, unit)
    assert (info.value.field, info.value.message) == (field, message)


def test_relative_change_of_a_share_in_a_slide_file_is_located_at_the_field(tmp_path):
    import shutil

    from briefing.build import build
    from briefing.errors import BriefingError

    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    path = tmp_path / "inputs" / "slides" / "aktivering.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  - rule: udvikling\n" in text
    path.write_text(text.replace("  - rule: udvikling\n", "  - rule: udvikling\n    relative: ja\n    form: med\n", 1),
                    encoding="utf-8")
    with pytest.raises(BriefingError) as info:
        build(tmp_path / "inputs", write=False)
    lines = [p.render(tmp_path) for p in info.value.problems]
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if t == "  - rule: udvikling") + 1
    assert f"inputs/slides/aktivering.yaml:{line}:15: narrative[1].relative: {SHARE_MESSAGE}" in lines


# ---------------------------------------------------------------- properties

PROPERTY = settings(max_examples=150, derandomize=True, database=None, deadline=None)
YEARS = [str(y) for y in range(2014, 2022)]


@PROPERTY
@given(values=st.lists(st.integers(0, 1000).map(lambda n: n / 10), min_size=2, max_size=6), order=st.randoms(),
       form=st.sampled_from(["fra_til", "med", None]), relative=st.booleans())
def test_direction_word_agrees_with_time_order_for_any_column_order(values, order, form, relative):
    years = YEARS[:len(values)]
    columns = list(zip(years, values))
    order.shuffle(columns)
    item = {**CHANGE, "measure": "antallet", "relative": relative, **({"form": form} if form else {})}
    first, last = values[0], values[-1]
    rows = table([{"ydelse": "I alt", **dict(columns)}], "antal", decimals=1)
    if relative and form == "fra_til":  # a change in per cent has no 'fra ... til' wording: refused at 'form'
        with pytest.raises(RuleInputError, match="'relative' giver ændringen i procent"):
            write_sentence(ITEM.validate_python(item), rows, DECK, BOOK)
        return
    form = "med" if relative else form or "fra_til"
    result = write_sentence(ITEM.validate_python(item), rows, DECK, BOOK)
    if relative and first == 0 and last != 0 and form == "med":
        assert result.reason == f"den relative ændring kan ikke beregnes, fordi {years[0]} er 0"
        return
    text = result.text
    word = "steget" if last > first else "faldet" if last < first else "uændret"
    if relative and form == "med" and word != "uændret" and abs(last - first) / first < 0.0005:
        word = "uændret"  # a relative change that rounds to 0,0 pct. is told as unchanged, never '0,0 pct.'
    assert word in text, text
    assert f"{years[0]} til " in text and text.index(years[0]) < text.index(years[-1])


NUMBER = re.compile(r"(?<![\d.,])-?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\d,]|\.\d)")


def _numbers(text: str) -> list[Decimal]:
    return [Decimal(n.replace(".", "").replace(",", ".")) for n in NUMBER.findall(text.replace("\u2212", "-"))]


@PROPERTY
@given(a=st.integers(0, 5_000_000), b=st.integers(0, 5_000_000), unit=st.sampled_from(["kr.", "pct.", "personer"]),
       scale=st.sampled_from([None, "mio."]), decimals=st.integers(0, 2), form=st.sampled_from(["fra_til", "med"]))
def test_every_number_in_a_sentence_is_a_shown_cell_or_their_difference(a, b, unit, scale, decimals, form):
    """The numbers in a sentence are the table cells as shown (or the difference of two shown cells)."""
    spec = {"unit": unit, "decimals": decimals, **({"scale": scale} if scale and unit == "kr." else {})}
    data = table([{"post": "I alt", "2019": a / 100, "2021": b / 100}], **spec)
    result = write_sentence(ITEM.validate_python({**CHANGE, "form": form}), data, DECK, BOOK)
    cells = [data.measure.digits(v) for v in data.rows[0].values]
    shown = [Decimal(c.replace(".", "").replace(",", ".").replace("\u2212", "-")) for c in cells]
    allowed = set(shown) | {abs(shown[1] - shown[0])} | {Decimal(2019), Decimal(2021)}
    found = _numbers(result.text)
    assert found and all(n in allowed for n in found), (result.text, cells)
    if form == "fra_til" and shown[0] != shown[1]:
        assert set(shown) <= set(found)


# ---------------------------------------------------------------- the example deck

def _proper_words(root: Path) -> set[str]:
    """Words that may carry a capital inside a sentence: the registry's places (and their genitives) and the
    names the project itself declares (meeting, sender, sources)."""
    import yaml

    from briefing.load.names import default_names

    registry = default_names()
    declared = [p for place in registry.places.values() for p in (place.name, place.text, place.genitive)]
    declared += list(registry.places)
    deck = yaml.safe_load((root / "inputs" / "briefing.yaml").read_text(encoding="utf-8"))
    declared += [deck.get("meeting") or "", deck.get("author") or ""]
    for path in (root / "inputs" / "data").glob("*.yaml"):
        declared.append(str(yaml.safe_load(path.read_text(encoding="utf-8")).get("source", "")))
    return {w for text in declared for w in re.findall(r"[\wÆØÅæøå'.-]+", text)}


MID_SENTENCE = re.compile(r"[.!?]\s+|\n|:\s+|;\s+|•\s*|\s–\s")


def test_example_sentences_notes_and_alt_texts_have_no_capitalised_common_noun_mid_sentence(example_deck):
    import csv
    import io

    from .deckdump import dump

    slides = dump(example_deck)
    ledger = example_deck.with_name(f"{example_deck.stem}-fakta.csv").read_text(encoding="utf-8-sig")
    sentences = [row[3] for row in list(csv.reader(io.StringIO(ledger), delimiter=";"))[1:]]
    texts = sentences + [alt for s in slides for alt in s["alt"]] + [s["notes"] for s in slides]
    allowed = _proper_words(REPO)
    found = []
    for text in texts:
        text = text.replace("\u2011", "-")  # the notes are typeset: 'Ringkøbing-Skjern' with a no-break hyphen
        for piece in MID_SENTENCE.split(text):
            words = re.findall(r"[\wÆØÅæøå'’.-]+", piece)
            found += [(w, piece) for w in words[1:]
                      if w[:1].isupper() and not re.sub(r"['’]s$", "", w).isupper() and w.strip(".") not in allowed]
    assert found == []
    # the engine writes the comparisons the notes used to type by hand, on at least three slides
    rows = list(csv.reader(io.StringIO(ledger), delimiter=";"))
    compared = {row[1] for row in rows if row[2] == "sammenligning" or " og ligger " in row[3]}
    assert len(compared) >= 4
    # the sanctions slide: one sentence with the rank and the comparison, as a report writes it
    assert "Hedensted har færrest sanktioner af de seks kommuner og ligger under både RAR Østjylland og hele landet" \
        in sentences
    assert "Hedensted ligger 20,3 og 23,2\xa0pct.point over henholdsvis RAR Østjylland og hele landet i 3. kvt. 2021" \
        in sentences


# ---------------------------------------------------------------- key figures and the names registry

@pytest.mark.parametrize(("columns", "tile", "expected"), [
    # newest first: the default column is the latest period, not the last column
    ({"2021K3": 80.6, "2019K3": 44.4}, {"compare": {"column": "2019K3"}},
     (f"80,6{NB}pct.", f"▲ 36,2{NB}pct.point siden {K19}")),
    # asked the wrong way round: 'siden' still looks back in time
    ({"2019K3": 44.4, "2021K3": 80.6}, {"column": "2019K3", "compare": {"column": "2021K3"}},
     (f"80,6{NB}pct.", f"▲ 36,2{NB}pct.point siden {K19}")),
])
def test_key_figure_compares_in_time_order(columns, tile, expected):
    from briefing.facts.tiles import kpi_tile, resolve_tile
    from briefing.kinds.kpi import KpiTile

    spec = KpiTile.model_validate({"label": "I tilbud", "table": "t", "where": {"målgruppe": "Kontanthjælp"}, **tile})
    shown = kpi_tile(resolve_tile(spec, {"t": table(one_row(**columns))}))
    assert (shown.value, shown.change) == expected


def test_key_figure_difference_is_taken_between_the_shown_amounts():
    from briefing.facts.tiles import kpi_tile
    from briefing.kinds.kpi import KpiTile

    spec = KpiTile.model_validate({"label": "Udgift", "value": 38_449_000, "unit": "kr.",
                                   "compare": {"value": 40_051_000, "label": "2020"}})
    shown = kpi_tile(spec)  # 38,4 and 40,1 mio. kr. on the tile: the fall a reader computes is 1,7, not 1,6
    assert (shown.value, shown.change) == (f"38,4{NB}mio.{NB}kr.", f"▼ 1,7{NB}mio.{NB}kr. siden 2020")


def test_the_registry_holds_the_98_municipalities_with_their_genitives():
    from briefing.load.names import default_names

    registry = default_names()
    municipalities = {p.name for p in registry.places.values() if p.kind == "kommune"}
    assert len(municipalities) == 98
    assert [registry.genitive(n) for n in ("Høje-Taastrup", "Horsens", "Fanø", "Hele landet", "Halsnæs")] == [
        "Høje-Taastrups", "Horsens'", "Fanøs", "hele landets", "Halsnæs'"]
    assert registry.running("Hele landet") == "hele landet"
    assert registry.group(["Hedensted", "Horsens"]) == "kommuner"
    assert registry.group(["Hedensted", "RAR Østjylland"]) == "områder"


def test_a_broken_names_file_is_a_located_danish_error(tmp_path):
    from briefing.errors import BriefingError
    from briefing.load.names import load_names

    path = tmp_path / "names.yaml"
    path.write_text("kinds:\n  kommune: {group: kommuner}\nplaces:\n  kommune:\n    - Vejle\n    - Vejle\n"
                    "    - {name: Fanø, genitiv: Fanøs}\n  by:\n    - Aarhus\n", encoding="utf-8")
    with pytest.raises(BriefingError) as info:
        load_names(path)
    assert [p.render(tmp_path) for p in info.value.problems] == [
        "names.yaml:6:7: places.kommune[2]: 'Vejle' står der allerede (som kommune); hvert navn må kun stå én gang",
        "names.yaml:7:7: places.kommune[3]: ukendt felt 'genitiv' (mente du 'genitive'?) (tilladte: aliases, "
        "genitive, name, text)",
        "names.yaml:8:3: places.by: ukendt slags sted 'by' (kendte: kommune)",
    ]


def test_a_name_uses_its_registry_genitive_in_a_template():
    book = replace(BOOK, templates={**BOOK.templates, "sammenligning": {
        **BOOK.templates["sammenligning"], "over": "{subject_s} andel ligger {difference} over {benchmark}"}})
    rows = places(**{"2021": {"Horsens": 20.0, "Hele landet": 18.0}})
    assert say(rows, {"rule": "sammenligning", "subject": "Horsens", "benchmarks": ["Hele landet"]}, book=book) == (
        f"Horsens' andel ligger 2,0{NB}pct.point over hele landet")


@PROPERTY
@given(values=st.lists(st.integers(-500_000, 5_000_000), min_size=2, max_size=4),
       unit=st.sampled_from(["kr.", "pct.", "pct.point", "uger", "fuldtidspersoner"]),
       scale=st.sampled_from([None, "mio."]), decimals=st.integers(0, 2), rule=st.sampled_from(["sammenligning",
                                                                                              "niveauer", "ekstremer"]))
def test_every_number_in_a_comparison_is_a_shown_label_or_the_difference_of_two(values, unit, scale, decimals, rule):
    """Comparisons and extremes over rows: each number is a chart label as shown, or a difference of two of them."""
    names = ["Hedensted", "RAR Østjylland", "Hele landet", "Favrskov"][:len(values)]
    spec = {"unit": unit, "decimals": decimals, **({"scale": scale} if scale and unit == "kr." else {})}
    data = table([{"sted": n, "2021": v / 100} for n, v in zip(names, values)], **spec)
    item = {"rule": "ekstremer", "noun": "andel", "exclude": []} if rule == "ekstremer" else {
        "rule": "sammenligning", "benchmarks": names[1:], **({"form": "niveauer"} if rule == "niveauer" else {})}
    result = write_sentence(ITEM.validate_python(item), data, DECK, BOOK)
    if not isinstance(result, Sentence):
        assert result.reason == "alle værdier er ens"
        return
    labels = [Decimal(data.measure.digits(r.values[0]).replace(".", "").replace(",", ".").replace("\u2212", "-"))
              for r in data.rows]
    allowed = {abs(x) for x in labels} | {abs(a - b) for a in labels for b in labels}
    found = [abs(n) for n in _numbers(result.text)]
    assert all(n in allowed for n in found), (result.text, labels)


def test_a_relative_change_is_told_with_med_even_when_form_is_not_written():
    rows = [{"ydelse": "I alt", "2019": 200, "2021": 191}]
    assert say(rows, {**CHANGE, "measure": "antallet", "relative": "ja"}, unit="personer") == \
        say(rows, {**MED, "measure": "antallet", "relative": "ja"}, unit="personer")


def test_a_relative_change_asked_for_with_fra_til_is_refused_at_form():
    rows = [{"ydelse": "I alt", "2019": 200, "2021": 191}]
    with pytest.raises(RuleInputError) as caught:
        say(rows, {**CHANGE, "measure": "antallet", "relative": "ja", "form": "fra_til"}, unit="personer")
    assert (caught.value.message, caught.value.field) == (
        "'relative' giver ændringen i procent ('faldet med 12 pct.'), og den står kun i 'form: med'; skriv "
        "'form: med' eller slet 'relative'", "form")
