"""Images and their caption lines in a Markdown article, read with markdown-it-py."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from provenance.catalog.load import Catalog
from provenance.model import Evidence
from provenance.parse.article_types import Article, ImageRef, nearest
from provenance.parse.credit_words import UI_LABELS
from provenance.parse.credits import parse_credit


def read_markdown(text: str, catalog: Catalog) -> Article:
    tokens = MarkdownIt("commonmark").parse(text)
    images: list[ImageRef] = []
    paragraphs: list[tuple[int, str]] = []
    page: list[Evidence] = []
    for index, token in enumerate(tokens):
        if token.type != "inline" or not token.map:
            continue
        line = token.map[0]
        found = [child for child in token.children or [] if child.type == "image"]
        for child in found:
            images.append(_image(child, line))
        caption = _text_without_images(token)
        if index > 0 and tokens[index - 1].type == "heading_open" and not page:
            page.append(Evidence("page_title", caption, "html", "markdown heading"))
        elif found and caption:
            for image in images[-len(found):]:
                image.evidence.append(Evidence("caption", caption, "html", "markdown caption line",
                                               location=f"line {line + 1}"))
        elif caption:
            paragraphs.append((line, caption))
    for line, caption in paragraphs:
        target = nearest(images, line)
        if target is not None and abs(target.position - line) <= 2:
            target.evidence.append(Evidence("caption", caption, "html", "markdown caption line",
                                            location=f"line {line + 1}"))
        elif target is not None and parse_credit(caption, catalog):
            target.evidence.append(Evidence("credit_text", caption, "html", "markdown paragraph",
                                            location=f"line {line + 1}"))
    return Article(kind="markdown", images=images, page=page, text=text)


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


def _text_without_images(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join(UI_LABELS.sub(" ", "".join(parts)).split())  # no UI labels ('hide caption')
