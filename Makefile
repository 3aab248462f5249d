# The two commands a newcomer needs: `make run` and `make test`.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: run test test-slow e2e bench install system-packages translations clean wrk

# System packages the project needs: Liberation Serif (Times New Roman's metrics, as
# Decree 30/2020 asks, with every Vietnamese glyph) and DejaVu as the fallback; poppler's
# pdfsig and NSS's certutil, with which the tests have signed results checked independently
# (libfaketime, package faketime, runs them under a clock ten years ahead);
# Debian's Chromium, which the browser tests drive (Playwright never downloads a browser here).
SYSTEM_FONTS := /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf \
                /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
system-packages:
	@missing=0; for f in $(SYSTEM_FONTS); do [ -f $$f ] || missing=1; done; \
	command -v pdfsig >/dev/null || missing=1; command -v certutil >/dev/null || missing=1; \
	command -v faketime >/dev/null || missing=1; [ -x /usr/bin/chromium ] || missing=1; \
	if [ $$missing = 1 ]; then \
	  if command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      fonts-liberation2 fonts-dejavu-core poppler-utils libnss3-tools faketime chromium; \
	  else echo "install fonts-liberation2, fonts-dejavu-core, poppler-utils, libnss3-tools, faketime and chromium" >&2; fi; \
	fi

# axe-core, which the browser tests inject into pages (tests/e2e/package.json pins it).
tests/e2e/node_modules/axe-core/axe.min.js: tests/e2e/package.json
	cd tests/e2e && npm install --no-audit --no-fund --silent
	touch $@

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip 'setuptools<81' wheel
	$(PY) -m pip install -q -e '.[test,scale]'
	touch $(STAMP)

install: $(STAMP) system-packages translations tests/e2e/node_modules/axe-core/axe.min.js

translations: $(STAMP)
	@if ls src/tthc_docs/locale/*/LC_MESSAGES/tthc_docs.po >/dev/null 2>&1; then \
	  $(VENV)/bin/pybabel compile -d src/tthc_docs/locale -D tthc_docs; fi

var/Data.fs: | install
	$(VENV)/bin/tthc-docs init development.ini --demo

var/pki/root-ca.pem: | install
	$(VENV)/bin/tthc-docs dev-pki development.ini

# Beside the web server run the development remote signing service (CSC API)
# and the portal-sync relay; both are stopped, by their PIDs, when it stops.
run: install var/pki/root-ca.pem var/Data.fs
	$(VENV)/bin/tthc-docs migrate development.ini
	@$(VENV)/bin/tthc-docs dev-csc development.ini & CSC_PID=$$!; \
	  $(VENV)/bin/tthc-docs sync development.ini & SYNC_PID=$$!; \
	  trap 'kill $$CSC_PID $$SYNC_PID 2>/dev/null' EXIT INT TERM; \
	  $(VENV)/bin/pserve development.ini

# Everything, the journeys in headless Chromium too (about two minutes): a plain
# `pytest` leaves those out (tests/conftest.py), so the marker is asked for here.
# The slow tests (several processes, crashes, backups, load) run apart: `make test-slow`
# (.ci/run runs both; the PostgreSQL ones need TTHC_TEST_POSTGRES, see .ci/postgres.sh).
# The journeys in headless Chromium are in `make test` (a plain `pytest` leaves them out:
# tests/conftest.py), so the marker is asked for here.
test: install
	$(PY) -m pytest -q -p no:cacheprovider -m "(e2e or not e2e) and not slow"

# Exit code 5 (no test selected) is not a failure.
test-slow: install
	$(PY) -m pytest -q -p no:cacheprovider -m slow -rs || [ $$? -eq 5 ]

# Only the journeys in headless Chromium (tests/e2e; screenshots in var/screenshots/).
e2e: install
	$(PY) -m pytest -q -p no:cacheprovider -m e2e tests/e2e

# The HTTP benchmark loads the servers with wrk (Debian's package).
wrk:
	@command -v wrk >/dev/null || { if command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
	  else echo "install wrk" >&2; exit 1; fi; }

bench: install wrk
	$(PY) tests/bench/run_all.py

clean:
	rm -rf $(VENV) var build src/*.egg-info
