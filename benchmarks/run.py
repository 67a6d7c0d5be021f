"""Benchmark of briefing against a hand-written python-pptx + matplotlib script (issue 7, "Speed").

    .venv/bin/python benchmarks/run.py            (or: make bench)

Every figure is measured here, in the same run, each in a fresh subprocess so that
imports count:

1. cold build of the example (a copy of inputs/, themes/ and narratives/ in a temp
   dir, empty output/.cache),
2. rebuild with nothing changed,
3. rebuild after one number changed: a) in inputs/data/ydelsesmodtagere.yaml (a table
   slide and its sentence) and b) in inputs/data/aktivering-andel.csv (one chart and
   its sentence),
4. `briefing build --alle` on a generated project with one deck per municipality (98),
5. benchmarks/handwritten.py: the same slides and charts (count, size, dpi) written by
   hand with python-pptx and matplotlib.pyplot.

Scenarios 1-3 and 5 are repeated in interleaved rounds (after one warm-up round) and
medians are reported, because the machine is shared. Wall time is what is compared;
CPU time (user + sys of the process and its children) is shown because it is less
disturbed by other load. Memory: the maximum RSS of the process and of each of its
children (os.wait4) in every run, and the peak of the summed PSS of the whole process
tree, sampled every 50 ms in one extra round of scenarios 1-3 and 5 and in the batch.
The timed rounds are not sampled: reading /proc/PID/smaps_rollup takes the lock a
process needs for its page faults, which slows the measured processes (several of
them in a build with chart workers) by more than the one of the hand-written script.
The figures also go to benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from batchproject import MUNICIPALITIES, make_project

PYTHON = sys.executable
EMU_PER_INCH = 914400

# Issue 7: ratios to the hand-written script, the batch in seconds, memory in MB.
TARGETS = {"cold": 0.6, "unchanged": 0.25, "change": 0.35, "batch_seconds": 60.0, "peak_mb": 400.0}

# One number changed in one data file (the file, the text before, the text after).
CHANGES = {
    "change_table": ("inputs/data/ydelsesmodtagere.yaml", "    2021K3: 132\n", "    2021K3: 131\n"),
    "change_chart": ("inputs/data/aktivering-andel.csv", "Kontanthjælp, aktivitetsparat;Tilbud i alt;44,4;80,6",
                     "Kontanthjælp, aktivitetsparat;Tilbud i alt;44,4;80,7"),
}

LABELS = {
    "cold": "1. Kold bygning (tom output/.cache)",
    "unchanged": "2. Genbygning, intet ændret",
    "change_table": "3a. Ét tal ændret (ydelsesmodtagere.yaml)",
    "change_chart": "3b. Ét tal ændret (aktivering-andel.csv)",
    "batch": "4. 98 præsentationer (build --alle)",
    "handwritten": "5. Håndskrevet python-pptx + pyplot",
}


# ---------------------------------------------------------------- measuring one process

def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants, from /proc/<pid>/task/<tid>/children."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeSampler(threading.Thread):
    """Peak of the summed PSS (proportional set size: shared pages split fairly) of a process tree."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb, self.stop = pid, interval, 0, threading.Event()
        self.enabled = Path(f"/proc/{os.getpid()}/smaps_rollup").exists()

    def run(self) -> None:
        while self.enabled and not self.stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))
            self.stop.wait(self.interval)


def measure(command: list[str], cwd: Path, log: Path, sample: bool = True) -> dict:
    """Run `command` in a fresh process; wall and CPU seconds, max RSS (own and children) and, when `sample`,
    peak tree PSS."""
    with open(log, "wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeSampler(process.pid)
        sampler.enabled = sampler.enabled and sample
        sampler.start()
        # wait4 gives this child's own rusage, which (on Linux) includes its waited-for children:
        # ru_maxrss is then the largest RSS of the process or of any one of its worker processes.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    output = log.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0:
        raise SystemExit(f"Fejl: {' '.join(command)} (i {cwd}) sluttede med kode {process.returncode}:\n{output}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_mb": usage.ru_maxrss / 1024,
            "pss_peak_mb": sampler.peak_kb / 1024 if sampler.enabled else None, "output": output.strip()}


# ---------------------------------------------------------------- the scenarios

def new_example(base: Path) -> Path:
    """A copy of the example project (inputs/, themes/, narratives/) with no output/ at all."""
    base.mkdir(parents=True)
    for folder in ("inputs", "themes", "narratives"):
        shutil.copytree(ROOT / folder, base / folder)
    return base


def build_command() -> list[str]:
    return [PYTHON, "-m", "briefing", "build", "--input", "inputs"]


def cached_charts(project: Path) -> int:
    return len(list((project / "output" / ".cache" / "charts").glob("*.png")))


def briefing_run(project: Path, name: str, logs: Path, sample: bool = False) -> dict:
    before = cached_charts(project)
    result = measure(build_command(), project, logs / f"{name}.log", sample)
    result["charts_drawn"] = cached_charts(project) - before
    expect_unchanged = name == "unchanged"
    if ("Ingen ændringer" in result["output"]) != expect_unchanged:
        raise SystemExit(f"Fejl: uventet resultat for '{LABELS[name]}':\n{result['output']}")
    return result


def change_one_number(project: Path, name: str) -> None:
    file, old, new = CHANGES[name]
    path = project / file
    text = path.read_text(encoding="utf-8")
    if text.count(old) != 1:
        raise SystemExit(f"Fejl: kan ikke ændre ét tal i {file}: '{old.strip()}' findes ikke præcis én gang")
    path.write_text(text.replace(old, new), encoding="utf-8")


def handwritten_run(work: Path, manifest: Path, name: str, logs: Path, sample: bool = False) -> dict:
    out = work / f"{name}.pptx"
    result = measure([PYTHON, str(HERE / "handwritten.py"), str(manifest), str(out)], work, logs / f"{name}.log", sample)
    result["path"] = str(out)
    return result


def batch_run(base: Path, logs: Path, name: str) -> dict:
    make_project(base)
    result = measure([PYTHON, "-m", "briefing", "build", "--alle", "--input", "inputs"], base, logs / f"{name}.log")
    decks = sorted((base / "output").glob("*.pptx"))
    if len(decks) != len(MUNICIPALITIES):
        raise SystemExit(f"Fejl: --alle byggede {len(decks)} præsentationer, ikke {len(MUNICIPALITIES)}")
    result["decks"] = len(decks)
    return result


# ---------------------------------------------------------------- what the example deck contains

def manifest_of(deck: Path) -> dict:
    """Slides of a built deck as plain data: titles, texts, shapes, tables, pictures (size, pixels, alt text), notes."""
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    slides = []
    for slide in Presentation(str(deck)).slides:
        spec = {"layout": slide.slide_layout.name, "title": "", "texts": [], "shapes": [], "tables": [],
                "pictures": [], "notes": slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""}
        for shape in slide.shapes:
            box = [shape.left, shape.top, shape.width, shape.height]
            if shape.is_placeholder and shape.has_text_frame and not spec["title"]:
                spec["title"] = shape.text_frame.text
            elif shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                spec["pictures"].append({"box": box, "px": list(shape.image.size), "dpi": list(shape.image.dpi),
                                         "alt": shape._element.nvPicPr.cNvPr.get("descr") or ""})
            elif shape.has_table:
                spec["tables"].append({"box": box, "cells": [[c.text for c in row.cells] for row in shape.table.rows]})
            elif shape.has_text_frame and shape.text_frame.text:
                spec["texts"].append({"box": box, "paragraphs": [p.text for p in shape.text_frame.paragraphs]})
            elif shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE:
                spec["shapes"].append(box)
        slides.append(spec)
    return {"slides": slides}


def structure(manifest: dict) -> dict:
    """What must match between the example and the hand-written deck."""
    slides = manifest["slides"]
    pictures = [p for s in slides for p in s["pictures"]]
    return {
        "slides": len(slides),
        "chart_slides": sum(1 for s in slides if s["pictures"]),
        "table_slides": sum(1 for s in slides if s["tables"]),
        "text_slides": sum(1 for s in slides if not s["pictures"] and not s["tables"]),
        "charts_px": sorted(tuple(p["px"]) for p in pictures),
        "charts_inches": sorted({(round(p["box"][2] / EMU_PER_INCH, 2), round(p["box"][3] / EMU_PER_INCH, 2))
                                 for p in pictures}),
        "dpi": sorted({tuple(p["dpi"]) for p in pictures}),
    }


# ---------------------------------------------------------------- report

def median(samples: list[dict], key: str = "wall") -> float:
    return statistics.median(s[key] for s in samples)


def summary(samples: list[dict], memory: list[dict] = ()) -> dict:
    """Times from the timed runs; peak PSS from the memory run (the batch samples in its timed run)."""
    pss = [s["pss_peak_mb"] for s in [*samples, *memory] if s["pss_peak_mb"] is not None]
    return {"runs": len(samples), "wall_median": median(samples), "wall_min": min(s["wall"] for s in samples),
            "wall_max": max(s["wall"] for s in samples), "cpu_median": median(samples, "cpu"),
            "maxrss_mb": max(s["maxrss_mb"] for s in [*samples, *memory]), "pss_peak_mb": max(pss) if pss else None,
            "charts_drawn": samples[0].get("charts_drawn"),
            "samples": [{k: round(v, 4) if isinstance(v, float) else v for k, v in s.items()
                         if k not in ("output", "path")} for s in samples]}


def dk(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def report(results: dict) -> str:
    s = results["scenarios"]
    hand = s["handwritten"]["wall_median"]
    lines = []
    header = (f"{'Scenarie':<44}{'median s':>9}{'min-maks s':>16}{'CPU s':>8}{'x håndskr.':>11}"
              f"{'maks RSS MB':>12}{'sum PSS MB':>11}{'diagr.':>7}")
    lines += [header, "-" * len(header)]
    for key in ("cold", "unchanged", "change_table", "change_chart", "batch", "handwritten"):
        if key not in s:
            continue
        r = s[key]
        ratio = dk(r["wall_median"] / hand) if key not in ("batch", "handwritten") else ("1,00" if key == "handwritten" else "")
        pss = f"{r['pss_peak_mb']:.0f}" if r["pss_peak_mb"] is not None else "-"
        drawn = "" if r.get("charts_drawn") is None else str(r["charts_drawn"])
        lines.append(f"{LABELS[key]:<44}{dk(r['wall_median']):>9}{dk(r['wall_min']) + '-' + dk(r['wall_max']):>16}"
                     f"{dk(r['cpu_median']):>8}{ratio:>11}{r['maxrss_mb']:>12.0f}{pss:>11}{drawn:>7}")
    cpu = results["ratios_cpu"]
    lines.append(f"Samme forhold på CPU-tid (mindre følsom for andres belastning): kold {dk(cpu['cold'])}x, "
                 f"intet ændret {dk(cpu['unchanged'])}x, ét tal {dk(cpu['change_table'])}x / {dk(cpu['change_chart'])}x")
    lines += ["", f"{'Mål (issue 7)':<44}{'målt':>12}{'mål':>12}  opfyldt?", "-" * 78]
    for target in results["targets"]:
        mark = "ja" if target["met"] else "NEJ"
        lines.append(f"{target['label']:<44}{target['shown']:>12}{target['goal']:>12}  {mark}")
    return "\n".join(lines)


def evaluate(scenarios: dict) -> list[dict]:
    hand = scenarios["handwritten"]["wall_median"]
    targets = []

    def add(label, value, goal, shown, goal_text):
        targets.append({"label": label, "value": value, "goal": goal_text, "shown": shown, "met": value <= goal})

    for key, target, label in (("cold", "cold", "Kold / håndskrevet"),
                               ("unchanged", "unchanged", "Intet ændret / håndskrevet"),
                               ("change_table", "change", "Ét tal, tabel-slide / håndskrevet"),
                               ("change_chart", "change", "Ét tal, diagram / håndskrevet")):
        ratio = scenarios[key]["wall_median"] / hand
        add(label, ratio, TARGETS[target], f"{dk(ratio)}x", f"<= {dk(TARGETS[target])}x")
    if "batch" in scenarios:
        seconds = scenarios["batch"]["wall_median"]
        targets.append({"label": "98 præsentationer", "value": seconds, "goal": "< 60 s", "shown": f"{dk(seconds, 1)} s",
                        "met": seconds < TARGETS["batch_seconds"]})
    briefing = [v for k, v in scenarios.items() if k != "handwritten"]
    peak = max(v["maxrss_mb"] for v in briefing)
    targets.append({"label": "Hukommelse, maks RSS pr. proces", "value": peak, "goal": "< 400 MB",
                    "shown": f"{peak:.0f} MB", "met": peak < TARGETS["peak_mb"]})
    summed = [v["pss_peak_mb"] for v in briefing if v["pss_peak_mb"] is not None]
    if summed:
        targets.append({"label": "Hukommelse, sum PSS af alle processer", "value": max(summed), "goal": "< 400 MB",
                        "shown": f"{max(summed):.0f} MB", "met": max(summed) < TARGETS["peak_mb"]})
    return targets


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def collect(samples: dict, args, load_before, example: dict, equivalent: bool, complete: bool,
            memory: dict | None = None) -> dict:
    """Everything measured so far, as written to results.json."""
    memory = memory or {}
    scenarios = {k: summary(v, memory.get(k, [])) for k, v in samples.items() if v}
    compared = ("cold", "unchanged", "change_table", "change_chart")
    results = {
        "complete": complete,
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
        "load_average_before": load_before, "load_average_after": load_average(),
        "rounds": args.rounds, "batch_rounds": args.batch_rounds,
        "example": {**example, "charts_px": [list(p) for p in example["charts_px"]]},
        "handwritten_equivalent": equivalent,
        "scenarios": scenarios,
        "ratios": {k: scenarios[k]["wall_median"] / scenarios["handwritten"]["wall_median"] for k in compared},
        "ratios_cpu": {k: scenarios[k]["cpu_median"] / scenarios["handwritten"]["cpu_median"] for k in compared},
    }
    if "batch" in scenarios:
        results["batch_seconds_per_deck"] = scenarios["batch"]["wall_median"] / len(MUNICIPALITIES)
    results["targets"] = evaluate(scenarios)
    return results


def save(path: Path, results: dict) -> None:
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mål briefing mod et håndskrevet python-pptx + matplotlib-script.")
    parser.add_argument("--rounds", type=int, default=5, help="målerunder for scenarie 1-3 og 5 (standard: 5)")
    parser.add_argument("--batch-rounds", type=int, default=1,
                        help="målinger af de 98 præsentationer (standard: 1, de tager minutter; 0 = spring over)")
    parser.add_argument("--no-warmup", action="store_true", help="ingen opvarmningsrunde")
    parser.add_argument("--output", type=Path, default=HERE / "results.json", help="JSON-filen med tallene")
    parser.add_argument("--keep", action="store_true", help="behold den midlertidige mappe (til profilering)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    logs = work / "logs"
    logs.mkdir()
    load_before = load_average()
    print(f"Måler i {work} med {PYTHON} ({os.cpu_count()} kerner, belastning {load_before})", flush=True)
    samples: dict[str, list[dict]] = {k: [] for k in ("cold", "unchanged", "change_table", "change_chart",
                                                        "handwritten", "batch")}
    try:
        # The manifest of the example deck: what the hand-written script must also make.
        first = new_example(work / "manifest")
        measure(build_command(), first, logs / "manifest.log")
        manifest_path = work / "manifest.json"
        manifest = manifest_of(first / "output" / "hedensted-beskaeftigelse.pptx")
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        example = structure(manifest)

        rounds = ([0] if not args.no_warmup else []) + list(range(1, args.rounds + 1))
        for number in rounds:
            tag = "opvarmning" if number == 0 else f"runde {number}/{args.rounds}"
            project = new_example(work / f"round{number}")
            measured = {}
            if number % 2 == 0:  # alternate the order, so a change in load does not favour one side
                measured["handwritten"] = handwritten_run(work, manifest_path, f"hand{number}", logs)
            measured["cold"] = briefing_run(project, "cold", logs)
            measured["unchanged"] = briefing_run(project, "unchanged", logs)
            for name in ("change_table", "change_chart"):
                change_one_number(project, name)
                measured[name] = briefing_run(project, name, logs)
            if number % 2 == 1:
                measured["handwritten"] = handwritten_run(work, manifest_path, f"hand{number}", logs)
            print(f"  {tag}: " + ", ".join(f"{k} {dk(v['wall'])} s" for k, v in measured.items()), flush=True)
            shutil.rmtree(project, ignore_errors=True)
            if number > 0:  # the warm-up round is not counted
                for key, value in measured.items():
                    samples[key].append(value)

        # One more round, for memory only: the PSS of every process, sampled every 50 ms.
        memory: dict[str, list[dict]] = {}
        project = new_example(work / "memory")
        memory["handwritten"] = [handwritten_run(work, manifest_path, "hand-memory", logs, sample=True)]
        memory["cold"] = [briefing_run(project, "cold", logs, sample=True)]
        memory["unchanged"] = [briefing_run(project, "unchanged", logs, sample=True)]
        for name in ("change_table", "change_chart"):
            change_one_number(project, name)
            memory[name] = [briefing_run(project, name, logs, sample=True)]
        print("  hukommelsesrunde: " + ", ".join(f"{k} {v[0]['pss_peak_mb']:.0f} MB" for k, v in memory.items()
                                                 if v[0]["pss_peak_mb"] is not None), flush=True)
        shutil.rmtree(project, ignore_errors=True)

        handmade = structure(manifest_of(Path(samples["handwritten"][0]["path"])))
        equivalent = all(handmade[k] == example[k] for k in ("slides", "chart_slides", "table_slides", "charts_px",
                                                            "charts_inches", "dpi"))

        for number in range(1, args.batch_rounds + 1):
            # Saved before each long batch measurement, so an interrupted run still leaves the figures so far.
            save(args.output, collect(samples, args, load_before, example, equivalent, complete=False, memory=memory))
            base = work / f"batch{number}"
            samples["batch"].append(batch_run(base, logs, f"batch{number}"))
            print(f"  98 præsentationer, måling {number}/{args.batch_rounds}: "
                  f"{dk(samples['batch'][-1]['wall'], 1)} s", flush=True)
            shutil.rmtree(base, ignore_errors=True)

        results = collect(samples, args, load_before, example, equivalent, complete=True, memory=memory)
        print()
        print(f"Eksemplet: {example['slides']} slides, heraf {example['chart_slides']} med diagram "
              f"({', '.join(f'{w}x{h} tommer' for w, h in example['charts_inches'])}, "
              f"{example['dpi'][0][0]} dpi), {example['table_slides']} med tabel og {example['text_slides']} med tekst.")
        print(f"Det håndskrevne script laver det samme (slides, diagrammer, pixels, dpi): "
              f"{'ja' if equivalent else 'NEJ: ' + json.dumps(handmade)}")
        batches = f"{args.batch_rounds} måling" + ("" if args.batch_rounds == 1 else "er")
        print(f"Medianer af {args.rounds} runder (98 præsentationer: {batches}); "
              f"belastning før/efter: {load_before} / {results['load_average_after']}.\n")
        print(report(results))
        save(args.output, results)
        print(f"\nTallene står også i {args.output}")
        return 0
    finally:
        if args.keep:
            print(f"Den midlertidige mappe er bevaret: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
