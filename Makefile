# The two commands of the README: `make run` and `make test`. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
WORKERS ?= 2
BIN := $(VENV)/bin
export FLASK_APP := app.manage:create_app()

.PHONY: run test lint setup db knowledge bench bench-load bench-desk eval eval-dialogues fit clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

setup: $(VENV)/.runtime

db: setup
	$(BIN)/flask db upgrade

knowledge: db
	$(BIN)/flask kb load --if-changed

run: knowledge
	$(BIN)/gunicorn --config gunicorn.conf.py --workers $(WORKERS) --bind 127.0.0.1:$(PORT) wsgi:app

test: $(VENV)/.test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: setup
	$(BIN)/python benchmarks/match_latency.py

bench-load: setup
	$(BIN)/python benchmarks/load.py

bench-desk: setup
	$(BIN)/python benchmarks/gap_report.py

fit: setup
	$(BIN)/python benchmarks/eval/fit.py

eval: setup
	$(BIN)/python benchmarks/eval/run.py --snapshot

eval-dialogues: setup
	$(BIN)/python benchmarks/eval/dialogues.py tune tune2 tune3 tune4 tune5 tune6 tune7 tune8 tune9 tune10 tune11 tune12 tune13 tune14 tune15 tune16 tune17 tune18 tune19 tune20 test

clean:
	rm -rf $(VENV) instance .pytest_cache
