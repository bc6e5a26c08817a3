"""A long plain text checked in chunks, with the answer of one call: `check_plain(text, …, runner, parts)`.

The chunks are checked by `runner` (in other processes, at the edge: provenance.io.forked) and joined into
exactly what `check_text` answers for the whole text: the same items in the same order, labelled 'credit N'
in one count, the same findings, evidence and offsets, the same credits merged and the same checks reused.

Where a text may be cut (`split_spans`). The credit reader (provenance.parse.credits.read_credits) reads a
plain text in three steps: it blanks wire boilerplate and UI labels and mends lead-in typos in place (every
offset kept), finds candidate credits and reads them, then merges credits that follow each other. A cut at
the line break before line L, after line K, is made only where:

  (G) the text holds no markup (`has_markup`: nothing is flattened, so offsets are the text's own);
  (K) K ends with four ASCII lower-case letters and a full stop ('… the annual festival.');
  (L) L is ASCII, and does not open with the name list `_LIST_GOES_ON` continues onto a second line.

The chunk after the cut starts with the line break itself (chunks overlap by that one character), so that
every look-behind of one character at L's start sees what it sees in the whole text. Then no step reads
across the cut differently in a chunk and in the whole text:
- a step that crosses a line break does so through a run of white space (`\\s`) after a lead-in, a
  boilerplate word, a rights sign, a key, a ':' or a name (lead-ins, boilerplate, typo and UI-label scans,
  CJK marks): by (K) the character before the break is a full stop, which ends no such run except in the
  lead-in 'Fot.', and (K)'s four letters make that word longer; CJK marks need a CJK character after the
  break, which (L) rules out;
- brackets pair on one line; a lead-in credit ends at its line's end (the next line only after a comma or,
  where `_LIST_GOES_ON` matches, a name list: (K) and (L)); a tail credit is the end of its line; sentence
  ends and stops are searched up to the credit's line end; the reads past a line's end (the rest of a line
  after a bracket, a look-ahead for 'by' or ':') stop at (K)'s letters and full stop, so a chunk that ends
  with the line break reads what the whole text reads;
- the look-backs (12 and 40 characters for a lead-in's position and a key before it, 1 to 4 in the scans)
  give the same answer over the line break alone: what an anchor before the break may be followed by is
  white space to the window's end, which the line break anchors as well;
- so the candidate credits, the spans already read (`taken`, which only overlapping spans interact
  through) and the credits read are those of each chunk, at their offsets.
Two steps read the whole text, and the join does them itself: merging (credits side by side or on nearby
lines become one: the join refuses, and the text is checked in one call, when what stands between the last
credit before a cut and the first after it could be merged over: `may_merge`), and the quoting of credits as
written when a typo was mended or a UI label blanked anywhere (`retyped`: a chunk without one gives the text
its credits would then have, and the join reads those). A credit's check reads nothing but its credit and its
label (the label only in a message: the join checks again an item whose findings name it), and a credit
written the same way earlier reuses that check moved to its own place: the join keeps that reuse across
chunks (`_joined`). A new step of the reader that reads across a line break must keep to this: the property
test of tests/test_check_split.py, random texts of credit-line fragments cut in 2 to 5 chunks, is its guard.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import (
    CheckedItem,
    credit_check,
    credit_items,
    credit_key,
    moved,
    plain_checked_by,
    relabelled,
    reusable,
    tasl_items,
)
from provenance.metadata.commons import refs_in_evidence
from provenance.metadata.flickr import photo_pages
from provenance.model import Credit
from provenance.parse.credit_merge import may_merge
from provenance.parse.credits import list_goes_on, parse_credit, read_credits
from provenance.parse.markup import has_markup

# A shorter text is checked in one call: two chunks save 0.03 s of 0.10 at 26,000 characters of captions and
# 0.07 s of 0.20 at 53,000 (CPU on the longer of the two paths), and a check slot is taken for them.
MIN_SPLIT_CHARS = 50_000
# The first chunk's length to each other's: the process that checks the first also reads the others' items
# back, which takes about as long as their processes take to write them (about 7% of checking them). Sent in
# two (IN_TWO_SHARE), the others' items are read after the answer: each process then has a chunk of one length
# (the first's process joins and answers, about 0.1 s; the others' send their facts, about 0.03 s).
FIRST_SHARE = 1.07
IN_TWO_SHARE = 1.0
_CUT = re.compile(r"[a-z]{4}\.\r?\n")  # (K): the end of the line before a cut and its break


@dataclass(frozen=True)
class Chunk:
    """The credits of a chunk checked, at their offsets in the whole text, labelled from 'credit 1' in the chunk;
    the read text before its first credit and after its last (all of it in both when it has none); whether
    a typo was mended in it, and where not, the text each credit would have were one mended elsewhere."""

    items: list[CheckedItem]
    head: str
    tail: str
    retyped: bool = False
    retexts: dict[int, str] | None = None
    # A chunk sent in two (`facts_first`): each item's key (`check.credit_key`) and findings as (code, severity),
    # the items a later step may read whole (by their place in the chunk: `_sent_whole`), and the items
    # themselves, read only when first asked (`items` is then empty).
    keys: tuple[tuple[str | None, ...], ...] | None = None
    findings: tuple[tuple[tuple[str, str], ...], ...] | None = None
    present: dict[int, CheckedItem] | None = None
    later: Callable[[], list[CheckedItem]] | None = None
    footer: bool = False  # its last credit could be the text's rights footer (parse.credits.CreditsRead)

    @property
    def count(self) -> int:
        return len(self.items) if self.keys is None else len(self.keys)

    def loaded(self) -> Chunk:
        """The chunk with its items read."""
        if self.later is None:
            return self
        return replace(self, items=self.later(), keys=None, findings=None, present=None, later=None)


def split_spans(text: str, parts: int, min_chars: int = MIN_SPLIT_CHARS,
                share: float = FIRST_SHARE) -> list[tuple[int, int]]:
    """Up to `parts` (start, end) spans covering `text`, of about equal length but the first, `share` times as
    long, cut where the module's rule allows (each but the first starts with the line break before its first
    line); one span when the text is shorter than `min_chars` or holds markup."""
    if parts < 2 or len(text) < min_chars or has_markup(text):
        return [(0, len(text))]
    cuts: list[int] = []
    for n in range(1, parts):
        at = int(len(text) * (n - 1 + share) / (parts - 1 + share))
        cut = _cut_after(text, max(at, cuts[-1] + 1 if cuts else 0), len(text) // (2 * parts))
        if cut is not None:
            cuts.append(cut)
    starts = [0, *(cut - 1 for cut in cuts)]
    return list(zip(starts, [*cuts, len(text)], strict=True))


def _cut_after(text: str, at: int, reach: int) -> int | None:
    """The first place from `at` (and within `reach` characters of it) where the text may be cut: the start of
    a line L."""
    for match in _CUT.finditer(text, at, min(len(text), at + reach)):
        cut = match.end()
        line_end = text.find("\n", cut)
        if cut < len(text) and text[cut : line_end if line_end >= 0 else len(text)].isascii() \
                and not list_goes_on(text, cut):
            return cut
    return None


def check_chunk(text: str, start: int, end: int, catalog: Catalog, profile: UsageProfile) -> Chunk:
    """The credits of text[start:end] checked (`Chunk`)."""
    read = read_credits(text[start:end], catalog, whole=False)
    credits = [replace(c, start=c.start + start, end=c.end + start) for c in read.credits]
    body = read.body
    first, last = (read.credits[0].start, read.credits[-1].end) if credits else (len(body), 0)
    return Chunk(credit_items(credits, catalog, profile), body[:first], body[last:], read.retyped, read.retexts,
                 footer=read.footer)


def join_chunks(text: str, chunks: list[Chunk], catalog: Catalog, profile: UsageProfile,
                name: str) -> list[CheckedItem] | None:
    """The items of the whole text from those of its chunks (`split_spans`' order), or None where the last
    credit before a cut and the first after it could have been merged (the text is then checked whole). The
    items of a chunk sent in two are read when first asked (`LaterItems`), but where the join must read them."""
    if not any(chunk.count for chunk in chunks):
        return tasl_items(text, catalog, name, profile)
    if sum(chunk.count for chunk in chunks) == 1:  # a text's only credit reads its line (credit_links): whole
        return None
    if [chunk for chunk in chunks if chunk.count][-1].footer:  # the text's last credit may be its rights footer,
        return None  # read into the earlier credits of its holder (parse.credit_merge.read_rights_footer): whole
    retyped = any(chunk.retyped for chunk in chunks)
    if retyped:  # the credits checked again as the whole text reads them (`retexts`): every item read now
        chunks = [chunk.loaded() for chunk in chunks]
    items: list[CheckedItem | _Later] = []
    checked: dict[tuple[str | None, ...], tuple[CheckedItem | _Later, int]] = {}
    between: str | None = None  # the read text since the last credit so far
    for n, chunk in enumerate(chunks):
        head = chunk.head[1:] if n else chunk.head  # a later chunk's first character is the line break before it
        if not chunk.count:
            between = None if between is None else between + head
            continue
        if between is not None and may_merge(between + head):
            return None
        retexts = chunk.retexts if retyped and not chunk.retyped else None
        present = chunk.present or {}
        for index in range(chunk.count):
            label = f"credit {len(items) + 1}"
            if chunk.keys is None or index in present:
                item = chunk.items[index] if chunk.keys is None else present[index]
                retext = retexts.get(index) if retexts else None
                items.append(_joined(item, retext, label, n, checked, catalog, profile))
            else:
                items.append(_joined_later(chunk, index, label, n, checked))
        between = chunk.tail
    if all(isinstance(item, CheckedItem) for item in items):
        return items  # type: ignore[return-value]
    return LaterItems(items)


def _joined(item: CheckedItem, retext: str | None, label: str, chunk: int,
            checked: dict[tuple[str | None, ...], tuple[CheckedItem | _Later, int]], catalog: Catalog,
            profile: UsageProfile) -> CheckedItem:
    """A chunk's item as the check of the whole text gives it (check._credit_item): the check of the same
    credit in an earlier chunk moved here; else the chunk's own, relabelled (checked again when its findings
    name its label, or when the credit reads otherwise in the whole text: `retext`)."""
    assert item.credit is not None
    credit = item.credit if retext is None else replace(item.credit, text=retext)
    key = credit_key(credit)
    first = checked.get(key)
    if first is not None and (first[1] != chunk or retext is not None):
        return _moved(first[0], credit, label)
    if retext is not None or item.label != label and any(item.label in f.message for f in item.findings):
        item = credit_check(credit, label, catalog, profile)
    elif item.label != label:
        item = relabelled(item, label)
    if first is None and reusable(item):
        checked[key] = (item, chunk if retext is None else -1)  # a later one, in any chunk, is moved from it
    return item


def _joined_later(chunk: Chunk, index: int, label: str, n: int,
                  checked: dict[tuple[str | None, ...], tuple[CheckedItem | _Later, int]]) -> _Later:
    """`_joined` for an item of a chunk sent in two, read when first asked: the chunk's item relabelled, or the
    check of the same credit in an earlier chunk moved to it (one whose findings name its label, and every
    item where a credit reads otherwise in the whole text, is not sent in two: `_sent_whole`, `join_chunks`)."""
    assert chunk.keys is not None
    assert chunk.findings is not None
    key = chunk.keys[index]
    first = checked.get(key)
    if first is not None and first[1] != n:
        return _Later(chunk, index, label, first[0])
    item = _Later(chunk, index, label)
    if first is None and not any(code == "missing-credit" for code, _ in chunk.findings[index]):  # `reusable`
        checked[key] = (item, n)
    return item


def _moved(first: CheckedItem | _Later, credit: Credit, label: str) -> CheckedItem:
    item = first.read() if isinstance(first, _Later) else first
    assert item.credit is not None
    return moved(item, item.credit, credit, label)


class _Later:
    """An item of a chunk sent in two, under its label in the whole text (moved from `source`'s check where
    one is given), read when first asked."""

    __slots__ = ("chunk", "index", "label", "source")

    def __init__(self, chunk: Chunk, index: int, label: str, source: CheckedItem | _Later | None = None) -> None:
        self.chunk, self.index, self.label, self.source = chunk, index, label, source

    def read(self) -> CheckedItem:
        assert self.chunk.later is not None
        item = self.chunk.later()[self.index]
        if self.source is not None:
            assert item.credit is not None
            return _moved(self.source, item.credit, self.label)
        return item if item.label == self.label else relabelled(item, self.label)

    @property
    def findings(self) -> tuple[tuple[str, str], ...]:
        """Its findings as (code, severity): a moved check's are its source's."""
        if isinstance(self.source, _Later):
            return self.source.findings
        if self.source is not None:
            return _findings(self.source)
        assert self.chunk.findings is not None
        return self.chunk.findings[self.index]


class LaterItems(list[CheckedItem]):
    """The items of a text checked in chunks, some of which are read only when first asked (a chunk sent in
    two): a list like any other, read whole at the first use of any list method but `len`, an index, a slice
    of items already read, `findings` and `present`/`replaced` (a page of results and its summary, and the
    items a later step may check again: provenance.io.verify, read nothing more)."""

    def __init__(self, entries: list[CheckedItem | _Later]) -> None:
        super().__init__()
        self._entries: list[CheckedItem | _Later] | None = entries

    def _item(self, index: int) -> CheckedItem:
        assert self._entries is not None
        entry = self._entries[index]
        if isinstance(entry, _Later):
            entry = self._entries[index] = entry.read()
        return entry

    def _whole(self) -> None:
        """Every item read, and held as a list's (its list methods then answer as a list's)."""
        if self._entries is not None:
            items = [self._item(n) for n in range(len(self._entries))]
            list.extend(self, items)
            self._entries = None  # after the storage holds them: `len` and an index answer right all along

    def __len__(self) -> int:
        return len(self._entries) if self._entries is not None else list.__len__(self)

    def __getitem__(self, index: Any) -> Any:
        if self._entries is None or not isinstance(index, int | slice):
            self._whole()
            return list.__getitem__(self, index)
        if isinstance(index, slice):
            return [self._item(n) for n in range(*index.indices(len(self._entries)))]
        return self._item(range(len(self._entries))[index])

    def findings(self) -> list[tuple[tuple[str, str], ...]]:
        """Each item's findings as (code, severity), none read for it."""
        if self._entries is None:
            return item_findings(list(self))
        return [e.findings if isinstance(e, _Later) else _findings(e) for e in self._entries]

    def present(self) -> dict[int, CheckedItem]:
        """The items read so far (or made in the join) by their place: the others point to no Commons file or
        Flickr page (`_read_again`)."""
        if self._entries is None:
            return dict(enumerate(self))
        return {n: e for n, e in enumerate(self._entries) if not isinstance(e, _Later)}

    def replaced(self, items: dict[int, CheckedItem]) -> LaterItems:
        """These items, with `items` in their places."""
        entries = list(self._entries) if self._entries is not None else list[CheckedItem | _Later](self)
        for n, item in items.items():
            entries[n] = item
        return LaterItems(entries)

    def __reduce__(self) -> tuple[Any, ...]:
        return list, (list(self),)

    def __radd__(self, other: list[CheckedItem]) -> list[CheckedItem]:
        """`[…] + items`: a list's own `+` would read this one's storage, empty until read whole."""
        self._whole()
        return [*other, *self]


def _read_whole(name: str) -> Callable[..., Any]:
    method = getattr(list, name)

    def read_whole(self: LaterItems, *args: Any, **kwargs: Any) -> Any:
        for items in (self, *args):  # (another such list compared or added: read whole too)
            if isinstance(items, LaterItems):
                items._whole()
        return method(self, *args, **kwargs)

    read_whole.__name__ = name
    return read_whole


for _name in ("__iter__", "__reversed__", "__contains__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
              "__ge__", "__repr__", "__add__", "__mul__", "__rmul__", "__iadd__", "__imul__", "__setitem__",
              "__delitem__", "append", "extend", "insert", "pop", "remove", "clear", "copy", "count", "index",
              "reverse", "sort"):
    setattr(LaterItems, _name, _read_whole(_name))


def item_findings(items: list[CheckedItem]) -> list[tuple[tuple[str, str], ...]]:
    """Each item's findings as (code, severity), read without the items of a `LaterItems`."""
    if isinstance(items, LaterItems):
        return items.findings()
    return [_findings(item) for item in items]


def _findings(item: CheckedItem) -> tuple[tuple[str, str], ...]:
    return tuple((f.code, f.severity.value) for f in item.findings)


def facts_first(chunk: Chunk) -> tuple[Chunk, list[CheckedItem]]:
    """A chunk in the two parts a forked process sends (provenance.io.forked): first the chunk with its items'
    keys and findings and the items sent whole (`_sent_whole`), then its items (`items_later`)."""
    keys = tuple(credit_key(item.credit) for item in chunk.items if item.credit is not None)
    assert len(keys) == len(chunk.items)
    same: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}
    findings = tuple(same.setdefault(found, found) for found in map(_findings, chunk.items))  # sent once each
    present = {n: item for n, item in enumerate(chunk.items) if _sent_whole(item)}
    return replace(chunk, items=[], keys=keys, findings=findings, present=present), chunk.items


def items_later(chunk: Chunk, load: Callable[[], list[CheckedItem]]) -> Chunk:
    """The chunk `facts_first` sent first, its items read by `load()` when first asked."""
    return replace(chunk, later=load)


IN_TWO = (facts_first, items_later)


def _sent_whole(item: CheckedItem) -> bool:
    """Whether an item is sent with its chunk's facts: one whose findings name its label (the join checks it
    again under its label in the whole text), and one a later step may check again: provenance.io.verify
    checks again an item whose evidence as given (not derived) points to a Commons file or a Flickr photo page,
    or one of an image (`src`)."""
    if item.src is not None or any(item.label in f.message for f in item.findings):
        return True
    given = [e for e in item.given or item.evidence if not e.derived]
    if not any(":" in e.value or len(e.value.strip()) == 40 for e in given):  # every pointer has a colon but a SHA-1
        return False
    return bool(refs_in_evidence(given) or photo_pages(given))


Work = Callable[[int, int], Chunk]
Runner = Callable[[Work, list[tuple[int, int]]], list[Chunk]]


@contextmanager
def split_by(runner: Runner, parts: int, share: float = FIRST_SHARE) -> Iterator[None]:
    """Long plain texts checked in this block (check_text, check_article, check_source) are split into up to
    `parts` chunks (the first `share` times as long as the others), which `runner(work, spans)` checks
    (`[work(start, end) for start, end in spans]`, in any processes: provenance.io.forked), joined into the
    answer of one call (`check_plain`)."""
    checker = partial(check_plain, runner=runner, parts=parts, share=share) if parts > 1 else None
    with plain_checked_by(checker):
        yield


def check_plain(text: str, catalog: Catalog, profile: UsageProfile, name: str, runner: Runner,
                parts: int, min_chars: int = MIN_SPLIT_CHARS, share: float = FIRST_SHARE) -> list[CheckedItem]:
    """The items of a plain text (check.check_text's), its chunks checked by `runner(work, spans)`, which
    answers `[work(start, end) for start, end in spans]` (in any processes)."""
    spans = split_spans(text, parts, min_chars, share)
    if len(spans) > 1:
        work: Work = partial(check_chunk, text, catalog=catalog, profile=profile)
        joined = join_chunks(text, runner(work, spans), catalog, profile, name)
        if joined is not None:
            return joined
    credits = parse_credit(text, catalog)
    if not isinstance(credits, list) or not credits:
        return tasl_items(text, catalog, name, profile)
    return credit_items(credits, catalog, profile)


def one_process(work: Work, spans: list[tuple[int, int]]) -> list[Chunk]:
    """A runner that checks the chunks one after the other, here (for tests and where no process can start)."""
    return [work(start, end) for start, end in spans]

