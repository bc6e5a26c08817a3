"""The attribution language, chosen four ways: the library (profile), the CLI (--lang),
the JSON API (lang) and the dashboard (the language menu) give the same attribution."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import check_article
from provenance.cli.main import cli

CAPTION = "Fans at the final. Photo: Jane Doe, via Flickr (CC BY-SA 3.0 DE) https://www.flickr.com/photos/jane/1\n"
# (language, what its attribution must say) — the phrase and the deed in that language
LANGS = [
    ("de", "Lizenziert unter CC BY-SA 3.0 DE (https://creativecommons.org/licenses/by-sa/3.0/de/deed.de)"),
    ("fr", "Sous licence CC BY-SA 3.0 DE (https://creativecommons.org/licenses/by-sa/3.0/de/deed.fr)"),
    ("ja", "ライセンス: CC BY-SA 3.0 DE (https://creativecommons.org/licenses/by-sa/3.0/de/deed.ja)"),
    ("en", "Licensed under CC BY-SA 3.0 DE (https://creativecommons.org/licenses/by-sa/3.0/de/)"),
]


def _library(catalog: Catalog, lang: str) -> str:
    [item] = check_article(CAPTION, catalog, kind="plain", profile=replace(UsageProfile(), lang=lang)).items
    assert item.attribution is not None
    return item.attribution.text


def _cli(tmp_path: Path, lang: str) -> str:
    article = tmp_path / "a.txt"
    article.write_text(CAPTION, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--json", "--lang", lang, str(article)])
    return str(json.loads(result.stdout)["files"][0]["items"][0]["attribution"]["text"])


@pytest.mark.parametrize(("lang", "said"), LANGS)
def test_four_surfaces_agree(client: FlaskClient, catalog: Catalog, tmp_path: Path, lang: str, said: str) -> None:
    library = _library(catalog, lang)
    assert said in library
    assert _cli(tmp_path, lang) == library
    api = client.post("/api/check", json={"text": CAPTION, "lang": lang}).json
    assert api["files"][0]["items"][0]["attribution"]["text"] == library
    assert api["files"][0]["items"][0]["record"]["noun"] == "photo"  # from the caption's "Photo:"
    location = client.post("/check", data={"text": CAPTION}, content_type="multipart/form-data").headers["Location"]
    page = client.get(f"{location}?lang={lang}").get_data(as_text=True)
    assert f'<option value="{lang}" selected>' in page  # the menu shows the choice
    assert said.split(" (")[0] in page


def test_unknown_language_is_a_clear_error(client: FlaskClient, tmp_path: Path) -> None:
    response = client.post("/api/check", json={"text": CAPTION, "lang": "tlh"})
    assert response.status_code == 400
    assert response.json["error"].startswith("lang: 'tlh' is not a language of the catalog")  # the field once
    article = tmp_path / "a.txt"
    article.write_text(CAPTION, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--lang", "tlh", str(article)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --lang: 'tlh' is not a language of the catalog")


def test_unknown_change_names_the_field_once(client: FlaskClient) -> None:
    response = client.post("/api/check", json={"text": CAPTION, "modified": ["sharpened"]})
    assert response.status_code == 400
    assert response.json["error"].startswith("modified: ['sharpened'] are not known changes")
