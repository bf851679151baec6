# Front door of the project: `make help` lists what you can do.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# 0.0.0.0 lets colleagues on the office network open http://<this-machine's-IP>:$(PORT)
ADDRESS ?= 0.0.0.0
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: help install install-dev chromium db run test bench lint clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed ## Create the virtualenv and install the dashboard's packages

install-dev: $(BIN)/.installed-dev ## Also install the test tools

chromium: ## Install Debian's Chromium for the browser tests when it is missing
	@if [ ! -x /usr/bin/chromium ]; then \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
	fi

db: install ## Create the database from data/ (once; later runs keep uploads)
	$(BIN)/python -m impact init

run: db ## Serve the dashboard on http://localhost:$(PORT)
	$(BIN)/streamlit run app.py --server.headless true --server.port $(PORT) \
	  --server.address $(ADDRESS) --browser.gatherUsageStats false

test: install-dev chromium ## Install what the tests need and run every test
	$(BIN)/python -m pytest

bench: install-dev chromium ## Benchmark at provincial scale (1M enterprise rows); writes BENCHMARKS.md
	$(BIN)/python tests/benchmark.py $(BENCH_ARGS)

lint: install-dev ## Ruff
	$(BIN)/ruff check .

clean: ## Remove the virtualenv and caches (keeps the database)
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
