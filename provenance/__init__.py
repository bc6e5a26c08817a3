"""provenance: who made an image, under what license, and what the credit must say.

The purity rule (enforced by tests/test_layers.py): every module that is not
marked [edge] in its docstring — parsing, catalog, resolution, rules,
attribution, reports, the metadata decoders — does no network, database or
file I/O beyond reading the catalog's TOML, and imports nothing from flask,
sqlalchemy, requests, PIL, exifread or c2pa. They take strings, bytes and
dataclasses and return dataclasses (HTML and XML are parsed with
BeautifulSoup, markdown-it-py and defusedxml, which do no I/O). The [edge]
modules (files, reader, c2pa_reader, cli) read the user's files and stay thin.
"""

from .attribution import render_attribution
from .catalog import Catalog, default_catalog, load_catalog
from .check import CheckedArticle, CheckedItem, check_article, check_evidence, check_text
from .credits import parse_credit
from .errors import CatalogError, InputError, ProvenanceError
from .licenses import resolve_license
from .model import (
    Attribution,
    Credit,
    Evidence,
    Finding,
    License,
    NoCredit,
    Record,
    Resolution,
    Severity,
    Source,
    Status,
)
from .resolve import Resolved, resolve_record
from .rules import check_record
from .sources import match_source

__all__ = [
    "Attribution", "CatalogError", "Catalog", "CheckedArticle", "CheckedItem", "Credit", "Evidence",
    "Finding", "InputError", "License", "NoCredit", "ProvenanceError", "Record", "Resolution", "Resolved",
    "Severity", "Source", "Status", "check_article", "check_evidence", "check_record", "check_text",
    "default_catalog", "load_catalog", "match_source", "parse_credit", "render_attribution",
    "resolve_license", "resolve_record",
]
