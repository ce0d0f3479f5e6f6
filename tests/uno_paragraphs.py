"""Run by Debian's system python3 (python3-uno), not the project's venv: opens .docx files in
LibreOffice through UNO, optionally accepts or rejects every tracked change, and prints, as
JSON, each body paragraph's list label (Word numbering as LibreOffice counts it) and text,
and ("whole") every text of the document in order: body paragraphs and the cells of its
tables, then each page style's headers and footers (a face's masthead and furniture), and
("notes") each footnote's mark and what each reference field prints.

    /usr/bin/python3 uno_paragraphs.py PROFILE_DIR FILE:MODE [FILE:MODE ...]

MODE is "as-is", "accept" or "reject" (then its fields are updated). One LibreOffice, on a private profile, serves all."""
import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(profile):
    pipe = "asm" + uuid.uuid4().hex[:12]
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx
        except Exception:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("LibreOffice did not answer on its pipe")


def paragraphs(doc):
    out = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if not el.supportsService("com.sun.star.text.Paragraph"):
            continue  # a table
        out.append([el.getPropertyValue("ListLabelString") or "", el.getString()])
    return out


def whole(xtext):
    """Every paragraph's text under `xtext`, tables' cells included, in order."""
    out = []
    enum = xtext.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.TextTable"):
            for name in el.getCellNames():
                out += whole(el.getCellByName(name).getText())
        elif el.supportsService("com.sun.star.text.Paragraph"):
            out.append(el.getString())
    return out


def furniture(doc):
    """The texts of the headers and footers of every page style in use, by kind."""
    out = {}
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        style = styles.getByName(name)
        if not style.isInUse():
            continue
        for kind in ("Header", "Footer"):
            if not style.getPropertyValue(kind + "IsOn"):
                continue
            for which in ("", "First", "Left", "Right"):
                try:
                    text = style.getPropertyValue(kind + "Text" + which)
                except Exception:
                    continue
                if text is not None:
                    out[f"{name}:{kind}{which}"] = whole(text)
    return out


def notes(doc):
    """Each footnote's printed mark and what each reference field prints (a second marker
    of a footnote, Word's NOTEREF, is one), in document order."""
    marks = []
    foot = doc.getFootnotes()
    for i in range(foot.getCount()):
        marks.append(foot.getByIndex(i).getAnchor().getString())
    refs = []
    fields = doc.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.TextField.GetReference"):
            # the bookmark it names: a footnote's, or an operative paragraph's (_uop_...)
            refs.append([field.getPropertyValue("SourceName"), field.getPresentation(False)])
        elif field.supportsService("com.sun.star.text.Fieldmark"):
            # a Word field LibreOffice keeps as it came (NOTEREF here), printing its result
            params = field.getParameters()
            code = "vnd.oasis.opendocument.field.code"
            refs.append([params.getByName(code) if params.hasByName(code) else "",
                         field.getAnchor().getString()])
    return {"footnotes": marks, "references": refs}


def main():
    profile, jobs = sys.argv[1], sys.argv[2:]
    proc, ctx = connect(profile)
    results = {}
    try:
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for job in jobs:
            path, mode = job.rsplit(":", 1)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                                               "_blank", 0, (prop("Hidden", True),))
            if mode != "as-is":
                command = ".uno:AcceptAllTrackedChanges" if mode == "accept" \
                    else ".uno:RejectAllTrackedChanges"
                frame = doc.getCurrentController().getFrame()
                dispatcher.executeDispatch(frame, command, "", 0, ())
                # fields are counted again, as Word does when it prints (a cross-reference
                # to an operative paragraph is one: ooxml.formats.number_of)
                doc.getTextFields().refresh()
            results[job] = {"paragraphs": paragraphs(doc), "whole": whole(doc.getText()),
                            "furniture": furniture(doc), "notes": notes(doc),
                            "changes": doc.getRedlines().getCount()
                            if hasattr(doc, "getRedlines") else -1}
            doc.close(True)
        desktop.terminate()
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(json.dumps(results))


main()
