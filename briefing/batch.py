"""Many decks from one briefing: one per municipality in the deck file, built in parallel processes."""

from __future__ import annotations

import gc
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from briefing.build import BuildResult, build, load, plan_only
from briefing.errors import BriefingError, Location, Problem
from briefing.load.project import DECK_FILE
from briefing.load.source import load_yaml
from briefing.charts.cache import DRAWN
from briefing.charts.workers import can_fork, usable_cores


def municipalities(inputs: Path) -> list[str]:
    """The municipalities listed in briefing.yaml (`municipalities:`), with a Danish error when there are none."""
    from briefing.spec.models import DeckSpec
    from briefing.load.validate import validate

    doc = load_yaml(Path(inputs) / DECK_FILE)
    deck, problems = validate(DeckSpec, doc)
    if problems:
        raise BriefingError(problems)
    if not deck.municipalities:
        raise BriefingError(Problem("angiv kommunerne under 'municipalities:' for at bygge med --alle",
                                    Location(Path(inputs) / DECK_FILE, 1, 1), "municipalities"))
    names = list(deck.municipalities)
    from briefing.load.names import municipality_problem, names_for

    registry = names_for(Path(inputs).parent / "narratives" / "phrasebook.yaml")
    wrong = [Problem(problem, doc.location(("municipalities", i)), f"municipalities[{i + 1}]")
             for i, name in enumerate(names) if (problem := municipality_problem(name, registry))]
    if wrong:
        raise BriefingError(wrong)
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:  # two builds of one deck would write the same files at once
        raise BriefingError(Problem(f"{', '.join(twice)} står mere end én gang; skriv hver kommune én gang",
                                    doc.location(("municipalities",)), "municipalities"))
    return names


_LOADED = None  # the project, loaded once in the parent; forked workers inherit it


def _one(args) -> BuildResult:
    inputs, municipality, strict, cache = args
    try:
        result = build(inputs, strict=strict, municipality=municipality, cache=cache, parallel=False, loaded=_LOADED)
        result.project = None  # the loaded project stays here: sent back for every deck, it would be pickled 98 times
        DRAWN.clear()  # another municipality's deck has other charts: keeping them would only grow the worker
        return result
    finally:
        # A deck's presentation and figures are reference cycles: collected now, a worker stays at the size of
        # one deck instead of growing by ~2 MB per deck until the collector's rare full passes.
        gc.collect()


def _check_one(args) -> None:
    inputs, municipality, strict, _cache = args
    try:
        plan_only(inputs, municipality, strict=strict, loaded=_LOADED)
    finally:
        gc.collect()


def build_every(inputs: Path, *, strict: bool = False, cache: bool = True, workers: int | None = None,
                progress: Callable[[int, int], None] | None = None) -> list[BuildResult]:
    """Build one deck per municipality using all cores; all errors are collected and raised together."""
    global _LOADED

    names = municipalities(inputs)
    _LOADED = load(Path(inputs))  # validated once; each deck only swaps the municipality
    from briefing import charts  # noqa: F401  (imported before forking, so workers do not import it again)

    gc.freeze()  # what is loaded now is never garbage: full collections in the workers skip it, pages stay shared
    try:
        jobs = [(Path(inputs), name, strict, cache) for name in names]
        results: dict[str, BuildResult] = {}
        problems: list[Problem] = []
        workers = min(workers or usable_cores(), len(jobs))
        if workers < 2:
            for job in jobs:  # every deck planned before any is written: one that fails leaves all as they were
                _collect(job[1], lambda job=job: _check_one(job), {}, problems)
            if problems:
                raise BriefingError(problems)
            for done, job in enumerate(jobs, start=1):
                _collect(job[1], lambda job=job: _one(job), results, problems)
                if progress:
                    progress(done, len(jobs))
        else:
            import multiprocessing

            method = "fork" if can_fork() else "spawn"
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
                checks = {pool.submit(_check_one, job): job[1] for job in jobs}
                for future in as_completed(checks):
                    _collect(checks[future], future.result, {}, problems)
                if problems:
                    raise BriefingError(problems)
                futures = {pool.submit(_one, job): job[1] for job in jobs}
                for done, future in enumerate(as_completed(futures), start=1):
                    _collect(futures[future], future.result, results, problems)
                    if progress:
                        progress(done, len(jobs))
    finally:
        _LOADED = None
        gc.unfreeze()
    if problems:
        raise BriefingError(problems)
    return [results[name] for name in names]


def _collect(name: str, run, results: dict, problems: list[Problem]) -> None:
    try:
        results[name] = run()
    except BriefingError as exc:
        problems.extend(Problem(f"{p.message} (præsentationen for {name})", p.location, p.field) for p in exc.problems)
