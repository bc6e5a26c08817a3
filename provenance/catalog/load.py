"""The license and source catalog, loaded from TOML files (data, not code).

`load_catalog(*dirs)` reads every `*.toml` in the given folders (the bundled
`licenses/` folder by default) and returns an immutable `Catalog` with lookup
indexes. Any problem raises `CatalogError` naming the file and the entry.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from provenance.catalog.credit_formats import CreditFormat, build_credit_formats
from provenance.catalog.entries import (
    _category,
    _change,
    _check_compatible,
    _digital_source_type,
    _families,
    _license,
    _source,
    _source_terms,
    _with_family,
)
from provenance.catalog.keys import refuse_unknown_keys
from provenance.catalog.languages import Language, build_languages
from provenance.catalog.names import Spellings, fold_license_name, fold_source_name
from provenance.errors import CatalogError
from provenance.model import Category, Change, DigitalSourceType, License, Source, SourceTerms

T = TypeVar("T")
TABLES = frozenset({"family", "license", "source", "category", "change", "digital_source_type", "source_terms",
                    "phrases", "drop", "license_url_prefixes", "source_suffixes", "credit_format"})
LANGUAGE_FOLDER = "lang"  # inside a catalog folder: one TOML file per attribution language


@dataclass(frozen=True)
class Catalog:
    licenses: dict[str, License]
    sources: dict[str, Source]
    categories: dict[str, Category]
    spellings: Spellings
    changes: dict[str, Change] = field(default_factory=dict)
    digital_source_types: dict[str, DigitalSourceType] = field(default_factory=dict)
    license_keys: dict[str, str] = field(default_factory=dict)
    url_patterns: tuple[tuple[str, str], ...] = ()
    source_keys: dict[str, str] = field(default_factory=dict)
    source_terms: dict[str, SourceTerms] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()  # the folders it was loaded from, in order (an audit's check key reads them)
    credit_formats: dict[str, CreditFormat] = field(default_factory=dict)
    languages: dict[str, Language] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def terms_of(self, source: Source) -> SourceTerms:
        return self.source_terms[source.terms]

    def license(self, license_id: str) -> License:
        return self.licenses[license_id]

    def cached(self, key: str, build: Callable[[Catalog], T]) -> T:
        """What `build(self)` returns, built once per catalog (compiled name patterns, sorted tables)."""
        try:  # one lookup where the answer is built already (nearly every call: a credit asks for tables often)
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            found = self._memo[key] = build(self)
            return found


# The per-catalog answer tables (resolve_license, match_source, …) remember answers about short texts only:
# a table holds up to tens of thousands of entries, and the texts a server's light checks bring are up to
# 20,000 characters; a longer text is answered each time.
MEMO_KEY_CHARS = 300


def bundled_catalog_dir() -> Path:
    """The bundled catalog: `provenance/licenses`, in a checkout a link to the top-level `licenses/`."""
    return Path(__file__).resolve().parent.parent / "licenses"


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return load_catalog()


def load_catalog(*dirs: str | Path) -> Catalog:
    """Load the bundled catalog plus any extra folders of TOML files."""
    folders = [bundled_catalog_dir(), *(Path(d) for d in dirs)]
    raw: list[tuple[str, dict[str, Any]]] = []
    langs: list[tuple[str, dict[str, Any]]] = []
    for folder in folders:
        if not folder.is_dir():
            raise CatalogError(str(folder), None, "catalog folder not found")
        raw.extend((str(p), _read_toml(p)) for p in sorted(folder.glob("*.toml")))
        langs.extend((str(p), _read_toml(p, tables=None)) for p in sorted((folder / LANGUAGE_FOLDER).glob("*.toml")))
    return replace(_build(raw), languages=build_languages(langs), folders=tuple(map(str, folders)))


def _read_toml(path: Path, tables: frozenset[str] | None = TABLES) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(str(path), None, f"not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise CatalogError(str(path), None, f"is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise CatalogError(str(path), None, f"cannot read: {exc.strerror}") from None
    unknown = set(data) - tables if tables is not None else set()
    if unknown:
        raise CatalogError(str(path), None, f"unknown table(s) {sorted(unknown)}")
    refuse_unknown_keys(str(path), data)
    return data


def _build(raw: list[tuple[str, dict[str, Any]]]) -> Catalog:
    spellings = _spellings(raw)
    families = _families(raw)
    licenses: dict[str, License] = {}
    for file, data in raw:
        for index, entry in enumerate(data.get("license", [])):
            _add_unique(licenses, _license(file, index, _with_family(entry, families)), file)
    categories: dict[str, Category] = {}
    for file, data in raw:
        for index, entry in enumerate(data.get("category", [])):
            _add_unique(categories, _category(file, index, entry), file)
    _check_compatible(licenses)
    source_terms: dict[str, SourceTerms] = {}
    for file, data in raw:
        for index, entry in enumerate(data.get("source_terms", [])):
            _add_unique(source_terms, _source_terms(file, index, entry), file)
    sources: dict[str, Source] = {}
    for file, data in raw:
        for index, entry in enumerate(data.get("source", [])):
            source = _source(file, index, entry, licenses, categories, source_terms)
            _add_unique(sources, source, file)
    changes: dict[str, Change] = {}
    types: dict[str, DigitalSourceType] = {}
    for file, data in raw:
        for index, entry in enumerate(data.get("change", [])):
            _add_unique(changes, _change(file, index, entry), file)
        for index, entry in enumerate(data.get("digital_source_type", [])):
            _add_unique(types, _digital_source_type(file, index, entry), file)
    return Catalog(
        credit_formats=build_credit_formats(raw, sources),
        licenses=licenses,
        sources=sources,
        categories=categories,
        spellings=spellings,
        changes=changes,
        digital_source_types=types,
        license_keys=_license_keys(licenses, spellings),
        url_patterns=_url_patterns(licenses),
        source_keys=_source_keys(sources),
        source_terms=source_terms,
        files=tuple(file for file, _ in raw),
    )


def _spellings(raw: list[tuple[str, dict[str, Any]]]) -> Spellings:
    phrases: dict[str, str] = {}
    drop: set[str] = set()
    lists: dict[str, list[str]] = {"license_url_prefixes": [], "source_suffixes": []}
    for file, data in raw:
        for key, values in lists.items():
            values.extend(w.casefold() for w in _word_list(file, key, data.get(key, [])))
        table = data.get("phrases", {})
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise CatalogError(file, "phrases", "must map phrases to replacement words")
        phrases.update({k.casefold(): v.casefold() for k, v in table.items()})
        drop.update(w.casefold() for w in _word_list(file, "drop", data.get("drop", [])))
    return Spellings(phrases=phrases, drop=frozenset(drop), license_url_prefixes=tuple(lists["license_url_prefixes"]),
                     source_suffixes=tuple(lists["source_suffixes"]))


def _word_list(file: str, key: str, words: Any) -> list[str]:
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise CatalogError(file, key, "must be a list of words")
    return words


def _add_unique(table: dict[str, Any], item: Any, file: str) -> None:
    if item.id in table:
        first = table[item.id].file
        raise CatalogError(file, item.id, f"duplicate id (first defined in {first})")
    table[item.id] = item


def license_names(lic: License) -> list[str]:
    """Every spelling under which a license entry can be looked up."""
    return [lic.id, lic.short_name, lic.name, *lic.aliases]


def _license_keys(licenses: dict[str, License], spellings: Spellings) -> dict[str, str]:
    keys: dict[str, str] = {}
    for lic in licenses.values():
        for spelling in license_names(lic):
            key = fold_license_name(spelling, spellings)
            owner = keys.setdefault(key, lic.id)
            if owner != lic.id:
                raise CatalogError(
                    lic.file, lic.id, f"alias {spelling!r} is already a name of {owner!r}"
                )
    return keys


def _url_patterns(licenses: dict[str, License]) -> tuple[tuple[str, str], ...]:
    pairs = [(p, lic.id) for lic in licenses.values() for p in lic.url_patterns]
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


def _source_keys(sources: dict[str, Source]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for source in sources.values():
        for spelling in (source.id, source.name, *source.aliases, *source.domains):
            owner = keys.setdefault(fold_source_name(spelling), source.id)
            if owner != source.id:
                raise CatalogError(
                    source.file, source.id, f"alias {spelling!r} is already a name of {owner!r}"
                )
    return keys
