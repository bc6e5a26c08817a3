"""with_first_chars: a pattern led by a look-ahead for its first characters finds the same matches."""

from __future__ import annotations

import random
import re

import pytest

from provenance.parse import credit_fields, credit_leads, credit_parts, credit_spans, credit_words, credits
from provenance.parse.scan import (
    GATE_MIN_CHARS,
    built_gate,
    dispatched,
    gate_key,
    gate_of,
    gate_passes,
    gated_finditer,
    gated_sub,
    lowered_for_gates,
    with_first_chars,
)
from provenance.parse.scan_gates import GATES
from tests.case_tables import table_rows

# Letters whose case-insensitive matches are not their ASCII pair alone (dotless and dotted i, long s,
# Kelvin sign, Ångström sign), brackets, quotes, rights signs and CJK marks, spaces and new lines.
ALPHABET = list("abcipsxyzABCIPSXYZıİſKÅå ()[]/.,:;=-\n\t\"'“”«»©写真사진图片来源摄") + ["Photo: ", "by ", "credit "]


def _texts() -> list[str]:
    rng = random.Random(10)
    return ["".join(rng.choice(ALPHABET) for _ in range(4000)) for _ in range(5)] + [
        "Crews clear debris. (AP Photo/Jane Roe)\nPHOTO BY JANE ROE/AFP VIA GETTY IMAGES\nFoto: Ana Ruiz/dpa",
        "Image credit: ıan Roe. ſource: Reuters. © 2024 Jane Roe. All rights reserved.",
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        credit_leads.LEAD_IN,  # lead-ins of many languages, case-insensitive
        credit_leads.ANYWHERE_LEAD_IN,  # case-sensitive with case-insensitive parts
        credit_leads.WEAK_LEAD_IN,  # a look-behind inside an alternative
        credit_leads.BY_LICENSE,  # an optional quoted title before the lead-in
        credit_leads.BOILERPLATE,  # wire boilerplate, an optional first group
        credit_spans._SENTENCE,  # a look-behind before the first character
        credit_fields._LICENSED_UNDER,  # a field step: optional words before the required ones
        credit_fields._RIGHTS,  # a rights sign, '(c)' or words at a word's start
        credit_parts._CHAIN,  # separators after optional white space
        credit_parts._EDGE_NOISE,  # anchored at either end, years or punctuation
        re.compile(r"(?i)(?:kelvin|sigma)"),  # letters with non-ASCII case partners
        re.compile(r"(?:a|b)?c+"),  # an optional group, then a required character
        re.compile(r"[^\W\d]\w*"),  # a class of categories
        re.compile("(?x) photo \\s* : | credit  # a verbose pattern ending in a comment"),
    ],
)
def test_same_matches(pattern: re.Pattern[str]) -> None:
    fast = with_first_chars(pattern)
    for text in _texts():
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert fast.sub("#", text) == pattern.sub("#", text)


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile(r"a?"),  # can match the empty string
        re.compile(r".b"),  # starts with any character
        re.compile(r"[^a]b"),  # starts with a negated class
        re.compile(r"(a)\1|\1b"),  # a back-reference where a match may start
        re.compile(r"(?a:\w)x"),  # a scoped ASCII flag changes what a class means
    ],
)
def test_left_alone_when_the_first_character_cannot_be_told(pattern: re.Pattern[str]) -> None:
    assert with_first_chars(pattern) is pattern


def test_the_parser_scans_are_led_by_their_first_characters() -> None:
    for pattern in (credit_leads.LEAD_IN, credit_leads.ANYWHERE_LEAD_IN, credit_leads.BOILERPLATE,
                    credit_spans._SENTENCE, credit_words.UI_LABELS, credit_fields.URL, credit_fields._RIGHTS,
                    credit_parts._CHAIN):
        assert pattern.pattern.startswith("(?=")


DISPATCH_CASES = [
    # (alternatives, flags): each is compiled as a plain join and as dispatched(); both must find the same matches
    (["photo", "photograph", "pic", "image", "illustration"], re.IGNORECASE),  # shared first letters, prefixes
    (["(?-i:Foto)", "foto(?:s)?", "fot\\.", "bild"], re.IGNORECASE),  # a part that keeps its case
    (["(?i:kuva)", "Kilde", "[kK]älla", "ph[oō]to"], 0),  # a part that ignores case in a pattern that does not
    (["ф(?:ото)?", "снимок", "写真", "사진"], re.IGNORECASE),  # other scripts
    (["a(?=b)", "ab", "[a-c]d", "(?:x|a)y"], 0),  # alternatives that overlap: the first listed wins
]
DISPATCH_TEXT = ("Photo: a Photographer, PIC of an Image; FOTO and foto, Fotos; fot. BILD kuva KUVA Kilde kilde "
                 "Källa källa phōto ФОТО снимок 写真 사진 ab ad cd xy ay abd " * 3)


@pytest.mark.parametrize(("alternatives", "flags"), DISPATCH_CASES)
def test_dispatched_alternatives_find_what_the_plain_join_finds(alternatives: list[str], flags: int) -> None:
    plain = re.compile("|".join(alternatives), flags)
    fast = re.compile(dispatched(alternatives, flags), flags)
    assert fast.pattern != plain.pattern  # the case was dispatched
    for text in [DISPATCH_TEXT, *_texts()]:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_dispatch_is_left_alone_when_a_first_character_cannot_be_told() -> None:
    for alternatives in (["photo", ".x"], ["photo", "\\w+"], ["photo", "(?:x)?"]):
        assert dispatched(alternatives, re.IGNORECASE) == "|".join(alternatives)


def test_the_lead_in_scan_finds_what_its_plain_join_finds() -> None:
    plain = re.compile(credit_leads.LEAD_IN.pattern.replace(dispatched(credit_words.LEAD_PHRASES, re.IGNORECASE),
                                                       "|".join(credit_words.LEAD_PHRASES)), credit_leads.LEAD_IN.flags)
    assert plain.pattern != credit_leads.LEAD_IN.pattern
    texts = [case["text"] for case in table_rows("credit_lines")] + [DISPATCH_TEXT, *_texts()]
    for text in texts:
        assert [m.span("lead") for m in credit_leads.LEAD_IN.finditer(text)] == \
            [m.span("lead") for m in plain.finditer(text)], text


GATED = [
    credit_leads.LEAD_IN,  # lead-ins of many languages behind \b, case-insensitive
    credit_leads.ANYWHERE_LEAD_IN,  # case-sensitive with case-insensitive parts, a rights sign outside ASCII
    credit_leads.WEAK_LEAD_IN,  # look-behinds, '^'
    credit_leads.BOILERPLATE,  # an optional first group, look-behinds in capitals
    credit_words.UI_LABELS,  # '…' or '...' before a marker, Korean labels at a line's end
    credit_leads.BY_LICENSE,  # quoted titles, a look-ahead over the rest of the line
    re.compile(r"(?i)(?:kelvin|sigma|ſun|ıdle)"),  # letters whose case partners lie outside ASCII
    re.compile("\u212aelvin|(?i:\u212aelvin)"),  # the Kelvin sign as written, and as it matches 'k' and 'K'
    re.compile(r"(?:a|b)?c+\s*d"),  # an optional group, a repeat, a category
]
# Letters with case partners outside ASCII (the Kelvin sign, dotted and dotless i, long s), and words of the patterns
GATE_ALPHABET = ALPHABET + ["Kelvin ", "\u212aelvin ", "kelvin ",
                            "KELVIN ", "kelvın ", "ſigma ", "SIGMA ", "Left: ", "right : ", ", by ", "(c) ",
                            "hide caption ", "… [+] ", "FILE PHOTO: ", "no resales. ", "“Dawn” by ", "photo\nby ",
                            "İmage credit: ", "Cover photo: ", "\u00a0", "©", "фото: ", "Фото: ", "ß"]


def _long_texts() -> list[str]:
    rng = random.Random(14)
    lines = [case["text"] for case in table_rows("credit_lines")]
    texts = ["".join(rng.choice(GATE_ALPHABET) for _ in range(GATE_MIN_CHARS // 2)) for _ in range(6)]
    texts += ["\n".join(lines), "\n".join(lines).upper(), " ".join(lines).lower()]
    return texts + [text.replace("ı", "i").replace("ſ", "s").replace("İ", "I") for text in texts]  # the gated path


@pytest.mark.parametrize("pattern", GATED)
def test_gated_scans_find_what_the_pattern_finds(pattern: re.Pattern[str]) -> None:
    gated = 0
    for text in _long_texts():
        lowered = lowered_for_gates(text)
        gated += bool(lowered)
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in gated_finditer(pattern, text, lowered)] == found
        # the gate to the text's end, however densely it finds positions (above, a text in which it finds them
        # densely is left to the pattern's own scan from there on: most of these texts)
        assert [(m.span(), m.groups()) for m in gated_finditer(pattern, text, lowered, dense_chars=0)] == found
        assert gated_sub(pattern, lambda m: f"<{m.group(0)}>", text, lowered) == \
            pattern.sub(lambda m: f"<{m.group(0)}>", text)
    assert gated >= 9  # every text without those three letters took the gated path


def test_the_parser_scans_have_gates() -> None:
    for pattern in credits.GATED_SCANS:
        assert gate_of(pattern, 3) is not None


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile(r"a?"),  # can match the empty string
        re.compile(r".b"),  # starts with any character
        re.compile(r"\w+x"),  # starts with a class too wide to list
        re.compile(r"[^a]b"),  # starts with a negated class
    ],
)
def test_no_gate_where_the_first_characters_cannot_be_listed(pattern: re.Pattern[str]) -> None:
    assert gate_of(pattern, 3) is None
    text = "ab xb cab " * (GATE_MIN_CHARS // 5)
    assert [m.span() for m in gated_finditer(pattern, text, lowered_for_gates(text))] == \
        [m.span() for m in pattern.finditer(text)]


def test_short_texts_and_odd_case_folds_are_scanned_as_they_are() -> None:
    assert lowered_for_gates("Photo: Jane Roe") == ""  # short
    long = "Photo: Jane Roe. " * (GATE_MIN_CHARS // 10)
    assert lowered_for_gates(long) == long.lower()
    for odd in ("ı", "ſ", "İ"):  # 'İ' lowers to two characters: positions would move
        assert lowered_for_gates(f"{long} {odd}") == ""


def test_the_stored_gates_are_the_ones_the_patterns_give() -> None:
    # a pattern edited since scan_gates.py was written: run scripts/write_scan_gates.py (until then its gate is
    # built when a long text first asks for it, with the same matches)
    assert set(GATES) == {gate_key(pattern) for pattern in credits.GATED_SCANS}, "run scripts/write_scan_gates.py"
    for pattern in credits.GATED_SCANS:
        gate = built_gate(pattern)
        assert GATES[gate_key(pattern)] == (gate.pattern if gate else ""), "run scripts/write_scan_gates.py"


def test_a_gate_passes_every_text_its_pattern_matches_at_its_start() -> None:
    # credit_words.lead_in_text_match asks LEAD_IN_TEXT's gate first: a text it stops is one the pattern does not
    # match; every line of the credit table, its pieces after each separator and random texts of odd case folds
    rng = random.Random(17)
    lines = [case["text"] for case in table_rows("credit_lines")]
    pieces = [piece for line in lines for piece in re.split(r"[/;,|(]", line)]
    odd = ["".join(rng.choice(GATE_ALPHABET) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    texts = [*lines, *pieces, *(t.upper() for t in pieces), *odd, " Photo: Jane Roe", "İmage credit: Jane Roe",
             "\u212aredit: Jane Roe", "ſource: Reuters"]
    stopped = 0
    for text in texts:
        matched = credit_words.LEAD_IN_TEXT.match(text)
        passes = gate_passes(credit_words.LEAD_IN_TEXT, text)
        assert passes or matched is None, text
        found = credit_words.lead_in_text_match(text)
        assert (found and found.span()) == (matched and matched.span()), text
        assert credit_words.without_lead_in_text(text) == credit_words.LEAD_IN_TEXT.sub("", text, count=1)
        stopped += not passes
    assert stopped > len(texts) // 2  # most texts open with a name: the gate stops them

