"""Structure counts of the 30 adopted resolutions in ../shared/real/more/.

These counts were established by reading the text layers in ../shared/real/more/*.txt and
checking doubtful points against the issued PDFs in ../shared/real/pdf/ (page renders,
``pdftotext -layout`` and the line positions given by ``pdftotext -bbox-layout``). They were
made without running or importing anything from this project. Use them as the truth in tests.

Fields:
  pp      preambular paragraphs: everything between "The General Assembly," and operative
          paragraph 1. A lettered list (a), (b) ... inside the preamble belongs to the
          preambular paragraph it ends (only A/RES/78/29 has one): its items count as
          sub-paragraphs, not as preambular paragraphs.
  op      numbered operative paragraphs (each checked by its last number and by listing them;
          every document runs 1..N with no gaps). Headings in the operative part are not OPs.
  sub     sub-paragraphs (a), (b) ... (aa) of paragraphs, at any depth (none of these
          documents has (i)/(ii) sub-sub-paragraphs; "(i)" always means the letter i).
  fn      footnotes printed under the rules at the page feet, numbered 1..N (every document
          runs 1..N with no gaps or repeats). Markers that point a second time to an earlier
          note are not new footnotes. Lettered table notes are not counted.
  annex   printed paragraphs of the annex body; 0 when there is no annex. As in INDEX.md
          (A/RES/80/3 = 25 + 3 + 2 + 5), the "Annex" label and the annex title are not counted.
  closing the closing lines, joined with " / ".

Things common to many of them: the text layer puts an OP number alone on its line ("1. ")
for OPs 1-9 and usually inline ("10. Encourages") from 10 on; page headers/footers (symbol,
running title of 1-4 lines, job number, "n/N") and footnote blocks fall in the middle of
paragraphs; footnotes of the last page often come after the closing lines in the text layer;
some justified lines are split into one word per line.
"""

COUNTS = {
    "A_RES_78_11": dict(
        pp=9, op=8, sub=0, fn=2, annex=0,
        closing="40th plenary meeting / 28 November 2023",
        note="PP9 ('Expressing grave concern ...') opens page 2 after the page-1 footnote "
             "block; footnote 2 is referenced again in OP3 ('August 1949,2') but printed once."),
    "A_RES_78_122": dict(
        pp=9, op=6, sub=0, fn=13, annex=0,
        closing="47th plenary meeting / 8 December 2023",
        note="PP2 ('Recalling the Rio Declaration ...') continues across the page break with "
             "footnotes 1-5 in between; footnotes 6-13 are printed on page 2 below OP2; spaced "
             "markers ('Agenda 21, 3', 'Development 4')."),
    "A_RES_78_175": dict(
        pp=13, op=15, sub=0, fn=3, annex=0,
        closing="50th plenary meeting / 19 December 2023",
        note="PP5 ('Reaffirming the adoption ...') continues from page 1 to page 2; OP10 "
             "continues from page 3 to page 4; footnotes 1-3 all on page 2 below OP1."),
    "A_RES_78_177": dict(
        pp=27, op=69, sub=0, fn=21, annex=0,
        closing="50th plenary meeting / 19 December 2023",
        note="Long preamble with PPs continuing across pages (PP11 'Recalling World Health "
             "Assembly resolutions', PP21 'Acknowledging the accelerated global trend'); some "
             "justified lines split one word per line in the text layer (PP11, OP15); "
             "footnote 21 is printed after the closing lines."),
    "A_RES_78_195": dict(
        pp=42, op=43, sub=9, fn=15, annex=0,
        closing="50th plenary meeting / 19 December 2023",
        note="The PP 'Recognizing that persons with disabilities are often disproportionately "
             "affected in situations of risk, ...' is printed twice with the same words (PP13 "
             "and PP34); both are counted. SUB: OP34 (a)-(f), OP36 (a)-(c). 3-line running "
             "header; footnote 15 is printed after the closing lines."),
    "A_RES_78_217": dict(
        pp=46, op=33, sub=44, fn=37, annex=0,
        closing="50th plenary meeting / 19 December 2023",
        note="SUB: OP4 (a)-(f), OP5 (a)-(p), OP6 (a)-(n), OP15 (a)-(h); the sub-paragraphs "
             "begin with operative verbs ('Strongly condemns', 'Encourages ...'); '(m)' is "
             "inline with its text in the text layer; PP5, PP29 and PP40 continue across pages; "
             "footnotes 36-37 come after the closing lines."),
    "A_RES_78_232": dict(
        pp=19, op=44, sub=0, fn=14, annex=0,
        closing="50th (resumed) plenary meeting / 22 December 2023",
        note="4-line running title in the page headers; PP1 and PP14 continue across pages; "
             "OP18 has a line split one word per line; '(resumed)' in the closing."),
    "A_RES_78_234": dict(
        pp=31, op=55, sub=0, fn=23, annex=0,
        closing="50th (resumed) plenary meeting / 22 December 2023",
        note="Operative part divided into 8 headed sections: a roman numeral line (I-VIII) "
             "followed by a bold title (some titles wrap to 2 lines), before OPs 1, 9, 29, 32, "
             "36, 39, 41 and 47; OP numbering runs on across the sections; headings are not "
             "counted as OPs. 4-line running title."),
    "A_RES_78_237": dict(
        pp=18, op=9, sub=0, fn=2, annex=0,
        closing="50th (resumed) plenary meeting / 22 December 2023",
        note="PP5 ('Expressing concern that these technologies ...') continues from page 1 to "
             "page 2; PP16 has a line split one word per line; OP5 continues across pages."),
    "A_RES_78_243": dict(
        pp=3, op=14, sub=5, fn=5, annex=0,
        closing="50th (resumed) plenary meeting / 22 December 2023",
        note="Fifth Committee resolution. SUB: OP7 (a)-(e). OP8 continues from page 2 to "
             "page 3."),
    "A_RES_78_286": dict(
        pp=21, op=5, sub=0, fn=3, annex=0,
        closing="88th plenary meeting / 7 June 2024",
        note="PP5 and PP14 continue across page breaks (with footnote blocks in between)."),
    "A_RES_78_29": dict(
        pp=13, op=32, sub=13, fn=20, annex=0,
        closing="42nd plenary meeting / 4 December 2023",
        note="PP = 13 participial PPs: PP12 'Convinced that the Convention ... constitutes a "
             "major contribution to:' is followed by a lettered list (a)-(e) inside the "
             "preamble, its 5 sub-paragraphs. SUB: those 5, OP3 (a)-(e), OP6 (a)-(c). OP3 and "
             "OP6 continue after their sub-paragraphs with an unnumbered tail ('and demands that "
             "the perpetrators be held accountable;', 'and stresses the importance of their "
             "implementation ...') that belongs to the OP, not a sub-paragraph. Footnote 20 "
             "after the closing lines."),
    "A_RES_78_296": dict(
        pp=2, op=2, sub=0, fn=2, annex=0,
        closing="95th plenary meeting / 28 June 2024",
        note="One page, Fifth Committee; both footnotes are printed after the closing lines."),
    "A_RES_78_310": dict(
        pp=9, op=7, sub=0, fn=1, annex=0,
        closing="97th plenary meeting / 1 July 2024",
        note="PP4 (list of resolutions) continues from page 1 to page 2; footnote 1 is "
             "printed after the closing lines."),
    "A_RES_78_321": dict(
        pp=17, op=3, sub=0, fn=1, annex=0,
        closing="103rd plenary meeting / 13 August 2024",
        note="Page 2 ends exactly at the end of the preamble (footnote 1 below it); page 3 "
             "holds only the OPs and the closing."),
    "A_RES_78_8": dict(
        pp=4, op=6, sub=0, fn=1, annex=0,
        closing="30th plenary meeting / 8 November 2023",
        note="PP1 'Having received the report ... for 2022 1' has no final comma (as printed "
             "in the PDF); OP2 is a long list of IAEA resolutions that continues from page 1 "
             "to page 2."),
    "A_RES_78_91": dict(
        pp=22, op=13, sub=0, fn=9, annex=0,
        closing="45th plenary meeting / 7 December 2023",
        note="PP16 ('Recognizing the need for the Special Committee ...') continues from page 2 "
             "to page 3."),
    "A_RES_78_99": dict(
        pp=27, op=17, sub=0, fn=8, annex=0,
        closing="45th plenary meeting / 7 December 2023",
        note="PP5 and PP15 continue across pages; footnote 8 is printed after the closing "
             "lines."),
    "A_RES_79_107": dict(
        pp=32, op=37, sub=0, fn=6, annex=0,
        closing="47th plenary meeting / 4 December 2024",
        note="PPs 8, 17 and 25 continue across pages; OP15 has a line split one word per "
             "line; OP12 continues across pages."),
    "A_RES_79_152": dict(
        pp=46, op=18, sub=36, fn=21, annex=0,
        closing="53rd plenary meeting / 17 December 2024",
        note="SUB: OP5 (a)-(z) and (aa) = 27, OP6 (a)-(g) = 7, OP16 (a)-(b) = 2; '(m)', '(w)' "
             "and '(aa)' are inline with their text in the text layer; several PPs and "
             "sub-paragraphs continue across pages (e.g. OP6 (a), (g))."),
    "A_RES_79_178": dict(
        pp=31, op=25, sub=0, fn=26, annex=0,
        closing="53rd plenary meeting / 17 December 2024",
        note="PP3 and PP17 continue across pages; footnotes 25-26 are printed after the "
             "closing lines."),
    "A_RES_79_206": dict(
        pp=32, op=43, sub=0, fn=43, annex=0,
        closing="54th plenary meeting / 19 December 2024",
        note="Footnote 36 (on OP29) is an explanatory note ('This urge and encouragement is "
             "without prejudice ...'), not a citation; some footnotes have continuation lines "
             "that start with a number ('26 August-4 September 2002'); PP6 ('Recalling further "
             "the United Nations Millennium Declaration ...') cites footnotes 4-19 and "
             "continues from page 2 to page 3."),
    "A_RES_79_242": dict(
        pp=24, op=29, sub=0, fn=5, annex=0,
        closing="55th (resumed) plenary meeting / 24 December 2024",
        note="OP4 and OP15 continue across pages (OP15 with footnotes 3-5 in between)."),
    "A_RES_79_255": dict(
        pp=2, op=24, sub=3, fn=5, annex=1,
        closing="55th (resumed) plenary meeting / 24 December 2024",
        note="Fifth Committee financing resolution. SUB: OP21 (a)-(c). The closing comes "
             "before the annex. The annex ('Annex' / 'Financing for 2025 of the International "
             "Residual Mechanism for Criminal Tribunals', label and title not counted) is a "
             "single table, counted as 1: columns 'Gross' and 'Net of staff assessment' "
             "('(United States dollars)'), 12 body rows (incl. the row headings 'Total "
             "assessment for 2025' and 'Of which:'), split over pages 3-4 with the column "
             "headings repeated, and two lettered table notes 'a See A/79/555.' and "
             "'b Reflects amounts after recosting.' (not counted as footnotes, fn counts only "
             "the numbered notes 1-5). Row-by-row it would be 12 rows + 2 notes."),
    "A_RES_79_300": dict(
        pp=5, op=7, sub=3, fn=3, annex=0,
        closing="81st plenary meeting / 30 June 2025",
        note="3 bold headings inside the operative part ('Budget performance report for the "
             "period from 1 July 2023 to 30 June 2024', 'Budget estimates for the period from "
             "1 July 2025 to 30 June 2026', 'Financing of the budget estimates for the period "
             "from 1 July 2025 to 30 June 2026') before OPs 4, 5 and 6, not counted as OPs. "
             "SUB: OP6 (a)-(c). Footnote 3 is printed after the closing lines."),
    "A_RES_79_52": dict(
        pp=17, op=19, sub=0, fn=9, annex=0,
        closing="43rd plenary meeting / 2 December 2024",
        note="Footnote 8 is a 9-line list of States; OP18 has a line split one word per line."),
    "A_RES_79_54": dict(
        pp=19, op=17, sub=0, fn=14, annex=0,
        closing="43rd plenary meeting / 2 December 2024",
        note="PP4 ('Recalling, in its resolution 78/47, ...') and PP13 continue across pages; "
             "OP2 and OP10 continue across pages; footnote 14 is printed after the closing "
             "lines."),
    "A_RES_79_67": dict(
        pp=8, op=10, sub=0, fn=8, annex=0,
        closing="44th plenary meeting / 2 December 2024",
        note="PP3 ('Taking note of the report ...') is long and continues from page 1 to "
             "page 2; PP4 has a line split one word per line."),
    "A_RES_79_73": dict(
        pp=13, op=7, sub=0, fn=2, annex=0,
        closing="44th plenary meeting / 2 December 2024",
        note="OP7 continues from page 2 to page 3; footnote 2 is printed after the closing "
             "lines."),
    "A_RES_79_95": dict(
        pp=14, op=16, sub=0, fn=1, annex=0,
        closing="47th plenary meeting / 4 December 2024",
        note="OP3 continues from page 2 to page 3."),
}
