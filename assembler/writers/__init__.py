"""Writers, laid out by format as pandoc lays out its writers (docx/, html/, tabular/, text/,
pdf/), and the one registry that picks a writer by product and output suffix.

Every writer of one product takes the same arguments:
- draft:       (draft, layout, *, letters=(), template=None)
- letters:     (draft, letters, layout)
- redline:     (redline, *, visual=False, comments=None)
- compilation: (compilation)
- comparison:  (table, concordances, *, layout=None, title="")
- amendment:   (document, layout=None)
Entries name "module:function" and are imported on first use, so python-docx, openpyxl or
LibreOffice are only loaded by what needs them."""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Callable

from ..errors import AssemblerError

WRITERS: dict[str, dict[str, str]] = {
    "draft": {".docx": "docx.publish:write_draft", ".pdf": "pdf.publish:write_draft",
              ".html": "html.publish:write_draft", ".htm": "html.publish:write_draft",
              ".txt": "text.publish:write_draft"},
    "letters": {".docx": "docx.publish:write_letters", ".pdf": "pdf.publish:write_letters",
                ".html": "html.publish:write_letters", ".htm": "html.publish:write_letters",
                ".txt": "text.publish:write_letters"},
    "redline": {".docx": "docx.redline:write_redline", ".pdf": "pdf.publish:write_redline",
                ".html": "html.redline:write_redline", ".htm": "html.redline:write_redline"},
    "compilation": {".docx": "docx.compilation:compilation_docx",
                    ".html": "html.compilation:compilation_html",
                    ".htm": "html.compilation:compilation_html"},
    "comparison": {".docx": "docx.comparison:write_comparison",
                   ".html": "html.comparison:write_comparison",
                   ".htm": "html.comparison:write_comparison",
                   ".csv": "tabular.csv:write_comparison",
                   ".xlsx": "tabular.xlsx:write_comparison"},
    "amendment": {".docx": "docx.amendment:write_amendment",
                  ".pdf": "pdf.publish:write_amendment",
                  ".html": "html.amendment:write_amendment",
                  ".htm": "html.amendment:write_amendment"},
}

# how a refusal names the product ("cannot write a redline as '.odt'")
NOUNS = {"draft": "", "letters": "a letter as ", "redline": "a redline as ",
         "compilation": "a compilation as ", "comparison": "a comparison as ",
         "amendment": "an amendment document as "}


def suffixes(product: str) -> tuple[str, ...]:
    return tuple(WRITERS[product])


def check_format(product: str, path: Path) -> str:
    """The output's suffix if `product` can be written so; else a one-line refusal."""
    suffix = Path(path).suffix.lower()
    if suffix not in WRITERS[product]:
        known = [s for s in WRITERS[product] if s != ".htm"]
        known = ", ".join(known[:-1]) + " or " + known[-1]
        raise AssemblerError(f"cannot write {NOUNS[product]}'{suffix or 'a file without extension'}'",
                             file=str(path), hint=f"give an output ending in {known}")
    return suffix


def writer_for(product: str, path: Path) -> Callable[..., bytes]:
    """The function writing `product` in the format `path`'s suffix names."""
    module, name = WRITERS[product][check_format(product, path)].split(":")
    return getattr(import_module(f"{__name__}.{module}"), name)
