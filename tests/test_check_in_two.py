"""A long text's chunks sent in two by their processes (provenance.check_split.IN_TWO over
provenance.io.forked): each item's findings are known before any item of a later chunk is read, a page of
items at the start reads none, verifying against Commons checks again only the items that point to a file,
and every item read is the one a single call gives; a rest the child could not send is worked on here."""

from __future__ import annotations

import pickle
from functools import partial
from typing import Any

from provenance.catalog.load import Catalog
from provenance.catalog.profile import default_profile
from provenance.check import CheckedFile, check_text
from provenance.check_split import IN_TWO, LaterItems, check_plain, facts_first, item_findings
from provenance.io import forked
from provenance.io.verify import Verifier
from provenance.metadata.commons import refs_in_evidence
from provenance.model import Evidence
from tests.test_check_split import digest

COMMONS = "Ivo Novak, CC BY-SA 4.0, https://commons.wikimedia.org/w/index.php?curid={n}"


def commons_digest() -> str:
    """A digest with a Commons file's link every tenth line, a credit whose findings name its label (none
    here: 'missing-credit' is never a caption credit's) and credits repeated across the cut."""
    lines = digest(400, 3).splitlines()
    return "\n".join(f"{line} {COMMONS.format(n=n)}." if n % 10 == 5 else line for n, line in enumerate(lines)) + "\n"


def later_items(text: str, catalog: Catalog) -> Any:
    return check_plain(text, catalog, default_profile(catalog), "the text", partial(forked.forked_map, in_two=IN_TWO),
                       2, min_chars=0)


def test_a_page_of_a_text_sent_in_two_reads_no_item_of_the_later_chunk(catalog: Catalog) -> None:
    text = commons_digest()
    whole = check_text(text, catalog)
    items = later_items(text, catalog)
    try:
        assert isinstance(items, LaterItems)
        assert item_findings(items) == item_findings(whole)
        assert items[:50] == whole[:50]
        assert len(items.present()) < len(items)  # the later chunk's items not read yet
        assert items[-1] == whole[-1]
        assert list(items) == whole
        assert len(items.present()) == len(items)
    finally:
        forked.settle()


def test_a_text_sent_in_two_is_the_one_call_s_answer_when_settled_first(catalog: Catalog) -> None:
    text = commons_digest()
    items = later_items(text, catalog)
    forked.settle()  # the rest read from the pipe, unpickled when asked
    assert items == check_text(text, catalog)
    assert pickle.loads(pickle.dumps(items)) == check_text(text, catalog)


def test_a_rest_the_child_could_not_send_is_worked_on_here(catalog: Catalog) -> None:
    text = commons_digest()

    def unsendable(chunk: Any) -> tuple[Any, Any]:
        first, rest = facts_first(chunk)
        return first, [*rest, lambda: None]  # a lambda cannot be pickled: the child sends no rest

    items = check_plain(text, catalog, default_profile(catalog), "the text",
                        partial(forked.forked_map, in_two=(unsendable, IN_TWO[1])), 2, min_chars=0)
    forked.settle()
    assert items == check_text(text, catalog)


def test_verifying_items_sent_in_two_checks_again_those_that_point_to_a_file(catalog: Catalog,
                                                                              monkeypatch: Any) -> None:
    """What Commons says of the linked files is added to the items that link one, read or not."""
    def extra(self: Verifier, evidence: list[Evidence], sha1: Any = None) -> list[Evidence]:
        return [Evidence("license", "CC0 1.0", "commons", "Commons license")] if refs_in_evidence(evidence) else []

    monkeypatch.setattr(Verifier, "extra", extra)
    text = commons_digest()
    verifier = Verifier.from_env(offline=True)
    profile = default_profile(catalog)
    whole = verifier.verify(CheckedFile("t", "plain", check_text(text, catalog)), bytes, catalog, profile)
    later = verifier.verify(CheckedFile("t", "plain", later_items(text, catalog)), bytes, catalog, profile)
    try:
        assert isinstance(later.items, LaterItems)
        assert item_findings(later.items) == item_findings(whole.items)
        assert later.items == whole.items
        verified = [n for n, i in enumerate(later.items) if any(e.origin == "commons" for e in i.evidence)]
        assert len(verified) > 20
        assert verified[-1] > len(later.items) * 0.9  # in the later chunk too
    finally:
        forked.settle()


def _whole_and_later(catalog: Catalog) -> tuple[list[Any], LaterItems]:
    """A digest's items checked in one call, and checked in two chunks sent in two (none of the later read yet)."""
    text = digest(300, 3)
    whole = check_text(text, catalog)
    items = later_items(text, catalog)
    forked.settle()
    assert isinstance(items, LaterItems)
    return whole, items


def test_later_items_answer_as_a_list(catalog: Catalog) -> None:
    whole, items = _whole_and_later(catalog)
    assert [items[0], items[-1], items[len(items) // 2]] == [whole[0], whole[-1], whole[len(whole) // 2]]
    assert items[10:20] == whole[10:20]
    assert whole[-1] in items
    assert items.index(whole[5]) == 5
    assert items + [] == whole
    assert [*reversed(items)] == whole[::-1]


def test_later_items_added_to_a_list_and_copied_read_every_item(catalog: Catalog) -> None:
    """A list's own `+`, and code that takes a list's storage as it is, would see nothing of items not read yet."""
    whole, items = _whole_and_later(catalog)
    assert [] + items == whole  # __radd__, before anything read the items whole
    assert len(items) == len(whole)
    assert list.__len__(items) == len(whole)  # the storage holds them now
