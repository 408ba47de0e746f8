# newsgraph: two commands on a fresh machine.
#   make run    set up .venv, ingest examples/ into ./newsgraph.db, show what was found in the sample
#               article and the commands to try next
#   make test   set up .venv if needed, run the whole test suite
#   make serve  the REST API and web UI over ./newsgraph.db on http://127.0.0.1:8000/ui/ (after make run)
# The newsgraph command lives in .venv/bin: activate it (. .venv/bin/activate) or call .venv/bin/newsgraph.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench serve screenshots clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: set PYTHON=/path/to/python3.11"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

SAMPLE := examples/gallant-2024-03-27.txt

define NEXT

Next, from this folder (activate the environment first: . .venv/bin/activate):
  newsgraph quotes --speaker Gallant --table        who said what, across the stored articles
  newsgraph events --type CONSULT --table           who met whom
  newsgraph timeline "Yoav Gallant" --table         one actor in date order
  newsgraph search ceasefire                        full text over articles and quotes
  newsgraph extract YOUR-FILES --format table       your own news (text, HTML, JSONL, WARC, feeds)
  newsgraph --help                                  every command; README.md has more
endef
export NEXT

run: $(STAMP)
	$(BIN)/newsgraph ingest examples/
	@echo
	@echo "What newsgraph found in the sample article ($(SAMPLE)):"
	@$(BIN)/newsgraph show $(SAMPLE) --format table
	@echo "$$NEXT"

test: $(STAMP)
	$(BIN)/python -m pytest -q

serve: $(STAMP)
	$(BIN)/newsgraph serve --db sqlite:///newsgraph.db

# the README's screenshots, taken by the web UI tests in Chromium
screenshots: $(STAMP)
	NEWSGRAPH_SCREENSHOTS=docs $(BIN)/python -m pytest -q tests/web

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) newsgraph.db newsgraph.db-wal newsgraph.db-shm
