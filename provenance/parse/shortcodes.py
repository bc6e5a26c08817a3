"""WordPress's classic caption shortcode, as a post's raw content holds it (an export, the REST API's `raw`,
a post converted to Markdown), written as the figure WordPress renders it.

    [caption id="attachment_412" align="aligncenter" width="800"]<img src="…"> The pier. Photo: Ann Lee/AFP[/caption]
    [caption id="attachment_9" caption="The pier. Photo: Ann Lee/AFP"]<img src="…">[/caption]

become `<figure class="wp-caption">` with the image and a `<figcaption>` of the caption (the text after the
image, or the older `caption` attribute). Line breaks stay where they were, so a Markdown article's lines
keep their numbers. Linear: each shortcode is found with str.find, never a pattern over the whole text.
"""

from __future__ import annotations

import html
import re

OPEN = "[caption"
CLOSE = "[/caption]"
MOST_ATTRIBUTES = 4000  # the most characters of a shortcode's attributes: past them, no shortcode
_CAPTION_ATTRIBUTE = re.compile(r"""(?:^|\s)caption\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_IMAGE_END = re.compile(r"(?is)^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?")


def expand_captions(text: str) -> str:
    """The text with each [caption …]…[/caption] written as the figure WordPress shows; unchanged without one."""
    if OPEN not in text:
        return text
    parts: list[str] = []
    at = 0
    while True:
        start = text.find(OPEN, at)
        head_end = text.find("]", start) if start >= 0 else -1
        end = text.find(CLOSE, head_end) if head_end >= 0 else -1
        if start < 0 or head_end < 0 or end < 0 or head_end - start > MOST_ATTRIBUTES:
            break
        if text[start + len(OPEN)] not in " ]\t\n":  # '[captions]' is no shortcode
            parts.append(text[at : start + len(OPEN)])
            at = start + len(OPEN)
            continue
        parts.append(text[at:start])
        parts.append(_figure(text[start + len(OPEN) : head_end], text[head_end + 1 : end]))
        at = end + len(CLOSE)
    parts.append(text[at:])
    return "".join(parts)


def _figure(attributes: str, inner: str) -> str:
    """The figure of one shortcode: its image, then its caption (the text after the image, else the caption
    attribute, whose entities WordPress writes escaped)."""
    image = _IMAGE_END.match(inner)
    picture, after = (inner[: image.end()], inner[image.end() :]) if image else ("", inner)
    attribute = _CAPTION_ATTRIBUTE.search(attributes)
    if after.strip() or attribute is None:
        caption = after
    else:
        caption = html.unescape(attribute.group(1) or attribute.group(2) or "")
    return (f'<figure class="wp-caption">{picture}<figcaption class="wp-caption-text">{caption}</figcaption></figure>'
            + "\n" * attributes.count("\n"))  # the attributes' lines, kept
