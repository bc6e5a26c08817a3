from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from provenance.catalog.load import Catalog, load_catalog
from provenance.model import Evidence, Status
from provenance.resolve.record import ORDER, resolve_record


def ev(field: str, value: str, origin: str, name: str = "") -> Evidence:
    return Evidence(field, value, origin, name or f"{origin} {field}")


# (evidence, field, expected value, expected origin)
PRECEDENCE = [
    ([ev("creator", "Jane Doe", "exif"), ev("creator", "Jane Doe", "caption")], "creator", "Jane Doe", "caption"),
    # caption before embedded metadata when they agree
    ([ev("creator", "Ann Lee", "manual"), ev("creator", "Jane Doe", "caption")], "creator", "Ann Lee", "manual"),
    # a person's decision wins, and raises no conflict
    ([ev("organization", "AP", "caption")], "category", "agency", "source-catalog:ap"),
    # category from the source catalog when the credit names none
    ([ev("credit_line", "Jane Doe/Reuters", "iptc")], "creator", "Jane Doe", "iptc"),
    # an IPTC Credit line is split into creator and organisation
    ([ev("description", "Boats at dawn. Photo: Jane Doe/AP", "xmp")], "organization", "AP", "xmp"),
    # a credit inside an embedded caption is found
]


@pytest.mark.parametrize(("evidence", "field", "value", "origin"), PRECEDENCE)
def test_precedence(catalog: Catalog, evidence: list[Evidence], field: str, value: str, origin: str) -> None:
    resolved = resolve_record(evidence, catalog)
    assert getattr(resolved.record, field) == value
    assert resolved.record.origins[field] == origin
    assert resolved.conflicts == ()


# (evidence, license id or None, license origin, conflicting fields)
LICENSES = [
    ([ev("organization", "Kremlin.ru", "caption")], "CC-BY-4.0", "source-catalog:kremlin", []),
    # Kremlin.ru alone implies CC BY 4.0 site-wide
    ([ev("organization", "AP", "caption")], "LicenseRef-Agency", "source-catalog:ap", []),  # agency terms
    ([ev("organization", "Agencja Gazeta", "caption")], "LicenseRef-Agency", "source-catalog:agencja-gazeta", []),
    ([ev("organization", "LaPresse", "caption")], "LicenseRef-Agency", "source-catalog:lapresse-it", []),
    ([ev("organization", "뉴시스", "caption")], "LicenseRef-Agency", "source-catalog:newsis", []),  # by alias
    ([ev("organization", "뉴스1", "caption")], "LicenseRef-Agency", "source-catalog:news1", []),
    ([ev("organization", "Folhapress", "caption")], "LicenseRef-Agency", "source-catalog:folhapress", []),
    # the Globo papers' photo agency sells its pictures as Folhapress does; the paper O Globo grants none
    ([ev("organization", "Agência O Globo", "caption")], "LicenseRef-Agency", "source-catalog:agencia-o-globo", []),
    ([ev("organization", "O Globo", "caption")], None, None, []),
    ([ev("organization", "MTI", "caption")], "LicenseRef-Agency", "source-catalog:mti", []),
    ([ev("organization", "Lehtikuva", "caption")], "LicenseRef-Agency", "source-catalog:lehtikuva", []),
    ([ev("organization", "MAXPPP", "caption")], "LicenseRef-Agency", "source-catalog:maxppp", []),
    ([ev("organization", "ABACAPRESS.COM", "caption")], "LicenseRef-Agency", "source-catalog:abaca", []),
    ([ev("organization", "Hans Lucas", "caption")], "LicenseRef-Agency", "source-catalog:hans-lucas", []),
    ([ev("organization", "SWNS", "caption")], "LicenseRef-Agency", "source-catalog:swns", []),
    ([ev("organization", "ESA", "caption"), ev("via", "Getty Images", "caption")], "LicenseRef-Agency",
     "source-catalog:getty-images", []),  # a body with per-file terms, distributed by an agency: the agency's terms
    ([ev("organization", "NASA", "caption"), ev("via", "Getty Images", "caption")], "LicenseRef-PD-USGov",
     "source-catalog:nasa", []),  # a body with terms of its own keeps them
    ([ev("organization", "Russian Defence Ministry", "caption"), ev("via", "TASS", "caption")], "LicenseRef-Agency",
     "source-catalog:tass", []),  # a ministry's handout a state news agency distributed: the agency's terms
    ([ev("organization", "Armed Forces of Ukraine", "caption"), ev("via", "Ukrinform", "caption")], "LicenseRef-Agency",
     "source-catalog:ukrinform", []),
    ([ev("organization", "Israel Defense Forces", "caption")], None, None, []),  # a handout alone: no licence stated
    ([ev("organization", "NOAA", "caption"), ev("copyright", "© Jane Roe / NOAA", "caption")], None, None, []),
    # a stated © keeps a public body's public-domain default off (the photographer claims the rights)
    ([ev("organization", "AP", "caption"), ev("copyright", "© AP", "caption")], "LicenseRef-Agency",
     "source-catalog:ap", []),  # an agency's reserved terms stay with the ©
    ([ev("organization", "UK MOD", "caption")], None, None, []),  # Crown copyright, terms per release: no OGL
    ([ev("organization", "Crown Copyright", "caption")], None, None, []),  # a rights statement names no license
    ([ev("organization", "GOV.UK", "caption")], "OGL-UK-3.0", "source-catalog:uk-government", []),  # the site's
    ([ev("organization", "ESA/Hubble", "caption")], "CC-BY-4.0", "source-catalog:esa-hubble", []),
    ([ev("via", "TikTok", "caption")], None, None, []),  # a platform: per-file terms, no default
    ([ev("via", "Wikimedia Commons", "caption")], None, None, []),  # per-file terms: no default
    ([ev("organization", "Kremlin.ru", "caption"), ev("license", "CC BY-SA 3.0", "caption")],
     "CC-BY-SA-3.0", "caption", []),  # the caption's license wins over the source default
    ([ev("license", "CC BY 4.0", "caption"), ev("copyright", "© Jane Doe. All rights reserved.", "xmp")],
     None, None, ["license"]),  # the design's example: caption CC BY 4.0, XMP all rights reserved
    ([ev("license", "CC BY 4.0", "caption"), ev("license_url", "https://creativecommons.org/licenses/by/4.0/",
                                                 "xmp")], "CC-BY-4.0", "caption", []),  # agree across origins
    ([ev("license", "CC BY 4.0", "manual"), ev("license", "CC BY-NC 2.0", "caption"),
      ev("license", "CC BY-ND 2.0", "xmp")], "CC-BY-4.0", "manual", []),  # decision settles a dispute
    ([ev("usage_terms", "Licensed under CC BY-SA 4.0", "xmp")], "CC-BY-SA-4.0", "xmp", []),  # UsageTerms
    ([ev("marked", "False", "xmp")], "LicenseRef-PD", "xmp", []),  # xmpRights:Marked False = public domain
    ([ev("web_statement", "https://creativecommons.org/licenses/by-nd/3.0/", "xmp")], "CC-BY-ND-3.0", "xmp", []),
]


@pytest.mark.parametrize(("evidence", "license_id", "origin", "conflicts"), LICENSES)
def test_license_resolution(catalog: Catalog, evidence: list[Evidence], license_id: str | None,
                            origin: str | None, conflicts: list[str]) -> None:
    resolved = resolve_record(evidence, catalog)
    assert (resolved.record.license.id if resolved.record.license else None) == license_id
    assert resolved.record.origins.get("license") == origin
    assert [c.field for c in resolved.conflicts] == conflicts


# Creator conflicts, both directions: (caption creator, embedded creator, conflict?)
CREATORS = [
    ("Jane Doe", "Jane Doe", False),  # same
    ("Jane Doe", "JANE DOE", False),  # case
    ("José Müller", "Jose Muller", False),  # accents
    ("Jane Doe", "Jane Doe/AP", False),  # credit line carries the agency too
    ("Jane Doe and Ann Lee", "Ann Lee", False),  # one of two creators
    ("Jane Doe", "John Smith", True),  # different people
    ("Office of the President of the Russian Federation", "Kremlin Pool Photographer", True),
]


@pytest.mark.parametrize(("caption", "embedded", "conflict"), CREATORS)
def test_creator_conflict(catalog: Catalog, caption: str, embedded: str, conflict: bool) -> None:
    resolved = resolve_record([ev("creator", caption, "caption"), ev("creator", embedded, "iptc")], catalog)
    assert bool(resolved.conflicts) is conflict
    assert resolved.record.creator == caption  # shown value still follows precedence
    if conflict:
        assert {c.origin for c in resolved.conflicts[0].claims} == {"caption", "iptc"}


def test_embedded_disagreement_between_exif_iptc_xmp_is_reported(catalog: Catalog) -> None:
    resolved = resolve_record([ev("creator", "Jane Doe", "exif"), ev("creator", "John Smith", "xmp")], catalog)
    assert [c.field for c in resolved.conflicts] == ["creator"]


def test_mismatch_inside_one_credit_stays_a_mismatch(catalog: Catalog) -> None:
    resolved = resolve_record([Evidence("license", "CC BY-SA 4.0", "caption", "c", location="1"),
                               Evidence("license_url", "https://creativecommons.org/licenses/by/4.0/", "caption",
                                        "c", location="1")], catalog)
    assert resolved.resolution.status is Status.MISMATCH
    assert resolved.record.license is None


CATALOG = load_catalog()
EXAMPLES = int(os.environ.get("PROVENANCE_HYPOTHESIS_EXAMPLES", "300"))  # raise it for a longer search
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)
FIELDS = st.sampled_from(["creator", "organization", "via", "title", "copyright", "license", "license_url",
                          "credit_line", "description", "caption", "source_url", "usage_terms"])
EVIDENCE = st.builds(Evidence, field=FIELDS, value=TEXT, origin=st.sampled_from(ORDER[:-1]), name=st.just("t"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EVIDENCE, max_size=6))
@example([Evidence("caption", "Ⓒ0", "caption", "t")])  # the circled rights sign, written as the sign
@example([Evidence("credit_line", "Aİ.a", "manual", "t")])  # a Turkish dotted capital in a name in capitals
def test_resolution_never_invents_a_value(evidence: list[Evidence]) -> None:
    """Every text value of the record stands, as written, in some evidence, derived or given;
    and every derived value is a piece of the text it was derived from."""
    resolved = resolve_record(evidence, CATALOG)
    # the parser writes the circled letter some papers print for the rights sign as the sign ('Ⓒ Pieter Vos' ->
    # '© Pieter Vos', rows in 00-core.toml): the one rewrite of a value, one character for one; and a name in
    # capitals title-cased writes the Turkish dotted capital as a plain 'i' ('SELAHATTİN' -> 'Selahattin',
    # catalog/names.py), which casefolds to 'i' where 'İ' casefolds to 'i' and a combining dot
    givens = " \n ".join(e.value for e in evidence).translate(str.maketrans("Ⓒⓒİ", "©©I"))
    dotless = str.maketrans("İ", "I")
    record = resolved.record
    for name in ("creator", "organization", "via", "title", "copyright", "source_url"):
        value = getattr(record, name)
        if value is not None:
            assert any(e.value.strip() == value for e in resolved.evidence), name
            assert value.translate(dotless).casefold() in givens.casefold(), name  # names in capitals come back
            # title-cased
    if record.license is not None:
        origin = record.origins["license"]
        if origin.startswith("source-catalog:"):
            source = CATALOG.sources[origin.split(":", 1)[1]]
            assert any(n and n.casefold() in givens.casefold() for n in (source.name, *source.aliases, *source.domains))
        else:
            assert any(e.field in ("license", "license_url") for e in resolved.evidence)


@pytest.mark.parametrize(("decided", "source_id", "text"), [
    ("Harbour Ledger", None, "Photo by Marta Nowak / Harbour Ledger (https://www.reuters.com/pictures/1)."),
    # no catalog source
    ("AP", "ap", "AP Photo/Marta Nowak (https://www.reuters.com/pictures/1)."),  # another agency's credit form
    (None, "reuters", "REUTERS/Marta Nowak (https://www.reuters.com/pictures/1)."),  # none decided: the caption's
])
def test_a_decided_organisation_replaces_the_source_the_other_evidence_names(catalog: Catalog, decided: str | None,
                                                                             source_id: str | None, text: str) -> None:
    """A person decided who the picture's organisation is: the caption's agency, the IPTC Credit and the page's
    domain no longer pick the source (nor its credit form: 'REUTERS/Marta Nowak/Harbour Ledger' was written)."""
    from provenance.check import check_evidence

    evidence = [ev("creator", "Marta Nowak", "caption"), ev("organization", "Reuters", "caption"),
                ev("credit_line", "Reuters", "iptc"), ev("source_url", "https://www.reuters.com/pictures/1", "xmp"),
                ev("license", "CC BY 4.0", "manual"), *([ev("organization", decided, "manual")] if decided else [])]
    assert resolve_record(evidence, catalog).record.source_id == source_id
    item = check_evidence(evidence, catalog, label="x")
    assert item.attribution is not None
    assert item.attribution.text.startswith(text)


def test_a_decided_organisation_keeps_the_platform_it_came_via(catalog: Catalog) -> None:
    evidence = [ev("creator", "Jan Kowalski", "caption"), ev("via", "Wikimedia Commons", "caption"),
                ev("organization", "Harbour Ledger", "manual")]
    assert resolve_record(evidence, catalog).record.source_id == "wikimedia-commons"


def test_a_license_link_is_labelled_with_the_origin_that_gave_it(catalog: Catalog) -> None:
    """A caption names CC BY 4.0 without a link and the image's XMP links it: the link is the XMP's (it was shown
    as the caption's, which holds no link)."""
    url = "https://creativecommons.org/licenses/by/4.0/"
    resolved = resolve_record([ev("creator", "Jan Kowalski", "caption"), ev("license", "CC BY 4.0", "caption"),
                               ev("license_url", url, "xmp", "XMP cc:license")], catalog)
    assert resolved.record.license_url == url
    assert resolved.record.origins["license"] == "caption"
    assert resolved.record.origins["license_url"] == "xmp"
    both = resolve_record([ev("license", "CC BY 4.0", "caption"), ev("license_url", url, "caption")], catalog)
    assert both.record.origins["license_url"] == "caption"
