from __future__ import annotations

from pathlib import Path

import pytest

from web import services as kept
from web.services import Services, StoredCheck

MB = 1024 * 1024


@pytest.mark.parametrize(("uploads_kb", "kept_count"), [
    pytest.param([1] * 70, 64, id="small uploads: at most KEEP_CHECKS are kept"),
    pytest.param([1024] * 20, 10, id="1 MB uploads under a 10 MB KEEP_BYTES: ten of them"),
    pytest.param([1024, 12 * 1024], 1, id="one check over KEEP_BYTES alone: the newest always stays"),
])
def test_kept_checks_are_bounded_in_count_and_bytes(uploads_kb: list[int], kept_count: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "KEEP_BYTES", 10 * MB)
    svc = Services.from_config({"DATABASE_URL": "sqlite://"})
    keys = [svc.keep(StoredCheck("", "auto", [("photo.jpg", bytes(size * 1024))])) for size in uploads_kb]
    assert len(svc.checks) == kept_count
    assert list(svc.checks) == keys[-kept_count:]  # the newest are kept, the oldest dropped
    assert svc.get(keys[-kept_count - 1]) is None  # a dropped check has expired


def test_the_default_bound_holds_ten_uploads_of_the_largest_size() -> None:
    """KEEP_BYTES leaves room for several checks of the largest upload (PROVENANCE_MAX_UPLOAD_MB, 50)."""
    assert kept.KEEP_BYTES >= 10 * 50 * MB


def test_one_archive_write_at_a_time_and_a_long_wait_is_refused() -> None:
    # a write waits for the one in progress; past its wait it is refused as busy (a 503), never left hanging
    import threading

    from web.limits import Busy, one_write

    lock = threading.Lock()
    with one_write(lock, wait_seconds=0.05):
        assert lock.locked()
        with pytest.raises(Busy, match="try again shortly"), one_write(lock, wait_seconds=0.05):
            pass
    assert not lock.locked()
    with one_write(lock, wait_seconds=0.05):  # free again once the first write is done
        assert lock.locked()


def test_the_server_takes_its_code_key_from_the_code_it_runs(tmp_path: Path) -> None:
    """The checking code's part of an audit's key is taken when the app is made, so that an upgrade on disk
    under a running server does not lend the new code's key to the old code's verdicts."""
    from provenance.audit.check_key import code_digest
    from web import create_app

    code_digest.cache_clear()
    create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}", "TESTING": True})
    assert code_digest.cache_info().currsize == 1
