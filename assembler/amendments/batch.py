"""Work on many small objects at once (applying or loading thousands of changes)."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """Applying makes many small acyclic objects; Python's cycle collector would scan the
    growing heap again and again (superlinear on 100,000 changes), and finds nothing here."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
