"""Generated drafts of any size, in the shape of the seed (leads, sub-paragraphs, footnotes)."""
from __future__ import annotations

import random

from assembler.inline import normalize
from assembler.model import (CrossRef, Draft, Footnote, FootnoteRef, Heading, Metadata,
                             OperativeParagraph, PreambularParagraph, SubParagraph, Text)

WORDS = ("the intergovernmental conference preparatory process global compact migration "
         "member states shall decides requests invites regional consultations relevant "
         "stakeholders safe orderly regular international cooperation thematic sessions "
         "secretary-general president general assembly outcome implementation review").split()
OP_LEADS = ["Decides", "Requests", "Invites", "Calls upon", "Urges", "Decides also", "Stresses"]
PP_LEADS = ["Recalling", "Recalling also", "Acknowledging", "Welcoming", "Noting with concern"]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def generate_draft(n_ops: int = 2000, seed: int = 1, n_pp: int = 20) -> Draft:
    rng = random.Random(seed)
    footnotes = []
    pre = tuple(PreambularParagraph(f"pp{i}", (Text(rng.choice(PP_LEADS), italic=True),
                                               Text(" " + sentence(rng, 40) + ",")))
                for i in range(1, n_pp + 1))
    ops = []
    for i in range(1, n_ops + 1):
        if i % 100 == 1:
            ops.append(Heading(f"h{i}", (Text(f"Part {i // 100 + 1}"),)))
        content = [Text(rng.choice(OP_LEADS), italic=True), Text(" " + sentence(rng, 45))]
        if i % 50 == 0:
            fid = f"fn{len(footnotes) + 1}"
            footnotes.append(Footnote(fid, (Text(sentence(rng, 20) + "."),)))
            content.append(FootnoteRef(fid))
        if i > 3 and i % 40 == 0:
            content += [Text(" as set out in paragraph "), CrossRef(f"op{i - 2}")]
        content.append(Text(";" if i < n_ops else "."))
        children = ()
        if i % 10 == 0:
            children = tuple(SubParagraph(f"op{i}.{k}", (Text(sentence(rng, 25) + ";"),),
                                          tuple(SubParagraph(f"op{i}.{k}.{j}",
                                                             (Text(sentence(rng, 12) + ";"),))
                                                for j in range(1, 3)) if k == 2 else ())
                             for k in range(1, 4))
        ops.append(OperativeParagraph(f"op{i}", normalize(content), children))
    meta = Metadata(negotiation="generated", version="v1", stage="first",
                    stage_label="First Draft", date="1 January 2026",
                    title="A generated resolution", formula="The General Assembly,")
    return Draft(meta, pre, tuple(ops), tuple(footnotes))
