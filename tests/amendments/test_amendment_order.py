"""Amendment documents read as the UN reads them (issue 20): instructions in order, each on
the text as the ones before it left it; the phrasings of issued amendments, each with an
instruction of our own wording in UN style; every problem at once. The drafts here are
made up; the proposers fictional."""
from __future__ import annotations

import pytest

from assembler.amendments import apply_proposals
from assembler.amendments.conflicts import ConflictsFound
from assembler.amendments.yamlio import parse_proposal
from assembler.errors import AssemblerError, Problems
from assembler.inline import plain
from assembler.source import parse_draft

DRAFT = """assembler-draft 1
version: base
symbol: A/C.2/80/L.905
title: Clean energy for all

pp *Recalling* its resolution 70/1 on the nuclear power plant programme, {#pp1}

pp *Noting* the work of the nuclear power plant operators and of the regulators,[^fn1] {#pp2}

pp *Welcoming* the report of the Secretary-General on energy,[^fn2] {#pp3}

op *Decides* to convene a meeting on energy in 2027; {#op1}

op *Requests* the Secretary-General to report on energy, including on: {#op2}
  - the supply of energy; {#op2.a}
  - the demand for energy; {#op2.b}

op *Invites* Member States to share nuclear power plant data; {#op3}

op *Encourages* cooperation among regional organizations; {#op4}

op *Decides* to remain seized of the matter. {#op5}

fn Resolution 79/1. {#fn1}

fn A/80/100. {#fn2}
"""


def base():
    d, _ = parse_draft(DRAFT, "<draft>")
    return d


def document(body: str, pid: str = "A-1", proposer: str = "Delegation A"):
    head = f"---\nid: {pid}\nproposer: {proposer}\nbase: base\n---\n"
    return parse_proposal(head + body, f"{pid}.md", prose=True)


def applied(*props):
    return apply_proposals(base(), list(props), mode="all")


def reads(draft, uid: str) -> str:
    return plain(draft.unit_index()[uid].content)


# ---------------------------------------------------------------- in order

def test_a_later_instruction_reads_the_text_as_the_earlier_one_left_it():
    new, record = applied(document(
        "1. Replace “nuclear power plant” with “renewable power plant” in the preambular "
        "paragraphs and the operative paragraphs.\n"
        "2. In the second preambular paragraph, after “renewable power plant” insert "
        "“and grid”.\n"))
    assert reads(new, "pp1") == ("*Recalling* its resolution 70/1 on the renewable power plant "
                                 "programme,").replace("*", "")
    assert reads(new, "pp2") == ("Noting the work of the renewable power plant and grid "
                                 "operators and of the regulators,")
    assert reads(new, "op3") == "Invites Member States to share renewable power plant data;"
    steps = record.in_order["A-1"]
    assert [s.change.id for s in steps][-1] == "A-1/2"
    assert steps[-1].inserted.strip() == "and grid"


def test_two_instructions_on_the_same_words_are_not_a_conflict():
    new, _ = applied(document(
        "1. In operative paragraph 1, replace “2027” with “2028”.\n"
        "2. In operative paragraph 1, replace “meeting on energy in 2028” with "
        "“high-level meeting on energy in 2028”.\n"))
    assert reads(new, "op1") == "Decides to convene a high-level meeting on energy in 2028;"


def test_words_quoted_as_the_draft_had_them_are_found_there_with_a_note():
    new, record = applied(document(
        "1. In operative paragraph 1, after “convene” insert “, in New York,”.\n"
        "2. In operative paragraph 1, replace “to convene a meeting” with “to hold a meeting”.\n"))
    assert reads(new, "op1").startswith("Decides to hold a meeting")
    assert any("draft amended" in n for n in record.notes)


def test_a_paragraph_deleted_by_an_earlier_instruction_is_named():
    with pytest.raises(AssemblerError) as err:
        applied(document("1. Delete operative paragraph 4.\n"
                         "2. In operative paragraph 4, delete “regional”.\n"))
    assert "deleted by A-1/1" in str(err.value) and err.value.line == 7


def test_paragraphs_are_named_as_the_draft_amended_numbers_them():
    new, _ = applied(document(
        "1. After operative paragraph 1, insert a new operative paragraph reading: "
        "“*Calls upon* Member States to act;”\n"
        "2. In operative paragraph 4, delete “regional”.\n"))
    assert reads(new, "op4") == "Encourages cooperation among organizations;"
    assert len(new.operative) == 6


def test_conflicts_between_proposers_are_judged_against_the_base():
    mine = document("1. Replace “nuclear power plant” with “power plant” in the operative "
                    "paragraphs.\n2. In operative paragraph 3, after “power plant” insert "
                    "“safety”.\n")
    theirs = document("In operative paragraph 3, delete “nuclear”.", pid="B-1",
                      proposer="Delegation B")
    with pytest.raises(ConflictsFound) as err:
        applied(mine, theirs)
    text = "\n".join(str(c) for c in err.value.conflicts)
    assert "Delegation A" in text and "Delegation B" in text


def test_every_problem_of_a_proposal_is_reported_at_once():
    with pytest.raises(Problems) as err:
        applied(document("1. In operative paragraph 1, delete “never there”.\n"
                         "2. Delete operative paragraph 4.\n"
                         "3. In operative paragraph 5, replace “absent” with “here”.\n"))
    lines = [str(p) for p in err.value.problems]
    assert len(lines) == 2
    assert "A-1.md:6" in lines[0] and "A-1/1" in lines[0]
    assert "A-1.md:8" in lines[1] and "A-1/3" in lines[1]


# ---------------------------------------------------------------- phrasings

@pytest.mark.parametrize("sentence", [
    "Replace operative paragraph 4 with the following text:\n*Urges* cooperation among all "
    "organizations;",
    "Replace operative paragraph 4 to read:\n*Urges* cooperation among all organizations;",
    "Replace operative paragraph 4, reading:\n“*Urges* cooperation among all organizations;”",
    "Operative paragraph 4 shall read: “*Urges* cooperation among all organizations;”",
])
def test_a_paragraph_replaced(sentence):
    new, _ = applied(document(sentence + "\n"))
    assert reads(new, "op4") == "Urges cooperation among all organizations;"


def test_a_paragraph_deleted_with_its_reading_quoted():
    new, _ = applied(document("Delete the third preambular paragraph reading: “Welcoming the "
                              "report of the Secretary-General on energy,”\n"))
    assert [u.id for u in new.preamble] == ["pp1", "pp2"]
    # its footnote went with it; the other stays
    assert [f.id for f in new.footnotes] == ["fn1"]


def test_a_quoted_reading_that_differs_names_both_texts():
    with pytest.raises(AssemblerError) as err:
        applied(document("Delete the third preambular paragraph reading: “Welcoming the "
                         "report on transport,”\n"))
    message = str(err.value)
    assert "report on transport" in message and "Secretary-General on energy" in message


def test_several_new_paragraphs_under_one_instruction():
    new, _ = applied(document(
        "After operative paragraph 4, insert two new operative paragraphs reading:\n\n"
        "*Calls upon* Member States to share data on\nenergy;\n\n"
        "*Requests* the Secretary-General to report\non the matter;\n"))
    texts = [plain(u.content) for u in new.operative]
    assert texts[4:6] == ["Calls upon Member States to share data on energy;",
                          "Requests the Secretary-General to report on the matter;"]


def test_several_targets_in_one_instruction_and_renumbering():
    new, _ = applied(document("Delete the second preambular paragraph and operative "
                              "paragraphs 1, 3 and 4, and renumber the subsequent paragraphs "
                              "accordingly.\n"))
    assert [u.id for u in new.preamble] == ["pp1", "pp3"]
    assert [u.id for u in new.operative] == ["op2", "op5"]
    assert [f.id for f in new.footnotes] == ["fn2"]


def test_sub_paragraphs():
    new, _ = applied(document(
        "1. In operative paragraph 2 (b), replace “demand for” with “use of”.\n"
        "2. At the end of operative paragraph 2, insert a new sub-paragraph reading: "
        "“(c) the storage of energy;”\n"
        "3. Delete subparagraph (a) of operative paragraph 2.\n"))
    op2 = new.unit_index()["op2"]
    assert [plain(c.content) for c in op2.children] == ["the use of energy;",
                                                        "the storage of energy;"]


def test_new_paragraphs_of_one_instruction_go_in_order_among_other_instructions():
    new, _ = applied(document(
        "1. Replace “nuclear power plant” with “power plant” in the operative paragraphs.\n"
        "2. After operative paragraph 3, insert the following new operative paragraphs:\n\n"
        "*Calls upon* Member States to share power plant data;\n\n"
        "*Requests* a report on power plant safety;\n"
        "3. In operative paragraph 3, after “power plant” insert “safety”.\n"))
    assert [plain(u.content) for u in new.operative][2:5] == [
        "Invites Member States to share power plant safety data;",
        "Calls upon Member States to share power plant data;",
        "Requests a report on power plant safety;"]


def test_the_compilation_shows_the_instructions_in_order_with_their_effect():
    from assembler.amendments.compile import compile_proposals
    comp = compile_proposals(base(), [document(
        "1. Replace “nuclear power plant” with “renewable power plant” in the preambular "
        "paragraphs.\n"
        "2. In the second preambular paragraph, after “renewable power plant” insert "
        "“and grid”.\n")])
    [row] = [r for r in comp.rows if r.unit == "pp2"]
    [entry] = row.entries
    assert entry.prose.startswith("(1) Replace “nuclear power plant” with “renewable power "
                                  "plant”")
    assert "(2) In the second preambular paragraph, after “renewable power plant” insert " \
           "“and grid”." in entry.prose
    assert "in order" in entry.note
    inserted = "".join(t for t, op in entry.preview if op == "insert")
    assert "renewable" in inserted and "and grid" in inserted


def test_apply_reports_every_problem_on_a_line_of_its_own(tmp_path):
    from conftest import run_cli
    (tmp_path / "base.draft").write_text(DRAFT, "utf-8")
    (tmp_path / "A-1.md").write_text(
        "---\nid: A-1\nproposer: Delegation A\nbase: base\n---\n"
        "1. In operative paragraph 1, delete “never there”.\n"
        "2. Delete operative paragraph 4.\n"
        "3. In operative paragraph 5, replace “absent” with “here”.\n", "utf-8")
    out = tmp_path / "next.draft"
    r = run_cli("apply", tmp_path / "base.draft", tmp_path / "A-1.md", "--all", "-o", out)
    assert r.returncode == 2 and not out.exists()
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 3
    assert "A-1.md:6: A-1/1: in operative paragraph 1:" in lines[0]
    assert "A-1.md:8: A-1/3: in operative paragraph 5:" in lines[1]
    assert "2 problems; nothing was written" in lines[2]


def test_new_paragraphs_quoted_with_their_numbers_are_not_instructions():
    new, _ = applied(document(
        "1. In operative paragraph 1, replace “2027” with “2028”.\n"
        "2. After operative paragraph 4, insert the following new operative paragraphs:\n"
        "5.\n*Calls upon* Member States to share data\non energy;\n"
        "6. *Requests* a report on the matter;\n"
        "3. Delete operative paragraph 5.\n"))
    assert [plain(u.content) for u in new.operative][3:] == [
        "Encourages cooperation among regional organizations;",
        "Calls upon Member States to share data on energy;",
        "Requests a report on the matter;"]


@pytest.mark.parametrize("sentence", [
    "Insert a new preambular paragraph after the second preambular paragraph to read as "
    "follows: “*Noting also* the work of the regulators,”",
    "After the second preambular paragraph, insert a new preambular paragraph reading:\n"
    "Noting also the work of the regulators,",
])
def test_a_new_paragraph_to_read_as_follows(sentence):
    new, _ = applied(document(sentence + "\n"))
    assert reads(new, "pp-A-1-1") == "Noting also the work of the regulators,"


def test_paragraphs_named_of_the_draft_resolution_and_a_chapeau():
    new, _ = applied(document(
        "1. In the chapeau of operative paragraph 2, replace “on energy” with “on power”.\n"
        "2. Delete the third preambular paragraph of the draft resolution.\n"))
    assert reads(new, "op2") == "Requests the Secretary-General to report on power, including on:"
    assert [u.id for u in new.preamble] == ["pp1", "pp2"]


def test_several_changes_to_one_paragraph_in_one_sentence():
    new, _ = applied(document(
        "1. In operative paragraph 4, after “cooperation”, insert “and trust”, and delete "
        "“regional”.\n"
        "2. In operative paragraph 1, replace “convene” with “hold” and “2027” with “2028”.\n"
        "3. In the second preambular paragraph, delete “nuclear” and “plant”.\n"))
    assert reads(new, "op4") == "Encourages cooperation and trust among organizations;"
    assert reads(new, "op1") == "Decides to hold a meeting on energy in 2028;"
    assert reads(new, "pp2") == "Noting the work of the power operators and of the regulators,"


def test_a_footnote_mark_in_new_text_read_beside_italics():
    from assembler.amendments.document import _marked_notes
    from assembler.amendments.model import Change
    changes, notes = _marked_notes(
        [Change("insert-unit", "pp1", text="*Reaffirming* that the Agency* helps")],
        {"*": "A fictional agency."}, "A-1")
    assert changes[0].text == "*Reaffirming* that the Agency[^A-1-fn1] helps"
    assert notes == (("A-1-fn1", "A fictional agency."),)
