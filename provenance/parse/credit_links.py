"""A platform shown only by a link in the credit's line.

'Harbour at dusk <https://commons.wikimedia.org/wiki/File:Harbour.jpg> by Tom Reed, CC BY 2.0': the link
is on the work's (unquoted) title, outside the credit the grammar reads ('by Tom Reed, CC BY 2.0'), yet it
says where the image came from. The corpus's conventions count a platform as the via of a line when it is
named or shown only by a link in the line (a commons.wikimedia.org or flickr.com address).
"""

from __future__ import annotations

import re
from dataclasses import replace

from provenance.catalog.load import Catalog
from provenance.catalog.sources import match_domain
from provenance.model import Credit
from provenance.parse.credit_fields import URL

# the page of one work on the platforms the convention names: a Commons file page, a Flickr photo page. A
# platform's other pages (a profile, an album, a search, a post on a social site) linked in a caption's prose
# ('Follow us on <https://www.instagram.com/…>', 'More bridge photos <https://unsplash.com/s/photos/bridge>') say
# nothing of where the picture came from.
_WORK_PAGE = re.compile(
    r"(?i)^(?:https?://)?(?:commons\.(?:m\.)?wikimedia\.org/wiki/File:|(?:www\.|m\.)?flickr\.com/photos/[^/\s]+/\d+(?:[/?#]|$))"
)


def platform_of_the_line(catalog: Catalog, text: str, credits: list[Credit]) -> list[Credit]:
    """The credits, the only one of a text given the platform that one link outside it in its line leads to
    (the page of one work: _WORK_PAGE), when it names no via (and that link as its source when it has none).
    Several credits, several platforms' links or none: the credits as they are."""
    if len(credits) != 1 or credits[0].via:
        return credits
    credit = credits[0]
    start = text.rfind("\n", 0, credit.start) + 1
    end = text.find("\n", credit.end)
    outside = text[start : credit.start] + "\n" + text[credit.end : len(text) if end < 0 else end]
    found: dict[str, str] = {}
    for match in URL.finditer(outside):
        url = match.group(0).rstrip(".,;:)]}>")
        if not _WORK_PAGE.match(url):
            continue
        source = match_domain(catalog, url if "://" in url else f"https://{url}")
        if source is not None and source.kind == "platform":
            found.setdefault(source.name, url)
    if len(found) != 1:
        return credits
    [(name, url)] = found.items()
    return [replace(credit, via=name, source_url=credit.source_url or url)]
