"""Spec models for the YAML files staff edit: the deck, each slide kind, data tables, the theme.

Models are immutable and reject unknown keys. Slide kinds and chart kinds are told
apart by their `kind:` field. Descriptions are Danish: they appear in the JSON
Schema that editors show while staff type.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from briefing.danish.periods import read_date
from briefing.spec.base import Flag, MeasureUnit, Number, Spec, Text, Whole, _danish_float, _text, yes_no  # noqa: F401
from briefing.spec.chart import BarChart, ChartSpec, Selection  # noqa: F401  (chart kinds live in their own module)


# ---------------------------------------------------------------- deck file

class Comparison(Spec):
    region: str | None = _text("Regionen, der sammenlignes med, fx 'RAR Østjylland'.", default=None)
    peers: list[Text] = _text("Sammenlignelige kommuner.", default_factory=list)
    country: str | None = _text("Navnet på landsgennemsnittet, fx 'Hele landet'.", default=None)


class Section(Spec):
    title: Text = _text("Afsnittets titel, fx 'Del 1: Økonomi og effekt'.")
    label: str | None = _text("Kort mærke til skilleslide og dagsorden, fx 'Del 1'.", default=None)
    minutes: Number | None = _text("Minutter afsat til afsnittet.", default=None, gt=0, le=600)
    intro: str | None = _text("En eller to linjer til skillesliden.", default=None)
    divider: Flag = _text("Lav en skilleslide for afsnittet (ja/nej).", default=True)
    slides: list[Text] = _text("Slides i afsnittet: filnavne i inputs/slides/ uden .yaml.", min_length=1)


_CLOCK = re.compile(r"^([01]?\d|2[0-3])[.:]([0-5]\d)$")


# In an editor the schema accepts the forms read_date reads, not only ISO dates.
MeetingDate = Annotated[dt.date, WithJsonSchema({
    "type": "string",
    "pattern": r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{1,2}\.? +[A-Za-zÆØÅæøå]+\.? +\d{4})$"})]


class DeckSpec(Spec):
    """inputs/briefing.yaml: the deck as a whole."""

    title: Text = _text("Præsentationens titel.")
    subtitle: str | None = _text("Undertitel på forsiden.", default=None)
    municipality: Text = _text("Egen kommune, fx 'Hedensted'.")
    meeting: str | None = _text("Mødet, fx 'Udvalget for Beskæftigelse'.", default=None)
    date: MeetingDate = _text("Mødedato: 2026-01-14, 14-01-2026 eller 14. januar 2026.")
    start: str | None = _text("Mødets starttidspunkt, fx '16.00'.", default=None)
    minutes: Number | None = _text("Mødets samlede tid i minutter.", default=None, gt=0, le=600)
    author: str | None = _text("Afsender, fx 'Jobcenter Hedensted'.", default=None)
    theme: Text = _text("Tema: navnet på en fil i themes/ uden .yaml.", default="default")
    name: str | None = _text("Filnavn for præsentationen i output/ (uden .pptx).", default=None)
    comparison: Comparison = _text("Sammenligningsgrundlag.", default_factory=Comparison)
    municipalities: list[Text] = _text("Kommuner, der bygges en præsentation til med 'briefing build --alle'.",
                                       default_factory=list)
    appendix: Flag = _text("Tilføj et bilag med datatabellerne bag diagrammerne (ja/nej).", default=True)
    sections: list[Section] = _text("Præsentationens afsnit i rækkefølge.", min_length=1)

    @field_validator("date", mode="before")
    @classmethod
    def _danish_date(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return read_date(value) or value
            except ValueError as exc:
                raise PydanticCustomError("briefing", f"{exc}, så '{value}' er ikke en dato") from None
        return value

    @field_validator("start")
    @classmethod
    def _clock(cls, value: str | None) -> str | None:
        if value is not None and not _CLOCK.match(value.strip()):
            raise PydanticCustomError("briefing", f"skal være et klokkeslæt som '16.00', ikke '{value}'")
        return value

    @field_validator("name")
    @classmethod
    def _file_name(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[\w\-. ]{1,80}", value) or (value or "").startswith("."):
            raise PydanticCustomError(
                "briefing", "må kun indeholde bogstaver, tal, mellemrum, '-', '_' og '.' (ingen mapper)"
            )
        return value


# ---------------------------------------------------------------- slides

class SlideBase(Spec):
    title: Text = _text("Slidens titel: gerne budskabet i én sætning.")
    notes: str | None = _text("Talernoter til oplægsholderen.", default=None)
    question: str | None = _text("Et spørgsmål til udvalget ved denne slide.", default=None)
    minutes: Number | None = _text("Minutter til sliden (standard: afsnittets tid fordelt på sliderne).",
                                   default=None, gt=0, le=120)
    example: Flag = _text("Marker sliden som eksempeldata (ja/nej).", default=False)


# ---------------------------------------------------------------- data tables

UNITS = ("pct.", "pct.point", "antal", "personer", "kr.", "uger")
Unit = MeasureUnit  # see spec/base.py: the fixed units, or a count unit 'sanktion/sanktioner'


class TableSpec(Spec):
    """inputs/data/<navn>.yaml: one data table with its source."""

    title: Text = _text("Tabellens titel.")
    source: Text = _text("Kilde, fx 'Jobindsats.dk'.")
    period: str | None = _text("Periode, fx '3. kvt. 2021' (standard: periodekolonnerne).", default=None)
    unit: Unit = _text("Enhed for tallene.", default="antal")
    decimals: Whole | None = _text("Antal decimaler (standard: 1 for pct. og uger, ellers 0).", default=None, ge=0, le=3)
    labels: list[Text] | None = _text("Tekstkolonner (standard: den første kolonne).", default=None)
    example: Flag = _text("Eksempeldata, ikke rigtige tal (ja/nej).", default=False)
    better: Literal["højere", "lavere", "neutral"] = _text("Er højere tal bedre, lavere bedre, eller ingen af delene?", default="neutral")
    note: str | None = _text("Note til tabellen.", default=None)
    file: str | None = _text("CSV- eller XLSX-fil i inputs/data/.", default=None)
    sheet: str | None = _text("Arket i XLSX-filen (standard: det første).", default=None)
    columns: list[Text] | None = _text("Kolonnernes navne, når hver række skrives som en liste: "
                                       "columns: [kommune, andel] og rows: - [Lolland, \"27,4\"].", default=None)
    rows: list[dict[str, Any] | list[Any]] | None = _text("Rækkerne, hvis tallene står direkte i filen: hver række med "
                                                        "felter (- kommune: Lolland) eller som en liste efter 'columns'.",
                                                        default=None)
    scale: Literal["mio.", "mia."] | None = _text("Vis kroner i mio. eller mia. kr. (i tabel, diagram og tekst).", default=None)
    names: dict[str, Text] = _text("Navne, som de skrives inde i en sætning, fx 'Hele landet: hele landet'.", default_factory=dict)
    forecast: list[Text] = _text("Kolonner med prognoser (må ligge efter mødedatoen).", default_factory=list)

    @model_validator(mode="after")
    def _one_source_of_rows(self) -> "TableSpec":
        if self.file is not None and self.rows is not None:
            raise PydanticCustomError("briefing", "angiv enten 'file' (en CSV- eller XLSX-fil) eller 'rows' (tallene i filen), ikke begge")
        if self.file is None and self.rows is None:
            raise PydanticCustomError("briefing", "tabellen har ingen tal: angiv 'file' (en CSV- eller XLSX-fil) eller 'rows' (tallene i filen)")
        if self.columns is not None and self.rows is None:
            raise PydanticCustomError("briefing", "'columns' navngiver kolonnerne i 'rows'; en CSV- eller XLSX-fil har sine navne i første linje, så fjern 'columns'")
        return self

    @property
    def shown_decimals(self) -> int:
        if self.decimals is not None:
            return self.decimals
        return 1 if self.unit in ("pct.", "pct.point", "uger", "indeks") or self.scale else 0


# ---------------------------------------------------------------- theme

Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$", description="Farve som #RRGGBB.")]


class ThemeColors(Spec):
    background: Color = "#FFFFFF"
    text: Color = "#1B2632"
    muted: Color = "#55606E"
    accent: Color = "#00557F"
    accent_text: Color = "#FFFFFF"
    highlight: Color = "#C24E00"
    reference: Color = "#2F3B48"
    series: list[Color] = Field(default_factory=lambda: ["#7D8792", "#00557F", "#2F7F5F", "#6B4C9A"], min_length=2)
    grid: Color = "#D5D9DE"
    table_header: Color = "#00557F"
    table_stripe: Color = "#EEF2F5"
    example: Color = "#9A3412"
    good: Color = "#0067A0"  # colour-blind-safe pair (blue/orange); always shown with a sign or arrow too
    bad: Color = "#A8490A"


class ThemeFonts(Spec):
    heading: Text = "Arial"
    body: Text = "Arial"
    chart: list[Text] = Field(default_factory=lambda: ["Arial", "Liberation Sans", "DejaVu Sans"], min_length=1)


class ThemeSizes(Spec):
    title: Number = Field(default=30, ge=18, le=54)
    lead: Number = Field(default=20, ge=14, le=36)
    body: Number = Field(default=20, ge=14, le=36)
    small: Number = Field(default=12, ge=10, le=20)
    minimum: Number = Field(default=12, ge=10, le=24)


class ThemeLayouts(Spec):
    title: str | None = _text("Layout til forsiden (standard: 'Title Slide' eller 'Titelslide').", default=None)
    section: str | None = _text("Layout til skillesider (standard: 'Section Header' eller 'Sektionsoverskrift').", default=None)
    content: str | None = _text("Layout til indholdsslides (standard: 'Title Only' eller 'Kun titel').", default=None)


class ThemeSpec(Spec):
    """themes/<navn>.yaml: colours, fonts and sizes."""

    name: Text = "Standard"
    colors: ThemeColors = Field(default_factory=ThemeColors)
    fonts: ThemeFonts = Field(default_factory=ThemeFonts)
    sizes: ThemeSizes = Field(default_factory=ThemeSizes)
    logo: str | None = _text("Logo (PNG eller JPG) i themes/.", default=None)
    footer: str | None = _text("Fast tekst i sidefoden, fx kommunens navn.", default=None)
    template: str | None = _text("Kommunens PowerPoint-skabelon (.pptx eller .potx) i themes/.", default=None)
    layouts: ThemeLayouts = _text("Navne på layouts i skabelonen.", default_factory=ThemeLayouts)
    dpi: Whole = Field(default=200, ge=72, le=400, description="Opløsning for diagrammer.")
