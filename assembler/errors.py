"""Errors that carry where the problem is and what the user can do about it."""
from __future__ import annotations

from dataclasses import dataclass


def one_line(text: str) -> str:
    """Line breaks and other control characters shown as escapes: a message quoting what a
    user typed (an id holding a line break) stays one line on the terminal."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


class AssemblerError(Exception):
    """Bad input: the CLI prints `str(err)` on one line and exits 2."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 unit: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.unit = unit
        self.hint = hint

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file + (f":{self.line}" if self.line else ""))
        elif self.line:
            parts.append(f"line {self.line}")
        if self.unit:
            parts.append(f"unit {self.unit}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text

    def located(self, file: str) -> "AssemblerError":
        """The same error, naming the file when the raiser did not know it."""
        if not self.file:
            self.file = file
        return self


class ProblemsFound(AssemblerError):
    """The input was readable but not acceptable (conflicts, failed checks): exit 1."""

    exit_code = 1


class Problems(AssemblerError):
    """Several problems found at once (every instruction of every proposal is tried before
    any is reported): each is an AssemblerError of its own, printed on its own line; the
    exit code is bad input (2) when any problem is, else 1."""

    def __init__(self, problems: list[AssemblerError]):
        self.problems = list(problems)
        self.exit_code = max(p.exit_code for p in self.problems)
        super().__init__(f"{len(self.problems)} problems; nothing was written",
                         hint="each is on a line above, with its file, line and instruction")

    @staticmethod
    def of(problems: list[AssemblerError]) -> AssemblerError:
        """The one problem itself, or all of them."""
        return problems[0] if len(problems) == 1 else Problems(problems)


@dataclass(frozen=True)
class Warning_:
    """Something a reader kept as text because it could not interpret it."""
    message: str
    line: int | None = None
    file: str | None = None

    def __str__(self) -> str:
        where = (self.file or "") + (f":{self.line}" if self.line else "")
        return f"{where}: warning: {self.message}" if where else f"warning: {self.message}"
