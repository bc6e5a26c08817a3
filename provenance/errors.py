"""One exception tree. The CLI and the web app translate it at the edge."""

from __future__ import annotations


class ProvenanceError(Exception):
    """Base of every error the library raises on purpose."""


class CatalogError(ProvenanceError):
    """A catalog file is broken: names the file, the entry and the problem."""

    def __init__(self, file: str, entry: str | None, problem: str) -> None:
        self.file = file
        self.entry = entry
        self.problem = problem
        where = f"{file}: entry {entry!r}" if entry else file
        super().__init__(f"{where}: {problem}")


class InputError(ProvenanceError):
    """A user's input cannot be read: names the path and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")
