"""XMP packets -> Evidence, parsed without DTDs, entity declarations or external references.

A packet in UTF-8 (nearly all of them; XMP allows UTF-16 and UTF-32 too) with no document type
declaration is parsed by the standard library's C parser (xml.etree's, expat building the tree in C):
with no DTD there is nothing to expand or fetch, and an undeclared entity is an error. Any other
packet, one with a DTD among them, goes to defusedxml, which refuses DTDs, entities and external
references (its pure-Python tree builder takes about twice as long).

Every rdf:li of a Seq/Bag/Alt is kept, with its xml:lang, and namespaces are
kept: `Credit`, `Source` and `license` exist in more than one schema.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.etree.ElementTree import Element, ParseError, XMLParser

from provenance.errors import XmpError
from provenance.evidence import Evidence

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RDF_PREFIX = f"{{{RDF}}}"
RDF_RDF, RDF_DESCRIPTION, RDF_RESOURCE, RDF_PARSE_TYPE = (f"{{{RDF}}}{n}" for n in
                                                          ("RDF", "Description", "resource", "parseType"))
RDF_CONTAINERS = frozenset(f"{{{RDF}}}{n}" for n in ("Seq", "Bag", "Alt"))
PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://creativecommons.org/ns#": "cc",
    "http://ns.useplus.org/ldf/xmp/1.0/": "plus",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://ns.adobe.com/xap/1.0/": "xmp",
}
# property path -> field
FIELDS: dict[str, str] = {
    "dc:creator": "creator",
    "dc:rights": "copyright",
    "dc:title": "title",
    "dc:description": "description",
    "dc:source": "source",
    "photoshop:Credit": "credit_line",
    "photoshop:Source": "source",
    "photoshop:AuthorsPosition": "creator_title",
    "photoshop:Instructions": "instructions",
    "xmpRights:WebStatement": "web_statement",
    "xmpRights:UsageTerms": "usage_terms",
    "xmpRights:Marked": "marked",
    "xmpRights:Owner": "copyright_owner",
    "cc:license": "license_url",
    "cc:attributionName": "creator",
    "cc:attributionURL": "source_url",
    "plus:Licensor/plus:LicensorName": "licensor",
    "plus:Licensor/plus:LicensorURL": "licensor_url",
    "plus:CopyrightOwner/plus:CopyrightOwnerName": "copyright_owner",
    "plus:ImageSupplier/plus:ImageSupplierName": "image_supplier",
    "plus:ImageCreator/plus:ImageCreatorName": "creator",
    "plus:CreditLineRequired": "credit_line_required",
    "plus:ImageAlterationConstraints": "alteration_constraints",
    "plus:LicenseEndDate": "license_end_date",
    "plus:LicenseExpirationDate": "license_end_date",
    "Iptc4xmpExt:DigitalSourceType": "digital_source_type",
    "Iptc4xmpExt:DigitalSourceFileType": "digital_source_type",
}


# (property path, value, xml:lang); the walk appends to one list (a generator per level cost more than
# the walk's own work)
Values = list[tuple[str, str, str | None]]


def parse_xmp(packet: bytes | str) -> Values:
    """(property path, value, xml:lang) for every value in the packet."""
    data = packet.encode("utf-8") if isinstance(packet, str) else packet
    root = _parse(_trimmed(data))
    # the top-level descriptions: the root itself or a child of an rdf:RDF, in document order
    top = {id(child) for rdf in root.iter(RDF_RDF) for child in rdf} | {id(root)}
    values: Values = []
    try:
        for description in root.iter(RDF_DESCRIPTION):
            if id(description) in top:
                _properties(description, "", values)
    except RecursionError:  # the walk recurses by level: a hostile packet nests thousands deep
        raise XmpError("XMP packet nests its properties too deeply to be read") from None
    return _x_default_first(values)


# an XML declaration naming its encoding (it must open the document)
_DECLARED_ENCODING = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")
UTF8_NAMES = frozenset({"utf-8", "utf8"})


def _parse(data: bytes) -> Element:
    text = _utf8_without_dtd(data)
    try:
        if text is None:
            return _parse_defused(data)
        parser = XMLParser()  # the text is given as str: expat reads it as UTF-8, whatever a declaration says
        parser.feed(text)
        return parser.close()
    except ParseError as exc:
        raise XmpError(f"XMP packet is not valid XML: {exc}") from None


def _utf16_codec(data: bytes) -> str | None:
    """The codec of a UTF-16 packet (by its byte order mark, or by '<' and the next character each with a zero
    byte), else None."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") and data[2:4] != b"\x00\x00":  # (UTF-32 LE starts FF FE 00 00)
        return "utf-16"
    if len(data) >= 4 and data[1] == data[3] == 0 and data[0] and data[2]:
        return "utf-16-le"
    if len(data) >= 4 and data[0] == data[2] == 0 and data[1] and data[3]:
        return "utf-16-be"
    return None


def _trimmed(data: bytes) -> bytes:
    """The packet without the NUL and white-space padding around it, in UTF-16 by whole characters (a strip of
    bytes cut the last character's zero byte, and no UTF-16 packet was read)."""
    codec = _utf16_codec(data)
    if codec is None:
        return data.strip(b"\x00 \t\r\n")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:  # damaged: the parser tells
        return data
    return text.strip("\x00 \t\r\n\ufeff").encode(codec)


def _utf8_without_dtd(data: bytes) -> str | None:
    """The packet as text when it is UTF-8 (by its bytes and by its declaration, if any) and has no
    document type declaration, the only place a DTD, an entity or an external reference can be declared;
    else None. In UTF-8 the declaration's keyword is these very bytes."""
    if b"<!DOCTYPE" in data or b"\x00" in data:  # a NUL is no XML character: UTF-16 or UTF-32 without a mark
        return None
    declared = _DECLARED_ENCODING.match(data)
    if declared and declared[1].decode("ascii", "replace").lower() not in UTF8_NAMES:
        return None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:  # UTF-16 or UTF-32 (a BOM or NULs), or damaged: defusedxml tells
        return None


def _parse_defused(data: bytes) -> Element:
    import defusedxml.ElementTree as SafeET  # here: few packets come this way, and the import is costly
    from defusedxml import DefusedXmlException

    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (SafeET.ParseError, DefusedXmlException) as exc:
        raise XmpError(f"XMP packet is not valid XML: {exc}") from None


def _x_default_first(values: Values) -> Values:
    """Keep document order, but put a property's x-default alternative first (a property's values
    together, where the property first appears)."""
    groups: dict[str, Values] = {}
    for value in values:
        groups.setdefault(value[0], []).append(value)
    if len(groups) == len(values):  # every property once: nothing moves
        return values
    return [value for group in groups.values() for value in sorted(group, key=_not_x_default)]


def _not_x_default(value: tuple[str, str, str | None]) -> bool:
    return value[2] != "x-default"


def xmp_evidence(packet: bytes | str) -> list[Evidence]:
    found = []
    for path, value, lang in parse_xmp(packet):
        field = FIELDS.get(path)
        if field:
            found.append(Evidence(field=field, value=value, origin="xmp", name=f"XMP {path}", raw=value, lang=lang))
    return found


QNAME_MEMO_CHARS = 200  # a tag name remembered up to this length: a packet's names are its own to choose


def _qname(tag: str) -> str | None:
    """'dc:creator' for '{http://purl.org/dc/elements/1.1/}creator' (a namespace without a prefix is kept
    whole); None for a name in no namespace. Short names are remembered (the same few in every packet); a
    long one is not, or 512 names of an uploaded file's making, each as long as its packet, would stay."""
    return _short_qname(tag) if len(tag) <= QNAME_MEMO_CHARS else _qname_of(tag)


@lru_cache(maxsize=512)
def _short_qname(tag: str) -> str | None:
    return _qname_of(tag)


def _qname_of(tag: str) -> str | None:
    if not tag.startswith("{"):
        return None
    uri, _, local = tag[1:].partition("}")
    prefix = PREFIXES.get(uri)
    return f"{prefix}:{local}" if prefix else f"{{{uri}}}{local}"


def _properties(node: Element, prefix: str, out: Values) -> None:
    for attr, value in node.attrib.items():
        name = _qname(attr)
        if name and not attr.startswith(RDF_PREFIX) and value.strip():
            out.append((f"{prefix}{name}", value.strip(), None))
    for child in node:
        name = _qname(child.tag)
        if name:
            _values(child, f"{prefix}{name}", out)


def _values(prop: Element, path: str, out: Values) -> None:
    resource = prop.get(RDF_RESOURCE)
    if resource:
        out.append((path, resource.strip(), None))
        return
    for container in prop:  # the first container, if any
        if container.tag in RDF_CONTAINERS:
            for item in container:
                _item(item, path, out)
            return
    _item(prop, path, out)


def _item(node: Element, path: str, out: Values) -> None:
    """One value: text, a resource, or a struct (parseType=Resource or a nested Description)."""
    attrib = node.attrib
    if len(node) or (attrib and attrib.keys() != {XML_LANG}):  # not a plain text leaf (the most of them)
        resource = attrib.get(RDF_RESOURCE)
        if resource:
            out.append((path, resource.strip(), attrib.get(XML_LANG)))
            return
        structs = [c for c in node if c.tag == RDF_DESCRIPTION]
        if attrib.get(RDF_PARSE_TYPE) == "Resource" or structs or _has_properties(node):
            for struct in structs or [node]:
                _properties(struct, f"{path}/", out)
            return
    text = (node.text or "").strip()
    if text:
        out.append((path, text, attrib.get(XML_LANG)))


def _has_properties(node: Element) -> bool:
    return any(_qname(child.tag) and not child.tag.startswith(RDF_PREFIX) for child in node) or any(
        _qname(a) and not a.startswith(RDF_PREFIX) and a != XML_LANG for a in node.attrib
    )
