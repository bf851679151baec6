# Front door of the project: `make help` lists what you can do.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# 0.0.0.0 lets colleagues on the office network open http://<this-machine's-IP>:$(PORT)
ADDRESS ?= 0.0.0.0
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: help install install-dev chromium axe libreoffice libreoffice-if-allowed poppler db run test test-fast bench lint lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# Installs come from the locks: every transitive package pinned, each file checked by its hash.
$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

install: $(BIN)/.installed ## Create the virtualenv and install the dashboard's packages

install-dev: $(BIN)/.installed-dev ## Also install the test tools

chromium: ## Install Debian's Chromium for the browser tests when it is missing
	@if [ ! -x /usr/bin/chromium ]; then \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
	fi

# axe-core, the accessibility engine the browser tests inject into every page
# (tests/e2e/test_accessibility.py): the version pinned in tests/e2e/axe/package.json, checked
# against the hash in its package-lock.json by `npm ci`. Debian's npm when node's is missing.
AXE := tests/e2e/axe/node_modules/axe-core/axe.min.js

$(AXE): tests/e2e/axe/package-lock.json
	@if ! command -v npm >/dev/null; then \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm; \
	fi
	npm ci --prefix tests/e2e/axe --no-audit --no-fund --loglevel=error
	touch $@

axe: $(AXE) ## Install axe-core (pinned, hash-checked) for the accessibility browser tests

# The hearing deck's PDF: LibreOffice converts the PPTX. Liberation Sans draws the deck's
# Arial with the same metrics (chromium brings it too; a server without chromium needs it).
# Calc: the download tests open our CSV and XLSX files as a planner's suite does (tests/calc.py),
# and the wide-table tests save workbooks as CSV in an id-ID profile.
LIBREOFFICE_MISSING := ! command -v libreoffice >/dev/null || [ ! -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || [ ! -e /usr/lib/libreoffice/program/libsclo.so ]
LIBREOFFICE_APT := apt-get update -q && env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-impress libreoffice-calc fonts-liberation

libreoffice: ## Install Debian's LibreOffice Impress and Calc (the deck's PDF; download tests) when missing
	@if $(LIBREOFFICE_MISSING); then \
	  $(SUDO) sh -c "$(LIBREOFFICE_APT)"; \
	fi

# For `make run`: the dashboard serves without LibreOffice (the deck page then offers the PPTX and
# says how to enable the PDF), so install it only where that is allowed and never fail because of it.
libreoffice-if-allowed:
	@if $(LIBREOFFICE_MISSING); then \
	  if [ "$$(id -u)" -eq 0 ]; then as=""; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as="sudo -n"; \
	  else as=none; fi; \
	  if [ "$$as" = none ] || ! command -v apt-get >/dev/null \
	     || ! $$as sh -c "$(LIBREOFFICE_APT)"; then \
	    echo "note: LibreOffice is not installed; the dashboard runs, the deck page offers the PPTX only."; \
	    echo "      For the PDF: sudo apt-get install libreoffice-impress fonts-liberation"; \
	  fi; \
	fi

poppler: ## Install Debian's poppler-utils (pdftoppm, to look at deck pages) when it is missing
	@if ! command -v pdftoppm >/dev/null; then \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends poppler-utils; \
	fi

db: install ## Create the database from data/ (once; later runs keep uploads)
	$(BIN)/python -m impact init

# HTTPS=1 serves over TLS, so editors' passwords do not cross the office network in clear.
# CERT=/KEY= name the office's certificate; without them a self-signed one for this machine's
# name and addresses is made once into .streamlit/tls/ (ignored by git). See the README.
TLS_DIR := .streamlit/tls
ifeq ($(HTTPS),1)
ifeq ($(origin CERT),undefined)
CERT := $(TLS_DIR)/dashboard.crt
KEY := $(TLS_DIR)/dashboard.key
TLS_NEEDS := $(CERT)
endif
TLS_ARGS := --server.sslCertFile $(CERT) --server.sslKeyFile $(KEY)
endif

$(TLS_DIR)/dashboard.crt:
	@mkdir -p $(TLS_DIR)
	@name=$$(hostname); fqdn=$$(hostname -f 2>/dev/null || echo $$name); \
	san="DNS:$$name,DNS:localhost,IP:127.0.0.1"; [ "$$fqdn" = "$$name" ] || san="$$san,DNS:$$fqdn"; \
	for ip in $$(hostname -I 2>/dev/null); do san="$$san,IP:$$ip"; done; \
	echo "making a self-signed certificate for $$san"; \
	openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=$$name" \
	  -addext "subjectAltName=$$san" -keyout $(TLS_DIR)/dashboard.key -out $@ 2>/dev/null
	@chmod 600 $(TLS_DIR)/dashboard.key

# serve.py is `streamlit run app.py` with a gate on the upload endpoint (editors only).
run: db libreoffice-if-allowed $(TLS_NEEDS) ## Serve on http://localhost:$(PORT) (HTTPS=1 [CERT= KEY=]: over TLS)
	@if [ "$(HTTPS)" = 1 ] && ! [ -r "$(CERT)" -a -r "$(KEY)" ]; then \
	  echo "HTTPS=1: cannot read CERT=$(CERT) and KEY=$(KEY)"; exit 2; fi
	$(BIN)/python serve.py --server.headless true --server.port $(PORT) \
	  --server.address $(ADDRESS) --browser.gatherUsageStats false $(TLS_ARGS)

test: install-dev chromium axe libreoffice poppler ## Install what the tests need and run every test
	$(BIN)/python -m pytest

test-fast: install-dev ## Every test except the browser tests (tests/e2e), ~5 min
	$(BIN)/python -m pytest -q -m "not e2e"

bench: install-dev chromium ## Benchmark at provincial scale (1M enterprise rows); writes BENCHMARKS.md
	$(BIN)/python tests/benchmark.py $(BENCH_ARGS)

lint: install-dev ## Ruff (lint and format) and mypy (impact/)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Resolve from the public index only: this machine's pip config (local mirrors, find-links,
# constraints) must not leak into the lock. For Python 3.11 on linux x86_64.
PIP_TOOLS := pip-tools==7.6.2
LOCK_ENV := env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null
PIP_COMPILE := $(LOCK_ENV) $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
  --no-emit-index-url --no-emit-find-links

lock: $(BIN)/.installed ## Re-pin requirements*.lock (with hashes) from requirements*.txt
	$(BIN)/pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	$(PIP_COMPILE) --output-file requirements.lock requirements.txt
	$(PIP_COMPILE) --output-file requirements-dev.lock requirements-dev.txt

clean: ## Remove the virtualenv and caches (keeps the database)
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
