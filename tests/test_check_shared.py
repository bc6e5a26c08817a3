"""The check of a caption credit split in two (provenance.check._split_check): the part that reads only its
organisation, platform, license, source… remembered per catalog and profile, the part that reads its names done
for each credit. A credit whose shared part was remembered from another credit must be checked exactly as it
is checked alone (check_evidence, which never remembers a part)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from provenance import check
from provenance.catalog.load import Catalog, load_catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedItem, check_evidence, credit_check
from provenance.model import Credit
from provenance.parse.credits import parse_credit
from provenance.resolve.evidence import credit_to_evidence
from provenance.rules.credit_rules import ORGANISATION_RULES, RAISED_NAMES_RULES, RULES
from tests.case_tables import table_rows

# Credits alike but for their creator: (what the credit says besides the creator, how its text is written).
BASES = [
    pytest.param({"organization": "AP"}, "Photo: {}/AP", id="agency: the source catalog's default terms"),
    pytest.param({"organization": "Flickr", "license": "CC BY-SA 2.0"}, "Photo: {} / Flickr, CC BY-SA 2.0",
                 id="per-file platform, licensed: needs-verification, attribution"),
    pytest.param({"via": "Wikimedia Commons", "license": "CC BY-SA 4.0"}, "{}, CC BY-SA 4.0, via Wikimedia Commons",
                 id="via a platform"),
    pytest.param({"organization": "Acme Studio"}, "Photo: {}/Acme Studio",
                 id="unknown organisation: missing-license cites the creator"),
    pytest.param({"license": "CC BY 4.0"}, "Photo: {} (CC BY 4.0)",
                 id="a license alone: attribution-incomplete lists the caption's fields"),
    pytest.param({"license": "CC BY-SA 4.0", "license_url": "https://creativecommons.org/licenses/by/4.0/"},
                 "Photo: {}. CC BY-SA 4.0 (https://creativecommons.org/licenses/by/4.0/)",
                 id="license name and link disagree: the claim's evidence is the credit's own"),
    pytest.param({"organization": "Getty Images", "license": "CC BY-NC-ND 4.0"}, "{}/Getty Images, CC BY-NC-ND 4.0",
                 id="noncommercial, agency"),
    pytest.param({"organization": "NASA"}, "Image: {}/NASA", id="public domain by the source's terms"),
    pytest.param({"copyright": "© 2024 Acme Studio. All rights reserved."},
                 "© 2024 Acme Studio. All rights reserved. {}", id="a rights statement: permission-required"),
    pytest.param({"organization": "Reuters", "category": "handout"}, "Handout: {}/Reuters", id="a handout"),
    pytest.param({"source_url": "https://example.org/photos/1"}, "{} https://example.org/photos/1",
                 id="a page alone: without a creator, missing-credit names the item's label"),
]

# The creators each base is checked with, in this order and then in reverse, on one catalog.
CREATORS = [
    "Jane Doe",
    "Ann Lee",  # another name
    None,  # no creator
    "   ",  # a creator of white space: named, but no name
    "Reuters",  # a name the source catalog knows
    "AP",  # a name the organisation holds: the attribution prints it once
    "J\u0430ne Doe",  # a Cyrillic 'a': a look-alike letter in the credit's text
    "Jane\u200b Doe",  # a hidden character: the credit is screened, and checked whole
    "© Jane Doe",  # a rights sign in the name and the credit's text
    "Courtesy of the Smith family",  # a role: the attribution's courtesy line
    '"Sunset" by Ann Lee',  # a title and a name
    "<b>Ann</b> Lee",  # markup in the name
    "Illustration: Ann Lee",  # a lead-in left on the name
    "",  # no creator again, under another label
    " ",  # a blank creator again
]


def _credit(fields: dict[str, str], written: str, creator: str | None) -> Credit:
    text = written.format(creator or "").strip(" /,")
    return Credit(text=text, start=10, end=10 + len(text), creator=creator, **fields)


def _alone(credit: Credit, label: str, catalog: Catalog, profile: UsageProfile | None = None) -> CheckedItem:
    return check_evidence(credit_to_evidence(credit, "caption", "caption credit"), catalog, label=label,
                          credit=credit, profile=profile, in_article=True)


def _shared_memo(catalog: Catalog) -> dict[object, object]:
    return catalog.cached(check._SPLIT_MEMO, dict)


@pytest.mark.parametrize(("fields", "written"), BASES)
@pytest.mark.parametrize("order", [1, -1], ids=["in order", "reversed"])
def test_a_credit_checked_from_a_remembered_part_is_checked_as_if_alone(fields: dict[str, str], written: str,
                                                                       order: int) -> None:
    catalog = load_catalog()
    profile = check.default_profile(catalog)
    for n, creator in enumerate(CREATORS[::order], 1):
        credit = _credit(fields, written, creator)
        item = credit_check(credit, f"credit {n}", catalog, profile)
        assert item == _alone(credit, f"credit {n}", catalog), creator
    assert len(_shared_memo(catalog)) < len(CREATORS)  # some credits were answered from a remembered part


def test_a_remembered_part_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = load_catalog()
    profile = check.default_profile(catalog)
    credit_check(_credit({"organization": "AP"}, "Photo: {}/AP", "Jane Doe"), "credit 1", catalog, profile)
    resolved: list[object] = []
    monkeypatch.setattr(check, "resolve_found", lambda *args: resolved.append(args))
    second = _credit({"organization": "AP"}, "Photo: {}/AP", "Ann Lee")
    item = credit_check(second, "credit 2", catalog, profile)
    assert not resolved  # nothing resolved again
    assert item == _alone(second, "credit 2", catalog)
    assert item.record.creator == "Ann Lee"
    assert {e.location for e in item.evidence if e.origin == "caption"} == {f"chars {second.start}-{second.end}"}


def _table_credits(catalog: Catalog) -> list[Credit]:
    rows = table_rows("credit_lines")
    found: list[Credit] = []
    for row in rows:
        credits = parse_credit(row["text"], catalog)
        found.extend(credits if isinstance(credits, list) else [])
    return found


def test_every_credit_of_the_table_with_another_creator_is_checked_as_if_alone() -> None:
    # every credit of the credit table (all the shapes the parser reads), checked as written and then with
    # other creators: each must be what checking it alone gives
    catalog = load_catalog()
    profile = check.default_profile(catalog)
    credits = _table_credits(catalog)
    assert len(credits) > 300
    for credit in credits:
        for creator in (credit.creator, "Ann Lee", None, "Reuters"):
            other = replace(credit, creator=creator)
            assert credit_check(other, "credit 1", catalog, profile) == _alone(other, "credit 1", catalog), other


PROFILES = [UsageProfile(subscriptions=frozenset({"ap"})), UsageProfile(medium="print"),
            UsageProfile(commercial=False), UsageProfile(modified=("cropped",)), UsageProfile(credit_required=False)]


@pytest.mark.parametrize("profile", PROFILES)
def test_a_remembered_part_is_per_profile(profile: UsageProfile) -> None:
    catalog = load_catalog()
    default = check.default_profile(catalog)
    for fields, written in [({"organization": "AP"}, "Photo: {}/AP"),
                            ({"license": "CC BY-NC-SA 4.0"}, "Photo: {} (CC BY-NC-SA 4.0)")]:
        for n, creator in enumerate(["Jane Doe", "Ann Lee", "Bo Chen"]):
            credit = _credit(fields, written, creator)
            for which in (default, profile)[:: 1 if n % 2 else -1]:
                assert credit_check(credit, "credit 1", catalog, which) == _alone(credit, "credit 1", catalog, which)


def test_the_memo_of_parts_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check, "_SPLIT_MEMO_LIMIT", 10)
    catalog = load_catalog()
    profile = check.default_profile(catalog)
    sizes = []
    for n in range(25):
        credit_check(_credit({"organization": f"Studio {'x' * n}"}, "Photo: {}", "Jane Doe"), "credit 1", catalog,
                     profile)
        sizes.append(len(_shared_memo(catalog)))
    assert max(sizes) == 10  # full, emptied, filled again
    credit_check(_credit({"organization": "Studio " * 50}, "Photo: {}", "Jane Doe"), "credit 1", catalog, profile)
    assert len(_shared_memo(catalog)) == sizes[-1]  # over 300 characters of organisation: not kept


def test_the_rules_a_remembered_part_answers() -> None:
    # the rules that read a credit's names or its label are run for each credit (credit_rules.ORGANISATION_RULES),
    # three of them only where the remembered check raised them (RAISED_NAMES_RULES)
    assert ORGANISATION_RULES <= set(RULES)
    assert not ORGANISATION_RULES & RAISED_NAMES_RULES
    assert {rule.__name__ for rule in RAISED_NAMES_RULES} == {"_missing_credit", "_missing_license",
                                                              "_attribution_incomplete"}
    always = {rule.__name__ for rule in RULES if rule not in ORGANISATION_RULES | RAISED_NAMES_RULES}
    assert always == {"_permission_required"}
