"""Issue 3: one 2,000-paragraph draft in every face and format. Baseline: the plain informal
.docx; the issued faces add mastheads and page furniture, HTML goes through jinja2 (sandboxed,
autoescaped), PDF through LibreOffice (a 200-paragraph draft, so one run stays short)."""
from __future__ import annotations

import shutil
from dataclasses import replace

from harness import measure, row
from gen import generate_draft

from assembler.writers.docx.draft import build_docx
from assembler.writers.html.draft import build_html
from assembler.writers.text.draft import build_text

RESOLUTION = dict(stage="adopted", title="A generated resolution", symbol="A/RES/71/280",
                  date="17 April 2017", session="71", agenda_items="13 and 117",
                  job_number="17-05719", closing="74th plenary meeting / 6 April 2017")


def faces(n: int):
    draft = generate_draft(n)
    informal = replace(draft, metadata=draft.metadata.with_values(stage="first", title="A draft"))
    adopted = replace(draft, metadata=draft.metadata.with_values(
        **RESOLUTION, **{"adopted-on": "6 April 2017", "adopted-from": "A/71/L.58"}))
    return informal, adopted


def main() -> None:
    informal, adopted = faces(2000)
    base_s, base_m = measure(lambda: build_docx(informal))
    print(row("faces: informal .docx, 2000 OPs", base_s, base_m))
    for name, job in (("faces: resolution .docx (masthead, furniture)", lambda: build_docx(adopted)),
                      ("faces: resolution .html (jinja2 sandbox)", lambda: build_html(adopted)),
                      ("faces: resolution .txt", lambda: build_text(adopted))):
        s, m = measure(job)
        print(row(name, s, m, base_s, base_m))
    if shutil.which("soffice"):
        from assembler.writers.pdf.libreoffice import docx_to_pdf
        small, _ = faces(200)
        s0, m0 = measure(lambda: build_docx(small), repeat=1)
        print(row("faces: informal .docx, 200 OPs", s0, m0))
        s, m = measure(lambda: docx_to_pdf(build_docx(small)), repeat=1)
        print(row("faces: .pdf via LibreOffice, 200 OPs", s, m, s0, m0))


if __name__ == "__main__":
    main()
