from __future__ import annotations

import dataclasses
import gc
import threading
from collections.abc import Callable

import pytest

from provenance import check
from provenance.catalog.load import Catalog, load_catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedItem, check_evidence, check_text, gc_paused
from provenance.model import Evidence, Severity
from provenance.parse.credits import parse_credit
from provenance.resolve.evidence import credit_to_evidence
from provenance.resolve.record import Conflict, LicenseClaim, Resolved
from tests.seeds import seed_with

# Each finding code in both directions: (caption, code, raised?).
FINDING_CASES = [
    ("Photo: Jane Doe. Licensed under CC BY 4.0", "missing-license", False),  # license named
    ("Photo: Jane Doe/Acme Studio", "missing-license", True),  # unknown org, no license
    ("Photo: Jane Doe/AP", "missing-license", False),  # agency default from the source catalog
    ("Image: Wikimedia Commons", "missing-license", True),  # Commons: per-file terms, none given
    ("Photo: Jane Doe. Licensed under Acme Licence 2", "unknown-license", True),  # not in catalog
    ("Photo: Jane Doe. Licensed under CC BY-SA 2.0", "unknown-license", False),  # in catalog
    ("Photo by Jane Doe (Creative Commons)", "ambiguous-license", True),  # bare CC
    ("Photo by Jane Doe (CC BY-SA)", "ambiguous-license", False),  # version missing: the unversioned entry
    ("Photo by Jane Doe (CC BY-SA)", "needs-verification", True),  # … whose version needs verifying
    ("Photo by Jane Doe (CC BY-SA 4.0)", "needs-verification", False),  # the version is named
    ("Photo by Jane Doe (CC BY-SA 4.0)", "ambiguous-license", False),  # exact
    ("Photo: Jane Doe. CC BY-SA 4.0 (https://creativecommons.org/licenses/by/4.0/)", "license-mismatch", True),
    ("Photo: Jane Doe. CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)", "license-mismatch", False),
    ("No picture here, just prose.", "missing-credit", True),  # nothing at all
    ("Photo: Jane Doe/AP", "missing-credit", False),  # a credit
]


@pytest.mark.parametrize(("text", "code", "raised"), FINDING_CASES)
def test_finding_raised_or_not(catalog: Catalog, text: str, code: str, raised: bool) -> None:
    codes = {f.code for item in check_text(text, catalog) for f in item.findings}
    assert (code in codes) is raised


def test_seed_with_caption_checks_clean(catalog: Catalog) -> None:
    items = check_text(seed_with("Kremlin.ru").read_text(encoding="utf-8"), catalog)
    assert len(items) == 1
    item = items[0]
    assert item.findings == ()
    assert item.record.license is not None
    assert item.record.license.id == "CC-BY-4.0"
    assert item.attribution is not None
    assert "Kremlin.ru" in item.attribution.text


def test_byline_seed_is_missing_credit(catalog: Catalog) -> None:
    path = seed_with("written by the team")
    items = check_text(path.read_text(encoding="utf-8"), catalog, name=path.name)
    assert [f.code for f in items[0].findings] == ["missing-credit", "missing-license"]
    assert items[0].findings[0].severity is Severity.ERROR
    assert path.name in items[0].findings[0].message
    assert items[0].has_error
    assert items[0].credit is None
    assert items[0].attribution is None


def test_license_from_source_catalog_is_marked_as_such(catalog: Catalog) -> None:
    [item] = check_text("A view of the square. Photo: Kremlin.ru", catalog)
    assert item.record.license is not None
    assert item.record.license.id == "CC-BY-4.0"
    assert item.record.origins["license"] == "source-catalog:kremlin"


def test_caption_license_wins_over_source_default(catalog: Catalog) -> None:
    [item] = check_text("Photo: Jane Doe/Kremlin.ru. Licensed under CC BY-SA 4.0", catalog)
    assert item.record.license is not None
    assert item.record.license.id == "CC-BY-SA-4.0"
    assert item.record.origins["license"] == "caption"


def test_mismatch_message_names_both(catalog: Catalog) -> None:
    [item] = check_text("Photo: Jane Doe. CC BY-SA 2.0 (https://creativecommons.org/licenses/by-nc/2.0/)",
                        catalog)
    [finding] = [f for f in item.findings if f.code == "license-mismatch"]
    assert [f.code for f in item.findings] == ["license-mismatch", "missing-license"]  # no license resolved
    assert "CC BY-SA 2.0" in finding.message
    assert "CC BY-NC 2.0" in finding.message
    assert finding.evidence == (
        "caption: CC BY-SA 2.0 (caption credit); "
        "caption: https://creativecommons.org/licenses/by-nc/2.0/ (caption credit)"
    )


def test_modified_and_print_reach_the_attribution(catalog: Catalog) -> None:
    profile = UsageProfile(medium="print", modified=("cropped",))
    [item] = check_text("Photo by Jane Doe (CC BY 4.0)", catalog, profile=profile)
    assert item.attribution is not None
    assert "cropped" in item.attribution.text
    assert "<a " not in item.attribution.html


# A credit written again later in a text, another credit between: (lines of the text). Each item must be
# what checking its credit on its own gives, with its own position and label.
OTHER = "A fox in the snow. (Photo by Lea Marek/AFP via Getty Images)"
REPEATED_CASES = [
    ["Boats at dawn. (AP Photo/Jane Roe)", OTHER, "A market. (AP Photo/Jane Roe)"],  # agency credit
    ["Hills. Photo: Ana Ruiz / Flickr, CC BY-SA 2.0", OTHER, "Lakes. Photo: Ana Ruiz / Flickr, CC BY-SA 2.0",
     OTHER, "Dunes. Photo: Ana Ruiz / Flickr, CC BY-SA 2.0"],  # licensed, three times (and OTHER twice)
    ["Photo: Jane Doe. CC BY-SA 4.0 (https://creativecommons.org/licenses/by/4.0/)", OTHER,
     "Photo: Jane Doe. CC BY-SA 4.0 (https://creativecommons.org/licenses/by/4.0/)"],  # a mismatch finding
    ["By Ana Ruiz - Own work, CC BY-SA 3.0, via Wikimedia Commons", "Photo: Jane Doe/AP",
     "By Ana Ruiz - Own work, CC BY-SA 3.0, via Wikimedia Commons"],  # Commons, around an agency credit
    ["Photo: Jane Doe/AP", "Photo: Jane Doe/Reuters", "Photo: Jane Doe/AP"],  # same name, another agency
    ["Photo: Jane\u200b Doe/AP", OTHER, "Photo: Jane\u200b Doe/AP"],  # a hidden character: the evidence as given
]


@pytest.mark.parametrize("lines", REPEATED_CASES)
def test_repeated_credit_is_checked_as_if_alone(catalog: Catalog, lines: list[str]) -> None:
    text = "\n".join(lines)
    items = check_text(text, catalog)
    credits = parse_credit(text, catalog)
    assert isinstance(credits, list)
    assert len(items) == len(credits) == len(lines)
    assert len({c.text for c in credits}) < len(credits)  # a credit is written twice
    for n, (item, credit) in enumerate(zip(items, credits, strict=True), 1):
        alone = check_evidence(credit_to_evidence(credit, "caption", "caption credit"), catalog,
                               label=f"credit {n}", credit=credit, in_article=True)
        assert item == alone
        assert {e.location for e in item.evidence if e.origin == "caption"} == {f"chars {credit.start}-{credit.end}"}


# A credit checked in one text, then written in another (at another place, under another label): (first text,
# second text). The second text's items must be what checking each of its credits on its own gives.
ACROSS_TEXTS_CASES = [
    ("(AP Photo/Jane Roe)", "Boats at dawn. (AP Photo/Jane Roe)"),  # another position
    ("Photo: Jane Doe/AP\nPhoto: Ana Ruiz / Flickr, CC BY-SA 2.0",
     "Hills. Photo: Ana Ruiz / Flickr, CC BY-SA 2.0"),  # another label: credit 2 there, credit 1 here
    ("Photo: Jane\u200b Doe/AP", "A fox. Photo: Jane\u200b Doe/AP"),  # hidden characters: screened evidence moves
    ("Photo: Jane Doe. CC BY-SA 4.0 (https://creativecommons.org/licenses/by/4.0/)",
     "Hills. Photo: Jane Doe. CC BY-SA 4.0 (https://creativecommons.org/licenses/by/4.0/)"),  # a mismatch claim
]


@pytest.mark.parametrize(("first", "second"), ACROSS_TEXTS_CASES)
def test_a_credit_checked_in_another_text_is_checked_as_if_alone(first: str, second: str) -> None:
    catalog = load_catalog()
    check_text(first, catalog)
    items = check_text(second, catalog)
    credits = parse_credit(second, catalog)
    assert isinstance(credits, list)
    assert len(check_memo(catalog)) >= len(credits)  # remembered from the first text
    for n, (item, credit) in enumerate(zip(items, credits, strict=True), 1):
        alone = check_evidence(credit_to_evidence(credit, "caption", "caption credit"), catalog,
                               label=f"credit {n}", credit=credit, in_article=True)
        assert item == alone
        assert {e.location for e in (*item.evidence, *item.given) if e.origin == "caption"} == \
            {f"chars {credit.start}-{credit.end}"}


def test_a_remembered_check_is_per_catalog(acme_catalog: Catalog) -> None:
    bundled, house = load_catalog(), acme_catalog
    for _ in range(2):  # each catalog in turn, twice: the second round is answered from the memo
        [plain] = check_text("Photo: Jane Doe/Acme", bundled)
        [agency] = check_text("Photo: Jane Doe/Acme", house)
        assert "agency-license-required" not in {f.code for f in plain.findings}  # Acme is unknown here
        assert "agency-license-required" in {f.code for f in agency.findings}  # and the house's agency there
        assert plain.source is None
        assert agency.source is not None


# The same credit checked under two profiles, each in turn: (text, profile, what differs from the default).
PROFILE_CASES = [
    ("Photo: Jane Doe/AP", UsageProfile(subscriptions=frozenset({"ap"})),
     lambda item: any(f.code == "agency-license-required" and f.severity is Severity.INFO for f in item.findings)),
    ("Photo by Jane Doe (CC BY 4.0)", UsageProfile(medium="print"),  # the attribution is written for print
     lambda item: item.attribution is not None and "<a " not in item.attribution.html),
    ("Photo by Jane Doe (CC BY-NC 4.0)", UsageProfile(commercial=False),  # noncommercial use is allowed
     lambda item: "noncommercial-use" not in {f.code for f in item.findings}),
]


@pytest.mark.parametrize(("text", "profile", "differs"), PROFILE_CASES)
def test_a_remembered_check_is_per_profile(text: str, profile: UsageProfile,
                                           differs: Callable[[CheckedItem], bool]) -> None:
    catalog = load_catalog()
    for _ in range(2):  # the default profile and the other in turn, twice
        [default] = check_text(text, catalog)
        [other] = check_text(text, catalog, profile=profile)
        assert not differs(default)
        assert differs(other)


def test_the_memo_of_checks_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check, "_CHECK_MEMO_LIMIT", 10)
    catalog = load_catalog()
    sizes = []
    for n in range(25):
        check_text(f"Photo: Jane Doe{'x' * n}/AP", catalog)
        sizes.append(len(check_memo(catalog)))
    assert max(sizes) == 10  # full, emptied, filled again
    check_text("Photo: " + "Jane Doe " * 40 + "/AP", catalog)  # a credit of over 300 characters is not kept
    assert len(check_memo(catalog)) == sizes[-1]


def check_memo(catalog: Catalog) -> dict[object, CheckedItem]:
    return catalog.cached(check._CHECK_MEMO, dict)


@pytest.mark.parametrize("kind", [CheckedItem, Resolved, LicenseClaim, Conflict, Evidence])  # what a moved check copies
def test_a_moved_check_copies_plain_dataclasses(kind: type) -> None:
    # copying their fields is what dataclasses.replace does only while every field is set by __init__ alone
    assert all(f.init for f in dataclasses.fields(kind))
    assert not hasattr(kind, "__post_init__")
    assert not hasattr(kind, "__slots__")


def test_collector_is_back_on_after_a_check(catalog: Catalog) -> None:
    assert gc.isenabled()
    with gc_paused():
        check_text("Photo: Jane Doe/AP", catalog)  # a check inside another: still paused after it ends
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError, match="boom"), gc_paused():
        raise ValueError("boom")  # a check that fails: the collector is on again
    assert gc.isenabled()


def test_collector_is_left_alone_in_other_threads(catalog: Catalog) -> None:
    # a server thread: the collector belongs to the whole process, so a check there never turns it off
    seen: list[bool] = []

    def check_in_thread() -> None:
        with gc_paused():
            check_text("Photo: Jane Doe/AP", catalog)
            seen.append(gc.isenabled())

    worker = threading.Thread(target=check_in_thread)
    worker.start()
    worker.join()
    assert seen == [True]
