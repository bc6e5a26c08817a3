"""provenance: who made an image, under what license, and what the credit must say.

The folder is the map, one package per stage of the data flow:

- the pure core: catalog/ (loading, name folding, licenses, sources, profile),
  parse/ (credit lines; articles in text, HTML, Markdown), metadata/ (EXIF,
  IPTC, XMP, PNG text, C2PA decoders; Wikimedia Commons and Flickr answers), resolve/ (evidence, record), rules/
  (context, credit and usage rules, copies, the finding registry), render/
  (attribution, reports), and check.py, the flow over them;
- the edge: io/ (files, archives, image reading, the one `check_source` flow
  every surface calls, URLs fetched behind the one guard in io/fetch.py, and
  lookups on Wikimedia Commons and Flickr), audit/ (run, extract, save, report rows, decisions),
  store/ (SQLAlchemy), cli/.

The core does no network, database or file I/O beyond reading the catalog's
TOML, and imports nothing from the edge or from flask, sqlalchemy, requests,
PIL, exifread or c2pa: it takes strings, bytes and dataclasses and returns
dataclasses. tests/test_layers.py checks this folder by folder.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names below, for type checkers; at run time each is imported on first use
    from provenance.catalog.licenses import resolve_license
    from provenance.catalog.load import Catalog, default_catalog, load_catalog
    from provenance.catalog.sources import match_source
    from provenance.check import CheckedArticle, CheckedItem, check_article, check_evidence, check_text
    from provenance.errors import CatalogError, InputError, ProvenanceError
    from provenance.io.inputs import SourceFile, check_source
    from provenance.model import (
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
    from provenance.parse.credits import parse_credit
    from provenance.render.attribution import render_attribution
    from provenance.resolve.record import Resolved, resolve_record
    from provenance.rules.credit_rules import check_record

# public name -> the module that defines it. Imported on first use, so that `import provenance`
# (and every command of the CLI, which lives inside this package) stays light.
_EXPORTS = {
    "resolve_license": "catalog.licenses", "Catalog": "catalog.load", "default_catalog": "catalog.load",
    "load_catalog": "catalog.load", "match_source": "catalog.sources", "CheckedArticle": "check",
    "CheckedItem": "check", "check_article": "check", "check_evidence": "check", "check_text": "check",
    "CatalogError": "errors", "InputError": "errors", "ProvenanceError": "errors",
    "SourceFile": "io.inputs", "check_source": "io.inputs", "parse_credit": "parse.credits",
    "render_attribution": "render.attribution", "Resolved": "resolve.record", "resolve_record": "resolve.record",
    "check_record": "rules.credit_rules",
    **dict.fromkeys(("Attribution", "Credit", "Evidence", "Finding", "License", "NoCredit", "Record", "Resolution",
                     "Severity", "Source", "Status"), "model"),
}


def __getattr__(name: str) -> object:
    """The public API, imported from its module on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'provenance' has no attribute {name!r}")
    value = getattr(import_module(f"provenance.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Attribution", "CatalogError", "Catalog", "CheckedArticle", "CheckedItem", "Credit", "Evidence",
    "Finding", "InputError", "License", "NoCredit", "ProvenanceError", "Record", "Resolution", "Resolved",
    "Severity", "Source", "SourceFile", "Status", "check_article", "check_evidence", "check_record",
    "check_source", "check_text", "default_catalog", "load_catalog", "match_source", "parse_credit",
    "render_attribution", "resolve_license", "resolve_record",
]
