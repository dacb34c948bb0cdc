# Both `make run` and `make test` set up .venv themselves on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[web,scale,dev]'
	touch $(STAMP)

# `make run`: build the store from the example corpus (+ ../shared/eval/dev when present), print the
# summary, then serve it (Ctrl-C stops). RUN_DB, HOST and PORT can be overridden.
RUN_DB ?= multipolar.db
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ARTICLES := ../shared/eval/dev/articles

run: $(STAMP)
	$(VENV)/bin/multipolar demo --db $(RUN_DB)
	if [ -d $(DEV_ARTICLES) ]; then $(VENV)/bin/multipolar ingest --db $(RUN_DB) --no-progress $(DEV_ARTICLES); fi
	@echo "multipolar: serving $(RUN_DB) at http://$(HOST):$(PORT)/ (Ctrl-C stops)"
	$(VENV)/bin/multipolar serve --db $(RUN_DB) --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench

clean:
	rm -rf $(VENV) multipolar.db build *.egg-info src/*.egg-info
