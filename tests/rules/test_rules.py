"""Every finding code, raised and not raised, across license families and usage profiles."""

from __future__ import annotations

import datetime

import pytest

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import check_evidence, check_text
from provenance.model import Evidence, Severity
from provenance.parse.credits import parse_credit
from provenance.resolve.evidence import credit_to_evidence
from provenance.rules.registry import make_finding

TODAY = datetime.date.today()
DEFAULT = UsageProfile()
MODIFIED = UsageProfile(modified=("cropped",))


def caption(text: str) -> list[Evidence]:
    credits = parse_credit(text)
    assert credits, f"no credit in {text!r}"
    return [e for c in credits for e in credit_to_evidence(c, "caption", "caption credit")]  # type: ignore[union-attr]


def xmp(field: str, value: str) -> Evidence:
    return Evidence(field, value, "xmp", f"XMP {field}")


def findings(catalog: Catalog, evidence: list[Evidence], profile: UsageProfile = DEFAULT,
             in_article: bool = True) -> dict[str, Severity]:
    item = check_evidence(evidence, catalog, label="the image", profile=profile, in_article=in_article)
    return {f.code: f.severity for f in item.findings}


CC_LINK = "(https://creativecommons.org/licenses/by/4.0/)"
PLUS = "http://ns.useplus.org/ldf/vocab/"
DST = "http://cv.iptc.org/newscodes/digitalsourcetype/"

# (code, evidence, profile, in_article, expected severity or None for "not raised")
CASES = [
    # attribution-incomplete
    ("attribution-incomplete", caption("Photo: Amira Haddad (CC BY-NC 4.0)"), DEFAULT, True,
     Severity.WARNING),  # CC: no license link, no source
    ("attribution-incomplete", caption("Photo: Kremlin.ru"), DEFAULT, True,
     Severity.WARNING),  # license from the site default, caption names none
    ("attribution-incomplete", caption(f"Photo by Jane Doe, via Flickr. Licensed under CC BY 4.0 {CC_LINK}"),
     DEFAULT, True, None),  # TASL complete
    ("attribution-incomplete", caption("Photo: Jane Doe (CC0)"), DEFAULT, True, None),  # CC0 asks for nothing
    ("attribution-incomplete", caption("Photo: Amira Haddad (CC BY-NC 4.0)"), DEFAULT, False,
     None),  # an image file on its own has no caption to judge
    ("attribution-incomplete", caption("Photo: Jane Doe/AP"), DEFAULT, True, None),  # agency: creator + agency
    # noncommercial-use
    ("noncommercial-use", caption("Photo: Jane Doe, via Flickr. CC BY-NC 2.0 "
                                  "(https://creativecommons.org/licenses/by-nc/2.0/)"), DEFAULT, True,
     Severity.ERROR),  # NC on a commercial site
    ("noncommercial-use", caption("Photo: Jane Doe, via Flickr (CC BY-NC-SA 3.0)"), DEFAULT, True,
     Severity.ERROR),  # NC-SA
    ("noncommercial-use", caption("Photo: Jane Doe, via Flickr (CC BY-NC 4.0)"),
     UsageProfile(commercial=False), True, None),  # a noncommercial publication
    ("noncommercial-use", caption("Photo: Jane Doe, via Flickr (CC BY 4.0)"), DEFAULT, True, None),  # not NC
    # no-derivatives-modified
    ("no-derivatives-modified", caption("Photo: Jane Doe (CC BY-ND 2.0)"), MODIFIED, True,
     Severity.ERROR),  # ND and cropped
    ("no-derivatives-modified", caption("Photo: Jane Doe (CC BY-NC-ND 4.0)"),
     UsageProfile(commercial=False, modified=("composited",)), True, Severity.ERROR),  # NC-ND, composited
    ("no-derivatives-modified", caption("Photo: Jane Doe (CC BY-ND 2.0)"), DEFAULT, True, None),  # unchanged
    ("no-derivatives-modified", caption("Photo: Jane Doe (CC BY-ND 2.0)"), UsageProfile(modified=("resized",)),
     True, None),  # resizing is no adaptation
    ("no-derivatives-modified", caption("Photo: Jane Doe (CC BY 4.0)"), MODIFIED, True, None),  # not ND
    # share-alike-obligation
    ("share-alike-obligation", caption("Photo: Jane Doe (CC BY-SA 4.0)"), MODIFIED, True, Severity.WARNING),
    ("share-alike-obligation", caption("Photo: Jane Doe (GFDL 1.2)"), UsageProfile(modified=("retouched",)),
     True, Severity.WARNING),  # GFDL is share-alike too
    ("share-alike-obligation", caption("Photo: Jane Doe (CC BY-SA 4.0)"), DEFAULT, True, None),  # unchanged
    ("share-alike-obligation", caption("Photo: Jane Doe (CC BY 4.0)"), MODIFIED, True, None),  # not SA
    # editorial-only
    ("editorial-only", caption("Kim greets soldiers. KCNA via Reuters"), DEFAULT, True,
     Severity.INFO),  # editorial terms, editorial use: fine, for the record
    ("editorial-only", caption("Kim greets soldiers. KCNA via Reuters"), UsageProfile(editorial=False), True,
     Severity.ERROR),  # the same photo in an advert
    ("editorial-only", [*caption("Photo: Jane Doe"), Evidence("instructions", "EDITORIAL USE ONLY", "iptc",
                                                              "IPTC 2:40 Special Instructions")], DEFAULT, True,
     Severity.INFO),  # the image's own instructions
    ("editorial-only", caption("Photo: Jane Doe (CC BY 4.0)"), DEFAULT, True, None),  # no restriction
    # agency-license-required
    ("agency-license-required", caption("Photo: Jane Doe/AP"), DEFAULT, True, Severity.ERROR),  # no subscription
    ("agency-license-required", caption("Photo: Jane Doe/AP"), UsageProfile(subscriptions=frozenset({"ap"})),
     True, Severity.INFO),  # subscribed
    ("agency-license-required", caption("John Smith/AFP via Getty Images"),
     UsageProfile(subscriptions=frozenset({"getty-images"})), True, Severity.INFO),  # via a subscribed agency
    ("agency-license-required", caption("Photo: Jane Doe/Reuters"), UsageProfile(subscriptions=frozenset({"ap"})),
     True, Severity.ERROR),  # subscribed to another agency
    ("agency-license-required", caption("Photo: Jane Doe (CC BY 4.0)"), DEFAULT, True, None),  # open license
    ("agency-license-required", [*caption("Photo: Jane Doe/Reuters"),
                                 Evidence("organization", "Harbour Ledger", "manual", "decision")], DEFAULT, True,
     None),  # a person decided the picture is not Reuters': its agency asks for nothing
    ("agency-license-required", [*caption("Photo: Jane Doe/Reuters"),
                                 Evidence("organization", "Getty Images", "manual", "decision")],
     UsageProfile(subscriptions=frozenset({"reuters"})), True,
     Severity.ERROR),  # decided Getty's: the subscription to Reuters (the caption's agency) does not cover it
    ("agency-license-required", [*caption("Photo: Jane Doe/Reuters"),
                                 Evidence("organization", "Reuters", "manual", "decision")], DEFAULT, True,
     Severity.ERROR),  # decided as the caption says
    # needs-verification
    ("needs-verification", caption("Photo: Jane Doe, via Wikimedia Commons (CC BY-SA 4.0)"), DEFAULT, True,
     Severity.WARNING),  # per-file terms, only the caption vouches
    ("needs-verification", [*caption("Photo: Jane Doe, via Wikimedia Commons (CC BY-SA 4.0)"),
                            xmp("license_url", "https://creativecommons.org/licenses/by-sa/4.0/")], DEFAULT, True,
     None),  # the file's own XMP agrees
    ("needs-verification", caption("Photo by Office of the President / Kremlin.ru, via Wikimedia Commons. "
                                   "Licensed under CC BY 4.0"), DEFAULT, True,
     None),  # Kremlin.ru's site license agrees (the seed)
    ("needs-verification", [*caption("Photo: Jane Doe, via Flickr (CC BY 2.0)"),
                            Evidence("license", "CC BY 2.0", "manual", "decision")], DEFAULT, True,
     None),  # a person looked it up
    ("needs-verification", [*caption("Photo: Jane Doe, via Flickr (CC BY 2.0)"),
                            Evidence("creator", "Jane M. Doe", "manual", "decision")], DEFAULT, True,
     Severity.WARNING),  # a person corrected the name alone: the licence is still unverified
    ("needs-verification", caption("The new frigate. Handout via Reuters"), DEFAULT, True,
     Severity.WARNING),  # a handout
    ("needs-verification", [*caption("Photo: Jane Doe (CC BY 4.0)"),
                            Evidence("c2pa_validation", "invalid", "c2pa", "C2PA validation state")], DEFAULT, True,
     Severity.WARNING),  # a broken content credential
    ("needs-verification", caption("Photo: Jane Doe (CC BY 4.0)"), DEFAULT, True, None),  # nothing to verify
    # public-domain
    ("public-domain", caption("Photo: Jane Doe (CC0)"), DEFAULT, True, Severity.INFO),  # CC0
    ("public-domain", caption("Photo: Jane Doe. Public Domain Mark 1.0"), DEFAULT, True, Severity.INFO),  # PDM
    ("public-domain", caption("Credit: NASA/Bill Ingalls"), DEFAULT, True, Severity.INFO),  # US government work
    ("public-domain", caption("Credit: NASA/JPL-Caltech"), DEFAULT, True,
     None),  # the most specific source is JPL-Caltech, whose terms are per file
    ("public-domain", caption("Photo: Jane Doe (CC BY 4.0)"), DEFAULT, True, None),  # copyrighted
    # license-expired
    ("license-expired", [*caption("Photo: Jane Doe (CC BY 4.0)"), xmp("license_end_date", "2020-01-31")], DEFAULT,
     True, Severity.ERROR),  # ended
    ("license-expired", [*caption("Photo: Jane Doe (CC BY 4.0)"),
                         xmp("license_end_date", (TODAY + datetime.timedelta(days=365)).isoformat())], DEFAULT,
     True, None),  # still running
    ("license-expired", [*caption("Photo: Jane Doe (CC BY 4.0)"), xmp("license_end_date", "someday")], DEFAULT,
     True, None),  # not a date: nothing claimed
    # alteration-constraint
    ("alteration-constraint", [*caption("Photo: Jane Doe/Acme"), xmp("alteration_constraints", f"{PLUS}AL-CRP")],
     MODIFIED, True, Severity.ERROR),  # no cropping, cropped
    ("alteration-constraint", [*caption("Photo: Jane Doe/Acme"), xmp("alteration_constraints", f"{PLUS}AL-CRP")],
     DEFAULT, True, None),  # no cropping, unchanged
    ("alteration-constraint", [*caption("Photo: Jane Doe/Acme"), xmp("alteration_constraints", f"{PLUS}AL-FLP")],
     MODIFIED, True, None),  # no flipping, cropped
    # credit-line-required
    ("credit-line-required", [xmp("creator", "Jane Doe"), xmp("credit_line_required", f"{PLUS}CR-COI")], DEFAULT,
     True, Severity.ERROR),  # required, caption carries none
    ("credit-line-required", [*caption("Photo: Jane Doe"), xmp("credit_line_required", f"{PLUS}CR-COI")],
     DEFAULT, True, None),  # the caption credits her
    ("credit-line-required", [xmp("creator", "Jane Doe"), xmp("credit_line_required", f"{PLUS}CR-NRQ")], DEFAULT,
     True, None),  # not required
    # synthetic-media
    ("synthetic-media", [*caption("Illustration: Newsroom Graphics"),
                         xmp("digital_source_type", f"{DST}trainedAlgorithmicMedia")], DEFAULT, True,
     Severity.WARNING),  # AI-generated
    ("synthetic-media", [*caption("Photo: Jane Doe"), Evidence("digital_source_type", f"{DST}compositeCapture",
                                                               "c2pa", "C2PA c2pa.actions")], DEFAULT, True,
     Severity.WARNING),  # composite, from C2PA
    ("synthetic-media", [*caption("Photo: Jane Doe"), xmp("digital_source_type", f"{DST}digitalCapture")],
     DEFAULT, True, None),  # a camera capture
    # permission-required
    ("permission-required", caption("© 2024 Olga Petrova. All rights reserved."), DEFAULT, True,
     Severity.ERROR),  # all rights reserved, nothing grants the use
    ("permission-required", [xmp("creator", "Olga Petrova"), xmp("copyright", "Bildrechte: Olga Petrova")],
     DEFAULT, True, Severity.ERROR),  # a German rights notice in XMP
    ("permission-required", [*caption("© 2024 Olga Petrova. All rights reserved."),
                             Evidence("license", "All rights reserved", "manual", "decision")], DEFAULT, True,
     None),  # a person recorded the permission
    ("permission-required", [*caption("© 2024 Olga Petrova. All rights reserved."),
                             Evidence("creator", "Olga A. Petrova", "manual", "decision")], DEFAULT, True,
     Severity.ERROR),  # a decision about the name alone grants no use
    ("permission-required", caption("© Jane Doe/Reuters"), UsageProfile(subscriptions=frozenset({"reuters"})),
     True, None),  # the subscription covers it
    ("permission-required", caption("Photo: © Jane Doe (CC BY 4.0)"), DEFAULT, True, None),  # a public license
    # hidden-characters and lookalike-license (more cases in test_text_rules.py)
    ("hidden-characters", caption("Photo: Jane \u202eeoD/AP"), DEFAULT, True,
     Severity.WARNING),  # a right-to-left override inside the creator
    ("hidden-characters", caption("Photo: Jane Doe/AP"), DEFAULT, True, None),  # plain text
    ("lookalike-license", caption("Photo: Jane Doe (CC BY 4.O)"), DEFAULT, True,
     Severity.ERROR),  # the letter O for a zero
    ("lookalike-license", caption("Photo: Jane Doe (CC BY 4.0)"), DEFAULT, True, None),  # the real name
    # missing-credit and the house rule
    ("missing-credit", [Evidence("alt", "A chart", "html", "img alt")], DEFAULT, True, Severity.ERROR),
    ("missing-credit", [Evidence("alt", "A chart", "html", "img alt")], UsageProfile(credit_required=False), True,
     None),  # a house that does not require credits (own graphics)
]


@pytest.mark.parametrize(("code", "evidence", "profile", "in_article", "severity"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(catalog: Catalog, code: str, evidence: list[Evidence], profile: UsageProfile, in_article: bool,
              severity: Severity | None) -> None:
    assert findings(catalog, evidence, profile, in_article).get(code) == severity


def test_every_code_is_tested_both_ways() -> None:
    from provenance.rules.registry import FINDINGS

    raised = {c[0] for c in CASES if c[4] is not None}
    quiet = {c[0] for c in CASES if c[4] is None}
    rule_codes = set(FINDINGS) - {"missing-license", "unknown-license", "ambiguous-license", "license-mismatch",
                                  "conflicting-evidence",  # covered in test_check.py and test_resolve.py
                                  "image-not-found", "image-unreadable", "file-error", "credit-suggestion",
                                  "inconsistent-credits",
                                  "metadata-stripped",  # audit-level: test_audit.py and test_duplicates.py
                                  "encoding-guessed"}  # audit-level: test_encoding_guessed.py
    assert rule_codes <= raised
    assert rule_codes <= quiet


def test_share_alike_names_the_compatible_licenses(catalog: Catalog) -> None:
    item = check_evidence(caption("Photo: Jane Doe (CC BY-SA 4.0)"), catalog, label="x", profile=MODIFIED,
                          in_article=True)
    [finding] = [f for f in item.findings if f.code == "share-alike-obligation"]
    assert "CC BY-SA 4.0 or FAL 1.3" in finding.message
    older = check_evidence(caption("Photo: Jane Doe (CC BY-SA 2.0)"), catalog, label="x", profile=MODIFIED,
                           in_article=True)
    [finding] = [f for f in older.findings if f.code == "share-alike-obligation"]
    assert "CC BY-SA 2.0 or CC BY-SA 2.5 or CC BY-SA 3.0 or CC BY-SA 4.0" in finding.message


@pytest.mark.parametrize(("text", "decided", "expected"), [
    ("Photo: Jan Kowalski / Wikimedia Commons, CC BY-SA 3.0", "CC BY-SA 4.0",
     "The caption lacks what CC BY-SA 4.0 asks for: the license name (it names CC BY-SA 3.0), the license link."),
    ("Photo: Sam Green. All rights reserved.", "CC BY 4.0",
     "The caption lacks what CC BY 4.0 asks for: the source, the license name (it names All rights reserved), "
     "the license link."),
    ("Photo by Jane Doe, via Flickr. Licensed under CC BY-NC 4.0 (https://creativecommons.org/licenses/by-nc/4.0/)",
     "CC BY 4.0", "The caption lacks what CC BY 4.0 asks for: the license name (it names CC BY-NC 4.0), the license "
     "link. The attribution below supplies the license name, the license link."),
    (f"Photo by Jane Doe, via Flickr. Licensed under CC BY 4.0 {CC_LINK}", "CC BY 4.0", None),  # the same licence
])
def test_a_caption_naming_another_licence_than_the_decided_one_lacks_its_name(catalog: Catalog, text: str,
                                                                               decided: str, expected: str | None,
                                                                               ) -> None:
    """After a decision changed the licence, the published caption still names the old one: it lacks the
    decided licence's name (and a link to the old one is no link to it), and the finding says which it names."""
    evidence = [*caption(text), Evidence("license", decided, "manual", "decision")]
    item = check_evidence(evidence, catalog, label="x", in_article=True)
    messages = [f.message for f in item.findings if f.code == "attribution-incomplete"]
    assert [m[:len(expected)] for m in messages] == ([expected] if expected else [])


def test_modification_reaches_the_attribution(catalog: Catalog) -> None:
    item = check_evidence(caption("Photo: Jane Doe (CC BY 4.0)"), catalog, label="x",
                          profile=UsageProfile(modified=("cropped", "decolorized")), in_article=True)
    assert item.attribution is not None
    assert item.attribution.text.endswith("Modified from the original: cropped, turned black and white.")


@pytest.mark.parametrize(("caption", "code"), [
    ("Illustration: Newsroom Graphics", "needs-verification"),  # a category's note that ends with its own stop
    ("Photo: Jane Roe/Handout", "needs-verification"),  # the handout category's note, the same
])
def test_a_message_ends_with_one_full_stop(catalog: Catalog, caption: str, code: str) -> None:
    messages = [f.message for item in check_text(caption, catalog=catalog) for f in item.findings if f.code == code]
    assert messages
    assert all(".." not in m and m.endswith(".") for m in messages), messages


@pytest.mark.parametrize(("values", "expected"), [
    ({"reasons": "it is a handout."}, "Check before publishing: it is a handout."),  # the value's stop given up
    ({"reasons": "see the notes..."}, "Check before publishing: see the notes..."),  # an ellipsis stays three dots
    ({"reasons": "per file"}, "Check before publishing: per file."),  # no stop of its own: the template's
])
def test_make_finding_does_not_double_the_full_stop(values: dict[str, str], expected: str) -> None:
    assert make_finding("needs-verification", **values).message == expected


def test_a_conflict_names_each_claim_once(catalog: Catalog) -> None:
    """A credit element inside the figcaption gives the same creator twice (the element and the caption); the
    desk reads one claim against the image's EXIF Artist, not the same name said twice by the caption."""
    from provenance.check import check_article

    html = ('<figure><img src="img/quay.jpg" alt="Quay"><figcaption>Dock workers march. '
            '<span class="credit">Photo: Anna Berg/AP</span></figcaption></figure>')
    artist = Evidence("creator", "Jörg Händel", "exif", "EXIF Artist")
    [item] = check_article(html, catalog, name="story.html", image_evidence=lambda src: [artist]).items
    [conflict] = [f for f in item.findings if f.code == "conflicting-evidence"]
    assert conflict.message.count("'Anna Berg'") == 1
    assert "exif (EXIF Artist) says 'Jörg Händel'" in conflict.message
