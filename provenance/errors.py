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


# The one wording of an empty file, wherever it is found: classifying an archive's file
# (provenance.io.archive.kind_of), checking a source (provenance.io.inputs) or reading an article's image.
EMPTY_FILE = "is empty (0 bytes)"


SHOWN = 40  # the most characters of a client's name or value an error echoes


def shown(value: str) -> str:
    """A name or value sent by a client, as an error quotes it: cut to SHOWN characters (a hostile query string is
    not echoed whole)."""
    return repr(value if len(value) <= SHOWN else value[:SHOWN] + "…")


class UnknownNames(ProvenanceError):
    """A request named keys or parameters that mean nothing where they were sent (a misspelt `texts`):
    names them and every accepted one, instead of ignoring them."""

    def __init__(self, what: str, unknown: list[str], accepted: list[str] | tuple[str, ...]) -> None:
        self.what, self.unknown, self.accepted = what, sorted(unknown), sorted(accepted)
        named = ", ".join(shown(n) for n in self.unknown[:5])  # at most five names, each cut short
        if len(self.unknown) > 5:
            named += f" and {len(self.unknown) - 5} more"
        listed = ", ".join(self.accepted) if self.accepted else "none"
        plural = "s" if len(self.unknown) > 1 else ""
        super().__init__(f"unknown {what}{plural} {named}; the accepted {what}s: {listed}")


class ProfileError(ProvenanceError):
    """A usage profile file is broken: names the file, the key and the problem."""

    def __init__(self, file: str, key: str | None, problem: str) -> None:
        self.file, self.key, self.problem = file, key, problem
        super().__init__(f"{file}: {key}: {problem}" if key else f"{file}: {problem}")


class XmpError(ProvenanceError):
    """An XMP packet that is not well-formed or not safe to parse."""


class StoreError(ProvenanceError):
    """The database cannot be opened or upgraded: names the URL (password hidden)."""


class OptionError(ProvenanceError, ValueError):
    """A library call was given an option outside its choices (a medium, a report format, an
    article kind): names the option, the value and the choices."""

    def __init__(self, option: str, value: object, choices: tuple[str, ...] | list[str]) -> None:
        self.option, self.value, self.choices = option, value, tuple(choices)
        super().__init__(f"{option} must be one of {', '.join(self.choices)}, not {value!r}")


class FieldErrors(ProvenanceError):
    """A form or JSON body has wrong fields: one message per field name, shown next to the field."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))


class FetchError(ProvenanceError):
    """A URL was refused by the fetch guard, or fetching it failed: names the URL and the rule."""

    def __init__(self, url: str, rule: str, problem: str) -> None:
        self.url = url
        self.rule = rule
        self.problem = problem
        super().__init__(f"{url}: {problem}")
