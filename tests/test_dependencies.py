"""The declared dependencies are exactly the distributions briefing's own code imports, and constraints.txt pins
every one of them (and everything else the venv holds) to one exact version."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _declared() -> dict[str, str]:
    requirements = _pyproject()["project"]["dependencies"]
    return {_normal(re.split(r"[<>=!~ \[;]", r, maxsplit=1)[0]): r for r in requirements}


def _imported_modules(folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"briefing", "__future__"}


def test_declared_dependencies_are_exactly_the_imported_distributions():
    owners = packages_distributions()
    imported = {_normal(dist) for module in _imported_modules(ROOT / "briefing") for dist in owners.get(module, [module])}
    assert imported == set(_declared())


def test_every_dependency_has_a_lower_bound_and_pandas_is_gone():
    declared = _declared()
    assert "pandas" not in declared
    assert all(">=" in requirement for requirement in declared.values()), declared


def test_the_distribution_name_is_free_and_the_command_is_briefing():
    project = _pyproject()["project"]
    assert project["name"] == "briefing-beskaeftigelse"  # 'briefing' on PyPI is an unrelated project
    assert project["scripts"] == {"briefing": "briefing.cli:main"}
    assert project["license"] == "MIT" and (ROOT / "LICENSE").is_file()


def test_constraints_pin_every_dependency_exactly():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version and re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), line
            pins[_normal(name)] = version
    test_extras = {_normal(re.split(r"[<>=!~ ]", r, maxsplit=1)[0])
                   for r in _pyproject()["project"]["optional-dependencies"]["test"]}
    assert set(_declared()) | test_extras <= set(pins)
