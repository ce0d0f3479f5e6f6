"""Output files: written whole or not at all, and never over an issued version. The code
lives in fs/write.py with the rest of the file-system layer; these names stay importable
from here, where every writer has always found them."""
from __future__ import annotations

from .fs.write import check_output_path, os_error, refuse_issued, write_atomic

__all__ = ["check_output_path", "os_error", "refuse_issued", "write_atomic"]
