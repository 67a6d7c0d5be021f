"""Decks for other municipalities from the same inputs, batch builds, chart cache and skipped rebuilds."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.batch import build_every
from briefing.errors import BriefingError
from briefing.danish.fmt import keep_together
from briefing.build import build
from briefing.cli import main

from .deckdump import dump

DECK = """\
title: Beskæftigelsen i Favrskov
municipality: Favrskov
date: 2022-03-07
name: favrskov-benchmark
appendix: nej
comparison:
  region: RAR Østjylland
municipalities: [Favrskov, Skanderborg, Ringkøbing-Skjern]
sections:
  - title: Benchmark
    divider: nej
    slides: [sanktioner]
"""

SLIDE = """\
kind: diagram
title: Sanktioner pr. 100 modtagere
chart:
  kind: søjle
  table: sanktioner
narrative:
  - rule: rangering
    noun: sanktionsrate
"""

TABLE = """\
title: Sanktioner pr. 100 modtagere
source: STAR
period: "2021"
decimals: 1
rows:
  - kommune: Favrskov
    "2021": 9,4
  - kommune: Skanderborg
    "2021": 8,1
  - kommune: Ringkøbing-Skjern
    "2021": 10,2
  - kommune: RAR Østjylland
    "2021": 8,9
"""


def _project(root: Path) -> Path:
    inputs = root / "inputs"
    (inputs / "slides").mkdir(parents=True)
    (inputs / "data").mkdir()
    (inputs / "briefing.yaml").write_text(DECK, encoding="utf-8")
    (inputs / "slides" / "sanktioner.yaml").write_text(SLIDE, encoding="utf-8")
    (inputs / "data" / "sanktioner.yaml").write_text(TABLE, encoding="utf-8")
    return inputs


def test_another_municipality_gets_its_own_name_highlight_and_sentence(tmp_path):
    inputs = _project(tmp_path)
    result = build(inputs, municipality="Ringkøbing-Skjern")
    assert result.path == tmp_path / "output" / "ringkoebing-skjern-benchmark.pptx"
    slides = dump(result.path)
    assert slides[0]["title"] == keep_together("Sanktioner pr. 100 modtagere")
    assert keep_together("Ringkøbing-Skjern har den højeste sanktionsrate blandt de tre kommuner") in slides[0]["texts"]


def test_batch_builds_one_deck_per_municipality(tmp_path):
    inputs = _project(tmp_path)
    results = build_every(inputs, workers=2)
    assert [r.path.name for r in results] == [
        "favrskov-benchmark.pptx", "skanderborg-benchmark.pptx", "ringkoebing-skjern-benchmark.pptx"]
    leads = [dump(r.path)[0]["texts"] for r in results]
    assert keep_together("Favrskov har den næsthøjeste sanktionsrate blandt de tre kommuner") not in leads[0]  # 3 rows: no 'næst'
    assert keep_together("Favrskov er nr. 2 af 3 kommuner målt på sanktionsrate") in leads[0]
    assert keep_together("Skanderborg har den laveste sanktionsrate blandt de tre kommuner") in leads[1]


def test_batch_through_the_command_line(tmp_path, monkeypatch):
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--alle"])
    assert result.exit_code == 0, result.output
    assert "Færdig: 3 præsentationer bygget på" in result.output
    assert sorted(p.name for p in (tmp_path / "output").glob("*.pptx")) == [
        "favrskov-benchmark.pptx", "ringkoebing-skjern-benchmark.pptx", "skanderborg-benchmark.pptx"]


def _cached_charts(root: Path) -> set[str]:
    return {p.name for p in (root / "output" / ".cache" / "charts").glob("*.png")}


def test_chart_cache_is_invalidated_by_data_spec_and_theme(tmp_path):
    inputs = _project(tmp_path)
    build(inputs)
    first = _cached_charts(tmp_path)
    assert len(first) == 1
    table = inputs / "data" / "sanktioner.yaml"
    table.write_text(TABLE.replace("9,4", "9,5"), encoding="utf-8")
    build(inputs)
    after_data = _cached_charts(tmp_path)
    assert len(after_data) == 2
    slide = inputs / "slides" / "sanktioner.yaml"
    slide.write_text(SLIDE.replace("  table: sanktioner\n", "  table: sanktioner\n  labels: nej\n"), encoding="utf-8")
    build(inputs)
    assert len(_cached_charts(tmp_path)) == 3
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "default.yaml").write_text('colors:\n  highlight: "#A33B00"\n', encoding="utf-8")
    build(inputs)
    assert len(_cached_charts(tmp_path)) == 4


def test_rebuild_with_nothing_changed_is_skipped_and_identical(tmp_path, monkeypatch):
    inputs = _project(tmp_path)
    first = build(inputs)
    digest = hashlib.sha256(first.path.read_bytes()).hexdigest()
    again = build(inputs)
    assert again.unchanged and hashlib.sha256(again.path.read_bytes()).hexdigest() == digest
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.output == ("Ingen ændringer siden sidste bygning: output/favrskov-benchmark.pptx "
                             "er allerede opdateret.\n")
    fresh = build(inputs, cache=False)
    assert not fresh.unchanged
    assert hashlib.sha256(fresh.path.read_bytes()).hexdigest() == digest  # byte-identical from scratch


def test_a_changed_deck_is_rebuilt(tmp_path):
    inputs = _project(tmp_path)
    build(inputs)
    first = (tmp_path / "output" / "favrskov-benchmark.pptx").read_bytes()
    table = inputs / "data" / "sanktioner.yaml"
    table.write_text(TABLE.replace("9,4", "7,0"), encoding="utf-8")
    result = build(inputs)
    assert not result.unchanged
    assert result.path.read_bytes() != first
    assert "Favrskov har den laveste sanktionsrate blandt de tre kommuner" in dump(result.path)[0]["texts"]


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell for the stand-in program")
def test_batch_with_pdf_makes_a_pdf_next_to_every_deck(tmp_path, monkeypatch):
    from .test_pdf import fake_libreoffice

    # The stand-in writes <deck>.pdf into the folder after --outdir, as LibreOffice does.
    script = ('out=""; last=""; prev=""\nfor a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; '
              'last="$a"; done\nmkdir -p "$out"\nname=$(basename "$last" .pptx)\nprintf "%%PDF-1.4" > "$out/$name.pdf"')
    monkeypatch.setenv("PATH", str(fake_libreoffice(tmp_path / "bin", script)) + ":/usr/bin:/bin")
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--alle", "--pdf"])
    assert result.exit_code == 0, result.output
    assert "Færdig: 3 præsentationer og 3 PDF'er bygget på" in result.output
    for name in ("favrskov", "skanderborg", "ringkoebing-skjern"):
        assert (tmp_path / "output" / f"{name}-benchmark.pdf").read_bytes() == b"%PDF-1.4"


def test_batch_with_pdf_but_no_libreoffice_warns_once(tmp_path, monkeypatch):
    from .test_pdf import no_libreoffice

    no_libreoffice(monkeypatch, tmp_path)
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--alle", "--pdf"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("advarsel")]
    assert warnings == ["advarsel: output: PDF'erne er ikke lavet, fordi LibreOffice ikke er installeret (programmet "
                        "'soffice' findes ikke). Præsentationerne er bygget; installér LibreOffice (eller angiv, hvor "
                        "det er, med BRIEFING_SOFFICE), eller gem som PDF fra PowerPoint"]
    assert "Færdig: 3 præsentationer bygget på" in result.output
    assert not list((tmp_path / "output").glob("*.pdf"))


KPI = """\
kind: nøgletal
title: Nøgletal
tiles:
  - label: Sanktioner pr. 100 modtagere
    table: sanktioner
    where: {kommune: Favrskov}
    compare:
      where: {kommune: RAR Østjylland}
      against: benchmark
"""


def test_key_figures_of_the_own_municipality_follow_the_deck_built_for_another(tmp_path):
    inputs = _project(tmp_path)
    (inputs / "slides" / "noegletal.yaml").write_text(KPI, encoding="utf-8")
    deck = inputs / "briefing.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("slides: [sanktioner]", "slides: [noegletal, sanktioner]"),
                    encoding="utf-8")
    texts = {}
    for name in ("Favrskov", "Ringkøbing-Skjern"):
        slide = dump(build(inputs, municipality=name).path)[0]
        texts[name] = slide["texts"]
    assert "9,4" in texts["Favrskov"] and "▲ 0,5 over RAR Østjylland" in texts["Favrskov"]
    assert "10,2" in texts["Ringkøbing-Skjern"] and "▲ 1,3 over RAR Østjylland" in texts["Ringkøbing-Skjern"]


def test_key_figure_for_a_municipality_missing_from_its_table_is_a_located_error(tmp_path):
    from briefing.errors import BriefingError

    inputs = _project(tmp_path)
    (inputs / "slides" / "noegletal.yaml").write_text(KPI, encoding="utf-8")
    deck = inputs / "briefing.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("slides: [sanktioner]", "slides: [noegletal, sanktioner]"),
                    encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        build(inputs, municipality="Vejle")
    assert caught.value.render(tmp_path).splitlines() == [
        "inputs/slides/noegletal.yaml:6:22: tiles[1].where.kommune: værdien 'Vejle' findes ikke i kolonnen 'kommune' "
        "(findes: Favrskov, Skanderborg, Ringkøbing-Skjern, RAR Østjylland)",
        "inputs/slides/sanktioner.yaml:7:5: narrative[1]: egen kommune 'Vejle' findes ikke blandt rækkerne (findes: "
        "Favrskov, Skanderborg, Ringkøbing-Skjern); angiv 'subject' med den række, der rangeres"]


def test_an_error_in_a_batch_worker_comes_back_as_the_located_message(tmp_path):
    """A BriefingError raised in a worker process is pickled back to the main process by its problems (before,
    unpickling it crashed the pool: 'Der skete en uventet fejl')."""
    import pickle

    from briefing.errors import BriefingError, Location, Problem

    error = BriefingError([Problem("værdien 'Vejle' findes ikke", Location(tmp_path / "a.yaml", 3, 5), "where")])
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems and str(again) == str(error)


def test_a_municipality_the_tables_lack_is_a_located_error_from_a_worker_not_a_crash(tmp_path):
    inputs = _project(tmp_path)
    deck = inputs / "briefing.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("Ringkøbing-Skjern]", "Ringkøbing-Skjern, Vejle]"),
                    encoding="utf-8")
    (inputs / "slides" / "sanktioner.yaml").write_text(SLIDE + "    subject: Favrskov\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        build_every(inputs, workers=2)
    assert caught.value.render(tmp_path).splitlines() == [
        "inputs/slides/sanktioner.yaml:9:14: narrative[1].subject: 'Vejle' findes ikke blandt rækkerne (findes: "
        "Favrskov, Skanderborg, Ringkøbing-Skjern) (præsentationen for Vejle)"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_with_one_failing_municipality_writes_no_deck(tmp_path, workers):
    """The decks that could be built are not written either: a failed batch leaves output/ as it was."""
    inputs = _project(tmp_path)
    deck = inputs / "briefing.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("Ringkøbing-Skjern]", "Ringkøbing-Skjern, Vejle]"),
                    encoding="utf-8")
    (inputs / "slides" / "sanktioner.yaml").write_text(SLIDE + "    subject: Favrskov\n", encoding="utf-8")
    with pytest.raises(BriefingError):
        build_every(inputs, workers=workers)
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").glob("*.pptx"))


@pytest.mark.parametrize("listed, column, message", [
    ("[Favrskov, Skanderborg, Favrskov]", 17, "municipalities: Favrskov står mere end én gang; skriv hver kommune én "
                                              "gang"),
    ("[Favrskov, RAR Østjylland]", 28, "municipalities[2]: 'RAR Østjylland' er ikke en kommune; skriv en af de 98 "
                                       "kommuner, fx Vejle"),
])
def test_municipalities_are_each_a_municipality_once_before_anything_is_built(tmp_path, listed, column, message):
    inputs = _project(tmp_path)
    deck = inputs / "briefing.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("[Favrskov, Skanderborg, Ringkøbing-Skjern]", listed),
                    encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        build_every(inputs, workers=1)
    line = deck.read_text(encoding="utf-8").splitlines().index(f"municipalities: {listed}") + 1
    assert caught.value.render(tmp_path) == f"inputs/briefing.yaml:{line}:{column}: {message}"
    assert not (tmp_path / "output").exists()
