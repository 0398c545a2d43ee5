# Succession — every target sets up .venv itself on a fresh machine (Python 3.11, pip, make).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: play test bench lint validate clean system

# The programs the browser and window tests drive (program:Debian package): the report opened and
# printed in a headless Chromium through Debian's chromedriver, the tutorial clicked under Xvfb.
SYSTEM_NEEDS := Xvfb:xvfb xdotool:xdotool chromium:chromium chromedriver:chromium-driver

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

play: $(STAMP)
	$(PY) -m game play

test: $(STAMP) system
	SDL_VIDEODRIVER=dummy $(PY) -m pytest game tests

# Installs what is missing of SYSTEM_NEEDS with apt-get when run as root (CI is); otherwise says in
# one line what to install (the tests that need it then fail saying the same). Quiet when all is here.
system:
	@missing=""; for need in $(SYSTEM_NEEDS); do \
	  command -v "$${need%%:*}" >/dev/null 2>&1 || missing="$$missing $${need#*:}"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing$$missing (Debian packages the browser and window tests need)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  said=$$({ apt-get update -qq && apt-get install -y -qq --no-install-recommends$$missing; } 2>&1) \
	    || printf '%s\napt-get could not install%s: the browser and window tests will fail\n' "$$said" "$$missing"; \
	else \
	  echo "missing:$$missing — install them (apt-get install$$missing); the browser and window tests fail without them"; \
	fi

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
