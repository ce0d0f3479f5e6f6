"""A negotiation: the versions of one text and the proposals made on them.

    Negotiation.named("gcm-modalities") / Negotiation.of(path, draft)
        .versions()            every version, in based-on order
        .version(name)         one version by name (to carry older proposals forward)
        .proposals(warn)       every proposal on file, round by round
        .provenance_since(new, old)   who changed what between two versions
    workflow: decide_on_file, file_proposal, next_version, write_version   the steps the
        command line and the room both take (proposals on file: on_file.py)
    decisions.decide(proposal, action, ...) -> StatusEntry     a decision, checked
    refusals.Refusal    why a step is refused, as data each face words
    next_version.next_metadata(base, ...), .record_json(record)  the next version, its record
"""
from .negotiation import Negotiation
from .versions import Version, load_versions, version_of

__all__ = ["Negotiation", "Version", "load_versions", "version_of"]
