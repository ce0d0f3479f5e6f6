"""Draft -> plain text (UTF-8): the masthead as lines, numbered paragraphs with hanging
indents, footnote numbers in brackets with the notes at the end, table rows as labelled
blocks (a landscape table does not fit 78 columns)."""
from __future__ import annotations

import textwrap

from ...layout import Layout
from ...model import AnnexParagraph, Content, Draft, Heading, Table
from ...inline import plain
from ...numbering import compute_labels
from ...stages import Masthead, masthead_for

WIDTH = 78
INDENT = 4


class TextDraft:
    def __init__(self, draft: Draft):
        self.draft = draft
        self.labels = compute_labels(draft)
        self.notes: list[str] = []
        self.numbers: dict[str, int] = {}  # a footnote referred to twice keeps its number

    def text(self, content: Content) -> str:
        def note(fid: str) -> str:
            if fid not in self.numbers:
                fn = self.draft.footnote(fid)
                self.notes.append(self.text(fn.content) if fn else "")
                self.numbers[fid] = len(self.notes)
            return f"[{self.numbers[fid]}]"

        def ref(uid: str) -> str:
            label = self.labels.get(uid)
            return label.number if label else uid
        return plain(content, ref=ref, note=note)

    @staticmethod
    def wrap(text: str, first: str = "", rest: str = "") -> list[str]:
        out = []
        for i, part in enumerate(text.split("\n")):
            out += textwrap.wrap(part, WIDTH, initial_indent=first if i == 0 else rest,
                                 subsequent_indent=rest, break_on_hyphens=False,
                                 break_long_words=False) or [first]
        return out

    def masthead(self, face: Masthead | None) -> list[str]:
        meta = self.draft.metadata
        if face is None or face.face == "informal":
            lines = []
            date = face.date if face else meta.date
            if date:
                lines.append(date.rjust(WIDTH))
            lines += [""] + [t.center(WIDTH).rstrip() for t in textwrap.wrap(
                face.title if face else meta.title, WIDTH - 8)]
            label = face.stage_label if face else meta.stage_label
            if label:
                lines += ["", label.center(WIDTH).rstrip()]
            return lines + [""]
        col = WIDTH - 24
        right = [f"{face.distribution_label} {face.distribution}", face.date] + (["", face.original] if face.original else [])
        lines = [face.united_nations.ljust(col) + face.symbol, "=" * WIDTH,
                 face.organ.upper().ljust(col) + right[0]]
        lines += [" " * col + r for r in right[1:]]
        lines += ["=" * WIDTH, "", face.session, face.agenda]
        for t in face.agenda_titles:
            lines += self.wrap(t)
        lines.append("")
        if face.face == "limited":
            lines += self.wrap(face.submitted) + [""] + self.wrap(face.title, " " * INDENT, " " * INDENT)
        else:
            number, _, title = face.title.partition(" ")
            lines += self.wrap(face.adopted) + self.wrap(face.committee) + [""]
            lines += self.wrap(title, (" " * INDENT + number).ljust(INDENT * 3), " " * INDENT * 3)
        return lines + [""]

    def marked(self, unit, degree: int, out: list[str]) -> None:
        label = self.labels[unit.id]
        at = INDENT * (degree + 1)
        mark_at = INDENT * degree if degree else 0
        # a label wider than its column ("(iii)") still leaves a space before the text
        first = (" " * mark_at + label.mark + " ").ljust(at) if label.mark else " " * at
        out += self.wrap(self.text(unit.content), first, " " * at) + [""]
        for child in unit.children:
            self.marked(child, degree + 1, out)

    def render(self) -> str:
        d = self.draft
        face = masthead_for(d.metadata) if d.metadata.stage else None
        out = self.masthead(face)  # (an illustrative note is the HTML's, on screen only)
        if d.metadata.formula:
            out += [" " * INDENT * 2 + d.metadata.formula, ""]
        for item in d.preamble + d.operative:
            if isinstance(item, Heading) and item.part:  # "II" over its title, centred
                out += [self.labels[item.id].mark.center(WIDTH).rstrip()]
                out += [line.center(WIDTH).rstrip()
                        for line in self.wrap(self.text(item.content), "", "")] + [""]
            elif isinstance(item, Heading):
                out += self.wrap(self.text(item.content), " " * INDENT, " " * INDENT) + [""]
            elif item.kind == "pp":
                out += self.wrap(self.text(item.content), " " * INDENT * 2, " " * INDENT) + [""]
                for child in item.children:
                    self.marked(child, 1, out)
            else:
                self.marked(item, 0, out)
        if face and face.closing:
            out += [line.rjust(WIDTH) for line in face.closing] + [""]
        for annex in d.annexes:
            title = self.text(annex.title)
            if title:
                out += ["", title.center(WIDTH).rstrip(), ""]
            for block in annex.body:
                if isinstance(block, AnnexParagraph):
                    out += self.wrap(self.text(block.content), " " * INDENT * 2, " " * INDENT) + [""]
                elif isinstance(block, Table):
                    out += self.table(block)
        if self.notes:
            out += ["_" * 20, ""]
            for i, note in enumerate(self.notes, 1):
                out += self.wrap(note, f"[{i}] ", " " * 5)
            out.append("")
        if face and face.issued:
            out += ["", face.job_number.ljust(WIDTH - len(face.barcode)) + face.barcode]
        return "\n".join(line.rstrip() for line in out).rstrip("\n") + "\n"

    def table(self, table: Table) -> list[str]:
        out: list[str] = []
        title = self.text(table.title)
        if title:
            out += self.wrap(title) + [""]
        names = [self.text(c).replace("\n", " ") for c in next(
            (r.cells for r in table.rows if r.header), ())]
        for row in table.rows:
            if row.header:
                continue
            for i, cell in enumerate(row.cells):
                value = self.text(cell)
                if not value.strip():
                    continue
                name = names[i] if i < len(names) else f"Column {i + 1}"
                out += self.wrap(value, f"{name}: ", " " * INDENT)
            out.append("-" * 20)
        return out + [""]


def build_text(draft: Draft, layout: Layout | None = None) -> bytes:
    return TextDraft(draft).render().encode("utf-8")
