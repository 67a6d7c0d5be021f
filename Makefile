# Quick start: `make build` builds the example deck, `make test` runs all tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test check schema bench clean

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

clean:
	rm -rf $(VENV) output/*.pptx
