"""The order WordprocessingML's schema (ECMA-376 Part 1, transitional) gives the children of
the property elements we write. Word refuses or "repairs" a file whose w:pPr, w:rPr, w:sectPr
... hold their children out of this order, so whatever merges or inserts children follows it.
"""
from __future__ import annotations

from lxml import etree

from .ns import w

_RPR_BASE = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
             "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
             "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
             "specVanish oMath")
_PPR_BASE = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
             "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
             "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid "
             "spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
             "textAlignment textboxTightWrap outlineLvl divId cnfStyle")

# parent (local name) -> its children's local names in schema order; a parent whose
# meaning depends on where it sits (w:rPr of a run or of a paragraph mark) is keyed
# "grandparent/parent"
SEQUENCES: dict[str, tuple[str, ...]] = {k: tuple(v.split()) for k, v in {
    "rPr": _RPR_BASE + " rPrChange",
    "pPr/rPr": "ins del moveFrom moveTo " + _RPR_BASE + " rPrChange",
    "pPr": _PPR_BASE + " rPr sectPr pPrChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
              "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
              "textDirection bidi rtlGutter docGrid printerSettings sectPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
             "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook "
             "tblCaption tblDescription tblPrChange",
    "tblBorders": "top left start bottom right end insideH insideV",
    "tblCellMar": "top left start bottom right end",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
    # w:trPr: any order of its properties, then the row's own change marks
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
            "tblCellSpacing jc hidden ins del trPrChange",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
             "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr "
             "rPr tblPr trPr tcPr tblStylePr",
    "docDefaults": "rPrDefault pPrDefault",
    "lvl": "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc "
           "pPr rPr",
    "abstractNum": "nsid multiLevelType tmpl name styleLink numStyleLink lvl",
    "settings": "writeProtection view zoom removePersonalInformation removeDateAndTime "
                "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
                "printFractionalCharacterWidth printFormsData embedTrueTypeFonts "
                "embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins "
                "alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter "
                "gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle "
                "proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter "
                "stylePaneSortMethod documentType mailMerge revisionView trackRevisions "
                "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
                "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
                "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope "
                "summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
                "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets "
                "drawingGridHorizontalSpacing drawingGridVerticalSpacing "
                "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
                "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin "
                "drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning "
                "characterSpacingControl printTwoOnOne strictFirstAndLastChars "
                "noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
                "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent "
                "alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly "
                "useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace "
                "updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids "
                "mathPr attachedSchema themeFontLang clrSchemeMapping "
                "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
                "readModeInkLockDown smartTagType schemaLibrary shapeDefaults "
                "doNotEmbedSmartTags decimalSymbol listSeparator",
}.items()}


def sequence_of(el: etree._Element) -> tuple[str, ...] | None:
    """The schema order of `el`'s children, None when we keep none for it."""
    name = etree.QName(el).localname
    parent = el.getparent()
    if parent is not None:
        keyed = SEQUENCES.get(f"{etree.QName(parent).localname}/{name}")
        if keyed:
            return keyed
    return SEQUENCES.get(name)


def rank(parent: etree._Element, child_tag: str) -> int:
    """Where a child of this tag belongs among `parent`'s children (unknown ones last)."""
    order = sequence_of(parent) or ()
    local = etree.QName(child_tag).localname
    return order.index(local) if local in order else len(order)


def insert_in_order(parent: etree._Element, child: etree._Element) -> None:
    """Put `child` where the schema wants it: before the first sibling that comes later."""
    mine = rank(parent, child.tag)
    for i, sibling in enumerate(parent):
        if isinstance(sibling.tag, str) and rank(parent, sibling.tag) > mine:
            parent.insert(i, child)
            return
    parent.append(child)


def out_of_order(root: etree._Element) -> list[str]:
    """Every parent under `root` whose children break the schema's order, as
    'parent: a before b' (empty when all is in order)."""
    found = []
    for el in root.iter(*(w(k.split("/")[-1]) for k in SEQUENCES)):
        order = sequence_of(el)
        if order is None:
            continue
        last = -1
        previous = ""
        for child in el:
            if not isinstance(child.tag, str) or not child.tag.startswith("{"):
                continue
            local = etree.QName(child).localname
            if local not in order:
                found.append(f"{etree.QName(el).localname}: unknown child {local}")
                continue
            at = order.index(local)
            if at < last:
                found.append(f"{etree.QName(el).localname}: {previous} before {local}")
            last, previous = max(last, at), local
    return found
