"""A negotiation: the versions of one text and the proposals made on them.

    Negotiation.named("gcm-modalities") / Negotiation.of(path, draft)
        .versions()            every version, in based-on order
        .version(name)         one version by name (to carry older proposals forward)
        .proposals(warn)       every proposal on file, round by round
        .provenance_since(new, old)   who changed what between two versions
    decisions.decide(proposal, action, ...) -> StatusEntry     a decision, checked
    next_version.next_metadata(base, ...), .record_json(record)  the next version, its record
"""
from .negotiation import Negotiation
from .versions import Version, load_versions, version_of

__all__ = ["Negotiation", "Version", "load_versions", "version_of"]
