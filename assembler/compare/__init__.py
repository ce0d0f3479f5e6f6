"""Comparing versions: align units (align.py), diff words inside them (words.py), and the
Redline model that writers render (redline.py)."""
from .align import (CHANGED, DELETED, EQUAL, INSERTED, MOVED_AWAY, Alignment, Entry, align,
                    similarity, unit_text)

__all__ = ["align", "Alignment", "Entry", "similarity", "unit_text",
           "EQUAL", "CHANGED", "INSERTED", "DELETED", "MOVED_AWAY"]
