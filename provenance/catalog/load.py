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
from provenance.catalog.keys import TERM_FLAGS_OF_SOURCES, refuse_unknown_keys
from provenance.catalog.languages import NOUNS, Language, build_languages
from provenance.catalog.names import Spellings, fold_license_name, fold_source_name
from provenance.errors import CatalogError
from provenance.model import TERM_FLAGS, Category, Change, DigitalSourceType, License, Source, SourceTerms, Terms
from provenance.parse.urls import split_url

ATTRIBUTION_ELEMENTS = frozenset(
    {"title", "creator", "organization", "source", "license", "license_url", "changes"}
)
SOURCE_KINDS = frozenset({"agency", "platform", "stock", "government", "state-media", "publisher", "institution"})
T = TypeVar("T")
TABLES = frozenset({"family", "license", "source", "category", "change", "digital_source_type", "source_terms",
                    "phrases", "drop", "license_url_prefixes", "source_suffixes", "credit_format"})
LANGUAGE_FOLDER = "lang"  # inside a catalog folder: one TOML file per attribution language
MEDIA_KINDS = frozenset({"ai", "composite", "synthetic", "capture"})


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
    credit_formats: dict[str, CreditFormat] = field(default_factory=dict)
    languages: dict[str, Language] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def terms_of(self, source: Source) -> SourceTerms:
        return self.source_terms[source.terms]

    def license(self, license_id: str) -> License:
        return self.licenses[license_id]

    def cached(self, key: str, build: Callable[[Catalog], T]) -> T:
        """What `build(self)` returns, built once per catalog (compiled name patterns, sorted tables)."""
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]  # type: ignore[no-any-return]


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
    return replace(_build(raw), languages=build_languages(langs))


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


def _entry_name(entry: Any, index: int) -> str:
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return str(entry["id"])
    return f"#{index + 1}"


def _require(file: str, name: str, entry: dict[str, Any], key: str, kind: type) -> Any:
    value = entry.get(key)
    if not isinstance(value, kind):
        problem = f"{key!r} is missing" if value is None else f"{key!r} must be a {kind.__name__}"
        raise CatalogError(file, name, f"{problem} (got {value!r})")
    return value


def _strings(file: str, name: str, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CatalogError(file, name, f"{key!r} must be a list of non-empty strings")
    return tuple(value)


def _check_url(file: str, name: str, key: str, url: str, allow_empty: bool) -> None:
    if not url and allow_empty:
        return
    parts = split_url(url)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc:
        raise CatalogError(file, name, f"{key!r} is not an http(s) URL: {url!r}")


def _families(raw: list[tuple[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """[family.<id>] tables: the values every license of that family starts from."""
    families: dict[str, dict[str, Any]] = {}
    for file, data in raw:
        for family, defaults in data.get("family", {}).items():
            if not isinstance(defaults, dict) or not isinstance(defaults.get("terms", {}), dict):
                raise CatalogError(file, f"family.{family}", "must be a table (with an optional terms table)")
            if family in families:
                raise CatalogError(file, f"family.{family}", "is defined twice")
            families[family] = defaults
    return families


def _with_family(entry: Any, families: dict[str, dict[str, Any]]) -> Any:
    """A license entry on top of its family's defaults; the entry's own values win, term by term."""
    if not isinstance(entry, dict) or entry.get("family") not in families:
        return entry
    defaults = families[entry["family"]]
    terms = {**defaults.get("terms", {}), **entry.get("terms", {})}
    return {**defaults, **entry, "terms": terms}


def _license(file: str, index: int, entry: Any) -> License:
    name = _entry_name(entry, index)
    if not isinstance(entry, dict):
        raise CatalogError(file, name, "a [[license]] entry must be a table")
    url = _require(file, name, entry, "url", str)
    _check_url(file, name, "url", url, allow_empty=True)
    patterns = _strings(file, name, entry, "url_patterns")
    for pattern in patterns:
        if "://" in pattern or "." not in pattern.split("/")[0]:
            raise CatalogError(file, name, f"url pattern {pattern!r} must start with a host, no scheme")
    statement = entry.get("attribution_statement", "Licensed under {license}")
    if not isinstance(statement, str) or (statement and "{license}" not in statement):
        raise CatalogError(file, name, "'attribution_statement' must contain {license} or be empty")
    return License(
        id=_require(file, name, entry, "id", str),
        name=_require(file, name, entry, "name", str),
        short_name=_require(file, name, entry, "short_name", str),
        url=url,
        family=_require(file, name, entry, "family", str),
        terms=_terms(file, name, entry),
        aliases=_strings(file, name, entry, "aliases"),
        url_patterns=tuple(p.lower().rstrip("/") for p in patterns),
        attribution_statement=statement,
        url_ports=bool(entry.get("url_ports", False)),
        share_alike_compatible=_strings(file, name, entry, "share_alike_compatible"),
        file=file,
    )


def _check_compatible(licenses: dict[str, License]) -> None:
    for lic in licenses.values():
        for other in lic.share_alike_compatible:
            if other not in licenses:
                raise CatalogError(lic.file, lic.id, f"share_alike_compatible names {other!r}, not in the catalog")


def _change(file: str, index: int, entry: Any) -> Change:
    name = _entry_name(entry, index)
    if not isinstance(entry, dict):
        raise CatalogError(file, name, "a [[change]] entry must be a table")
    plus = entry.get("plus")
    if plus is not None and not isinstance(plus, str):
        raise CatalogError(file, name, "'plus' must be a PLUS code such as \"AL-CRP\"")
    return Change(id=_require(file, name, entry, "id", str), label=_require(file, name, entry, "label", str),
                  adaptation=_require(file, name, entry, "adaptation", bool), plus=plus, file=file,
                  dashboard=bool(entry.get("dashboard", False)))


def _digital_source_type(file: str, index: int, entry: Any) -> DigitalSourceType:
    name = _entry_name(entry, index)
    if not isinstance(entry, dict):
        raise CatalogError(file, name, "a [[digital_source_type]] entry must be a table")
    kind = _require(file, name, entry, "kind", str)
    if kind not in MEDIA_KINDS:
        raise CatalogError(file, name, f"kind {kind!r} is not one of {sorted(MEDIA_KINDS)}")
    noun = entry.get("noun", "image" if kind != "capture" else "photo")
    if noun not in NOUNS:
        raise CatalogError(file, name, f"noun {noun!r} is not one of {list(NOUNS)}")
    return DigitalSourceType(id=_require(file, name, entry, "id", str), kind=kind,
                             label=_require(file, name, entry, "label", str), noun=noun, file=file)


def _terms(file: str, name: str, entry: dict[str, Any]) -> Terms:
    table = _require(file, name, entry, "terms", dict)
    flags = {flag: _require(file, name, table, flag, bool) for flag in TERM_FLAGS}
    requires = _strings(file, name, table, "attribution_requires")
    unknown = set(requires) - ATTRIBUTION_ELEMENTS
    if unknown:
        raise CatalogError(file, name, f"unknown attribution element(s) {sorted(unknown)}")
    return Terms(**flags, attribution_requires=requires)


def _category(file: str, index: int, entry: Any) -> Category:
    name = _entry_name(entry, index)
    if not isinstance(entry, dict):
        raise CatalogError(file, name, "a [[category]] entry must be a table")
    return Category(
        id=_require(file, name, entry, "id", str),
        name=_require(file, name, entry, "name", str),
        description=_require(file, name, entry, "description", str),
        keywords=tuple(k.casefold() for k in _strings(file, name, entry, "keywords")),
        needs_agreement=bool(entry.get("needs_agreement", False)),
        editorial_only=bool(entry.get("editorial_only", False)),
        needs_verification=bool(entry.get("needs_verification", False)),
        file=file,
    )


def _source(
    file: str,
    index: int,
    entry: Any,
    licenses: dict[str, License],
    categories: dict[str, Category],
    source_terms: dict[str, SourceTerms],
) -> Source:
    name = _entry_name(entry, index)
    if not isinstance(entry, dict):
        raise CatalogError(file, name, "a [[source]] entry must be a table")
    kind = _require(file, name, entry, "kind", str)
    terms = _require(file, name, entry, "terms", str)
    if kind not in SOURCE_KINDS:
        raise CatalogError(file, name, f"kind {kind!r} is not one of {sorted(SOURCE_KINDS)}")
    if terms not in source_terms:
        raise CatalogError(file, name, f"terms {terms!r} is not one of {sorted(source_terms)}")
    license_id = entry.get("license")
    if license_id is not None and license_id not in licenses:
        raise CatalogError(file, name, f"license {license_id!r} is not in the catalog")
    category = entry.get("category")
    if category is not None and category not in categories:
        raise CatalogError(file, name, f"category {category!r} is not in the catalog")
    homepage = entry.get("homepage", "")
    _check_url(file, name, "homepage", homepage, allow_empty=True)
    return Source(
        id=_require(file, name, entry, "id", str),
        name=_require(file, name, entry, "name", str),
        kind=kind,
        terms=terms,
        aliases=_strings(file, name, entry, "aliases"),
        domains=tuple(d.lower() for d in _strings(file, name, entry, "domains")),
        homepage=homepage,
        license=license_id,
        category=category,
        note=str(entry.get("note", "")),
        file=file,
    )


def _source_terms(file: str, index: int, entry: Any) -> SourceTerms:
    name = _entry_name(entry, index)
    if not isinstance(entry, dict):
        raise CatalogError(file, name, "a [[source_terms]] entry must be a table")
    flags = {flag: entry.get(flag, False) for flag in TERM_FLAGS_OF_SOURCES}
    wrong = [flag for flag, value in flags.items() if not isinstance(value, bool)]
    if wrong:
        raise CatalogError(file, name, f"{wrong[0]} must be true or false")
    return SourceTerms(id=_require(file, name, entry, "id", str), label=_require(file, name, entry, "label", str),
                       **flags)


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
