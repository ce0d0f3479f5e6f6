# Every setup step lives here: CI runs `make test` on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ASM := $(BIN)/assembler
SEED := ../shared/seed/000_97f5620c005065cf.txt
NEG := gcm-modalities
OUT := build/$(NEG)
REAL := ../shared/real
UPDATE := cuba-embargo
SYSPKGS := libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2 chromium python3-uno

.PHONY: setup sysdeps demo test bench clean schema

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

setup: $(BIN)/.installed

# schemas/proposal.schema.json: its changes as the change kinds describe them (run after
# adding or changing a kind; a test says when the file is behind)
schema: setup
	$(BIN)/python -c 'from assembler.amendments.yamlio import write_schema; write_schema()'

# LibreOffice renders .docx to PDF (the PDF writer and the visual checks); best effort, as
# root on Debian. Tests that need it say so and skip when it is missing.
sysdeps:
	@command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && \
	  command -v chromium >/dev/null 2>&1 && /usr/bin/python3 -c 'import uno' 2>/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends $(SYSPKGS) >/dev/null) ; } || \
	  echo "note: could not install $(SYSPKGS); PDF output and visual checks will be skipped"

demo: setup sysdeps
	@mkdir -p $(OUT)
	$(ASM) check drafts/$(NEG)/first-draft.draft
	@if [ -f $(SEED) ]; then $(ASM) import $(SEED) -o $(OUT)/first-draft-imported.draft -q; fi
	$(ASM) build drafts/$(NEG)/first-draft.draft -o $(OUT)/first-draft.docx
	# Faces by stage: the first draft with its covering letters; the same text as an L-document
	# and as an adopted resolution (illustrative symbols, marked so in their metadata); the
	# Secretariat's mapping of events; the letters alone; HTML, PDF and plain text beside Word.
	$(ASM) build drafts/$(NEG)/first-draft.draft --with-letter -o $(OUT)/first-draft-with-letter.docx
	$(ASM) build drafts/$(NEG)/first-draft.draft --with-letter -o $(OUT)/first-draft-with-letter.html
	$(ASM) letter drafts/$(NEG)/first-draft.draft -o $(OUT)/letters.docx
	$(ASM) build drafts/$(NEG)/l-document.draft -o $(OUT)/l-document.docx
	$(ASM) build drafts/$(NEG)/l-document.draft -o $(OUT)/l-document.html
	$(ASM) build drafts/$(NEG)/resolution.draft -o $(OUT)/resolution.docx
	$(ASM) build drafts/$(NEG)/resolution.draft -o $(OUT)/resolution.html
	$(ASM) build drafts/$(NEG)/resolution.draft -o $(OUT)/resolution.txt
	$(ASM) build drafts/$(NEG)/events-mapping.draft -o $(OUT)/events-mapping.docx
	$(ASM) build drafts/$(NEG)/events-mapping.draft -o $(OUT)/events-mapping.html
	@if command -v soffice >/dev/null 2>&1; then \
	  $(ASM) build drafts/$(NEG)/first-draft.draft --with-letter -o $(OUT)/first-draft-with-letter.pdf && \
	  $(ASM) build drafts/$(NEG)/resolution.draft -o $(OUT)/resolution.pdf; \
	else echo "note: LibreOffice is missing, so no PDF (make sysdeps)"; fi
	# Amendments: compile the proposals on the first draft, apply the accepted ones (Rev.1,
	# which must equal the committed drafts/$(NEG)/rev1.draft), then the next round.
	$(ASM) proposals amendments/$(NEG)/rev1 --base drafts/$(NEG)/first-draft.draft
	$(ASM) compile drafts/$(NEG)/first-draft.draft amendments/$(NEG)/rev1 -o $(OUT)/compilation-rev1.docx
	$(ASM) compile drafts/$(NEG)/first-draft.draft amendments/$(NEG)/rev1 -o $(OUT)/compilation-rev1.html --changed-only
	$(ASM) apply drafts/$(NEG)/first-draft.draft amendments/$(NEG)/rev1 -o $(OUT)/rev1.draft --date "13 January 2017" --stage-label "Revision 1" --record $(OUT)/rev1-record.json
	cmp $(OUT)/rev1.draft drafts/$(NEG)/rev1.draft
	$(ASM) build drafts/$(NEG)/rev1.draft -o $(OUT)/rev1.docx
	$(ASM) compile drafts/$(NEG)/rev1.draft amendments/$(NEG)/rev2 -o $(OUT)/compilation-rev2.html --changed-only
	# Second round, then the archivist's tables: Rev.2 from Rev.1 (must equal the committed
	# drafts/$(NEG)/rev2.draft); the three versions side by side in every format with the
	# proposers behind each change; the concordance; one paragraph's life.
	$(ASM) apply drafts/$(NEG)/rev1.draft amendments/$(NEG)/rev2 -o $(OUT)/rev2.draft --date "24 January 2017" --stage-label "Revision 2"
	cmp $(OUT)/rev2.draft drafts/$(NEG)/rev2.draft
	$(ASM) build drafts/$(NEG)/rev2.draft -o $(OUT)/rev2.docx
	# Late proposals, two written against older versions, carried onto Rev.2 (a preview)
	$(ASM) compile drafts/$(NEG)/rev2.draft amendments/$(NEG)/rev3 -o $(OUT)/compilation-rev3.html
	$(ASM) apply drafts/$(NEG)/rev2.draft amendments/$(NEG)/rev3 --all -o $(OUT)/rev3-preview.draft
	# An amendment tabled against the L-document, as the UN issues it, and read back
	$(ASM) amendment-doc examples/amendment/A-1.yaml --base drafts/$(NEG)/l-document.draft --symbol A/71/L.60 --job-number 17-05200 -o $(OUT)/amendment-A-1.docx
	$(ASM) import $(OUT)/amendment-A-1.docx --base drafts/$(NEG)/l-document.draft --id A-1 --replace -o $(OUT)/amendment-A-1.yaml
	for f in docx html csv xlsx; do $(ASM) compare drafts/$(NEG)/first-draft.draft drafts/$(NEG)/rev1.draft drafts/$(NEG)/rev2.draft -o $(OUT)/comparison.$$f || exit 1; done
	$(ASM) concordance $(NEG) --pairs each -o $(OUT)/concordance.html
	$(ASM) concordance $(NEG) -o $(OUT)/concordance-rev2.csv
	$(ASM) history $(NEG) "OP 25" -o $(OUT)/history-op24.txt
	$(ASM) history $(NEG) op24 -o $(OUT)/history-op24.html
	# Redlines: Rev.1 against the first draft as Word tracked changes (each change by its
	# proposer) and in bold/strike-out (HTML, and PDF when LibreOffice is here); Rev.2 against
	# Rev.1; a fictional delegation's preview of its proposals on Rev.1, with the clashes with
	# proposals on file as Word comments and HTML notes.
	$(ASM) redline drafts/$(NEG)/first-draft.draft drafts/$(NEG)/rev1.draft -o $(OUT)/redline-rev1.docx
	$(ASM) redline drafts/$(NEG)/first-draft.draft drafts/$(NEG)/rev1.draft -o $(OUT)/redline-rev1-visual.docx --visual
	$(ASM) redline drafts/$(NEG)/first-draft.draft drafts/$(NEG)/rev1.draft -o $(OUT)/redline-rev1.html
	@if command -v soffice >/dev/null 2>&1; then \
	  $(ASM) redline drafts/$(NEG)/first-draft.draft drafts/$(NEG)/rev1.draft -o $(OUT)/redline-rev1.pdf; \
	else echo "note: LibreOffice is missing, so no redline PDF (make sysdeps)"; fi
	$(ASM) redline drafts/$(NEG)/rev1.draft drafts/$(NEG)/rev2.draft -o $(OUT)/redline-rev2.docx
	$(ASM) preview drafts/$(NEG)/rev1.draft examples/preview/Q-01.yaml -o $(OUT)/preview-delegation-q.docx
	$(ASM) preview drafts/$(NEG)/rev1.draft examples/preview/Q-01.yaml -o $(OUT)/preview-delegation-q.html
	# Word and Akoma Ntoso: the first draft comes back from two fictional delegations with
	# Word's track changes (edited through the ooxml layer), is read as accepted text and as one
	# proposal per author; the first draft goes out to Akoma Ntoso and back unchanged; the
	# changes from the first draft to Rev.1 are inferred as a proposal in UN prose.
	$(BIN)/python scripts/delegation_edits.py $(OUT)/first-draft.docx $(OUT)/first-draft-returned.docx
	$(ASM) import $(OUT)/first-draft-returned.docx --changes accept -o $(OUT)/first-draft-returned.draft -q
	@rm -rf $(OUT)/word-proposals $(OUT)/inferred && mkdir -p $(OUT)/word-proposals
	$(ASM) import $(OUT)/first-draft-returned.docx --changes proposals --base drafts/$(NEG)/first-draft.draft -o $(OUT)/word-proposals
	$(ASM) proposals $(OUT)/word-proposals --base drafts/$(NEG)/first-draft.draft
	$(ASM) export drafts/$(NEG)/first-draft.draft -o $(OUT)/first-draft.akn.xml
	$(ASM) import $(OUT)/first-draft.akn.xml -o $(OUT)/first-draft-from-akn.draft --negotiation $(NEG) --name first-draft -q
	cmp $(OUT)/first-draft-from-akn.draft drafts/$(NEG)/first-draft.draft
	@mkdir -p $(OUT)/inferred
	$(ASM) diff drafts/$(NEG)/first-draft.draft drafts/$(NEG)/rev1.draft --as-proposals -o $(OUT)/inferred --id P-inferred-rev1
	# The penholder's annual update: last year's resolution as the UN issued it (the PDF of
	# A/RES/80/4) is imported (it must equal the committed drafts/$(UPDATE)/res-80-4.draft),
	# this year's draft was edited from it (drafts/$(UPDATE)/l-81.draft, symbol and sponsor
	# illustrative), and the L-document goes out with Track Changes against the issued text.
	# (An issued version is never overwritten, so the build's copy is removed first.)
	@if [ -f $(REAL)/pdf/A_RES_80_4.pdf ]; then \
	  mkdir -p build/$(UPDATE) && rm -f build/$(UPDATE)/res-80-4.draft && \
	  $(ASM) import $(REAL)/pdf/A_RES_80_4.pdf -o build/$(UPDATE)/res-80-4.draft -q && \
	  cmp build/$(UPDATE)/res-80-4.draft drafts/$(UPDATE)/res-80-4.draft && \
	  $(ASM) check drafts/$(UPDATE)/l-81.draft && \
	  $(ASM) build drafts/$(UPDATE)/l-81.draft -o build/$(UPDATE)/l-81.docx && \
	  $(ASM) redline $(REAL)/pdf/A_RES_80_4.pdf drafts/$(UPDATE)/l-81.draft -o build/$(UPDATE)/l-81-track-changes.docx; \
	else echo "note: ../shared/real is missing, so no annual update"; fi
	# The archivist's survey: the real documents of ../shared/real, PDFs and text layers,
	# each reading judged against the document's own evidence (exit 1 means some to review)
	@if [ -d $(REAL)/pdf ]; then \
	  $(ASM) survey $(REAL)/pdf $(REAL)/more $(REAL)/*.txt -o build/survey.html || true; fi
	@echo "demo outputs are in $(OUT)/ and build/$(UPDATE)/"
	@echo "the negotiation room (not started here; it keeps running until Ctrl-C), on a copy of the example:"
	@echo "  mkdir -p build/room-demo && cp -r drafts amendments build/room-demo/ && cd build/room-demo &&"
	@echo "  ../../$(ASM) room init $(NEG) && ../../$(ASM) room invite 'Delegation A' && ../../$(ASM) serve $(NEG)"

test: setup sysdeps
	$(BIN)/python -m pytest

# the tests that start no LibreOffice, Chromium or process and touch no PDF (tests/conftest.py)
test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf build $(VENV) .pytest_cache .hypothesis
