# The two commands a newcomer needs: `make run` and `make test`.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: run test test-slow bench install system-packages translations clean

# System packages the project needs: fonts with Vietnamese glyphs for PDFs; poppler's
# pdfsig and NSS's certutil, with which the tests have signed results checked independently.
system-packages:
	@if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || ! command -v pdfsig >/dev/null \
	    || ! command -v certutil >/dev/null; then \
	  if command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      fonts-dejavu-core poppler-utils libnss3-tools; \
	  else echo "install fonts-dejavu-core, poppler-utils and libnss3-tools" >&2; fi; \
	fi

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip 'setuptools<81' wheel
	$(PY) -m pip install -q -e '.[test,scale]'
	touch $(STAMP)

install: $(STAMP) system-packages translations

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

# The slow tests (several processes, crashes, backups, load) run apart: `make test-slow`
# (.ci/run runs both; the PostgreSQL ones need TTHC_TEST_POSTGRES, see .ci/postgres.sh).
test: install
	$(PY) -m pytest -q -p no:cacheprovider -m "not slow"

# Exit code 5 (no test selected) is not a failure.
test-slow: install
	$(PY) -m pytest -q -p no:cacheprovider -m slow -rs || [ $$? -eq 5 ]

bench: install
	$(PY) tests/bench/run_all.py

clean:
	rm -rf $(VENV) var build src/*.egg-info
