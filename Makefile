# The two commands a newcomer needs: `make run` and `make test`.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: run test bench install system-packages translations clean

# System packages the project needs: Liberation Serif (Times New Roman's metrics, as
# Decree 30/2020 asks, with every Vietnamese glyph) and DejaVu as the fallback.
SYSTEM_FONTS := /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf \
                /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
system-packages:
	@missing=0; for f in $(SYSTEM_FONTS); do [ -f $$f ] || missing=1; done; \
	if [ $$missing = 1 ]; then \
	  if command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation2 fonts-dejavu-core; \
	  else echo "install fonts-liberation2 (or DejaVu) and set tthc_docs.font_dir" >&2; fi; \
	fi

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip 'setuptools<81' wheel
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP) system-packages translations

translations: $(STAMP)
	@if ls src/tthc_docs/locale/*/LC_MESSAGES/tthc_docs.po >/dev/null 2>&1; then \
	  $(VENV)/bin/pybabel compile -d src/tthc_docs/locale -D tthc_docs; fi

var/Data.fs: | install
	$(VENV)/bin/tthc-docs init development.ini --demo

var/pki/root-ca.pem: | install
	$(VENV)/bin/tthc-docs dev-pki development.ini

run: install var/pki/root-ca.pem var/Data.fs
	$(VENV)/bin/tthc-docs migrate development.ini
	$(VENV)/bin/pserve development.ini

test: install
	$(PY) -m pytest -q -p no:cacheprovider

bench: install
	$(PY) tests/bench/run_all.py

clean:
	rm -rf $(VENV) var build src/*.egg-info
