# The README's two set-up commands: `make run` and `make test`. Both create/update .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
EXAMPLE ?= resources/examples/spiral.json

.PHONY: run test install lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,onnx]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/playground $(EXAMPLE)

lint: $(STAMP)
	$(BIN)/ruff check playground tests bench
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/engine_speed.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
