"""markup.flatten: the flat text a reader sees, and where each of its pieces stands in the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.parse.markup import Flat, flatten, has_markup

# Pieces of inline markup a pasted caption or article carries, and plain text between them. The marks the flat text
# adds around a Markdown link's address and title (' <', '>', ' (', ')') stand for the link's own marks.
FRAGMENTS = [
    "Read [our story](https://example.org/harbour) first.",  # a Markdown link to a web address
    '[the pier](https://example.org/pier "The pier at dawn")',  # a link with a title
    "[a note](notes.md)",  # a link to no web address: its text alone
    '![The quay](quay.jpg "Photo: Jane Roe/AFP")',  # an image whose title is a credit
    "![Boats](boats.jpg)",  # an image's alt alone
    "see [the report][2] here",  # a reference link
    "[outer [inner](https://example.org/i) name](https://example.org/o)",  # a link inside a link's name
    "<b>bold</b>",  # an inline tag
    '<a href="https://www.flickr.com/photos/x/1">Tom Bell</a>',  # an HTML link
    "<p>A paragraph.</p>",  # a block
    "Tom &amp; Ann",  # a reference
    "REUTERS/Ilse Varga",  # plain text
    "Boats at dusk.",
    "Photo:" + " " * 20 + "Tom Bell",  # a layout's gap, read as its first eight blanks
    "\t" * 12,  # a run of tabs
]
SEPARATORS = [" ", "\n", "\n\n", ""]
MARKS = set(" <>()[]\"")


def _copied_pieces(flat: Flat) -> list[tuple[str, int, int]]:
    """The pieces that copy the original one for one: (flat text, origin, length)."""
    if not flat.starts:  # no markup: the text as it is
        return [(flat.text, 0, len(flat.text))]
    ends = [*flat.starts[1:], len(flat.text)]
    return [(flat.text[start:end], origin, length)
            for start, end, origin, length in zip(flat.starts, ends, flat.origins, flat.lengths, strict=True)
            if length and end - start == length]


def _assert_copied_pieces_are_the_original(text: str, flat: Flat) -> None:
    """Every piece the flat text copies is the original's characters at its place (line ends, CRs and no-break
    spaces read as blanks, as the reader reads them); a link's added marks (' <', '>') standing for its own
    ('](', ')'), whole or in part, are passed over."""
    for piece, origin, length in _copied_pieces(flat):
        original = text[origin : origin + length]
        if set(piece) <= MARKS and set(original) <= MARKS:
            continue
        assert piece.replace("\n", " ") == original.replace("\n", " ").replace("\r", " ").replace("\u00a0", " ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), min_size=1, max_size=12))
def test_every_copied_piece_is_the_original_at_its_place(parts: list[tuple[str, str]]) -> None:
    text = "".join(fragment + separator for fragment, separator in parts)
    _assert_copied_pieces_are_the_original(text, flatten(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a Markdown link before the word: the flat text is shorter than the original by the link's address
        ("Read [our story](https://example.org/a-long-address) first. REUTERS/Ilse Varga", "REUTERS/Ilse Varga"),
        # a reference link before it
        ("See [the report][12] for more. REUTERS/Ilse Varga", "REUTERS/Ilse Varga"),
        # a Markdown link, then HTML: both reductions composed
        ("Read [our story](https://example.org/a) and <b>more</b>. REUTERS/Ilse Varga", "REUTERS/Ilse Varga"),
        # a reference link after a Markdown link
        ("[one](https://example.org/1) and [two][3]. Tom Bell/AFP", "Tom Bell/AFP"),
        # an image's title before it
        ('![The quay](quay.jpg "At dawn") Tom Bell/AFP', "Tom Bell/AFP"),
        # a reference with no ';' glued to the word after it ('&nbspTom'): the word is the original's own, after the
        # reference's known name (html.unescape decodes the longest it knows and keeps the rest)
        ("<b>Boats</b> at dusk.&nbspTom Bell/AFP", "Tom Bell/AFP"),
        ("<b>Boats</b> &copy2024 Tom Bell/AFP", "2024 Tom Bell/AFP"),
    ],
)
def test_a_flat_offset_maps_to_the_same_words_in_the_original(text: str, word: str) -> None:
    flat = flatten(text)
    at = flat.text.index(word)
    assert text[flat.origin(at) : flat.end(at + len(word))] == word


# Markdown, references inside it, HTML and long runs of blanks together: each step's map composed with the others
MIXED = [
    "[Tom &amp; Ann](https://example.org/t)",  # a reference inside a Markdown link's name
    '![Quay](q.jpg "Photo: Tom &amp; Ann/AFP")',  # and inside an image's title
    "[Tom" + " " * 12 + "Bell](https://example.org/b)",  # a layout's gap inside a link's name
    "[Tom" + "&nbsp;" * 10 + "Bell](https://example.org/b)",  # the same written as references
    "[Ann &amp; Tom][2]",  # a reference inside a reference link's text
    '[](https://example.org/e "Tom Bell")',  # a link with no name: its title, added
    "<i></i>",  # an element with no text: no piece
    "<p></p>",  # a block with no text: an added line break
    "&nbsp;" * 12,  # a gap of references
    "REUTERS/Ilse Varga",
    "\t" * 11,
    "[x](y)",  # a link to no web address
    "](",  # a Markdown mark with no link
    "][",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(MIXED), st.sampled_from(SEPARATORS)), min_size=1, max_size=8))
def test_composed_steps_map_every_offset_into_the_original(parts: list[tuple[str, str]]) -> None:
    text = "".join(fragment + separator for fragment, separator in parts)
    flat = flatten(text)
    _assert_copied_pieces_are_the_original(text, flat)
    for index in range(len(flat.text) + 1):
        assert 0 <= flat.origin(index) <= len(text)
        assert 0 <= flat.end(index) <= len(text)
    at = flat.text.find("Ilse Varga")
    if at >= 0:
        assert text[flat.origin(at) : flat.end(at + len("Ilse Varga"))] == "Ilse Varga"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*FRAGMENTS, *MIXED, "a b", "Tom"]), st.sampled_from(SEPARATORS)),
                min_size=1, max_size=6))
def test_a_text_flatten_changes_is_markup(parts: list[tuple[str, str]]) -> None:
    """check_split cuts only a text with no markup, whose offsets it takes as the text's own: every text whose flat
    text or offsets differ from its own is one `has_markup` names."""
    text = "".join(fragment + separator for fragment, separator in parts)
    flat = flatten(text)
    ends = [*flat.starts[1:], len(flat.text)] if flat.starts else []  # no pieces: the text as it is
    identity = flat.text == text and all(origin == start and length == end - start for start, end, origin, length
                                         in zip(flat.starts, ends, flat.origins, flat.lengths, strict=True))
    assert identity or has_markup(text)
