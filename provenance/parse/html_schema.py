"""schema.org ImageObject in an HTML article (JSON-LD and microdata): its fields as evidence of the picture
it names by address. The page often shows a resized copy of the picture the schema names (WordPress's
'-1024x683', '-scaled', a retina '@2x'): matched by the file name without that size."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urljoin

from bs4 import BeautifulSoup, Tag

from provenance.model import Evidence
from provenance.parse.article_types import ImageRef, nearest
from provenance.parse.html_tree import Tree
from provenance.parse.urls import split_url

# schema.org ImageObject property -> field
SCHEMA_FIELDS: dict[str, str] = {
    "creator": "creator",
    "author": "creator",
    "creditText": "credit_line",
    "copyrightNotice": "copyright",
    "copyrightHolder": "copyright_owner",
    "license": "license_url",
    "acquireLicensePage": "acquire_license_page",
    "caption": "description",
    "name": "title",
}


def attach_schema(soup: BeautifulSoup, images: list[ImageRef], base: str, order: dict[int, int], tree: Tree) -> None:
    """schema.org ImageObject from JSON-LD and microdata, matched to images by URL; `tree` reads an element's
    text as the article reader does (a microdata value written as the element's text)."""
    shown = _Pictures(images)
    for obj in _jsonld_images(soup):
        _attach(images, shown, obj, base, "jsonld", "JSON-LD ImageObject", position=len(order))
    props = _item_properties(soup)
    for element in soup.find_all(itemtype=re.compile(r"schema\.org/ImageObject")):
        obj = _microdata(element, props.get(id(element), []), tree)
        _attach(images, shown, obj, base, "html", "microdata ImageObject", position=order[id(element)])


def _attach(images: list[ImageRef], shown: _Pictures, obj: dict[str, Any], base: str, origin: str, label: str,
            position: int) -> None:
    url = _first_url(obj.get("contentUrl") or obj.get("url"))
    target = shown.match(urljoin(base, url) if url and base else url) if url else None
    if target is None and url is None and origin == "html":
        target = nearest(images, position)
    if target is None:
        target = ImageRef(src=url, position=position, url=url)
        images.append(target)
        shown.add(target)
    for key, field in SCHEMA_FIELDS.items():
        for value in _schema_values(obj.get(key)):
            target.evidence.append(Evidence(field, value, origin, f"{label}.{key}"))


class _Pictures:
    """The page's pictures by address, by file name and by file name without its size, so that each schema
    object is matched at once, not by reading every picture's address again (a page of many of both)."""

    def __init__(self, images: list[ImageRef]) -> None:
        self.by_address: dict[str, list[ImageRef]] = {}
        self.by_name: dict[str, list[ImageRef]] = {}
        self.by_unsized: dict[str, list[ImageRef]] = {}
        for image in images:
            self.add(image)

    def add(self, image: ImageRef) -> None:
        if image.url:
            name = _file_name(image.url)
            self.by_address.setdefault(_address(image.url), []).append(image)
            self.by_name.setdefault(name, []).append(image)
            self.by_unsized.setdefault(_unsized(name), []).append(image)

    def match(self, url: str) -> ImageRef | None:
        """The picture at this address (pictures one address tells apart only by their query, as 'img.php?id=2',
        by the query too); else the one picture of its file name, or of that name without a size."""
        exact = self.by_address.get(_address(url), [])
        if len({i.url for i in exact}) > 1 and not _original(url):
            exact = [i for i in exact if i.url and split_url(i.url).query == split_url(url).query]
        if exact:
            return exact[0]
        name = _file_name(url)
        by_name = self.by_name.get(name) or self.by_unsized.get(_unsized(name), [])
        return by_name[0] if len(by_name) == 1 and name else None


# a size a CMS or CDN writes into a picture's file name: WordPress's '-1024x683' and '-scaled', '@2x'
SIZE_SUFFIX = re.compile(r"(?i)(?:-\d{2,5}x\d{2,5}|-scaled|@[23]x)+(?=\.[a-z0-9]{2,5}$)")
# the query parameters an image optimizer carries the original's address in (Next.js '/_next/image?url=…')
ORIGINAL_PARAMS = ("url", "src", "image")


def _file_name(url: str) -> str:
    """The file name of a picture's address; for an image optimizer's address, the original's it carries."""
    return split_url(_original(url) or url).path.rsplit("/", 1)[-1]


def _original(url: str) -> str | None:
    """The original's address an image optimizer's address carries ('/_next/image?url=%2Fa.jpg&w=640')."""
    query = parse_qs(split_url(url).query)
    for key in ORIGINAL_PARAMS:
        original = query.get(key, [""])[0]
        if original.startswith(("/", "http://", "https://")):
            return original
    return None


def _unsized(name: str) -> str:
    return SIZE_SUFFIX.sub("", name)


def _address(url: str) -> str:
    """Where a picture is, without its query (a size, a cache key); an optimizer's address is its original's."""
    parts = split_url(_original(url) or url)
    return f"{parts.netloc}{parts.path}"


def _first_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _schema_values(value: Any) -> list[str]:
    """A schema.org value as text: a string, a Person/Organization's name, or a list of them."""
    if value is None:
        return []
    if isinstance(value, list):
        return [v for item in value for v in _schema_values(item)]
    if isinstance(value, dict):
        name = value.get("name") or value.get("@id") or value.get("url")
        return [str(name).strip()] if name else []
    text = str(value).strip()
    return [text] if text else []


def _jsonld_images(soup: BeautifulSoup) -> Iterator[dict[str, Any]]:
    """The ImageObjects of the page's JSON-LD blocks. A block that is not JSON is skipped, and so is one nested
    past what the JSON reader can take (its RecursionError: a hostile page, never a crash of the check)."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError, RecursionError):
            continue
        yield from _walk_images(data)


def _walk_images(data: Any) -> Iterator[dict[str, Any]]:
    """Every ImageObject in a JSON value, in document order; with a stack of its own, not recursion, so that
    any depth the JSON reader accepted is walked."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            kind = value.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if "ImageObject" in kinds:
                yield value
            stack.extend(reversed([v for k, v in value.items() if k != "@type" and isinstance(v, dict | list)]))


def _item_properties(soup: BeautifulSoup) -> dict[int, list[Tag]]:
    """The microdata properties (itemprop elements) of each item (itemscope element, by id()), in document order,
    from one pass over the page: a property belongs to the nearest itemscope above it (items nested n deep
    cost n, not n squared)."""
    scope: dict[int, Tag | None] = {}  # by id(): the nearest itemscope element at or above it
    props: dict[int, list[Tag]] = {}
    for element in soup.find_all(True):
        parent = element.parent
        above = scope.get(id(parent)) if parent is not None else None
        scope[id(element)] = element if element.has_attr("itemscope") else above
        if above is not None and element.has_attr("itemprop"):
            props.setdefault(id(above), []).append(element)
    return props


READ = frozenset({*SCHEMA_FIELDS, "contentUrl", "url"})  # the properties of an ImageObject the reader uses
ITEM_TEXT = 2000  # the most text (its strings' length) of a property holding another item that is read


def _microdata(element: Tag, props: list[Tag], tree: Tree) -> dict[str, Any]:
    """The item's properties the reader uses, the first of each name. A value written as a property's text is read
    as the article reader reads an element's; of a property that holds another item (a caption naming its author,
    a Person), only when that text is short: a longer one is no picture's caption or credit, and items nested n deep
    in each other's properties, each read whole, were n² text."""
    obj: dict[str, Any] = {}
    for prop in props:
        name = str(prop["itemprop"])
        if name in obj or name not in READ:  # the first of each name is kept
            continue
        value = prop.get("content") or prop.get("href") or prop.get("src")
        if not value and tree.size(prop) > ITEM_TEXT and tree.first(prop, "itemscope", _is_item) is not None:
            continue
        obj[name] = value or tree.text(prop)
    if element.name == "img" and "contentUrl" not in obj:
        obj["contentUrl"] = element.get("src")
    return obj


def _is_item(element: Tag) -> bool:
    return element.has_attr("itemscope")
