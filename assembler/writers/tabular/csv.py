"""Comparison and concordance tables as CSV: UTF-8, one header row, plain text.

A byte-order mark leads the file so that spreadsheet programs read it as UTF-8.
"""
from __future__ import annotations

import csv
import io

from ...compare.concordance import ConcordanceTable
from ...compare.table import ComparisonTable
from ...compare.wording import change_word, say

# what each column holds: per version of a comparison, and in a concordance
VERSION_FIELDS = ("number", "text", "change", "note")
PROPOSAL_FIELDS = ("proposals", "proposers", "status")
CONCORDANCE_FIELDS = ("newer", "older", "change", "proposers", "proposals", "note",
                      "rationale", "unit")


def _per_version(table: ComparisonTable) -> tuple[str, ...]:
    return VERSION_FIELDS + (PROPOSAL_FIELDS if table.with_proposals else ())


def table_fields(table: ComparisonTable) -> list[str]:
    """What each column of the comparison holds: "row", "kind", then each version's fields."""
    return ["row", "kind"] + [f for _ in table.columns for f in _per_version(table)]


def table_header(table: ComparisonTable) -> list[str]:
    lang = table.lang
    head = [say(lang, "csv-row"), say(lang, "csv-kind")]
    for col in table.columns:
        label = say(lang, "csv-dated", version=col.short, date=col.date) if col.date else col.short
        head += [say(lang, f"csv-{field}", version=label) for field in _per_version(table)]
    return head


def table_records(table: ComparisonTable) -> list[list[str]]:
    """The table as rows of plain strings: what .csv writes and .xlsx lays out."""
    out = [table_header(table)]
    for row in table.rows:
        line = [row.id, row.kind]
        for cell in row.cells:
            line += [cell.number, cell.text, change_word(table.lang, cell.change), cell.note]
            if table.with_proposals:
                line += [cell.proposals, cell.proposers_in(table.lang), cell.statuses_in(table.lang)]
        out.append(line)
    return out


def concordance_records(conc: ConcordanceTable) -> list[list[str]]:
    lang = conc.lang
    versions = {"newer": conc.newer.short, "older": conc.older.short}
    out = [[say(lang, f"conc-{field}", version=versions.get(field, ""))
            for field in CONCORDANCE_FIELDS]]
    for r in conc.rows:
        out.append([r.new_number, "; ".join(r.old_numbers), change_word(lang, r.change),
                    "; ".join(r.proposers), "; ".join(r.proposals), r.note,
                    " ".join(r.rationale), r.unit_id])
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
