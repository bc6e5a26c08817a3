"""The archive's search finds a photo by every name its bytes have in the archive, not only the first: a desk
looks for the camera's `IMG_0001.jpg` or a backup's name as often as for the name the story shows; and a name
that is gone (removed, or now holding other bytes) finds the photo no more."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from provenance.audit.filters import Filters
from provenance.audit.labels import Labels
from provenance.audit.read_model import all_rows
from provenance.audit.run import run_audit
from provenance.catalog.load import default_catalog
from provenance.catalog.profile import UsageProfile
from provenance.store import tables as t
from tests import samples
from tests.conftest_db import open_test_store

LABELS = Labels(default_catalog())


def _archive(root: Path) -> Path:
    folder = root / "archive"
    (folder / "images").mkdir(parents=True)
    quay = samples.jpeg(samples.picture(320, 240, seed=9), xmp=samples.Xmp(creators=["Ines Berg"]))
    for name in ("quay.jpg", "IMG_0001.jpg"):  # one photo under two names; the story shows the first
        (folder / "images" / name).write_bytes(quay)
    lonely = samples.jpeg(samples.picture(240, 320, seed=4), xmp=samples.Xmp(creators=["Teo Marsh"]))
    for name in ("dune.jpg", "zz-dune-print.jpg"):  # a photo no article shows, under two names
        (folder / "images" / name).write_bytes(lonely)
    (folder / "story.md").write_text("# Quay\n\n![The quay](images/quay.jpg)\n*The quay.*\n", encoding="utf-8")
    return folder


def _found(db_url: str, query: str) -> list[tuple[str, str, str]]:
    with open_test_store(db_url)() as session:
        return [(r.article, r.image, r.creator) for r in all_rows(session, Filters(q=query), LABELS)]


def _audit(db_url: str, folder: Path) -> None:
    run_audit(str(folder), open_test_store(db_url), default_catalog(), UsageProfile(), jobs=1)


def test_a_search_finds_a_photo_by_each_of_its_names(db_url: str, tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    _audit(db_url, folder)
    story = ("story.md", "images/quay.jpg", "Ines Berg")
    dune = ("", "images/dune.jpg", "Teo Marsh")
    assert _found(db_url, "IMG_0001") == [story]  # the other name of the story's photo
    assert _found(db_url, "quay.jpg") == [story]
    assert _found(db_url, "dune-print") == [dune]  # the other name of a photo no article shows

    # a third name added by the next audit, the story unchanged: its use is found by it too
    (folder / "backup").mkdir()
    shutil.copy(folder / "images" / "quay.jpg", folder / "backup" / "harbour-final.jpg")
    _audit(db_url, folder)
    assert _found(db_url, "harbour-final") == [story]

    # a name removed, and a name that now holds another photo: neither finds the story's photo
    (folder / "images" / "IMG_0001.jpg").unlink()
    (folder / "backup" / "harbour-final.jpg").write_bytes(
        samples.jpeg(samples.picture(200, 200, seed=21), xmp=samples.Xmp(creators=["Rui Sol"])))
    _audit(db_url, folder)
    assert _found(db_url, "IMG_0001") == []
    assert _found(db_url, "harbour-final") == [("", "backup/harbour-final.jpg", "Rui Sol")]
    assert _found(db_url, "quay") == [story]

    # a name that no longer holds a picture at all: the unreadable file is found, not the photo it held
    (folder / "images" / "zz-dune-print.jpg").write_text("not a picture any more", encoding="utf-8")
    _audit(db_url, folder)
    assert _found(db_url, "dune-print") == [("", "images/zz-dune-print.jpg", "")]
    assert _found(db_url, "dune.jpg") == [dune]


def test_copies_under_one_name_in_many_folders_keep_the_search_short(db_url: str, tmp_path: Path) -> None:
    """A logo each story's folder keeps a copy of (`storyN/img/logo.jpg`) is one image under as many paths as
    there are stories, and each story's record held all of them: the search text of the archive grew as the
    square of the stories (800 stories, 15 MB) and one more copy wrote every record again. A name is the
    path's last part: a copy under a name the image has already adds nothing, so the search finds it still."""
    folder = tmp_path / "archive"
    logo = samples.jpeg(samples.picture(16, 16, seed=3))
    for i in range(40):
        (folder / f"story{i:02d}" / "img").mkdir(parents=True)
        (folder / f"story{i:02d}" / "img" / "logo.jpg").write_bytes(logo)
        (folder / f"story{i:02d}" / "index.md").write_text(f"# S{i}\n\n![Logo](img/logo.jpg)\n*Photo: Ana Ruiz*\n",
                                                           encoding="utf-8")
    (folder / "press-kit").mkdir()
    (folder / "press-kit" / "brand-mark.jpg").write_bytes(logo)
    _audit(db_url, folder)
    with open_test_store(db_url)() as session:
        searches = session.scalars(select(t.Record.search)).all()
    assert len(searches) == 40
    assert max(s.count("logo.jpg") for s in searches) <= 2  # the usage's src and the image's name
    assert len(_found(db_url, "brand-mark")) == 40  # the copy under another name finds every use
    assert len(_found(db_url, "story07/index")) == 1  # the story's article still finds its use
