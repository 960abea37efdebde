# The microneedling guide. `make serve` to preview, `make test` to check the published site.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
VENVZ  := .venv-zensical
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve build test test-fast test-zensical lint facts translated review bench build-zensical clean lock preview

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# --- set-up -------------------------------------------------------------
# Every install is hash-checked against a lock file (requirements*.lock, written
# by `make lock` from requirements*.txt; tests/test_locks.py keeps them in step).
# The stamp files make a re-run quick: a venv is touched again only when its lock changes.

PIP := -m pip install --quiet --disable-pip-version-check --require-hashes
# The project's own package (guide/, tools/: pyproject.toml), editable: imported by name, from this folder.
OWN := -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .

$(VENV)/.site: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is needed (found " + sys.version.split()[0] + "). Set PYTHON=/path/to/python3.11.")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python $(PIP) -r requirements.lock
	$(BIN)/python $(OWN)
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.lock package.json package-lock.json
	$(BIN)/python $(PIP) -r requirements-test.lock
	npm ci --no-audit --no-fund --loglevel=error
	bash tools/ensure-chromium.sh
	touch $@

# Zensical in its own venv, so the main install stays lean (see MIGRATING.md).
$(VENVZ)/.zensical: requirements-zensical.lock pyproject.toml
	test -x $(VENVZ)/bin/python || $(PYTHON) -m venv $(VENVZ)
	$(VENVZ)/bin/python $(PIP) -r requirements-zensical.lock
	$(VENVZ)/bin/python $(OWN)
	touch $@

# The lock tool (uv, requirements-lock.txt) lives in a venv of its own, for `make lock` and the test
# that runs it again (tests/test_locks.py). A lock is what PyPI offered for its input at LOCK_DATE
# (now, unless given), resolved afresh (--upgrade: the old lock is no preference); uv's header in
# each lock names the command and that date, so the test locks again the same way and compares.
VENVL := .venv-lock
LOCK_DATE ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LOCK_DATE := $(LOCK_DATE)
LOCK  := $(VENVL)/bin/uv pip compile --quiet --generate-hashes --upgrade --exclude-newer $(LOCK_DATE) \
         --python-version 3.11.5 --python-platform x86_64-manylinux_2_28

$(VENVL)/.lock: requirements-lock.txt
	test -x $(VENVL)/bin/python || $(PYTHON) -m venv $(VENVL)
	$(VENVL)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-lock.txt
	touch $@

lock: $(VENVL)/.lock ## Refresh the hash-checked lock files (requirements*.lock) from requirements*.txt
	$(LOCK) requirements.txt -o requirements.lock
	$(LOCK) -c requirements.lock requirements.txt requirements-test.txt -o requirements-test.lock
	$(LOCK) requirements-zensical.txt -o requirements-zensical.lock

# Reproducible builds: every date the build writes (sitemap lastmod, the .gz header)
# is the last commit's, not today's. Outside a git checkout, MkDocs uses the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
# A fork that sets only SITE_URL (its address) gets the Spanish edition at SITE_URL + "es/" (mkdocs.es.yml).
ifdef SITE_URL
SITE_URL_ES ?= $(SITE_URL)es/
export SITE_URL_ES
endif
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

# --- everyday -----------------------------------------------------------

PORT ?= 8000

# Both editions on one address, as published: English at http://127.0.0.1:$(PORT)/guide/ (site_url's path),
# Spanish under es/. Each save runs the pre-flight and rebuilds the edition(s) it touches (tools/serve.py).
serve: $(VENV)/.site ## Preview both editions on http://127.0.0.1:8000 (Spanish under es/; or PORT=...), reloading on every save
	$(BIN)/python -m tools.serve --port $(PORT)

# Built into .site-new/ and moved to site/ only on success: a failed build leaves the previous site (or none).
# Two editions at once, one per core: English (mkdocs.yml) into .site-new/, Spanish (mkdocs.es.yml) into
# .site-new-es/ (its messages held until the English build ends, so the two never interleave), then es/ inside.
# The pre-flight hands what it checked to both builds (a private folder, GUIDE_CHECKED, removed at the end):
# a build whose files are still those the pre-flight read checks nothing twice (guide/build/handoff.py).
build: $(VENV)/.site ## Strict build of both editions into site/ (Spanish in site/es/)
	rm -rf .site-new .site-new-es
	export GUIDE_CHECKED=$$(mktemp -d); trap 'rm -rf "$$GUIDE_CHECKED"' EXIT; \
	  $(BIN)/python -m guide.build.preflight || exit 1; \
	  $(BIN)/mkdocs build -f mkdocs.es.yml --strict --clean --site-dir .site-new-es > .site-new-es.log 2>&1 & es=$$!; \
	  $(BIN)/mkdocs build --strict --clean --site-dir .site-new; en=$$?; \
	  wait $$es; es=$$?; cat .site-new-es.log >&2; rm -f .site-new-es.log; \
	  if [ $$en -ne 0 ] || [ $$es -ne 0 ]; then rm -rf .site-new .site-new-es; exit 1; fi
	rm -f .site-new-es/404.html  # never served: GitHub Pages serves the root 404.html, which speaks both languages
	mv .site-new-es .site-new/es
	rm -rf site && mv .site-new site

facts: $(VENV)/.site ## Which facts this change touches (against main), and the pages that show them
	@$(BIN)/python -m tools.facts_diff --base main

# The translation lock (data/facts.es.lock, guide/data/translock.py, tools/translated.py): run it once the Spanish wording says what the English says.
translated: $(VENV)/.site ## Record that the Spanish wording (data/facts.es.yml) was checked against the English as it is now
	@$(BIN)/python -m tools.translated

review: $(VENV)/.site ## Pages whose review is due within 30 days, or overdue
	@$(BIN)/python -m tools.review --within 30

# One test process per core (pytest-xdist); the real builds are made once and shared (tests/conftest.py).
# A single test file or test runs in one process: .venv/bin/python -m pytest tests/test_x.py
XDIST ?= -n auto

# Every check of the published engine (MkDocs), both editions; of Zensical, the build, the same content,
# the Nu checker, the links and axe at phone width (the rest of its browser checks: make test-zensical).
test: $(VENV)/.test $(VENVZ)/.zensical $(VENVL)/.lock lint ## Run every test of the published site (lint and types, data, pages, builds, HTML, browser; Zensical's build, content and phone width)
	$(BIN)/python -m pytest $(XDIST) -m "not zensical_matrix"

# For editors: no browser, no Zensical (the unit, build and site layers, pytest.ini), with lint and types.
test-fast: $(VENV)/.test $(VENVL)/.lock lint ## Quick check while editing: lint, types, data, pages and the MkDocs build (no browser, no Zensical)
	$(BIN)/python -m pytest $(XDIST) -q -m "not browser and not zensical and not suite"

# Every Zensical check, its full browser matrix included (CI: a pull request that touches overrides/, the
# configurations or requirements-zensical*, and weekly: .github/workflows/zensical.yml).
test-zensical: $(VENV)/.test $(VENVZ)/.zensical ## Every Zensical check: its build, content and the full browser matrix (both widths, search)
	$(BIN)/python -m pytest $(XDIST) -m zensical

lint: $(VENV)/.test ## ruff and mypy (settings: pyproject.toml)
	$(BIN)/ruff check guide macros.py tests tools
	$(BIN)/mypy

# As build does: pre-flight first, built into .site-preview-new/ and moved to site-preview/ only on success.
preview: $(VENV)/.site ## The site with links to files, to open from disk (site-preview/, as the pull-request check uploads it)
	$(BIN)/python -m guide.build.preflight
	rm -rf .site-preview-new
	$(BIN)/mkdocs build --strict --clean -f preview.yml --site-dir .site-preview-new || { rm -rf .site-preview-new; exit 1; }
	$(BIN)/mkdocs build --strict --clean -f preview.es.yml --site-dir .site-preview-new/es || { rm -rf .site-preview-new; exit 1; }
	rm -rf site-preview && mv .site-preview-new site-preview

# Lighthouse lives in bench/package.json, apart from the test install.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

bench: $(VENV)/.test $(VENVZ)/.zensical bench/node_modules/.installed ## Lighthouse on every page vs plain Material, build times: bench/report.md
	$(BIN)/python -m tools.bench

# Zensical has no --site-dir: the previous site-zensical/ waits in .site-zensical-old/ and comes back if the build fails.
# The Spanish edition builds from .zensical.es.yml, which the pre-flight writes from zensical.es.yml with INHERIT
# resolved as MkDocs resolves it (Zensical's own INHERIT appends lists: MIGRATING.md).
build-zensical: $(VENVZ)/.zensical ## Strict build of both editions with Zensical into site-zensical/ (zensical.yml, zensical.es.yml, MIGRATING.md)
	$(VENVZ)/bin/python -m guide.build.preflight --flatten
	rm -rf .site-zensical-old
	if [ -d site-zensical ]; then mv site-zensical .site-zensical-old; fi
	{ $(VENVZ)/bin/zensical build -f zensical.yml --clean --strict || { echo "Zensical build failed: the editor's message starts at 'RuntimeError: Python error:' above." >&2; false; }; } \
	  && $(VENVZ)/bin/python -m guide.build.postbuild site-zensical --edition es/ \
	  && { $(VENVZ)/bin/zensical build -f .zensical.es.yml --clean --strict || { echo "Zensical build of the Spanish edition failed: the editor's message starts at 'RuntimeError: Python error:' above." >&2; false; }; } \
	  && $(VENVZ)/bin/python -m guide.build.postbuild site-zensical/es && rm -f site-zensical/es/404.html \
	  || { rm -rf site-zensical; if [ -d .site-zensical-old ]; then mv .site-zensical-old site-zensical; fi; exit 1; }
	rm -rf .site-zensical-old

clean: ## Remove what builds and installs left behind
	rm -rf site site-zensical site-preview .site-new .site-new-es .site-new-es.log .site-preview-new .zensical.es.yml .cache .pytest_cache bench/out
