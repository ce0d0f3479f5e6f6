"""Issued amendments read as the UN writes them (issue 12): the instructions of A/C.3/80/L.57,
L.58, L.61 and L.62 (../shared/real/), copied verbatim below with their line breaks, under a
proposal header, against small drafts of our own holding the words they quote (their base
drafts are not in the folder); each is parsed, applied and the resulting sentence asserted."""
from __future__ import annotations

import pytest

from assembler.amendments import apply_proposals, parse_proposal
from assembler.amendments.prose import prose_to_changes
from assembler.inline import plain
from assembler.source.reader import parse_draft

from conftest import ROOT, run_cli

REAL = ROOT.parent / "shared" / "real"

# ---------------------------------------------------------------- the instructions, verbatim

L57 = """1. 
In operative paragraph 64, after “to strengthen their efforts in preventing” insert 
“and combating child pornography”. 
2. 
In operative paragraph 65, after “once in force” insert “, and emphasizes that 
the new convention must be implemented in a way that does not undermine the 
obligations of States contained in the Optional Protocol to the Convention on the 
Rights of the Child on the sale of children, child prostitution and child pornography”. 
"""

L58 = """In the twenty-eighth preambular paragraph, delete “and recalling the relevant 
provisions of the Rome Statute of the International Criminal Court* that define the 
deportation or forcible transfer of population as a crime against humanity and the 
unlawful deportation, transfer or ordering of the displacement of the civilian population 
as war crimes,”. 
"""

L61 = """1. 
In the fourteenth preambular paragraph, replace “which notes that young 
children are holders of all rights enshrined in the Convention and that early childhood 
is a critical period for the realization of these rights” with “and taking note of the 
statement of the Committee on the Rights of the Child on article 5 of the Convention 
(2023)”. 
2. 
Delete the fifteenth preambular paragraph. 
"""

L62 = """After the fourteenth preambular paragraph, insert a new preambular paragraph 
reading: 
 
Reaffirming that, in accordance with article 5 of the Convention, States 
Parties shall respect the responsibilities, rights and duties of parents or, where 
applicable, the members of the extended family or community as provided for 
by local custom, legal guardians or other persons legally responsible for the 
child, to provide, in a manner consistent with the evolving capacities of the 
child, appropriate direction and guidance in the exercise by the child of his or 
her rights, particularly regarding health and education, 
"""


def test_the_instructions_are_copied_verbatim():
    for name, text in (("L.57", L57), ("L.58", L58), ("L.61", L61), ("L.62", L62)):
        real = (REAL / f"A_C.3_80_{name}.txt").read_text("utf-8")
        assert text in real, name


# ---------------------------------------------------------------- drafts of our own

def draft(pps: dict[int, str], ops: dict[int, str], n_pp: int, n_op: int,
          title: str = "Rights of the child", footnote: str = "") -> object:
    lines = ["assembler-draft 1", "version: base", f"title: {title}",
             "formula: The General Assembly,", ""]
    for i in range(1, n_pp + 1):
        lines += [f"pp {pps.get(i, f'*Recalling* the matters set out in paragraph {i},')} "
                  f"{{#pp{i}}}", ""]
    for i in range(1, n_op + 1):
        lines += [f"op {ops.get(i, f'*Decides* on the matters of paragraph {i};')} {{#op{i}}}",
                  ""]
    if footnote:
        lines += [f"fn {footnote} {{#fn1}}", ""]
    d, _ = parse_draft("\n".join(lines), "<test draft>")
    return d


def proposal(body: str, pid: str = "A-1"):
    head = f"---\nid: {pid}\nproposer: Delegation A\nbase: base\n---\n"
    return parse_proposal(head + body, f"{pid}.md", prose=True)


def applied(base, *props):
    new, record = apply_proposals(base, list(props), mode="all")
    return new, record


def pp(d, n):
    return plain(d.preamble[n - 1].content)


def op(d, n):
    return plain(d.operative[n - 1].content)


# ---------------------------------------------------------------- L.57

OP64 = ("*Calls upon* Member States to strengthen their efforts in preventing, and to develop "
        "their capacity to investigate and prosecute, crimes against children;")
OP65 = ("*Welcomes* the adoption of the United Nations Convention against Cybercrime, and "
        "encourages States to ratify it once in force;")


def test_l57_word_insertions_in_two_operative_paragraphs():
    base = draft({}, {64: OP64, 65: OP65}, 3, 66)
    prop = proposal(L57)
    assert [(c.kind, c.target, c.position, c.words) for c in prop.changes] == [
        ("insert-words", "operative paragraph 64", "after",
         "to strengthen their efforts in preventing"),
        ("insert-words", "operative paragraph 65", "after", "once in force")]
    new, _ = applied(base, prop)
    assert op(new, 64) == ("Calls upon Member States to strengthen their efforts in preventing "
                           "and combating child pornography, and to develop their capacity to "
                           "investigate and prosecute, crimes against children;")
    assert op(new, 65) == (
        "Welcomes the adoption of the United Nations Convention against Cybercrime, and "
        "encourages States to ratify it once in force, and emphasizes that the new convention "
        "must be implemented in a way that does not undermine the obligations of States "
        "contained in the Optional Protocol to the Convention on the Rights of the Child on the "
        "sale of children, child prostitution and child pornography;")


# ---------------------------------------------------------------- L.58

PP28 = ("*Recalling* the relevant norms of international law, including international "
        "humanitarian law, and recalling the relevant provisions of the Rome Statute of the "
        "International Criminal Court[^fn1] that define the deportation or forcible transfer of "
        "population as a crime against humanity and the unlawful deportation, transfer or "
        "ordering of the displacement of the civilian population as war crimes, and noting "
        "the work of the Court,")


def test_l58_deletion_through_a_footnote_marker_in_the_twenty_eighth_pp():
    base = draft({28: PP28}, {}, 30, 2, footnote="United Nations, Treaty Series, vol. 2187.")
    prop = proposal(L58)
    [c] = prop.changes
    assert (c.kind, c.target) == ("delete-words", "PP 28")
    new, record = applied(base, prop)
    assert pp(new, 28) == ("Recalling the relevant norms of international law, including "
                           "international humanitarian law, and noting the work of the Court,")
    # the quotation carries "Court*" where the text has its footnote: found, and said so
    assert any("footnote marker" in n and "A-1/1" in n for n in record.notes)


# ---------------------------------------------------------------- L.61 and L.62

PP14 = ("*Recalling* general comment No. 7 (2005) of the Committee on the Rights of the Child "
        "on implementing child rights in early childhood, which notes that young children are "
        "holders of all rights enshrined in the Convention and that early childhood is a "
        "critical period for the realization of these rights,")
PP15 = "*Noting* the importance of early childhood development,"


def test_l61_replacement_by_ordinal_and_deletion_of_the_fifteenth_pp():
    base = draft({14: PP14, 15: PP15}, {}, 17, 3)
    prop = proposal(L61)
    assert [(c.kind, c.target) for c in prop.changes] == [("replace-words", "PP 14"),
                                                          ("delete-unit", "PP 15")]
    new, _ = applied(base, prop)
    assert pp(new, 14) == (
        "Recalling general comment No. 7 (2005) of the Committee on the Rights of the Child on "
        "implementing child rights in early childhood, and taking note of the statement of the "
        "Committee on the Rights of the Child on article 5 of the Convention (2023),")
    assert len(new.preamble) == 16 and PP15[10:] not in pp(new, 15)


def test_l62_new_pp_on_the_following_lines_unquoted_with_l61():
    base = draft({14: PP14, 15: PP15}, {}, 17, 3)
    l62 = proposal(L62, "B-1")
    [c] = l62.changes
    assert (c.kind, c.target, c.position, c.unit) == ("insert-unit", "PP 14", "after", "pp")
    new, _ = applied(base, proposal(L61), l62)
    assert pp(new, 15) == (
        "Reaffirming that, in accordance with article 5 of the Convention, States Parties shall "
        "respect the responsibilities, rights and duties of parents or, where applicable, the "
        "members of the extended family or community as provided for by local custom, legal "
        "guardians or other persons legally responsible for the child, to provide, in a manner "
        "consistent with the evolving capacities of the child, appropriate direction and "
        "guidance in the exercise by the child of his or her rights, particularly regarding "
        "health and education,")
    assert pp(new, 16).startswith("Recalling the matters set out in paragraph 16")
