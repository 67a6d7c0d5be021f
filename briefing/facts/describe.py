"""What a chart shows, in words: the alt text of every chart (kind, title, what is compared, period, source)."""

from __future__ import annotations

from collections.abc import Callable

from briefing.danish import fmt
from briefing.spec.chartdata import ChartData, QuadrantOptions, RankingOptions

CHART_NAMES = {
    "søjle": "Søjlediagram",
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
    return fmt.join_list([f"{n} {_num(v, data)}" for n, v in zip(names, values)])


def _describe_bar(data: ChartData) -> str:
    text = f"{data.axis_label} for {fmt.join_list(list(data.categories))}"
    return text + (f", {fmt.join_list([s.name for s in data.series])}" if len(data.series) > 1 else "")


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
        text += f". {data.categories[own]} er nr. {own + 1} af {fmt.number(ranked)}"
    return text


def _describe_line(data: ChartData) -> str:
    names = fmt.join_list([s.name for s in data.series])
    latest = _pairs([s.name for s in data.series], [s.values[-1] for s in data.series], data)
    return (f"{data.axis_label} for {names} fra {data.categories[0]} til {data.categories[-1]}. "
            f"{data.categories[-1]}: {latest}")


def _largest_part(data: ChartData, i: int) -> str:
    known = [(s.values[i], s.name) for s in data.series if s.values[i] is not None and s.role != "rest"]
    if not known:
        return f"{data.categories[i]}: –"
    value, name = max(known, key=lambda pair: pair[0])
    return f"{data.categories[i]}: {name} {_num(value, data)}"


def _describe_stacked(data: ChartData) -> str:
    parts = fmt.join_list([s.name for s in data.series])
    largest = "; ".join(_largest_part(data, i) for i in range(len(data.categories)))
    return f"Fordeling i pct. på {parts} for {fmt.join_list(list(data.categories))}. Største del: {largest}"


def _describe_diverging(data: ChartData) -> str:
    k = data.options.neutral
    agree = range(k if k is not None else len(data.series) // 2)
    sums = [None if any(data.series[j].values[i] is None for j in agree) else sum(data.series[j].values[i] for j in agree)
            for i in range(len(data.categories))]
    return (f"Svarfordeling i pct. fra {data.series[0].name.lower()} til {data.series[-1].name.lower()} "
            f"for {fmt.number(len(data.categories))} udsagn. Andel enige: {_pairs(data.categories, sums, data)}")


def _describe_quadrant(data: ChartData) -> str:
    options: QuadrantOptions = data.options
    text = f"{options.x_label} mod {options.y_label} for {fmt.join_list(list(data.categories))}"
    xs, ys = data.series[0].values, data.series[1].values
    for caption, test in zip(options.captions, QUADRANT_TESTS):
        inside = [n for n, x, y in zip(data.categories, xs, ys) if x is not None and y is not None and test(x, y)]
        if caption and inside:
            text += f". {caption}: {fmt.join_list(inside)}"
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

    steps = fmt.join_list([f"{n} {amount(v, True)}" for n, v in zip(data.categories[1:-1], values[1:-1])])
    return (f"Fra {data.categories[0]} {amount(values[0])} over {steps} til {data.categories[-1]} {amount(values[-1])}")


DESCRIBERS: dict[str, Callable[[ChartData], str]] = {
    "søjle": _describe_bar,
    "rangering": _describe_ranking,
    "linje": _describe_line,
    "stablet": _describe_stacked,
    "stablet/divergerende": _describe_diverging,
    "kvadrant": _describe_quadrant,
    "vandfald": _describe_waterfall,
}
