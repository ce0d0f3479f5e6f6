# Every setup step lives here: CI runs `make test` on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ASM := $(BIN)/assembler
SEED := ../shared/seed/000_97f5620c005065cf.txt
NEG := gcm-modalities
OUT := build/$(NEG)
SYSPKGS := libreoffice-writer-nogui poppler-utils fonts-liberation2

.PHONY: setup sysdeps demo test bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/.installed

# LibreOffice renders .docx to PDF (the PDF writer and the visual checks); best effort, as
# root on Debian. Tests that need it say so and skip when it is missing.
sysdeps:
	@command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends $(SYSPKGS) >/dev/null) ; } || \
	  echo "note: could not install $(SYSPKGS); PDF output and visual checks will be skipped"

demo: setup sysdeps
	@mkdir -p $(OUT)
	$(ASM) check drafts/$(NEG)/first-draft.draft
	@if [ -f $(SEED) ]; then $(ASM) import $(SEED) -o $(OUT)/first-draft-imported.draft -q; fi
	$(ASM) build drafts/$(NEG)/first-draft.draft -o $(OUT)/first-draft.docx
	@echo "demo outputs are in $(OUT)/"

test: setup sysdeps
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf build $(VENV) .pytest_cache .hypothesis
