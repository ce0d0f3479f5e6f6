"""The life of one unit through every version of a negotiation: each wording, each change and
who made it. A history is the comparison table cut down to the unit's row, so every table
writer can write it too."""
from __future__ import annotations

import re
from dataclasses import replace

from ..errors import AssemblerError
from .table import ComparisonTable, TableRow
from .wording import change_word, say

_LONG = (("operative paragraph", "op"), ("preambular paragraph", "pp"), ("paragraph", "op"),
         ("para.", "op"), ("para", "op"))


def _norm(ref: str) -> str:
    s = ref.strip().lower()
    for long, short in _LONG:
        if s.startswith(long):
            s = short + s[len(long):]
            break
    s = re.sub(r"\s+", "", s)
    if s[:1].isdigit():
        s = "op" + s
    return s


def find_row(table: ComparisonTable, ref: str, where: str = "") -> TableRow:
    """The row of a unit named by id (op14.a) or by the number a version printed ("OP 14 (a)",
    "operative paragraph 14 (a)", "PP 3"); numbers are looked up from the newest version back."""
    for row in table.rows:
        if ref in row.ids():
            return row
    key = _norm(ref)
    for k in range(len(table.columns) - 1, -1, -1):
        for row in table.rows:
            cell = row.cells[k]
            if cell.present and _norm(cell.number) == key:
                return row
    names = ", ".join(c.short for c in table.columns)
    raise AssemblerError(f"no unit '{ref}' in any version ({names})", file=where or None,
                         hint="give a unit id such as op14.a or a number as a version "
                              "printed it, such as 'OP 14 (a)' or 'PP 3'")


def unit_history(table: ComparisonTable, ref: str, where: str = "") -> ComparisonTable:
    row = find_row(table, ref, where)
    latest = next((c for c in reversed(row.cells) if c.present), None)
    name = latest.number if latest else row.id
    if table.title:
        title = say(table.lang, "history-of", unit=name, id=row.id, title=table.title)
    else:
        title = say(table.lang, "history", unit=name, id=row.id)
    return replace(table, rows=(row,), title=title)


def history_text(history: ComparisonTable) -> str:
    """The history for a terminal or a .txt file, in the table's words: insertions
    {+like this+}, deletions [-like this-]."""
    lang = history.lang
    row = history.rows[0]
    out = [history.title, ""]
    for col, cell in zip(history.columns, row.cells):
        head = f"{col.heading}"
        if cell.present:
            head += f" -- {cell.number}"
        kind = cell.change if cell.present else ""
        if kind and kind != "unchanged":
            head += f" -- {change_word(lang, kind)}"
        elif not cell.present and cell.change:
            head += f" -- {change_word(lang, cell.change)}"
        out.append(head)
        if cell.present:
            out.append("    " + "".join(
                text if op == "=" else f"{{+{text}+}}" if op == "+" else f"[-{text}-]"
                for op, text in cell.segments))
        if cell.note and (not cell.present or cell.note != say(lang, "moved")):
            out.append(f"    ({cell.note})")
        for c in cell.contributions:
            status = f", {c.status_in(lang)}" if c.status else ""
            out.append(f"    {say(lang, 'by', who=c.who_in(lang), proposal=c.proposal)}{status}")
        out.append("")
    return "\n".join(out)
