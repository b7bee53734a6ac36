# Everything a new machine needs, installed by the project itself.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= report
# the modules setup.py compiles: a change to one reinstalls, so that the compiled code is current
COMPILED := $(patsubst %,hbey_graph/%.py,text annotation bodies places parser)

.PHONY: install report test lint clean

install: $(VENV)/.installed

$(VENV)/.installed: setup.cfg setup.py pyproject.toml $(COMPILED)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

report: install
	$(BIN)/hbey-graph report --out $(OUT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check hbey_graph tests conftest.py setup.py

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info .pytest_cache hbey_graph/*.so
