"""Whole articles as CMSs and outlets write them: which elements are the pictures (AMP, lazy loaders, srcsets,
noscript fallbacks, carousel clones, pixels and logos, CSS heroes), and where their captions and credits are
(WordPress's caption shortcode and galleries, data attributes, Drupal's media fields, resized copies named
in JSON-LD, a Markdown figure over blank lines)."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.check import check_article
from provenance.parse.articles import find_images
from provenance.parse.html_pictures import first_candidate
from provenance.parse.shortcodes import expand_captions

CAP = "<figcaption>Photo: Nils Odegaard/AP</figcaption>"

# (article, the pictures' addresses in order)
PICTURES = [
    # AMP: the amp-img is the picture, its noscript copy is not a second one
    (f'<figure><amp-img src="/p/boat.jpg" width="4" height="3" layout="responsive"><noscript>'
     f'<img src="/p/boat.jpg"></noscript></amp-img>{CAP}</figure>', ["/p/boat.jpg"]),
    # lazysizes: a placeholder in src, the picture in data-src, a noscript copy beside it
    (f'<figure><img class="lazyload" src="/static/grey.gif" data-src="/p/boat.jpg"><noscript><img src="/p/boat.jpg">'
     f'</noscript>{CAP}</figure>', ["/p/boat.jpg"]),
    # a WordPress lazy-load plugin: an inline SVG placeholder, the picture in data-lazy-src
    ('<p><img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-lazy-src="/p/boat.jpg"></p>', ["/p/boat.jpg"]),
    # only a srcset, its addresses holding commas (an image CDN's transformations)
    ('<p><img srcset="https://cdn.example/upload/w_400,h_300,c_fill/boat.jpg 400w, '
     'https://cdn.example/upload/w_800,h_600,c_fill/boat.jpg 800w"></p>',
     ["https://cdn.example/upload/w_400,h_300,c_fill/boat.jpg"]),
    # a <picture> whose img has no address: the <source>'s lazy srcset
    ('<picture><source data-srcset="/p/boat-640.webp 640w, /p/boat-1280.webp 1280w"><img alt=""></picture>',
     ["/p/boat-640.webp"]),
    # a picture a script draws: only its noscript fallback is an <img>, and it is the picture
    (f'<figure><div class="js-image" data-id="88"></div><noscript><img src="/p/boat.jpg"></noscript>{CAP}</figure>',
     ["/p/boat.jpg"]),
    # slick's endless carousel: the cloned slides show each picture again
    ('<div class="slick-track"><div class="slick-slide slick-cloned"><img src="/p/b.jpg"></div>'
     '<div class="slick-slide"><img src="/p/a.jpg"></div><div class="slick-slide"><img src="/p/b.jpg"></div>'
     '<div class="slick-slide slick-cloned"><img src="/p/a.jpg"></div></div>', ["/p/a.jpg", "/p/b.jpg"]),
    # Swiper's loop: duplicate slides
    ('<div class="swiper-wrapper"><div class="swiper-slide swiper-slide-duplicate"><img src="/p/b.jpg"></div>'
     '<div class="swiper-slide"><img src="/p/a.jpg"></div><div class="swiper-slide"><img src="/p/b.jpg"></div></div>',
     ["/p/a.jpg", "/p/b.jpg"]),
    # a tracking pixel and WordPress's custom logo are no pictures of the article
    ('<header><a href="/" class="custom-logo-link"><img class="custom-logo" src="/u/brand.png"></a></header>'
     '<article><p><img src="/p/boat.jpg"></p></article><img src="https://stats.example/p.gif" width="1" height="1">',
     ["/p/boat.jpg"]),
    # a logo by its file name, outside a figure: none
    ('<div class="masthead-brand"><img src="/static/site-logo.svg" alt="The Daily Tern"></div>'
     '<p><img src="/p/boat.jpg"></p>', ["/p/boat.jpg"]),
    # a photograph named for the logo it shows, outside a figure, its credit beside it: a picture (it was dropped)
    ('<p><img src="/u/2024/05/new-logo-unveiled.jpg" alt="The new logo on the HQ"></p><p>Photo: Ann Lee/AP</p>',
     ["/u/2024/05/new-logo-unveiled.jpg"]),
    # the site's logo as a JPEG, its class saying so: none
    ('<header><img class="site-logo" src="/s/logo.jpg"></header><p><img src="/p/boat.jpg"></p>', ["/p/boat.jpg"]),
    # a 2 by 2 spacer is none; a 16 by 16 icon in the text is a picture (of its own credit)
    ('<p><img src="/s/spacer.gif" width="2" height="2"><img src="/s/icon.png" width="16" height="16"></p>',
     ["/s/icon.png"]),
    # a lazy loader's placeholder sized 1 by 1 until the photo in data-src comes: a picture, not a tracking pixel
    ('<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/p/boat.jpg" width="1" height="1"></p>',
     ["/p/boat.jpg"]),
    # a logo in a figure is what the story shows (a rebranding): a picture
    ('<figure><img src="/p/new-logo.png"><figcaption>The new logo. Image: Tern Air</figcaption></figure>',
     ["/p/new-logo.png"]),
    # a hero shown as the background of an element classed as one: a picture, before the body's
    ('<section class="feature-hero" style="color: #fff; background-image: url(&quot;/p/hero.jpg&quot;)"><h1>Tides</h1>'
     '</section><p><img src="/p/boat.jpg"></p>', ["/p/hero.jpg", "/p/boat.jpg"]),
    # a lazy background (data-bg)
    ('<div class="cover-image lazyload" data-bg="/p/hero.jpg"></div>', ["/p/hero.jpg"]),
    # a background over an <img>: the img is the picture, once
    ('<div class="hero" style="background-image: url(/p/hero-blur.jpg)"><img src="/p/hero.jpg"></div>',
     ["/p/hero.jpg"]),
    # an <image> start tag is an <img> to a browser; inside SVG it is a drawing's part
    ('<p><image src="/p/boat.jpg"></p><svg viewBox="0 0 4 4"><image href="/s/icon.png"/></svg>', ["/p/boat.jpg"]),
    # a background on an element not named as a picture (a pattern on a box): none
    ('<div class="newsletter-box" style="background: url(/static/dots.png) repeat"><p>Sign up</p></div>'
     '<p><img src="/p/boat.jpg"></p>', ["/p/boat.jpg"]),
]


@pytest.mark.parametrize(("article", "srcs"), PICTURES)
def test_the_pictures_of_a_page(catalog: Catalog, article: str, srcs: list[str]) -> None:
    assert [image.src for image in find_images(article, "html", catalog).images] == srcs


# (srcset, its first address)
SRCSETS = [
    ("/a.jpg 1x, /b.jpg 2x", "/a.jpg"),  # the usual form
    ("/a.jpg", "/a.jpg"),  # one address, no descriptor
    ("  ,/a.jpg,  /b.jpg 2x", "/a.jpg"),  # leading commas and white space are skipped; a comma ends the address
    ("https://cdn.example/w_400,c_fill/a.jpg 400w", "https://cdn.example/w_400,c_fill/a.jpg"),  # commas inside
    ("   ", None),  # nothing
]


@pytest.mark.parametrize(("srcset", "first"), SRCSETS)
def test_first_candidate_of_a_srcset(srcset: str, first: str | None) -> None:
    assert first_candidate(srcset) == first


IMG = '<img src="/u/dam.jpg" alt="">'
# (text, the same after expand_captions)
SHORTCODES = [
    # the caption after the image
    (f'[caption id="attachment_5" align="alignleft" width="300"]{IMG} The dam. Photo: Ann Lee/AFP[/caption]',
     f'<figure class="wp-caption">{IMG}<figcaption class="wp-caption-text"> The dam. Photo: Ann Lee/AFP</figcaption>'
     "</figure>"),
    # the image in a link to its full size
    (f'[caption id="attachment_5"]<a href="/u/dam-full.jpg">{IMG}</a> The dam.[/caption]',
     f'<figure class="wp-caption"><a href="/u/dam-full.jpg">{IMG}</a><figcaption class="wp-caption-text"> The dam.'
     "</figcaption></figure>"),
    # the older form: the caption in an attribute, its entities escaped
    (f'[caption id="attachment_5" caption="The dam &amp; lake. Photo: Ann Lee/AFP"]{IMG}[/caption]',
     f'<figure class="wp-caption">{IMG}<figcaption class="wp-caption-text">The dam & lake. Photo: Ann Lee/AFP'
     "</figcaption></figure>"),
    # a word that only starts like the shortcode, and an unclosed shortcode: left as they are
    ("[captions] are short. [caption id=1]no end", "[captions] are short. [caption id=1]no end"),
    # no shortcode at all
    ("Photo: Ann Lee/AFP", "Photo: Ann Lee/AFP"),
]


@pytest.mark.parametrize(("text", "expanded"), SHORTCODES)
def test_wordpress_caption_shortcode(text: str, expanded: str) -> None:
    assert expand_captions(text) == expanded


# (file name, article, the picture's src ending, creator, organization)
CREDITS = [
    # WordPress's raw post content: the shortcode's caption is the picture's
    ("post.html", f'<p>The lake rose.</p>[caption id="attachment_5" width="300"]{IMG} The dam at Orrin. '
                  "Photo: Ann Lee/AFP[/caption]<p>More rain is due.</p>", "dam.jpg", "Ann Lee", "AFP"),
    # the same shortcode, older form, in a post converted to Markdown
    ("post.md", f'The lake rose.\n\n[caption id="attachment_5" caption="The dam. Photo: Ann Lee/AFP"]{IMG}'
                "[/caption]\n\nMore rain is due.\n", "dam.jpg", "Ann Lee", "AFP"),
    # a Gutenberg gallery: the images' figures have no caption, the gallery's credits them
    ("post.html", '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="/u/a.jpg"></figure>'
                  '<figure class="wp-block-image"><img src="/u/dam.jpg"></figure><figcaption class="blocks-gallery-'
                  'caption">The dam. Photos: Ann Lee/Reuters</figcaption></figure>', "dam.jpg", "Ann Lee", "Reuters"),
    # an image with a caption of its own keeps it: the gallery's is not added
    ("post.html", '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="/u/dam.jpg"><figcaption>'
                  'Photo: Bo Lind/AP</figcaption></figure><figcaption>Photos: Ann Lee/Reuters</figcaption></figure>',
     "dam.jpg", "Bo Lind", "AP"),
    # the credit in the image's data attribute (a lightbox's)
    ("story.html", '<p><img src="/u/dam.jpg" data-caption="The dam." data-credit="Ann Lee/EPA"></p>', "dam.jpg",
     "Ann Lee", "EPA"),
    # Fancybox: the caption with a linked credit in the link's data-caption
    ("story.html", '<a data-fancybox href="/u/dam-big.jpg" data-caption="The dam. Photo: &lt;a href=&quot;https://'
                   'ann.example&quot;&gt;Ann Lee&lt;/a&gt;/AFP"><img src="/u/dam.jpg"></a>',
     "dam.jpg", "Ann Lee", "AFP"),
    # the credit on the picture's container (a server-rendered image component)
    ("story.html", '<div class="media-block" data-photographer="Ann Lee/Getty Images"><div class="media-inner">'
                   '<img src="/u/dam.jpg"></div></div>', "dam.jpg", "Ann Lee", "Getty Images"),
    # Drupal: the image, caption and credit as sibling fields of a media entity
    ("node.html", '<article class="media media--type-image"><div class="field field--name-field-media-image">'
                  '<img src="/sites/default/files/dam.jpg"></div><div class="field field--name-field-caption">The dam.'
                  '</div><div class="field field--name-field-photo-credit">Ann Lee/AP</div></article>', "dam.jpg",
     "Ann Lee", "AP"),
    # JSON-LD names the original, the page shows WordPress's resized copy
    ("story.html", '<script type="application/ld+json">{"@type": "ImageObject", "contentUrl": "https://x.example/u/dam.jpg",'
                   ' "creditText": "Ann Lee/Reuters"}</script><p><img src="https://x.example/u/dam-768x512.jpg"></p>',
     "dam-768x512.jpg", "Ann Lee", "Reuters"),
    # … or a retina copy
    ("story.html", '<script type="application/ld+json">{"@type": "ImageObject", "url": "/u/dam.jpg", "creator": '
                   '{"@type": "Person", "name": "Ann Lee"}, "creditText": "Ann Lee/AP"}</script>'
                   '<p><img src="/u/dam@2x.jpg"></p>', "dam@2x.jpg", "Ann Lee", "AP"),
    # … or Next.js's image optimizer, the original's address in its query
    ("story.html", '<script type="application/ld+json">{"@type": "ImageObject", "contentUrl": "https://x.example/u/dam.jpg",'
                   ' "creditText": "Ann Lee/AFP"}</script>'
                   '<p><img src="/_next/image?url=%2Fu%2Fdam.jpg&amp;w=1080&amp;q=75"></p>', "q=75", "Ann Lee", "AFP"),
    # a Markdown figure written over blank lines is one figure
    ("post.md", '<figure>\n<img src="/u/dam.jpg">\n\n<figcaption>Photo: Ann Lee/AP</figcaption>\n\n</figure>\n',
     "dam.jpg", "Ann Lee", "AP"),
    # an <img> written inline in a Markdown paragraph, its caption after a <br>
    ("post.md", 'The lake rose.\n\n<img src="/u/dam.jpg" width="500"><br>\n<em>Photo: Ann Lee/AFP</em>\n\nMore.\n',
     "dam.jpg", "Ann Lee", "AFP"),
    # MDX: an <Image /> component on a line of its own, the caption line under it
    ("post.mdx", 'import Image from "next/image"\n\n<Image src="/u/dam.jpg" alt="" width={800} height={600} />\n\n'
                 "*Photo: Ann Lee/AFP*\n", "dam.jpg", "Ann Lee", "AFP"),
    # an image alone in its paragraph: its alt text is a figure's caption (Pandoc, Quarto)
    ("post.md", "The lake rose.\n\n![The dam at Orrin. Photo: Ann Lee/AFP](/u/dam.jpg)\n\nMore rain is due.\n",
     "dam.jpg", "Ann Lee", "AFP"),
    # a credit beside the image in its own block, outside any figure (an older page, a blog editor)
    ("old.html", '<div style="text-align:center"><img src="/u/dam.jpg"><br><i>Photo: Ann Lee/AFP</i></div>'
                 "<p>The lake rose.</p>", "dam.jpg", "Ann Lee", "AFP"),
    # a picture a script draws takes its figure's caption through its noscript fallback
    ("story.html", '<figure><div class="js-image"></div><noscript><img src="/u/dam.jpg"></noscript><figcaption>'
                   "Photo: Ann Lee/AFP</figcaption></figure>", "dam.jpg", "Ann Lee", "AFP"),
    # a CSS hero's credit printed after it: the hero's, not the site logo's before it
    ("story.html", '<header><img class="site-logo" src="/s/brand.png"></header><div class="article-hero" style="'
                   'background-image:url(/u/dam.jpg)"></div><p class="hero-credit">Photograph: Ann Lee/AFP</p>',
     "dam.jpg", "Ann Lee", "AFP"),
]


@pytest.mark.parametrize(("name", "article", "src", "creator", "organization"), CREDITS)
def test_the_credit_of_each_picture(catalog: Catalog, name: str, article: str, src: str, creator: str,
                                    organization: str) -> None:
    items = check_article(article, catalog, name=name).items
    [item] = [i for i in items if i.src and i.src.endswith(src)]
    assert (item.record.creator, item.record.organization) == (creator, organization)
    assert len(items) == len({i.src for i in items})  # no picture twice


def test_a_data_caption_is_read_as_text(catalog: Catalog) -> None:
    """Markup in an attribute is read, never kept: the evidence is its text."""
    article = ('<p><img src="/u/dam.jpg" data-credit="&lt;script&gt;alert(1)&lt;/script&gt;Ann Lee/AP"></p>')
    [item] = check_article(article, catalog, name="x.html").items
    values = [e.value for e in item.evidence if e.name == "img data-credit"]
    assert values
    assert all("<script" not in v for v in values)


def _schema(url: str) -> str:
    return ('<script type="application/ld+json">{"@type": "ImageObject", "contentUrl": "' + url + '", "creditText": '
            '"Ann Lee/AFP"}</script>')


# (article: two pictures and a JSON-LD ImageObject naming one, the src ending of the one item credited)
SCHEMA_TARGETS = [
    # an image service at one address, its pictures told apart by the query: the credit went to the first
    ('<img src="https://x.example/img.php?id=1"><img src="https://x.example/img.php?id=2">'
     + _schema("https://x.example/img.php?id=2"), "id=2"),
    # Next.js's optimizer, the schema naming the second picture's optimized address: it went to the first
    ('<img src="/_next/image?url=%2Fu%2Fa.jpg&amp;w=640"><img src="/_next/image?url=%2Fu%2Fdam.jpg&amp;w=640">'
     + _schema("/_next/image?url=%2Fu%2Fdam.jpg&w=1080"), "dam.jpg&w=640"),
    # one address, a query the schema names for neither picture: neither gets the credit, the schema's picture is
    # an item of its own (as one the page does not show)
    ('<img src="https://x.example/img.php?id=1"><img src="https://x.example/img.php?id=2">'
     + _schema("https://x.example/img.php?id=3"), "id=3"),
    # one picture at its address, a size in the query: still that picture's credit
    ('<img src="https://x.example/u/a.jpg"><img src="https://x.example/u/dam.jpg?w=640">'
     + _schema("https://x.example/u/dam.jpg"), "dam.jpg?w=640"),
]


@pytest.mark.parametrize(("article", "target"), SCHEMA_TARGETS)
def test_a_schema_credit_goes_to_the_picture_it_names(catalog: Catalog, article: str, target: str) -> None:
    items = check_article(article, catalog, name="story.html").items
    [credited] = [i.src for i in items if i.record.creator == "Ann Lee"]
    assert credited is not None
    assert credited.endswith(target)
