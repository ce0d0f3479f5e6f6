"""Code 39 bars for the job number at the foot of an issued document's first page
("*1705719*"), as widths any writer can draw (Word table cells, SVG)."""
from __future__ import annotations

from .errors import AssemblerError

# nine elements per character, bar/space alternating from a bar; 1 = wide
_PATTERNS = {
    "0": "000110100", "1": "100100001", "2": "001100001", "3": "101100000",
    "4": "000110001", "5": "100110000", "6": "001110000", "7": "000100101",
    "8": "100100100", "9": "001100100", "*": "010010100", "-": "010000101",
}
WIDE = 3  # a wide element is three narrow ones


def code39(text: str) -> list[tuple[bool, int]]:
    """(is_bar, width in narrow units) for `text`, which starts and ends with '*'."""
    out: list[tuple[bool, int]] = []
    for i, ch in enumerate(text):
        pattern = _PATTERNS.get(ch)
        if pattern is None:
            raise AssemblerError(f"'{ch}' cannot be drawn as a Code 39 bar in '{text}'",
                                 hint="a job number is digits, e.g. 17-05719")
        if i:
            out.append((False, 1))  # the gap between characters
        out += [(k % 2 == 0, WIDE if bit == "1" else 1) for k, bit in enumerate(pattern)]
    return out


def svg(text: str, narrow: float = 1.0, height: float = 30.0, size: str = "",
        label_pt: float = 0.0) -> str:
    """The bars as a small SVG (user units = narrow elements); `size` such as
    'width="4.3cm" height="0.8cm"' fixes how large it prints, "pt" the user units as points;
    `label_pt` adds the text under the bars, that large, as the Word face prints it."""
    x = 0.0
    rects = []
    for bar, width in code39(text):
        if bar:
            rects.append(f'<rect x="{x:g}" y="0" width="{width * narrow:g}" height="{height:g}"/>')
        x += width * narrow
    total = round(height + label_pt * 1.2, 2)
    if label_pt:
        rects.append(f'<text x="{x / 2:g}" y="{height + label_pt:g}" font-size="{label_pt:g}" '
                     f'text-anchor="middle" font-family="Times New Roman, Liberation Serif, '
                     f'serif">{text}</text>')
    if size == "pt":
        size = f'width="{x:g}pt" height="{total:g}pt"'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {x:g} {total:g}" '
            f'preserveAspectRatio="none"{" " + size if size else ""}>{"".join(rects)}</svg>')
