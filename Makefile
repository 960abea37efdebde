# The microneedling guide. `make serve` to preview, `make test` to check everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
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

# --- everyday -----------------------------------------------------------

serve: $(VENV)/.site ## Preview on http://127.0.0.1:8000, reloading on every save
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(VENV)/.site ## Strict build into site/
	$(BIN)/mkdocs build --strict --clean

test: $(VENV)/.test ## Run every test (data, pages, build, HTML, browser)
	$(BIN)/python -m pytest

clean: ## Remove what builds and installs left behind
	rm -rf site site-zensical .cache .pytest_cache bench/out
