"""Deep nesting is refused at the first level too deep, at the same place whichever YAML parser PyYAML brings:
libyaml as installed (0.2.5 in PyYAML 6.0.3+ refuses 1.000 flow levels on its own, before the events reach
them), no libyaml at all (a PyYAML built without it), or a libyaml that refuses the document outright."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.errors import BriefingError
from briefing.load.source import load_yaml


class _RefusingLoader(yaml.SafeLoader):
    """Stands in for a libyaml that refuses what it reads (as libyaml 0.2.5 does past 1.000 flow levels)."""

    def __init__(self, stream):
        raise yaml.scanner.ScannerError(problem="exceeded maximum nesting depth")


@pytest.fixture(params=["libyaml-as-installed", "without-libyaml", "libyaml-refusing"])
def parser(request, monkeypatch):
    if request.param == "without-libyaml":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif request.param == "libyaml-refusing":
        monkeypatch.setattr(yaml, "CSafeLoader", _RefusingLoader, raising=False)
    return request.param


@pytest.mark.parametrize("levels", [42, 600, 999, 1001, 3000, 40000])
def test_deep_flow_nesting_is_located_at_the_first_level_too_deep(tmp_path: Path, parser, levels):
    path = tmp_path / "dyb.yaml"
    path.write_text("kind: punkter\nbullets: " + "[" * levels + "]" * levels + "\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_yaml(path)
    # the section is level 0, bullets' list level 1: the 41st '[' (column 9 + 41) is the first too deep
    assert str(caught.value) == f"{path}:2:50: strukturen er indlejret mere end 40 niveauer; det er ikke tilladt"


def test_deep_block_nesting_is_located_at_the_first_level_too_deep(tmp_path: Path, parser):
    path = tmp_path / "dyb.yaml"
    path.write_text("kind: punkter\nextra:\n  " + "- " * 3000 + "x\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_yaml(path)
    assert str(caught.value) == f"{path}:3:83: strukturen er indlejret mere end 40 niveauer; det er ikke tilladt"


def test_forty_levels_are_allowed(tmp_path: Path, parser):
    path = tmp_path / "ok.yaml"
    path.write_text("kind: punkter\nbullets: " + "[" * 40 + "]" * 40 + "\n", encoding="utf-8")
    value, levels = load_yaml(path).data["bullets"], 1
    while value:
        value, levels = value[0], levels + 1
    assert levels == 40
