# timeline_app developer tasks.
#
#   make run    serve the shipped dataset on http://$(HOST):$(PORT)
#   make test   install everything the tests need (Python packages, chromium, nodejs and npm,
#               axe-core from npm into tests/axe), then run pytest over tests/
#   make bench  install what the tests need (bench/app.py drives Chromium) and bench/requirements.txt
#               (HeidelTime, with a Debian Java runtime), then run every bench/*.py
#   make clean  remove .venv and caches
#
# Installs are tracked with stamp files inside .venv: a stamp is redone only
# when its requirements file is newer, so repeated runs skip pip entirely.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install --quiet --progress-bar off

HOST ?= 127.0.0.1
PORT ?= 8050
PYTEST_ARGS ?=

CHROMIUM     := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver

STAMP_RUNTIME := $(VENV)/.stamp-requirements
STAMP_TEST    := $(VENV)/.stamp-requirements-test
STAMP_BROWSER := $(VENV)/.stamp-requirements-browser

# apt-get as root, or through sudo when not root and sudo exists
# (evaluated only when an apt step actually runs).
SUDO        = $(if $(filter 0,$(shell id -u)),,$(shell command -v sudo 2>/dev/null))
APT_UPDATE  = $(SUDO) apt-get update -qq
APT_INSTALL = $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends

.PHONY: venv run test test-deps browser-system-deps node-system-deps axe-deps java-system-deps bench clean

venv: $(STAMP_RUNTIME)

$(PY):
	@echo ">> creating $(VENV) with $(PYTHON)"
	@$(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  command -v apt-get >/dev/null 2>&1 || exit 1; \
	  echo ">> '$(PYTHON) -m venv' failed; installing Debian python3-venv"; \
	  $(APT_UPDATE) && $(APT_INSTALL) python3-venv && $(PYTHON) -m venv $(VENV); }

# Each stamp depends on the previous one, so the pip steps never run
# concurrently (make -j) and dash[testing] always gets a pip step of its own.
$(STAMP_RUNTIME): requirements.txt | $(PY)
	@echo ">> pip install -r requirements.txt"
	@$(PIP) -r requirements.txt
	@touch $@

$(STAMP_TEST): requirements-test.txt $(STAMP_RUNTIME)
	@echo ">> pip install -r requirements-test.txt"
	@$(PIP) -r requirements-test.txt
	@touch $@

$(STAMP_BROWSER): requirements-browser.txt $(STAMP_TEST)
	@echo ">> pip install -r requirements-browser.txt"
	@$(PIP) -r requirements-browser.txt
	@touch $@

test-deps: $(STAMP_BROWSER)

# Debian chromium + chromium-driver, only when either binary is missing.
browser-system-deps:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  echo ">> installing Debian chromium + chromium-driver"; \
	  $(APT_UPDATE) && $(APT_INSTALL) chromium chromium-driver || exit 1; \
	fi

# Debian nodejs (node --test runs tests/js/ through tests/test_js.py) and npm (axe-core below),
# only when either is missing.
node-system-deps:
	@if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
	  echo ">> installing Debian nodejs + npm"; \
	  $(APT_UPDATE) && $(APT_INSTALL) nodejs npm || exit 1; \
	fi

# axe-core for tests/test_accessibility.py, the exact version of tests/axe/package-lock.json,
# redone only when the lock file is newer than the installed copy.
AXE_CORE := tests/axe/node_modules/axe-core/package.json

$(AXE_CORE): tests/axe/package.json tests/axe/package-lock.json | node-system-deps
	@echo ">> npm ci --prefix tests/axe"
	@npm ci --prefix tests/axe --no-audit --no-fund --silent
	@touch $@

axe-deps: $(AXE_CORE)

run: venv
	$(PY) -m timeline_app serve --host $(HOST) --port $(PORT)

test: test-deps browser-system-deps node-system-deps axe-deps
	$(PY) -m pytest $(PYTEST_ARGS)

# Runs each bench/*.py (files starting with "_" are helpers) from the repo root.
# Needs the test stack: bench/app.py drives Chromium through selenium, which
# comes from requirements-browser.txt, plus Debian chromium + chromium-driver.
STAMP_BENCH := $(VENV)/.stamp-requirements-bench

$(STAMP_BENCH): bench/requirements.txt $(STAMP_BROWSER)
	@echo ">> pip install -r bench/requirements.txt"
	@$(PIP) -r bench/requirements.txt
	@touch $@

# Debian's Java runtime for HeidelTime (bench/extract.py), only when java is missing.
java-system-deps:
	@if ! command -v java >/dev/null 2>&1; then \
	  echo ">> installing Debian default-jre-headless"; \
	  $(APT_UPDATE) && $(APT_INSTALL) default-jre-headless || exit 1; \
	fi

# vis-timeline, a peer bench/app.py measures the app against: the exact version of
# bench/package-lock.json, into bench/node_modules (served to Chromium as a static page).
VIS_TIMELINE := bench/node_modules/vis-timeline/package.json

$(VIS_TIMELINE): bench/package.json bench/package-lock.json | node-system-deps
	@echo ">> npm ci --prefix bench"
	@npm ci --prefix bench --no-audit --no-fund --silent
	@touch $@

bench: test-deps browser-system-deps $(STAMP_BENCH) java-system-deps $(VIS_TIMELINE)
	@set -e; n=0; for f in bench/*.py; do \
	  case "$$(basename "$$f")" in _*) continue;; esac; \
	  [ -f "$$f" ] || continue; \
	  echo ">> $$f"; n=$$((n + 1)); \
	  PYTHONPATH="$(CURDIR)$${PYTHONPATH:+:$$PYTHONPATH}" $(PY) "$$f"; \
	done; [ $$n -gt 0 ] || echo "no bench/*.py to run"

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist tests/axe/node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name '*.egg-info' -type d -prune -exec rm -rf {} +
	find . -name '*.pyc' -type f -delete
