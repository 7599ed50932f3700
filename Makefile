# The README's two set-up commands: `make run` and `make test`. Both create/update .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
EXAMPLE ?= resources/examples/spiral.json

.PHONY: run test install lint bench clean translations translations-todo

$(STAMP): pyproject.toml setup.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,onnx]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/playground $(EXAMPLE)

lint: $(STAMP)
	$(BIN)/ruff check playground tests bench tools docs
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Qt's lupdate reads the package into resources/translations/*.ts (new strings: unfinished), then
# lrelease compiles the .qm the window loads. Enter translations in the .ts (Qt Linguist:
# .venv/bin/pyside6-linguist), or from a JSON list with tools/translations.py --fill.
translations: $(STAMP)
	$(BIN)/python tools/translations.py

translations-todo: $(STAMP)
	$(BIN)/python tools/translations.py --todo

# Speed and endurance figures for bench/RESULTS.md (≈ 20 min; not part of the test suite).
bench: $(STAMP)
	$(BIN)/python bench/engine_speed.py
	$(BIN)/python bench/engine_speed.py --setting scale
	$(BIN)/python bench/gui_speed.py --spiral-setting --seconds 24 --rounds 16
	$(BIN)/python bench/gui_speed.py $(EXAMPLE) --seconds 24 --rounds 16
	$(BIN)/python bench/startup.py --runs 7
	$(BIN)/python bench/memory.py --setting spiral-sgd --steps 1000000
	$(BIN)/python bench/soak.py --seconds 600
	$(BIN)/python bench/compare_speed.py
	$(BIN)/python bench/compare_gui_speed.py --seconds 10

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
