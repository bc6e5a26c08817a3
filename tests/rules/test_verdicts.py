"""Issue 12's wrong outputs, one row each: the input, the verdict (finding codes and
severities that must and must not be raised) and the exact attribution text."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import check_evidence, check_text
from provenance.model import Evidence, Severity
from provenance.parse.credits import parse_credit
from provenance.resolve.evidence import credit_to_evidence, tasl_credits

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741
DEFAULT = UsageProfile()
CC_BY_2 = "https://creativecommons.org/licenses/by/2.0/"
DST = "http://cv.iptc.org/newscodes/digitalsourcetype/"


def caption(text: str) -> list[Evidence]:
    credits = parse_credit(text)
    assert credits, f"no credit in {text!r}"
    return [e for c in credits for e in credit_to_evidence(c, "caption", "caption credit")]  # type: ignore[union-attr]


def meta(origin: str, field: str, value: str) -> Evidence:
    return Evidence(field, value, origin, f"{origin.upper()} {field}")


RIGHTS = "© 2024 Olga Petrova. All rights reserved."

# (input evidence, profile, {code: severity} that must be raised, codes that must not, exact attribution text)
CASES = [
    pytest.param(caption(RIGHTS), DEFAULT, {"permission-required": E}, ["missing-license"],
                 "Photo: Olga Petrova.", id="caption reserves all rights: permission needed"),
    pytest.param([meta("iptc", "copyright", RIGHTS), meta("iptc", "creator", "Olga Petrova")], DEFAULT,
                 {"permission-required": E}, [], "Photo: Olga Petrova.",
                 id="IPTC copyright notice reserves all rights"),
    pytest.param([meta("xmp", "copyright", "Bildrechte: Olga Petrova"), meta("xmp", "creator", "Olga Petrova")],
                 DEFAULT, {"permission-required": E, "missing-license": W}, [],
                 "Photo by Olga Petrova. [license unknown].", id="German Bildrechte notice"),
    pytest.param(caption("Copyright: Olga Petrova"), DEFAULT, {"permission-required": E, "missing-license": W},
                 [], "Photo by Olga Petrova. [license unknown].", id="Copyright lead-in"),
    pytest.param([*caption(RIGHTS), Evidence("license", "All rights reserved", "manual", "decision by desk")],
                 DEFAULT, {}, ["permission-required"], "Photo: Olga Petrova.",
                 id="a recorded decision clears it"),
    pytest.param(caption("© Jane Doe/AP"), UsageProfile(subscriptions=frozenset({"ap"})),
                 {"agency-license-required": I}, ["permission-required"], "AP Photo/Jane Doe.",
                 id="a matching subscription clears it"),
    pytest.param([meta("iptc", "copyright", "© 2024 Reuters. All rights reserved."),
                  meta("iptc", "creator", "Jane Doe")], UsageProfile(subscriptions=frozenset({"reuters"})), {},
                 ["permission-required"], "Photo: Jane Doe.", id="the notice's holder is subscribed to"),
    pytest.param(caption("Photo: © Jane Doe (CC BY 2.0)"), DEFAULT, {}, ["permission-required"],
                 f"Photo by Jane Doe. Licensed under CC BY 2.0 ({CC_BY_2}).",
                 id="a copyright sign beside a public license is no reservation"),
    pytest.param([Evidence("alt", "A chart", "html", "img alt")], DEFAULT,
                 {"missing-credit": E, "missing-license": W}, [], None, id="no rights information at all"),
    pytest.param(caption("Photo: Jane Doe (CC BY-SA 3.1)"), DEFAULT, {"unknown-license": W, "missing-license": W},
                 [], "Photo by Jane Doe. [license unknown].", id="an unknown license is no resolved license"),
    pytest.param(caption("Credit: NASA/JPL-Caltech"), DEFAULT, {"missing-license": W, "needs-verification": W},
                 ["public-domain"], "Photo by NASA/JPL-Caltech. [license unknown].",
                 id="JPL-Caltech is more specific than NASA"),
    pytest.param(caption("Photo: Jane Doe/Getty Images for Netflix"), DEFAULT, {"agency-license-required": E}, [],
                 "Jane Doe/Getty Images for Netflix.", id="Getty Images for X is Getty's"),
    pytest.param(caption("Photo: Jane Doe/Getty Images for Harbour Museum/Quay Magazine"), DEFAULT,
                 {"agency-license-required": E}, [], "Jane Doe/Getty Images for Harbour Museum/Quay Magazine.",
                 id="Getty's two clients joined by a slash are both printed"),
    pytest.param(caption("Photo: Jane Doe/Getty Images for Harbour Museum/Shutterstock"), DEFAULT,
                 {"agency-license-required": E}, [], "Jane Doe/Getty Images for Harbour Museum via Shutterstock.",
                 id="a distributor after the client stays the via"),
    pytest.param(caption("Photo: Jane Doe/Getty Images for Harbour Museum/Editorial use only"), DEFAULT,
                 {"agency-license-required": E}, [], "Jane Doe/Getty Images for Harbour Museum.",
                 id="a rights statement after the client is no second client"),
    pytest.param(caption("Photo: Jane Doe/Getty Images for Harbour Museum/CC BY 2.0"), DEFAULT, {}, [],
                 f"Jane Doe/Getty Images for Harbour Museum. Licensed under CC BY 2.0 ({CC_BY_2}).",
                 id="a license after the client is no second client"),
    pytest.param(caption("Photo: Jane Doe/Getty Images for Harbour Museum/Jan 2019"), DEFAULT,
                 {"agency-license-required": E}, [], "Jane Doe/Getty Images for Harbour Museum.",
                 id="a date after the client is no second client"),
    pytest.param(caption("Photo: Ostland Studio for Harbour Museum/Jane Doe"), DEFAULT, {}, [],
                 "Photo by Jane Doe / Ostland Studio for Harbour Museum. [license unknown].",
                 id="after no agency the name after the client's slash is the creator, no second client"),
    pytest.param(caption("Photo: Jane Doe (CC BY-SA 3.0 DE)"), DEFAULT, {"attribution-incomplete": W}, [],
                 "Photo by Jane Doe. Licensed under CC BY-SA 3.0 DE "
                 "(https://creativecommons.org/licenses/by-sa/3.0/de/).", id="German port links the port deed"),
    pytest.param(caption("Photo: Jane Doe (CC BY 3.0 IGO)"), DEFAULT, {"attribution-incomplete": W}, [],
                 "Photo by Jane Doe. Licensed under CC BY 3.0 IGO (https://creativecommons.org/licenses/by/3.0/igo/).",
                 id="IGO port links the IGO deed"),
    pytest.param(caption("Photo: Jane Doe, via Flickr (CC BY 2.0) https://www.flickr.com/photos/jane/123"),
                 DEFAULT, {}, [], f"Photo by Jane Doe, via Flickr (https://www.flickr.com/photos/jane/123). "
                 f"Licensed under CC BY 2.0 ({CC_BY_2}).", id="plain text writes the Flickr page out"),
    pytest.param([meta("xmp", "creator", "Jane Doe"), meta("xmp", "license_url", CC_BY_2),
                  meta("xmp", "web_statement", "https://photos.example/harbour")], DEFAULT, {}, [],
                 f"Photo by Jane Doe (https://photos.example/harbour). Licensed under CC BY 2.0 ({CC_BY_2}).",
                 id="xmpRights:WebStatement is the source page"),
    pytest.param([meta("jsonld", "creator", "Jane Doe"), meta("jsonld", "license_url", CC_BY_2),
                  meta("jsonld", "acquire_license_page", "https://photos.example/buy/1")], DEFAULT, {}, [],
                 f"Photo by Jane Doe (https://photos.example/buy/1). Licensed under CC BY 2.0 ({CC_BY_2}).",
                 id="schema.org acquireLicensePage is the source page"),
    pytest.param([meta("xmp", "creator", "Jane Doe"), meta("xmp", "web_statement", CC_BY_2)], DEFAULT, {}, [],
                 f"Photo by Jane Doe. Licensed under CC BY 2.0 ({CC_BY_2}).",
                 id="a WebStatement that is a license URL is the license, not the source"),
    pytest.param(caption('Photo: "Harbour at Dawn" by Jane Doe (CC BY 2.0)'), DEFAULT, {}, [],
                 f"Photo “Harbour at Dawn” by Jane Doe. Licensed under CC BY 2.0 ({CC_BY_2}).",
                 id="the title of the '\"Title\" by Author' form is kept"),
    pytest.param([Evidence("caption", "Dusk. “Sunset” by Jane Doe is licensed under CC BY 2.0.", "html", "figcaption")],
                 DEFAULT, {}, ["missing-credit"], f"Photo “Sunset” by Jane Doe. Licensed under CC BY 2.0 ({CC_BY_2}).",
                 id="the TASL form Creative Commons recommends, in a figcaption"),
    pytest.param([*caption("Photo: NASA/JPL-Caltech"), meta("xmp", "creator", "NASA/JPL-Caltech")], DEFAULT,
                 {"missing-license": W}, [], "Photo by NASA/JPL-Caltech. [license unknown].",
                 id="creator equal to organisation printed once"),
    # The parser leaves lead-ins out of names ("Courtesy of X" gives creator X, category pr); the
    # courtesy wording comes from the category.
    pytest.param(caption("Photo: Courtesy of the family"), DEFAULT, {"missing-license": W}, [],
                 "Courtesy of the family. [license unknown].", id="a courtesy line is no 'Photo by Courtesy'"),
    pytest.param(caption("The new frigate. Handout via Reuters"), DEFAULT, {"needs-verification": W}, [],
                 "Handout via REUTERS.", id="a handout names no unknown creator"),
    pytest.param(caption("Photo: AFP/Pool"), DEFAULT, {"agency-license-required": E}, [], "Pool / AFP.",
                 id="AFP/Pool credits the pool"),
    pytest.param(caption("Pool photo by Evan Vucci via AP"), DEFAULT, {"agency-license-required": E}, [],
                 "Pool photo by Evan Vucci via AP.", id="AP pool photo"),
    pytest.param([*caption("Photo: Jane Doe (CC BY 2.0)"), meta("xmp", "digital_source_type",
                                                                f"{DST}trainedAlgorithmicMedia")],
                 DEFAULT, {"synthetic-media": W}, [],
                 f"AI-generated image by Jane Doe. Licensed under CC BY 2.0 ({CC_BY_2}).",
                 id="an image flagged AI-generated never says Photo"),
    pytest.param([*caption("Photo: Jane Doe (CC BY 2.0)"), Evidence("digital_source_type",
                 f"{DST}trainedAlgorithmicMedia", "c2pa", "C2PA c2pa.actions")], DEFAULT, {"synthetic-media": W}, [],
                 f"AI-generated image by Jane Doe. Licensed under CC BY 2.0 ({CC_BY_2}).",
                 id="C2PA declares it AI-generated"),
    pytest.param(caption("Illustration: Jane Doe (CC BY 2.0)"), DEFAULT, {}, [],
                 f"Illustration by Jane Doe. Licensed under CC BY 2.0 ({CC_BY_2}).", id="Illustration lead-in"),
    pytest.param([meta("iptc", "credit_line", "Map: OpenStreetMap contributors (CC BY-SA 2.0)")],
                 DEFAULT, {}, [], "Map by OpenStreetMap contributors. Licensed under CC BY-SA 2.0 "
                 "(https://creativecommons.org/licenses/by-sa/2.0/).", id="Map lead-in in an IPTC credit line"),
    pytest.param(caption("The president speaks. (AP Photo/Evan Vucci)"), DEFAULT, {"agency-license-required": E},
                 [], "AP Photo/Evan Vucci.", id="AP's own credit form"),
    pytest.param(caption("Protesters march. Jane Doe/Reuters"), DEFAULT, {"agency-license-required": E}, [],
                 "REUTERS/Jane Doe.", id="Reuters' own credit form"),
    pytest.param(caption("Photo: Jane Doe / AFP"), DEFAULT, {"agency-license-required": E}, [],
                 "Jane Doe / AFP.", id="AFP's own credit form"),
    pytest.param(caption("Photo: Jane Doe/AFP via Getty Images"), DEFAULT, {"agency-license-required": E}, [],
                 "Jane Doe / AFP via Getty Images.", id="AFP's form, distributed via Getty"),
    # Issue 10: a chain's first agency is the organisation and its last distributor the via.
    pytest.param(caption("Photo: Jane Doe/EPA-EFE/Shutterstock"), DEFAULT, {"agency-license-required": E}, [],
                 "EPA-EFE/Jane Doe via Shutterstock.", id="no name dropped from an agency chain"),
    pytest.param(caption("Photo: Jane Doe/Getty Images"), UsageProfile(modified=("cropped",)),
                 {"agency-license-required": E}, [], "Jane Doe/Getty Images.",
                 id="no change note where the terms ask none"),
    pytest.param(caption("Photo: Jane Doe (CC BY 2.0)"), UsageProfile(modified=("cropped",)), {}, [],
                 f"Photo by Jane Doe. Licensed under CC BY 2.0 ({CC_BY_2}). Modified from the original: cropped.",
                 id="change note where the license asks for it"),
]


@pytest.mark.parametrize(("evidence", "profile", "raised", "quiet", "text"), CASES)
def test_verdict_and_attribution(catalog: Catalog, evidence: list[Evidence], profile: UsageProfile,
                                 raised: dict[str, Severity], quiet: list[str], text: str | None) -> None:
    item = check_evidence(evidence, catalog, label="the image", profile=profile, in_article=True)
    found = {f.code: f.severity for f in item.findings}
    assert {code: found.get(code) for code in raised} == raised
    assert not set(quiet) & set(found)
    assert (item.attribution.text if item.attribution else None) == text


def test_incomplete_credit_does_not_promise_what_is_unknown(catalog: Catalog) -> None:
    item = check_evidence(caption("Photo: Jane Doe (CC BY-SA 3.0)"), catalog, label="x", in_article=True)
    [finding] = [f for f in item.findings if f.code == "attribution-incomplete"]
    assert "supplies the license link" in finding.message
    assert "Nothing on record gives the title" in finding.message


@pytest.mark.parametrize(("text", "expected"), [
    ("“Sunset over the Bay” by Jane Doe is licensed under CC BY 2.0.",
     f"Photo “Sunset over the Bay” by Jane Doe. Licensed under CC BY 2.0 ({CC_BY_2})."),  # the CC-recommended form
    ('"Sunset" by Jane Doe, licensed under CC BY-SA 3.0 DE (https://creativecommons.org/licenses/by-sa/3.0/de/).',
     "Photo “Sunset” by Jane Doe. Licensed under CC BY-SA 3.0 DE "
     "(https://creativecommons.org/licenses/by-sa/3.0/de/)."),  # with a ported license and its URL
    ('He said "yes" by default is licensed under no one.', None),  # no license the catalog knows: no credit
    ("“Sunset” de Ana Ruiz is licensed under CC BY 2.0. Tomada en 2019.",
     f"Photo “Sunset” by Ana Ruiz. Licensed under CC BY 2.0 ({CC_BY_2})."),  # a sentence after the license's stop
])
def test_the_tasl_form_in_plain_text(catalog: Catalog, text: str, expected: str | None) -> None:
    [item] = check_text(text, catalog)
    assert (item.attribution.text if item.attribution else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("“Sunset” by Jane Doe is licensed under CC BY 2.0.", ("Jane Doe", "CC BY 2.0", None)),  # the stop closes
    ("“Sunset” de Ana Ruiz is licensed under CC BY 2.0. Tomada en 2019.", ("Ana Ruiz", "CC BY 2.0", None)),
    ('"Sunset" by J is licensed under CC BY-SA 4.0.', ("J", "CC BY-SA 4.0", None)),  # a creator of one letter
    ("“Sunset” by Jane Doe is licensed under CC BY 2.0\nTaken in 2019.", ("Jane Doe", "CC BY 2.0", None)),
    ("“Sunset” by Jane Doe is licensed under CC BY 2.0 \nTaken in 2019.", ("Jane Doe", "CC BY 2.0", None)),
    (f"“Sunset” by Jane Doe is licensed under CC BY 2.0 ({CC_BY_2})\nTaken in 2019.",
     ("Jane Doe", "CC BY 2.0", CC_BY_2)),  # a line's end closes the form as a stop does
])
def test_the_tasl_form_ends_where_the_license_ends(catalog: Catalog, text: str,
                                                   expected: tuple[str, str, str | None]) -> None:
    [(credit, title)] = tasl_credits(text, catalog)
    assert (credit.creator, credit.license, credit.license_url) == expected
    assert title == "Sunset"


# (the IPTC copyright notice, who the message says reserves all rights)
HOLDER_NOTICES = [
    pytest.param("© 2024 Reuters. All rights reserved.", "Reuters", id="a sign, a year and the phrase around it"),
    pytest.param("Copyright (c) 2019 Harbor Lane Media LLC, all rights reserved", "Harbor Lane Media LLC",
                 id="the word and the letter in brackets"),
    # hostile metadata (QA pass 5): markup and an attribute's debris were kept in the holder's name
    pytest.param('"><b>Bold</b> © evil. All rights reserved.', "Bold evil", id="tags and a closed attribute"),
    pytest.param("<i>© Ada Brook</i> — all rights reserved", "Ada Brook", id="an element and a dash after it"),
    pytest.param("'/>© 2021 Coastline Studio; All Rights Reserved.", "Coastline Studio", id="a closed tag's debris"),
    pytest.param("© 2024. All rights reserved.", "Jane Doe", id="no name: the creator"),
]


@pytest.mark.parametrize(("notice", "holder"), HOLDER_NOTICES)
def test_the_message_names_the_holder_of_the_notice(catalog: Catalog, notice: str, holder: str) -> None:
    evidence = [meta("iptc", "copyright", notice), meta("iptc", "creator", "Jane Doe")]
    [finding] = [f for f in check_evidence(evidence, catalog, label="x", in_article=True).findings
                 if f.code == "permission-required"]
    assert finding.message.split(": ", 1)[1].startswith(f"{holder} reserves all rights and")
    assert finding.severity is E
    assert finding.evidence == f"iptc: {notice} (IPTC copyright)"


def test_a_client_is_kept_apart_from_the_agency(catalog: Catalog) -> None:
    # The corpus convention: 'X/Getty Images for Y' names Getty Images as the organisation; the client
    # is its own field, and Getty's credit form still prints it.
    [item] = check_text("Photo: Jane Doe/Getty Images for Harbour Film Week", catalog)
    assert (item.record.organization, item.record.client) == ("Getty Images", "Harbour Film Week")
    assert item.attribution is not None
    assert item.attribution.text == "Jane Doe/Getty Images for Harbour Film Week."
