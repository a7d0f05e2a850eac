# Responsible — developer commands. `make help` lists them.
# Every target uses the project's virtualenv (.venv), creating it and installing
# requirements-dev.txt first when it is missing or the requirements changed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

BOOTSTRAP_PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PYTHON := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff
PYTEST := $(VENV)/bin/pytest
INSTALLED := $(VENV)/.installed

# The test suite: settings, one database per run, and pytest's own options.
# Static files collected once with production settings; tests/test_production.py serves pages from them.
PRODUCTION_STATIC_ROOT := $(CURDIR)/tmp/production-static
TEST_ENV := DJANGO_SETTINGS_MODULE=marketplace.settings.test PRODUCTION_STATIC_ROOT=$(PRODUCTION_STATIC_ROOT)
TEST_SQLITE_URL := sqlite:///$(CURDIR)/tmp/test.sqlite3
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
POSTGRES_REACHABLE = $(PYTHON) -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=5).close()" \
	"$(TEST_POSTGRES_URL)" 2>/dev/null
# pytest-xdist, one worker per core of this machine; every worker's test database is a copy of one migrated
# template per engine (tests/template_db.py), built for both engines side by side before the runs.
# On 2026-12-05's evening machine (2 cores, a bare 20-million-step Python loop: 1.5 s): before the templates,
# 2,680 tests, SQLite 740 s, PostgreSQL 901 s, `.ci/run` 1,741 s; with them, 2,685 tests, SQLite 601 s,
# PostgreSQL 778 s, `.ci/run` 1,638 s (templates and installs included). On 2026-12-05 night's (the loop: 0.64 s):
# 2,699 tests, SQLite 418 s, PostgreSQL 536 s, `.ci/run` about 1,100 s.
# --dist loadfile keeps each module on one worker, so module-scoped fixtures (one
# Chromium per browser module) are built once. `make test PYTEST_ARGS=` runs serially.
PYTEST_ARGS ?= -n 2 --dist loadfile

# `make run PORT=8123` serves there; links made outside a request (the demo's e-mails) point there too.
PORT ?= 8000
# The setup steps of `make run` and `make demo` print what a developer needs, not every migration,
# every page Wagtail creates nor each e-mail (those go to tmp/mail/, see marketplace/settings/dev.py).
SETUP_ENV := PORT=$(PORT) LOG_LEVEL=WARNING
# The demo is loaded with tasks run at once (its search updates are replaced by one index rebuild anyway);
# the web server, worker and scheduler then queue tasks in the database as production does.
IMMEDIATE_TASKS := django_tasks.backends.immediate.ImmediateBackend

# The search benchmark's size: `make bench BENCH_SUPPLIERS=2000 BENCH_PRODUCTS=20000` for a quick run.
BENCH_SUPPLIERS ?= 10000
BENCH_PRODUCTS ?= $(shell echo $$(( $(BENCH_SUPPLIERS) * 10 )))

.PHONY: help run test browser-deps gettext-deps lint format migrate demo schema bench bench-load clean messages translations lock

help: ## List the targets
	@echo "Usage: make <target>"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-13s %s\n", $$1, $$2}'

$(PYTHON):
	$(BOOTSTRAP_PYTHON) -m venv $(VENV)

# Reinstall only when a requirements file is newer than the stamp. The lock files carry every
# package's hashes: pip refuses a download that does not match.
$(INSTALLED): requirements.txt requirements-dev.txt | $(PYTHON)
	@echo "Installing requirements-dev.txt into $(VENV)..."
	$(PYTHON) -m pip install --disable-pip-version-check -q --require-hashes -r requirements-dev.txt
	@touch $@

# requirements.in and requirements-dev.in list the direct dependencies; uv resolves them into
# the hashed lock files, for every platform, keeping the versions already locked (an added
# package brings only its own dependencies). `make lock UPGRADE="--upgrade-package NAME"` moves one.
UV := $(VENV)/bin/uv
UV_COMPILE := $(UV) pip compile --quiet --universal --python-version 3.11.7 --generate-hashes \
	--custom-compile-command "make lock" $(UPGRADE)

# uv alone, at requirements-dev.in's version, so that `make lock` works even when the lock files do not.
$(UV): | $(PYTHON)
	$(PYTHON) -m pip install --disable-pip-version-check -q "$$(grep '^uv==' requirements-dev.in)"

lock: | $(UV) ## Resolve requirements*.in into the hashed lock files requirements*.txt (uv, about a second)
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements-dev.in -c requirements.txt -o requirements-dev.txt

run: $(INSTALLED) gettext-deps ## Prepare what changed (translations, migrations, demo data, search index), then serve on 127.0.0.1:8000 with a task worker and the scheduler (PORT=... to change)
	@$(SETUP_ENV) TASKS_BACKEND=$(IMMEDIATE_TASKS) $(PYTHON) manage.py dev_prepare
	@echo
	@echo "Responsible runs at http://127.0.0.1:$(PORT)/  (Wagtail admin: /cms/, shop dashboard for operators: /shop/dashboard/, suppliers: /workspace/)"
	@echo "E-mails are not sent but written to tmp/mail/: read them at http://127.0.0.1:$(PORT)/dev/mail/"
	@echo "Web server, task worker and scheduler run together (Procfile.dev); Ctrl-C stops all three."
	@echo
	@SITE_URL=http://127.0.0.1:$(PORT) $(VENV)/bin/honcho -f Procfile.dev -d . start -p $(PORT)

test: $(INSTALLED) gettext-deps browser-deps ## Lint, Django checks, then the whole pytest suite on SQLite and on PostgreSQL
	$(RUFF) check .
	$(RUFF) format --check .
	@mkdir -p tmp
	$(TEST_ENV) DATABASE_URL=$(TEST_SQLITE_URL) $(PYTHON) manage.py translations_build
	$(TEST_ENV) DATABASE_URL=$(TEST_SQLITE_URL) $(PYTHON) manage.py check
	$(TEST_ENV) DATABASE_URL=$(TEST_SQLITE_URL) $(PYTHON) manage.py makemigrations --check --dry-run
	@echo "=== collectstatic with production settings (as the Dockerfile) ==="
	rm -rf $(PRODUCTION_STATIC_ROOT)
	DJANGO_SETTINGS_MODULE=marketplace.settings.production SECRET_KEY=collectstatic-test-only \
		STATIC_ROOT=$(PRODUCTION_STATIC_ROOT) $(PYTHON) manage.py collectstatic --noinput -v0
	@echo "=== test databases: the migrations applied once per engine, side by side (tests/template_db.py) ==="
	$(TEST_ENV) DATABASE_URL=$(TEST_SQLITE_URL) $(PYTHON) -m tests.template_db & sqlite=$$!; \
	if $(POSTGRES_REACHABLE); then $(TEST_ENV) DATABASE_URL=$(TEST_POSTGRES_URL) $(PYTHON) -m tests.template_db \
		|| { kill $$sqlite; exit 1; }; fi; \
	wait $$sqlite
	@echo "=== pytest on SQLite ==="
	$(TEST_ENV) DATABASE_URL=$(TEST_SQLITE_URL) $(PYTEST) $(PYTEST_ARGS)
	@if $(POSTGRES_REACHABLE); then \
		echo "=== pytest on PostgreSQL ==="; \
		echo "$(TEST_ENV) DATABASE_URL=$(TEST_POSTGRES_URL) $(PYTEST) $(PYTEST_ARGS)"; \
		$(TEST_ENV) DATABASE_URL=$(TEST_POSTGRES_URL) $(PYTEST) $(PYTEST_ARGS); \
	elif [ "$$CI" = "true" ]; then \
		echo >&2 "ERROR: PostgreSQL is not reachable at $(TEST_POSTGRES_URL); CI must run the suite on PostgreSQL."; \
		exit 1; \
	else \
		echo >&2; \
		echo >&2 "!!! WARNING: PostgreSQL is not reachable at $(TEST_POSTGRES_URL)."; \
		echo >&2 "!!! The PostgreSQL run was SKIPPED: only SQLite was tested (with CI=true this is an error)."; \
		echo >&2; \
	fi

# $(call apt_install,command or path,package): installs the Debian package when the command is missing.
define apt_install
	@if ! command -v $(1) >/dev/null; then \
		sudo=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		export DEBIAN_FRONTEND=noninteractive; \
		$$sudo apt-get install -y $(2) || { $$sudo apt-get update && $$sudo apt-get install -y $(2); }; \
	fi
endef

browser-deps: ## Install Debian's Chromium for the browser tests (tests/browser) when it is missing
	$(call apt_install,/usr/bin/chromium,chromium)

gettext-deps: ## Install Debian's gettext (msgfmt compiles the translations) when it is missing
	$(call apt_install,msgfmt,gettext)

lint: $(INSTALLED) ## ruff check and ruff format --check
	$(RUFF) check .
	$(RUFF) format --check .

format: $(INSTALLED) ## Fix what ruff can fix, then format (ruff check --fix, ruff format)
	$(RUFF) check --fix .
	$(RUFF) format .

migrate: $(INSTALLED) ## Apply migrations to the development database
	$(PYTHON) manage.py migrate --noinput

demo: $(INSTALLED) ## Load the demo data (idempotent)
	$(SETUP_ENV) $(PYTHON) manage.py load_demo

messages: $(INSTALLED) ## Update the catalogues in locale/ from the code's strings (translations kept; then translate the new ones)
	$(PYTHON) manage.py translations_update

translations: $(INSTALLED) gettext-deps ## Make the Serbian Latin catalogue from the Cyrillic one and compile every catalogue (make run and make test do it)
	$(PYTHON) manage.py translations_build

schema: $(INSTALLED) ## After adding or changing a migration: write marketplace/demo/schema.sql, from which a new development database starts
	$(SETUP_ENV) $(PYTHON) manage.py schema_write

bench: $(INSTALLED) gettext-deps ## Benchmark search against naive ORM baselines on SQLite and PostgreSQL (BENCH_SUPPLIERS=10000 BENCH_PRODUCTS=100000), then the main pages under load
	$(PYTHON) bench/run.py --suppliers $(BENCH_SUPPLIERS) --products $(BENCH_PRODUCTS)
	$(PYTHON) bench/load.py

bench-load: $(INSTALLED) gettext-deps ## The main pages under gunicorn with concurrent clients, beside a bare view (bench/load.py)
	$(PYTHON) bench/load.py

clean: ## Remove tmp/, staticfiles/ and the development database db.sqlite3 (keeps .venv and media/)
	rm -rf tmp staticfiles db.sqlite3 db.sqlite3-journal db.sqlite3-wal db.sqlite3-shm
