"""An OOXML validator (openxml-audit, installed by `make test`) finds nothing wrong in the example deck."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("openxml_audit", reason="openxml-audit is installed by 'make test' (the 'audit' extra)")


def test_the_example_deck_has_no_ooxml_errors_or_warnings(example_deck: Path):
    program = Path(sys.executable).parent / "openxml-audit"
    result = subprocess.run([str(program), "-o", "json", "-m", "0", str(example_deck)], capture_output=True,
                            text=True, timeout=300)
    report = json.loads(result.stdout)[0]
    assert (report["error_count"], report["warning_count"]) == (0, 0), report["errors"]
    assert report["verdict"]["prediction"] == "opens-clean"
    assert result.returncode == 0
