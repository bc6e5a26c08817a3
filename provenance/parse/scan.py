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
from collections.abc import Sequence
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


def dispatched(alternatives: Sequence[str], flags: int) -> str:
    """`'|'.join(alternatives)` written so that, at a position, only the alternatives that can start with its
    character are tried: one look-ahead per group of characters, each group holding, in their order, the
    alternatives that can start with one of its characters (the same matches: where several alternatives could
    match, they stand in the same group in the order they had). The engine tries every alternative of a plain
    join at every position it enters; a scan of a hundred lead-ins paid for each word. The plain join where an
    alternative's first character cannot be told (or a class is too wide to list)."""
    plain = "|".join(alternatives)
    ignore = bool(flags & re.IGNORECASE)
    starts: list[set[str]] = []
    for alternative in alternatives:
        try:
            items, nullable = _first(_parser.parse(alternative, flags).data, flags)
            chars = set().union(*(_chars(text, ignore, case) for case, text in items)) if items else set()
        except (_Unknown, re.error):
            return plain
        if nullable or not chars:
            return plain
        starts.append(chars)
    groups: dict[tuple[int, ...], list[str]] = {}
    for char in sorted(set().union(*starts)):
        groups.setdefault(tuple(n for n, chars in enumerate(starts) if char in chars), []).append(char)
    return "|".join(
        f"(?=[{''.join(re.escape(c) for c in chars)}])(?:{'|'.join(alternatives[n] for n in members)})"
        for members, chars in groups.items()
    )


def _chars(text: str, ignore: bool, case: bool) -> set[str]:
    """The characters of a class text (_class's output: literals, ranges, no categories). Under a pattern that
    ignores case, lower-cased (its look-ahead matches both cases); a part that ignores case in a pattern that
    does not, both cases."""
    parsed = _parser.parse(f"[{text}]")
    found: set[str] = set()
    for op, av in parsed.data[0][1] if parsed.data[0][0] is sre.IN else [parsed.data[0]]:
        if op is sre.LITERAL:
            codes = [av]
        elif op is sre.RANGE and av[1] - av[0] <= 256:
            codes = list(range(av[0], av[1] + 1))
        else:
            raise _Unknown  # a category or a wide range: no short list
        for code in codes:
            char = chr(code)
            variants = [char.lower()] if ignore else [char, char.lower(), char.upper()] if case else [char]
            if any(len(v) != 1 for v in variants):  # 'İ' lower-cases to two characters: its own look-ahead
                raise _Unknown
            found.update(variants)
    return found
