"""Match organisation names and domains to the source catalog, and credit
words to the newsroom's usage-rights categories."""

from __future__ import annotations

import re

from provenance.catalog.load import Catalog
from provenance.catalog.names import fold_source_name
from provenance.model import Category, Source
from provenance.parse.urls import split_url

# Names already matched, per catalog (keyed by its source index, kept alive here so that the id
# stays its own): one check asks about the same few names many times over.
_MATCHED: dict[int, tuple[dict[str, str], dict[str, Source | None]]] = {}
_MATCHED_NAMES = 4096


def match_source(catalog: Catalog, name: str | None) -> Source | None:
    """The catalog source a name, alias, domain or URL refers to, if any."""
    if not name or not name.strip():
        return None
    keys, memo = _MATCHED.setdefault(id(catalog.source_keys), (catalog.source_keys, {}))
    if name not in memo:
        if len(memo) >= _MATCHED_NAMES or len(_MATCHED) > 4:
            _MATCHED.clear()
            keys, memo = _MATCHED.setdefault(id(catalog.source_keys), (catalog.source_keys, {}))
        memo[name] = _match_source(catalog, name)
    return memo[name]


def _match_source(catalog: Catalog, name: str) -> Source | None:
    if re.match(r"(?i)^https?://", name.strip()):
        return match_domain(catalog, name)
    key = fold_source_name(name)
    for candidate in _name_variants(key, catalog.spellings.source_suffixes):
        found = catalog.source_keys.get(candidate)
        if found:
            return catalog.sources[found]
    return None


def sources_named(catalog: Catalog, value: str) -> list[Source]:
    """Every catalog source one credit field names, in the order written: 'NASA/JPL-Caltech' -> [NASA,
    JPL-Caltech]. In 'Getty Images for Netflix' only Getty Images counts: the agency made and licenses the
    image, the name after 'for' is its client."""
    found: list[Source] = []
    for part in value.split("/"):
        agency, sep, _client = part.strip().partition(" for ")
        source = (match_source(catalog, agency) if sep else None) or match_source(catalog, part.strip())
        if source and source not in found:
            found.append(source)
    return found


def most_specific_source(catalog: Catalog, value: str) -> Source | None:
    """Of the sources a credit field names, the most specific: the last one. Credits name the broader body
    first and the narrower one after it ('NASA/JPL-Caltech', 'NASA/JPL-Caltech/MSSS'), so the last source
    named is the one whose terms apply (JPL-Caltech's copyright, not NASA's public domain)."""
    found = sources_named(catalog, value)
    return found[-1] if found else None


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
    folded = " " + re.sub(r"[^\w©]+", " ", text.casefold()) + " "
    pairs = [(kw, cat) for cat in catalog.categories.values() for kw in cat.keywords]
    for keyword, category in sorted(pairs, key=lambda pair: len(pair[0]), reverse=True):
        if f" {keyword} " in folded:
            return category
    return None
