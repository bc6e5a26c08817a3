"""The cheap checks that let the parser skip a scan stay true to the patterns they stand for."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from provenance.catalog.load import Catalog
from provenance.parse import cjk_credits, credit_fields, credit_labels, credit_parts, credit_words, credits
from provenance.parse.credits import parse_credit
from provenance.parse.scan import dispatched, may_hold
from tests.case_tables import table_rows

# One caption per CJK pattern, each with the name it signs.
CJK_SAMPLES = [
    ("新华社记者殷博古摄", "殷博古"),  # agency, 记者 (reporter), name, 摄
    ("港口的早晨 刘力鑫 摄", "刘力鑫"),  # name, 摄
    ("（新华社发 张伟 摄）", "张伟"),  # agency, 发 (released), name, 摄
    ("撮影者は北山夏帆。", "北山夏帆"),  # 撮影者は (the photographer is) + name
    ("宮武祐希撮影", "宮武祐希"),  # name + 撮影
    ("항구의 아침 [한빛일보 김하늘 기자]", "김하늘"),  # outlet, name, 기자
    ("사진=이석아 기자", "이석아"),  # 사진= name 기자
    ("백신을 맞고 있다. /한서윤 기자 seoyun@harwick.co.kr", "한서윤"),  # a slash, name, 기자 after the last sentence
    ("어선들이 항구로 돌아오고 있습니다. 바다별", "바다별"),  # a name alone after the last sentence
    ("선수가 환호하고 있다.\n수원 | 박하준 기자 hajun@harwick.co.kr", "박하준"),  # a signature line: place | name 기자
]


def test_every_cjk_pattern_is_reached_through_its_marks() -> None:
    # each pattern matches a sample, and the pre-check by marks lets that sample through to it
    for marks, pattern in cjk_credits._PATTERNS:
        samples = [text for text, _ in CJK_SAMPLES if pattern.search(text)]
        assert samples, pattern.pattern
        for text in samples:
            assert any(mark in text for mark in marks), (pattern.pattern, text)


@pytest.mark.parametrize(("text", "name"), CJK_SAMPLES)
def test_cjk_segments_sign_the_name(text: str, name: str) -> None:
    assert any(segment.rewrite.split("/")[0] == name for segment in cjk_credits.cjk_segments(text))


@pytest.mark.parametrize(
    ("text", "creator"),
    [
        ("新华社记者殷博古摄", "殷博古"),  # 摄: agency, reporter, name
        ("宮武祐希撮影", "宮武祐希"),  # 撮影: name, photographed
        ("항구의 아침 [한빛일보 김하늘 기자]", "김하늘"),  # 기자: outlet, name, reporter
        ("Le port au matin. Crédit photo : Ana Ruiz / AFP", "Ana Ruiz"),  # not ASCII, no mark: other rules read it
    ],
)
def test_marks_let_cjk_credits_through(catalog: Catalog, text: str, creator: str) -> None:
    credits = parse_credit(text, catalog)
    assert isinstance(credits, list)
    assert credits[0].creator == creator


# Pieces the field steps' patterns are made of, letters whose case-insensitive matches are not their ASCII pair
# alone (dotless and dotted i, long s, Kelvin sign), brackets, quotes and white space of every kind.
_PIECES = ["licensed under ", "LICENCE: ", "released under ", "is marked with ", "under a licence ", "Lizenz: ",
           "CC BY-SA 4.0", "cc0", "Creative Commons ", "lıcensed ", "LİCENSE", "ſ", "K", "(123456)", "( )", "[ ]",
           "< >", "\x1f", "“Title”", "«Titre»", "„Titel“", '"Title"', "Jane\nRoe", "Jane\tRoe", "Jane   Roe",
           "/images/cover.jpg", "a.png", " ", "(", ")", "a", "b", "c", "e", "n", "r", "/", ".", ":", "=", ","]


def _piece_texts() -> list[str]:
    rng = random.Random(14)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(3000)]


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (credit_fields._LICENSED_UNDER, credit_fields._LICENSE_WORD),  # 'licensed under' and its kin
        (credit_fields._CC_CODE, credit_fields._LICENSE_WORD),  # 'CC BY-SA 4.0', 'CC0'
        (credit_fields._CC_LONG, credit_fields._LICENSE_WORD),  # 'Creative Commons Attribution'
        (credit_fields._WIRE_CODE, credit_fields._BRACKET),  # '(8137137dr)', an emptied bracket
        (credit_fields._QUOTED, credit_fields._QUOTE),  # a quoted title
        (credit_parts._NAME_BREAK, credit_parts._BROKEN),  # a name broken over lines or around a marker
        (credit_parts._BRACKET_END, re.compile(r"\(")),  # a remark in brackets closing a name
        (credits._PATH_ALONE, re.compile(r"[/.]")),  # a file path alone
    ],
)
def test_a_step_is_skipped_only_where_its_pattern_cannot_match(pattern: re.Pattern[str],
                                                                 needed: re.Pattern[str]) -> None:
    # the check that lets a field step skip its pattern says 'no' only to texts the pattern finds nothing in
    found = [text for text in _piece_texts() if pattern.search(text)]
    assert found  # the pieces reach the pattern
    assert all(needed.search(text) for text in found), pattern.pattern


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (credit_fields._LICENSE_WORD, credit_fields._LICENSE_WORDS),  # the words a license pattern needs
        (credit_fields._OWN_WORK, credit_fields._OWN_WORK_WORDS),  # 'own work', 'some rights reserved', …
    ],
)
def test_words_let_through_every_text_the_pattern_matches(pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
    pieces = [*_PIECES, "own work", "OWN WORK", "at Wikipedia", "some rights reserved", "Adapted from",
              "MODIFIED FROM", "oWn", "ſome", "Kelvin", "wİkipedia"]
    rng = random.Random(15)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    found = [text for text in texts if pattern.search(text)]
    assert found
    assert all(may_hold(text, words) for text in found), pattern.pattern
    # ASCII text the words let through is matched by the license words' pattern: the check is exact there
    if pattern is credit_fields._LICENSE_WORD:
        assert all(bool(pattern.search(text)) == may_hold(text, words) for text in texts if text.isascii())


# LEAD_IN_TEXT as main wrote it, with no look-ahead before the AI lead-ins: the blanks after them are the last AI form's
# only ('…|AI_LEAD_1|…|AI_LEAD_N\s*'), so 'Image generated with ' ends before its blank
_PLAIN_LEAD_IN_TEXT = re.compile(
    r"(?i)^\s*(?:(?:(?:file|archive)(?=\s*[:：])|" + dispatched(credit_words.LEAD_PHRASES, re.IGNORECASE)
    + r")\s*(?:\(c\)\s*)?(?:\s" + credit_words.BY_WORDS + r"\b|[:=：]|\s-\s|" + credit_words.CREDIT_DASH
    + r"|(?<=\(c\))(?=\s*(?-i:[A-Z])))\s*|" + credit_words.AI_LEAD + r"\s*)+"
)


@pytest.mark.parametrize(
    "text",
    [
        "Image generated with Midjourney",  # an AI form that is not the last: its blank is left
        "iMAGE GENERATED WITH Uefa Via uthor",
        "AI-generated image: Jane Roe",
        "KI-generiert mit Stable Diffusion",
        "This image was created with DALL-E",  # the last AI form: its blanks are taken
        "Photo: Jane Roe",
        "Photo by Image generated with X",
        "Jane Roe",
    ],
)
def test_lead_in_text_led_by_first_letters_reads_as_the_plain_pattern(text: str) -> None:
    # the look-ahead before the AI lead-ins makes no match longer or shorter
    plain = _PLAIN_LEAD_IN_TEXT.match(text)
    led = credit_words.LEAD_IN_TEXT.match(text)
    assert (led and led.span()) == (plain and plain.span())


# The words and characters the eleventh session's field steps are gated on, in odd cases and beside the characters
# whose case-insensitive matches are not their ASCII pair alone; with the credit table's lines as they are
_GATE_PIECES = ["http://", "HTTPS://", "Www.", "creativecommons.org/", "(c)", "(C)", "©", "Copyright", "crown ",
                "All Rights Reserved", "riproduzione riservata", "BILDRECHTE", "public domain", "PublicDomain",
                '"Dawn" by ', "“Dawn” by ", "«Aube» par ", "„Morgen“ von ", " - FIFA/FIFA", " – UEFA/UEFA via ",
                "—ICC/ICC", " photo by ", " Images by ", " PHOTO / ", " photo/", " for Vogue", " FOR ", " pour ",
                " para ", ", special to ", " Photos", " file", " screengrab", " Screenshot", " pic", " nuotr.",
                " contributors", " und Mitwirkende", " colaboradores", " bidragsgivare", "(12345678dr)", "(Q 4512)",
                "[PA-043221]", "()", "< >", "Jane", "Roe", "ſ", "ı", "İ", "\u212a", "’", "–", "\u00a0", " ", "/", "-",
                ",", ".", "1", "9"]


def _gate_texts() -> list[str]:
    rng = random.Random(16)
    made = ["".join(rng.choice(_GATE_PIECES) for _ in range(rng.randint(1, 10))) for _ in range(4000)]
    return [*made, *(text.swapcase() for text in made[:1000]), *(case["text"] for case in table_rows("credit_lines"))]


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        (credit_fields.URL, lambda text: may_hold(text, credit_fields._URL_WORDS)),  # _take_urls
        (credit_fields._RIGHTS, lambda text: may_hold(text, credit_fields._RIGHTS_WORDS)),  # _take_rights
        (credit_fields._PUBLIC_DOMAIN, lambda text: may_hold(text, ("public",))),  # _take_public_domain
        (credit_fields._TITLE_BY, credit_fields._may_quote),  # _take_title, split_credit's lead
        (credit_fields._TITLE_LEAD, credit_fields._may_quote),
        (credit_fields._BODY_REPEATED, lambda text: "/" in text and credit_fields._has_dash(text)),  # _clean
        (credit_fields._CLIENT, lambda text: may_hold(text, credit_fields._CLIENT_WORDS)),  # _take_client
        (credit_parts.ORG_PHOTO_BY, lambda text: may_hold(text, credit_parts.ORG_PHOTO_WORDS)),
        (credit_labels.PHOTO_SUFFIX, lambda text: may_hold(text, credit_labels._PHOTO_SUFFIX_WORDS)),
        (credit_words.CONTRIBUTORS, lambda text: may_hold(text, credit_words.CONTRIBUTOR_WORDS)),  # label_text
        (credit_fields._CAMEL_JOIN, credit_fields._CAMEL_PAIR.search),  # split_credit
    ],
)
def test_a_field_step_gated_on_its_words_is_skipped_only_where_it_finds_nothing(
        pattern: re.Pattern[str], gate: Callable[[str], object]) -> None:
    found = [text for text in _gate_texts() if pattern.search(text)]
    assert found  # the pieces reach the pattern
    assert all(gate(text) for text in found), pattern.pattern
