"""Property-based tests over the inputs staff and outsiders control: no input may crash the tool.

Fixed seed and bounded examples, so CI stays fast and reproducible.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.load.data import parse_cell
from briefing.errors import BriefingError
from briefing.load.source import load_yaml
from briefing.kinds import KINDS
from briefing.spec.kind import slide_file_model
from briefing.spec.models import DeckSpec, TableSpec

SlideFile = slide_file_model(KINDS)
from briefing.load.validate import validate

SETTINGS = settings(max_examples=150, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
YAML_ALPHABET = st.sampled_from(list("abc:- \n\t[]{}'\"#&*!|>%@`,.0123456789æøå\r\ufeff"))


def _load(text: str | bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return load_yaml(path)


@SETTINGS
@given(st.text(YAML_ALPHABET, max_size=200))
def test_any_yaml_text_loads_or_gives_a_located_error(text):
    try:
        doc = _load(text)
    except BriefingError as exc:
        assert all(p.location.file is not None and p.message for p in exc.problems)
        return
    for model in (DeckSpec, TableSpec):
        _result, problems = validate(model, doc)
        assert all(p.message for p in problems)
    if isinstance(doc.data, dict):
        validate(SlideFile, doc, {"slide": doc.data}, prefix=("slide",))


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_load_or_give_a_located_error(data):
    try:
        _load(data)
    except BriefingError as exc:
        assert exc.problems[0].location.file is not None


@SETTINGS
@given(st.text(max_size=30))
def test_any_cell_text_is_a_number_missing_or_a_danish_value_error(text):
    try:
        value = parse_cell(text, text)
    except ValueError as exc:
        assert str(exc)
        return
    assert value is None or isinstance(value, float)


@SETTINGS
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
                    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children,
                                                                                      max_size=3),
                    max_leaves=15))
def test_any_structure_validates_to_a_model_or_danish_problems(data):
    from briefing.load.source import SourceDoc

    doc = SourceDoc(Path("inputs/slides/x.yaml"), data)
    for model in (DeckSpec, TableSpec):
        result, problems = validate(model, doc)
        assert (result is None) == bool(problems)
    if isinstance(data, dict):
        result, problems = validate(SlideFile, doc, {"slide": data}, prefix=("slide",))
        assert (result is None) == bool(problems)
        assert all(p.location.line >= 1 for p in problems)
