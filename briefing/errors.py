"""Located, Danish user errors: every problem names file, line, column and field."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """A place in a user's file; line and column are 1-based, 0 when unknown."""

    file: Path | None = None
    line: int = 0
    column: int = 0

    def describe(self, root: Path | None = None) -> str:
        """Return `file:line:col` with the file shown relative to `root` when possible."""
        if self.file is None:
            return ""
        name = _relative(self.file, root)
        if self.line:
            return f"{name}:{self.line}:{self.column}"
        return name


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        for shown, base in ((path.absolute(), root.absolute()), (path.resolve(), root.resolve())):
            try:  # the path as written first: a symlink is named where it stands, not where it points
                return shown.relative_to(base).as_posix()
            except ValueError:
                pass
    return path.as_posix()


def field_name(path: Sequence[str | int]) -> str:
    """A field path as a user reads it: ('items', 1, 'text') -> 'items[2].text' (lists count from 1)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass(frozen=True)
class Problem:
    """One finding: an error stops the build, a warning is reported and the build goes on."""

    message: str
    location: Location = field(default_factory=Location)
    field: str = ""
    severity: str = "fejl"  # "fejl" or "advarsel"

    def render(self, root: Path | None = None) -> str:
        parts = [p for p in (self.location.describe(root), self.field) if p]
        prefix = ": ".join(parts)
        text = f"{prefix}: {self.message}" if prefix else self.message
        return f"advarsel: {text}" if self.severity == "advarsel" else text


class BriefingError(Exception):
    """User-facing failure carrying one or more located Danish problems."""

    def __init__(self, problems: Problem | Sequence[Problem]):
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(p.render() for p in self.problems))

    def render(self, root: Path | None = None) -> str:
        return "\n".join(p.render(root) for p in self.problems)

    def __reduce__(self):
        # Rebuilt from its problems when it crosses from a batch worker to the main process, not from its text.
        return (type(self), (self.problems,))


def fail(message: str, location: Location | None = None, field: str = "") -> BriefingError:
    """Return (for `raise`) an error with a single problem."""
    return BriefingError(Problem(message, location or Location(), field))


class Problems:
    """Collects problems from several stages so all are shown together."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, message: str, location: Location | None = None, field: str = "", *, warning: bool = False) -> None:
        self.items.append(Problem(message, location or Location(), field, "advarsel" if warning else "fejl"))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "fejl"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "advarsel"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise BriefingError(self.errors)


def suggest(word: str, known: Iterable[str]) -> str:
    """Return ' (mente du 'x'?)' for a near miss among `known`, else ''."""
    match = difflib.get_close_matches(str(word), list(known), n=1, cutoff=0.6)
    return f" (mente du '{match[0]}'?)" if match else ""


def known_list(known: Iterable[str]) -> str:
    """Return the allowed values as a short Danish list for messages."""
    return ", ".join(sorted(str(k) for k in known))
