# Quick start: `make build` builds the example deck, `make test` runs all tests.
# Both install the exact versions in constraints.txt, so every machine and CI get the same packages;
# `make test-latest` runs the tests against the newest versions instead, in .venv-latest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LATEST := .venv-latest
LOWEST := .venv-lowest
# Also for the build environment pip makes for setuptools (pip reads PIP_CONSTRAINT there too).
PINNED := PIP_CONSTRAINT=$(CURDIR)/constraints.txt
# The suite runs on every core (pytest-xdist); one file stays on one worker, so a module's built example is
# built once. `make test PYTEST_WORKERS=` runs it in one process.
PYTEST_WORKERS ?= -n auto --dist loadfile

.PHONY: build test test-latest test-lowest constraints check schema bench mutate clean

$(BIN)/briefing: pyproject.toml setup.py constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PINNED) $(BIN)/python -m pip install --quiet --upgrade pip
	$(PINNED) $(BIN)/python -m pip install --quiet -e .
	@# Byte-compile now: where PYTHONDONTWRITEBYTECODE is set, every run would compile briefing again (~0,3 s).
	$(BIN)/python -m compileall -q briefing
	touch $@

$(VENV)/.test-extras: $(BIN)/briefing
	$(PINNED) $(BIN)/python -m pip install --quiet -e '.[test,audit]'
	touch $@

build: $(BIN)/briefing
	$(BIN)/briefing build
	@printf '%s\n' '' 'briefing er installeret i $(VENV). Kør det sådan:' \
	  '  Linux og macOS:  $(BIN)/briefing --help   (eller først: source $(BIN)/activate)' \
	  '  Windows:         $(VENV)\Scripts\briefing --help   (eller først: $(VENV)\Scripts\activate, i PowerShell $(VENV)\Scripts\Activate.ps1)'

check: $(BIN)/briefing
	$(BIN)/briefing check

schema: $(BIN)/briefing
	$(BIN)/briefing schema

test: $(VENV)/.test-extras
	$(BIN)/python -m pip freeze --all | grep -iE '^(babel|click|lxml|matplotlib|numpy|openpyxl|pillow|pydantic|pydantic.core|python-pptx|pyyaml)==' || true
	$(BIN)/python -m pytest $(PYTEST_WORKERS)

# The newest versions pip finds, in a venv of their own: drift shows here on purpose, not on main.
test-latest:
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade -e '.[test,audit]'
	$(LATEST)/bin/python -m pip freeze --all | grep -iE '^(babel|click|lxml|matplotlib|numpy|openpyxl|pillow|pydantic|pydantic.core|python-pptx|pyyaml)==' || true
	$(LATEST)/bin/python -m pytest $(PYTEST_WORKERS)

# The lowest versions pyproject.toml allows (constraints-lowest.txt).
test-lowest:
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --upgrade pip
	PIP_CONSTRAINT=$(CURDIR)/constraints-lowest.txt $(LOWEST)/bin/python -m pip install --quiet -e '.[test]'
	$(LOWEST)/bin/python -m pip freeze --all | grep -iE '^(babel|click|lxml|matplotlib|numpy|openpyxl|pillow|pydantic|pydantic.core|python-pptx|pyyaml)==' || true
	$(LOWEST)/bin/python -m pytest $(PYTEST_WORKERS)

# Pin what `make test-latest` used (after it passed): the next `make build` and `make test` install that.
constraints:
	{ sed -n '1,2p' constraints.txt; $(LATEST)/bin/python -m pip freeze --all | grep -v '^#\|^-e\|^briefing' | LC_ALL=C sort -f; } > constraints.new
	mv constraints.new constraints.txt

bench: $(BIN)/briefing
	$(BIN)/python benchmarks/run.py

# Mutation testing of the correctness core ([tool.mutmut] in pyproject.toml, docs/mutation.md); slow, so not part
# of `make test` or CI. MUTANTS='briefing.danish.numbers*' runs one module; MUTATE_JOBS workers (the default 2 leaves
# a shared machine usable). mutants/ is git-ignored and `make clean` removes it.
MUTANTS ?=
MUTATE_JOBS ?= 2
mutate: $(VENV)/.test-extras
	$(BIN)/python -m pip install --quiet 'mutmut==3.8.1'
	$(BIN)/mutmut run --max-children $(MUTATE_JOBS) $(MUTANTS)
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) $(LATEST) $(LOWEST) output/*.pptx mutants
