"""The .docx package: parts in a zip with content types and relationships.

Written deterministically (fixed timestamps, sorted order) so the same draft gives the same
bytes. All WordprocessingML knowledge of the project lives in this package (ooxml/).
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .ns import CT, PKG_REL, REL

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def serialized(part: etree._Element) -> bytes:
    """A part's XML as the package holds it."""
    return etree.tostring(part, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass
class Package:
    parts: dict[str, bytes] = field(default_factory=dict)
    content_types: dict[str, str] = field(default_factory=dict)
    rels: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)

    def add(self, name: str, data: bytes | etree._Element, content_type: str | None = None) -> None:
        if isinstance(data, etree._Element):
            data = serialized(data)
        self.parts[name] = data
        if content_type:
            self.content_types[name] = content_type

    def relate(self, source: str, rel_type: str, target: str) -> str:
        """Add a relationship from part `source` ('' for the package) and return its id."""
        items = self.rels.setdefault(source, [])
        rid = f"rId{len(items) + 1}"
        items.append((rid, rel_type, target))
        return rid

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            self._write(zf, "[Content_Types].xml", self._content_types_xml())
            for source in sorted(self.rels):
                self._write(zf, _rels_name(source), self._rels_xml(source))
            for name in sorted(self.parts):
                self._write(zf, name, self.parts[name])
        return buf.getvalue()

    @staticmethod
    def _write(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(name, _FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, data)

    def _content_types_xml(self) -> bytes:
        root = etree.Element(f"{{{CT}}}Types", nsmap={None: CT})
        for ext, ctype in (("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                           ("xml", "application/xml")):
            etree.SubElement(root, f"{{{CT}}}Default", Extension=ext, ContentType=ctype)
        for name in sorted(self.content_types):
            etree.SubElement(root, f"{{{CT}}}Override", PartName="/" + name,
                             ContentType=self.content_types[name])
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _rels_xml(self, source: str) -> bytes:
        root = etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
        for rid, rel_type, target in self.rels[source]:
            etree.SubElement(root, f"{{{PKG_REL}}}Relationship", Id=rid,
                             Type=f"{REL}/{rel_type}" if "/" not in rel_type else rel_type,
                             Target=target)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels_name(source: str) -> str:
    if not source:
        return "_rels/.rels"
    folder, _, name = source.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
