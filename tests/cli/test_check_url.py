"""`provenance check URL…` against a real server on 127.0.0.1: pages, images, Commons, refusals."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from provenance.cli.main import cli
from tests.localserver import LocalServer
from tests.seeds import seed_with


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_an_article_url(site: LocalServer) -> None:
    code, out, _ = run("check", "--evidence", site.url("/news/bridge.html"))
    assert code == 0
    assert f"{site.url('/news/bridge.html')}: 1 item(s), 1 with a credit" in out
    assert "commons        Commons extmetadata LicenseShortName: license = CC BY-SA 4.0" in out
    assert "needs-verification" not in out


def test_check_a_commons_page_as_json(site: LocalServer) -> None:
    code, out, _ = run("check", "--json", "https://commons.wikimedia.org/w/index.php?curid=4242")
    assert code == 0
    [file] = json.loads(out)["files"]
    assert (file["kind"], file["items"][0]["license"]["id"]) == ("commons", "CC-BY-SA-4.0")


def test_files_and_urls_together_and_a_refusal_is_one_line(site: LocalServer) -> None:
    code, out, err = run("check", str(seed_with("Kremlin.ru")), "http://192.168.0.10/article.html",
                         site.url("/img/bridge.jpg"))
    assert code == 2
    assert err.strip() == ("Error: http://192.168.0.10/article.html: refused: 192.168.0.10 is a private address "
                           "(allow it with PROVENANCE_FETCH_ALLOW)")
    assert "Kremlin.ru" in out
    assert f"{site.url('/img/bridge.jpg')}: JPEG 320x240" in out


def test_offline_makes_no_request(site: LocalServer) -> None:
    code, _, err = run("check", "--offline", site.url("/news/bridge.html"))
    assert code == 2
    assert "not fetched: offline mode" in err
    assert site.log == []


def test_commons_answers_are_cached_in_the_named_database(site: LocalServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cache.db'}"
    page = "https://commons.wikimedia.org/wiki/File:Bridge_at_dusk.jpg"
    assert run("check", "--db", db, page)[0] == 0
    assert run("check", "--db", db, "--offline", page)[0] == 0  # from the cache, with no request
    assert site.paths() == ["/w/api.php"]
