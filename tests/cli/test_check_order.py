"""A check's answer is the same whatever was checked before it in the same process: one `provenance check` of
several files and URLs shares one verifier, and what it learnt about one page's images must not reach another."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from provenance.cli.main import cli
from tests.localserver import LocalServer
from tests.website import figure

CAPTION = "Photo by Jane Doe, via Wikimedia Commons"


def items(*args: str) -> dict[str, list[dict[str, object]]]:
    result = CliRunner().invoke(cli, ["check", "--json", *args])
    return {file["file"]: file["items"] for file in json.loads(result.stdout)["files"]}


def test_a_local_article_is_checked_alike_before_and_after_a_page_with_the_same_image_src(
        site: LocalServer, tmp_path: Path) -> None:
    # the page's /img/bridge.jpg is a file on Commons (found by its SHA-1); the local article shows another file
    # under the same src, whose caption names Commons without saying which file
    local = tmp_path / "articles" / "story.html"
    local.parent.mkdir()
    local.write_text(figure("/img/bridge.jpg", CAPTION), encoding="utf-8")
    page = site.url("/news/bridge.html")
    alone = items(str(local))[str(local)]
    after = items(page, str(local))[str(local)]
    before = items(str(local), page)[str(local)]
    assert after == alone == before
    assert alone[0]["license"] is None
