"""Word styles: paragraph and character formatting resolved through basedOn chains, and the
small attribute readers the document reader shares."""
from __future__ import annotations

import re

from lxml import etree

from .ns import w


_VAL = w("val")
_TAGS: dict[str, str] = {}  # local name -> Clark name, built once per name


def child(el, tag: str):
    """The first child of `el` named `tag` (a Clark name), as el.find(tag) finds it: a loop
    over the children costs a fifth of find, which goes through lxml's path language."""
    for c in el:
        if c.tag == tag:
            return c
    return None


def val(el, tag: str):
    if el is None:
        return None
    name = _TAGS.get(tag)
    if name is None:
        name = _TAGS[tag] = w(tag)
    found = child(el, name)
    return None if found is None else found.get(_VAL)


def _on(el) -> bool:
    return el is not None and el.get(w("val"), "true") not in ("0", "false", "off", "none")


_LEFT, _START, _HANGING, _FIRST_LINE = w("left"), w("start"), w("hanging"), w("firstLine")


def indent(ind, left: int, first: int) -> tuple[int, int]:
    for attr in (_LEFT, _START):
        value = ind.get(attr)
        if value is not None:
            left = _int(value)
    hanging, first_line = ind.get(_HANGING), ind.get(_FIRST_LINE)
    if hanging is not None:
        first = -_int(hanging)
    elif first_line is not None:
        first = _int(first_line)
    return left, first


def _int(s) -> int:
    try:
        return int(float(s))
    except (TypeError, ValueError):
        return 0


class Styles:
    """Paragraph and character styles, resolved through basedOn (with a depth guard)."""

    def __init__(self, root):
        self.by_id: dict[str, etree._Element] = {}
        self.default_para = ""
        self.doc_rpr: dict = {}
        self._cache: dict[str, dict] = {}
        self._runs: dict[tuple, tuple[bool, bool, bool]] = {}
        self._names: dict[str, str] = {}
        if root is None:
            return
        for st in root.iter(w("style")):
            sid = st.get(w("styleId"), "")
            self.by_id[sid] = st
            if st.get(w("type")) == "paragraph" and st.get(w("default")) in ("1", "true"):
                self.default_para = sid
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.doc_rpr = _run_props(defaults, {})

    def name(self, sid: str) -> str:
        if sid not in self._names:
            st = self.by_id.get(sid or self.default_para)
            self._names[sid] = val(st, "name") or "" if st is not None else ""
        return self._names[sid]

    def _chain(self, sid: str) -> list:
        chain, seen = [], set()
        while sid and sid in self.by_id and sid not in seen and len(chain) < 20:
            seen.add(sid)
            chain.append(self.by_id[sid])
            sid = val(self.by_id[sid], "basedOn") or ""
        return list(reversed(chain))

    def paragraph(self, sid: str) -> dict:
        sid = sid or self.default_para
        if sid in self._cache:
            return self._cache[sid]
        props: dict = {"rpr": dict(self.doc_rpr)}
        for st in self._chain(sid):
            ppr = st.find(w("pPr"))
            if ppr is not None:
                numpr = ppr.find(w("numPr"))
                if numpr is not None:
                    if val(numpr, "numId") is not None:
                        props["num_id"] = val(numpr, "numId")
                    if val(numpr, "ilvl") is not None:
                        props["level"] = _int(val(numpr, "ilvl"))
                if val(ppr, "jc"):
                    props["align"] = val(ppr, "jc")
                if val(ppr, "outlineLvl") is not None:
                    props["outline"] = _int(val(ppr, "outlineLvl"))
                ind = ppr.find(w("ind"))
                if ind is not None:
                    props["left"], props["first"] = indent(ind, props.get("left", 0),
                                                            props.get("first", 0))
            props["rpr"] = _run_props(st.find(w("rPr")), props["rpr"])
        name = (self.name(sid) or "").lower()
        m = re.fullmatch(r"heading ([1-9])", name)
        if m and "outline" not in props:
            props["outline"] = int(m.group(1)) - 1
        self._cache[sid] = props
        return props

    def run_format(self, para_style: str, rpr, base: dict) -> tuple[bool, bool, bool]:
        """(italic, bold, sup) of a run with properties `rpr` in a paragraph of style
        `para_style` whose run properties are `base`. Resolved once per distinct set of
        run properties and paragraph style: a document repeats a handful of them."""
        key = (para_style, None if rpr is None else
               tuple((c.tag, c.get(_VAL)) for c in rpr if c.tag in _RUN_KINDS))
        fmt = self._runs.get(key)
        if fmt is None:
            fmt = self._runs[key] = self._run(rpr, base)
        return fmt

    def _run(self, rpr, base: dict) -> tuple[bool, bool, bool]:
        fmt = dict(base)
        if rpr is not None:
            cstyle = val(rpr, "rStyle")
            if cstyle:
                for st in self._chain(cstyle):
                    fmt = _run_props(st.find(w("rPr")), fmt)
            fmt = _run_props(rpr, fmt)
        return fmt.get("italic", False), fmt.get("bold", False), fmt.get("sup", False)


# the run properties a run's format depends on (see _run_props)
_RUN_KINDS = frozenset(w(k) for k in ("rStyle", "i", "b", "vertAlign"))


def _run_props(rpr, fmt: dict) -> dict:
    fmt = dict(fmt)
    if rpr is None:
        return fmt
    for tag, key in (("i", "italic"), ("b", "bold")):
        el = rpr.find(w(tag))
        if el is not None:
            fmt[key] = _on(el)
    va = val(rpr, "vertAlign")
    if va is not None:
        fmt["sup"] = va == "superscript"
    return fmt
