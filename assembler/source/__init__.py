"""The draft source format: plain UTF-8 text, one unit a line (docs/draft-format.md)."""
from .reader import MAGIC, SourceMap, load_draft, load_draft_with_map, parse_draft, read_text
from .writer import dump_draft, save_draft

__all__ = ["MAGIC", "SourceMap", "load_draft", "load_draft_with_map", "parse_draft",
           "read_text", "dump_draft", "save_draft"]
