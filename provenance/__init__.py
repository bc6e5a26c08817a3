"""provenance: who made an image, under what license, and what the credit must say.

The purity rule (enforced by tests/test_layers.py): the core modules —
names, catalog, licenses, sources, credits, credit_fields, rules, findings,
attribution, htmltext, check, report, model, errors — do no network or
database I/O and import nothing from flask, sqlalchemy, requests, PIL or
exifread. They take strings and dataclasses and return dataclasses. The only
file they read is the catalog's TOML. Modules marked [edge] in their
docstring (files, cli) do the I/O and stay thin.
"""

from .attribution import render_attribution
from .catalog import Catalog, default_catalog, load_catalog
from .check import CheckedItem, check_credit, check_text
from .credits import parse_credit
from .errors import CatalogError, InputError, ProvenanceError
from .licenses import resolve_license
from .model import (
    Attribution,
    Credit,
    Finding,
    License,
    NoCredit,
    Record,
    Resolution,
    Severity,
    Source,
    Status,
)
from .rules import check_record, record_from_credit
from .sources import match_source

__all__ = [
    "Attribution", "CatalogError", "Catalog", "CheckedItem", "Credit", "Finding",
    "InputError", "License", "NoCredit", "ProvenanceError", "Record", "Resolution",
    "Severity", "Source", "Status", "check_credit", "check_record", "check_text",
    "default_catalog", "load_catalog", "match_source", "parse_credit",
    "record_from_credit", "render_attribution", "resolve_license",
]
