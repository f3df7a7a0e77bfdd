# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Links in notification e-mails point at the address the site is served on.
WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
export WAGTAILADMIN_BASE_URL
DEMO_PASSWORD ?= demo-connective-2021
export DEMO_PASSWORD

.PHONY: run test install messages lint format browser cache-tools bench mail-bench import-bench audit lock serve-setup backup restore

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

messages: install
	$(PY) manage.py compile_catalogues

serve-setup: messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_demo_content
	$(PY) manage.py rebuild_search_index

run: serve-setup
	@echo ""
	@echo "  Site (Deutsch):  http://127.0.0.1:$(PORT)/"
	@echo "  Site (English):  http://127.0.0.1:$(PORT)/en/"
	@echo "  Admin:           http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo logins:     admin (superuser), redaktion, redaktion2 (Redaktion), autorin,"
	@echo "                   translator-en (Übersetzung EN)"
	@echo "                   password for all five: $(DEMO_PASSWORD)"
	@echo "  Worker:          search index, image renditions, and scheduled publishing"
	@echo "                   (every 30 seconds)"
	@echo "  E-mails:         printed here, in the console"
	@echo ""
	@# The task worker (with the scheduler's clock) runs beside the web server and stops
	@# with it (Ctrl-C).
	@$(PY) manage.py run_worker --no-reload --verbosity 0 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djhtml --check templates
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml templates

# Browser tests drive Debian's Chromium; install it where we may (CI runs as root).
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		(apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)); \
	fi

# Varnish with xkey (front-cache tests), nginx and wrk (make bench) from Debian, where we may (CI: root).
cache-tools:
	@missing=""; for tool in varnishd:varnish nginx:nginx-light wrk:wrk; do \
		command -v $${tool%%:*} >/dev/null || [ -x /usr/sbin/$${tool%%:*} ] || missing="$$missing $${tool#*:}"; \
	done; \
	ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing="$$missing varnish-modules"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		(apt-get install -y -qq $$missing >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $$missing >/dev/null)); \
	fi

test: messages lint browser cache-tools
	$(VENV)/bin/pytest -n 2 --dist loadscope --durations=25 $(PYTEST_ARGS)

# Load test on the production stack (PostgreSQL, gunicorn, Varnish, nginx; see bench/run.py).
# SIZE=small for a quick run; BAKERYDEMO=path adds Wagtail's bakerydemo as the peer.
bench: messages cache-tools
	$(PY) bench/run.py

# A TYPO3 archive of 10,000 news items, 5,000 translations and 3,000 images imported into a
# fresh PostgreSQL database, then again unchanged: time and peak memory (typo3import/bench.py).
import-bench: messages
	$(PY) typo3import/bench.py
# The newsletter: one issue to 20,000 subscribers through a local SMTP server, the worker killed
# halfway and restarted; time, memory, and no duplicates (see bench/mail_bench.py).
mail-bench: messages
	$(PY) bench/mail_bench.py

# Lighthouse 12 (npm, into var/lighthouse) with Debian's Chromium, through Varnish, on every
# public page type in its mobile and desktop presets (see bench/audit.py).
LIGHTHOUSE_VERSION ?= 12.8.2
audit: messages browser cache-tools
	@test -x var/lighthouse/node_modules/.bin/lighthouse || npm install --silent --no-audit \
		--no-fund --prefix var/lighthouse lighthouse@$(LIGHTHOUSE_VERSION)
	$(PY) bench/audit.py

# Database (pg_dump) and media into a timestamped folder below BACKUP_DIR (default backups/);
# `make restore BACKUP=backups/<time>` into an empty database (FORCE=1 replaces its content).
backup: install
	$(PY) manage.py backup

restore: install
	@test -n "$(BACKUP)" || { echo "Which backup? make restore BACKUP=backups/<time>"; exit 2; }
	$(PY) manage.py restore "$(BACKUP)" $(if $(filter 1 true yes,$(FORCE)),--force)

lock:
	rm -rf .lockenv && "$$(scripts/find-python)" -m venv .lockenv
	.lockenv/bin/pip install --quiet -e ".[dev]"
	(echo "# Exact versions of every dependency, for reproducible installs."; echo "# Regenerate: make lock"; \
		.lockenv/bin/pip freeze --exclude-editable) > requirements.lock
	rm -rf .lockenv
