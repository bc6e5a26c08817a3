"""Credits around an article's pictures as sites print them. Links in captions: the link's text is the
name, its address the license, the file page or the profile; an HTML or Markdown caption keeps the text a
reader sees as its `caption` (or `credit_text`) and, when it links to web addresses, a linked twin the
credit is read from (model.LINKED_FIELDS). Icons in a caption or a license link are no pictures, and a
credit printed in the figure outside any caption is read."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.check import check_article

BY = "https://creativecommons.org/licenses/by/2.0/"
BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
PHOTO_PAGE = "https://www.flickr.com/photos/32409881@N00/8812345670"
PROFILE = "https://www.flickr.com/people/32409881@N00"


def _figure(caption: str) -> str:
    return f'<html><body><figure><img src="pier.jpg" alt="A pier"><figcaption>{caption}</figcaption></figure>' \
           "</body></html>"


# (article name, article, creator, via, license id, license URL, title)
LINKED = [
    # the Creative Commons TASL form with every part linked, as Flickr's and Openverse's snippets write it
    ("pier.html", _figure(f'<a href="{PHOTO_PAGE}">"Pier at low tide"</a> by <a href="{PROFILE}">Odile Brandt</a> '
                          f'is licensed under <a href="{BY}">CC BY 2.0</a>.'),
     "Odile Brandt", "Flickr", "CC-BY-2.0", BY, "Pier at low tide"),
    # a credit span of its own inside the figure, its license linked
    ("pier.html", _figure(f'The pier in March. <span class="credit">Photo: Odile Brandt, <a href="{BY_SA}">'
                          "CC BY-SA 4.0</a></span>"),
     "Odile Brandt", None, "CC-BY-SA-4.0", BY_SA, None),
    # Commons' own attribution snippet in a figcaption: the author's user page, the license linked
    ("pier.html", _figure('<a href="https://commons.wikimedia.org/wiki/User:OBrandt">Odile Brandt</a>, '
                          f'<a href="{BY_SA}">CC BY-SA 4.0</a>, via Wikimedia Commons'),
     "Odile Brandt", "Wikimedia Commons", "CC-BY-SA-4.0", BY_SA, None),
    # Markdown: the caption line under the image, every part a link
    ("pier.md", f'![A pier](pier.jpg)\n\n["Pier at low tide"]({PHOTO_PAGE}) by [Odile Brandt]({PROFILE}) '
                f"is licensed under [CC BY 2.0]({BY})\n",
     "Odile Brandt", "Flickr", "CC-BY-2.0", BY, "Pier at low tide"),
    # Markdown: the caption in the image's own paragraph, after the image
    ("pier.md", f"![A pier](pier.jpg)\n*Odile Brandt, [CC BY-SA 4.0]({BY_SA}), via Wikimedia Commons*\n",
     "Odile Brandt", "Wikimedia Commons", "CC-BY-SA-4.0", BY_SA, None),
]


@pytest.mark.parametrize(("name", "article", "creator", "via", "license_id", "license_url", "title"), LINKED)
def test_a_linked_caption_gives_its_addresses(catalog: Catalog, name: str, article: str, creator: str,
                                              via: str | None, license_id: str, license_url: str,
                                              title: str | None) -> None:
    [item] = check_article(article, catalog, name=name).items
    record = item.record
    assert (record.creator, record.via, record.license.id if record.license else None, record.license_url) == \
        (creator, via, license_id, license_url)
    assert record.title == title
    # the license's link is there: the caption is never said to lack it
    assert not [f for f in item.findings if f.code == "attribution-incomplete" and "license link" in f.message]
    # the caption a reader sees is kept as it reads, without the addresses
    captions = [e.value for e in item.evidence if e.field in ("caption", "credit_text") and not e.derived]
    assert captions
    assert all("<http" not in c for c in captions)
    assert any(license_url in e.value for e in item.evidence if e.field.startswith("linked_"))


# (article name, article): captions that give no linked twin
UNLINKED = [
    ("pier.html", _figure("Photo: Odile Brandt, CC BY 2.0")),  # no link at all
    ("pier.html", _figure('Photo: <a href="/people/odile-brandt">Odile Brandt</a>, CC BY 2.0')),  # a relative link
    ("pier.html", _figure('Photo: <a href="mailto:o@example.org">Odile Brandt</a>, CC BY 2.0')),  # not a web address
    ("pier.md", "![A pier](pier.jpg)\n\nPhoto: [Odile Brandt](#credits), CC BY 2.0\n"),  # an anchor in the page
]


@pytest.mark.parametrize(("name", "article"), UNLINKED)
def test_a_caption_without_web_links_has_no_twin(catalog: Catalog, name: str, article: str) -> None:
    [item] = check_article(article, catalog, name=name).items
    assert not [e for e in item.evidence if e.field.startswith("linked_")]
    assert (item.record.creator, item.record.license.id if item.record.license else None) == \
        ("Odile Brandt", "CC-BY-2.0")
    assert item.record.license_url is None


def test_a_hostile_link_address_stays_out_of_the_twin(catalog: Catalog) -> None:
    """An address with markup in it is no address: it never reaches the linked text."""
    article = _figure('Photo: <a href="https://example.org/&quot;&gt;&lt;script&gt;">Odile Brandt</a>, CC BY 2.0')
    [item] = check_article(article, catalog, name="pier.html").items
    assert not [e for e in item.evidence if e.field.startswith("linked_")]
    assert item.record.creator == "Odile Brandt"


# (article): two credit elements of one image share a name and a location, one of them linked; the other's
# agency is read (it had been taken for the linked one's element and skipped: no organization, no finding)
TWO_CREDITS = [
    # two credit spans in one figcaption, only the first with a link: the second is read too
    (_figure('Left: the pier. Right: the boat. <span class="credit">Left: <a href="https://example.com/anna">'
             'Anna Berg</a></span> <span class="credit">Right: Tom Reed/Reuters</span>')),
    # two credit paragraphs under the picture, outside any figure (both 'near' it)
    ('<html><body><article><img src="pier.jpg"><p class="credit">Photo: <a href="https://example.com/anna">'
     'Anna Berg</a></p><p class="credit">Map: Tom Reed/Reuters</p><p>The story.</p></article></body></html>'),
]


@pytest.mark.parametrize("article", TWO_CREDITS)
def test_a_linked_twin_stands_for_its_own_element_only(catalog: Catalog, article: str) -> None:
    [item] = check_article(article, catalog, name="pier.html").items
    assert item.record.organization == "Reuters"
    assert "agency-license-required" in {f.code for f in item.findings}


# (caption): a platform's page linked in a caption's prose is no via of its credit, and no source; only the page of
# one work (a Commons file page, a Flickr photo page) on the credit's line is
PROSE_LINKS = [
    # a social account: was via Instagram, with an editorial-only finding
    "The bridge opened on Monday. Follow us on <a href='https://www.instagram.com/citynews/'>Instagram</a>. "
    "Photo: Jane Doe",
    # the publisher's album: was via Flickr
    "More pictures in <a href='https://www.flickr.com/photos/citynews/albums/72157'>our album</a>. Photo: Jane Doe",
    # a post the caption is about: was via Twitter
    "The mayor, whose <a href='https://twitter.com/mayorroe/status/1'>post</a> started the row. Photo: Jane Doe",
    # people named with links to their pages, 'Left to right:' read as a credit's lead-in: was creator Ann Smith,
    # organisation Bo Lee, via Wikipedia
    "Left to right: <a href='https://en.wikipedia.org/wiki/Ann_Smith'>Ann Smith</a>, "
    "<a href='https://en.wikipedia.org/wiki/Bo_Lee'>Bo Lee</a>. Photo: Jane Doe",
    # a search page: was via Unsplash under the Unsplash License, with no finding at all
    "Photo: Jane Doe. <a href='https://unsplash.com/s/photos/bridge'>More bridge photos</a>",
]


@pytest.mark.parametrize("caption", PROSE_LINKS)
def test_a_platforms_link_in_a_captions_prose_is_no_via(catalog: Catalog, caption: str) -> None:
    [item] = check_article(_figure(caption), catalog, name="pier.html").items
    assert (item.record.creator, item.record.via, item.record.source_url) == ("Jane Doe", None, None)
    assert item.record.license is None
    assert "missing-license" in {f.code for f in item.findings}


# (article, the image sources the article shows): icons of a caption or of a license link are no pictures
BADGES = [
    # Openverse's snippet ends with the license's icons, inside the figcaption
    (_figure(f'<a href="{PHOTO_PAGE}">Pier at low tide</a> by <a href="{PROFILE}">Odile Brandt</a> is licensed '
             f'under <a href="{BY}">CC BY 2.0 <img src="https://mirrors.creativecommons.org/presskit/icons/cc.svg" '
             'style="height:1em"><img src="https://mirrors.creativecommons.org/presskit/icons/by.svg"></a>'),
     ["pier.jpg"]),
    # a blog's license badge after the picture, in a link to the deed
    ('<html><body><p><img src="pier.jpg"></p><p>Photo: Odile Brandt</p><a rel="license" href="'
     f'{BY}"><img alt="Creative Commons License" src="https://i.creativecommons.org/l/by/2.0/88x31.png"></a>'
     "</body></html>", ["pier.jpg"]),
    # the same badge without rel="license": the link's address is a license's
    (f'<html><body><p><img src="pier.jpg"></p><a href="{BY}"><img src="/badges/cc-by.png"></a></body></html>',
     ["pier.jpg"]),
    # a picture that links to its file page is a picture
    ('<html><body><a href="https://commons.wikimedia.org/wiki/File:Pier.jpg"><img src="pier.jpg"></a>'
     '<a href="https://example.org/next"><img src="boat.jpg"></a></body></html>', ["pier.jpg", "boat.jpg"]),
]


@pytest.mark.parametrize(("article", "sources"), BADGES)
def test_icons_of_a_caption_or_a_license_link_are_no_pictures(catalog: Catalog, article: str,
                                                                sources: list[str]) -> None:
    assert [item.src for item in check_article(article, catalog, name="pier.html").items] == sources


# (figure markup around the picture, organisation, creator): a credit printed in the figure outside any
# caption or credit element
FIGURE_TEXT = [
    # the BBC's label over the picture, its first words hidden from sight
    ('<div><img src="pier.jpg"><div><span class="visually-hidden">Image source, </span><span>Getty Images</span>'
     '</div></div><figcaption><span class="visually-hidden">Image caption, </span>The pier at low tide</figcaption>',
     "Getty Images", None),
    # a photographer's line under the picture, in a plain paragraph of the figure
    ('<img src="pier.jpg"><p>Odile Brandt/Reuters</p>', "Reuters", "Odile Brandt"),
]


@pytest.mark.parametrize(("inner", "organization", "creator"), FIGURE_TEXT)
def test_a_credit_in_the_figure_outside_its_caption_is_read(catalog: Catalog, inner: str, organization: str,
                                                             creator: str | None) -> None:
    [item] = check_article(f"<html><body><figure>{inner}</figure></body></html>", catalog, name="pier.html").items
    assert (item.record.organization, item.record.creator) == (organization, creator)
    assert "missing-credit" not in {f.code for f in item.findings}


def test_a_figure_of_prose_outside_its_caption_credits_no_one(catalog: Catalog) -> None:
    """Words in the figure that are no credit (a share button's label, a counter) give no credit."""
    article = ('<html><body><figure><img src="pier.jpg"><div>Share this image</div><span>1 of 5</span>'
               "<figcaption>The pier at low tide</figcaption></figure></body></html>")
    [item] = check_article(article, catalog, name="pier.html").items
    assert (item.record.creator, item.record.organization) == (None, None)
    assert "missing-credit" in {f.code for f in item.findings}


# (figcaption: the snippets of Creative Commons' license chooser, whose title is unquoted and marked in RDFa)
CHOOSER = [
    # today's chooser: the title a link, the license link with its icons
    ('<p xmlns:cc="http://creativecommons.org/ns#" xmlns:dct="http://purl.org/dc/terms/"><a property="dct:title" '
     'rel="cc:attributionURL" href="https://example.org/pier">Pier at low tide</a> by <a rel="cc:attributionURL '
     'dct:creator" property="cc:attributionName" href="https://example.org/odile">Odile Brandt</a> is licensed under '
     '<a href="https://creativecommons.org/licenses/by/4.0/?ref=chooser-v1" rel="license noopener noreferrer">'
     'CC BY 4.0<img src="https://mirrors.creativecommons.org/presskit/icons/cc.svg?ref=chooser-v1"></a></p>'),
    # the older chooser: the title in a span
    ('<span xmlns:dct="http://purl.org/dc/terms/" property="dct:title">Pier at low tide</span> by <a '
     'xmlns:cc="http://creativecommons.org/ns#" href="https://example.org/odile" property="cc:attributionName" '
     'rel="cc:attributionURL">Odile Brandt</a> is licensed under a <a rel="license" '
     'href="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0 International License</a>.'),
]


@pytest.mark.parametrize("caption", CHOOSER)
def test_the_license_choosers_title_is_read_from_its_rdfa(catalog: Catalog, caption: str) -> None:
    [item] = check_article(_figure(caption), catalog, name="pier.html").items
    assert (item.record.title, item.record.creator, item.record.license.id if item.record.license else None) == \
        ("Pier at low tide", "Odile Brandt", "CC-BY-4.0")
    assert not [f for f in item.findings if f.code == "attribution-incomplete" and "title" in f.message]


# (Markdown article, [(image source, organisation)] of its items in order): HTML written in the Markdown
MARKDOWN_HTML = [
    # a figure block, as Jekyll and GitHub pages write one
    ("The river rose overnight.\n\n<figure>\n  <img src=\"/img/flood.jpg\" alt=\"Flooded street\">\n"
     "  <figcaption>Residents wade through water. Photo: Marta Kowalczyk/AFP</figcaption>\n</figure>\n\nMore text.\n",
     [("/img/flood.jpg", "AFP")]),
    # an <img> on a line of its own, the caption a Markdown paragraph under it
    ("The river rose overnight.\n\n<img src=\"/img/flood.jpg\" alt=\"Flooded street\">\n\n"
     "*Photo: Marta Kowalczyk/AFP*\n", [("/img/flood.jpg", "AFP")]),
    # a Markdown image and an HTML figure in one article: each with its own credit, in order
    ("![Dam](/img/dam.jpg)\n*Photo: Ilse Varga/Reuters*\n\nText between.\n\n<figure><img src=\"/img/flood.jpg\">"
     "<figcaption>Photo: Marta Kowalczyk/AFP</figcaption></figure>\n",
     [("/img/dam.jpg", "Reuters"), ("/img/flood.jpg", "AFP")]),
]


@pytest.mark.parametrize(("article", "expected"), MARKDOWN_HTML)
def test_html_figures_in_markdown_are_the_articles_images(catalog: Catalog, article: str,
                                                          expected: list[tuple[str, str]]) -> None:
    items = check_article(article, catalog, name="flood.md").items
    assert [(item.src, item.record.organization) for item in items] == expected


# (an HTML article with no picture, creator, via, license URL): its credits read as a pasted fragment's are
NO_PICTURE = [
    # Unsplash's snippet: inline links stay in their line
    ('<p>Photo by <a href="https://unsplash.com/@annaberg">Anna Berg</a> on <a href="https://unsplash.com/">'
     "Unsplash</a></p>", "Anna Berg", "Unsplash", None),
    # a TASL line whose license is a link
    ('<html><head><title>Pier</title><script>var credit = "Created by Someone Else";</script></head><body>'
     f'<p>"Pier at low tide" by Odile Brandt is licensed under <a href="{BY}">CC BY 2.0</a>.</p></body></html>',
     "Odile Brandt", None, BY),
]




def test_an_embedded_player_on_a_page_without_pictures_credits_no_one(catalog: Catalog) -> None:
    """A video's iframe is no text of the page: it was read as the literal tag (creator 'src', via YouTube)."""
    article = ('<html><body><p>The council voted on Tuesday.</p><iframe width="560" height="315" '
               'src="https://www.youtube.com/embed/abc" title="YouTube video player" allowfullscreen></iframe>'
               "<p><em>Video by City TV</em></p></body></html>")
    items = check_article(article, catalog, name="council.html").items
    assert [(item.record.creator, item.record.organization, item.record.via) for item in items] == \
        [(None, "City TV", None)]


@pytest.mark.parametrize(("article", "creator", "via", "license_url"), NO_PICTURE)
def test_an_html_article_without_pictures_reads_its_credits_in_line(catalog: Catalog, article: str, creator: str,
                                                                    via: str | None, license_url: str | None) -> None:
    [item] = check_article(article, catalog, name="credits.html").items
    assert (item.record.creator, item.record.via, item.record.license_url) == (creator, via, license_url)


# (Hugo's figure shortcode in a Markdown article, image source, creator, organisation, source URL)
SHORTCODES = [
    # the credit in the caption
    ('{{< figure src="/img/flood.jpg" alt="Flooded street" caption="Residents wade. Photo: Marta Kowalczyk/AFP" >}}',
     "/img/flood.jpg", "Marta Kowalczyk", "AFP", None),
    # the attribution in attr, linked by attrlink, with '%' delimiters and an escaped quote in the caption
    ('{{% figure src="/img/pier.jpg" caption="The \\"old\\" pier" attr="Odile Brandt/Reuters" '
     'attrlink="https://example.org/odile" %}}', "/img/pier.jpg", "Odile Brandt", "Reuters", "https://example.org/odile"),
    # backquoted values, the title read for a credit too
    ("{{< figure src=`/img/dam.jpg` title=`Photo: Ilse Varga/AP` >}}", "/img/dam.jpg", "Ilse Varga", "AP", None),
]


@pytest.mark.parametrize(("shortcode", "src", "creator", "organization", "source_url"), SHORTCODES)
def test_hugos_figure_shortcode_is_a_picture_with_its_credit(catalog: Catalog, shortcode: str, src: str,
                                                             creator: str, organization: str,
                                                             source_url: str | None) -> None:
    [item] = check_article(f"Intro.\n\n{shortcode}\n\nMore text.\n", catalog, name="flood.md").items
    assert (item.src, item.record.creator, item.record.organization, item.record.source_url) == \
        (src, creator, organization, source_url)


def test_a_shortcode_of_another_kind_is_no_picture(catalog: Catalog) -> None:
    article = '{{< youtube id="w7Ft2ymGmfc" title="Photo: Ilse Varga/AP" >}}\n'
    assert [item.src for item in check_article(article, catalog, name="v.md").items] == [None]


def test_commons_embed_snippet_credits_its_image(catalog: Catalog) -> None:
    """Wikimedia Commons' 'Embed' snippet: the credit is the title of the link around the image."""
    article = ('<p>Text.</p><a title="Odile Brandt, CC BY-SA 4.0 '
               '&lt;https://creativecommons.org/licenses/by-sa/4.0&gt;, via Wikimedia Commons" href="https://commons.wikimedia.org/wiki/File:Pier_at_low_tide.jpg">'
               '<img width="512" alt="Pier at low tide" src="https://upload.wikimedia.org/wikipedia/commons/thumb/a/'
               'ab/Pier_at_low_tide.jpg/512px-Pier_at_low_tide.jpg"></a><p>More text.</p>')
    [item] = check_article(article, catalog, name="pier.html").items
    record = item.record
    assert (record.creator, record.via, record.license.id if record.license else None, record.license_url) == \
        ("Odile Brandt", "Wikimedia Commons", "CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0")
    assert "missing-credit" not in {f.code for f in item.findings}


def test_commons_embed_snippet_of_an_unnamed_author_names_no_one(catalog: Catalog) -> None:
    """Commons writes 'See page for author' where the author is on the file page: 'author' is no client of the
    'X for <client>' form, and no organisation."""
    article = ('<p>Text.</p><a title="See page for author, Public domain, via Wikimedia Commons" '
               'href="https://commons.wikimedia.org/wiki/File:Old_harbour_map.jpg"><img width="512" '
               'src="https://upload.wikimedia.org/wikipedia/commons/a/ab/Old_harbour_map.jpg"></a>')
    [item] = check_article(article, catalog, name="map.html").items
    record = item.record
    assert (record.creator, record.organization, record.via) == (None, None, "Wikimedia Commons")
    assert (record.license.id if record.license else None) == "LicenseRef-PD"


# the title of a link around a picture that is no credit: a lightbox's (WordPress, Fancybox) is the picture's title
LINK_TITLES = [
    "Click to enlarge",  # a label
    "Kyiv",  # a place: was read as the creator
    "Mayor Jane Roe",  # who the picture shows: was read as the creator
    "Harbour Festival 2024 - Opening night",  # an event: was read as the organisation
]


@pytest.mark.parametrize("title", LINK_TITLES)
def test_a_link_title_that_credits_no_one_invents_nothing(catalog: Catalog, title: str) -> None:
    article = f'<a title="{title}" href="https://example.org/big.jpg"><img src="pier.jpg"></a>'
    [item] = check_article(article, catalog, name="pier.html").items
    assert (item.record.creator, item.record.organization, item.record.via) == (None, None, None)
