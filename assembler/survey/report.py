"""A survey's report: one line per document on screen, a .csv for a spreadsheet, one
self-contained .html page (sortable by any column, no script from elsewhere)."""
from __future__ import annotations

import csv
import io

from .run import Row, summary

COLUMNS = ("document", "symbol", "stage", "verdict", "causes", "PP", "OP", "sub", "footnotes",
           "annex", "files", "seconds", "findings", "notes")


def records(rows: list[Row]) -> list[dict]:
    out = []
    for r in rows:
        pp, op, sub, fn, annex = r.counts
        out.append({"document": r.name, "symbol": r.symbol, "stage": r.stage,
                    "verdict": r.verdict, "causes": " ".join(r.causes), "PP": pp, "OP": op,
                    "sub": sub, "footnotes": fn, "annex": annex,
                    "files": " ".join(x.kind for x in r.readings),
                    "seconds": round(sum(x.seconds for x in r.readings), 3),
                    "findings": "\n".join(str(f) for f in r.findings),
                    "notes": "\n".join(str(f) for f in r.notes)})
    return out


def to_csv(rows: list[Row]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(records(rows))
    return buf.getvalue().encode("utf-8")


def to_html(rows: list[Row], title: str = "Survey") -> bytes:
    from ..writers.html.comparison import environment
    page = environment().get_template("survey.html.j2").render(
        title=title, rows=records(rows), columns=COLUMNS, summary=summary(rows))
    return page.encode("utf-8")


def screen_lines(rows: list[Row], every: bool = False) -> list[str]:
    """What the terminal shows: the documents in review with their findings (all with
    `every`), then the figures."""
    out = []
    for r in rows:
        if r.verdict == "exact" and not every:
            continue
        out.append(f"{r.name}: {r.verdict}" + (f" ({', '.join(r.causes)})" if r.causes else ""))
        out += [f"  {f}" for f in r.findings]
        out += [f"  outweighed by the page: {f}" for f in r.notes]
    s = summary(rows)
    share = 100 * s["exact"] / s["documents"] if s["documents"] else 0
    out.append(f"{s['documents']} document{'s' if s['documents'] != 1 else ''}: "
               f"{s['exact']} exact ({share:.1f}%), "
               f"{s['review']} to review"
               + (f" ({s['page wins']} exact where the page outweighed its text layer)"
                  if s["page wins"] else "")
               + (": " + ", ".join(f"{k} {v}" for k, v in s["causes"].items())
                  if s["causes"] else ""))
    return out
