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


# ---------------------------------------------------------------- the phrasings, one by one

SMALL = {3: "*Recalling* its resolution 74/270 on the COVID\u201119 pandemic,",
         5: "*Noting* the Sustainable Development[^fn1] Goals,"}
OPS = {2: "*Urges* States to ensure access to services, particularly regarding health, "
          "education and nutrition;",
       5: "*Decides* to convene a meeting in 2027:",
       7: "*Requests* the Secretary-General to report on the child, in particular, to the "
          "General Assembly;"}


@pytest.fixture(scope="module")
def small():
    d = draft(dict(SMALL), dict(OPS), 6, 8, footnote="See A/RES/70/1.")
    # op5 gets sub-paragraphs (a)-(c)
    lines = ["assembler-draft 1", "version: base", "title: The rights of the child",
             "formula: The General Assembly,", ""]
    for i, u in enumerate(d.preamble, 1):
        lines += [f"pp {SMALL.get(i, f'*Recalling* the matters set out in paragraph {i},')} "
                  f"{{#pp{i}}}", ""]
    for i in range(1, 9):
        lines.append(f"op {OPS.get(i, f'*Decides* on the matters of paragraph {i};')} {{#op{i}}}")
        if i == 5:
            lines += [f"  - item {x} of the child agenda; {{#op5.{x}}}" for x in "abc"]
        lines.append("")
    lines += ["fn See A/RES/70/1. {#fn1}", ""]
    out, _ = parse_draft("\n".join(lines), "<small>")
    return out


def one(small, sentence):
    from assembler.amendments.targets import UnitIndex
    return prose_to_changes(sentence, UnitIndex(small))


def run(small, *sentences):
    body = "\n".join(f"{n}. {s}" for n, s in enumerate(sentences, 1)) + "\n"
    new, record = applied(small, proposal(body))
    return new, record


@pytest.mark.parametrize("sentence, kind, targets", [
    ("In the fourth preambular paragraph, delete “matters”", "delete-words", ["pp4"]),
    ("Delete the sixth preambular paragraph", "delete-unit", ["pp6"]),
    ("Delete the last preambular paragraph", "delete-unit", ["pp6"]),
    ("Delete the third preambular paragraph and operative paragraph 2", "delete-unit",
     ["pp3", "op2"]),
    ("Delete operative paragraphs 1, 3, 6 and 8", "delete-unit", ["op1", "op3", "op6", "op8"]),
    ("Delete operative paragraphs 2 to 4, and renumber the subsequent paragraphs accordingly.",
     "delete-unit", ["op2", "op3", "op4"]),
    ("Delete subparagraph (b) of operative paragraph 5", "delete-unit", ["op5.b"]),
    ("In operative paragraph 5, subparagraph (c), replace “item” with “point”", "replace-words",
     ["op5.c"]),
    ("In operative paragraph 5 (a), the words “child agenda” shall be replaced by the words "
     "“children's agenda”", "replace-words", ["op5.a"]),
    ("In operative paragraph 7, after the words “the child”, insert “and adolescents”",
     "insert-words", ["op7"]),
    ("In operative paragraphs 1 and 3, delete the words “the matters of”", "delete-words",
     ["op1", "op3"]),
    ("In the title, replace “rights” with “well-being”", "replace-words", ["title"]),
    ("Delete the words “the matters of” in operative paragraph 1", "delete-words", ["op1"]),
    ("Replace “services” with “essential services” in operative paragraph 2", "replace-words",
     ["op2"]),
    ("Replace “item” with “point” in operative paragraphs 5 (a) and 5 (b)", "replace-words",
     ["op5.a", "op5.b"]),
    ("Replace “child” with “children” in the operative paragraphs", "replace-throughout",
     ["operative"]),
    ("Insert “and adolescents” after “the child” in operative paragraph 7", "insert-words",
     ["op7"]),
    ("Insert the following new operative paragraph after operative paragraph 8: “*Decides* to "
     "remain seized of the matter.”", "insert-unit", ["op8"]),
    ("At the end of the preambular part, add a new preambular paragraph reading: “*Noting* "
     "the report,”", "insert-unit", ["preamble"]),
])
def test_targets_and_forms_read(small, sentence, kind, targets):
    changes = one(small, sentence)
    assert [c.kind for c in changes] == [kind] * len(targets)
    assert [c.target for c in changes] == targets


@pytest.mark.parametrize("sentence, unit, expected", [
    # the amendment meant "health, in accordance with ..., education": no ",,"
    ("In operative paragraph 2, after “health” insert “, in accordance with national "
     "legislation,”", 2, "Urges States to ensure access to services, particularly regarding "
     "health, in accordance with national legislation, education and nutrition;"),
    ("In operative paragraph 2, after “health,” insert “, in accordance with national "
     "legislation,”", 2, "Urges States to ensure access to services, particularly regarding "
     "health, in accordance with national legislation, education and nutrition;"),
    ("In operative paragraph 7, delete “in particular”", 7,
     "Requests the Secretary-General to report on the child, to the General Assembly;"),
    ("In operative paragraph 7, delete “, in particular,”", 7,
     "Requests the Secretary-General to report on the child to the General Assembly;"),
    ("In operative paragraph 2, delete “and nutrition”", 2,
     "Urges States to ensure access to services, particularly regarding health, education;"),
    ("At the end of operative paragraph 2, add “, and to clean water”", 2,
     "Urges States to ensure access to services, particularly regarding health, education "
     "and nutrition, and to clean water;"),
    ("At the end of operative paragraph 2, add “and to clean water;”", 2,
     "Urges States to ensure access to services, particularly regarding health, education "
     "and nutrition and to clean water;"),
    ("In operative paragraph 7, at the beginning, insert “Also”", 7,
     "Also Requests the Secretary-General to report on the child, in particular, to the "
     "General Assembly;"),
    ("In operative paragraph 2, before “education” insert “primary”", 2,
     "Urges States to ensure access to services, particularly regarding health, primary "
     "education and nutrition;"),
])
def test_punctuation_as_an_editor_leaves_it(small, sentence, unit, expected):
    new, _ = run(small, sentence)
    got = op(new, unit)
    assert got == expected
    assert ",," not in got and "  " not in got and " ," not in got


def test_quoted_words_match_through_typography_keeping_the_texts_characters(small):
    # an ordinary hyphen where the text has a non-breaking one; the footnote mark "**"
    new, record = run(small, "In the third preambular paragraph, replace “COVID-19 pandemic” "
                             "with “COVID-19 pandemic and its aftermath”",
                      "In the fifth preambular paragraph, after “Sustainable Development**” "
                      "insert “and Ocean”")
    assert pp(new, 3) == "Recalling its resolution 74/270 on the COVID-19 pandemic and its " \
                         "aftermath,"
    assert pp(new, 5) == "Noting the Sustainable Development and Ocean Goals,"
    # the base's footnote stays where it was, after "Development"
    from assembler.model import FootnoteRef
    content = new.preamble[4].content
    k = next(i for i, x in enumerate(content) if isinstance(x, FootnoteRef))
    assert plain(content[:k]).endswith("Sustainable Development")
    notes = " | ".join(record.notes)
    assert "hyphen for non-breaking hyphen" in notes and "footnote marker" in notes


def test_replacement_throughout_a_scope(small):
    [c] = one(small, "Replace “child” with “children” in the title, the preambular paragraphs "
                     "and the operative paragraphs")
    assert (c.kind, c.target) == ("replace-throughout", "title preamble operative")
    new, record = run(small, "Replace “child” with “children” in the title and the operative "
                             "paragraphs")
    assert new.metadata.title == "The rights of the children"
    assert op(new, 7).startswith("Requests the Secretary-General to report on the children,")
    assert [plain(s.content) for s in new.operative[4].children] == [
        f"item {x} of the children agenda;" for x in "abc"]
    # each occurrence is a change of its unit
    assert sorted({a.unit for a in record.applied}) == ["op5.a", "op5.b", "op5.c", "op7",
                                                        "title"]


def test_a_replacement_throughout_conflicts_and_is_carried(small):
    from assembler.amendments import ConflictsFound
    from dataclasses import replace as dc_replace
    throughout = proposal("Replace “child” with “children” throughout the text\n", "T-1")
    deleting = proposal("Delete operative paragraph 7\n", "D-1")
    with pytest.raises(ConflictsFound) as err:
        apply_proposals(small, [throughout, deleting], mode="all")
    assert "one deletes the paragraph the other changes" in str(err.value.conflicts[0])
    # written against an older version, carried onto this one
    newer = dc_replace(small, metadata=small.metadata.with_values(version="newer"))
    old_prop = dc_replace(throughout, base="base")
    new, record = apply_proposals(newer, [old_prop], mode="all",
                                  versions=lambda v: small if v == "base" else None)
    assert op(new, 7).startswith("Requests the Secretary-General to report on the children,")
    # and when the words are gone from the newer version, it no longer applies
    gone, _ = apply_proposals(small, [proposal("Replace “child” with “minor” throughout the "
                                               "text\n", "G-1")], mode="all")
    gone = dc_replace(gone, metadata=gone.metadata.with_values(version="newer"))
    _, record = apply_proposals(gone, [old_prop], mode="all",
                                versions=lambda v: small if v == "base" else None)
    assert record.not_applicable and "no longer in" in record.not_applicable[0].reason


def test_numbered_list_of_instructions_with_text_on_following_lines(small):
    body = """1.
In operative paragraph 2, replace “services” with
“essential services”.
2.
After operative paragraph 8, insert the following operative paragraph:

Decides to remain seized of the matter.
"""
    prop = proposal(body)
    assert [c.kind for c in prop.changes] == ["replace-words", "insert-unit"]
    assert [c.line for c in prop.changes] == [7, 10]
    new, _ = applied(small, prop)
    assert op(new, 9) == "Decides to remain seized of the matter."
    assert "access to essential services," in op(new, 2)


def test_several_new_paragraphs_under_one_instruction(small):
    """"insert the following new paragraphs:" with the paragraphs on the next lines (a blank
    line between them, unquoted) or quoted one after another: each becomes a paragraph, in the
    order given, and the next instruction is read as one."""
    body = """1. After the third preambular paragraph, insert the following new preambular
paragraphs:

Recalling its resolution 76/1 of 1 January 2022, and the
work of the Committee,

Noting with appreciation the report of the
Secretary-General,

2. Insert two new operative paragraphs after operative paragraph 8, reading:
“Encourages States to act;” “Decides to remain seized of the matter.”
3. At the end of operative paragraph 5, add a new paragraph reading: “item d of the agenda;”
"""
    prop = proposal(body)
    assert [(c.kind, c.target, c.unit) for c in prop.changes] == [
        ("insert-unit", "PP 3", "pp"), ("insert-unit", "PP 3", "pp"),
        ("insert-unit", "operative paragraph 8", "op"),
        ("insert-unit", "operative paragraph 8", "op"),
        ("insert-unit", "operative paragraph 5", "sub")]
    assert [c.line for c in prop.changes] == [6, 6, 15, 15, 17]
    new, _ = applied(small, prop)
    assert pp(new, 4) == ("Recalling its resolution 76/1 of 1 January 2022, and the work of "
                          "the Committee,")
    assert pp(new, 5) == "Noting with appreciation the report of the Secretary-General,"
    assert pp(new, 6).startswith("Recalling the matters set out in paragraph 4")
    assert [op(new, n) for n in (9, 10)] == ["Encourages States to act;",
                                             "Decides to remain seized of the matter."]
    assert plain(new.operative[4].children[-1].content) == "item d of the agenda;"
    # a bare "paragraph" takes its kind from where it goes; where that is unclear, it is said
    with pytest.raises(Exception, match="with id"):
        one(small, "Insert two new paragraphs after operative paragraph 8, with id x1, "
                   "reading: “A;” “B;”")


# ---------------------------------------------------------------- bad input, from the CLI

@pytest.fixture(scope="module")
def small_file(tmp_path_factory, small):
    from assembler.source.writer import dump_draft
    path = tmp_path_factory.mktemp("small") / "base.draft"
    path.write_text(dump_draft(small), "utf-8")
    return path


@pytest.mark.parametrize("body, line, says", [
    ("1. Delete operative paragraph 2\n2. Delete the thirtieth preambular paragraph\n", 7,
     "names no unit"),
    ("Delete operative paragraphs 2, 3 and 2\n", 6, "named twice"),
    ("In operative paragraph 2, replace “health with “care”\n\nDelete operative paragraph 1\n",
     6, "never closed"),
    ("Replace “child” with “minor” in the annexes\n", 6, "not a scope"),
    ("Strike “child” from operative paragraph 7\n", 6, "nearest form it reads"),
])
def test_bad_input_is_one_line_naming_file_and_line(tmp_path, small_file, body, line, says):
    path = tmp_path / "A-9.md"
    path.write_text(f"---\nid: A-9\nproposer: Delegation A\nbase: base\n---\n{body}", "utf-8")
    out = tmp_path / "next.draft"
    r = run_cli("apply", small_file, path, "--all", "-o", out)
    assert r.returncode == 2, r.stderr
    assert f"{path}:{line}" in r.stderr and says in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) <= 2
    assert not out.exists()


def test_typographic_words_are_carried_onto_a_newer_version(small):
    from dataclasses import replace as dc_replace
    prop = proposal("In the third preambular paragraph, after “COVID-19” insert “(coronavirus "
                    "disease)”\n", "C-1")
    newer, _ = run(small, "In the fifth preambular paragraph, delete “Sustainable”")
    newer = dc_replace(newer, metadata=newer.metadata.with_values(version="newer"))
    new, record = apply_proposals(newer, [prop], mode="all",
                                  versions=lambda v: small if v == "base" else None)
    assert not record.not_applicable
    assert pp(new, 3) == ("Recalling its resolution 74/270 on the COVID\u201119 (coronavirus "
                          "disease) pandemic,")
    assert any("non-breaking hyphen" in n for n in record.notes)


def test_an_occurrence_past_the_tenth_is_read_spelled_or_in_figures(small):
    """"the eleventh occurrence" is read as "the 11th" is (ordinals as prose writes them)."""
    for said in ("eleventh", "11th", "twenty-first"):
        [c] = one(small, f"In operative paragraph 7, replace the {said} occurrence of “the” "
                         f"with “a”")
        assert c.occurrence == {"eleventh": 11, "11th": 11, "twenty-first": 21}[said]
