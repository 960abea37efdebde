# The microneedling guide. `make serve` to preview, `make test` to check everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
VENVZ  := .venv-zensical
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve build test facts review bench build-zensical clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# --- set-up -------------------------------------------------------------

$(VENV)/.site: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is needed (found " + sys.version.split()[0] + "). Set PYTHON=/path/to/python3.11.")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.txt package.json package-lock.json
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	npm ci --no-audit --no-fund --loglevel=error
	bash tools/ensure-chromium.sh
	touch $@

# Zensical in its own venv, so the main install stays lean (see MIGRATING.md).
$(VENVZ)/.zensical: requirements-zensical.txt
	test -x $(VENVZ)/bin/python || $(PYTHON) -m venv $(VENVZ)
	$(VENVZ)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

# --- everyday -----------------------------------------------------------

PORT ?= 8000

serve: $(VENV)/.site ## Preview on http://127.0.0.1:8000 (or PORT=...), reloading on every save
	$(BIN)/python -m guide.preflight
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --livereload

# Built into .site-new/ and moved to site/ only on success: a failed build leaves the previous site (or none).
# Two editions: English (mkdocs.yml) at the root, then Spanish (mkdocs.es.yml) into es/ inside it.
build: $(VENV)/.site ## Strict build of both editions into site/ (Spanish in site/es/)
	$(BIN)/python -m guide.preflight
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --clean --site-dir .site-new || { rm -rf .site-new; exit 1; }
	$(BIN)/mkdocs build -f mkdocs.es.yml --strict --clean --site-dir .site-new/es || { rm -rf .site-new; exit 1; }
	rm -rf site && mv .site-new site

facts: $(VENV)/.site ## Which facts this change touches (against main), and the pages that show them
	@$(BIN)/python tools/facts_diff.py --base main

review: $(VENV)/.site ## Pages whose review is due within 30 days, or overdue
	@$(BIN)/python tools/review.py --within 30

test: $(VENV)/.test $(VENVZ)/.zensical ## Run every test (data, pages, build, HTML, browser)
	$(BIN)/python -m pytest

# Lighthouse lives in bench/package.json, apart from the test install.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

bench: $(VENV)/.test $(VENVZ)/.zensical bench/node_modules/.installed ## Lighthouse on every page vs plain Material, build times: bench/report.md
	$(BIN)/python tools/bench.py

# Zensical has no --site-dir: the previous site-zensical/ waits in .site-zensical-old/ and comes back if the build fails.
build-zensical: $(VENVZ)/.zensical ## Strict build of both editions with Zensical into site-zensical/ (zensical.yml, zensical.es.yml, MIGRATING.md)
	$(VENVZ)/bin/python -m guide.preflight
	rm -rf .site-zensical-old
	if [ -d site-zensical ]; then mv site-zensical .site-zensical-old; fi
	$(VENVZ)/bin/zensical build -f zensical.yml --clean --strict || { rm -rf site-zensical; if [ -d .site-zensical-old ]; then mv .site-zensical-old site-zensical; fi; echo "Zensical build failed: the editor's message starts at 'RuntimeError: Python error:' above." >&2; exit 1; }
	$(VENVZ)/bin/zensical build -f zensical.es.yml --clean --strict || { rm -rf site-zensical; if [ -d .site-zensical-old ]; then mv .site-zensical-old site-zensical; fi; echo "Zensical build of the Spanish edition failed: the editor's message starts at 'RuntimeError: Python error:' above." >&2; exit 1; }
	rm -rf .site-zensical-old

clean: ## Remove what builds and installs left behind
	rm -rf site site-zensical .cache .pytest_cache bench/out
