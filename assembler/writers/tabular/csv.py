"""Comparison and concordance tables as CSV: UTF-8, one header row, plain text.

A byte-order mark leads the file so that spreadsheet programs read it as UTF-8.
"""
from __future__ import annotations

import csv
import io

from ...compare.concordance import ConcordanceTable
from ...compare.table import ComparisonTable


def table_header(table: ComparisonTable) -> list[str]:
    head = ["row", "kind"]
    for col in table.columns:
        label = f"{col.short} ({col.date})" if col.date else col.short
        head += [f"{label}: number", f"{label}: text", f"{label}: change", f"{label}: note"]
        if table.with_proposals:
            head += [f"{label}: proposals", f"{label}: proposers", f"{label}: status"]
    return head


def table_records(table: ComparisonTable) -> list[list[str]]:
    """The table as rows of plain strings: what .csv writes and .xlsx lays out."""
    out = [table_header(table)]
    for row in table.rows:
        line = [row.id, row.kind]
        for cell in row.cells:
            line += [cell.number, cell.text, cell.change, cell.note]
            if table.with_proposals:
                line += [cell.proposals, cell.proposers, cell.statuses]
        out.append(line)
    return out


def concordance_records(conc: ConcordanceTable) -> list[list[str]]:
    out = [[f"{conc.newer.short} number", f"{conc.older.short} number(s)", "change",
            "contributing proposers", "proposals", "note", "rationale", "unit"]]
    for r in conc.rows:
        out.append([r.new_number, "; ".join(r.old_numbers), r.change, "; ".join(r.proposers),
                    "; ".join(r.proposals), r.note, " ".join(r.rationale), r.unit_id])
    return out


def to_csv(records: list[list[str]]) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(records)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def compare_csv(table: ComparisonTable) -> bytes:
    return to_csv(table_records(table))


def concordance_csv(conc: ConcordanceTable) -> bytes:
    return to_csv(concordance_records(conc))


def write_comparison(table: ComparisonTable | None, concordances: list[ConcordanceTable], *,
                     layout=None, title: str = "") -> bytes:
    """CSV holds one table: the comparison if there is one, else the first concordance."""
    return compare_csv(table) if table is not None else concordance_csv(concordances[0])
