"""The proposals on file, listed one way for the command line and the room: a broken file
leaves out itself only (it once left out its whole round on the command line, 12 proposals
seen there and 31 in the room), and a repeated id is named with the file that has it first."""
from __future__ import annotations

import shutil

from assembler.negotiation import Negotiation
from assembler.negotiation.on_file import proposals_on_file
from assembler.room.store import Store

from conftest import ROOT


def _copy(tmp_path):
    for part in ("drafts", "amendments"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path / "amendments" / "gcm-modalities"


def test_a_broken_file_leaves_out_itself_only_on_the_command_line_and_in_the_room(tmp_path):
    amendments = _copy(tmp_path)
    before = [p.id for p, _ in proposals_on_file(amendments).proposals]
    assert len(before) > 20 and proposals_on_file(amendments).broken == []
    (amendments / "rev1" / "P-98.yaml").write_text("id: P-98\nproposer: [unclosed\n", "utf-8")
    said: list[str] = []
    on_cli = [p.id for p in Negotiation.named("gcm-modalities", tmp_path).proposals(said.append)]
    in_room = [p.id for p in Store(tmp_path, "gcm-modalities").on_file()]
    assert on_cli == in_room == before
    assert len(said) == 1 and "P-98.yaml" in said[0] and "left out" in said[0], said


def test_a_repeated_id_is_left_out_naming_the_first_file(tmp_path):
    amendments = _copy(tmp_path)
    first = amendments / "rev1" / "P-01.yaml"
    again = amendments / "rev2" / "P-01-again.yaml"
    shutil.copy(first, again)
    listed = proposals_on_file(amendments)
    assert [(p.name, pid, f.name) for p, pid, f in listed.repeated] == \
        [("P-01-again.yaml", "P-01", "P-01.yaml")]
    assert [p.id for p, _ in listed.proposals].count("P-01") == 1
    assert [p.id for p in Store(tmp_path, "gcm-modalities").on_file()] == \
        [p.id for p, _ in listed.proposals]


def test_a_round_folder_made_just_after_a_listing_is_listed(tmp_path):
    """The rounds' folders are kept between listings (a room lists them for every page):
    a folder made right after a listing, within the folder clock's tick, and one made once
    the listing is kept, are both found, and one removed is gone."""
    import os
    import time
    from assembler.negotiation.on_file import round_folders
    amendments = _copy(tmp_path)
    rounds = ["rev1", "rev2", "rev3"]
    assert [f.name for f in round_folders(amendments)] == ["gcm-modalities"] + rounds
    (amendments / "rev4").mkdir()   # at once: the same tick of the folder's clock
    assert [f.name for f in round_folders(amendments)][-1] == "rev4"
    # once settled, the listing is kept; a new folder below a round changes that round
    past = time.time_ns() - 10**9
    for f in round_folders(amendments):
        os.utime(f, ns=(past, past))
    assert [f.name for f in round_folders(amendments)] == ["gcm-modalities"] + rounds + ["rev4"]
    (amendments / "rev2" / "late").mkdir()
    assert "late" in [f.name for f in round_folders(amendments)]
    (amendments / "rev4").rmdir()
    assert "rev4" not in [f.name for f in round_folders(amendments)]
    new = Store(tmp_path, "gcm-modalities")
    (amendments / "rev2" / "late" / "P-77.yaml").write_text(
        (amendments / "rev1" / "P-01.yaml").read_text("utf-8").replace("P-01", "P-77"), "utf-8")
    assert "P-77" in [p.id for p in new.on_file()]
