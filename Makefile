# Everything a new machine needs, installed by the project itself.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= report

.PHONY: install browser report test lint clean

install: $(VENV)/.installed

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

report: install
	$(BIN)/hbey-graph report --out $(OUT)

# Headless Chromium and its driver for the explorer's browser tests: Debian packages, installed when
# missing from a root shell with apt-get; elsewhere the tests say what is missing (and fail in CI).
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	else echo "note: the browser tests need chromium and chromium-driver (apt-get install chromium chromium-driver)"; fi

test: install browser
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check hbey_graph tests

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info .pytest_cache
