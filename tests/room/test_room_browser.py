"""The room in a real browser: Debian's Chromium driven by Playwright (no browser download),
against `assembler serve` on an ephemeral port of 127.0.0.1. A delegation signs in, selects
words in a paragraph with the mouse, types what replaces them, sees the live preview and a
collision, adds the change and submits; the co-facilitators accept it and issue Rev.1.
Screenshots go to build/room-screenshots/ for a person to look at."""
from __future__ import annotations

import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from roomkit import NEG, free_port, negotiation_copy, serving

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "build" / "room-screenshots"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no /usr/bin/chromium")]


@contextmanager
def chromium():
    """Debian's Chromium, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def served(tmp_path):
    """The room served by `assembler serve` on 127.0.0.1; stopped after the test."""
    root = negotiation_copy(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    chair = run_cli("room", "init", NEG, "--root", root, "--url", url).stdout.split(": ", 1)[1]
    delegation = run_cli("room", "invite", "Delegation Q", "--root", root,
                         "--url", url).stdout.split(": ", 1)[1]
    with serving(["serve", NEG, "--root", root, "--port", port], port):
        yield root, chair.strip(), delegation.strip()


def select_words(page, unit: str, words: str) -> None:
    """Drag the mouse over `words` in the paragraph `unit`, as a person selects them."""
    box = page.evaluate("""([unit, words]) => {
        const p = document.querySelector('#draft-text #' + unit + ' > p') ||
                  document.querySelector('#draft-text #' + unit);
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const i = node.data.indexOf(words);
            if (i >= 0) {
                const r = document.createRange();
                r.setStart(node, i); r.setEnd(node, i + 1);
                r.startContainer.parentElement.scrollIntoView({block: 'center'});
                const a = r.getBoundingClientRect();
                r.setStart(node, i + words.length - 1); r.setEnd(node, i + words.length);
                const b = r.getBoundingClientRect();
                return {x1: a.left + 1, y1: a.top + a.height / 2,
                        x2: b.right - 1, y2: b.top + b.height / 2};
            }
        }
        return null;
    }""", [unit, words])
    assert box, f"'{words}' is not in {unit}"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()


def test_delegation_proposes_and_co_facilitators_issue_rev1(served):
    from playwright.sync_api import expect
    root, chair_link, delegation_link = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        # a delegation signs in with its one-time link
        page.goto(delegation_link)
        page.get_by_role("button", name="Enter the room").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Delegation Q")
        page.get_by_label("Title").fill("Length of the sessions")
        page.get_by_role("button", name="New proposal").click()
        expect(page.locator("#draft-text #op24")).to_be_visible()
        # selects words with the mouse, types the replacement: the live preview follows
        select_words(page, "op24", "March 2018 for four days")
        expect(page.locator("#words")).to_have_value("March 2018 for four days")
        expect(page.locator("#words-target")).to_have_value("op24")
        page.locator("#replacement").fill("March 2018 for six days")
        expect(page.locator("#preview .clashes")).to_contain_text(
            "collides with G-01/1 by Group of Friends of Migration")
        expect(page.locator("#preview .redline #op24 ins")).to_have_text("six")
        expect(page.locator("#preview .redline #op24 del[title]")).to_have_text("four")
        page.screenshot(path=str(SHOTS / "1-live-preview.png"), full_page=False)
        page.get_by_role("button", name="Add this change").click()
        expect(page.locator("ol.changes")).to_contain_text(
            "In operative paragraph 24, replace")
        expect(page.locator("#preview .clashes")).to_contain_text("1 collision(s)")
        page.locator("#preview summary", has_text="Clean text").click()
        expect(page.locator("#preview .clean #op24")).to_contain_text(
            "in March 2018 for six days")
        page.locator("#preview").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "2-change-added.png"), full_page=False)
        page.get_by_role("button", name="Submit W-01").click()
        expect(page.locator(".flash")).to_have_text("W-01 is submitted.")
        page.screenshot(path=str(SHOTS / "3-submitted.png"), full_page=False)
        # the co-facilitators accept it and issue Rev.1
        chair = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        chair.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        chair.goto(chair_link)
        chair.get_by_role("button", name="Enter the room").click()
        expect(chair.get_by_role("heading", level=1)).to_contain_text("Compilation")
        entry = chair.locator("#entry-W-01-1")
        expect(entry).to_contain_text("Conflicts with G-01/1")
        entry.scroll_into_view_if_needed()
        chair.screenshot(path=str(SHOTS / "4-compilation.png"), full_page=False)
        entry.get_by_label("decision on W-01").select_option("accept")
        entry.get_by_label("note on W-01").fill("agreed in informals")
        asked: list[str] = []   # a decision is confirmed before it is recorded
        chair.once("dialog", lambda d: (asked.append(d.message), d.accept()))
        entry.get_by_role("button", name="Decide on W-01 as a whole").click()
        expect(chair.locator(".flash")).to_have_text("W-01: accepted.")
        assert asked == ["Record “accept” on W-01, with the note “agreed in informals”?"]
        chair.get_by_label("Date").fill("13 January 2017")
        chair.get_by_role("button", name="Issue Rev.1").click()
        expect(chair.locator(".flash")).to_contain_text("Rev.1 is issued")
        expect(chair.locator("section.version h2")).to_contain_text("Rev.1, 13 January 2017")
        chair.screenshot(path=str(SHOTS / "5-issued.png"), full_page=False)
        chair.get_by_role("link", name="Current version").click()
        chair.locator("#op24").scroll_into_view_if_needed()
        expect(chair.locator("#op24")).to_contain_text("in March 2018 for six days")
        chair.screenshot(path=str(SHOTS / "6-rev1.png"), full_page=False)
    assert problems == []  # no script error, nothing the CSP had to block
    rev1 = (root / "drafts" / NEG / "rev1.draft").read_text("utf-8")
    assert "in March 2018 for six days" in rev1 and "based-on: first-draft" in rev1


def signed_in_page(browser, link: str, width: int = 1400):
    from playwright.sync_api import expect
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(link)
    page.get_by_role("button", name="Enter the room").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    return page


def new_draft_page(browser, link: str, title: str, problems: list):
    """A delegation signed in, on a new draft of that title; script errors go to `problems`."""
    page = signed_in_page(browser, link)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.get_by_label("Title").fill(title)
    page.get_by_role("button", name="New proposal").click()
    return page


def test_no_work_is_lost_in_the_editor(served):
    """What a delegation types survives a reload, a refusal and the room being out of
    reach (kept in the browser, and said so); Submit takes the change still in the editor."""
    from playwright.sync_api import expect
    root, _, delegation_link = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with chromium() as browser:
        page = new_draft_page(browser, delegation_link, "Length of the sessions", problems)
        select_words(page, "op24", "March 2018 for four days")
        page.locator("#replacement").fill("March 2018 for six days")
        expect(page.locator("#kept-words")).to_have_text(
            "Kept in this browser until it is sent.")
        expect(page.locator("#preview .redline #op24 ins")).to_have_text("six")
        # a reload (or Back) brings it back, with the live preview
        page.reload()
        expect(page.locator("#replacement")).to_have_value("March 2018 for six days")
        expect(page.locator("#words")).to_have_value("March 2018 for four days")
        expect(page.locator("#words-target")).to_have_value("op24")
        expect(page.locator("#kept-words")).to_contain_text("What you typed is back")
        expect(page.locator("#preview .redline #op24 ins")).to_have_text("six")
        # the room out of reach: the preview says so instead of showing an old result
        page.context.set_offline(True)
        page.locator("#replacement").fill("March 2018 for seven days")
        expect(page.locator("#preview p.error")).to_contain_text(
            "The room cannot be reached just now")
        page.screenshot(path=str(SHOTS / "7-room-unreachable.png"), full_page=False)
        page.context.set_offline(False)
        page.reload()
        expect(page.locator("#replacement")).to_have_value("March 2018 for seven days")
        # Submit without "Add this change": the change in the editor goes with it
        page.get_by_role("button", name="Submit W-01").click()
        expect(page.locator(".flash")).to_have_text(
            "W-01 is submitted. It includes the change that was in the editor: In "
            "operative paragraph 24, replace “March 2018 for four days” with “March 2018 for seven "
            "days”.")
        filed = (root / "amendments" / NEG / "rev1" / "W-01.yaml").read_text("utf-8")
        assert "March 2018 for seven days" in filed
        assert page.evaluate("Object.keys(localStorage)") == []  # the room has it
        # a refused change keeps its text in the editor
        page.goto(page.url.rsplit("/p/", 1)[0] + "/proposals")
        page.get_by_label("Title").fill("Prose")
        page.get_by_role("button", name="New proposal").click()
        page.locator("summary", has_text="Write changes in UN prose").click()
        sentence = "In operative paragraph 99, replace “two” with “three”"
        page.locator("textarea[name=prose]").fill(sentence)
        page.get_by_role("button", name="Add these changes").click()
        expect(page.locator(".flash")).to_contain_text("99")
        expect(page.locator("textarea[name=prose]")).to_have_value(sentence)
        expect(page.locator("form[data-keep$=':prose'] .kept")).to_contain_text(
            "Your change was not added: it is back in the editor")
        page.locator("form[data-keep$=':prose']").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "8-refused-kept.png"), full_page=False)
        # once added, it is forgotten by the browser and the editor is empty again
        page.locator("textarea[name=prose]").fill(
            "In operative paragraph 5, replace “two” with “three”")
        page.get_by_role("button", name="Add these changes").click()
        expect(page.locator("ol.changes")).to_contain_text("operative paragraph 5")
        expect(page.locator("textarea[name=prose]")).to_have_value("")
        assert page.evaluate("Object.keys(localStorage)") == []
    assert problems == []


def test_the_deadline_in_local_time_counts_down_and_closes_the_page(served):
    import datetime as dt
    from playwright.sync_api import expect
    _, chair_link, delegation_link = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        # a delegate in Tokyo whose browser says the time in 24 hours (en-US would print
        # 13:25 as "01:25 PM", so the check below held only in the morning)
        page = browser.new_context(viewport={"width": 390, "height": 844},
                                   timezone_id="Asia/Tokyo", locale="en-GB").new_page()
        page.goto(delegation_link)
        page.get_by_role("button", name="Enter the room").click()
        page.get_by_label("Title").fill("Before the deadline")
        page.get_by_role("button", name="New proposal").click()
        select_words(page, "op24", "March 2018 for four days")
        page.locator("#replacement").fill("March 2018 for six days")
        chair = signed_in_page(browser, chair_link)
        chair.goto(chair_link.split("/signin/")[0] + "/issued")
        limit = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=12)).replace(
            microsecond=0)
        chair.get_by_label("Deadline (UTC)").fill(limit.replace(tzinfo=None).isoformat())
        chair.get_by_role("button", name="Save").click()
        expect(chair.locator(".flash")).to_have_text("The room is open.")
        page.reload()
        tokyo = limit + dt.timedelta(hours=9)
        expect(page.locator("#deadline")).to_contain_text(f"{tokyo:%H:%M}")
        expect(page.locator("#deadline")).to_contain_text("GMT+9")
        expect(page.locator("#countdown")).to_contain_text(" s)")
        expect(page.get_by_role("button", name="Submit W-01")).to_be_enabled()
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SHOTS / "9-phone-deadline.png"), full_page=False)
        # the text is readable at phone width: lines of many words, not one or two
        width = page.evaluate("document.querySelector('#draft-text #op24 > p')"
                              ".getBoundingClientRect().width")
        assert width > 300, width
        # the page loaded before the deadline follows it when it passes
        expect(page.locator("#deadline-passed")).to_be_visible(timeout=20000)
        expect(page.locator("#room-state")).to_have_text("Closed")
        expect(page.get_by_role("button", name="Submit W-01")).to_be_disabled()
        expect(page.locator("#replacement")).to_have_value("March 2018 for six days")
        page.get_by_role("button", name="Submit W-01").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "10-phone-deadline-passed.png"), full_page=False)


def test_the_readme_room_commands_work_as_written(tmp_path):
    """README: copy the example, `room init --root`, `serve --root --port`, `room invite`
    (whose link names the served port), and a delegation signs in with it in Chromium."""
    import os
    import re
    from playwright.sync_api import expect
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = re.findall(r"^    (mkdir -p ~/room-demo.*|assembler (?:room|serve) .*?)(?:  +#.*)?$",
                          readme, re.M)
    assert [c.split()[1] for c in commands] == ["-p", "room", "serve", "room"], commands
    home, port = tmp_path / "home", free_port()
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    exe = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")

    def run(command: str):
        args = command.replace("~", str(home)).replace("8000", str(port)).split()
        if args[0] == "assembler":
            args = [exe] + [a.strip('"') for a in args[1:]]
            if "invite" in args:   # "Delegation A" is one argument
                i = args.index("invite")
                args[i + 1:i + 3] = [" ".join(args[i + 1:i + 3])]
        return subprocess.run(args if args[0] != "mkdir" else ["bash", "-c", command.replace(
            "~", str(home))], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run(commands[0]).returncode == 0
    first = run(commands[1])
    assert first.returncode == 0 and "/signin/" in first.stdout, first.stderr
    again = run(commands[1])
    assert again.returncode == 2 and "set up already" in again.stderr
    served = commands[2].replace("~", str(home)).replace("8000", str(port)).split()[1:]
    with serving(served, port, cwd=ROOT, env=env):
        invited = run(commands[3])
        assert invited.returncode == 0, invited.stderr
        link = invited.stdout.split(": ", 1)[1].strip()
        assert link.startswith(f"http://127.0.0.1:{port}/signin/")
        with chromium() as browser:
            page = signed_in_page(browser, link)
            expect(page.get_by_role("heading", level=1)).to_contain_text("Delegation A")
    # nothing was written into the checkout
    assert not (ROOT / "room").exists()


def test_a_delegation_reads_the_amendments_in_place_on_a_phone(served):
    from playwright.sync_api import expect
    _, _, delegation_link = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        page = signed_in_page(browser, delegation_link, width=390)
        page.get_by_role("link", name="Amendments in the text").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Amendments in the text")
        entry = page.locator("#entry-G-01-1")
        expect(entry).to_contain_text("Group of Friends of Migration")
        expect(entry.locator("ins")).to_contain_text("five")
        expect(entry.locator("del")).to_contain_text("four")
        assert entry.locator("form").count() == 0   # nothing to decide here
        page.get_by_label("Proposer").select_option("Group of Friends of Migration")
        page.get_by_role("button", name="Show").click()
        expect(page.locator(".entry")).to_have_count(1)
        entry = page.locator("#entry-G-01-1")
        entry.scroll_into_view_if_needed()
        assert entry.bounding_box()["width"] > 300
        page.screenshot(path=str(SHOTS / "11-phone-amendments.png"), full_page=False)
        entry.get_by_role("link", name="G-01/1").click()
        expect(page.locator(".redline ins[title]")).to_have_text("five")
        page.screenshot(path=str(SHOTS / "12-phone-proposal-redline.png"), full_page=True)


def test_keyboard_words_typed_text_and_decisions_on_the_whole_proposal(served):
    """Words selected by keyboard; a lone "*" and "[^fn1]" typed by a delegate stay text;
    a proposal of two changes is decided once, as a whole, confirmed before it is recorded
    (nothing chosen beforehand), and accepted with modification change by change."""
    from playwright.sync_api import expect
    from assembler.amendments.yamlio import load_proposal
    root, chair_link, delegation_link = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with chromium() as browser:
        page = new_draft_page(browser, delegation_link, "Keyboard", problems)
        # by keyboard: to the paragraph, Shift+→ word by word, Enter takes the words
        page.locator("#draft-text #op1 [data-words], #draft-text #op1[data-words]").first.focus()
        for _ in range(4):
            page.keyboard.press("Shift+ArrowRight")
        page.keyboard.press("Shift+ArrowLeft")   # one word back: three words
        page.keyboard.press("Enter")
        expect(page.locator("#words-target")).to_have_value("op1")
        expect(page.locator("#words")).to_have_value("Decides that the")
        expect(page.locator("#replacement")).to_be_focused()
        page.keyboard.press("End")
        page.keyboard.type(" * [^fn1]")   # typed as text: no italics, no footnote
        expect(page.locator("#preview .redline #op1 ins")).to_contain_text("* [^fn1]")
        page.screenshot(path=str(SHOTS / "14-keyboard-selection.png"), full_page=False)
        page.get_by_role("button", name="Add this change").click()
        expect(page.locator("ol.changes")).to_have_text(
            "In operative paragraph 1, replace “Decides that the” with “Decides that the * "
            "[^fn1]”. remove")
        select_words(page, "op24", "March 2018 for four days")
        page.locator("#replacement").fill("March 2018 for six days")
        expect(page.locator("#preview .redline #op24 ins")).to_have_text("six")
        page.get_by_role("button", name="Add this change").click()
        expect(page.locator("ol.changes li")).to_have_count(2)
        page.get_by_role("button", name="Submit W-01").click()
        expect(page.locator(".flash")).to_have_text("W-01 is submitted.")
        filed = load_proposal(root / "amendments" / NEG / "rev1" / "W-01.yaml")
        assert filed.changes[0].text == "Decides that the \\* \\[^fn1]"   # text, escaped
        # the co-facilitators: one decision for the whole proposal, under its first change
        chair = signed_in_page(browser, chair_link)
        chair.on("pageerror", lambda e: problems.append(str(e)))
        first, second = chair.locator("#entry-W-01-1"), chair.locator("#entry-W-01-2")
        expect(first.get_by_role("button", name="Decide on W-01 as a whole (all its 2 "
                                                 "changes)")).to_be_visible()
        expect(first.locator(".prose")).to_contain_text("“Decides that the * [^fn1]”")
        assert second.locator("form").count() == 0
        expect(second).to_contain_text("Decided as a whole: the decision on W-01 is under "
                                       "its first change.")
        expect(first.get_by_label("decision on W-01")).to_have_value("")
        second.scroll_into_view_if_needed()
        chair.screenshot(path=str(SHOTS / "15-compilation-decide-once.png"), full_page=False)
        # on the proposal's page: nothing preselected; modified change by change
        chair.goto(chair_link.split("/signin/")[0] + "/p/W-01")
        form = chair.locator("form.decide")
        expect(form).to_contain_text("The decision is on W-01 as a whole: all its 2 changes.")
        expect(form.get_by_label("Decision")).to_have_value("")
        form.get_by_label("Decision").select_option("modify")
        box = form.locator("textarea[name=changes]")
        lines = box.input_value().splitlines()
        # as typed, no markup escapes shown; read back exactly, the chair's "*" text too
        assert lines == ["In operative paragraph 1, replace “Decides that the” with “Decides "
                         "that the * [^fn1]”.",
                         "In operative paragraph 24, replace “March 2018 for four days” with "
                         "“March 2018 for six days”."]
        box.fill(lines[0] + "\n" + lines[1].replace("six days", "five * days"))
        form.get_by_label("Note").fill("five, as in informals")
        asked: list[str] = []
        chair.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        form.get_by_role("button", name="Record the decision on W-01").click()
        expect(chair.locator("dd.status")).to_have_text("proposed")   # cancelled: nothing
        assert asked == ["Record “accepted with modification” on W-01 as a whole, all its 2 "
                         "changes, with the note “five, as in informals”?"]
        assert load_proposal(root / "amendments" / NEG / "rev1" / "W-01.yaml").status == \
            "proposed"
        form.locator("textarea[name=changes]").scroll_into_view_if_needed()
        chair.screenshot(path=str(SHOTS / "16-decision-confirmed.png"), full_page=False)
        chair.once("dialog", lambda d: d.accept())
        form.get_by_role("button", name="Record the decision on W-01").click()
        expect(chair.locator(".flash")).to_have_text("W-01: accepted with modification.")
        expect(chair.locator("ul.history")).to_contain_text("five, as in informals")
    decided = load_proposal(root / "amendments" / NEG / "rev1" / "W-01.yaml")
    assert decided.status == "accepted-with-modification"
    assert [c.text for c in decided.effective_changes] == [
        "Decides that the \\* \\[^fn1]", "March 2018 for five \\* days"]
    assert problems == []
