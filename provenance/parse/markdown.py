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
        groups = _image_groups(token)
        for found, caption in groups:
            for child in found:
                images.append(_image(child, line))
                if caption:
                    images[-1].evidence.append(Evidence("caption", caption, "html", "markdown caption line",
                                                        location=f"line {line + 1}"))
        caption = "" if groups else _text_without_images(token)
        if index > 0 and tokens[index - 1].type == "heading_open" and not page:
            page.append(Evidence("page_title", _text_without_images(token), "html", "markdown heading"))
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
    return _joined([_part(child) for child in token.children or []])


def _image_groups(token: Token) -> list[tuple[list[Token], str]]:
    """The images of a paragraph, each with its caption: a run of images (nothing but spaces and line
    breaks between them) takes the text up to the next image, and the first run the text before it
    too. A paragraph of one image keeps all its text; one of many images with a caption line under
    each (no blank lines) gives each image its own line, so the work stays linear in the text."""
    groups: list[tuple[list[Token], list[str]]] = []
    lead: list[str] = []
    worded = False  # the last group has words after its images (each part looked at once: linear)
    for child in token.children or []:
        if child.type != "image":
            part = _part(child)
            (groups[-1][1] if groups else lead).append(part)
            worded = worded or bool(groups and _joined([part]))
        elif groups and not worded:
            groups[-1][0].append(child)
        else:
            groups.append(([child], []))
            worded = False
    if groups:
        groups[0][1][:0] = lead
    return [(found, _joined(parts)) for found, parts in groups]


def _part(child: Token) -> str:
    if child.type in ("text", "code_inline"):
        return child.content
    return " " if child.type in ("softbreak", "hardbreak") else ""


def _joined(parts: list[str]) -> str:
    return " ".join(UI_LABELS.sub(" ", "".join(parts)).split())  # no UI labels ('hide caption')
