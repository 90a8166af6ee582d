# landml: `make run` starts the web app on your local workspace; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run demo test check lint types unit docs bench clean

$(STAMP): pyproject.toml
	@scripts/check-python "$(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

run: install  ## Start the web app on your workspace (a demo workspace is one click away).
	$(BIN)/landml serve --host $(HOST) --port $(PORT)

demo: install  ## Start the web app on a separate demo workspace.
	$(BIN)/landml serve --demo --host $(HOST) --port $(PORT)

test: install  ## Lint, types, then the whole test suite (SQLite, PostgreSQL, Chromium).
	@scripts/install-test-deps
	$(MAKE) --no-print-directory lint types unit

check: test

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

types: install
	$(BIN)/mypy src

unit: install
	$(BIN)/pytest -n 2 -q

docs: install  ## Regenerate the CLI reference from --help.
	$(BIN)/python scripts/gen_cli_docs.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
