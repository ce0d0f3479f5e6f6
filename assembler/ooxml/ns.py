"""Namespaces of WordprocessingML and the Open Packaging Conventions."""
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"

MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DOC_CT = MAIN_CT + ".document.main+xml"
STYLES_CT = MAIN_CT + ".styles+xml"
SETTINGS_CT = MAIN_CT + ".settings+xml"
FOOTNOTES_CT = MAIN_CT + ".footnotes+xml"
HEADER_CT = MAIN_CT + ".header+xml"
FOOTER_CT = MAIN_CT + ".footer+xml"
COMMENTS_CT = MAIN_CT + ".comments+xml"
NUMBERING_CT = MAIN_CT + ".numbering+xml"
CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"
OFFICE_DOC_REL = REL + "/officeDocument"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

NSMAP = {"w": W, "r": R}


def w(tag: str) -> str:
    """Clark name of a w: element or attribute."""
    return f"{{{W}}}{tag}"
