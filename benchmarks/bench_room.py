"""The negotiation room under load, on loopback only (127.0.0.1): 193 delegations (asyncio and
httpx) sign in with their one-time links and each writes and submits 5 proposals on the
example negotiation's current version (Rev.2), asking for the preview of each before
submitting, with a person's pause between steps. Checked: no submission lost (every one is a
file in the round folder, under its delegation's name, and in the audit log). Measured:
preview latency p50/p95 under load, as a ratio to the same preview asked alone in the same
run; the server's memory (peak resident set).

Bounded: ROOM_BENCH_DELEGATIONS (193), ROOM_BENCH_PROPOSALS (5), ROOM_BENCH_PAUSE (seconds
between a delegation's proposals, drawn from 0.5x to 1.5x of it; default 90, a person's pace:
about two proposals a second from the whole room), and a time limit (ROOM_BENCH_LIMIT, 900 s)
after which the run stops and says so. ROOM_BENCH_PAUSE=3 asks far more than one server
process on two shared cores gives (a stress run: nothing may be lost, latency queues)."""
from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NEG = "gcm-modalities"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def setting(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(exe: str, root: Path, extra: list = ()) -> tuple[subprocess.Popen, int]:
    """`assembler serve` on a free port of 127.0.0.1, once it listens."""
    port = free_port()
    server = subprocess.Popen([exe, "serve", NEG, "--root", str(root), "--host", "127.0.0.1",
                               "--port", str(port), *extra],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    return server, port


def prepare(root: Path, n: int) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """A copy of the example negotiation with its room set up and n delegations invited:
    their (name, token), and the changes they will propose (unit, words, new words)."""
    from assembler.amendments.words import UnitWords
    from assembler.room.accounts import Accounts
    from assembler.room.store import Store
    shutil.copytree(REPO / "drafts" / NEG, root / "drafts" / NEG)
    shutil.copytree(REPO / "amendments" / NEG, root / "amendments" / NEG)
    store = Store(root, NEG)
    with store.action("Co-facilitators", "init room") as w:
        store.init(w)
    accounts = Accounts(store)
    people = []
    for i in range(n + 1):
        name = "Baseline delegation" if i == n else f"Delegation {i + 1:03d}"
        people.append((name, accounts.invite("Co-facilitators", name)[1]))
    index = store.index()
    changes = []
    for uid, unit in index.units.items():
        if unit.kind not in ("op", "sub", "pp"):
            continue
        words = UnitWords(unit.content, index.number)
        tokens = words.text.split()
        for k in range(2, max(2, len(tokens) - 3), 6):
            phrase = " ".join(tokens[k:k + 3])
            if phrase and len(words.occurrences(phrase)) == 1 and "\n" not in phrase:
                changes.append((uid, phrase, phrase + " as amended"))
    return people, changes


class Delegation:
    def __init__(self, client, name: str):
        self.client, self.name, self.csrf = client, name, ""

    async def sign_in(self, token: str) -> None:
        page = await self.client.get(f"/signin/{token}")
        self.csrf = CSRF.search(page.text).group(1)
        r = await self.client.post("/signin", data={"csrf": self.csrf, "token": token},
                                   follow_redirects=True)
        assert r.status_code == 200 and "Sign out" in r.text, (self.name, r.status_code)
        self.csrf = CSRF.search(r.text).group(1)

    async def propose(self, change: tuple[str, str, str], timings: list, alone: bool = False
                      ) -> str:
        uid, words, text = change
        r = await self.client.post("/drafts", data={"csrf": self.csrf, "title": "load"},
                                   follow_redirects=True)
        pid = str(r.url).rsplit("/", 1)[1]
        r = await self.client.post(f"/drafts/{pid}/changes", follow_redirects=True, data={
            "csrf": self.csrf, "form": "words", "target": uid, "words": words, "offset": "0",
            "mode": "replace", "text": text})
        assert "Not added" not in r.text, (self.name, pid, words)
        t0 = time.perf_counter()
        r = await self.client.get(f"/drafts/{pid}/preview")
        timings.append(time.perf_counter() - t0)
        assert r.status_code == 200 and "<ins" in r.text, (self.name, pid)
        if alone:
            return pid
        r = await self.client.post(f"/drafts/{pid}/submit", data={"csrf": self.csrf},
                                   follow_redirects=True)
        assert r.url.path == f"/p/{pid}", (self.name, pid, r.status_code)
        return pid


async def run(url: str, people, changes, per: int, pause: float, limit: float):
    import httpx
    timings: list[float] = []
    alone: list[float] = []
    submitted: dict[str, str] = {}
    limits = httpx.Limits(max_connections=2, max_keepalive_connections=2)
    # the baseline: one delegation alone asks for the same kind of preview
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        d = Delegation(client, people[-1][0])
        await d.sign_in(people[-1][1])
        for k in range(10):
            await d.propose(changes[k % len(changes)], alone, alone=True)

    async def one(i: int, name: str, token: str) -> None:
        rng = random.Random(i)
        async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
            await asyncio.sleep(rng.uniform(0, pause))
            d = Delegation(client, name)
            await d.sign_in(token)
            for k in range(per):
                await asyncio.sleep(rng.uniform(0.5 * pause, 1.5 * pause))
                change = changes[(i * per + k) % len(changes)]
                submitted[await d.propose(change, timings)] = name

    t0 = time.perf_counter()
    tasks = [asyncio.create_task(one(i, n, t)) for i, (n, t) in enumerate(people[:-1])]
    done, pending = await asyncio.wait(tasks, timeout=limit)
    for t in pending:
        t.cancel()
    errors = [t.exception() for t in done if t.exception()]
    return timings, alone, submitted, time.perf_counter() - t0, len(pending), errors


def memory(pid: int) -> tuple[float, float]:
    """Peak and current resident set of the server (MiB)."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text()
                  .splitlines() if ":" in line)
    return (int(fields["VmHWM"].split()[0]) / 1024, int(fields["VmRSS"].split()[0]) / 1024)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    """ROOM_BENCH_SCENARIOS: rush (the burst of live previews and the deadline rush) and pace
    (the day at a person's pace); both by default."""
    scenarios = os.environ.get("ROOM_BENCH_SCENARIOS", "rush,pace").split(",")
    if "rush" in scenarios:
        rush_main()
    if "pace" in scenarios:
        pace_main()


def pace_main() -> None:
    n = int(setting("ROOM_BENCH_DELEGATIONS", 193))
    per = int(setting("ROOM_BENCH_PROPOSALS", 5))
    pause = setting("ROOM_BENCH_PAUSE", 90.0)
    limit = setting("ROOM_BENCH_LIMIT", 900)
    exe = shutil.which("assembler") or str(Path(sys.executable).parent / "assembler")
    with tempfile.TemporaryDirectory(prefix="room-bench-") as tmp:
        root = Path(tmp)
        people, changes = prepare(root, n)
        server, port = start_server(exe, root)
        try:
            start_mem = memory(server.pid)[1]
            timings, alone, submitted, took, unfinished, errors = asyncio.run(
                run(f"http://127.0.0.1:{port}", people, changes, per, pause, limit))
            peak, now = memory(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=20)
        from assembler.amendments.yamlio import load_proposal
        round_dir = root / "amendments" / NEG / "rev3"
        on_file = {p.id: p.proposer for p in map(load_proposal, round_dir.glob("W-*.yaml"))}
        audit = sum(p.read_text().count('"action": "submit"')   # the log's segments
                    for p in (root / "room" / NEG / "audit").glob("*.jsonl"))
    lost = [pid for pid, who in submitted.items() if on_file.get(pid) != who]
    base = statistics.median(alone)
    p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
    print(f"{n} delegations x {per} proposals, pause {pause:g} s between steps, "
          f"{len(changes)} distinct changes; took {took:.1f} s"
          + (f"; STOPPED at the {limit:g} s limit, {unfinished} unfinished" if unfinished else ""))
    print(f"submitted {len(submitted)} of {n * per}; on file {len(on_file)}; in the audit log "
          f"{audit}; lost {len(lost)}; errors {len(errors)}"
          + (f" (first: {errors[0]!r})" if errors else ""))
    print(f"preview alone (baseline)  p50 {base * 1000:7.1f} ms")
    print(f"preview under load        p50 {p50 * 1000:7.1f} ms ({p50 / base:5.2f}x)   "
          f"p95 {p95 * 1000:7.1f} ms ({p95 / base:5.2f}x)   max "
          f"{max(timings) * 1000:7.1f} ms   ({len(timings)} previews)")
    print(f"server memory: {start_mem:.0f} MiB at start, peak {peak:.0f} MiB "
          f"({peak / start_mem:.2f}x), {now:.0f} MiB at the end")
    if lost or errors or unfinished:
        raise SystemExit(1)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()


# ---------------------------------------------------------------------- burst and rush

def file_proposals(root: Path, changes, n_people: int, count: int) -> None:
    """`count` proposals on file for the next version (rev3), by the n delegations in turn:
    the room a burst or a rush meets."""
    from assembler.amendments.model import Change, Proposal, StatusEntry, number_changes
    from assembler.amendments.yamlout import dump_proposal
    folder = root / "amendments" / NEG / "rev3"
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        uid, words, text = changes[k % len(changes)]
        pid = f"F-{k + 1:04d}"
        p = Proposal(pid, f"Delegation {k % n_people + 1:03d}", "rev2",
                     number_changes(pid, (Change("replace-words", uid, words,
                                                 f"{words} ({k})"),)),
                     date="2017-01-20", history=(StatusEntry("proposed", "2017-01-20"),))
        (folder / f"{pid}.yaml").write_text(dump_proposal(p), "utf-8")


def tree_memory(pid: int) -> float:
    """Resident set of the server and its worker processes (MiB)."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += memory(p)[1]
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        todo += [int(k) for k in kids]
    return total


def tree_cpu(pid: int) -> float:
    """CPU seconds (user and system) used so far by the server and its worker processes."""
    total, todo = 0.0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += (int(fields[11]) + int(fields[12])) / tick   # utime, stime
        todo += [int(k) for k in kids]
    return total


async def gather_limited(coros, at_once: int):
    sem = asyncio.Semaphore(at_once)

    async def one(c):
        async with sem:
            return await c
    return await asyncio.gather(*(one(c) for c in coros))


async def burst_and_rush(url: str, root: Path, people, changes, drafts_each: int,
                         server: int) -> dict:
    """Everyone signs in and readies a draft; then 193 live previews at once (after the same
    preview asked alone), then every delegation submits in the last 5 s before a deadline
    (after submissions alone)."""
    import datetime as dt
    import httpx
    from assembler.room.store import Store
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [httpx.AsyncClient(base_url=url, timeout=300, limits=limits) for _ in people]
    try:
        ds = [Delegation(c, name) for c, (name, _) in zip(clients, people)]
        await gather_limited([d.sign_in(t) for d, (_, t) in zip(ds, people)], 8)

        async def ready(i: int, d: Delegation, k: int) -> str:
            uid, words, text = changes[(i * 7 + k) % len(changes)]
            r = await d.client.post("/drafts", data={"csrf": d.csrf, "title": "rush"},
                                    follow_redirects=True)
            pid = str(r.url).rsplit("/", 1)[1]
            r = await d.client.post(f"/drafts/{pid}/changes", follow_redirects=True, data={
                "csrf": d.csrf, "form": "words", "target": uid, "words": words,
                "offset": "0", "mode": "replace", "text": text + " now"})
            assert "Not added" not in r.text, (d.name, pid)
            return pid
        base, crowd = ds[-1], ds[:-1]
        base_drafts = [await ready(len(ds), base, k) for k in range(drafts_each)]
        drafts = await gather_limited([ready(i, d, 0) for i, d in enumerate(crowd)], 8)

        async def live(i: int, d: Delegation, pid: str) -> float:
            uid, words, text = changes[(i * 11 + 3) % len(changes)]
            t0 = time.perf_counter()
            r = await d.client.post(f"/drafts/{pid}/try", data={
                "csrf": d.csrf, "form": "words", "target": uid, "words": words, "offset": "0",
                "mode": "replace", "text": text + " typed"})
            assert r.status_code == 200 and "<ins" in r.text, (d.name, r.status_code)
            return time.perf_counter() - t0
        alone = [await live(k, base, base_drafts[0]) for k in range(10)]

        async def compilation() -> tuple[float, float]:
            """The text with every proposal on file in place (the compilation's view)."""
            cpu, t0 = tree_cpu(server), time.perf_counter()
            r = await base.client.get("/amendments")
            assert r.status_code == 200 and "entry-F-0001-1" in r.text, r.status_code
            return time.perf_counter() - t0, tree_cpu(server) - cpu
        compiled = [await compilation() for _ in range(3)]
        cpu = tree_cpu(server)
        together = await asyncio.gather(*(live(i, d, p) for i, (d, p) in
                                          enumerate(zip(crowd, drafts))))
        burst_cpu = (tree_cpu(server) - cpu) / len(crowd)

        async def submit(d: Delegation, pid: str, at: float | None) -> tuple:
            if at is not None:
                await asyncio.sleep(max(0.0, at - time.time()))
            sent = time.time()
            t0 = time.perf_counter()
            r = await d.client.post(f"/drafts/{pid}/submit", data={"csrf": d.csrf},
                                    follow_redirects=True)
            took = time.perf_counter() - t0
            ok = r.url.path == f"/p/{pid}"
            closed = r.status_code == 409 and "The room is closed" in r.text
            return pid, d.name, sent, took, ok, closed, r.status_code
        alone_submit = [(await submit(base, pid, None))[3] for pid in base_drafts[1:]]
        store = Store(root, NEG)
        deadline = time.time() + 7.0
        stamp = dt.datetime.fromtimestamp(deadline, dt.timezone.utc)
        with store.action("Co-facilitators", "open room") as w:
            store.write_json(w, "state.json", {"open": True, "deadline": stamp.isoformat()})
        rng = random.Random(23)
        cpu = tree_cpu(server)
        rush = await asyncio.gather(*(submit(d, pid, deadline - rng.uniform(0.05, 5.0))
                                      for d, pid in zip(crowd, drafts)))
        rush_cpu = (tree_cpu(server) - cpu) / len(crowd)
        return {"alone": alone, "burst": together, "alone_submit": alone_submit,
                "rush": rush, "deadline": deadline, "burst_cpu": burst_cpu,
                "rush_cpu": rush_cpu, "compiled": compiled}
    finally:
        for c in clients:
            await c.aclose()


def rush_main() -> None:
    """The burst of live previews and the deadline rush, each against the same requests
    made alone in the same run (the baseline). ROOM_BENCH_GIT=1: the room's folder is a git
    repository, so every action is also committed."""
    n = int(setting("ROOM_BENCH_DELEGATIONS", 193))
    on_file = int(setting("ROOM_BENCH_ON_FILE", 965))
    workers = os.environ.get("ROOM_BENCH_WORKERS", "")
    use_git = bool(setting("ROOM_BENCH_GIT", 0))
    exe = shutil.which("assembler") or str(Path(sys.executable).parent / "assembler")
    with tempfile.TemporaryDirectory(prefix="room-rush-") as tmp:
        root = Path(tmp)
        people, changes = prepare(root, n)
        file_proposals(root, changes, n, on_file)
        if use_git:   # every action then also a commit, as in a room kept in git
            git = ["git", "-C", str(root), "-c", "user.name=bench", "-c", "user.email=b@bench"]
            for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "on file"]):
                subprocess.run(git + args, check=True, capture_output=True)
        server, port = start_server(exe, root, ["--workers", workers] if workers else [])
        try:
            time.sleep(1.0)   # every worker up
            start_mem = tree_memory(server.pid)
            r = asyncio.run(burst_and_rush(f"http://127.0.0.1:{port}", root, people, changes, 6,
                                           server.pid))
            end_mem = tree_memory(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
        from assembler.amendments.yamlio import load_proposal
        round_dir = root / "amendments" / NEG / "rev3"
        filed = {p.id: p.proposer for p in map(load_proposal, round_dir.glob("W-*.yaml"))}
        # kept in git: after the server stopped, every submission is in the history
        committed = subprocess.run(["git", "-C", str(root), "log", "--format=%an|%s"],
                                   capture_output=True, text=True).stdout.splitlines() \
            if use_git else []
    rush, deadline = r["rush"], r["deadline"]
    on_time = [x for x in rush if x[2] < deadline]
    refused_on_time = [x for x in on_time if not x[4]]
    accepted = [x for x in rush if x[4]]
    lost = [x for x in accepted if filed.get(x[0]) != x[1]]
    a, b = statistics.median(r["alone"]), r["burst"]
    print(f"{n} delegations, {on_file} proposals on file, server workers: {workers or 'default'}"
          + (", the room kept in git (a commit per action)" if use_git else ""))
    print(f"live preview alone (baseline)   p50 {a * 1000:7.1f} ms")
    print(f"burst of {len(b)} at once          p50 {percentile(b, .5) * 1000:7.1f} ms "
          f"({percentile(b, .5) / a:5.1f}x)   p95 {percentile(b, .95) * 1000:7.1f} ms "
          f"({percentile(b, .95) / a:5.1f}x)   server CPU {r['burst_cpu'] * 1000:5.1f} ms each")
    wall, cpu = statistics.median(w for w, _ in r["compiled"]), \
        statistics.median(c for _, c in r["compiled"])
    print(f"compilation of the {on_file} on file   p50 {wall * 1000:7.1f} ms   server CPU "
          f"{cpu * 1000:5.1f} ms ({wall / a:5.1f}x the live preview alone)")
    s = statistics.median(r["alone_submit"])
    took = [x[3] for x in rush]
    print(f"submit alone (baseline)         p50 {s * 1000:7.1f} ms")
    print(f"deadline rush, {len(rush)} in 5 s      p50 {percentile(took, .5) * 1000:7.1f} ms "
          f"({percentile(took, .5) / s:5.1f}x)   p95 {percentile(took, .95) * 1000:7.1f} ms "
          f"({percentile(took, .95) / s:5.1f}x)   server CPU {r['rush_cpu'] * 1000:5.1f} ms each "
          f"(with the page it leads to)")
    print(f"sent before the deadline {len(on_time)}; refused of those {len(refused_on_time)} "
          f"(goal 0); accepted {len(accepted)}; lost {len(lost)} (goal 0); other answers "
          f"{sorted({x[6] for x in rush if not x[4] and not x[5]})}")
    print(f"server memory (all processes): {start_mem:.0f} MiB after start, {end_mem:.0f} MiB "
          f"at the end ({end_mem / start_mem:.2f}x)")
    uncommitted = [x for x in accepted if f"{x[1]}|room: submit {x[0]}" not in committed]
    if use_git:
        print(f"accepted submissions in the git history after the server stopped: "
              f"{len(accepted) - len(uncommitted)} of {len(accepted)} (goal all)")
    if refused_on_time or lost or uncommitted:
        raise SystemExit(1)
