"""The client of a commissioned credit is read by the parser, once: `Credit.client`. The record's client and the
attribution take it from there (resolve.evidence), never from the credit's text again."""

from __future__ import annotations

import json

import pytest

from provenance.catalog.load import Catalog
from provenance.check import check_text
from provenance.model import Credit
from provenance.parse.credits import parse_credit
from provenance.render.check_report import item_dict

# text, then the credit's (creator, organization, via, license, client)
ROWS = [
    pytest.param("Photo: Ada Brook for The Daily Ledger", ("Ada Brook", "The Daily Ledger", None, None,
                                                           "The Daily Ledger"),
                 id="nothing else named: the client is the organisation too"),
    pytest.param("Photo: Jane Roe/Getty Images for The Met Museum/Vogue",
                 ("Jane Roe", "Getty Images", None, None, "The Met Museum/Vogue"),
                 id="Getty's two clients joined by a slash"),
    pytest.param("Photo : Jane Roe pour « Le Monde »", ("Jane Roe", "Le Monde", None, None, "Le Monde"),
                 id="French 'pour' and the title in its guillemets"),
    pytest.param("Foto: Marta Luján/EFE para El País", ("Marta Luján", "EFE", None, None, "El País"),
                 id="Spanish 'para' after an agency"),
    pytest.param("Photo: Ida Vell/AP Images for Harwick Day, Inc.",
                 ("Ida Vell", "AP Images", None, None, "Harwick Day, Inc"), id="a company's form after its comma"),
    pytest.param("Photo: Jane Doe/Getty Images for Harbour Museum/Shutterstock",
                 ("Jane Doe", "Getty Images", "Shutterstock", None, "Harbour Museum"),
                 id="a distributor after the client stays the via"),
    pytest.param("Photo: Jane Doe/Getty Images for Harbour Museum/CC BY 2.0",
                 ("Jane Doe", "Getty Images", None, "CC BY 2.0", "Harbour Museum"),
                 id="a licence after the client is no second client"),
    pytest.param("Photo: Jane Doe/Getty Images for Harbour Museum/Jan 2019",
                 ("Jane Doe", "Getty Images", None, None, "Harbour Museum"),
                 id="a date after the client is no second client"),
    pytest.param("Photo: Max Planck Institute for Biology",
                 (None, "Max Planck Institute for Biology", None, None, None), id="a body's purpose, no client"),
    pytest.param("Photo: Jane Roe, held for over a year", ("Jane Roe", None, None, None, None),
                 id="'for' before a lower-case phrase names no client"),
]


@pytest.mark.parametrize(("text", "want"), ROWS)
def test_the_credit_carries_its_client(catalog: Catalog, text: str, want: tuple[str | None, ...]) -> None:
    [credit] = parse_credit(text, catalog)  # type: ignore[misc]
    assert isinstance(credit, Credit)
    assert (credit.creator, credit.organization, credit.via, credit.license, credit.client) == want


def test_an_organisation_named_elsewhere_has_no_client_read(catalog: Catalog) -> None:
    # the 'for' follows a photographer, and the organisation comes from another link: whose client is unsaid
    [credit] = parse_credit("Photo: Getty Images/Jane Roe for Netflix", catalog)  # type: ignore[misc]
    assert isinstance(credit, Credit)
    assert (credit.organization, credit.client) == ("Getty Images", None)


@pytest.mark.parametrize(("text", "client", "attribution"), [
    pytest.param("Photo: Jane Roe/Getty Images for The Met Museum/Vogue", "The Met Museum/Vogue",
                 "Jane Roe/Getty Images for The Met Museum/Vogue.", id="an agency's client is kept apart"),
    pytest.param("Foto: Marta Luján/EFE para El País", "El País", "EPA-EFE/Marta Luján for El País.",
                 id="'para' is 'for'"),
    pytest.param("Photo: Ada Brook for The Daily Ledger", None, "Photo by Ada Brook / The Daily Ledger. "
                 "[license unknown].", id="a client that is the organisation is no client of its own"),
])
def test_the_record_takes_the_parsers_client(catalog: Catalog, text: str, client: str | None,
                                             attribution: str) -> None:
    [item] = check_text(text, catalog)
    assert item.record.client == client
    assert item.attribution is not None
    assert item.attribution.text == attribution


def test_the_json_credit_names_its_client(catalog: Catalog) -> None:
    [item] = check_text("Photo: Jane Roe/Getty Images for The Met Museum/Vogue", catalog)
    credit = json.loads(json.dumps(item_dict(item)))["credit"]
    assert (credit["organization"], credit["client"]) == ("Getty Images", "The Met Museum/Vogue")
    [item] = check_text("Photo: Jane Roe/AP", catalog)
    assert json.loads(json.dumps(item_dict(item)))["credit"]["client"] is None
