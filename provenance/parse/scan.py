"""Faster scans with the same matches: a pattern led by a look-ahead for the characters a match can start with.

Python's regex engine tries every alternative of a pattern at every position of the text; under
IGNORECASE it cannot even skip an alternative by its first letter. A pattern of many lead-in
phrases therefore costs about a microsecond per word of text. `with_first_chars(pattern)` reads
the pattern's parse tree for the characters any match must start with and compiles
`(?=[those characters])(?:pattern)` with the same flags: positions where no match can start
fail at one character test, and every match (its span and its groups) is what the pattern
itself finds. A pattern whose first character cannot be told (one that can match the empty
string, starts with any character, a negated class or a back-reference) is returned as it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # the parse tree's opcodes (CPython)
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


class _Unknown(Exception):
    """The first character of a match cannot be told from this part of the pattern."""


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` led by a look-ahead for the characters its matches start with (the same matches), or
    `pattern` itself when they cannot be told."""
    try:
        items, nullable = _first(_parser.parse(pattern.pattern, pattern.flags).data, pattern.flags)
    except (_Unknown, re.error):
        return pattern
    if nullable or not items:
        return pattern
    ignore = bool(pattern.flags & re.IGNORECASE)
    same = "".join(text for case, text in items if case == ignore)
    other = "".join(text for case, text in items if case != ignore)
    scoped = f"(?{'-' if ignore else ''}i:[{other}])" if other else ""
    ahead = "|".join(part for part in (f"[{same}]" if same else "", scoped) if part)
    body = _GLOBAL_FLAGS.sub("", pattern.pattern)
    end = "\n)" if pattern.flags & re.VERBOSE else ")"  # a verbose pattern's last comment ends at a new line
    try:
        return re.compile(f"(?={ahead})(?:{body}{end}", pattern.flags)
    except re.error:
        return pattern


def _first(data: list[tuple[Any, Any]], flags: int) -> tuple[set[tuple[bool, str]], bool]:
    """(the character classes a match of this sequence can start with, each with its IGNORECASE
    setting; whether the sequence can match the empty string)."""
    found: set[tuple[bool, str]] = set()
    for op, av in data:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return found | {(bool(flags & re.IGNORECASE), _char(av))}, False
        if op is sre.IN:
            return found | {(bool(flags & re.IGNORECASE), _class(av))}, False
        if op is sre.SUBPATTERN:
            _, add, remove, inner = av
            if (add | remove) & (re.ASCII | re.LOCALE):
                raise _Unknown
            items, nullable = _first(inner.data, (flags | add) & ~remove)
        elif op is sre.BRANCH:
            parts = [_first(alternative.data, flags) for alternative in av[1]]
            items = set().union(*(p[0] for p in parts))
            nullable = any(p[1] for p in parts)
        elif op in _REPEATS:
            low, _, inner = av
            items, nullable = _first(inner.data, flags)
            nullable = nullable or low == 0
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            items, nullable = _first(av.data, flags)
        else:
            raise _Unknown  # any character, a negated literal, a back-reference, a conditional group
        found |= items
        if not nullable:
            return found, False
    return found, True


def _char(code: int) -> str:
    return re.escape(chr(code))


def _class(items: list[tuple[Any, Any]]) -> str:
    parts = []
    for op, av in items:
        if op is sre.LITERAL:
            parts.append(_char(av))
        elif op is sre.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _Unknown  # a negated class: its complement is no short list
    return "".join(parts)
