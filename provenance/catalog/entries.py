"""Building one catalog entry from its TOML table: each kind of entry checked field by field,
every problem a CatalogError naming the file, the entry and the value."""

from __future__ import annotations

from typing import Any

from provenance.catalog.keys import TERM_FLAGS_OF_SOURCES
from provenance.catalog.languages import NOUNS
from provenance.errors import CatalogError
from provenance.model import TERM_FLAGS, Category, Change, DigitalSourceType, License, Source, SourceTerms, Terms
from provenance.parse.urls import split_url

ATTRIBUTION_ELEMENTS = frozenset(
    {"title", "creator", "organization", "source", "license", "license_url", "changes"}
)
# generator: an AI image generator, the producer an image credits when no person made it ("Image: Midjourney")
SOURCE_KINDS = frozenset({"agency", "platform", "stock", "government", "state-media", "publisher", "institution",
                          "generator"})
MEDIA_KINDS = frozenset({"ai", "composite", "synthetic", "capture"})


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
        versions=_strings(file, name, entry, "versions"),
    )


def _check_compatible(licenses: dict[str, License]) -> None:
    for lic in licenses.values():
        for other in lic.share_alike_compatible:
            if other not in licenses:
                raise CatalogError(lic.file, lic.id, f"share_alike_compatible names {other!r}, not in the catalog")
        for other in lic.versions:
            if other not in licenses or licenses[other].versions:
                raise CatalogError(lic.file, lic.id, f"versions names {other!r}, not a versioned catalog license")


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
        credit_role=_credit_role(file, name, entry),
        file=file,
    )


CREDIT_ROLES = ("pool", "handout", "courtesy")  # the roles an attribution has words for (licenses/lang/*.toml)


def _credit_role(file: str, name: str, entry: dict[str, Any]) -> str | None:
    role = entry.get("credit_role")
    if role is None or role in CREDIT_ROLES:
        return role
    raise CatalogError(file, name, f"credit_role must be one of {', '.join(CREDIT_ROLES)}, not {role!r}")


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
    staff_initials = entry.get("staff_initials", False)
    if not isinstance(staff_initials, bool):
        raise CatalogError(file, name, f"staff_initials must be true or false, not {staff_initials!r}")
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
        staff_initials=staff_initials,
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
