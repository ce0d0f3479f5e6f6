"""A session's lineage as a report: one line per document on screen, a .csv and an .xlsx
for a spreadsheet, one self-contained .html page (sortable by any column, a plot of how
much each resolution changed drawn in inline SVG, links to each comparison and redline)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .change import Change
from .link import DOUBTFUL, LEVELS, LIKELY, SURE, UNLINKED, Link

COLUMNS = ("document", "symbol", "title", "predecessor", "predecessor title", "confidence",
           "evidence", "doubts", "recalls (not read)", "kept", "changed", "added", "deleted",
           "moved", "words changed", "change %", "comparison", "redline")
SIZES = {"title": 40, "predecessor title": 40, "evidence": 60, "doubts": 50,
         "symbol": 13, "predecessor": 13, "recalls (not read)": 13, "confidence": 10,
         "comparison": 20, "redline": 20}


@dataclass(frozen=True)
class Entry:
    """One document of the report: its link, what changed along it, its pages."""
    link: Link
    change: Change | None = None
    comparison: str = ""     # file names relative to the report
    redline: str = ""
    error: str = ""          # why the link could not be compared


def records(entries: list[Entry]) -> list[dict]:
    out = []
    for e in entries:
        doc, pred, c = e.link.document, e.link.predecessor, e.change
        out.append({
            "document": doc.name, "symbol": doc.symbol, "title": doc.title,
            "predecessor": pred.symbol if pred else "",
            "predecessor title": pred.title if pred else "",
            "confidence": e.link.confidence,
            "evidence": "; ".join(map(str, e.link.evidence)),
            "doubts": "\n".join(e.link.doubts + ((e.error,) if e.error else ())),
            "recalls (not read)": e.link.outside,
            "kept": c.kept if c else "", "changed": c.changed if c else "",
            "added": c.added if c else "", "deleted": c.deleted if c else "",
            "moved": c.moved if c else "", "words changed": c.words_changed if c else "",
            "change %": round(100 * c.measure, 1) if c else "",
            "comparison": e.comparison, "redline": e.redline})
    return out


def summary(entries: list[Entry]) -> dict:
    """Documents by confidence, and how the unlinked stand."""
    by = Counter(e.link.confidence for e in entries)
    unlinked = [e for e in entries if not e.link.linked]
    same = sum(1 for e in entries if e.change and not e.change.words_changed)
    return {"documents": len(entries), "linked": len(entries) - len(unlinked),
            **{level: by.get(level, 0) for level in LEVELS},
            "recalls-outside": sum(1 for e in unlinked if e.link.outside),
            "word-for-word": same}


def table(entries: list[Entry]) -> list[list]:
    """The header row, then a row per document."""
    return [list(COLUMNS)] + [[r[c] for c in COLUMNS] for r in records(entries)]


def to_csv(entries: list[Entry]) -> bytes:
    from ..writers.tabular.csv import to_csv as csv_bytes
    return csv_bytes(table(entries))


def to_xlsx(entries: list[Entry], title: str = "Lineage") -> bytes:
    from ..writers.tabular.xlsx import records_xlsx
    return records_xlsx(title, table(entries), list(COLUMNS), SIZES)


def plot(entries: list[Entry], width: int = 900, height: int = 220) -> dict:
    """A bar for each compared link, least changed first, as the template draws it:
    {"bars": [{x, y, w, h, level, label, anchor}], "ticks": [{y, label}], ...}."""
    linked = sorted((e for e in entries if e.change is not None),
                    key=lambda e: (e.change.measure, e.link.document.name))
    top = max((e.change.measure for e in linked), default=0.0)
    top = max(0.1, min(1.0, (int(top * 10) + 1) / 10))   # the axis: a tenth above the most
    left, bottom = 40, 20
    inner_w, inner_h = width - left - 10, height - bottom - 10
    step = inner_w / len(linked) if linked else 0
    bars = []
    for k, e in enumerate(linked):
        h = inner_h * e.change.measure / top
        bars.append({"x": round(left + k * step, 2), "w": round(max(step - 0.5, 0.5), 2),
                     "y": round(10 + inner_h - h, 2), "h": round(h, 2),
                     "level": e.link.confidence, "anchor": anchor(e.link.document.name),
                     "label": f"{e.link.document.symbol or e.link.document.name}: "
                              f"{e.change.measure:.1%} of the words changed from "
                              f"{e.link.predecessor.symbol} ({e.link.confidence})"})
    ticks = [{"y": round(10 + inner_h - inner_h * t / 4, 2), "label": f"{top * t / 4:.0%}"}
             for t in range(5)]
    return {"bars": bars, "ticks": ticks, "width": width, "height": height, "left": left,
            "base": 10 + inner_h}


def anchor(name: str) -> str:
    return "doc-" + "".join(ch if ch.isalnum() else "-" for ch in name)


def to_html(entries: list[Entry], title: str = "Lineage") -> bytes:
    from ..writers.html.comparison import environment
    page = environment().get_template("lineage.html.j2").render(
        title=title, rows=records(entries), columns=COLUMNS, summary=summary(entries),
        plot=plot(entries), anchor=anchor, levels=(SURE, LIKELY, DOUBTFUL, UNLINKED))
    return page.encode("utf-8")


def screen_lines(entries: list[Entry], every: bool = False) -> list[str]:
    """What the terminal shows: the doubtful links and why (every link with `every`),
    then the figures."""
    out = []
    for e in entries:
        link = e.link
        if not every and link.confidence != DOUBTFUL and not e.error:
            continue
        doc = link.document.symbol or link.document.name
        if link.linked:
            line = f"{doc} <- {link.predecessor.symbol}: {link.confidence}"
            if e.change:
                line += f", {e.change.summary()}"
        else:
            line = f"{doc}: unlinked" + (f" (recalls {link.outside}, not read)"
                                         if link.outside else "")
        out.append(line)
        out += [f"  evidence: {ev}" for ev in link.evidence]
        out += [f"  doubt: {d}" for d in link.doubts]
        if e.error:
            out.append(f"  error: {e.error}")
    s = summary(entries)
    out.append(f"{s['documents']} documents: {s['linked']} linked ({s[SURE]} sure, "
               f"{s[LIKELY]} likely, {s[DOUBTFUL]} doubtful), {s[UNLINKED]} unlinked "
               f"({s['recalls-outside']} of them recall an earlier resolution not read); "
               f"{s['word-for-word']} word for word the same as their predecessor")
    return out
