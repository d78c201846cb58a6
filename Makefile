# LeadSim: `make play` to play, `make test` to run the checks. Needs only python3 (>= 3.10).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: play test lint typecheck pytest bench clean postgres

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "LeadSim needs Python 3.10 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP_RUN)

play: $(STAMP_RUN)
	$(BIN)/leadsim

lint: $(STAMP_TEST)
	$(BIN)/ruff check game tests benchmarks scripts
	$(BIN)/ruff format --check game tests benchmarks scripts

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

# Tests run on every core (at most four): about 6.5 minutes on two cores, 12.5 on one.
pytest: $(STAMP_TEST) postgres
	$(BIN)/pytest -q --numprocesses=auto --maxprocesses=4

# The class server's tests start a throwaway PostgreSQL server of their own
# (tests/serve/pgcluster.py); this installs PostgreSQL where it is missing and the machine
# allows it (root with apt-get). Elsewhere those tests are skipped, and say why.
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then \
	  :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing PostgreSQL for the class server's tests"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	else \
	  echo "note: PostgreSQL is not installed: the class server's PostgreSQL tests are skipped"; \
	fi

test: lint typecheck pytest

bench: $(STAMP_TEST)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
