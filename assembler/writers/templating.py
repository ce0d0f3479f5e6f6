"""The one jinja2 environment every template renders in: the writers' HTML pages (drafts,
amendment documents, redlines, compilations, comparisons), the survey and lineage reports,
the letters and the room's pages.

Always sandboxed with limits (sandbox.py: a user's own template reads the data, never the
machine), autoescaping (a value is escaped unless it is already Markup, so a page never
escapes by hand) and strict (a name the data lacks is an error, never an empty string).
One environment per set of folders and whitespace rule is kept: jinja2 compiles a
template once per environment, and the room renders pages for every request.

`text=True` is for plain-text templates only (the letters, whose text the Word and HTML
writers escape where they set it): there is no markup to escape in them."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .sandbox import BoundedSandbox


def css_string(value: object) -> Markup:
    """A CSS string literal for generated content (running headers): quotes, backslashes,
    line ends and '<' escaped, so draft text can never leave the string or the style."""
    out = []
    for ch in str(value):
        if ch in '"\\' or ch in "\n\r\f" or ch == "<" or ch == ">" or ord(ch) < 32:
            out.append("\\%x " % ord(ch))
        else:
            out.append(ch)
    return Markup('"' + "".join(out) + '"')


@lru_cache(maxsize=32)
def environment(*folders: Path | str, trim: bool = True, text: bool = False) -> BoundedSandbox:
    """The environment over `folders` (the first found wins). `trim`: a line holding only
    a block tag leaves no blank line, as the page templates are written; the tables' and
    reports' templates are written without (`trim=False`)."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(f)) for f in folders])
    env = BoundedSandbox(loader=loader, autoescape=not text, undefined=jinja2.StrictUndefined,
                         trim_blocks=trim, lstrip_blocks=trim, keep_trailing_newline=trim,
                         extensions=["jinja2.ext.do"] if text else [])
    env.filters["css_string"] = css_string
    return env
