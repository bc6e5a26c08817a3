"""A check worker's page of a long paste checked in chunks sent in two (web.workers: the page's job under
provenance.check_split.IN_TWO): the first page, its summary and counts, the later pages answered from the
kept check and a filter by finding code are those of the text checked in one call."""

from __future__ import annotations

from functools import partial

from provenance.catalog.load import Catalog
from provenance.catalog.profile import default_profile
from provenance.check_split import IN_TWO, split_by
from provenance.io import forked
from tests.test_check_in_two import commons_digest
from web.jobs import CheckJob, run_job


def test_pages_of_a_paste_checked_in_chunks_sent_in_two_are_those_of_one_call(catalog: Catalog) -> None:
    text = commons_digest()
    profile = default_profile(catalog)
    pages = [slice(0, 100), slice(100, 200), slice(300, 400)]

    def answers(reuse: str, split: bool) -> list[object]:
        found = []
        for n, shown in enumerate([*pages, slice(0, 100)]):
            job = CheckJob(text, "auto", [], [], profile, shown=shown, reuse=reuse,
                           only="attribution-incomplete" if n == 3 else None)
            if split:
                with split_by(partial(forked.forked_map, in_two=IN_TWO), 2):
                    found.append(run_job(job, catalog).results)
                forked.settle()
            else:
                found.append(run_job(job, catalog).results)
        return found

    whole, later = answers("one call", False), answers("in two", True)
    assert whole[0][0]["item_count"] > 400
    assert later == whole
