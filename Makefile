# Front door of the project: `make help` lists what you can do.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# 0.0.0.0 lets colleagues on the office network open http://<this-machine's-IP>:$(PORT)
ADDRESS ?= 0.0.0.0
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: help install install-dev chromium libreoffice poppler db run test bench lint clean

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

# The hearing deck's PDF: LibreOffice converts the PPTX. Liberation Sans draws the deck's
# Arial with the same metrics (chromium brings it too; a server without chromium needs it).
libreoffice: ## Install Debian's LibreOffice Impress (the deck's PDF) when it is missing
	@if ! command -v libreoffice >/dev/null || [ ! -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]; then \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-impress fonts-liberation; \
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
run: db libreoffice $(TLS_NEEDS) ## Serve on http://localhost:$(PORT) (HTTPS=1 [CERT= KEY=]: over TLS)
	@if [ "$(HTTPS)" = 1 ] && ! [ -r "$(CERT)" -a -r "$(KEY)" ]; then \
	  echo "HTTPS=1: cannot read CERT=$(CERT) and KEY=$(KEY)"; exit 2; fi
	$(BIN)/python serve.py --server.headless true --server.port $(PORT) \
	  --server.address $(ADDRESS) --browser.gatherUsageStats false $(TLS_ARGS)

test: install-dev chromium libreoffice poppler ## Install what the tests need and run every test
	$(BIN)/python -m pytest

bench: install-dev chromium ## Benchmark at provincial scale (1M enterprise rows); writes BENCHMARKS.md
	$(BIN)/python tests/benchmark.py $(BENCH_ARGS)

lint: install-dev ## Ruff
	$(BIN)/ruff check .

clean: ## Remove the virtualenv and caches (keeps the database)
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
