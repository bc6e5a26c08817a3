"""Credits in article markup: a credit in its own element wins over the caption's last words, UI
labels are never part of a credit, and a link's text is the name while its href is read too."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.check import check_article, check_text
from provenance.parse.articles import find_images

FIGURE = (
    '<figure><img src="/img/mill.jpg"><figcaption>The mill at Marrowby, painted by Ada Brook in 1901. '
    '<span class="credit">Photo: Colm Farrity/AP</span> <button>hide caption</button></figcaption></figure>'
)


def test_credit_element_wins_over_the_caption(catalog: Catalog) -> None:
    [item] = check_article(FIGURE, catalog, name="mill.html").items
    assert (item.record.creator, item.record.organization) == ("Colm Farrity", "AP")


@pytest.mark.parametrize(
    ("text", "creator", "via"),
    [
        # an Unsplash snippet pasted as text: link text is the name, the platform link gives via
        ('Photo by <a href="https://unsplash.com/@aq">Amaru Tupa</a> on <a href="https://unsplash.com/">Unsplash</a>',
         "Amaru Tupa", "Unsplash"),
        # a Commons embed: the credit is the title of a link around an image
        ('<a title="Ilse Varga, CC BY-SA 4.0, via Wikimedia Commons" href="https://commons.wikimedia.org/wiki/'
         'File:Pier.jpg"><img src="https://upload.wikimedia.org/p.jpg"></a>', "Ilse Varga", "Wikimedia Commons"),
        # a Markdown link to a Flickr photo page: via Flickr, the link text the name
        ("Photo: [Nadia Okoro](https://www.flickr.com/photos/nokoro/123), CC BY 2.0", "Nadia Okoro", "Flickr"),
    ],
)
def test_link_text_is_the_name_and_the_href_is_read(catalog: Catalog, text: str, creator: str, via: str) -> None:
    [item] = check_text(text, catalog)
    assert (item.record.creator, item.record.via) == (creator, via)


def test_hostile_markup_in_a_credit_stays_text(catalog: Catalog) -> None:
    [item] = check_text("Photo: <b>Mara Quell</b> <script>alert(1)</script>/AP", catalog)
    assert item.credit is not None
    assert "<script>" in item.credit.text  # kept as written, escaped wherever it is shown


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a figure whose caption carries a button and a toggle label
        ('<figure><img src="/img/mill.jpg"><figcaption>The mill at dawn. Colm Farrity/AP <button>Expand</button> '
         "toggle caption</figcaption></figure>", "html"),
        # a Markdown caption line copied with the page's labels
        ("![The mill](mill.jpg)\nThe mill at dawn. Colm Farrity/AP hide caption Enlarge this image", "markdown"),
    ],
)
def test_ui_labels_are_no_part_of_a_caption_in_any_reader(catalog: Catalog, text: str, kind: str) -> None:
    [image] = find_images(text, kind, catalog).images
    captions = [e.value for e in image.evidence if e.field in ("caption", "credit_text")]
    assert captions == ["The mill at dawn. Colm Farrity/AP"]
    [item] = check_article(text, catalog, name=f"mill.{'html' if kind == 'html' else 'md'}").items
    assert (item.record.creator, item.record.organization) == ("Colm Farrity", "AP")


FLICKR = '<a href="https://www.flickr.com/photos/x/123">'
CC_BY = '<a href="https://creativecommons.org/licenses/by/2.0/">'


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # the credit ends exactly at a link's end: its address, inserted after the text, is not the original's
        (f"<p>Photo: {FLICKR}Jane Roe</a></p>", f"Photo: {FLICKR}Jane Roe"),
        # the credit goes on after a link: it ends on its own last character, before the closing tag
        (f"<p>Photo: {FLICKR}Jane Roe</a>, CC BY 2.0</p>", f"Photo: {FLICKR}Jane Roe</a>, CC BY 2.0"),
        # a licence link at the end, another paragraph after it: neither the tags nor the next text
        (f"<p>Photo: Jane Roe / {CC_BY}CC BY 2.0</a></p><p>More text.</p>", f"Photo: Jane Roe / {CC_BY}CC BY 2.0"),
        # links in brackets, a paragraph after them: the closing bracket is the credit's last real character
        (f"<p>Photo: {FLICKR}Jane Roe</a> ({CC_BY}CC BY 2.0</a>)</p><p>Next.</p>",
         f"Photo: {FLICKR}Jane Roe</a> ({CC_BY}CC BY 2.0</a>)"),
        # the credit ends inside a link's text
        ('<p><a href="https://example.org/s">Photo: Jane Roe/AP. The harbour</a></p>', "Photo: Jane Roe/AP"),
        # a reference in the credit counts as the characters it is written with, not the one it stands for
        ("<p>Tom &amp; Ann. Photo: Smith &amp; Jones/AP</p>", "Photo: Smith &amp; Jones/AP"),
        # the credit ends on a reference
        ("<p>Photo: Jane Roe &copy; 2020</p>", "Photo: Jane Roe &copy; 2020"),
        # an address in angle brackets before the credit (read as text, written so for the parser): no shift
        (f"See <https://example.org/a> here.\n<p>Photo: {FLICKR}Jane Roe</a></p>", f"Photo: {FLICKR}Jane Roe"),
        # a '<' that opens no tag before the credit: no shift either
        ("a < b and c.\n<p>Photo: Jane Roe/AP</p>", "Photo: Jane Roe/AP"),
        # CRLF line ends between paragraphs: the credit's '\r' is no end of it, nor the closing tag before it (hrev3)
        ("<p>Intro</p>\r\n<p>Photo: Jane Roe/AP</p>\r\n<p>Next</p>", "Photo: Jane Roe/AP"),
        # the same with a reference in the credit and a link at its end (hrev3)
        (f"<p>Intro</p>\r\n<p>Photo: Jos&eacute; Roe/{FLICKR}Flickr</a></p>\r\n<p>Next</p>",
         f"Photo: Jos&eacute; Roe/{FLICKR}Flickr"),
        # a Markdown link earlier in the text: the credit after it quotes its own characters, not a shifted span
        ("Read [our story](https://example.org/a-long-story-address) first.\n\nBoats at dusk. REUTERS/Ilse Varga",
         "REUTERS/Ilse Varga"),
        # a reference link earlier in the text: the same
        ("See [the harbour report][12] for more.\n\nBoats at dusk. REUTERS/Ilse Varga", "REUTERS/Ilse Varga"),
        # a Markdown link, then HTML, then the credit in HTML: both reductions composed
        (f"Read [our story](https://example.org/a) and <b>more</b>.\n<p>Photo: {FLICKR}Jane Roe</a></p>",
         f"Photo: {FLICKR}Jane Roe"),
        # a credit written with Markdown links: quoted whole, its last link's closing bracket included
        ("Photo by [Jane Roe](https://unsplash.com/@jroe) on [Unsplash](https://unsplash.com/)",
         "Photo by [Jane Roe](https://unsplash.com/@jroe) on [Unsplash](https://unsplash.com/)"),
        # a credit opening with a link's name: its opening bracket included
        ("[Jane Roe](https://commons.wikimedia.org/wiki/User:Jroe) [CC BY-SA 4.0], via Wikimedia Commons",
         "[Jane Roe](https://commons.wikimedia.org/wiki/User:Jroe) [CC BY-SA 4.0], via Wikimedia Commons"),
        # a credit opening with a reference link's text: its opening bracket included, as a link's is
        ("Boats at dusk. [Jane Roe][2]/AFP", "[Jane Roe][2]/AFP"),
        ("[Jane Roe][2], CC BY-SA 4.0, via Wikimedia Commons", "[Jane Roe][2], CC BY-SA 4.0, via Wikimedia Commons"),
        # a credit in a Markdown image's title: its own characters inside the title
        ('![Harbour at dusk](harbour.jpg "Photo: Jane Roe/AFP")', "Photo: Jane Roe/AFP"),
        # a layout's gap inside the credit (read as eight blanks): quoted with all its blanks, at its own place
        ("Boats at dusk.\nPhoto:" + " " * 200 + "Jane Roe/AP", "Photo:" + " " * 200 + "Jane Roe/AP"),
        # a gap before the credit: no shift
        ("Boats at dusk." + " " * 300 + "\nPhoto: Jane Roe/AP", "Photo: Jane Roe/AP"),
    ],
)
def test_a_credit_in_markup_quotes_its_own_characters(catalog: Catalog, text: str, quote: str) -> None:
    [item] = check_text(text, catalog)
    assert item.credit is not None
    assert (item.credit.text, text[item.credit.start : item.credit.end]) == (quote, quote)


def test_a_credit_read_from_a_link_title_quotes_the_title(catalog: Catalog) -> None:
    """A Commons embed's credit is only in the link's title: no character of the original is its own, so its
    span is empty (just after the link) and it quotes what was read, never a piece of the closing tag."""
    text = ('<a title="Ilse Varga, CC BY-SA 4.0, via Wikimedia Commons" href="https://commons.wikimedia.org/wiki/'
            'File:Pier.jpg"><img src="https://upload.wikimedia.org/p.jpg"></a> seen here')
    [item] = check_text(text, catalog)
    assert item.credit is not None
    assert item.credit.start == item.credit.end == text.index(" seen here")
    assert item.credit.text == "Ilse Varga, CC BY-SA 4.0, via Wikimedia Commons"
