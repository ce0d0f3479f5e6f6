"""Dates and status decisions judged in one place (dates.checked_day, amendments/decisions.py):
impossible dates, a proposal superseded by itself or by a path, --text with --change."""
from __future__ import annotations

import shutil

import pytest

from conftest import FIRST_DRAFT, ROOT
from inproc import cli, one_line_error

ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"
HINT = "(write a real day as 2017-01-13 or 13 January 2017)"


@pytest.fixture
def round1(tmp_path):
    shutil.copytree(ROUND1, tmp_path / "rev1")
    return tmp_path / "rev1"


def _unchanged(folder) -> dict:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("date, says", [
    ("2017-02-30", "--date '2017-02-30' is not a real day (day is out of range for month)"),
    ("2017-13-45", "--date '2017-13-45' is not a real day (month must be in 1..12)"),
    ("yesterday-ish", "--date 'yesterday-ish' is not a date"),
    ("30 February 2017", "--date '30 February 2017' is not a real day"),
    ("0001-01-01", "--date '0001-01-01' is out of range (year 1)"),
])
def test_status_refuses_impossible_dates(round1, date, says):
    before = _unchanged(round1)
    line = one_line_error(cli("status", round1 / "P-03.yaml", "reopen", "--date", date))
    assert line.startswith(f"error: {says}") and line.endswith(HINT), line
    assert _unchanged(round1) == before


@pytest.mark.parametrize("date", ["2017-01-13", "13 January 2017", "2017-01-13T10:02:00Z"])
def test_real_dates_pass(round1, date):
    r = cli("status", round1 / "P-03.yaml", "reopen", "--date", date)
    assert r.code == 0, r.stderr
    assert f"date: {date}" in (round1 / "P-03.yaml").read_text() or \
        f"date: '{date}'" in (round1 / "P-03.yaml").read_text()


def test_a_proposal_dated_2017_13_45_is_refused(round1):
    p = round1 / "P-02.yaml"
    p.write_text(p.read_text().replace("date: 2017-01-06", "date: 2017-13-45", 1))
    out = one_line_error(cli("proposals", p))
    assert out == (f"error: {p}:4: the date '2017-13-45' is not a real day (month must be in "
                   f"1..12) {HINT}")
    q = round1 / "P-03.yaml"
    q.write_text(q.read_text().replace("date: 2017-01-12", "date: yesterday-ish"))
    assert f"{q}:15: the date 'yesterday-ish' is not a date" in one_line_error(cli("proposals", q))


def test_apply_and_build_dates_are_checked(tmp_path):
    out = tmp_path / "rev1.draft"
    line = one_line_error(cli("apply", FIRST_DRAFT, ROUND1, "-o", out, "--date", "2017-02-30"))
    assert "--date '2017-02-30' is not a real day" in line and not out.exists()
    line = one_line_error(cli("build", FIRST_DRAFT, "-o", tmp_path / "x.html", "--date",
                              "yesterday-ish"))
    assert "--date 'yesterday-ish' is not a date" in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("by, says", [
    ("P-03", "--by P-03: a proposal cannot be superseded by itself"),
    ("../P-04.yaml", "--by '../P-04.yaml': not allowed, as a proposal id becomes a file name"),
    (str(ROUND1 / "P-04.yaml"), "not allowed, as a proposal id becomes a file name"),
    ("P-04.yaml", "--by P-04.yaml: give the proposal's id, not its file name (e.g. --by P-04)"),
])
def test_supersede_by_itself_or_a_path_is_refused(round1, by, says):
    before = _unchanged(round1)
    line = one_line_error(cli("status", round1 / "P-03.yaml", "supersede", "--by", by))
    assert says in line, line
    assert _unchanged(round1) == before


def test_supersede_by_another_is_recorded(round1):
    assert cli("status", round1 / "P-03.yaml", "supersede", "--by", "P-04").code == 0
    assert cli("status", round1 / "P-03.yaml").stdout.splitlines()[-1].split()[1:4] == \
        ["superseded", "by", "P-04"]


def test_a_history_naming_itself_is_refused_on_reading(round1):
    p = round1 / "P-09.yaml"
    text = p.read_text()
    assert "by: " in text
    p.write_text(text.replace("by: P-", "by: P-09 #", 1))
    assert "a proposal cannot be superseded by or into itself" in \
        one_line_error(cli("proposals", p))


def test_modify_with_text_and_change_is_refused(round1):
    before = _unchanged(round1)
    line = one_line_error(cli("status", round1 / "P-03.yaml", "modify", "--text", "x",
                              "--change", "In operative paragraph 1, replace “a” with “b”"))
    assert line == ("error: give the modification either as --text or as --change, not both "
                    "(--text for a proposal with one change; --change 'In ...' for each "
                    "modified change)")
    assert _unchanged(round1) == before


@pytest.mark.parametrize("args, says", [
    (("reopen", "--text", "x"), "--text and --change are for modify, not reopen"),
    (("reopen", "--by", "P-04"), "--by is for supersede and merge, not reopen"),
    (("modify", "--text", "  "), "--text is empty"),
])
def test_options_that_do_not_belong_to_the_decision_are_refused(round1, args, says):
    assert says in one_line_error(cli("status", round1 / "P-03.yaml", *args))


def test_a_proposal_applied_in_an_issued_version_keeps_its_decision(tmp_path):
    """amendments/gcm-modalities/rev1/P-03.yaml made a change of Rev.1 (its provenance): no
    decision on it is taken any more, nor is a decided proposal withdrawn."""
    drafts = tmp_path / "drafts" / "gcm-modalities"
    shutil.copytree(ROOT / "drafts" / "gcm-modalities", drafts)
    round1 = tmp_path / "amendments" / "gcm-modalities" / "rev1"
    shutil.copytree(ROUND1, round1)
    before = _unchanged(round1)
    for action in ("reopen", "withdraw"):
        line = one_line_error(cli("status", round1 / "P-03.yaml", action))
        assert "P-03 is applied in rev1, which is issued: it can no longer be" in line, line
    assert _unchanged(round1) == before
    (drafts / "rev1.draft").unlink(), (drafts / "rev2.draft").unlink()
    for f in drafts.glob("*.draft"):   # no issued version names P-03 now
        assert "P-03/" not in f.read_text("utf-8"), f
    line = one_line_error(cli("status", round1 / "P-03.yaml", "withdraw"))
    assert "P-03 is accepted and cannot become withdrawn" in line
    assert cli("status", round1 / "P-03.yaml", "reopen").code == 0
