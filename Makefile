# Dua perintah utama README: `make run` (portal demo di http://127.0.0.1:8000) dan `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Uji memakai PostgreSQL dan Redis lokal (trust auth) kecuali diberi lain.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kaltim_yanlik
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: run test worker beat lint format bench migrate demo clean cadangkan pulihkan sistem-pdf

$(VENV)/.terpasang: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

migrate: $(VENV)/.terpasang
	$(PY) manage.py migrate --noinput

# PDF (juga PDF demo) butuh Pango dan font Noto: dipasang bila bisa (root + apt), bila tidak satu baris
# menyebut paket yang harus dipasang; portal tetap berjalan.
sistem-pdf:
	@bash scripts/pasang-sistem.sh pdf

demo: migrate sistem-pdf
	$(PY) manage.py demo

run: demo
	@echo "Portal berjalan di http://$(HOST):$(PORT)/ (Ctrl+C untuk berhenti)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.terpasang
	bash scripts/pasang-sistem.sh
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} \
		$(VENV)/bin/pytest $(PYTEST_ARGS)

worker: $(VENV)/.terpasang
	$(VENV)/bin/celery -A kaltim_yanlik worker -l info

beat: $(VENV)/.terpasang
	$(VENV)/bin/celery -A kaltim_yanlik beat -l info

lint: $(VENV)/.terpasang
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.terpasang
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(VENV)/.terpasang
	@for f in bench/*.py; do echo "== $$f"; DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(PY) $$f || exit 1; done

clean:
	rm -rf var

# Cadangan PostgreSQL (pg_dump) + MEDIA_ROOT ke CADANGAN_DIR (bawaan var/cadangan); lihat docs/cadangan.md.
cadangkan:
	bash scripts/cadangkan.sh

# Pulihkan satu folder cadangan: make pulihkan CADANGAN=var/cadangan/kaltim-yanlik-... [TIMPA=1]
pulihkan:
	@test -n "$(CADANGAN)" || { echo "Sebutkan foldernya: make pulihkan CADANGAN=var/cadangan/<folder> [TIMPA=1]" >&2; exit 2; }
	bash scripts/pulihkan.sh $(if $(filter-out 0,$(TIMPA)),--timpa) "$(CADANGAN)"
