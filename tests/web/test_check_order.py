"""A stored check's pasted text is answered alike on its first run and on the runs its toggles make: what was
learnt about a fetched page's images (their SHA-1, by which Commons finds a file) stays with that page."""

from __future__ import annotations

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from tests.localserver import LocalServer
from tests.website import figure
from web.jobs import CheckJob, run_job


def test_a_pasted_article_is_not_verified_with_a_fetched_pages_image(site: LocalServer, catalog: Catalog) -> None:
    # the pasted article shows an image under the src the fetched page's Commons photo has; it names Commons
    # without saying which file, and nothing of the pasted article was fetched: Commons is asked nothing about it
    pasted = figure("/img/bridge.jpg", "Photo by Jane Doe, via Wikimedia Commons")
    urls = [site.url("/news/bridge.html")]
    first = run_job(CheckJob(pasted, "html", [], urls, UsageProfile()), catalog)
    toggled = run_job(CheckJob(pasted, "html", [], urls, UsageProfile(medium="print"), fetched=first.fetched),
                      catalog)
    again = run_job(CheckJob(pasted, "html", [], urls, UsageProfile(), fetched=first.fetched), catalog)
    assert first.results[0]["items"] == again.results[0]["items"]
    for outcome in (first, toggled):
        [item] = outcome.results[0]["items"]
        assert item["license"] is None
        assert "commons" not in {e["origin"] for e in item["evidence"]}
        [_, page] = outcome.results
        assert "commons" in {e["origin"] for e in page["items"][0]["evidence"]}  # the page's own photo: found
