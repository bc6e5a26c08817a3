"""Match organisation names and domains to the source catalog, and credit
words to the newsroom's usage-rights categories."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from provenance.catalog.load import MEMO_KEY_CHARS, Catalog
from provenance.catalog.names import fold_source_name
from provenance.model import Category, Source
from provenance.parse.urls import split_url

_MISSING = object()
_MEMO_LIMIT = 50_000
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
_NOT_KEYWORD = re.compile(r"[^\w©]+")
_URL_START = re.compile(r"(?i)^https?://")


def match_source(catalog: Catalog, name: str | None) -> Source | None:
    """The catalog source a name, alias, domain or URL refers to, if any (remembered per catalog:
    a credit parser asks about the same few names again and again)."""
    if not name or not name.strip():
        return None
    return remembered(catalog, "match-source-memo", name, _match_source)


def remembered(catalog: Catalog, table: str, key: K, build: Callable[[Catalog, K], T],
               limit: int = _MEMO_LIMIT) -> T:
    """`build(catalog, key)`, remembered in a table of at most `limit` answers the catalog holds (so a house
    catalog never sees another catalog's answer), emptied when full. The key is a text or a tuple of texts
    (None for one not given); keys of over MEMO_KEY_CHARS characters in all are answered each time."""
    memo: dict[K, T] = catalog.cached(table, _new_table)
    found = memo.get(key, _MISSING)
    if found is not _MISSING:  # a key too long to keep is never in the table: its length is read on a miss only
        return found  # type: ignore[return-value]
    if (len(key) if isinstance(key, str) else _key_chars(key)) > MEMO_KEY_CHARS:
        return build(catalog, key)
    if len(memo) >= limit:
        memo.clear()
    found = memo[key] = build(catalog, key)
    return found


def _new_table(_: Catalog) -> dict[Any, Any]:
    return {}


def _key_chars(key: Hashable) -> int:
    return sum(len(part) for part in key if isinstance(part, str)) if isinstance(key, tuple) else 0


def _match_source(catalog: Catalog, name: str) -> Source | None:
    if _URL_START.match(name.strip()):
        return match_domain(catalog, name)
    key = fold_source_name(name)
    firsts = source_first_words(catalog)
    if firsts is not None:  # a name whose first word starts no catalog name is none of them
        first, _, rest = key.partition(" ")
        if first not in firsts and (first != "the" or rest.partition(" ")[0] not in firsts):
            return None
    for candidate in _name_variants(key, catalog.spellings.source_suffixes):
        found = catalog.source_keys.get(candidate)
        if found:
            return _as_written(catalog.sources[found], name.strip())
    return None


_PLATFORM_INITIALS = 3


def _as_written(source: Source, name: str) -> Source | None:
    """A platform's initials the catalog writes in capitals ('FB') name it in capitals only: the same letters in lower
    case are a person's initials ('Foto: fb', a German local paper's author), unless a spelling of the platform is
    that lower-case word ('vk', 'x')."""
    if len(name) > _PLATFORM_INITIALS or source.kind != "platform" or not name.islower() \
            or name in (source.id, source.name, *source.aliases):
        return source
    return None


def sources_named(catalog: Catalog, value: str) -> list[Source]:
    """Every catalog source one credit field names, in the order written: 'NASA/JPL-Caltech' -> [NASA,
    JPL-Caltech]. In 'Getty Images for Netflix' only Getty Images counts: the agency made and licenses the
    image, the name after 'for' is its client."""
    return list(remembered(catalog, "sources-named-memo", value, _sources_named))


def _sources_named(catalog: Catalog, value: str) -> tuple[Source, ...]:
    found: list[Source] = []
    parts = value.split("/")
    for at, part in enumerate(parts):
        agency, sep, _client = part.strip().partition(" for ")
        source = (match_source(catalog, agency) if sep else None) or match_source(catalog, part.strip())
        pair = match_source(catalog, f"{part.strip()}/{parts[at + 1].strip()}") if at + 1 < len(parts) else None
        if pair is not None and pair is not source:  # 'ESA/Hubble': a source the catalog knows by a slashed name
            source = pair
        if source and source not in found:
            found.append(source)
    return tuple(found)


def most_specific_source(catalog: Catalog, value: str) -> Source | None:
    """Of the sources a credit field names, the most specific: the last one. Credits name the broader body
    first and the narrower one after it ('NASA/JPL-Caltech', 'NASA/JPL-Caltech/MSSS'), so the last source
    named is the one whose terms apply (JPL-Caltech's copyright, not NASA's public domain)."""
    found = sources_named(catalog, value)
    return found[-1] if found else None


def source_first_words(catalog: Catalog) -> frozenset[str] | None:
    """The first word (folded) of every name the catalog looks sources up by, or None (see _first_words): a screen
    for callers that try many spans of a text as names."""
    return catalog.cached("source-first-words", _first_words)


def _first_words(catalog: Catalog) -> frozenset[str] | None:
    """The first word of every name the catalog looks sources up by; None when a suffix of the spellings
    could cut into a first word (one not written with a leading space), so that no screen is safe."""
    if any(not suffix.startswith(" ") for suffix in catalog.spellings.source_suffixes):
        return None
    return frozenset(key.partition(" ")[0] for key in catalog.source_keys)


def _name_variants(key: str, suffixes: tuple[str, ...]) -> list[str]:
    variants = [key]
    if key.startswith("the "):
        variants.append(key[4:])
    for suffix in suffixes:
        if key.endswith(suffix):
            variants.append(key[: -len(suffix)].strip())
    return variants


def match_domain(catalog: Catalog, url: str) -> Source | None:
    """The source whose domain the URL's host is, or is under."""
    host = (split_url(url.strip()).hostname or "").lower()
    while host:
        found = catalog.source_keys.get(host)
        if found:
            return catalog.sources[found]
        _, _, host = host.partition(".")
    return None


def find_category(catalog: Catalog, text: str) -> Category | None:
    """The usage-rights category whose keyword appears in a credit, longest first."""
    folded = " " + _NOT_KEYWORD.sub(" ", text.casefold()) + " "
    words, phrases = catalog.cached("category-keyword-index", _keyword_index)
    best: tuple[int, Category] | None = None
    written = folded.split()
    for word in written:
        hit = words.get(word)
        if hit is not None and (best is None or hit[0] < best[0]):
            best = hit
    firsts = set(written)
    for rank, first, phrase, category in phrases:
        if best is not None and rank > best[0]:
            break
        # a phrase written with a space at each end is found only where its first word is a word of the text: a set
        # test first, the substring search only then
        if (first in firsts or not first) and phrase in folded:
            return category
    return best[1] if best else None


_Phrase = tuple[int, str, str, Category]  # (rank, first word, the phrase with a space at each end, category)


def _keyword_index(catalog: Catalog) -> tuple[dict[str, tuple[int, Category]], list[_Phrase]]:
    """The keywords, ranked longest first: one-word keywords by word (a credit's words are looked up, not
    every keyword searched for), keywords of several words in rank order (with a space at each end), each with
    its first word."""
    words: dict[str, tuple[int, Category]] = {}
    phrases: list[_Phrase] = []
    for rank, (keyword, category) in enumerate(_keywords_longest_first(catalog)):
        if " " in keyword:
            phrase = f" {keyword} "  # as a whole phrase of the spaced text
            phrases.append((rank, next(iter(phrase.split()), ""), phrase, category))
        elif keyword and not _NOT_KEYWORD.search(keyword):
            words.setdefault(keyword, (rank, category))
    return words, phrases


def _keywords_longest_first(catalog: Catalog) -> list[tuple[str, Category]]:
    pairs = [(kw, cat) for cat in catalog.categories.values() for kw in cat.keywords]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)
