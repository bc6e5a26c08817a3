"""Evidence, the unit of provenance: one claim from one origin.

In a module of its own, apart from the other dataclasses of provenance.model (which names it too):
the readers of embedded metadata need it alone, and a process that only reads metadata (an audit's
worker, benchmarks/read_rights.py) then does not create the dozen other frozen dataclasses, about
5 million instructions each at import (a dataclass's methods are compiled from generated source).
"""

from __future__ import annotations

from dataclasses import dataclass

ORIGINS = ("manual", "caption", "html", "jsonld", "exif", "iptc", "xmp", "png-text", "c2pa", "commons", "flickr",
           "source-catalog")


@dataclass(frozen=True)
class Evidence:
    """One claim from one origin: `field` says what it claims (creator, license…),
    `name` the exact field it was read from ("IPTC 2:80 By-line", "XMP dc:creator")."""

    field: str
    value: str
    origin: str
    name: str
    raw: str = ""
    lang: str | None = None
    location: str = ""
    derived: bool = False  # worked out from other evidence (a caption's credit, a catalog default)
