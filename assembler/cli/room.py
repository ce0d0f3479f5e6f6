"""The negotiation room on the web: `serve`, and `room init|invite|revoke|list`."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import AssemblerError
from .common import app, say, verb

room_app = typer.Typer(help="Who may enter the negotiation room: co-facilitators and invited "
                            "delegations.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(room_app, name="room")

ROOT_HELP = "the folder holding drafts/ and amendments/ (default: the current folder)"


def _store(negotiation: Optional[str], root: Path):
    from ..room.store import Store
    if not (root / "drafts").is_dir():
        raise AssemblerError(f"no drafts/ folder in {root.resolve()}",
                             hint="give --root FOLDER, the folder holding drafts/ and "
                                  "amendments/ (or run this there)")
    if not negotiation:  # the only room set up under room/
        rooms = sorted(p.name for p in (root / "room").glob("*") if (p / "secret.key").is_file())
        if len(rooms) != 1:
            raise AssemblerError("say which negotiation's room" if rooms else
                                 f"no room is set up in {root.resolve()}",
                                 hint="add --negotiation NAME" if rooms else
                                      "give --root FOLDER where 'assembler room init' set one "
                                      "up, or run 'assembler room init NEGOTIATION' first")
        negotiation = rooms[0]
    return Store(root, negotiation)


def _link(store, url: Optional[str], token: str) -> str:
    """A sign-in link: at --url if given, else where `serve` last served the room, else at
    the address `serve` uses by default."""
    url = url or store.read_json("served.json", {}).get("url") or DEFAULT_URL
    return f"{url.rstrip('/')}/signin/{token}"


DEFAULT_URL = "http://127.0.0.1:8000"
URL_HELP = "where the room is served (default: where 'serve' last served it, else " + \
    DEFAULT_URL + ")"


@room_app.command("init")
@verb
def init(
    negotiation: str = typer.Argument(..., help="the negotiation (a folder under drafts/)"),
    name: str = typer.Option("Co-facilitators", help="the co-facilitators' account name"),
    url: Optional[str] = typer.Option(None, help=URL_HELP),
    root: Path = typer.Option(Path("."), help=ROOT_HELP),
):
    """Set up the room of a negotiation (room/<negotiation>/) and print the co-facilitators'
    one-time sign-in link.

    Example: assembler room init gcm-modalities
    """
    from ..room.accounts import CHAIR, Accounts
    store = _store(negotiation, root)
    if store.initialised and Accounts(store).by_name(name) is not None:
        # a second init would silently replace the co-facilitators' link
        raise AssemblerError(f"the room of {store.name} is set up already in {store.room_dir}",
                             hint=f"for a new sign-in link (it ends the old one's sessions): "
                                  f"assembler room invite --chair \"{name}\"")
    with store.action(name, "init room") as w:
        store.init(w)
    account, token = Accounts(store).invite(name, name, CHAIR)
    say(f"room of {store.name} is ready in {store.room_dir}")
    typer.echo(f"{account.name}: {_link(store, url, token)}")


@room_app.command("invite")
@verb
def invite(
    name: str = typer.Argument(..., help='the delegation, e.g. "Delegation A"'),
    chair: bool = typer.Option(False, "--chair", help="a co-facilitator, not a delegation"),
    negotiation: Optional[str] = typer.Option(None, "--negotiation", "-n",
                                              help="the negotiation (default: the only room)"),
    url: Optional[str] = typer.Option(None, help=URL_HELP),
    root: Path = typer.Option(Path("."), help=ROOT_HELP),
):
    """Invite a delegation (or a co-facilitator) and print its one-time sign-in link.
    Inviting again gives a new link and ends the sessions opened with the old one.

    Example: assembler room invite "Delegation A"
    """
    from ..room.accounts import CHAIR, DELEGATION, Accounts
    store = _store(negotiation, root)
    store.secret_key()  # the room must be set up
    account, token = Accounts(store).invite("Co-facilitators", name,
                                            CHAIR if chair else DELEGATION)
    typer.echo(f"{account.name}: {_link(store, url, token)}")


@room_app.command("revoke")
@verb
def revoke(
    name: str = typer.Argument(..., help="who leaves the room"),
    negotiation: Optional[str] = typer.Option(None, "--negotiation", "-n"),
    root: Path = typer.Option(Path("."), help=ROOT_HELP),
):
    """Shut an account out of the room at once (its sessions end; its files stay).

    Example: assembler room revoke "Delegation A"
    """
    from ..room.accounts import Accounts
    store = _store(negotiation, root)
    account = Accounts(store).revoke("Co-facilitators", name)
    say(f"{account.name} can no longer enter the room")


@room_app.command("list")
@verb
def list_(
    negotiation: Optional[str] = typer.Option(None, "--negotiation", "-n"),
    root: Path = typer.Option(Path("."), help=ROOT_HELP),
):
    """Who may enter the room.

    Example: assembler room list
    """
    from ..room.accounts import Accounts
    for a in Accounts(_store(negotiation, root)).all():
        state = "revoked" if not a.active else "invited" if a.token_hash else "signed in"
        typer.echo(f"{a.name}\t{'co-facilitators' if a.chair else 'delegation'}\t{state}")


@app.command()
@verb
def serve(
    negotiation: str = typer.Argument(..., help="the negotiation (a folder under drafts/)"),
    host: str = typer.Option("127.0.0.1", help="the address to listen on"),
    port: int = typer.Option(8000, help="the port"),
    root: Path = typer.Option(Path("."), help=ROOT_HELP),
    secure_cookies: bool = typer.Option(False, "--secure-cookies",
                                        help="mark cookies Secure (behind an HTTPS proxy)"),
    workers: int = typer.Option(0, help="server processes over the same files and locks "
                                        "(default: one per CPU core, at most 8)"),
    proxy: str = typer.Option("", "--proxy", metavar="ADDRESS",
                              help="the reverse proxy in front of the room (e.g. 127.0.0.1): "
                                   "only its X-Forwarded-For is believed; by default none is"),
):
    """Open the negotiation room in a browser: delegations read, propose, preview and submit;
    co-facilitators compile, decide and issue the next version. Over the same files as the
    command line.

    Example: assembler serve gcm-modalities --port 8000
    """
    import os
    import uvicorn
    from ..room.app import ENV_NEGOTIATION, ENV_ROOT, ENV_SECURE
    store = _store(negotiation, root)
    store.secret_key()  # the room must be set up: said here, once, not by every worker
    if workers < 0:
        raise AssemblerError(f"--workers {workers}: give a number of processes, 1 or more")
    workers = workers or min(len(os.sched_getaffinity(0)), 8)   # the cores it may use
    # every worker builds the same application from these (uvicorn starts them by name)
    os.environ.update({ENV_ROOT: str(store.root), ENV_NEGOTIATION: store.name,
                       ENV_SECURE: "1" if secure_cookies else ""})
    served = f"http://{host}:{port}"
    before = store.read_json("served.json", {}).get("url")
    if before != served:   # links printed from now on point here
        with store.action("Co-facilitators", "serve", served) as w:
            store.write_json(w, "served.json", {"url": served})
    if before and before != served:
        say(f"note: earlier sign-in links were printed for {before}; open them at {served} "
            f"instead")
    say(f"the room of {store.name} on {served}/ with {workers} worker "
        f"process(es) (Ctrl-C to stop)")
    # connections kept open while a delegation reads and types (htmx asks again and again)
    # the sign-in limit counts by address: a client's own X-Forwarded-For is never believed
    # (uvicorn would believe any from 127.0.0.1), only the configured proxy's
    from ..room.web import StampedH11   # a request's arrival stamped as it is read
    uvicorn.run("assembler.room.app:from_environment", factory=True, workers=workers,
                http=StampedH11,
                host=host, port=port, log_level="warning", access_log=False,
                timeout_keep_alive=30, proxy_headers=bool(proxy),
                forwarded_allow_ips=proxy or None)
