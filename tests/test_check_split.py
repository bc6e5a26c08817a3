"""A plain text checked in chunks and joined gives what one call gives (provenance.check_split): the same
items, labels, findings, evidence and offsets, merges and reused checks, on realistic texts and on random
texts made of credit lines, prose lines and blank lines; and the chunks checked in forked processes
(provenance.io.forked) give the same."""

from __future__ import annotations

import os
from collections.abc import Callable
from itertools import cycle, islice

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.budget import OverBudget, work_budget
from provenance.catalog.load import Catalog
from provenance.catalog.profile import default_profile
from provenance.check import CheckedItem, check_text
from provenance.check_split import (
    Chunk,
    check_chunk,
    check_plain,
    facts_first,
    item_findings,
    items_later,
    join_chunks,
    one_process,
    split_by,
    split_spans,
)
from provenance.io.forked import forked_map
from provenance.parse.markup import has_markup
from tests.conftest import load_cases

# Caption sentences, credits and lines of prose, as a wire digest writes them.
CAPTIONS = ["Crews clear debris in the harbour on Tuesday.", "Fans wave flags outside the stadium.",
            "A heron lands on the pier at dawn.", "Delegates arrive for the summit.", "Smoke rises over the hills."]
CREDITS = ["(AP Photo/Jane Roe)", "REUTERS/John Smith", "Photo: Ada Brook/AFP",
           "(Photo by Kim Lee/AFP via Getty Images)", "Photo by Sam Ray on Unsplash",
           "Ivo Novak, CC BY-SA 4.0, via Wikimedia Commons", "EPA/MARA LUND",
           "© 2024 Lena Berg. All rights reserved.", "Photo: Jane Doe. Licensed under Acme Licence 2",
           "Foto: Lo Penuqui/dpa", "Tor Hamardru/Bloomberg via Getty Images"]
PROSE = ["Residents gather in the square for the annual festival.",
         "The new library opened its doors to readers on Saturday morning.",
         "No picture here, just prose about the weather."]


def digest(lines: int, repeat: int) -> str:
    """Caption lines each closed by a credit (the credits `repeat` times each, in turn), a prose line every
    fourth line."""
    credits = [c for c in CREDITS for _ in range(repeat)]
    out = []
    for n, (caption, credit) in enumerate(zip(islice(cycle(CAPTIONS), lines), cycle(credits), strict=False)):
        out.append(f"{caption} {credit}")
        if n % 4 == 3:
            out.append(PROSE[n % len(PROSE)])
    return "\n".join(out) + "\n"


def split_lines() -> str:
    """Credits broken over lines, and credits on nearby lines that complete each other."""
    block = ("Photo: Jane Roe, John Smith,\nAda Brook, Kim Lee, Sam Ray\nResidents gather in the square for the"
             " annual festival.\nAutor: Max Muster\nLizenz: CC BY-SA 4.0\nThe new library opened its doors this"
             " morning.\nPhotographer: Lena Berg; crop by Ivo Novak\nSource: Wikimedia Commons\nLicense: CC BY 4.0\n"
             "Smoke rises over the hills.\nPhoto: Jane Roe/Acme Studio.\nLicense: CC BY 4.0\n")
    return block * 12


def paragraphs() -> str:
    """Multi-paragraph captions, blank lines between, some with Windows line breaks."""
    block = ("The summit in the capital drew crowds for hours.\n\nPhoto: Ada Brook/AFP\n\n"
             "A quiet street after the storm passed through.\r\n\r\n(Photo by Kim Lee/Getty Images)\r\n\r\n"
             "Volunteers sort donations in the hall.\nThey worked through the night.\n\nREUTERS/John Smith\n\n")
    return block * 10


def cjk() -> str:
    """Chinese, Japanese and Korean captions with their photographers' marks, between English lines."""
    block = ("新华社记者殷博古摄\nResidents gather in the square for the annual festival.\nA crowd. REUTERS/Jane Roe\n"
             "刘力鑫 摄\n首相（写真：アフロ）\nThe new library opened its doors this morning.\nPhoto: Ada Brook/AFP\n"
             "宮武祐希撮影\n[NBC-1TV 이석아 기자]\nSmoke rises over the hills.\nEPA/MARA LUND\n사진=이석아 기자\n")
    return block * 10


def markdown_ish() -> str:
    return "Photo by [Jane Roe](https://unsplash.com/@roe) on [Unsplash](https://unsplash.com)\n" \
           "Residents gather in the square for the annual festival.\n" * 20


def html_ish() -> str:
    return 'Photo by <a href="https://unsplash.com/@roe">Jane Roe</a> on Unsplash<br>\n' \
           "Residents gather in the square for the annual festival.\n" * 20


def case_lines(markup: bool) -> str:
    """The texts of the credit table (tests/cases), a prose line after each: all of them, or those without
    markup (a text with markup is never cut)."""
    cases = [param.values[0]["text"] for param in load_cases("credit_lines")]
    return "".join(f"{text}\n{PROSE[n % 2]}\n" for n, text in enumerate(cases) if markup or not has_markup(text))


def typo_and_merged() -> str:
    """A lead-in read through a typo ('Phoot:') in one part, credits merged over lines in another: every credit
    then quotes the text as written, the merged ones too."""
    return ("Phoot: Jane Doe/AP\nResidents gather in the square for the annual festival.\n" * 5
            + "Photo: Jane Roe\nLicense: CC BY-SA 4.0\nSmoke rises over the hills for hours.\n" * 5)


def rights_lines() -> str:
    """Credits of one agency, each block closed by its rights sign alone ('© Harwick Press'), the text by a rights
    footer: a chunk's last credit may look like the text's footer without being it, and the footer read into
    credits of earlier chunks is the whole text's to decide."""
    block = "".join(f"Boats in the harbour at dawn {n}. Jane Roe/Harwick Press\n{PROSE[n % 2]}\n" for n in range(6))
    footer = "© Harwick Press. All rights reserved."
    return "".join(f"{block}© Harwick Press\n{PROSE[k % 2]}\n" for k in range(8)) + footer


# (text, whether it is cut at all with 4 parts)
TEXTS: list[tuple[Callable[[], str], bool]] = [
    (lambda: digest(120, 1), True),  # a digest, few credits twice
    (lambda: digest(160, 9), True),  # a digest repeating each credit: checks reused across chunks
    (split_lines, True),  # credits over two lines, merged credits, a cut refused where they could merge
    (paragraphs, True),  # blank lines, CRLF
    (cjk, True),  # CJK marks
    (markdown_ish, False),  # markup: never cut (its offsets are the flattened text's)
    (html_ish, False),  # the same for inline HTML
    (lambda: case_lines(markup=False), True),  # the credit table
    (lambda: case_lines(markup=True), False),  # … with its texts in HTML and Markdown
    (typo_and_merged, True),  # quoting as written, decided over the whole text
    (rights_lines, True),  # a rights footer closing the text, and rights signs closing a chunk only
    (lambda: "\n".join(PROSE * 30), True),  # no credit at all: one item for the text, as one call gives
    (lambda: "\n".join(f'"Dawn at sea {n}" by Jane Roe is licensed under CC BY 2.0 and more.' for n in range(40)),
     True),  # the title-author-license form only (read over the whole text)
]


def in_two_here(work: Callable[[int, int], Chunk], spans: list[tuple[int, int]]) -> list[Chunk]:
    """The chunks as forked processes send them in two (provenance.io.forked with IN_TWO), in this process: each
    but the first its items' facts, its items read when asked."""
    chunks = one_process(work, spans)
    return [chunks[0], *(items_later(first, lambda rest=rest: rest) for first, rest in map(facts_first, chunks[1:]))]


def joined(text: str, catalog: Catalog, parts: int) -> list[CheckedItem]:
    """The text checked in chunks, joined; the same when the chunks are sent in two (the findings of each item
    read before any item is)."""
    profile = default_profile(catalog)
    items = check_plain(text, catalog, profile, "the text", one_process, parts, min_chars=0)
    later = check_plain(text, catalog, profile, "the text", in_two_here, parts, min_chars=0)
    assert item_findings(later) == item_findings(items)
    assert len(later) == len(items)
    assert later == items
    return items


@pytest.mark.parametrize(("make", "cut"), TEXTS)
@pytest.mark.parametrize("parts", [2, 4])
def test_a_text_checked_in_chunks_is_checked_as_one(catalog: Catalog, make: Callable[[], str], cut: bool,
                                                    parts: int) -> None:
    text = make()
    assert (len(split_spans(text, 4, min_chars=0)) > 1) is cut
    assert joined(text, catalog, parts) == check_text(text, catalog)


def test_the_chunks_cover_the_text_each_after_the_line_break_before_it(catalog: Catalog) -> None:
    text = digest(200, 3)
    spans = split_spans(text, 4, min_chars=0)
    assert len(spans) == 4
    assert (spans[0][0], spans[-1][1]) == (0, len(text))
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert (start, text[start], text[end - 2]) == (end - 1, "\n", ".")


def test_a_cut_between_credits_that_could_merge_is_refused(catalog: Catalog) -> None:
    """'… Acme Studio.' then 'License: CC BY 4.0' on the next line: one credit, so the join gives up."""
    text = "Photo: Jane Roe/Acme Studio.\nLicense: CC BY 4.0\n"
    profile = default_profile(catalog)
    chunks = [check_chunk(text, 0, 29, catalog, profile), check_chunk(text, 28, len(text), catalog, profile)]
    assert join_chunks(text, chunks, catalog, profile, "the text") is None
    assert joined(text, catalog, 2) == check_text(text, catalog)


def test_a_text_with_a_reference_link_is_never_cut(catalog: Catalog) -> None:
    """'by [Jane Roe][2]' is flattened to its text, so the offsets after it are the flattened text's: as any markup,
    the text is checked in one call (a cut made the credits after it point elsewhere than the whole text's)."""
    text = ("Photo by [Jane Roe][1] on [Unsplash][2]\n" + "Fishing boats return to the harbour at dawn. Ada Brook/AFP\n"
            * 40)
    assert has_markup(text)
    assert split_spans(text, 4, min_chars=0) == [(0, len(text))]
    assert joined(text, catalog, 4) == check_text(text, catalog)


def test_a_short_text_stays_one_call(catalog: Catalog) -> None:
    assert split_spans(digest(100, 1), 2) == [(0, len(digest(100, 1)))]  # under MIN_SPLIT_CHARS


def test_split_by_makes_check_text_use_the_runner(catalog: Catalog) -> None:
    text = digest(2000, 2)
    calls: list[list[tuple[int, int]]] = []

    def runner(work: Callable[[int, int], Chunk], spans: list[tuple[int, int]]) -> list[Chunk]:
        calls.append(spans)
        return one_process(work, spans)

    with split_by(runner, 2):
        items = check_text(text, catalog)
    assert [len(spans) for spans in calls] == [2]
    assert items == check_text(text, catalog)


# Fragments of lines for random texts: credit lines, pieces that complete them, prose, list pieces.
FRAGMENTS = [*CREDITS, *CAPTIONS, *PROSE, "License: CC BY 4.0", "Lizenz: CC BY-SA 4.0", "Source: Wikimedia Commons",
             "Photo:", "Jane Roe,", "John Smith, Ada Brook", "more", "...", "(AP)", "via Getty Images.",
             "Phoot: Ivo Novak", "Photo: Jane Roe/Acme Studio.", "this image has been", "supplied by a third party.",
             "新华社记者殷博古摄", "camera icon", "Fot.", "Kim Lee 기자]", "by Sam Ray", "—", "© Lena Berg",
             "Credit: Reuters", "and more text."]
SEPARATORS = ["\n", "\n", "\n", "\r\n", "\n\n", " ", ". "]
EXAMPLES = int(os.environ.get("PROVENANCE_FUZZ_EXAMPLES", "150"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), min_size=1, max_size=40),
       st.integers(min_value=2, max_value=5))
def test_random_texts_of_credit_fragments_check_alike_in_chunks(catalog: Catalog, pieces: list[tuple[str, str]],
                                                                 parts: int) -> None:
    text = "".join(fragment + separator for fragment, separator in pieces)
    assert joined(text, catalog, parts) == check_text(text, catalog)


def test_chunks_checked_in_forked_processes_are_the_same(catalog: Catalog) -> None:
    text = digest(600, 3)
    profile = default_profile(catalog)
    assert check_plain(text, catalog, profile, "the text", forked_map, 3, min_chars=0) == check_text(text, catalog)


def _fails(start: int, end: int) -> int:
    if start:
        raise ValueError("no such chunk")
    return end


def _over(start: int, end: int) -> int:
    if start:
        raise OverBudget(1.0, "PROVENANCE_CHECK_SECONDS")
    return end


def test_a_forked_chunk_that_fails_raises_here() -> None:
    assert forked_map(lambda start, end: end - start, [(0, 3), (2, 7), (6, 9)]) == [3, 5, 3]
    with pytest.raises(RuntimeError, match="ValueError: no such chunk"):
        forked_map(_fails, [(0, 3), (2, 7)])
    with work_budget(60), pytest.raises(OverBudget, match="PROVENANCE_CHECK_SECONDS"):
        forked_map(_over, [(0, 3), (2, 7)])


def test_where_no_process_can_be_forked_the_chunks_are_checked_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert forked_map(lambda start, end: end - start, [(0, 3), (2, 7), (6, 9)]) == [3, 5, 3]
