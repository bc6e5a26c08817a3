"""What the words of a credit say beyond its names, read with the languages'
word lists (licenses/lang/*.toml): the noun its lead-in gives the image
("Illustration:" -> illustration), the role a name carries ("Courtesy of the
family" -> courtesy, "the family"), and whether it reserves all rights.

Every language's words are tried, whatever language the attribution is in: a
German caption's "Grafik:" makes an English attribution say "Graphic".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from provenance.catalog.languages import Language
from provenance.catalog.load import Catalog
from provenance.model import Evidence

_OPENERS = " \t([\"'“„«「『"
_FRAGMENTS = re.compile(r"(?<=[.!?。])\s+|[(\[\n|]")
_CREDIT_MARK = re.compile(r"(?i)\s*(?:[:：©]|by\b|von\b|par\b|de\b|di\b|por\b)")


def _ends_word(text: str, end: int) -> bool:
    """True when text[:end] ends a word: the next character is no letter, or the word is CJK."""
    if end >= len(text) or not text[end].isalnum():
        return True
    return unicodedata.east_asian_width(text[end - 1]) == "W"


# compiled word lists, per languages mapping (kept alive beside its id) and table
_MATCHERS: dict[tuple[int, str], tuple[Mapping[str, Language], re.Pattern[str], dict[str, str]]] = {}


def _matcher(languages: Mapping[str, Language], table: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every word of a table ('lead_ins', 'roles') of every language, longest first,
    and the key each word stands for."""
    cached = _MATCHERS.get((id(languages), table))
    if cached and cached[0] is languages:
        return cached[1], cached[2]
    keys: dict[str, str] = {}
    for lang in languages.values():
        for key, words in getattr(lang, table).items():
            for word in words:
                keys.setdefault(word, key)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(keys, key=len, reverse=True)) or "(?!)")
    _MATCHERS[(id(languages), table)] = (languages, pattern, keys)
    return pattern, keys


def _longest_prefix(text: str, languages: Mapping[str, Language], table: str) -> tuple[str, str] | None:
    """(key, word) of the longest word of `table` that `text` starts with as a whole word."""
    pattern, keys = _matcher(languages, table)
    folded = text.casefold()
    found = pattern.match(folded)
    if found is None:
        return None
    if _ends_word(folded, found.end()):
        return keys[found.group(0)], found.group(0)
    hits = [w for w in keys if folded.startswith(w) and _ends_word(folded, len(w))]  # a shorter whole word
    word = max(hits, key=len, default=None)
    return (keys[word], word) if word else None


def lead_in_noun(text: str, languages: Mapping[str, Language]) -> str | None:
    """'Illustration: Jane Doe' -> 'illustration'; None when the credit opens with no lead-in word."""
    hit = _longest_prefix(text.lstrip(_OPENERS), languages, "lead_ins")
    return hit[0] if hit else None


def caption_noun(caption: str, languages: Mapping[str, Language]) -> str | None:
    """The noun of a credit inside a longer caption: a lead-in word opening a sentence or a bracket and
    followed by ':', '©' or 'by' ('Floods in the north. Map: OpenStreetMap contributors')."""
    for fragment in _FRAGMENTS.split(caption):
        text = fragment.lstrip(_OPENERS)
        hit = _longest_prefix(text, languages, "lead_ins")
        if hit and _CREDIT_MARK.match(text[len(hit[1]):]):
            return hit[0]
    return None


def strip_lead_in(name: str, languages: Mapping[str, Language]) -> str:
    """'Map: OpenStreetMap contributors' -> 'OpenStreetMap contributors': a lead-in left on a name."""
    hit = _longest_prefix(name, languages, "lead_ins")
    rest = name[len(hit[1]):] if hit else ""
    return rest.lstrip(" :：").strip() if hit and rest.lstrip().startswith((":", "：")) else name


def split_role(name: str, languages: Mapping[str, Language]) -> tuple[str | None, str]:
    """'Courtesy of the family' -> ('courtesy', 'the family'); a name without a role word is left alone."""
    hit = _longest_prefix(name.lstrip(_OPENERS), languages, "roles")
    if not hit:
        return None, name
    rest = name.lstrip(_OPENERS)[len(hit[1]):].lstrip(" :：,.-–—")
    return (hit[0], rest) if rest or hit[0] != "courtesy" else (None, name)


def rights_phrase(text: str, languages: Mapping[str, Language]) -> str | None:
    """The phrase by which a text reserves all rights ('All rights reserved', '©', 'Bildrechte'), if any."""
    folded = text.casefold()
    if not _any_rights_phrase(languages).search(folded):  # most texts hold none: one scan says so
        return None
    for lang in languages.values():
        for phrase in lang.rights:
            at = folded.find(phrase)
            if at < 0:
                continue
            end = at + len(phrase)
            starts = not phrase[0].isalnum() or at == 0 or not folded[at - 1].isalnum()
            if at >= 0 and starts and (not phrase[-1].isalnum() or _ends_word(folded, end)):
                return text[at:end]
    return None


_RIGHTS_SCREENS: dict[int, tuple[Mapping[str, Language], re.Pattern[str]]] = {}


def _any_rights_phrase(languages: Mapping[str, Language]) -> re.Pattern[str]:
    """One regex for every rights phrase of every language, kept beside the languages mapping's id."""
    cached = _RIGHTS_SCREENS.get(id(languages))
    if cached and cached[0] is languages:
        return cached[1]
    phrases = sorted({p for lang in languages.values() for p in lang.rights}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(p) for p in phrases) or "(?!)")
    _RIGHTS_SCREENS[id(languages)] = (languages, pattern)
    return pattern


NAME_FIELDS = frozenset({"creator", "organization", "via", "license", "category"})
CAPTION_FIELDS = frozenset({"caption", "description", "credit_line", "credit_text"})
AI_NOUN = "ai_image"


def image_noun(evidence: Iterable[Evidence], catalog: Catalog) -> tuple[str, str] | None:
    """(noun, the evidence it rests on) for what the image is. A declared AI origin (IPTC digital source
    type, in XMP or C2PA) comes first: an AI-generated image is never called a photo. Then the caption's
    lead-in word, then any other declared digital source type. None: nothing says, so a photo."""
    items = list(evidence)
    declared = [(t, e) for e in items if e.field == "digital_source_type"
                for t in [catalog.digital_source_types.get(e.value.strip().rstrip("/").rsplit("/", 1)[-1])] if t]
    for kind, item in declared:
        if kind.noun == AI_NOUN:
            return kind.noun, f"{item.origin} ({item.name})"
    tried: set[str] = set()  # the fields of one credit share its text: read its lead-in once
    for item in items:
        if item.field in NAME_FIELDS and item.raw and item.origin not in ("source-catalog", "manual") \
                and item.raw not in tried:
            tried.add(item.raw)
            noun = lead_in_noun(item.raw, catalog.languages)
            if noun:
                return noun, f"{item.origin} lead-in ({item.name})"
    for item in items:
        if item.field in CAPTION_FIELDS:
            noun = caption_noun(item.value, catalog.languages)
            if noun:
                return noun, f"{item.origin} lead-in ({item.name})"
    for kind, item in declared:
        if kind.kind != "capture" or kind.noun != "photo":
            return kind.noun, f"{item.origin} ({item.name})"
    return None
