"""Demo: edit a built draft in Word's way, with track changes on, as two fictional
delegations would before sending it back (lxml through assembler.ooxml.editor).

    python scripts/delegation_edits.py build/gcm-modalities/first-draft.docx returned.docx
"""
from __future__ import annotations

import sys
from pathlib import Path

from assembler.ooxml.editor import TrackedEditor

A, B = "Delegation A", "Group of Friends of Migration"


def main(src: str, dst: str) -> None:
    ed = TrackedEditor(Path(src).read_bytes())
    ed.replace_words("to appoint two co-facilitators", "two", "three", A, "2017-01-10T10:00:00Z")
    ed.insert_words("must be open, transparent", "open, ", "fully ", A, "2017-01-10T10:02:00Z")
    ed.insert_words("preparatory process shall be open to participation",
                    "specialized agencies", " and observers", A, "2017-01-10T10:05:00Z")
    ed.delete_paragraph("Reaffirms that the Secretariat", B, "2017-01-11T09:00:00Z")
    ed.insert_paragraph_after("Invites the Secretary-General to submit inter-agency",
                              " Member States to share good practices on safe return and "
                              "sustainable reintegration;", B, "2017-01-11T09:05:00Z",
                              italic_lead="Encourages", number="17.")
    ed.delete_words("Calls upon Member States to contribute", "concrete ", B,
                    "2017-01-11T09:10:00Z")
    ed.comment("to appoint three co-facilitators", "Three co-facilitators allow a balance "
               "between regions.", A, "2017-01-10T10:01:00Z")
    Path(dst).write_bytes(ed.to_bytes())
    print(f"wrote {dst}: tracked changes by {A} and {B}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
