"""Inline markup of the draft source format.

    *italic*   **bold**   ^{superscript}   [^fn1] footnote marker   [@op14] cross-reference
    \\n line break   \\x the character x literally

`*` and `**` toggle, so formats nest freely. The writer escapes only what would otherwise be
read as markup, keeping ordinary text (square brackets of negotiating text included) clean.
"""
from __future__ import annotations

import re

from ..errors import AssemblerError
from ..inline import normalize
from ..model import UNIT_ID, Break, Content, CrossRef, FootnoteRef, Text

_REF = re.compile(r"\[([\^@])(" + UNIT_ID + r")\]")


def parse_inline(s: str, *, cell: bool = False) -> Content:
    out: list = []
    buf: list[str] = []
    italic = bold = False

    def flush(sup: bool = False) -> None:
        if buf:
            out.append(Text("".join(buf), italic=italic, bold=bold, sup=sup))
            buf.clear()

    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch == "\\":
            if i + 1 >= n:
                raise AssemblerError("a backslash ends the line",
                                     hint="write \\\\ for a literal backslash")
            nxt = s[i + 1]
            if nxt == "n":
                flush()
                out.append(Break())
            else:
                buf.append(nxt)
            i += 2
        elif ch == "*":
            flush()
            if s.startswith("**", i):
                bold = not bold
                i += 2
            else:
                italic = not italic
                i += 1
        elif ch == "^" and s.startswith("^{", i):
            flush()
            i += 2
            while i < n and s[i] != "}":
                if s[i] == "\\" and i + 1 < n:
                    i += 1
                buf.append(s[i])
                i += 1
            if i >= n:
                raise AssemblerError("superscript ^{ is not closed", hint="add the closing }")
            flush(sup=True)
            i += 1
        elif ch == "[" and i + 1 < n and s[i + 1] in "^@":
            m = _REF.match(s, i)
            if not m:
                raise AssemblerError(f"unreadable reference starting {s[i:i + 20]!r}",
                                     hint="write [^footnote-id] or [@unit-id], or \\[ for a bracket")
            flush()
            out.append(FootnoteRef(m.group(2)) if m.group(1) == "^" else CrossRef(m.group(2)))
            i = m.end()
        else:
            buf.append(ch)
            i += 1
    flush()
    if italic or bold:
        raise AssemblerError("a * or ** is not closed on this line",
                             hint="close the italic or bold, or write \\* for an asterisk")
    return normalize(out)


def render_inline(content: Content, *, cell: bool = False) -> str:
    parts: list[str] = []
    italic = bold = False
    last = len(content) - 1
    for idx, item in enumerate(content):
        if isinstance(item, Text):
            want_b, want_i = item.bold, item.italic
        else:
            want_b, want_i = bold, italic  # markers keep the surrounding format
        if want_b != bold:
            parts.append("**")
            bold = want_b
        if want_i != italic:
            parts.append("*")
            italic = want_i
        if isinstance(item, Text):
            if item.sup:
                sup = item.text.replace("\\", "\\\\").replace("}", "\\}")
                parts.append("^{" + (sup.replace("|", "\\|") if cell else sup) + "}")
            else:
                parts.append(_escape(item.text, cell=cell,
                                     first=idx == 0, final=idx == last))
        elif isinstance(item, FootnoteRef):
            parts.append(f"[^{item.footnote}]")
        elif isinstance(item, CrossRef):
            parts.append(f"[@{item.target}]")
        elif isinstance(item, Break):
            parts.append("\\n")
    if bold:
        parts.append("**")
    if italic:
        parts.append("*")
    return "".join(parts)


def _escape(s: str, *, cell: bool, first: bool, final: bool) -> str:
    lead = trail = ""
    # Space at either end of a line would be lost to stripping: escape it.
    if first and s.startswith(" "):
        lead, s = "\\ ", s[1:]
    if final and s.endswith(" "):
        trail, s = "\\ ", s[:-1]
    s = s.replace("\\", "\\\\").replace("*", "\\*")
    s = s.replace("[^", "\\[^").replace("[@", "\\[@").replace("^{", "\\^{").replace("{#", "\\{#")
    if cell:
        s = s.replace("|", "\\|")
    if not final and s.endswith("["):
        s = s[:-1] + "\\["  # a superscript may follow: "[^{" must not read as a marker
    return lead + s + trail
