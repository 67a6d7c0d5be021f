"""Spec models for the sentences a slide asks for: `narrative:` items, told apart by `rule:`."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BeforeValidator, Field, WithJsonSchema

from briefing.spec.base import Flag, Number, Spec, Text, _text, yes_no

Selection = dict[str, Text]
Better = Literal["højere", "lavere", "neutral"]
# ja/nej, or 'rate' for a relative change of a share that is meant as such ('10 pct. lavere afgangsrate')
Relative = Annotated[Union[bool, Literal["rate"]], BeforeValidator(yes_no),
                     WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nej", "rate"]}]})]
RelativeDecimals = Annotated[int, Field(ge=0, le=3)]


class RuleBase(Spec):
    table: str | None = _text("Datatabel (standard: slidens tabel).", default=None)
    where: Selection = _text("Vælg rækker: kolonne: værdi.", default_factory=dict)
    when: str | None = _text("Betingelse, fx 'abs(forskel) > 2'; sætningen skrives kun, når den er opfyldt.", default=None)


class CompareRule(RuleBase):
    rule: Literal["sammenligning"]
    subject: str | None = _text("Det, der sammenlignes (standard: egen kommune).", default=None)
    benchmarks: list[Text] | None = _text("Det, der sammenlignes med (standard: regionen).", default=None)
    column: str | None = _text("Talkolonnen, når der sammenlignes rækker (standard: den sidste).", default=None)
    tolerance: Number | None = _text("Forskelle op til denne størrelse kaldes 'på niveau med'.", default=None, ge=0)
    noun: str | None = _text("Giver relativ form: '9 pct. højere {noun}', fx 'udgifter pr. fuldtidsperson'.", default=None)
    judge: Flag = _text("Tilføj 'et bedre/dårligere resultat' ud fra tabellens 'better' (ja/nej).", default=False)
    about: str | None = _text("Tilføjes sidst i sætningen, fx 'for aktivitetsparate'.", default=None)
    measure: str | None = _text("Målet i stedet for stedet, fx 'aktiveringsgraden' (ligger 1,7 pct.point over ...).",
                                default=None)
    relative: Relative = _text("'rate': tillad relativ forskel (med 'noun') for en andel, fx en afgangsrate.",
                               default=False)
    relative_decimals: RelativeDecimals | None = _text("Decimaler i den relative forskel (standard: 1 under 10 pct.).",
                                                       default=None)
    form: Literal["forskel", "niveauer"] = _text("'forskel': 1,7 pct.point over; 'niveauer': 4,1 pct. mod 3,6 pct.",
                                                 default="forskel")
    after_value: str | None = _text("Med 'niveauer': tekst efter det første tal, fx 'af befolkningen'.", default=None)


class DeviationRule(RuleBase):
    rule: Literal["afvigelse"]
    subject: str | None = _text("Rækken med afvigelsen (standard: egen kommune).", default=None)
    column: str | None = _text("Talkolonnen (standard: den sidste periode).", default=None)
    reference: Text = _text("Hvad afvigelsen er målt fra, fx 'hele landet'.")
    tolerance: Number | None = _text("Afvigelser op til denne størrelse kaldes 'på niveau med'.", default=None, ge=0)
    measure: str | None = _text("Målet i stedet for stedet, fx 'ledigheden'.", default=None)
    about: str | None = _text("Tilføjes sidst i sætningen.", default=None)


class ChangeRule(RuleBase):
    rule: Literal["udvikling"]
    measure: Text = _text("Hvad der ændrer sig, i bestemt form, fx 'andelen aktiverede'.")
    start: str | None = _text("Første periode (standard: den første periodekolonne).", default=None)
    end: str | None = _text("Sidste periode (standard: den sidste periodekolonne).", default=None)
    form: Literal["fra_til", "med"] = _text("'fra_til': fra 62,5 til 73,6 pct.; 'med': steget med 11,1 pct.point.", default="fra_til")
    threshold: Number | None = _text("Ændringer op til denne størrelse kaldes 'stort set uændret'.", default=None, ge=0)
    relative: Relative = _text("Ændringen i procent (fx 'faldet med 12 pct.') (ja/nej; 'rate' for en andel); "
                               "fortælles altid med 'form: med'.",
                               default=False)
    relative_decimals: RelativeDecimals | None = _text("Decimaler i den relative ændring (standard: 1 under 10 pct.).",
                                                       default=None)
    subject: str | None = _text("Rækken, når 'benchmark' er angivet (standard: egen kommune).", default=None)
    benchmark: str | None = _text("Samme udvikling et andet sted, fx 'Østdanmark' (... mod 6,1 pct. i Østdanmark).",
                                  default=None)


class RankRule(RuleBase):
    rule: Literal["rangering"]
    subject: str | None = _text("Rækken, der rangeres (standard: egen kommune).", default=None)
    column: str | None = _text("Talkolonnen (standard: den sidste).", default=None)
    noun: Text = _text("Målet i ubestemt form, fx 'andel' eller 'sanktionsrate'.")
    group: str | None = _text("Gruppen i flertal, fx 'kommuner' (standard: kommuner eller områder efter rækkerne).",
                              default=None)
    direction: Literal["højest", "lavest"] | None = _text("Tæl pladsen fra den højeste eller laveste "
                                                          "(standard: fra den nærmeste ende).", default=None)
    exclude: list[Text] | None = _text("Rækker, der ikke rangeres (standard: region og hele landet).", default=None)
    about: str | None = _text("Tilføjes sidst i sætningen, fx 'i 2021'.", default=None)
    benchmarks: list[Text] | None = _text("Sammenlign også med disse rækker i samme sætning, fx [RAR Østjylland, Hele "
                                          "landet]: '... og ligger under både RAR Østjylland og hele landet'.",
                                          default=None)
    tolerance: Number | None = _text("Med 'benchmarks': forskelle op til denne størrelse kaldes 'på niveau med'.",
                                     default=None, ge=0)


class ExtremesRule(RuleBase):
    rule: Literal["ekstremer"]
    column: str | None = _text("Talkolonnen (standard: den seneste periode).", default=None)
    noun: Text = _text("Målet i ubestemt form, fx 'andel'.")
    exclude: list[Text] | None = _text("Rækker, der ikke er med (standard: region og hele landet, som i rangering).",
                                       default=None)
    about: str | None = _text("Tilføjes sidst i sætningen, fx 'i 3. kvt. 2021'.", default=None)


class ShareRule(RuleBase):
    rule: Literal["andel"]
    part: Text = _text("Rækken, der er en del af helheden.")
    whole: Text = _text("Rækken med helheden (i alt).")
    column: str | None = _text("Talkolonnen (standard: den sidste).", default=None)
    part_text: Text = _text("Delen i tekst, fx 'virksomhedspraktik'.")
    whole_text: Text = _text("Helheden i tekst, fx 'alle aktiverede'.")


class TargetRule(RuleBase):
    rule: Literal["mål"]
    subject: str | None = _text("Rækken eller kolonnen med værdien (standard: egen kommune).", default=None)
    column: str | None = _text("Talkolonnen (standard: den sidste).", default=None)
    target: Number = _text("Målet i tabellens enhed, fx 80.")
    better: Literal["højere", "lavere"] = _text("Er målet nået, når værdien er højere eller lavere?", default="højere")


NarrativeItem = Annotated[
    Union[CompareRule, ChangeRule, RankRule, ExtremesRule, ShareRule, TargetRule, DeviationRule],
    Field(discriminator="rule")
]
