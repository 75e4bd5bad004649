# Two commands a newcomer needs: `make run` and `make test`. Both build the
# virtualenv on first use, so a fresh machine needs only Python 3.11+.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test test-fast test-rules test-app lint fmt bench messages check soak soak-short

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# A development encryption key kept in an ignored local file, so cases made
# under `make run` can still be read after a restart (a random key per
# process cannot). INTAKE_ENCRYPTION_KEYS from the environment wins.
DEV_KEYS ?= .dev-encryption-key
DEV_ENV = DEBUG=$${DEBUG:-1} INTAKE_ENCRYPTION_KEYS=$${INTAKE_ENCRYPTION_KEYS:-$$(cat $(DEV_KEYS))}

.PHONY: dev-key
dev-key: install
	@test -s $(DEV_KEYS) || (umask 077 && $(PY) -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' > $(DEV_KEYS))

run: install dev-key
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

# Rules first, with 100 % branch coverage of screener/rules enforced; then
# the rest of the suite (database, wizard, petitions, browser).
test: install test-rules test-app

test-rules: install
	$(PY) -m pytest tests/rules -q -p no:cacheprovider \
		--cov=screener/rules --cov-branch --cov-report=term-missing:skip-covered \
		--cov-fail-under=100

test-app: install
	$(PY) -m pytest -q -p no:cacheprovider --ignore=tests/rules

# Your own loop: every test but the real-browser ones, the rules without the
# coverage gate, spread over the machine's cores (pytest-xdist; each worker
# has its own test database). `make test` stays the whole truth, one process.
test-fast: install
	$(PY) -m pytest -q -p no:cacheprovider -m "not browser" -x -n auto --dist worksteal

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

fmt: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(PY) bench/run.py

messages: install
	$(PY) manage.py makemessages -l es --no-obsolete --ignore=.venv --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv

# What CI runs: lint, the whole suite, and no model change without its
# migration.
check: lint test
	$(PY) manage.py makemigrations --check --dry-run

# Load and faults on loopback (soak/run.py): 200 survivors at once on two app
# servers, PostgreSQL restarted mid-load, a server killed, a burst of packet
# downloads. `make soak-short` is the bounded form CI runs.
soak: install
	$(PY) -m soak.run

soak-short: install
	SOAK=short $(PY) -m soak.run
