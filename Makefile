# Kinwell: `make run` for a working site with demo data, `make test` for the whole suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve worker install install-dev migrate demo test test-fast check clean system-test

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --no-input

# Create or refresh the demo people and circles; fails loudly when it cannot.
demo: migrate
	$(PY) manage.py load_demo_data

# The site and its background worker, on SQLite in var/. Ctrl-C stops both.
# The first run also queues the national directory (data/samhsa/) for the worker, which
# loads it in about half a minute while the site already answers; later runs skip it
# while the file is unchanged.
# The demo is refreshed first, but never stands in the way: if a part of it cannot be
# refreshed, load_demo_data says which in one line (and how to start clean) and the
# site starts anyway.
run: migrate
	@$(PY) manage.py load_demo_data || true
	@echo "Kinwell is at http://$(HOST):$(PORT)/  (demo password: kinwell-demo)"
	@trap 'kill 0' INT TERM EXIT; \
	$(PY) manage.py db_worker & \
	$(PY) manage.py run_schedule & \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

# Everything but the real-browser tests, for a quick loop while coding.
test-fast: install-dev
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

# The production topology of deploy/ (PostgreSQL, Redis, nginx, two app servers, the worker,
# two schedulers) started in a temp dir and broken on purpose; prints its figures. Run as
# root (it installs what is missing with apt); SYSTEM_TEST_SECONDS=60 for a short run.
system-test: install
	$(PY) deploy/system_test.py

check: install-dev
	$(PY) manage.py check --deploy --fail-level ERROR
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
