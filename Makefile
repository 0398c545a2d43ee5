# Succession — every target sets up .venv itself on a fresh machine (Python 3.11, pip, make).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: play test bench lint validate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

play: $(STAMP)
	$(PY) -m game play

test: $(STAMP)
	SDL_VIDEODRIVER=dummy $(PY) -m pytest game tests

bench: $(STAMP)
	$(PY) benchmarks/run.py
	$(PY) benchmarks/window.py
	$(PY) benchmarks/hostile.py

lint: $(STAMP)
	$(PY) -m ruff check game tests benchmarks

validate: $(STAMP)
	$(PY) -m game validate
	for mod in mods/*/; do $(PY) -m game validate --mod $$mod > /dev/null || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
