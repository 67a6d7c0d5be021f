"""Spec models for chart kinds, told apart by `kind:` inside a slide's `chart:` section."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from .specbase import Spec, Text, _text


Selection = dict[str, Text]


class BarChart(Spec):
    kind: Literal["søjle"]
    table: Text = _text("Datatabel: filnavn i inputs/data/ uden endelse.")
    categories: str | None = _text("Kolonnen med kategorierne på x-aksen (standard: første tekstkolonne).", default=None)
    series: list[Text] | None = _text("Talkolonner, der vises som serier (standard: alle).", default=None)
    where: Selection = _text("Vælg rækker: kolonne: værdi.", default_factory=dict)
    axis: str | None = _text("Tekst på y-aksen (standard: tabellens enhed).", default=None)
    labels: bool = _text("Vis tal på søjlerne (ja/nej).", default=True)


ChartSpec = Annotated[Union[BarChart], Field(discriminator="kind")]


