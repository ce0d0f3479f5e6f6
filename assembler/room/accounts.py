"""Who may enter the room: the co-facilitators and the delegations they invite.

An invitation is a one-time sign-in token; only its SHA-256 is stored (room/<negotiation>/
accounts.json), and it is spent by the first sign-in. Inviting again issues a new token and
ends every session opened before (the account's generation goes up); revoking does the same
and shuts the account out until it is invited again.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import asdict, dataclass, replace

from ..errors import AssemblerError
from .store import Store, Written

CHAIR, DELEGATION = "chair", "delegation"
FILE = "accounts.json"
MAX_NAME = 80
SPENT_KEPT = 3   # spent links recognised per account


@dataclass(frozen=True)
class Account:
    id: str            # 12 hex digits; names the account's private folder
    name: str          # "Delegation A", "Co-facilitators": the proposer's name on its proposals
    role: str          # chair or delegation
    generation: int = 0
    active: bool = True
    token_hash: str = ""
    used: tuple = ()   # hashes of its spent links, the latest few: a re-click is told kindly

    @property
    def chair(self) -> bool:
        return self.role == CHAIR


def check_name(name: str) -> str:
    """A participant's name becomes a proposer in YAML files and a git author: one line,
    printable, bounded."""
    name = " ".join((name or "").split())
    if not name:
        raise AssemblerError("the name is empty", hint='give a name such as "Delegation A"')
    if len(name) > MAX_NAME:
        raise AssemblerError(f"the name is {len(name)} characters long",
                             hint=f"give at most {MAX_NAME}")
    if any(unicodedata.category(ch)[0] == "C" for ch in name):
        raise AssemblerError("the name holds control characters", hint="type it plainly")
    if not any(ch.isalnum() for ch in name):
        raise AssemblerError(f"'{name}' has no letters or digits", hint='e.g. "Delegation A"')
    return name


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Accounts:
    def __init__(self, store: Store):
        self.store = store

    def all(self) -> list[Account]:
        return [Account(**{**a, "used": tuple(a.get("used", ()))})
                for a in self.store.read_json(FILE, {"accounts": []})["accounts"]]

    def get(self, account_id: str) -> Account | None:
        return next((a for a in self.all() if a.id == account_id), None)

    def by_name(self, name: str) -> Account | None:
        key = " ".join(name.split()).casefold()
        return next((a for a in self.all() if a.name.casefold() == key), None)

    def delegations(self) -> list[Account]:
        return [a for a in self.all() if a.role == DELEGATION and a.active]

    def _save(self, w: Written, accounts: list[Account]) -> None:
        self.store.write_json(w, FILE, {"accounts": [asdict(a) for a in accounts]})

    def invite(self, actor: str, name: str, role: str = DELEGATION) -> tuple[Account, str]:
        """A new account, or a new token for an existing one (its old sessions end)."""
        name = check_name(name)
        token = secrets.token_urlsafe(32)
        with self.store.action(actor, "invite", name) as w:
            accounts = self.all()
            old = self.by_name(name)
            if old is not None and old.role != role:
                raise AssemblerError(f"'{old.name}' is already in the room as "
                                     f"{'a co-facilitator' if old.chair else 'a delegation'}",
                                     hint="choose another name")
            if old is None:
                taken = {a.id for a in accounts}
                new_id = secrets.token_hex(6)
                while new_id in taken:
                    new_id = secrets.token_hex(6)
                account = Account(new_id, name, role, 0, True, token_hash(token))
                accounts.append(account)
            else:
                account = replace(old, generation=old.generation + 1, active=True,
                                  token_hash=token_hash(token))
                accounts = [account if a.id == old.id else a for a in accounts]
            self._save(w, accounts)
            w.detail = role
        return account, token

    def revoke(self, actor: str, name: str) -> Account:
        old = self.by_name(name)
        if old is None:
            raise AssemblerError(f"nobody called '{name}' is in the room",
                                 hint="see who is with 'assembler room list'")
        with self.store.action(actor, "revoke", old.name) as w:
            account = replace(old, generation=old.generation + 1, active=False, token_hash="")
            self._save(w, [account if a.id == old.id else a for a in self.all()])
        return account

    def redeem(self, token: str) -> Account | None:
        """The account a sign-in token opens, spending the token; None if no account has it."""
        if not token or len(token) > 200:
            return None
        digest = token_hash(token)
        match = next((a for a in self.all() if a.active and a.token_hash
                      and hmac.compare_digest(a.token_hash, digest)), None)
        if match is None:
            return None
        try:
            with self.store.action(match.name, "sign in") as w:
                current = self.get(match.id)
                if current is None or current.token_hash != digest or not current.active:
                    raise _Spent  # spent meanwhile by another request: nothing is written
                account = replace(current, token_hash="",
                                  used=(digest,) + current.used[:SPENT_KEPT - 1])
                self._save(w, [account if a.id == current.id else a for a in self.all()])
        except _Spent:
            return None
        return account


    def spent(self, token: str) -> bool:
        """Whether `token` is a link that worked once and has been used: no guess, so it
        does not count towards the sign-in limit."""
        if not token or len(token) > 200:
            return False
        digest = token_hash(token)
        return any(hmac.compare_digest(u, digest) for a in self.all() for u in a.used)


class _Spent(Exception):
    pass
