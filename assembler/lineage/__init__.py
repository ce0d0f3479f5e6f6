"""A session's resolutions linked to the ones they continue (docs/lineage.md).

evidence.py reads what a document says of itself (symbol, title, agenda item, the
resolutions it recalls, its wording); link.py weighs that evidence into links with a
confidence; change.py measures what changed along a link. These are pure. The edges:
cache.py keeps drafts read once, run.py reads and compares on every core, report.py writes
the session report."""
