"""The fact ledger: output/<navn>-fakta.csv lists every generated sentence and the numbers it rests on."""

from __future__ import annotations

from pathlib import Path


def ledger_path(deck_path: Path) -> Path:
    """The fact ledger sits next to the deck: output/<name>-fakta.csv."""
    return deck_path.with_name(f"{deck_path.stem}-fakta.csv")


LEDGER_HEADER = ["slide", "slidetitel", "regel", "sætning", "tal", "kilde", "periode", "tabel"]


def fact_ledger(contents) -> bytes:
    """CSV (semicolons, UTF-8 with BOM for Excel) of every generated sentence and the numbers it rests on, and of
    every number a text quotes from a table (`{tabel | række | kolonne}`, rule 'henvisning')."""
    import csv
    import io

    from briefing.publish.csvsafe import safe_row

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(LEDGER_HEADER)
    for content in contents:
        for sentence in content.extra.get("sentences") or []:
            facts = sentence.facts
            writer.writerow(safe_row([content.number, getattr(content.spec, "title", ""), sentence.rule, sentence.text,
                                      "; ".join(v.describe() for v in facts),
                                      ", ".join(dict.fromkeys(v.source for v in facts if v.source)),
                                      ", ".join(dict.fromkeys(v.period for v in facts if v.period)),
                                      ", ".join(dict.fromkeys(v.table for v in facts if v.table))]))
        for quote in content.extra.get("quotes") or []:
            writer.writerow(safe_row([content.number, getattr(content.spec, "title", ""), "henvisning", quote.text,
                                      quote.describe(), quote.source, quote.period, quote.table]))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
