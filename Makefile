# Quick start: `make build` builds the example deck, `make test` runs all tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test check schema bench mutate clean

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@# Byte-compile now: where PYTHONDONTWRITEBYTECODE is set, every run would compile briefing again (~0,3 s).
	$(BIN)/python -m compileall -q briefing
	touch $@

$(VENV)/.test-extras: $(BIN)/briefing
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

build: $(BIN)/briefing
	$(BIN)/briefing build

check: $(BIN)/briefing
	$(BIN)/briefing check

schema: $(BIN)/briefing
	$(BIN)/briefing schema

test: $(VENV)/.test-extras
	$(BIN)/python -m pytest

bench: $(BIN)/briefing
	$(BIN)/python benchmarks/run.py

# Mutation testing of the correctness core ([tool.mutmut] in pyproject.toml); slow, so not part of `make test`.
mutate: $(VENV)/.test-extras
	$(BIN)/python -m pip install --quiet 'mutmut==3.8.1'
	$(BIN)/mutmut run || true
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) output/*.pptx mutants
