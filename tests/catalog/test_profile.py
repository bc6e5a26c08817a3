from __future__ import annotations

from pathlib import Path

import pytest

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile, load_profile
from provenance.errors import ProfileError


def test_default_profile(catalog: Catalog) -> None:
    profile = load_profile(None, catalog)
    assert profile.commercial is True
    assert profile.medium == "online"
    assert profile.subscriptions == frozenset()
    assert profile.modified == ()
    assert profile == UsageProfile()  # the file and the dataclass defaults say the same thing


def test_custom_profile(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "charity.toml"
    path.write_text('name = "Charity newsletter"\ncommercial = false\nmedium = "print"\nlang = "de"\n'
                    'subscriptions = ["ap", "reuters"]\nmodified = ["cropped"]\n'
                    '[house_rules]\nlicense_url_required_for = ["creative-commons", "gnu"]\n', encoding="utf-8")
    profile = load_profile(path, catalog)
    assert (profile.name, profile.commercial, profile.medium) == ("Charity newsletter", False, "print")
    assert profile.subscriptions == {"ap", "reuters"}
    assert profile.modified == ("cropped",)
    assert profile.lang == "de"
    assert profile.license_url_required_for == {"creative-commons", "gnu"}
    assert profile.with_changes("retouched", "cropped").modified == ("cropped", "retouched")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("commercial = 'yes'\n", "commercial: must be a bool"),  # wrong type
        ("medium = 'radio'\n", "medium: must be one of"),  # unknown medium
        ("lang = 'tlh'\n", "lang: 'tlh' is not a language of the catalog"),  # no licenses/lang/tlh.toml
        ("subscriptions = ['acme-wire']\n", "subscriptions: ['acme-wire'] are not source ids"),  # unknown source
        ("modified = ['painted over']\n", "modified: ['painted over'] are not known changes"),  # unknown change
        ("[house_rules\n", "not valid TOML"),  # syntax
    ],
)
def test_broken_profile_names_file_and_key(catalog: Catalog, tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "house.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path, catalog)
    assert str(info.value).startswith(str(path))
    assert problem in str(info.value)


def test_missing_profile(catalog: Catalog, tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="no such file"):
        load_profile(tmp_path / "none.toml", catalog)


def test_a_partial_profile_takes_the_rest_from_the_default_file(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "partial.toml"
    path.write_text('name = "Print weekly"\nmedium = "print"\n[house_rules]\ncredit_required = false\n',
                    encoding="utf-8")
    profile = load_profile(path, catalog)
    default = load_profile(None, catalog)
    assert (profile.medium, profile.credit_required) == ("print", False)
    # every key the file leaves out is the default file's, house rules included
    assert (profile.commercial, profile.editorial) == (default.commercial, default.editorial)
    assert profile.license_url_required_for == default.license_url_required_for


def test_library_calls_without_a_profile_use_the_default_file(catalog: Catalog) -> None:
    from provenance.catalog.profile import default_profile

    assert default_profile(catalog) == load_profile(None, catalog)
    assert default_profile(catalog).file.endswith("default.toml")
