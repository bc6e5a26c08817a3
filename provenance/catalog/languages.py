"""The languages of attributions: one TOML file per language (licenses/lang/*.toml),
read into `Language` tables and checked against English, which every other
language must match key for key and placeholder for placeholder.

Pure: takes the parsed TOML of each file; reading the files is catalog.py's job.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from provenance.errors import CatalogError

REFERENCE = "en"
TEXT_SECTIONS = ("nouns", "phrases", "statements", "changes")
LIST_SECTIONS = ("lead_ins", "roles")
NOUNS = ("photo", "image", "illustration", "graphic", "video_still", "map", "satellite_image", "ai_image")
ROLES = ("courtesy", "pool", "handout")


@dataclass(frozen=True)
class Language:
    """The phrases of one language, and the words that tell what an image is."""

    code: str
    name: str
    cc_deed: str
    nouns: dict[str, str]
    phrases: dict[str, str]
    statements: dict[str, str]
    changes: dict[str, str]
    lead_ins: dict[str, tuple[str, ...]]
    roles: dict[str, tuple[str, ...]]
    rights: tuple[str, ...]
    file: str = ""


def placeholders(text: str) -> frozenset[str]:
    """'{noun} by {names}' -> {'noun', 'names'}."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def build_languages(raw: list[tuple[str, dict[str, Any]]]) -> dict[str, Language]:
    """Every language file, checked against English; an incomplete file is an error naming it."""
    languages: dict[str, Language] = {}
    for file, data in raw:
        lang = _language(file, data)
        if lang.code in languages:
            raise CatalogError(file, lang.code, f"duplicate language (first defined in {languages[lang.code].file})")
        languages[lang.code] = lang
    if raw and REFERENCE not in languages:
        raise CatalogError(raw[0][0], None, f"no {REFERENCE!r} language file to check the others against")
    for lang in languages.values():
        missing = incomplete(lang, languages[REFERENCE])
        if missing:
            raise CatalogError(lang.file, lang.code, "; ".join(missing))
    return languages


def incomplete(lang: Language, reference: Language) -> list[str]:
    """What `lang` lacks compared with the reference language: keys and placeholders."""
    problems = []
    for section in TEXT_SECTIONS:
        ours, theirs = getattr(lang, section), getattr(reference, section)
        for key, text in theirs.items():
            if key not in ours:
                problems.append(f"[{section}] lacks {key!r}")
            elif placeholders(ours[key]) != placeholders(text):
                problems.append(f"[{section}] {key!r} must use the placeholders {sorted(placeholders(text))}")
    for section in LIST_SECTIONS:
        problems += [f"[{section}] lacks {key!r}" for key in getattr(reference, section)
                     if key not in getattr(lang, section)]
    if not lang.rights:
        problems.append("[rights] reserved lists no phrase")
    return problems


def _language(file: str, data: dict[str, Any]) -> Language:
    head = _table(file, data, "language")
    code = _text(file, head, "language", "code")
    return Language(
        code=code,
        name=_text(file, head, "language", "name"),
        cc_deed=str(head.get("cc_deed", "")),
        nouns=_texts(file, data, "nouns"),
        phrases=_texts(file, data, "phrases"),
        statements=_texts(file, data, "statements"),
        changes=_texts(file, data, "changes"),
        lead_ins=_lists(file, data, "lead_ins", NOUNS),
        roles=_lists(file, data, "roles", ROLES),
        rights=tuple(w.casefold() for w in _word_list(file, _table(file, data, "rights"), "rights", "reserved")),
        file=file,
    )


def _table(file: str, data: dict[str, Any], key: str) -> dict[str, Any]:
    table = data.get(key)
    if not isinstance(table, dict):
        raise CatalogError(file, None, f"[{key}] is missing or not a table")
    return table


def _text(file: str, table: dict[str, Any], section: str, key: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(file, f"[{section}] {key}", f"must be a non-empty string, not {value!r}")
    return value


def _texts(file: str, data: dict[str, Any], section: str) -> dict[str, str]:
    table = _table(file, data, section)
    return {key: _text(file, table, section, key) for key in table}


def _word_list(file: str, table: dict[str, Any], section: str, key: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CatalogError(file, f"[{section}] {key}", "must be a list of non-empty strings")
    return value


def _lists(file: str, data: dict[str, Any], section: str, known: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    table = _table(file, data, section)
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise CatalogError(file, f"[{section}]", f"unknown key(s) {unknown}; known: {list(known)}")
    return {key: tuple(w.casefold() for w in _word_list(file, table, section, key)) for key in table}
