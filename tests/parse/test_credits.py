from __future__ import annotations

from typing import Any

import pytest

from provenance.catalog.load import Catalog
from provenance.model import Credit, NoCredit
from provenance.parse.credits import parse_credit
from tests.conftest import load_cases
from tests.seeds import seed_with

FIELDS = ("creator", "organization", "via", "license", "license_url", "source_url", "category", "copyright", "title")


@pytest.mark.parametrize("case", load_cases("credit_lines"))
def test_parse_credit_table(catalog: Catalog, case: dict[str, Any]) -> None:
    result = parse_credit(case["text"], catalog)
    expected = case.get("credit", [])
    if not expected:
        assert isinstance(result, NoCredit)
        return
    assert isinstance(result, list)
    got = [{k: getattr(c, k) for k in FIELDS} for c in result]
    want = [{k: row.get(k) for k in FIELDS} for row in expected]
    assert got == want


def test_credit_lines_table_is_large_enough() -> None:
    assert len(load_cases("credit_lines")) >= 50


def test_span_points_at_the_credit_in_the_text(catalog: Catalog) -> None:
    text = "Volunteers fill sandbags. Photo: Jane Doe/AP\nThe river rose overnight."
    [credit] = parse_credit(text, catalog)  # type: ignore[misc]
    assert isinstance(credit, Credit)
    assert text[credit.start : credit.end] == "Photo: Jane Doe/AP"
    assert credit.text == "Photo: Jane Doe/AP"


def test_seed_caption_is_parsed_exactly(catalog: Catalog) -> None:
    text = seed_with("Kremlin.ru").read_text(encoding="utf-8")
    result = parse_credit(text, catalog)
    assert isinstance(result, list)
    assert len(result) == 1
    credit = result[0]
    assert credit.creator == "Office of the President of the Russian Federation"
    assert credit.organization == "Kremlin.ru"
    assert credit.via == "Wikimedia Commons"
    assert credit.license == "CC BY 4.0"
    assert credit.license_url == "https://creativecommons.org/licenses/by/4.0/deed.en"
    assert text[credit.start : credit.end].startswith("Photo by Office")
    assert text[credit.end] == "]"


def test_byline_only_seed_gives_no_credit(catalog: Catalog) -> None:
    text = seed_with("written by the team").read_text(encoding="utf-8")
    result = parse_credit(text, catalog)
    assert isinstance(result, NoCredit)
    assert not result
    assert result.reason == "no image credit found"


def test_unknown_organisation_needs_a_lead_in(catalog: Catalog) -> None:
    # Without a lead-in, "Name/Org" is only a credit when the catalog knows a side (or the name says it is a body:
    # 'Acme Studio', 'Acme Media'); a word the catalog does not know names no body.
    assert isinstance(parse_credit("The bridge at dawn. Jane Doe/Acme", catalog), NoCredit)
    assert parse_credit("The bridge at dawn. Photo: Jane Doe/Acme", catalog)


# A credit written again later in the same text (its fields are split once per text): (credit line, separator).
REPEATED_LINES = [
    ("Boats at dawn. (AP Photo/Jane Roe)", "\nA fox. (Photo by Lea Marek/AFP via Getty Images)\n"),  # agency
    ("Hills. Photo: Ana Ruiz / Flickr, CC BY-SA 2.0", "\nA fox. Photo: Lea Marek/Reuters\n"),  # licensed
    ("Der Hafen am Morgen. Foto: Jan Roth/dpa", "\nEin Fuchs. Foto: Lea Marek/AFP\n"),  # German lead-in
]


@pytest.mark.parametrize(("line", "between"), REPEATED_LINES)
def test_repeated_credit_reads_as_when_alone(catalog: Catalog, line: str, between: str) -> None:
    alone = parse_credit(line, catalog)
    repeated = parse_credit(line + between + line, catalog)
    assert isinstance(alone, list)
    assert isinstance(repeated, list)
    assert len(repeated) == 3
    for credit in (repeated[0], repeated[2]):
        assert {k: getattr(credit, k) for k in FIELDS} == {k: getattr(alone[0], k) for k in FIELDS}
    assert repeated[2].start == repeated[0].start + len(line + between)


@pytest.mark.parametrize("text", ["Photo: Reuters en Español", "Foto: AP en Español", "Foto: EFE y Televisa"])
def test_agency_and_one_unknown_word_is_no_second_party(catalog: Catalog, text: str) -> None:
    """hread9: 'Reuters en Español' (Spanish 'en' is 'in': the agency's service) was split at hmiss5's conjunction into
    the agency and a person 'Español'; a side of one word the catalog does not know is no party of its own."""
    result = parse_credit(text, catalog)
    credits = result if isinstance(result, list) else []
    assert all(credit.creator not in ("Español", "Televisa") for credit in credits)
