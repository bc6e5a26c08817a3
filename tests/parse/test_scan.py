"""with_first_chars: a pattern led by a look-ahead for its first characters finds the same matches."""

from __future__ import annotations

import random
import re

import pytest

from provenance.parse import credit_fields, credit_parts, credit_spans, credit_words, credits
from provenance.parse.scan import with_first_chars

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
        credits.LEAD_IN,  # lead-ins of many languages, case-insensitive
        credits.ANYWHERE_LEAD_IN,  # case-sensitive with case-insensitive parts
        credits.WEAK_LEAD_IN,  # a look-behind inside an alternative
        credits._BY_LICENSE,  # an optional quoted title before the lead-in
        credits._BOILERPLATE,  # wire boilerplate, an optional first group
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
    for pattern in (credits.LEAD_IN, credits.ANYWHERE_LEAD_IN, credits._BOILERPLATE, credit_spans._SENTENCE,
                    credit_words.UI_LABELS, credit_fields.URL, credit_fields._RIGHTS, credit_parts._CHAIN):
        assert pattern.pattern.startswith("(?=")
