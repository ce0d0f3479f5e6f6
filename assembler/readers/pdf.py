"""A PDF file -> printed lines, on pdfplumber (pdfminer.six): every character with its font,
size and position, and the rules drawn on the page.

A PDF is a program someone else wrote, so it is read within bounds: a size and a page limit
checked before any parsing, and the parsing itself in a child process with a memory ceiling
and a time budget (a hostile file that would loop or inflate a stream is stopped, not waited
for). What cannot be read is refused in one line: no text layer (a scan; there is no OCR), a
password, a file that is no PDF.
"""
from __future__ import annotations

import io
import os
import pickle
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import AssemblerError, Warning_
from ..fs.read import read_bytes
from .pdf_layout import document_lines, page_lines, page_rules
from .pdf_tables import join_tables, page_tables
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
    # out of memory shows as MemoryError, a buffer that cannot be allocated, or a library
    # that cannot be mapped in
    if any(isinstance(e, MemoryError) or "allocate" in str(e) or "failed to map" in str(e)
           for e in chain):
        return AssemblerError(f"reading the PDF needed more than {limits.memory / 2**30:.0f} GiB "
                              f"of memory; stopped", file=str(path),
                              hint="a hostile file (a compressed stream that inflates without "
                              "end?) or a damaged one")
    return AssemblerError(f"the PDF could not be read ({type(err).__name__}: {str(err)[:120]})",
                          file=str(path), hint="a damaged file? open it and save it again as PDF")


def _read(path: Path, data: bytes, limits: Limits) -> tuple[PrintedDocument, list[Warning_]]:
    """The document in `data` (the bytes of `path`, named in messages)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    file = str(path)
    started = time.monotonic()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        n = len(pdf.pages)
    except PdfminerException as err:
        cause = err.args[0] if err.args else err
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise AssemblerError("the PDF is encrypted with a password; it cannot be read",
                                 file=file, hint="open it with its password and save an "
                                 "unprotected copy, or import the document's .txt or .docx") from None
        if isinstance(cause, PDFSyntaxError):
            raise AssemblerError(f"not a readable PDF ({cause})", file=file,
                                 hint="a damaged file? open it and save it again as PDF") from None
        raise
    with pdf:
        if n > limits.max_pages:
            raise AssemblerError(f"the PDF has {n} pages, over the limit of {limits.max_pages}",
                                 file=file, hint="import one document at a time")
        pages, rules, tables = [], [], []
        warnings: list[Warning_] = []
        width = height = 0.0
        for number, page in enumerate(pdf.pages, 1):
            if time.monotonic() - started > limits.seconds:
                raise AssemblerError(f"reading the PDF took longer than {limits.seconds:.0f} s "
                                     f"(at page {number} of {n}); stopped", file=file)
            chars = page.chars
            if len(chars) > limits.max_chars_per_page:
                raise AssemblerError(f"page {number} holds {len(chars)} characters, over the "
                                     f"limit of {limits.max_chars_per_page}", file=file,
                                     hint="not a UN document page; a hostile file?")
            width, height = max(width, float(page.width)), max(height, float(page.height))
            grids = [[[tuple(map(float, c)) if c else None for c in row.cells] for row in t.rows]
                     for t in page.find_tables()]
            found, chars, said = page_tables(grids, chars, number, page.width > page.height)
            tables.extend(found)
            warnings.extend(Warning_(m, None, file) for m in said)
            lines = page_lines(chars, number)
            if not lines and (page.images or page.rects or page.curves):
                warnings.append(Warning_(f"page {number}: no text on the page, only images or "
                                         f"drawings (a scan?); nothing read from it (no OCR)",
                                         None, file))
            pages.append(lines)
            rules.append(page_rules(page.lines, page.rects))
            page.close()  # drop the page's parsed objects: memory stays one page deep
    if not any(pages):
        raise AssemblerError("the PDF has no text layer (a scanned image?); assembler does no "
                             "OCR", file=file, hint="import the document's text, .docx or the "
                             "PDF as issued with its text, or run OCR on it first")
    lines, found = document_lines(pages, rules, height, file)
    read = join_tables(tables, pages)
    for t in read:
        more = f", running on to page {t.pages[-1]}" if len(t.pages) > 1 else ""
        warnings.append(Warning_(f"page {t.page}: a table of {len(t.rows)} rows and "
                                 f"{len(t.rows[0])} columns{more}, read cell by cell from its "
                                 f"ruling lines", None, file))
    return PrintedDocument(lines, file, pages=n, layout=True, tables=read), warnings + found
