"""The tree shows the pipeline: stages import only from stages below them, with no import cycles.

Measured from the code's own imports (ast), lazy imports inside functions included, so it cannot rot.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"

# The shared ground (rank 0) first, then the stages in pipeline order; a module may import from a lower rank
# and from its own package, never from a higher rank.
RANKS = {
    "briefing": 0, "briefing.errors": 0, "briefing.files": 0, "briefing.console": 0, "briefing.danish": 0,
    "briefing.spec": 0,
    "briefing.load": 1,
    "briefing.facts": 2,
    "briefing.charts": 3,
    "briefing.deck": 4,
    "briefing.kinds": 5,
    "briefing.publish": 5,
    "briefing.build": 6,
    "briefing.batch": 7,
    "briefing.cli": 8,
    "briefing.__main__": 9,
}
MAX_LINES = 420  # "about 400": split by concern before a module grows past it
MAX_TOP_MODULES = 8


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _target(name: str) -> str | None:
    """The module an imported name lives in: the longest known module prefix."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(name: str, path: Path) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names] if base else []
        else:
            continue
        for imported in names:
            if imported.split(".")[0] == "briefing":
                target = _target(imported)
                if target and target != name:
                    found.add(target)
    return found


@functools.cache
def graph() -> dict[str, set[str]]:
    """Module -> the briefing modules it imports (parsed when first asked: every worker collects this file)."""
    return {name: _imports(name, path) for name, path in MODULES.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if state.get(other) == 1:
                return stack[stack.index(other):] + [other]
            if other not in state and (found := visit(other)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_modules():
    assert _cycle(graph()) is None


def test_no_import_cycle_between_stages():
    stages: dict[str, set[str]] = {}
    for module, targets in graph().items():
        stages.setdefault(_stage(module), set()).update(_stage(t) for t in targets if _stage(t) != _stage(module))
    assert _cycle(stages) is None


def test_every_stage_imports_only_from_stages_below_it():
    upward = sorted(f"{module} -> {target}" for module, targets in graph().items() for target in targets
                    if _stage(target) != _stage(module) and RANKS[_stage(target)] > RANKS[_stage(module)])
    assert upward == []


def test_every_module_belongs_to_a_known_stage():
    assert sorted({_stage(m) for m in MODULES} - set(RANKS)) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_at_most_eight_modules_directly_under_the_package():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


def test_no_module_grows_past_about_400_lines():
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}

