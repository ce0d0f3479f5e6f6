"""Opening a .docx someone sent: refuse what is hostile or broken before reading it.

A .docx is a zip of XML parts. Everything here is checked from the zip's central directory
before a byte is inflated (entry count, declared sizes, compression ratio), and inflating is
bounded again while reading, since a directory can lie. XML is parsed with entities off,
no network and no huge trees, and a part that declares a DTD is refused outright.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import AssemblerError
from ..fs.read import read_bytes


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 64 * 1024 * 1024      # the .docx itself
    entries: int = 4000
    part_bytes: int = 32 * 1024 * 1024      # one XML part, inflated
    total_bytes: int = 128 * 1024 * 1024    # all parts read, inflated
    ratio: int = 200                        # inflated / compressed, for parts over 1 MiB


LIMITS = Limits()
_CHUNK = 64 * 1024


def xml_parser() -> etree.XMLParser:
    """The only parser used on input: no entity expansion, no DTD, no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, dtd_validation=False, remove_comments=True,
                           remove_pis=True)


# How a refusal reads for a part of a Word package and for a whole Akoma Ntoso file
_WORDING = {
    "word": ("part {where} ", "open the file in Word and save it again",
             "Word never writes these: the file was made by something else, possibly to "
             "attack the reader"),
    "akn": ("", "check the XML, or export it again with 'assembler export'",
            "Akoma Ntoso needs none: the file was made by something else, possibly to attack "
            "the reader"),
}


def parse_xml(data: bytes, where: str, made_for: str = "word") -> etree._Element:
    """Parse untrusted XML: DTDs and entities refused before parsing, never expanded."""
    subject, repair, hostile = _WORDING[made_for]
    subject = subject.format(where=where)
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data[:65536] or b"<!ENTITY" in data[:65536] or \
            b"<\x00!\x00D\x00O\x00C\x00" in head:
        raise AssemblerError(f"{subject}declares a DTD or entities; refused", hint=hostile)
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as err:
        raise AssemblerError(f"{subject}is not well-formed XML ({err.msg})",
                             hint=repair) from None
    if root.getroottree().docinfo.doctype:
        raise AssemblerError(f"{subject}declares a DTD; refused", hint=hostile)
    return root


class SafeZip:
    """A zip package whose directory has been checked against `limits`."""

    def __init__(self, path: Path | str | bytes, limits: Limits = LIMITS):
        self.limits = limits
        self.name = "<bytes>" if isinstance(path, bytes) else str(path)
        self._read_total = 0
        data = path if isinstance(path, bytes) else read_bytes(path, "docx")
        if len(data) > limits.file_bytes:
            raise self._error(f"is larger than {limits.file_bytes // 2**20} MiB; refused")
        source = io.BytesIO(data)
        try:
            self.zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
            raise self._error("is not a Word .docx file (not a zip package)",
                              hint="save it from Word as .docx; .doc and .rtf are not read") \
                from None
        infos = self.zip.infolist()
        if len(infos) > limits.entries:
            raise self._error(f"holds {len(infos)} entries (limit {limits.entries}); refused")
        self.infos = {i.filename: i for i in infos}
        for info in infos:
            self._check_entry(info)

    def _error(self, message: str, hint: str | None = None) -> AssemblerError:
        return AssemblerError(message, file=self.name, hint=hint)

    def _check_entry(self, info: zipfile.ZipInfo) -> None:
        lim = self.limits
        if info.flag_bits & 0x1:
            raise self._error(f"entry {info.filename} is encrypted; refused",
                              hint="remove the password in Word and save again")
        if not info.filename.lower().endswith((".xml", ".rels")):
            return  # images and the like are never inflated
        if info.file_size > lim.part_bytes:
            raise self._error(f"part {info.filename} inflates to {info.file_size // 2**20} MiB "
                              f"(limit {lim.part_bytes // 2**20} MiB); refused")
        if info.file_size > 2**20 and info.file_size > lim.ratio * max(info.compress_size, 1):
            raise self._error(f"part {info.filename} is compressed {info.file_size // max(info.compress_size, 1)}"
                              f" to 1, a zip bomb; refused")

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        """Inflate one part, never past its declared size or the limits."""
        info = self.infos.get(name)
        if info is None:
            raise self._error(f"has no part {name}", hint="is it a Word document?")
        limit = min(info.file_size, self.limits.part_bytes)
        out = bytearray()
        try:
            with self.zip.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > limit:
                        raise self._error(f"part {name} inflates past its declared size; refused")
                    self._read_total += len(chunk)
                    if self._read_total > self.limits.total_bytes:
                        raise self._error("inflates past "
                                          f"{self.limits.total_bytes // 2**20} MiB in all; refused")
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error,
                NotImplementedError) as err:  # damaged streams, unknown compression methods
            if isinstance(err, AssemblerError):
                raise
            raise self._error(f"part {name} is damaged ({err})",
                              hint="open the file in Word and save it again") from None
        return bytes(out)

    def check_package(self) -> None:
        """The package policy (docs/word-and-akn.md): a Word document declares its parts in
        [Content_Types].xml, which is parsed like every part (a DTD there is refused), and
        carries no macros or ActiveX controls, which Word documents from delegations never
        need and this reader never runs."""
        if not self.has("[Content_Types].xml"):
            raise self._error("has no [Content_Types].xml, so it is not a Word package; refused",
                              hint="open it in Word and save it again as .docx")
        types = self.xml("[Content_Types].xml")
        declared = " ".join(el.get("ContentType", "") for el in types.iter()).lower()
        for name in self.infos:
            low = name.lower()
            if low.endswith("vbaproject.bin") or low.endswith("vbadata.xml"):
                raise self._error(f"holds macros ({name}); refused",
                                  hint="save it from Word as a .docx without macros")
            if low.startswith("word/activex/"):
                raise self._error(f"holds ActiveX controls ({name}); refused",
                                  hint="remove the controls in Word and save it as .docx")
        if "macroenabled" in declared or "vbaproject" in declared:
            raise self._error("is a macro-enabled document ([Content_Types].xml); refused",
                              hint="save it from Word as a .docx without macros")

    def xml(self, name: str) -> etree._Element:
        try:
            return parse_xml(self.read(name), name)
        except AssemblerError as err:
            raise err.located(self.name)

    def close(self) -> None:
        self.zip.close()
