"""[edge] The archive's filters, read from a query string: checked strictly for the API (an unknown
status or sort is an error naming the parameter), leniently for the pages (a wrong value falls back)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from provenance.catalog.names import fold_search
from provenance.errors import InputError

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
STATUSES = ("error", "warning", "info", "ok")
SORTS = ("article", "creator", "license", "status")
PER_PAGE = 50
MOST_PER_PAGE = 500
TEXT_FIELDS = ("q", "code", "license", "source", "article")


@dataclass(frozen=True)
class Filters:
    q: str = ""
    status: str = ""
    code: str = ""
    license: str = ""
    source: str = ""
    article: str = ""
    sort: str = "article"
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def folded_q(self) -> str:
        return fold_search(self.q)

    @classmethod
    def from_args(cls, args: Mapping[str, Any], strict: bool = False) -> Filters:
        """The filters of a query string; `strict` raises InputError naming a wrong parameter."""
        # a NUL is dropped: PostgreSQL's text cannot hold one (a 500), and SQLite's LIKE ends the pattern there
        # ('jpg<NUL>zzz' found every record ending in 'jpg')
        text = {name: str(args.get(name, "")).replace("\x00", "").strip() for name in TEXT_FIELDS}
        return cls(**text, status=_choice(args, "status", ("", *STATUSES), "", strict),
                   sort=_choice(args, "sort", SORTS, "article", strict),
                   page=_number(args, "page", 1, 1_000_000, strict),
                   per_page=_number(args, "per_page", PER_PAGE, MOST_PER_PAGE, strict))

    def query(self) -> dict[str, str]:
        """The filters as query parameters (without the page), for links."""
        shown = {k: str(v) for k, v in self.__dict__.items() if v and k not in ("page", "per_page")}
        return {**shown, "per_page": str(self.per_page)} if self.per_page != PER_PAGE else shown


def _choice(args: Mapping[str, Any], name: str, allowed: tuple[str, ...], default: str, strict: bool) -> str:
    value = str(args.get(name, default))
    if value in allowed:
        return value
    if strict:
        raise InputError(name, f"must be one of {', '.join(a for a in allowed if a)}, not {value!r}")
    return default


def _number(args: Mapping[str, Any], name: str, default: int, most: int, strict: bool) -> int:
    raw = args.get(name, default)
    try:
        number = int(raw)
    except (TypeError, ValueError):
        if strict:
            raise InputError(name, f"must be a whole number, not {raw!r}") from None
        return default
    if strict and not 1 <= number <= most:
        raise InputError(name, f"must be between 1 and {most}, not {number}")
    return max(1, min(number, most))
