"""Folding of license names and source names into lookup keys.

The folding rules themselves are data (licenses/spellings.toml); this module
only applies them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SEPARATORS = re.compile(r"[-_/,;:\"'“”‘’()\[\]]+")
_SPACES = re.compile(r"\s+")
_VERSION_PREFIX = re.compile(r"\bv(?=\d)")
_BARE_MAJOR = re.compile(r"(?<![\w.])(\d)(?![\w.])")
_TRAILING_MARKS = ".,;:!?()[]\"'"


@dataclass(frozen=True)
class Spellings:
    """Phrase replacements and dropped words, read from the catalog."""

    phrases: dict[str, str] = field(default_factory=dict)
    drop: frozenset[str] = frozenset()
    license_url_prefixes: tuple[str, ...] = ()
    source_suffixes: tuple[str, ...] = ()


def fold_license_name(text: str, spellings: Spellings) -> str:
    """Fold a license name into its lookup key: 'CC-BY-SA-4.0' -> 'cc by sa 4.0'."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _SEPARATORS.sub(" ", folded).strip(" .!?")
    folded = _VERSION_PREFIX.sub("", folded)
    folded = _SPACES.sub(" ", folded)
    folded = _apply_phrases(f" {folded} ", spellings.phrases).strip()
    words = [word.rstrip(".") for word in folded.split(" ")]
    words = [w for w in words if w and w not in spellings.drop]
    return _BARE_MAJOR.sub(r"\1.0", " ".join(words))


def _apply_phrases(padded: str, phrases: dict[str, str]) -> str:
    for phrase in sorted(phrases, key=len, reverse=True):
        padded = padded.replace(f" {phrase} ", f" {phrases[phrase]} ")
    return padded


def fold_source_name(text: str) -> str:
    """Fold an organisation name for lookup: case, accents and punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip().rstrip(_TRAILING_MARKS)
    return " ".join(folded.split())  # whitespace runs as one space (split and \s agree on what is space)


# Letters that carry no combining mark to strip, written as their plain forms.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
                                "ı": "i", "ħ": "h", "ŧ": "t"})


def fold_search(text: str | None) -> str:
    """Fold text for accent- and case-insensitive search: 'Jana Novák' -> 'jana novak', 'Łódź' -> 'lodz'.
    The same folding is stored beside the text and applied to the query, so every database matches alike."""
    if (text or "").isascii():  # the same result, without the per-character pass
        return _SPACES.sub(" ", (text or "").lower()).strip()
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain.translate(_PLAIN_LETTERS)).strip()


# ---- names of people and organisations in credit lines -----------------------------------------

_PARTICLES = frozenset({"de", "da", "di", "do", "dos", "das", "du", "del", "della", "van", "von", "der", "den", "ter",
                        "la", "le", "al", "el", "bin", "ibn", "y", "e", "et", "al.", "zu", "af", "st.", "mc",
                        "the", "family", "contributors", "mitwirkende", "und", "and"})  # "the Kovalenko family"
_STOPWORDS = frozenset({"is", "are", "was", "from", "of", "and", "to", "in", "on", "by", "with", "for", "a",
                        "an", "this", "that", "see", "please", "image", "photo", "licensed", "under"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                     "sept", "oct", "nov", "dec"})
_CAPS_TOKEN = re.compile(r"[^\W\d_]{2,}")


def has_digit(text: str) -> bool:
    """Whether any character of the text is a digit (`str.isdigit`), at C speed: a name's shape asks it often."""
    return any(map(str.isdigit, text))


def title_case_capitals(name: str) -> str:
    """'JOHAN ORDONEZ' -> 'Johan Ordonez', 'Sameer Al-DOUMY' -> 'Sameer Al-Doumy'; other words as written."""
    if has_digit(name) or name.startswith("@"):
        return name
    return _CAPS_TOKEN.sub(lambda m: _capitalised(m.group(0)), name)


def _capitalised(word: str) -> str:
    # Turkish dotted capital I lowers to 'i' and a combining dot in Python ('SELAHATTİN' -> 'Selahatti̇n'); a name in
    # capitals wants the plain 'i' ('Selahattin')
    return word[:1] + word[1:].replace("İ", "i").lower() if word.isupper() and word.isalpha() else word


def looks_like_person(name: str) -> bool:
    """A person's name, a handle or a pen name: one to six words, no sentence, no digits in words."""
    words = [w for w in name.split() if not ("<" in w or ">" in w)]  # markup is no part of a name's shape
    if not words or len(words) > 6 or len(name) > 60:
        return False
    if not any(map(str.isalpha, name)):
        return False
    if len(words) == 1 and words[0].casefold() in _STOPWORDS | _PARTICLES:  # 'from', 'the': a leftover word
        return False
    if name.startswith("@") or len(words) == 1:
        return 2 * sum(map(str.isalpha, name)) >= len(name)  # 'Sbyrnes321', not 'dpa:240221-99-75795'
    if all(w.islower() for w in words):  # 'graham earnshaw', not 'pencils.jpg is cropped from'
        return len(words) <= 3 and not any(w in _STOPWORDS or w[1:2] in ("'", "’")
                                           or has_digit(w) for w in words)  # not "l'atelier du port"
    lower = [w for w in words if w.islower() and w.casefold() not in _PARTICLES]  # 'deVera' is a name
    if lower and len(lower) < len(words):
        return False
    numbered = [w for w in words if has_digit(w)]
    return not numbered or (numbered == words[-1:] and words[0].casefold().rstrip(".") not in _MONTHS)


# Characters a reader cannot see or that reorder what is shown: C0/C1 controls (but tab and
# newline), the direction marks, embeddings, overrides and isolates, and zero-width characters.
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")  # full-width digits and letters
_LETTER_O_VERSION = re.compile(r"^(\d+\.[Oo]|[Oo]\.\d+|\d+\.\d*[Oo]\d*)$")
_CONTEXT = re.compile(r"(?<![a-z0-9])(cc|cc0|creative commons|gpl|gfdl|public domain|licen[cs]ed?)(?![a-z0-9])")
_LICENSE_PART = re.compile(r"^(cc0?|by|sa|nc|nd|gpl|gfdl|\d+(\.\d+)?)$")
_PUNCTUATION = "()[]{},;:!?\"'“”‘’"
_ASCII_PARTS = re.compile("[-_/]")
# Cyrillic and Greek letters drawn like Latin ones (the few that spell license names).
_LOOKALIKES = str.maketrans("АВСЕНІКМОРЅТХУаеорсѕхуіΑΒΕΗΙΚΜΝΟΡΤΥΧΖοντ", "ABCEHIKMOPSTXYaeopcsxyiABEHIKMNOPTYXZovt")


def strip_hidden(text: str) -> tuple[str, list[str]]:
    """The text without hidden characters, and the code points removed ('U+202E')."""
    if not HIDDEN.search(text):  # the common case: one scan, nothing built
        return text, []
    found = sorted({f"U+{ord(c):04X}" for c in HIDDEN.findall(text)})
    return (HIDDEN.sub("", text), found) if found else (text, [])


def terminal_safe(text: str) -> str:
    """Text fit for a terminal: no escape sequences or direction controls (tab and newline kept)."""
    return HIDDEN.sub("", text)


def lookalike_reason(text: str) -> str | None:
    """Why a license name is spelled to deceive (look-alike letters or digits, zero-width or
    full-width characters inside a license word), or None. Such a name never resolves to a
    catalog license. Words outside a license's name (a Cyrillic name beside 'CC BY') are not judged."""
    if text.isascii():  # no look-alike, zero-width or full-width character: only '4.O' can deceive
        return _ascii_reason(text)
    if not _CONTEXT.search(_skeleton(text)):
        return None
    for token in text.split():
        reason = _token_reason(token.strip(_PUNCTUATION))
        if reason:
            return reason
    return None


def _ascii_reason(text: str) -> str | None:
    """lookalike_reason for ASCII text, where the skeleton is the text casefolded and a letter O in a
    version number ('4.O', always with a full stop) is the one deception left."""
    if "." not in text or not _CONTEXT.search(text.lower()):
        return None
    for token in text.split():
        parts = _ASCII_PARTS.split(token.strip(_PUNCTUATION))
        if any(_LETTER_O_VERSION.match(part) for part in parts):
            return "the letter O where a zero belongs"
    return None


def _skeleton(text: str) -> str:
    return unicodedata.normalize("NFKC", _ZERO_WIDTH.sub(" ", text)).translate(_LOOKALIKES).casefold()


def _token_reason(token: str) -> str | None:
    parts = re.split("[-_/\u200b-\u200d\u2060\ufeff]", token)
    if not any(_LICENSE_PART.match(_skeleton(part).replace("o", "0") if _LETTER_O_VERSION.match(part)
                                   else _skeleton(part)) for part in parts):
        return None
    if _ZERO_WIDTH.search(token):
        return "zero-width characters"
    if _FULL_WIDTH.search(token):
        return "full-width characters"
    if token.translate(_LOOKALIKES) != token:
        return "Cyrillic or Greek letters that look Latin"
    if any(_LETTER_O_VERSION.match(part) for part in parts):
        return "the letter O where a zero belongs"
    return None
