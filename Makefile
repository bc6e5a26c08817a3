# The two commands of the README:
#   make demo   set up, audit the bundled sample archive, serve the dashboard on http://127.0.0.1:8000/
#   make test   set up with the test extras, then lint, type-check (mypy --strict) and run the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test lint clean

demo: $(VENV)/.installed
	$(BIN)/provenance serve --demo --db sqlite:///$(CURDIR)/provenance.db

test: $(VENV)/.installed-test
	$(BIN)/ruff check provenance web tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2

lint: $(VENV)/.installed-test
	$(BIN)/ruff check provenance web tests scripts benchmarks

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "provenance needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info
