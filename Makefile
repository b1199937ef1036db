# Study Hall: `make run` serves the site, `make test` runs every test (browser tests included).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEV_ENV := DJANGO_DEBUG=1

.PHONY: run demo test check lint format validate bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# The task worker runs beside the dev server and stops with it (Ctrl-C, or the server exiting).
run: $(VENV)/.installed
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

# A demo on its own database (demo.sqlite3): an instructor, a cohort of 200 simulated learners
# (seeded once; later runs print a fresh password), then the site and its worker as `make run`.
DEMO_DB ?= $(CURDIR)/demo.sqlite3
DEMO_LEARNERS ?= 200
DEMO_PORT ?= 8000
DEMO_ENV := $(DEV_ENV) DATABASE_URL=sqlite:///$(DEMO_DB)

demo: $(VENV)/.installed
	@case "$${DJANGO_DEBUG-1}" in 1|true|yes|on) ;; \
	  *) echo "make demo runs only with DEBUG on: unset DJANGO_DEBUG (it is set to '$$DJANGO_DEBUG')"; exit 1;; esac
	$(DEMO_ENV) $(PY) manage.py migrate --noinput -v0
	$(DEMO_ENV) $(PY) manage.py seed_cohort --learners $(DEMO_LEARNERS) --unless-seeded
	@echo "Sign in at http://127.0.0.1:$(DEMO_PORT)/accounts/login/ as the instructor above, then open the overview."
	$(DEMO_ENV) $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(DEMO_ENV) $(PY) manage.py runserver 127.0.0.1:$(DEMO_PORT)

check: $(VENV)/.installed
	$(DEV_ENV) $(PY) manage.py check
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(PY) manage.py validate_content

# The whole suite on SQLite, then again on PostgreSQL when STUDYHALL_TEST_POSTGRES_URL is set
# (.ci/run sets it, and STUDYHALL_TEST_REDIS_URL for the two-server test). Either failing fails.
test: $(VENV)/.installed-dev check
	$(PY) -m pytest
	@if [ -n "$$STUDYHALL_TEST_POSTGRES_URL" ]; then \
	  echo "== The whole suite again, on PostgreSQL (deploy tests ran above: they set up their own)"; \
	  DATABASE_URL="$$STUDYHALL_TEST_POSTGRES_URL" $(PY) -m pytest -m "not deploy"; \
	else \
	  echo "PostgreSQL run skipped: set STUDYHALL_TEST_POSTGRES_URL=postgres://USER:PASSWORD@HOST/DB (.ci/run does)"; \
	fi

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

validate: $(VENV)/.installed
	$(DEV_ENV) $(PY) manage.py validate_content

bench: $(VENV)/.installed-dev
	$(PY) bench/content_load.py
	$(PY) bench/section_page.py
	$(PY) bench/signed_in.py
	$(PY) bench/answer_save.py
	$(PY) bench/learner_pdf.py
	$(PY) bench/attempt_storage.py
	$(PY) bench/teach_home.py
	$(PY) bench/dashboard.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .test-db.sqlite3* test-artifacts
