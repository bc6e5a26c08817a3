"""markup.flatten: the flat text a reader sees, and where each of its pieces stands in the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.parse.markup import Flat, flatten

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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), min_size=1, max_size=12))
def test_every_copied_piece_is_the_original_at_its_place(parts: list[tuple[str, str]]) -> None:
    text = "".join(fragment + separator for fragment, separator in parts)
    flat = flatten(text)
    for piece, origin, length in _copied_pieces(flat):
        original = text[origin : origin + length]
        if set(piece) <= MARKS and set(original) <= MARKS:
            continue  # a link's added marks (' <', '>') standing for its own ('](', ')'), whole or in part
        assert piece.replace("\n", " ") == original.replace("\n", " ").replace("\r", " ")


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
    ],
)
def test_a_flat_offset_maps_to_the_same_words_in_the_original(text: str, word: str) -> None:
    flat = flatten(text)
    at = flat.text.index(word)
    assert text[flat.origin(at) : flat.end(at + len(word))] == word
