"""The alt text of a chart: its kind, title, what it compares (in Danish sentences), period and source.

Names that stand inside a sentence are written as there ('til sammenligning RAR
Østjylland 8,9 og hele landet 9,6'), through ChartData.say.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.danish import fmt
from briefing.spec.chartdata import ChartData, QuadrantOptions, RankingOptions


CHART_NAMES = {
    "søjle": "Søjlediagram",
    "søjle/sorteret": "Liggende søjlediagram, sorteret fra størst til mindst",
    "rangering": "Rangeret søjlediagram",
    "linje": "Linjediagram",
    "stablet": "Stablet søjlediagram (100 pct.)",
    "stablet/divergerende": "Divergerende søjlediagram",
    "kvadrant": "Punktdiagram med kvadranter",
    "vandfald": "Vandfaldsdiagram",
}


def alt_text(data) -> str:
    """Danish alt text: kind, title, what is compared (facts.describe_chart), period and source."""
    kind = CHART_NAMES.get(f"{data.kind}/{data.variant}", CHART_NAMES[data.kind])
    source = f"Kilde: {data.source}" + (f", {data.period}" if data.period else "")
    return " ".join(_sentence(part) for part in (f"{kind}: {data.title}", describe_chart(data), source))


def _sentence(text: str) -> str:
    """End with exactly one full stop, also after an abbreviation such as 'mio. kr.'."""
    return text if text.endswith(".") else f"{text}."


def describe_chart(data: ChartData) -> str:
    """What the chart compares, in Danish sentences for alt text (without kind, title and source)."""
    key = f"{data.kind}/{data.variant}" if data.variant else data.kind
    return DESCRIBERS.get(key, DESCRIBERS[data.kind])(data)


def _num(value: float | None, data: ChartData) -> str:
    return "–" if value is None else fmt.number(value, data.decimals, minus=fmt.MINUS)


def _pairs(names, values, data: ChartData) -> str:
    return fmt.join_list([f"{data.say(n)} {_num(v, data)}" for n, v in zip(names, values)])


def _list(names, data: ChartData) -> str:
    """Names as a list; names that hold a comma themselves ('kontanthjælp, jobparat') are set apart by semicolons."""
    said = [data.say(n) for n in names]
    if len(said) > 2 and any("," in n for n in said):
        return f"{'; '.join(said[:-1])} og {said[-1]}"
    return fmt.join_list(said)


def _start(text: str) -> str:
    return text[:1].upper() + text[1:]


def _describe_bar(data: ChartData) -> str:
    text = f"{data.axis_label} for {_list(data.categories, data)}"
    return text + (f", {_list([s.name for s in data.series], data)}" if len(data.series) > 1 else "")


def _describe_ranking(data: ChartData) -> str:
    options = data.options or RankingOptions()
    order = "fra højest til lavest" if options.descending else "fra lavest til højest"
    text = f"{data.axis_label}, {order}: {_pairs(data.categories, data.series[0].values, data)}"
    if options.references:
        text += f"; til sammenligning {_pairs([r.name for r in options.references], [r.value for r in options.references], data)}"
    values = data.series[0].values
    own = data.category_roles.index("own") if "own" in data.category_roles else None
    if own is not None and values[own] is not None:  # missing values are not ranked (they come last)
        ranked = sum(v is not None for v in values)
        text += f". {_start(data.say(data.categories[own]))} {_place_words(values, own, options.descending, ranked)}"
    return text


def _place_words(values, own: int, descending: bool, ranked: int) -> str:
    """'ligger lavest af de seks', 'ligger tredjehøjest af de syv'; the exact middle (or past the tenth) by number."""
    from briefing.facts.narrative.ranking import rank_word

    mine = values[own]
    top = 1 + sum(1 for v in values if v is not None and v > mine)
    bottom = 1 + sum(1 for v in values if v is not None and v < mine)
    word = None
    if top != bottom or top == 1:
        word = rank_word(top, "højest") if top <= bottom else rank_word(bottom, "lavest")
    if word is None:
        position = own + 1  # as the bars are drawn
        return f"er nr. {position} af {fmt.number(ranked)}"
    return f"ligger {word[:-1]} af de {fmt.number_word(ranked)}"


def _describe_line(data: ChartData) -> str:
    names = _list([s.name for s in data.series], data)
    latest = _pairs([s.name for s in data.series], [s.values[-1] for s in data.series], data)
    return (f"{data.axis_label} for {names} fra {data.categories[0]} til {data.categories[-1]}. "
            f"{data.categories[-1]}: {latest}")


def _largest_part(data: ChartData, i: int) -> str:
    known = [(s.values[i], s.name) for s in data.series if s.values[i] is not None and s.role != "rest"]
    if not known:
        return f"{data.say(data.categories[i])}: –"
    value, name = max(known, key=lambda pair: pair[0])
    return f"{data.say(data.categories[i])}: {data.say(name)} {_num(value, data)}"


def _describe_stacked(data: ChartData) -> str:
    parts = _list([s.name for s in data.series], data)
    largest = "; ".join(_largest_part(data, i) for i in range(len(data.categories)))
    return f"Fordeling i pct. på {parts} for {_list(data.categories, data)}. Største del: {largest}"


def _describe_diverging(data: ChartData) -> str:
    k = data.options.neutral
    agree = range(k if k is not None else len(data.series) // 2)
    sums = [None if any(data.series[j].values[i] is None for j in agree) else sum(data.series[j].values[i] for j in agree)
            for i in range(len(data.categories))]
    return (f"Svarfordeling i pct. fra {data.series[0].name.lower()} til {data.series[-1].name.lower()} "
            f"for {fmt.number(len(data.categories))} udsagn. Andel enige: {_pairs(data.categories, sums, data)}")


def _describe_quadrant(data: ChartData) -> str:
    options: QuadrantOptions = data.options
    text = f"{options.x_label} mod {data.say(options.y_label)} for {_list(data.categories, data)}"
    xs, ys = data.series[0].values, data.series[1].values
    for caption, test in zip(options.captions, QUADRANT_TESTS):
        inside = [n for n, x, y in zip(data.categories, xs, ys) if x is not None and y is not None and test(x, y)]
        if caption and inside:
            text += f". {caption}: {_list(inside, data)}"
    return text


QUADRANT_TESTS = (lambda x, y: x < 0 < y, lambda x, y: x > 0 and y > 0,
                  lambda x, y: x < 0 and y < 0, lambda x, y: y < 0 < x)  # TL, TR, BL, BR


def _describe_waterfall(data: ChartData) -> str:
    scale = data.options.scale if data.options else None
    values = data.series[0].values

    def amount(value, signed=False):
        if value is None:
            return "–"
        if data.unit != "kr.":
            return fmt.number(value, data.decimals, signed=signed, minus=fmt.MINUS)
        return fmt.money(value, None if scale else data.decimals, scale=scale, signed=signed, minus=fmt.MINUS)

    steps = fmt.join_list([f"{data.say(n)} {amount(v, True)}" for n, v in zip(data.categories[1:-1], values[1:-1])])
    return (f"Fra {data.say(data.categories[0])} {amount(values[0])} over {steps} til {data.say(data.categories[-1])} "
            f"{amount(values[-1])}")


DESCRIBERS: dict[str, Callable[[ChartData], str]] = {
    "søjle": _describe_bar,
    "rangering": _describe_ranking,
    "linje": _describe_line,
    "stablet": _describe_stacked,
    "stablet/divergerende": _describe_diverging,
    "kvadrant": _describe_quadrant,
    "vandfald": _describe_waterfall,
}


