from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from provenance.catalog.licenses import resolve_license
from provenance.catalog.load import Catalog, license_names, load_catalog
from provenance.catalog.sources import match_source
from provenance.errors import CatalogError
from provenance.model import Status
from provenance.parse.credits import parse_credit

CC_VARIANTS = ("BY", "BY-SA", "BY-ND", "BY-NC", "BY-NC-SA", "BY-NC-ND")
CC_VERSIONS = ("1.0", "2.0", "2.5", "3.0", "4.0")


def test_every_cc_license_and_version_is_present(catalog: Catalog) -> None:
    for variant in CC_VARIANTS:
        for version in CC_VERSIONS:
            assert f"CC-{variant}-{version}" in catalog.licenses


@pytest.mark.parametrize(
    "license_id",
    [
        "CC0-1.0", "PDM-1.0", "LicenseRef-PD-USGov", "GFDL-1.2", "GFDL-1.3", "GFDL", "FAL-1.3",
        "OGL-UK-3.0", "OGL-Canada-2.0", "etalab-2.0", "LicenseRef-Unsplash", "LicenseRef-Pexels", "LicenseRef-Pixabay",
        "LicenseRef-All-Rights-Reserved", "LicenseRef-Agency",
    ],
)
def test_other_families_are_present(catalog: Catalog, license_id: str) -> None:
    assert license_id in catalog.licenses


def test_every_license_name_resolves_back_to_its_own_entry(catalog: Catalog) -> None:
    for lic in catalog.licenses.values():
        for name in license_names(lic):
            result = resolve_license(catalog, name)
            assert result.status is Status.EXACT, (lic.id, name)
            assert (result.license.id if result.license else None) == lic.id, (lic.id, name)


def test_every_url_and_pattern_resolves_back_to_its_own_entry(catalog: Catalog) -> None:
    for lic in catalog.licenses.values():
        urls = [lic.url] if lic.url else []
        urls += [f"https://{p}/" for p in lic.url_patterns]
        for url in urls:
            result = resolve_license(catalog, url=url)
            assert (result.license.id if result.license else None) == lic.id, (lic.id, url)


def test_urls_are_well_formed(catalog: Catalog) -> None:
    urls = [lic.url for lic in catalog.licenses.values() if lic.url]
    urls += [s.homepage for s in catalog.sources.values() if s.homepage]
    for url in urls:
        parts = urlsplit(url)
        assert parts.scheme in ("http", "https"), url
        assert "." in parts.netloc, url


def test_open_licenses_with_attribution_have_a_url(catalog: Catalog) -> None:
    for lic in catalog.licenses.values():
        if lic.terms.open and lic.terms.license_link:
            assert lic.url.startswith("https://"), lic.id


@pytest.mark.parametrize(
    ("license_id", "flags"),
    [
        ("CC-BY-4.0", {"attribution", "license_link", "indicate_changes"}),  # plain BY
        ("CC-BY-SA-3.0", {"attribution", "license_link", "share_alike", "indicate_changes"}),  # SA
        ("CC-BY-NC-ND-2.0", {"attribution", "license_link", "noncommercial", "no_derivatives",
                             "indicate_changes"}),  # NC + ND
        ("CC0-1.0", set()),  # no conditions at all
        ("LicenseRef-Editorial-Only", {"attribution", "editorial_only"}),  # editorial only
    ],
)
def test_terms_flags(catalog: Catalog, license_id: str, flags: set[str]) -> None:
    assert set(catalog.license(license_id).terms.flags()) - {"open"} == flags


def test_source_catalog_size_and_named_sources(catalog: Catalog) -> None:
    assert len(catalog.sources) >= 30
    for name in ("Kremlin.ru", "Wikimedia Commons", "Flickr", "AP", "Reuters", "AFP", "Getty Images",
                 "EPA-EFE", "Bloomberg", "Shutterstock", "Alamy", "NASA", "DVIDS", "U.S. Army",
                 "The White House", "KCNA", "Yonhap", "TASS", "Xinhua"):
        assert match_source(catalog, name) is not None, name


def test_every_source_alias_and_domain_matches_its_source(catalog: Catalog) -> None:
    for source in catalog.sources.values():
        for name in (source.name, *source.aliases):
            found = match_source(catalog, name)
            assert (found.id if found else None) == source.id, name
        for domain in source.domains:
            found = match_source(catalog, f"https://{domain}/some/page")
            assert (found.id if found else None) == source.id, domain


@pytest.mark.parametrize("name", ["SMK", "Regeringen", "Riksdagen", "BKA"])
def test_names_of_several_bodies_match_no_source(catalog: Catalog, name: str) -> None:
    # 'Foto: SMK' is Statens Museum for Kunst in a Danish credit, the Norwegian prime minister's office in a Norwegian
    # one; 'Regeringen' is any Nordic government, 'Riksdagen' the Swedish and the Finnish parliament, 'BKA' the German
    # federal police office and the Austrian chancellery
    assert match_source(catalog, name) is None


def test_usage_rights_categories(catalog: Catalog) -> None:
    expected = {"staff", "commissioned", "agency", "handout", "pr", "pool", "screengrab",
                "social-media", "reader-submission", "crown-copyright", "creative-commons",
                "public-domain", "composite"}
    assert expected <= set(catalog.categories)
    for category in catalog.categories.values():
        assert category.description


LICENSE_OK = '''
[[license]]
id = "LicenseRef-Acme-Open-1.0"
name = "Acme Open Photo License 1.0"
short_name = "Acme Open 1.0"
url = "https://acme.example/license/1.0"
family = "acme"
aliases = ["Acme Photo License"]
url_patterns = ["acme.example/license/1.0"]
attribution_statement = "Licensed under {license}"
[license.terms]
open = true
attribution = true
license_link = true
share_alike = false
noncommercial = true
no_derivatives = false
indicate_changes = true
editorial_only = false
attribution_requires = ["creator", "license", "license_url"]
'''


def _write(folder: Path, text: str, name: str = "extra.toml") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_adding_a_license_is_adding_a_toml_entry(tmp_path: Path) -> None:
    catalog = load_catalog(_write(tmp_path / "extra", LICENSE_OK))
    result = resolve_license(catalog, "Acme Photo License")
    assert result.license is not None
    assert result.license.terms.noncommercial
    by_url = resolve_license(catalog, url="https://acme.example/license/1.0/")
    assert by_url.license is not None
    assert by_url.license.id == "LicenseRef-Acme-Open-1.0"


@pytest.mark.parametrize(
    ("text", "entry", "problem"),
    [
        ("[[license]\nid = ", None, "not valid TOML"),  # syntax error
        (LICENSE_OK.replace('short_name = "Acme Open 1.0"\n', ""), "LicenseRef-Acme-Open-1.0",
         "'short_name' is missing"),  # required field missing
        (LICENSE_OK.replace("noncommercial = true", 'noncommercial = "yes"'), "LicenseRef-Acme-Open-1.0",
         "'noncommercial' must be a bool"),  # flag of the wrong type
        (LICENSE_OK.replace("https://acme.example/license/1.0", "ftp:/acme"), "LicenseRef-Acme-Open-1.0",
         "not an http(s) URL"),  # malformed URL
        (LICENSE_OK.replace('"creator", "license"', '"creator", "colour"'), "LicenseRef-Acme-Open-1.0",
         "unknown attribution element"),  # unknown element
        (LICENSE_OK.replace("LicenseRef-Acme-Open-1.0", "CC-BY-4.0"), "CC-BY-4.0",
         "duplicate id"),  # id clashes with a bundled entry
        (LICENSE_OK.replace('["Acme Photo License"]', '["CC BY 4.0"]'), "LicenseRef-Acme-Open-1.0",
         "already a name of 'CC-BY-4.0'"),  # alias taken by another entry
        (LICENSE_OK.replace('"acme.example/license/1.0"]', '"https://acme.example/x"]'),
         "LicenseRef-Acme-Open-1.0", "must start with a host"),  # pattern with scheme
        ('[[source]]\nid = "acme"\nname = "Acme"\nkind = "agency"\nterms = "agency"\nlicense = "Nope"\n',
         "acme", "license 'Nope' is not in the catalog"),  # dangling license reference
        ('[[source]]\nid = "acme"\nname = "Acme"\nkind = "robot"\nterms = "agency"\n',
         "acme", "kind 'robot'"),  # unknown source kind
        ('[[source]]\nid = "acme"\nname = "Acme"\nkind = "publisher"\nterms = "agency"\nstaff_initials = "yes"\n',
         "acme", "staff_initials must be true or false"),  # a house style flag written as a word
        ('[[licence]]\nid = "x"\n', None, "unknown table"),  # misspelt table name
        (LICENSE_OK.replace('family = ', 'versions = ["CC-BY-9.0"]\nfamily = '), "LicenseRef-Acme-Open-1.0",
         "versions names 'CC-BY-9.0'"),  # an unversioned entry naming a version the catalog lacks
        ('[[category]]\nid = "syndicated"\nname = "Syndicated"\ndescription = "x"\ncredit_role = "syndicate"\n',
         "syndicated", "credit_role must be one of pool, handout, courtesy"),  # a role attributions have no words for
    ],
)
def test_broken_catalog_names_file_and_entry(tmp_path: Path, text: str, entry: str | None,
                                             problem: str) -> None:
    folder = _write(tmp_path / "broken", text, "house.toml")
    with pytest.raises(CatalogError) as info:
        load_catalog(folder)
    message = str(info.value)
    assert "house.toml" in message
    assert problem in message
    if entry:
        assert info.value.entry == entry
        assert repr(entry) in message


def test_missing_catalog_folder(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="catalog folder not found"):
        load_catalog(tmp_path / "nope")


def test_credit_roles_are_catalog_data(tmp_path: Path, catalog: Catalog) -> None:
    # the bundled categories name their role; a house category can take one too
    assert {c.id: c.credit_role for c in catalog.categories.values() if c.credit_role} == {
        "pool": "pool", "handout": "handout", "pr": "courtesy"}
    folder = _write(tmp_path / "extra", '[[category]]\nid = "family"\nname = "Family photo"\n'
                    'description = "Supplied by the family."\ncredit_role = "courtesy"\n', "house.toml")
    assert load_catalog(folder).categories["family"].credit_role == "courtesy"


# (the credit, who signs it: initials read as the photographer only before an outlet whose entry says its staff
# sign so)
HOUSE_INITIALS = [
    pytest.param("Photo : KL/Gazette du Nord", ("KL", "Gazette du Nord"), id="the house's staff signs with initials"),
    pytest.param("Photo : KL/Courrier du Sud", (None, "KL"), id="another paper: the letters are no person"),
]


@pytest.mark.parametrize(("text", "expected"), HOUSE_INITIALS)
def test_a_house_style_of_staff_initials_is_catalog_data(tmp_path: Path, text: str,
                                                         expected: tuple[str | None, str]) -> None:
    entries = "".join(f'[[source]]\nid = "{id_}"\nname = "{name}"\nkind = "publisher"\nterms = "agency"\n{flag}\n'
                      for id_, name, flag in [("gazette-nord", "Gazette du Nord", "staff_initials = true"),
                                              ("courrier-sud", "Courrier du Sud", "")])
    catalog = load_catalog(_write(tmp_path / "extra", entries, "house.toml"))
    [credit] = parse_credit(text, catalog)
    assert (credit.creator, credit.organization) == expected


def test_source_terms_say_what_each_term_triggers(catalog: Catalog) -> None:
    assert catalog.terms_of(catalog.sources["ap"]).rights_reserved
    assert catalog.terms_of(catalog.sources["wikimedia-commons"]).per_file
    assert all(s.terms in catalog.source_terms for s in catalog.sources.values())


def test_dashboard_toggles_and_url_prefixes_are_catalog_data(catalog: Catalog) -> None:
    assert {c.id for c in catalog.changes.values() if c.dashboard} == {"cropped", "retouched", "composited"}
    assert "creativecommons.org/licenses" in catalog.spellings.license_url_prefixes
    assert " via getty images" in catalog.spellings.source_suffixes


def test_a_family_gives_its_licenses_their_defaults(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(
        '[family.house]\nurl_ports = true\n[family.house.terms]\nopen = true\nattribution = true\n'
        'license_link = false\nshare_alike = false\nnoncommercial = false\nno_derivatives = false\n'
        'indicate_changes = false\neditorial_only = true\nattribution_requires = ["creator"]\n\n'
        '[[license]]\nid = "LicenseRef-House-1"\nname = "House licence 1"\nshort_name = "House 1"\n'
        'url = "https://example.org/house/1"\nfamily = "house"\n[license.terms]\nnoncommercial = true\n',
        encoding="utf-8")
    lic = load_catalog(tmp_path).licenses["LicenseRef-House-1"]
    assert lic.url_ports is True
    assert (lic.terms.editorial_only, lic.terms.noncommercial, lic.terms.share_alike) == (True, True, False)
    assert lic.terms.attribution_requires == ("creator",)


def test_creative_commons_entries_state_only_what_their_variant_changes(catalog: Catalog) -> None:
    by_sa, by_nc_nd = catalog.licenses["CC-BY-SA-3.0"], catalog.licenses["CC-BY-NC-ND-2.0"]
    assert (by_sa.terms.share_alike, by_sa.terms.noncommercial, by_sa.url_ports) == (True, False, True)
    assert (by_nc_nd.terms.noncommercial, by_nc_nd.terms.no_derivatives) == (True, True)
    assert "title" in by_sa.terms.attribution_requires
    assert "title" not in catalog.licenses["CC-BY-4.0"].terms.attribution_requires
