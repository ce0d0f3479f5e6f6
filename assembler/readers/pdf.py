"""A PDF file -> printed lines, on PyMuPDF (MuPDF): every span of text with its font, flags,
size and place, and the rules drawn on the page (pdf_pieces.py).

A PDF is a program someone else wrote, so it is read within bounds: a size and a page limit
checked before any parsing, and the parsing itself in a child process with a memory ceiling
and a time budget (a hostile file that would loop or inflate a stream is stopped, not waited
for). What cannot be read is refused in one line: no text layer (a scan; there is no OCR), a
password, a file that is no PDF.
"""
from __future__ import annotations

import os
import pickle
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import AssemblerError, Warning_
from ..fs.read import read_bytes
from .pdf_layout import PageRules, document_lines, page_lines
from .pdf_pieces import char_count, page_drawn, page_grids, page_pieces
from .pdf_tables import join_tables, page_tables
from .pdf_unruled import unruled_grids
from .printed import PrintedDocument


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 64 * 2**20     # a 300-page UN report is a few MiB
    max_pages: int = 1000
    max_chars_per_page: int = 50_000  # a dense A4 page holds about 6,000
    seconds: float = 300.0          # the whole reading, parsing included
    memory: int = 2 * 2**30         # address space of the reading process


LIMITS = Limits()


def printed_from_pdf(path: Path, limits: Limits = LIMITS) -> tuple[PrintedDocument, list[Warning_]]:
    """Read `path` in a bounded child process (in this one where there is no fork)."""
    file = str(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise AssemblerError(f"cannot read the PDF: {err.strerror}", file=file) from None
    if size > limits.max_bytes:
        raise AssemblerError(f"the PDF is {size / 2**20:.0f} MiB, over the limit of "
                             f"{limits.max_bytes / 2**20:.0f} MiB for a draft", file=file,
                             hint="import the document's own PDF, not a collection of them")
    data = read_bytes(path, "pdf")  # read once: a regular file (fs/read.py), never a device
    if b"%PDF-" not in data[:1024]:
        raise AssemblerError("not a PDF (no '%PDF-' header)", file=file,
                             hint="give a PDF, or the document's text as .txt")
    if hasattr(os, "fork"):
        import pymupdf  # noqa: F401 - loaded once here, not again in every child (0.1 s)
        return _in_child(path, data, limits)
    try:  # no fork (Windows): bounded by the limits checked while reading, not by a child
        return _read(path, data, limits)
    except AssemblerError:
        raise
    except Exception as err:  # noqa: BLE001 - a parser's crash is the file's fault
        raise _crash(err, path, limits) from None


def _in_child(path: Path, data: bytes, limits: Limits) -> tuple[PrintedDocument, list[Warning_]]:
    import resource
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: read, send the pickled answer, leave without cleanup
        os.close(r)
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limits.memory, limits.memory))
            answer: object = _read(path, data, limits)
        except AssemblerError as err:
            answer = err
        except BaseException as err:  # noqa: BLE001 - a parser's crash is the file's fault
            answer = _crash(err, path, limits)
        try:
            data = pickle.dumps(answer)
            with os.fdopen(w, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(w)
    deadline = time.monotonic() + limits.seconds
    chunks = []
    try:
        import selectors
        with os.fdopen(r, "rb") as inp, selectors.DefaultSelector() as sel:
            sel.register(inp, selectors.EVENT_READ)
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(timeout=left):
                    raise AssemblerError(f"reading the PDF took longer than {limits.seconds:.0f} s;"
                                         f" stopped", file=str(path),
                                         hint="a hostile or damaged file? or split the document")
                chunk = inp.read1(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
    if not chunks:
        raise AssemblerError("the PDF reader stopped without an answer (out of memory?)",
                             file=str(path), hint="a hostile or damaged file?")
    answer = pickle.loads(b"".join(chunks))
    if isinstance(answer, AssemblerError):
        raise answer
    return answer


def _crash(err: BaseException, path: Path, limits: Limits) -> AssemblerError:
    """The parser's own failure, said as what it means for the file."""
    chain = [err]
    while chain[-1].__cause__ or chain[-1].__context__:
        chain.append(chain[-1].__cause__ or chain[-1].__context__)
    # out of memory shows as MemoryError, a buffer that cannot be allocated (MuPDF: "realloc
    # (268435456 bytes) failed"), or a library that cannot be mapped in
    if any(isinstance(e, MemoryError) or "alloc" in str(e) or "failed to map" in str(e)
           for e in chain):
        return AssemblerError(f"reading the PDF needed more than {limits.memory / 2**30:.0f} GiB "
                              f"of memory; stopped", file=str(path),
                              hint="a hostile file (a compressed stream that inflates without "
                              "end?) or a damaged one")
    return AssemblerError(f"the PDF could not be read ({type(err).__name__}: {str(err)[:120]})",
                          file=str(path), hint="a damaged file? open it and save it again as PDF")


def _read(path: Path, data: bytes, limits: Limits) -> tuple[PrintedDocument, list[Warning_]]:
    """The document in `data` (the bytes of `path`, named in messages)."""
    import pymupdf

    # MuPDF says what it repairs on stderr; the reader says it in its own words, once
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    getattr(pymupdf, "no_recommend_layout", lambda: None)()  # its advice on stdout, no
    file = str(path)
    started = time.monotonic()
    try:
        pdf = pymupdf.open(stream=data, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as err:
        raise AssemblerError(f"not a readable PDF ({str(err)[:120]})", file=file,
                             hint="a damaged file? open it and save it again as PDF") from None
    with pdf:
        if pdf.needs_pass:
            raise AssemblerError("the PDF is encrypted with a password; it cannot be read",
                                 file=file, hint="open it with its password and save an "
                                 "unprotected copy, or import the document's .txt or .docx")
        n = pdf.page_count
        if n > limits.max_pages:
            raise AssemblerError(f"the PDF has {n} pages, over the limit of {limits.max_pages}",
                                 file=file, hint="import one document at a time")
        pages, rules, tables = [], [], []
        warnings: list[Warning_] = []
        width = height = 0.0
        for number in range(1, n + 1):
            page = pdf[number - 1]
            drawn = page_drawn(page)
            grids = page_grids(page, drawn)
            pieces = page_pieces(page, chars=bool(grids))
            ruled, headers = bool(grids), None
            if not grids:  # a table set without rules, columns of figures (pdf_unruled.py)
                unruled = unruled_grids(pieces)
                grids, headers = [g for g, _ in unruled], [h for _, h in unruled]
                if grids:
                    pieces = page_pieces(page, chars=True)
            count = char_count(pieces)
            if count > limits.max_chars_per_page:
                raise AssemblerError(f"page {number} holds {count} characters, over the "
                                     f"limit of {limits.max_chars_per_page}", file=file,
                                     hint="not a UN document page; a hostile file?")
            box = page.rect
            width, height = max(width, box.width), max(height, box.height)
            landscape = box.width > box.height
            found, pieces, said = page_tables(grids, pieces, number, landscape, headers)
            for t in found:
                t.ruled = ruled
            tables.extend(found)
            warnings.extend(Warning_(m, None, file) for m in said)
            typed = PageRules(list(drawn.rules))
            lines = page_lines(pieces, number, typed)
            if not lines and (page.get_images() or drawn.rules or drawn.verticals):
                warnings.append(Warning_(f"page {number}: no text on the page, only images or "
                                         f"drawings (a scan?); nothing read from it (no OCR)",
                                         None, file))
            pages.append(lines)
            rules.append(typed)
            if time.monotonic() - started > limits.seconds:
                raise AssemblerError(f"reading the PDF took longer than {limits.seconds:.0f} s "
                                     f"(at page {number} of {n}); stopped", file=file)
    if not any(pages):
        raise AssemblerError("the PDF has no text layer (a scanned image?); assembler does no "
                             "OCR", file=file, hint="import the document's text, .docx or the "
                             "PDF as issued with its text, or run OCR on it first")
    lines, found = document_lines(pages, rules, height, file)
    read = join_tables(tables, pages)
    for t in read:
        more = f", running on to page {t.pages[-1]}" if len(t.pages) > 1 else ""
        how = "its ruling lines" if t.ruled else "its columns of figures (it has no rules)"
        warnings.append(Warning_(f"page {t.page}: a table of {len(t.rows)} rows and "
                                 f"{len(t.rows[0])} columns{more}, read cell by cell from "
                                 f"{how}", None, file))
    return PrintedDocument(lines, file, pages=n, layout=True, tables=read), warnings + found
