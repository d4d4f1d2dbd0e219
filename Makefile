# Lintas: `make demo` runs the platform with demo data; `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask
export FLASK_APP := wsgi.py

.PHONY: demo test install translations migrate lint

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) scripts/i18n.py compile >/dev/null
	PUBLIC_PORT=8000 $(FLASK) db upgrade
	PUBLIC_PORT=8000 $(FLASK) demo
	PUBLIC_PORT=8000 scripts/serve_demo.sh

test:
	scripts/test.sh

translations: install
	$(PY) scripts/i18n.py update
	$(PY) scripts/i18n.py compile

migrate: install
	$(FLASK) db upgrade
