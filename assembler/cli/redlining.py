"""The work of the verbs that show changes, without typer: `redline_files` is the redline
verb, called by its typer command (redline.py) and by the light path (light.py), which
runs `assembler redline OLD NEW -o OUT` without typer's start-up."""
from __future__ import annotations

from pathlib import Path

from ..errors import AssemblerError
from ..files import check_output_path, write_atomic
from .output import plural, rendering, say


def load_version(path: Path):
    """A draft source (.draft), or any document a reader knows (.docx, .txt, .xml)."""
    from ..source import load_draft
    if not path.exists():
        raise AssemblerError("no such file", file=str(path), hint="give the path of a .draft file")
    if path.suffix.lower() == ".draft":
        return load_draft(path)
    from ..readers import READERS, read_any
    if path.suffix.lower() not in READERS:
        raise AssemblerError("is not a draft", file=str(path),
                             hint="give a .draft source (or a .docx/.txt the importer reads)")
    try:
        return read_any(path).draft
    except AssemblerError:
        raise
    except Exception as err:  # a reader choking on a file that is no draft at all
        raise AssemblerError(f"is not a draft that can be read ({type(err).__name__}: {err})",
                             file=str(path), hint="give a .draft source") from None


def load_pair(old: Path, new: Path):
    """The two versions of a redline; Word files share what they have in common, so a
    paragraph the new version kept as it was is read once."""
    from ..ooxml.reader import reading_together
    with reading_together():
        return load_version(old), load_version(new)


def check_format(output: Path) -> str:
    from ..writers import check_format as writable
    suffix = writable("redline", output)
    check_output_path(output)
    return suffix


def render(redline, output: Path, visual: bool, comments: dict | None = None) -> bytes:
    from ..writers import writer_for
    with rendering(output):
        return writer_for("redline", output)(redline, visual=visual, comments=comments)


def summary(redline) -> str:
    from ..compare.align import DELETED, INSERTED, MOVED_AWAY
    units = redline.changed_units()
    counts = {
        "changed": sum(1 for u in units if u.status == "changed" and not u.moved),
        "inserted": sum(1 for u in units if u.status == INSERTED),
        "deleted": sum(1 for u in units if u.status == DELETED),
        "moved": sum(1 for u in units if u.status == MOVED_AWAY),
    }
    notes = sum(1 for (side, _), n in redline.notes.items()
                if side == "new" and any(s.op != "equal" for s in n.contents))
    text = ", ".join(f"{v} {k}" for k, v in counts.items())
    return f"{text}, {plural(notes, 'footnote')} changed"


def redline_files(old: Path, new: Path, output: Path, author: str = "", date: str = "",
                  visual: bool = False) -> None:
    """Write the redline from OLD to NEW at OUTPUT and say what it shows."""
    from ..compare.authors import attribution_from
    from ..compare.redline import build_redline, default_who, iso_date
    from ..negotiation import Negotiation
    check_format(output)
    if date and not iso_date(date):  # else the changes would be dated today, silently
        raise AssemblerError(f"--date {date}: not a date",
                             hint="e.g. --date '13 January 2017' or --date 2017-01-13")
    old_d, new_d = load_pair(old, new)
    default = default_who(new_d, author, date)
    negotiation = Negotiation.of(new, new_d)
    traced = negotiation.provenance_since(new_d, old_d)
    dates = negotiation.proposal_dates(warn=say) if traced.provenance else {}
    attribution = attribution_from(traced, default, dates)
    r = build_redline(old_d, new_d, author, date, attribution)
    write_atomic(output, render(r, output, visual))
    say(f"wrote {output}: {summary(r)}")
