# Two entry points for a fresh machine: `make run` (the main job) and `make test` (the whole suite).
# Both create and reuse a local virtual environment in .venv.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench clean system-packages mutants mutation

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/retrowalk serve

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

system-packages:
	bash scripts/system-packages.sh

unit: $(STAMP) system-packages
	$(BIN)/pytest

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python -m bench

# Mutation testing of the safety rules (scripts/mutate_safety.py, docs/testing.md). Hours on two
# cores: `make mutants TARGET=domain/steps` runs one target file.
TARGET ?=
mutants: $(STAMP)
	$(BIN)/python scripts/mutate_safety.py --target '$(TARGET)'

mutation: mutants

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
