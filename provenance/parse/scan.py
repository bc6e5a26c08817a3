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

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
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
    same = "".join(sorted(text for case, text in items if case == ignore))  # one text in every run
    other = "".join(sorted(text for case, text in items if case != ignore))
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


def by_first_letter(words: Sequence[str]) -> str:
    """`'|'.join(words)` for alternatives that each open with a letter written plainly (a pattern without IGNORECASE),
    as one alternative per first letter: 'archiv|arkiv|biblio' -> 'a(?:rchiv|rkiv)|b(?:iblio)'. The same matches (at
    one position only the alternatives of its letter can match, and they keep their order), and the engine, which
    passes over an alternative led by a literal at one character test, tests each first letter once instead of
    each word."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if not word[:1].isalpha():
            raise ValueError(f"{word!r} does not open with a letter")
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())


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


# Gated scans of a long text. The engine enters a pattern at every position whose character can start a match (under
# IGNORECASE nearly every letter a lead-in starts with) and tries its alternatives there: about a microsecond per word
# of a caption for the lead-ins. A gate lists the first characters of every match, two or three of them, as lower-case
# strings (read from the pattern's parse tree; a superset: assertions are left out, and a class too wide to list ends
# a string). The text lowered (every character one character: then a position in it is one in the text) is scanned
# for those strings by a pattern with no IGNORECASE, and the pattern is tried only at the positions found, in order:
# the leftmost match from a position is the first found position's match, and `match` at a position reads the text
# before it as `finditer`'s search does (look-behinds, \b). Under IGNORECASE an ASCII letter matches only its two
# cases among ASCII characters, and among the others only 'K' (the Kelvin sign, lowered to 'k'), 'ı', 'ſ' and 'İ'
# (which lowers to two characters): a text holding 'ı' or 'ſ', or whose lowered form has another length, is scanned
# as it is. Any character outside ASCII is a position to try where a pattern can start with one.
# A shorter text is scanned as it is: a process compiles its gates when a text this long first asks (about 2.5 ms of
# CPU from scan_gates.py; checking a text of this length takes some 35 ms, of which they save about 3).
GATE_MIN_CHARS = 10_000
_GATE_DEPTHS = (4, 3, 2)  # characters a gate asks for, the most that keeps its strings under _GATE_LIMIT
_GATE_WIDE = 12  # a class of more characters than this ends a gate's string (at the first character: no gate)
_GATE_LIMIT = 6000  # strings at most; a pattern with more is scanned as it is
_ASCII_TEXT = "".join(chr(code) for code in range(128))
_OUTSIDE = "\x80"  # in a gate's string: any character outside ASCII
_KELVIN = "\u212a"
_DENSE_TRIES = 64  # positions tried before a gate's density is judged
_DENSE_CHARS = 16  # a gate finding a position every this many characters or more often is left for the pattern's scan
_Item = tuple[bool, str]  # (whether the class is read ignoring case, its text)
_Prefix = tuple[tuple[_Item, ...], bool]  # (the classes a match starts with, whether more may be asked after them)


class _Wide(Exception):
    """A class too wide to list."""


def gate_of(pattern: re.Pattern[str], depth: int, tree: Any = None) -> re.Pattern[str] | None:
    """A pattern (no IGNORECASE) that matches, in the lowered text, at least at every position where `pattern` can
    start a match, consuming one character; None when that cannot be told, or only by a class too wide. `tree`:
    the pattern's parse tree, where the caller has it."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags) if tree is None else tree
        prefixes = _prefixes(tree.data, pattern.flags, depth)
        if not prefixes or any(not items for items, _ in prefixes):
            return None  # a match can be empty, or can start with a character no class lists
        strings: set[str] = set()
        for items, _ in prefixes:
            sets: list[frozenset[str]] = []
            for at, item in enumerate(items):
                try:
                    sets.append(_lowered(item))
                except _Wide:
                    if at == 0:
                        return None
                    break
            found = {""}
            for chars in sets:
                found = {head + char for head in found for char in chars}
                if len(found) > _GATE_LIMIT:
                    return None
            strings |= found
            if len(strings) > _GATE_LIMIT:
                return None
    except (_Unknown, re.error, RecursionError):
        return None
    trie: dict[str, Any] = {}  # a node holding "" ends a string: what longer strings ask after it is not asked
    for string in sorted(strings, key=lambda string: (len(string), string)):  # the same text in every run
        node = trie
        for char in string:
            if "" in node:
                break
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = {}
    parts = [first + (f"(?={rest})" if rest else "") for rest, first in _grouped(trie)]
    return re.compile("|".join(parts)) if parts else None


def _grouped(trie: dict[str, Any]) -> list[tuple[str, str]]:
    """A node's children as (what follows, the class of the characters it follows), the characters followed by the
    same rest written as one class."""
    by_rest: dict[str, list[str]] = {}
    for char, rest in trie.items():
        by_rest.setdefault("" if "" in rest else _gate_alternation(rest), []).append(char)
    return [(rest, _gate_class(chars)) for rest, chars in by_rest.items()]


def _gate_alternation(trie: dict[str, Any]) -> str:
    parts = [first + rest for rest, first in _grouped(trie)]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _gate_class(chars: list[str]) -> str:
    """The characters as a class; with _OUTSIDE, as the ASCII characters not listed, negated (a range to U+10FFFF
    is slow to compile)."""
    if _OUTSIDE not in chars:
        return re.escape(chars[0]) if len(chars) == 1 else f"[{''.join(re.escape(char) for char in chars)}]"
    others = [ord(char) for char in _ASCII_TEXT if char not in chars]
    runs: list[list[int]] = []
    for code in others:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    written = "".join(f"\\x{low:02x}" + (f"-\\x{high:02x}" if high > low else "") for low, high in runs)
    return f"[^{written}]" if written else "(?s:.)"


@lru_cache(maxsize=4096)
def _lowered(item: _Item) -> frozenset[str]:
    """The ASCII characters a class matches, lowered (asked of the engine itself), and _OUTSIDE when it may match a
    character outside ASCII (all of which lower to characters outside ASCII but the Kelvin sign, 'k')."""
    ignore, text = item
    chars = set(re.findall(f"(?{'' if ignore else '-'}i:[{text}])", _ASCII_TEXT + _KELVIN))
    if len(chars) > _GATE_WIDE:
        raise _Wide
    found = {char.lower() for char in chars}  # the Kelvin sign, the one character outside ASCII lowered into it: 'k'
    parsed = _parser.parse(f"[{text}]")
    for op, av in parsed.data[0][1] if parsed.data[0][0] is sre.IN else [parsed.data[0]]:
        if op is sre.LITERAL and av < 128 or op is sre.RANGE and av[1] < 128:
            continue
        found.add(_OUTSIDE)  # a character outside ASCII, or a category (\s: the spaces outside ASCII too)
        break
    return frozenset(found)


def _prefixes(data: list[tuple[Any, Any]], flags: int, depth: int) -> set[_Prefix]:
    """The first `depth` classes of the matches of a sequence (fewer where it can end, or where a character
    cannot be listed: then nothing more is asked)."""
    found: set[_Prefix] = {((), True)}
    for op, av in data:
        if not any(more and len(items) < depth for items, more in found):
            break
        if op in _ZERO_WIDTH:
            continue
        found = _concat(found, _op_prefixes(op, av, flags, depth), depth)
    return found


def _concat(first: set[_Prefix], second: set[_Prefix], depth: int) -> set[_Prefix]:
    joined: set[_Prefix] = set()
    for items, more in first:
        if not more or len(items) >= depth:
            joined.add((items[:depth], False))
            continue
        for tail, goes_on in second:
            both = items + tail
            joined.add((both[:depth], False) if len(both) >= depth else (both, goes_on))
    if len(joined) > _GATE_LIMIT:
        raise _Unknown
    return joined


def _op_prefixes(op: Any, av: Any, flags: int, depth: int) -> set[_Prefix]:
    ignore = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL:
        return {(((ignore, _char(av)),), True)}
    if op is sre.IN:
        try:
            return {(((ignore, _class(av)),), True)}
        except _Unknown:
            return {((), False)}
    if op is sre.SUBPATTERN:
        _, add, remove, inner = av
        if (add | remove) & (re.ASCII | re.LOCALE):
            return {((), False)}
        return _prefixes(inner.data, (flags | add) & ~remove, depth)
    if op is sre.BRANCH:
        return set().union(*(_prefixes(alternative.data, flags, depth) for alternative in av[1]))
    if op in _REPEATS:
        low, high, inner = av
        once = _prefixes(inner.data, flags, depth)
        found: set[_Prefix] = {((), True)} if low == 0 else set()
        current: set[_Prefix] = {((), True)}
        for count in range(1, min(high, depth) + 1):
            current = _concat(current, once, depth)
            if count >= min(low, depth):
                found |= current
        return found
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _prefixes(av.data, flags, depth)
    return {((), False)}  # any character, a negated literal, a back-reference: nothing more is asked


_GATES: dict[re.Pattern[str], re.Pattern[str] | None] = {}


def gate_key(pattern: re.Pattern[str]) -> str:
    """A pattern's key in the stored gates (scan_gates.py): a digest of its text and flags."""
    return hashlib.sha256(f"{pattern.flags}:{pattern.pattern}".encode()).hexdigest()[:24]


def _gate(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The gate of a pattern, compiled when a long text first asks for it: from its text stored in scan_gates.py
    (written by scripts/write_scan_gates.py), else built (about 40 ms for the lead-ins, most of it reading the
    pattern's parse tree; a pattern edited since the table was written is built, and a test asks for the table
    to be written again)."""
    if pattern not in _GATES:
        from provenance.parse.scan_gates import GATES  # noqa: PLC0415  (read only when a long text asks)

        stored = GATES.get(gate_key(pattern))
        if stored is not None:
            _GATES[pattern] = re.compile(stored) if stored else None
            return _GATES[pattern]
        _GATES[pattern] = built_gate(pattern)
    return _GATES[pattern]


def built_gate(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The gate of a pattern read from its parse tree: of the most characters that keep it under _GATE_LIMIT."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    return next((gate for depth in _GATE_DEPTHS if (gate := gate_of(pattern, depth, tree)) is not None), None)


_GATES_BY_ID: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def gate_passes(pattern: re.Pattern[str], text: str) -> bool:
    """False only where `pattern.match(text)` finds nothing: its gate (as `gated_finditer` reads it) finds no place at
    the start of the text lowered. A text of any length is asked (a short one too: one match of the gate, where the
    pattern may try a hundred alternatives); a text holding 'ı' or 'ſ', or whose lowered form has another length, and
    a pattern with no gate pass."""
    known = _GATES_BY_ID.get(id(pattern))  # (a compiled pattern's hash reads its whole code: 120 KB for LEAD_IN_TEXT)
    if known is None:
        known = _GATES_BY_ID[id(pattern)] = (pattern, _gate(pattern))  # the pattern kept, so its id stays its own
    gate = known[1]
    if gate is None or "ı" in text or "ſ" in text:
        return True
    lowered = text.lower()
    return len(lowered) != len(text) or gate.match(lowered) is not None


def lowered_for_gates(text: str) -> str:
    """The text lowered, for gated_finditer and gated_sub, or "" where they scan as the pattern does (a short
    text; one holding 'ı' or 'ſ', or whose lowered form has another length)."""
    if len(text) < GATE_MIN_CHARS or "ı" in text or "ſ" in text:
        return ""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else ""


def gated_finditer(pattern: re.Pattern[str], text: str, lowered: str,
                   dense_chars: int = _DENSE_CHARS) -> Iterator[re.Match[str]]:
    """Every match of `pattern.finditer(text)` (its span and groups), the pattern tried only where its gate finds a
    position in `lowered` (`lowered_for_gates(text)`), until the gate has found a position every `dense_chars`
    characters or more often (0: never)."""
    gate = _gate(pattern) if lowered else None
    if gate is None:
        yield from pattern.finditer(text)
        return
    match, at, tried = pattern.match, 0, 0
    for candidate in gate.finditer(lowered):
        start = candidate.start()
        if start < at:
            continue
        tried += 1
        if tried >= _DENSE_TRIES and tried * dense_chars > start:
            # Positions come densely (a text in a script the gate cannot read, any of whose characters may start a
            # match): the engine's own scan, from this position, is faster than a step in Python per position.
            # The gate passed every position a match can start at, so none before this one is missed.
            yield from pattern.finditer(text, start)
            return
        found = match(text, start)
        if found is not None:
            at = found.end()
            yield found


def gated_sub(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str, lowered: str) -> str:
    """`pattern.sub(repl, text)`, the matches found by `gated_finditer`."""
    if not lowered:
        return pattern.sub(repl, text)
    pieces, at = [], 0
    for found in gated_finditer(pattern, text, lowered):
        pieces.append(text[at : found.start()])
        pieces.append(repl(found))
        at = found.end()
    if not pieces:
        return text
    pieces.append(text[at:])
    return "".join(pieces)


def may_hold(text: str, words: Sequence[str]) -> bool:
    """False only where a case-insensitive pattern that needs one of `words` (lower-case ASCII) cannot match: an
    ASCII text that holds none of them, lowered (among ASCII characters an ASCII letter matches only its two cases;
    a text with any other character is left to the pattern)."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(map(lowered.__contains__, words))  # each word searched for in C, no generator step
