from __future__ import annotations

import pytest

from provenance.catalog.licenses import is_license_url, normalize_license_url, resolve_license
from provenance.catalog.load import Catalog
from provenance.model import Status
from tests.conftest import load_cases


@pytest.mark.parametrize("case", load_cases("license_strings.toml"))
def test_resolve_license_table(catalog: Catalog, case: dict[str, str]) -> None:
    result = resolve_license(catalog, case.get("text"), case.get("url"))
    assert result.status.value == case["status"]
    assert (result.license.id if result.license else None) == case.get("license")
    assert result.port == case.get("port")


def test_license_strings_table_is_large_enough() -> None:
    assert len(load_cases("license_strings.toml")) >= 80


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Creative Commons", "CC-BY-4.0"),  # bare CC: every CC BY version is a candidate
    ],
)
def test_ambiguous_lists_candidates(catalog: Catalog, text: str, expected: str) -> None:
    result = resolve_license(catalog, text)
    assert result.status is Status.AMBIGUOUS
    assert expected in [c.id for c in result.candidates]
    assert result.license is None


def test_bare_gfdl_is_the_unversioned_entry_with_both_versions(catalog: Catalog) -> None:
    """'GFDL' alone, as Commons credits write it: the unversioned entry, as a CC family without its version, whose
    versions are the ones it may stand for (the version needs verifying)."""
    result = resolve_license(catalog, "GFDL")
    assert result.status is Status.EXACT
    assert result.license is not None
    assert result.license.id == "GFDL"
    assert set(result.license.versions) == {"GFDL-1.2", "GFDL-1.3"}


def test_bare_by_sa_never_lists_noncommercial(catalog: Catalog) -> None:
    result = resolve_license(catalog, "CC BY-SA")
    assert result.license is not None
    assert result.license.id == "CC-BY-SA"
    assert "CC-BY-SA-2.0" in result.license.versions  # every version of BY-SA, not BY-NC-SA
    assert all(not catalog.license(v).terms.noncommercial for v in result.license.versions)


def test_mismatch_keeps_both_sides(catalog: Catalog) -> None:
    result = resolve_license(catalog, "CC BY-SA 4.0", "https://creativecommons.org/licenses/by/4.0/")
    assert result.status is Status.MISMATCH
    assert result.by_text is not None
    assert result.by_text.id == "CC-BY-SA-4.0"
    assert result.by_url is not None
    assert result.by_url.id == "CC-BY-4.0"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://creativecommons.org/licenses/by/4.0/deed.en", "creativecommons.org/licenses/by/4.0/deed.en"),
        ("HTTP://WWW.Example.COM/A/", "example.com/a"),  # case, www and slash folded
        ("creativecommons.org/licenses/by/4.0/),", "creativecommons.org/licenses/by/4.0"),  # prose tail
        ("https://unsplash.com/license?utm=x#top", "unsplash.com/license"),  # query and fragment dropped
    ],
)
def test_normalize_license_url(url: str, expected: str) -> None:
    assert normalize_license_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://creativecommons.org/licenses/by/4.0/", True),  # catalog pattern
        ("https://creativecommons.org/licenses/by/9.0/", True),  # CC license path, unknown version
        ("https://commons.wikimedia.org/wiki/File:X.jpg", False),  # a file page is a source
        ("https://www.flickr.com/photos/someone/123", False),  # a photo page is a source
    ],
)
def test_is_license_url(catalog: Catalog, url: str, expected: bool) -> None:
    assert is_license_url(catalog, url) is expected
