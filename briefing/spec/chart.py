"""Spec models for chart kinds, told apart by `kind:` inside a slide's `chart:` section.

Each model also says which of its fields name columns of the data table and
which name rows, so the reference check in project.py can give every kind the
same located Danish errors without knowing the kinds one by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import Field

from briefing.spec.base import Flag, Spec, Text, _text


Selection = dict[str, Text]

@dataclass(frozen=True)
class Ref:
    """One name in a chart spec that must exist in the data table.

    `what` says what it must be: "label" (a text column), "series" / "value" (a number
    column, named 'serie' or 'talkolonne' in messages), "period" (a period column), or
    "row" (a value of the text column named by `column_field`, or of the category column).
    """

    path: tuple
    name: str
    what: str
    column_field: str = "categories"


def _refs(path: tuple, names: list[str] | None, what: str, column_field: str = "categories") -> list[Ref]:
    return [Ref(path + (i,), name, what, column_field) for i, name in enumerate(names or [])]


class ChartBase(Spec):
    table: Text = _text("Datatabel: filnavn i inputs/data/ uden endelse.")
    categories: str | None = _text("Tekstkolonnen med kategorierne (standard: første tekstkolonne).", default=None)
    where: Selection = _text("Vælg rækker: kolonne: værdi.", default_factory=dict)
    labels: Flag = _text("Vis tallene i diagrammet (ja/nej).", default=True)

    def data_refs(self) -> list[Ref]:
        """The names this chart takes from its table, for the reference check."""
        return [Ref(("categories",), self.categories, "label")] if self.categories else []


class BarChart(ChartBase):
    """Grouped vertical bars, e.g. share activated per target group, 2019 against 2021."""

    kind: Literal["søjle"]
    categories: str | None = _text("Kolonnen med kategorierne på x-aksen (standard: første tekstkolonne).", default=None)
    series: list[Text] | None = _text("Talkolonner, der vises som serier (standard: alle).", default=None)
    axis: str | None = _text("Tekst på y-aksen (standard: tabellens enhed).", default=None)
    labels: Flag = _text("Vis tal på søjlerne (ja/nej).", default=True)

    def data_refs(self) -> list[Ref]:
        return super().data_refs() + _refs(("series",), self.series, "series")


class RankingChart(ChartBase):
    """Horizontal bars sorted by value: the own municipality highlighted, region and country as references."""

    kind: Literal["rangering"]
    categories: str | None = _text("Tekstkolonnen med kommunerne (standard: første tekstkolonne).", default=None)
    value: str | None = _text("Talkolonnen, der rangeres efter (standard: den sidste).", default=None)
    order: Literal["faldende", "stigende"] = _text("Højeste øverst (faldende) eller laveste øverst (stigende).",
                                                   default="faldende")
    reference: Literal["linjer", "søjler"] = _text("Region og hele landet som lodrette linjer eller som egne søjler.",
                                                  default="linjer")
    axis: str | None = _text("Tekst på x-aksen (standard: tabellens enhed).", default=None)

    def data_refs(self) -> list[Ref]:
        return super().data_refs() + ([Ref(("value",), self.value, "value")] if self.value else [])


class LineChart(ChartBase):
    """Lines over periods: the table's period columns become the x axis in time order, one line per row."""

    kind: Literal["linje"]
    categories: str | None = _text("Tekstkolonnen, der navngiver linjerne (standard: første tekstkolonne).",
                                   default=None)
    lines: list[Text] | None = _text("Rækkerne, der vises som linjer (standard: alle).", default=None)
    periods: list[Text] | None = _text("Periodekolonnerne på x-aksen (standard: alle).", default=None)
    axis: str | None = _text("Tekst på y-aksen (standard: tabellens enhed).", default=None)

    def data_refs(self) -> list[Ref]:
        return super().data_refs() + _refs(("lines",), self.lines, "row") + _refs(("periods",), self.periods, "period")


class StackedChart(ChartBase):
    """100 % stacked horizontal bars; `diverging: ja` centres a Likert scale on its neutral answer."""

    kind: Literal["stablet"]
    categories: str | None = _text("Tekstkolonnen med søjlerne (standard: første tekstkolonne).", default=None)
    parts: list[Text] | None = _text(
        "Delene i rækkefølge, fx 'Helt enig' ... 'Helt uenig': talkolonner, eller værdier i 'stack'-kolonnen "
        "(standard: alle).", default=None)
    stack: str | None = _text("Tekstkolonnen med delene, når tabellen har én række pr. del (fx 'status').", default=None)
    value: str | None = _text("Talkolonnen med tallene, når 'stack' bruges (standard: den sidste).", default=None)
    rest: str | None = _text("Navn på resten op til 100 pct., fx 'Øvrige' (kun for pct.).", default=None)
    diverging: Flag = _text("Likert-skala centreret om det neutrale svar (ja/nej).", default=False)
    neutral: str | None = _text("Det neutrale svar (standard: det midterste af delene).", default=None)
    axis: str | None = _text("Tekst på x-aksen (standard: 'Pct.').", default=None)

    def data_refs(self) -> list[Ref]:
        refs = super().data_refs()
        if self.stack:
            refs.append(Ref(("stack",), self.stack, "label"))
            refs += _refs(("parts",), self.parts, "row", "stack")
            refs += [Ref(("value",), self.value, "value")] if self.value else []
        else:
            refs += _refs(("parts",), self.parts, "value")
        return refs


class Quadrants(Spec):
    top_left: str | None = _text("Tekst i kvadranten øverst til venstre.", default=None)
    top_right: str | None = _text("Tekst i kvadranten øverst til højre.", default=None)
    bottom_left: str | None = _text("Tekst i kvadranten nederst til venstre.", default=None)
    bottom_right: str | None = _text("Tekst i kvadranten nederst til højre, fx 'Høje udgifter, lav effekt'.",
                                     default=None)


class QuadrantChart(ChartBase):
    """Scatter of two deviations with dashed zero lines, labelled points and quadrant captions."""

    kind: Literal["kvadrant"]
    categories: str | None = _text("Tekstkolonnen, der navngiver punkterne (standard: første tekstkolonne).",
                                   default=None)
    x: Text = _text("Talkolonnen på x-aksen, fx afvigelse i udgift.")
    y: Text = _text("Talkolonnen på y-aksen, fx afvigelse i effekt.")
    x_axis: str | None = _text("Tekst på x-aksen (standard: kolonnens navn).", default=None)
    y_axis: str | None = _text("Tekst på y-aksen (standard: kolonnens navn).", default=None)
    quadrants: Quadrants = _text("Tekster i de fire kvadranter.", default_factory=Quadrants)

    def data_refs(self) -> list[Ref]:
        return super().data_refs() + [Ref(("x",), self.x, "value"), Ref(("y",), self.y, "value")]


class WaterfallChart(ChartBase):
    """Waterfall: the first row is the starting amount, the next rows change it, the last bar is the result."""

    kind: Literal["vandfald"]
    categories: str | None = _text("Tekstkolonnen med trinene; første række er udgangspunktet.", default=None)
    value: str | None = _text("Talkolonnen med beløbene (standard: den første).", default=None)
    total: Text = _text("Navnet på den sidste søjle, fx 'Udgift i scenariet'.", default="Resultat")
    axis: str | None = _text("Tekst på y-aksen (standard: tabellens enhed).", default=None)

    def data_refs(self) -> list[Ref]:
        return super().data_refs() + ([Ref(("value",), self.value, "value")] if self.value else [])


CHART_MODELS = (BarChart, RankingChart, LineChart, StackedChart, QuadrantChart, WaterfallChart)
ChartSpec = Annotated[Union[CHART_MODELS], Field(discriminator="kind")]  # type: ignore[valid-type]
