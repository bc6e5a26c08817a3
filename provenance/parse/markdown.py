"""Images and their caption lines in a Markdown article, read with markdown-it-py."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from provenance.catalog.load import Catalog
from provenance.errors import InputError
from provenance.model import LINKED_FIELDS, Evidence
from provenance.parse.article_types import Article, ImageRef, nearest
from provenance.parse.credit_words import blank_ui_labels
from provenance.parse.credits import parse_credit
from provenance.parse.shortcodes import expand_captions
from provenance.parse.urls import is_link_address


def read_markdown(text: str, catalog: Catalog) -> Article:
    tokens = _figures_whole(MarkdownIt("commonmark").parse(expand_captions(text)))
    images: list[ImageRef] = []
    paragraphs: list[tuple[int, list[Token]]] = []
    page: list[Evidence] = []
    for index, token in enumerate(tokens):
        if token.type == "html_block" and token.map and _HTML_IMAGE.search(token.content):
            images.extend(_html_images(token, catalog))
            continue
        if token.type != "inline" or not token.map:
            continue
        line = token.map[0]
        shortcode = _FIGURE_SHORTCODE.fullmatch(token.content.strip()) if token.content.startswith("{{") else None
        if shortcode:
            images.append(_shortcode_image(shortcode.group("params") or shortcode.group("percent"), line))
            continue
        groups = _image_groups(token)
        for found, group_words in groups:
            caption = _with_links("caption", group_words, "markdown caption line", line)  # once a group: linear
            for child in found:
                images.append(_image(child, line))
                images[-1].evidence.extend(caption or _implicit_figure(images[-1], groups, line))
        words: list[Token] = [] if groups else list(token.children or [])
        if index > 0 and tokens[index - 1].type == "heading_open" and not page:
            page.append(Evidence("page_title", _text_without_images(token), "html", "markdown heading"))
        elif _joined([_part(child) for child in words]):
            paragraphs.append((line, words))
    for line, words in paragraphs:
        target = nearest(images, line)
        if target is not None and abs(target.position - line) <= 2:
            target.evidence.extend(_with_links("caption", words, "markdown caption line", line))
        elif target is not None and parse_credit(_joined([_part(child) for child in words]), catalog):
            target.evidence.extend(_with_links("credit_text", words, "markdown paragraph", line))
    return Article(kind="markdown", images=images, page=page, text=text)


# Hugo's figure shortcode, '{{< figure src="…" caption="…" attr="…" attrlink="…" >}}' (or with '%'): a picture
# with its caption and its attribution (attr, linked to attrlink), written in the Markdown of Hugo sites.
_FIGURE_SHORTCODE = re.compile(
    r"\{\{(?:<\s*figure\s+(?P<params>[^\n]{0,4000}?)\s*>|%\s*figure\s+(?P<percent>[^\n]{0,4000}?)\s*%)\}\}"
)
_PARAM = re.compile(
    r'(?:^|(?<=\s))(?P<key>[A-Za-z]+)\s*=\s*(?:"(?P<quoted>(?:[^"\\\n]|\\.){0,2000})"|`(?P<raw>[^`]{0,2000})`)'
)
# what each parameter of the shortcode is, as evidence: (field, name)
_SHORTCODE_FIELDS = {"alt": ("alt", "hugo figure alt"), "caption": ("caption", "hugo figure caption"),
                     "title": ("caption", "hugo figure title"), "attr": ("credit_text", "hugo figure attr")}


def _shortcode_image(params: str, line: int) -> ImageRef:
    """The image of a Hugo figure shortcode, its caption, title and attribution as evidence."""
    values: dict[str, str] = {}
    for match in _PARAM.finditer(params):
        raw = match.group("raw")
        values.setdefault(match.group("key").lower(), raw if raw is not None else _unescape(match.group("quoted")))
    src = values.get("src", "").strip() or None
    where = f"line {line + 1}"
    ref = ImageRef(src=src, position=line, alt=values.get("alt", "").strip() or None)
    ref.evidence.append(Evidence("image_src", src or "", "html", "hugo figure src", location=where))
    for key, (field, name) in _SHORTCODE_FIELDS.items():
        value = " ".join(values.get(key, "").split())
        if value:
            ref.evidence.append(Evidence(field, value, "html", name, location=where))
    link = values.get("attrlink", "").strip()
    attr = " ".join(values.get("attr", "").split())
    if attr and is_link_address(link):
        ref.evidence.append(Evidence(LINKED_FIELDS["credit_text"], f"{attr} <{link}>", "html", "hugo figure attr",
                                     location=where))
    return ref


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value)


def _figures_whole(tokens: list[Token]) -> list[Token]:
    """The tokens with a <figure> written over blank lines as one HTML block: CommonMark ends an HTML block at
    a blank line, which would leave the image in one block and its figcaption in the next. Linear: each
    block's figures are counted once, and a run of joined blocks is joined once at its end."""
    joined: list[Token] = []
    parts: list[str] = []  # the contents of the HTML blocks joined into the last token, joined once at its end
    open_figures = 0  # figures the last joined HTML block leaves open
    for token in tokens:
        html = token.type == "html_block"
        if html and open_figures > 0 and joined and joined[-1].type == "html_block":
            parts.append(token.content)
        else:
            _join_parts(joined, parts)
            joined.append(token)
            parts, open_figures = [token.content] if html else [], 0
        if html:
            lowered = token.content.lower()
            open_figures += lowered.count("<figure") - lowered.count("</figure")
    _join_parts(joined, parts)
    return joined


def _join_parts(joined: list[Token], parts: list[str]) -> None:
    """The last token's content, when other HTML blocks were joined to it (once, not a copy a block)."""
    if len(parts) > 1:
        joined[-1] = joined[-1].copy(content="\n".join(parts))


def _html_images(token: Token, catalog: Catalog) -> list[ImageRef]:
    """The images of a block of HTML in the Markdown (a <figure> with its figcaption, an <img> on a line of its
    own, as Jekyll, Hugo and GitHub pages are written), read as an HTML article's are, placed at the block's
    line so that the caption lines around it count for them."""
    from provenance.parse.html import read_html  # BeautifulSoup is imported only when needed

    assert token.map is not None
    found = read_html(token.content, catalog).images
    for image in found:
        image.position = token.map[0]
    return found


def _with_links(field: str, words: list[Token], name: str, line: int) -> list[Evidence]:
    """The caption's text as evidence of `field`, and, when it links to web addresses, its linked twin
    (model.LINKED_FIELDS): the text with each link's address after the link's text, as HTML captions have."""
    text = _joined([_part(child) for child in words])
    if not text:
        return []
    where = f"line {line + 1}"
    found = [Evidence(field, text, "html", name, location=where)]
    linked = _joined(_linked_parts(words))
    if linked != text:
        found.append(Evidence(LINKED_FIELDS[field], linked, "html", name, location=where))
    return found


def _linked_parts(words: list[Token]) -> list[str]:
    """_part of each token, and '<address>' where a link to an http(s) address closes."""
    parts: list[str] = []
    opened: list[str] = []
    for child in words:
        if child.type == "link_open":
            opened.append(str(child.attrs.get("href") or "").strip())
        elif child.type == "link_close":
            href = opened.pop() if opened else ""
            web = is_link_address(href)
            parts.append(f" <{href}> " if web else "")
        else:
            parts.append(_part(child))
    return parts


def _image(token: Token, line: int) -> ImageRef:
    src = str(token.attrs.get("src") or "") or None
    alt = token.content.strip() or None
    ref = ImageRef(src=src, position=line, alt=alt)
    ref.evidence.append(Evidence("image_src", src or "", "html", "markdown image src", location=f"line {line + 1}"))
    if alt:
        ref.evidence.append(Evidence("alt", alt, "html", "markdown image alt"))
    title = str(token.attrs.get("title") or "").strip()
    if title:
        ref.evidence.append(Evidence("caption", title, "html", "markdown image title"))
    return ref


def _implicit_figure(image: ImageRef, groups: list[tuple[list[Token], list[Token]]], line: int) -> list[Evidence]:
    """An image alone in its paragraph is a figure whose caption is its alt text, as Pandoc, Quarto and Hugo's
    figure render hooks show it ('![Boats at Nazare. Photo: Rui Tavares/Lusa](boats.jpg)')."""
    if len(groups) != 1 or len(groups[0][0]) != 1 or not image.alt:
        return []
    return [Evidence("caption", image.alt, "html", "markdown image alt (a figure's caption)",
                     location=f"line {line + 1}")]


def _text_without_images(token: Token) -> str:
    return _joined([_part(child) for child in token.children or []])


def _image_groups(token: Token) -> list[tuple[list[Token], list[Token]]]:
    """The images of a paragraph, each with its caption: a run of images (nothing but spaces and line
    breaks between them) takes the text up to the next image, and the first run the text before it
    too. A paragraph of one image keeps all its text; one of many images with a caption line under
    each (no blank lines) gives each image its own line, so the work stays linear in the text."""
    groups: list[tuple[list[Token], list[Token]]] = []
    lead: list[Token] = []
    worded = False  # the last group has words after its images (each part looked at once: linear)
    for child in map(_inline_image, token.children or []):
        if child.type != "image":
            (groups[-1][1] if groups else lead).append(child)
            worded = worded or bool(groups and _joined([_part(child)]))
        elif groups and not worded:
            groups[-1][0].append(child)
        else:
            groups.append(([child], []))
            worded = False
    if groups:
        groups[0][1][:0] = lead
    return groups


_INLINE_IMG = re.compile(r"(?i)<img\b")
_HTML_IMAGE = re.compile(r"(?i)<(?:img|image|amp-img)\b")  # a picture in a block of HTML (an MDX <Image />)


def _inline_image(child: Token) -> Token:
    """An <img> written inline in a paragraph ('<img src="kiln.jpg" width="600"><br>' then the caption) as the
    image token Markdown's own syntax gives: a picture of the paragraph, like '![alt](src)'."""
    if child.type != "html_inline" or not _INLINE_IMG.match(child.content):
        return child
    from provenance.parse.html import read_soup  # BeautifulSoup is imported only when needed

    try:
        img = read_soup(child.content).find("img")
    except InputError:
        return child
    if img is None:
        return child
    attrs: dict[str, str | int | float] = {k: str(img.get(k)).strip() for k in ("src", "title")
                                           if str(img.get(k) or "").strip()}
    return Token("image", "img", 0, attrs=attrs, content=str(img.get("alt") or ""), children=[])


def _part(child: Token) -> str:
    if child.type in ("text", "code_inline"):
        return child.content
    return " " if child.type in ("softbreak", "hardbreak") else ""


def _joined(parts: list[str]) -> str:
    return " ".join(blank_ui_labels("".join(parts), " ").split())  # no UI labels ('hide caption')
