# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help install install-run tools run serve admin editor publisher test test-browser test-faults bench lint lock-check format migrations-check lock clean

help:
	@echo "make run     start the site with demo content on SQLite (http://127.0.0.1:$(PORT)/)"
	@echo "make test    lint, migration and system checks, and the whole test suite"
	@echo "make test-browser  only the browser tests (screenshots in artifacts/browser/screenshots/)"
	@echo "make serve   production-like: DEBUG off, collectstatic, gunicorn"
	@echo "make admin   create an admin account (no terminal: set DJANGO_SUPERUSER_USERNAME, _EMAIL, _PASSWORD)"
	@echo "make editor NAME=ann EMAIL=ann@example.com   an account in Editors (STAFF_PASSWORD or asked)"
	@echo "make publisher NAME=bob EMAIL=bob@example.com  an account in Publishers"
	@echo "make test-faults  the production set-up under load with Redis and PostgreSQL faults"
	@echo "make lock    re-pin requirements*.txt from pyproject.toml"

# The virtual environment, refreshed only when a lock file changes: what the site needs
# to run (requirements.txt) for `make run`, plus the test and lint tools
# (requirements-dev.txt) for everything else.
$(BIN)/.installed-run: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(BIN)/.installed: requirements-dev.txt $(BIN)/.installed-run
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

install-run: $(BIN)/.installed-run
install: $(BIN)/.installed

# The browser tests' HTML checker (vnu.jar, pinned in package-lock.json), reinstalled
# when the lock file changes. --ignore-scripts: vnu-jar's postinstall would download a
# Java runtime; the machine's own java runs the jar. Without npm the browser tests skip
# (and fail in CI, whose .ci/run installs npm).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund && touch $@; \
	else \
		echo "npm not found (apt-get install npm): the browser tests will be skipped"; \
	fi

tools: node_modules/.installed

run: export DEBUG ?= true
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: install-run
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@echo
	@echo "  Home page:     http://127.0.0.1:$(PORT)/"
	@echo "  ML guide:      http://127.0.0.1:$(PORT)/guides/machine-learning-engineer/"
	@echo "  Admin:         http://127.0.0.1:$(PORT)/admin/"
	@echo "  Admin account: run 'make admin' in another terminal; editors: 'make editor NAME=…'."
	@echo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# With DJANGO_SUPERUSER_USERNAME, _EMAIL and _PASSWORD set it asks nothing (scripts, CI);
# otherwise it asks at the terminal.
admin: export DEBUG ?= true
admin: install-run
	$(MANAGE) migrate --noinput
	@if [ -n "$$DJANGO_SUPERUSER_PASSWORD" ]; then \
		$(MANAGE) createsuperuser --noinput; \
	elif [ -t 0 ]; then \
		$(MANAGE) createsuperuser; \
	else \
		echo "No terminal to ask at: set DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD." >&2; \
		exit 2; \
	fi

# A staff account in the Editors or Publishers group: make editor NAME=ann EMAIL=ann@example.com
# (the password from STAFF_PASSWORD, or asked at the terminal).
editor publisher: export DEBUG ?= true
editor publisher: install-run
	@test -n "$(NAME)" || { echo "Say who: make $@ NAME=ann EMAIL=ann@example.com" >&2; exit 2; }
	$(MANAGE) migrate --noinput
	$(MANAGE) staff_create "$(NAME)" --role $@ --email "$(EMAIL)"

# Production-like, over plain HTTP on loopback for trying it out.
serve: export DEBUG := false
serve: export SECRET_KEY ?= $(shell $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))")
serve: export SECURE_SSL_REDIRECT ?= false
serve: export SECURE_HSTS_SECONDS ?= 0
serve: export SESSION_COOKIE_SECURE ?= false
serve: export CSRF_COOKIE_SECURE ?= false
serve: export SITE_URL ?= http://127.0.0.1:$(PORT)
serve: export EMAIL_URL ?= consolemail://
serve: install-run
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn careers.wsgi --config gunicorn.conf.py --bind 127.0.0.1:$(PORT)

test: export SECRET_KEY ?= test-only-not-secret
test: install tools lock-check lint migrations-check
	$(MANAGE) check --fail-level WARNING
	$(BIN)/pytest $(PYTEST_ARGS)

# `make test` runs these too; this is for working on a page or the checks alone.
test-browser: export SECRET_KEY ?= test-only-not-secret
test-browser: install tools
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

# `make serve`'s setup on PostgreSQL and a Redis of its own, under load, with faults
# injected (Redis killed, database connections cut, simultaneous saves and clicks);
# see tests/faults/run.py and README "Deploying". Under three minutes.
test-faults: install
	$(BIN)/python tests/faults/run.py

# Load test against `make serve`'s setup on PostgreSQL; see bench/run.py and README.
bench: install
	$(BIN)/python bench/run.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The lock files name packages and hashes only: an index URL or wheel folder of the machine
# that compiled them would make every install elsewhere warn (or fail).
lock-check:
	@if grep -nE '^[[:space:]]*(-i|-f|--index-url|--extra-index-url|--find-links|--trusted-host)([[:space:]=]|$$)|file://' requirements.txt requirements-dev.txt; then \
		echo "The lock files above name an index or a wheel folder: run 'make lock'." >&2; exit 1; \
	fi

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: export SECRET_KEY ?= test-only-not-secret
migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

# Lock files name packages and hashes only: no index or wheel folder of the machine
# that compiled them (each install elsewhere would warn about them).
LOCK_FLAGS := --quiet --strip-extras --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links

lock: install
	$(BIN)/pip-compile $(LOCK_FLAGS) -o requirements.txt pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra dev -o requirements-dev.txt pyproject.toml

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache node_modules artifacts
