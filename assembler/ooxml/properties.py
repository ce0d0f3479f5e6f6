"""Custom document properties (docProps/custom.xml): where a built .docx records which
draft and version it shows, so that a file coming back from Word can be read against it."""
from __future__ import annotations

from lxml import etree

from .package import Package

CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def add_custom_properties(pkg: Package, values: dict[str, str]) -> None:
    root = etree.Element(f"{{{CUSTOM}}}Properties", nsmap={None: CUSTOM, "vt": VT})
    for pid, (name, value) in enumerate(values.items(), 2):
        prop = etree.SubElement(root, f"{{{CUSTOM}}}property", fmtid=_FMTID, pid=str(pid),
                                name=name)
        etree.SubElement(prop, f"{{{VT}}}lpwstr").text = value
    pkg.add("docProps/custom.xml", root, CUSTOM_CT)
    pkg.relate("", CUSTOM_REL, "docProps/custom.xml")
