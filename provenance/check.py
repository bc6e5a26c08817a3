"""Check an article or an image's evidence: resolve, check, attribute.

Pure: takes strings and evidence, returns dataclasses. Reading files is the
caller's job (provenance.files, provenance.reader).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TypeVar

from provenance.budget import checkpoint
from provenance.catalog.load import MEMO_KEY_CHARS, Catalog, default_catalog
from provenance.catalog.profile import UsageProfile, default_profile
from provenance.model import Attribution, Credit, Evidence, Finding, Record, Resolution, Severity, Source
from provenance.parse.articles import article_kind, find_images
from provenance.parse.credits import parse_credit
from provenance.render.attribution import render_attribution
from provenance.resolve.evidence import credit_location, credit_to_evidence, tasl_credits, tasl_evidence
from provenance.resolve.record import Resolved, found_evidence, resolve_found, resolve_record
from provenance.resolve.wording import image_noun
from provenance.rules.context import Context, has_credit
from provenance.rules.credit_rules import ORGANISATION_RULES, RAISED_NAMES_RULES, RULES, check_record
from provenance.rules.text_rules import screen_evidence


@dataclass(frozen=True)
class CheckedItem:
    """One image (or one credit of a plain-text article), checked."""

    label: str
    resolved: Resolved
    findings: tuple[Finding, ...]
    attribution: Attribution | None
    credit: Credit | None = None
    src: str | None = None
    # the evidence as given, when hidden characters or a look-alike license were screened out of it: what a
    # store keeps, so that checking the item again later raises the same findings
    given: tuple[Evidence, ...] = ()

    @property
    def record(self) -> Record:
        return self.resolved.record

    @property
    def resolution(self) -> Resolution:
        return self.resolved.resolution

    @property
    def source(self) -> Source | None:
        return self.resolved.source

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return self.resolved.evidence

    @property
    def has_error(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)


@dataclass(frozen=True)
class CheckedArticle:
    name: str
    kind: str
    items: list[CheckedItem]
    page: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class ImageFacts:
    """What is known of an image file itself."""

    format: str
    width: int
    height: int
    sha256: str
    size: int
    phash: str | None
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """An article's image reference matched to a file beside it, and by which rule."""

    src: str
    path: str
    rule: str  # "path" (relative to the article or the archive root) or "name" (a unique file name)


@dataclass(frozen=True)
class CheckedFile:
    """One checked source (an article or an image), as every surface shows it.

    `kind` is plain, markdown, html or image; a source that could not be read
    has `error` set and no items."""

    name: str
    kind: str
    items: list[CheckedItem] = field(default_factory=list)
    page: list[Evidence] = field(default_factory=list)
    image: ImageFacts | None = None
    problems: list[str] = field(default_factory=list)
    matches: dict[str, Match] = field(default_factory=dict)
    error: str | None = None
    # an article whose encoding was guessed: what its text was read as, and the declaration its bytes are not
    guessed_encoding: tuple[str, str | None] | None = None

    @property
    def has_error(self) -> bool:
        return any(item.has_error for item in self.items)


def check_evidence(
    evidence: list[Evidence], catalog: Catalog, *, label: str, src: str | None = None,
    credit: Credit | None = None, profile: UsageProfile | None = None, in_article: bool = False,
) -> CheckedItem:
    """Resolve and check the evidence for one image, against the usage profile (a unit of work:
    the current work budget, provenance.budget, is checked before it starts)."""
    checkpoint()
    profile = profile or default_profile(catalog)
    given = tuple(evidence)
    evidence, screened = screen_evidence(evidence)
    resolved = resolve_record(evidence, catalog)
    ctx = Context(catalog, profile, where=f" for {label}", in_article=in_article)
    findings = (*screened, *check_record(resolved, ctx))
    return CheckedItem(label, resolved, findings, _attribution(resolved, catalog, profile), credit, src,
                       given if screened else ())


def _attribution(resolved: Resolved, catalog: Catalog, profile: UsageProfile) -> Attribution | None:
    return render_attribution(resolved.record, medium=profile.medium, modified=profile.modified,
                              lang=profile.lang, catalog=catalog) if has_credit(resolved) else None


ImageEvidence = Callable[[str], list[Evidence]]


def check_article(
    text: str, catalog: Catalog | None = None, *, name: str = "the text", kind: str | None = None,
    profile: UsageProfile | None = None, image_evidence: ImageEvidence | None = None,
) -> CheckedArticle:
    """Every image of an article (HTML, Markdown) or every credit of a plain text.

    `image_evidence(src)`, when given, returns the evidence embedded in the image
    file an article references (the caller decides what may be read)."""
    with gc_paused():
        return _check_article(text, catalog or default_catalog(), name, kind, profile, image_evidence)


def _check_article(text: str, catalog: Catalog, name: str, kind: str | None, profile: UsageProfile | None,
                   image_evidence: ImageEvidence | None) -> CheckedArticle:
    kind = kind or article_kind(name, text)
    article = find_images(text, kind, catalog)
    profile = profile or default_profile(catalog)
    if article.images:
        items = []
        for n, image in enumerate(article.images, 1):
            embedded = image_evidence(image.src) if image_evidence and image.src else []
            items.append(check_evidence(image.evidence + embedded, catalog, label=image.src or f"image {n}",
                                        src=image.src, profile=profile, in_article=True))
        return CheckedArticle(name, kind, items, article.page)
    return CheckedArticle(name, kind, _plain_items(article.text, catalog, name, profile), article.page)


def _plain_items(text: str, catalog: Catalog, name: str, profile: UsageProfile) -> list[CheckedItem]:
    checker = _PLAIN.get()
    if checker is not None:  # a long text in chunks, the answer of one call (check_split.split_by)
        return checker(text, catalog, profile, name)
    credits = parse_credit(text, catalog)
    if not isinstance(credits, list) or not credits:
        return tasl_items(text, catalog, name, profile)
    return credit_items(credits, catalog, profile)


def credit_items(credits: list[Credit], catalog: Catalog, profile: UsageProfile) -> list[CheckedItem]:
    """The credits of a plain text, checked, labelled 'credit 1', 'credit 2'… in order."""
    checked: dict[tuple[str | None, ...], CheckedItem] = {}
    return [_credit_item(credit, f"credit {n}", catalog, profile, checked) for n, credit in enumerate(credits, 1)]


def credit_key(credit: Credit) -> tuple[str | None, ...]:
    """A credit but its position (no dataclass copy): credits with one key are checked alike."""
    return (credit.text, *credit.fields().values())


def credit_check(credit: Credit, label: str, catalog: Catalog, profile: UsageProfile) -> CheckedItem:
    """One credit of a plain text, checked afresh: what `check_evidence` answers for its evidence (the part of
    the check that reads no name remembered: `_split_check`)."""
    evidence = credit_to_evidence(credit, "caption", "caption credit")
    return _split_check(evidence, credit, label, catalog, profile) or \
        check_evidence(evidence, catalog, label=label, credit=credit, profile=profile, in_article=True)


# The check of a caption credit split in two: what depends on nothing but its organisation, platform, license,
# license link, source, category, title, client and copyright, whether it names a creator, and the noun of its
# lead-in (the source and license resolved, the record's other fields, and the findings of the rules listed in
# credit_rules.ORGANISATION_RULES), remembered per catalog (in its memo) and profile (in the key), and the rest,
# done for each credit: its evidence and screening, the record's creator, the other rules, the attribution. In a
# text of captions nearly every credit names another photographer, but the agencies and licenses repeat.
# What reads a credit's names or its place, each done per credit: credit_to_evidence (every field, the client the
# parser read among them, its position for the location); screening (every value and the credit's text:
# a credit with hidden or look-alike characters is checked whole, `check_evidence`); image_noun (the lead-in of
# the credit's text: its answer is in the key); the record's creator (resolve.record._fields); the rules not in
# ORGANISATION_RULES; the attribution (every name). Resolving reads no creator but to copy it into the record
# and to compare creators of two origins (a caption credit has one: a check with a creator conflict is never
# remembered); no remembered part reads an item's text or location but to group a credit's license fields,
# which share both.
_SPLIT_MEMO = "credit-organisation-memo"
_SPLIT_MEMO_LIMIT = 2_000
# (place in RULES, rule, whether it is run again only where the remembered check raised it) of the rules not
# remembered
_PER_CREDIT_RULES = tuple((n, rule, rule in RAISED_NAMES_RULES) for n, rule in enumerate(RULES)
                          if rule not in ORGANISATION_RULES)


@dataclass(frozen=True)
class _SharedPart:
    """The part of a credit's check its names do not change: the record resolved from a credit's evidence, each
    rule's answer (in RULES' order; those of the rules run per credit are not read), and where the credit's own
    evidence stands in it: the creator's place in `found_evidence`'s answer (-1: none), the number of items
    of that answer, and for each license claim the places of its evidence (None: the catalog's, kept)."""

    resolved: Resolved
    results: tuple[Finding | None, ...]
    creator: int
    found: int
    claims: tuple[tuple[int, ...] | None, ...]


def _shared_part(resolved: Resolved, found: list[Evidence], results: tuple[Finding | None, ...]) -> _SharedPart | None:
    """What a credit's check leaves to remember for credits alike (`_SharedPart`); None for a record with a
    conflict (one of creators reads their names; a caption credit's one origin never has one) or whose evidence
    does not start with `found` as resolving leaves it."""
    if resolved.conflicts or any(a is not b for a, b in zip(resolved.evidence, found, strict=False)):
        return None  # (a license conflict too: rare in a caption, and resolved afresh each time)
    places = {id(item): n for n, item in enumerate(found)}
    claims: list[tuple[int, ...] | None] = []
    for claim in resolved.claims:
        slots = tuple(places.get(id(e), -1) for e in claim.evidence)
        if min(slots, default=-1) >= 0:
            claims.append(slots)
        elif max(slots, default=-1) < 0:
            claims.append(None)
        else:  # a claim of the credit's evidence and another's: none such is made, none is remembered
            return None
    creator = next((n for n, item in enumerate(found) if item.field == "creator"), -1)
    return _SharedPart(resolved, results, creator, len(found), tuple(claims))


def _split_check(evidence: list[Evidence], credit: Credit, label: str, catalog: Catalog,
                 profile: UsageProfile) -> CheckedItem | None:
    """`check_evidence`'s answer for a caption credit's evidence, its shared part remembered (see above); None
    when screening changes the evidence or raises a finding (such a credit is checked whole)."""
    screened, findings = screen_evidence(evidence)
    if findings or len(screened) != len(evidence) or any(a is not b for a, b in zip(screened, evidence, strict=True)):
        return None
    checkpoint()
    found = found_evidence(screened, catalog)
    key, chars = _shared_key(found, image_noun(found, catalog), profile)
    memo: dict[tuple[object, ...], _SharedPart] = catalog.cached(_SPLIT_MEMO, _new_shared_memo)
    part = memo.get(key)
    ctx = Context(catalog, profile, where=f" for {label}", in_article=True)
    if part is None:
        resolved = resolve_found(list(found), catalog)
        results = tuple(rule(resolved, ctx) for rule in RULES)
        part = _shared_part(resolved, found, results) if chars <= MEMO_KEY_CHARS else None
        if part is not None:
            if len(memo) >= _SPLIT_MEMO_LIMIT:
                memo.clear()
            memo[key] = part
    else:
        resolved = _transplanted(part, found)
        answers = list(part.results)
        for n, rule, if_raised in _PER_CREDIT_RULES:
            if answers[n] is not None or not if_raised:
                answers[n] = rule(resolved, ctx)
        results = tuple(answers)
    return CheckedItem(label, resolved, tuple(r for r in results if r is not None),
                       _attribution(resolved, catalog, profile), credit)


def _shared_key(found: list[Evidence], noun: tuple[str, str] | None,
                profile: UsageProfile) -> tuple[tuple[object, ...], int]:
    """The key of a credit's shared part (its evidence, but the creator's value, its text and location), and the
    length of the values in it."""
    items: list[object] = [profile, noun]
    chars = 0
    for item in found:
        if item.field == "creator":
            items.append(bool(item.value.strip()))  # resolving reads whether a creator is named, not who
        else:
            items.append((item.field, item.value, item.origin, item.name, item.derived))
            chars += len(item.value)
    return tuple(items), chars


def _new_shared_memo(_: Catalog) -> dict[tuple[object, ...], _SharedPart]:
    return {}


def _transplanted(part: _SharedPart, found: list[Evidence]) -> Resolved:
    """The remembered record as resolving `found` answers: `found` is the evidence it was resolved from item for
    item but the creator's value and each item's credit text and location, so the record's creator and the
    credit's own evidence (in the record and its license claims) are this credit's; a source's default license,
    added by resolving, is the catalog's in both."""
    resolved = part.resolved
    record = resolved.record
    if part.creator >= 0:
        creator = found[part.creator].value.strip() or None  # resolve.record._fields: a blank value is no name
        if creator != record.creator:
            record = _copied(record, creator=creator)
    claims = tuple(claim if slots is None else _copied(claim, evidence=tuple(found[n] for n in slots))
                   for claim, slots in zip(resolved.claims, part.claims, strict=True))
    return _copied(resolved, record=record, evidence=(*found, *resolved.evidence[part.found:]), claims=claims)


def reusable(item: CheckedItem) -> bool:
    """Whether a credit's check may stand for the same credit written elsewhere (see `_credit_item`)."""
    return not any(f.code == "missing-credit" for f in item.findings)


def _credit_item(credit: Credit, label: str, catalog: Catalog, profile: UsageProfile,
                 checked: dict[tuple[str | None, ...], CheckedItem]) -> CheckedItem:
    """One credit of a plain text, checked. A credit written the same way earlier in the text (same words,
    same fields: a wire digest repeats its photographers' credits), or in an earlier text checked with the
    same catalog and profile, reuses that check, moved to its own position and label: resolving, the rules
    and the attribution read no location and no label but the 'missing-credit' message (such an item is
    never reused), and no date but an image's license end date (never in a caption credit), so only the
    evidence's location differs."""
    key = credit_key(credit)
    first = checked.get(key) or _remembered_check(catalog, profile, key)
    if first is not None and first.credit is not None:
        return moved(first, first.credit, credit, label)
    item = credit_check(credit, label, catalog, profile)
    if reusable(item):
        checked[key] = item
        _remember_check(catalog, profile, key, item)
    return item


# Checks of credits remembered across texts, per catalog (in its memo) and profile (in the key): a server
# checks the same agencies' credits in caption after caption. Bounded: emptied when full; credits of over
# MEMO_KEY_CHARS characters are checked each time.
_CHECK_MEMO = "credit-check-memo"
_CHECK_MEMO_LIMIT = 2_000


def _remembered_check(catalog: Catalog, profile: UsageProfile, key: tuple[str | None, ...]) -> CheckedItem | None:
    memo: dict[tuple[object, ...], CheckedItem] = catalog.cached(_CHECK_MEMO, _new_memo)
    return memo.get((profile, *key))


def _remember_check(catalog: Catalog, profile: UsageProfile, key: tuple[str | None, ...], item: CheckedItem) -> None:
    if sum(len(part) for part in key if part) > MEMO_KEY_CHARS:
        return
    memo: dict[tuple[object, ...], CheckedItem] = catalog.cached(_CHECK_MEMO, _new_memo)
    if len(memo) >= _CHECK_MEMO_LIMIT:
        memo.clear()
    memo[(profile, *key)] = item


def _new_memo(_: Catalog) -> dict[tuple[object, ...], CheckedItem]:
    return {}


# How the plain texts checked in a block are read, where an edge has set it (check_split.split_by: a long text
# in chunks at once); else one call reads each.
PlainChecker = Callable[[str, Catalog, UsageProfile, str], list[CheckedItem]]
_PLAIN: ContextVar[PlainChecker | None] = ContextVar("provenance_plain_checker", default=None)


@contextmanager
def plain_checked_by(checker: PlainChecker | None) -> Iterator[None]:
    """In this block, `checker(text, catalog, profile, name)` answers the items of a plain text."""
    token = _PLAIN.set(checker)
    try:
        yield
    finally:
        _PLAIN.reset(token)


def relabelled(item: CheckedItem, label: str) -> CheckedItem:
    """`item` under another label (its findings name no label: see `_credit_item`)."""
    return _copied(item, label=label)


def moved(item: CheckedItem, old: Credit, credit: Credit, label: str) -> CheckedItem:
    """`item`, checked for the credit `old`, as the check of the same credit written at another place."""
    was, now = credit_location(old), credit_location(credit)

    def move(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        return tuple(_copied(e, location=now) if e.origin == "caption" and e.location == was else e
                     for e in evidence)

    return _copied(item, label=label, resolved=_with_evidence(item.resolved, move), credit=credit,
                   given=move(item.given))


def _with_evidence(resolved: Resolved, move: Callable[[tuple[Evidence, ...]], tuple[Evidence, ...]],
                   **changes: object) -> Resolved:
    """`resolved` with `move` applied to its evidence, its license claims' and its conflicts'."""
    return _copied(resolved, evidence=move(resolved.evidence),
                   claims=tuple(_copied(c, evidence=move(c.evidence)) for c in resolved.claims),
                   conflicts=tuple(_copied(c, claims=move(c.claims)) for c in resolved.conflicts), **changes)


_T = TypeVar("_T")


def _copied(value: _T, **changes: object) -> _T:
    """`dataclasses.replace` for the frozen dataclasses a moved check copies (none has a __post_init__ or a
    field left out of __init__, so building one again through __init__ adds nothing): their fields copied,
    `changes` written over them, at a fraction of the cost (a digest moves thousands of checks)."""
    copy = object.__new__(type(value))
    vars(copy).update(vars(value), **changes)
    return copy


_gc_lock = threading.Lock()
_gc_state = {"paused": 0, "was_enabled": 0}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off while a text is checked on the main thread (it walked the growing list
    of items again and again: 10-20% of the time of a long text; the check makes few cycles), back on when
    the last such check ends. In other threads (a server's) it is left alone: the collector is the whole
    process's, and a busy server would never get it back."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    with _gc_lock:
        if _gc_state["paused"] == 0:
            _gc_state["was_enabled"] = int(gc.isenabled())
            gc.disable()
        _gc_state["paused"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_state["paused"] -= 1
            if _gc_state["paused"] == 0 and _gc_state["was_enabled"]:
                gc.enable()


def tasl_items(text: str, catalog: Catalog, name: str, profile: UsageProfile) -> list[CheckedItem]:
    """The credits of a text in the '“Title” by Author is licensed under License' form, if that is all it has."""
    found = tasl_credits(text, catalog)
    if not found:
        return [check_evidence([], catalog, label=name, profile=profile, in_article=True)]
    return [check_evidence(tasl_evidence(credit, title, "caption", "caption credit"), catalog, label=f"credit {n}",
                           credit=credit, profile=profile, in_article=True)
            for n, (credit, title) in enumerate(found, 1)]


def check_text(
    text: str, catalog: Catalog | None = None, *, name: str = "the text", profile: UsageProfile | None = None,
) -> list[CheckedItem]:
    """The items of a plain-text article."""
    return check_article(text, catalog, name=name, kind="plain", profile=profile).items
