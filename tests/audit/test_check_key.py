"""The key of what an audit's verdicts depend on (provenance.audit.check_key)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from provenance.audit.check_key import catalog_digest, check_key, profile_token, sources_digest


def _tree(root: Path) -> Path:
    (root / "pkg" / "sub").mkdir(parents=True)
    (root / "pkg" / "a.py").write_text("A = 1\n", encoding="utf-8")
    (root / "pkg" / "sub" / "b.py").write_text("B = 2\n", encoding="utf-8")
    (root / "cat" / "lang").mkdir(parents=True)
    (root / "cat" / "sources.toml").write_text("[[source]]\nid = 'x'\n", encoding="utf-8")
    (root / "cat" / "lang" / "de.toml").write_text("code = 'de'\n", encoding="utf-8")
    (root / "cat" / "notes.txt").write_text("not read\n", encoding="utf-8")
    return root


def _touch(path: Path) -> None:
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))


@pytest.mark.parametrize(
    ("change", "code", "catalog"),
    [
        (lambda r: _touch(r / "pkg" / "a.py"), True, False),  # a source replaced (its time moved)
        (lambda r: (r / "pkg" / "c.py").write_text("", encoding="utf-8"), True, False),  # a module added
        (lambda r: (r / "pkg" / "README").write_text("x", encoding="utf-8"), False, False),  # not a source
        (lambda r: (r / "cat" / "sources.toml").write_text("[[source]]\nid = 'y'\n", encoding="utf-8"),
         False, True),  # a catalog entry edited
        (lambda r: _touch(r / "cat" / "sources.toml"), False, False),  # the catalog's bytes, not its times
        (lambda r: (r / "cat" / "lang" / "de.toml").write_text("code = 'de' \n", encoding="utf-8"),
         False, True),  # an attribution language edited
        (lambda r: (r / "cat" / "notes.txt").write_text("changed\n", encoding="utf-8"), False, False),  # no TOML
    ],
)
def test_what_changes_the_key(tmp_path: Path, change: Callable[[Path], None], code: bool, catalog: bool) -> None:
    root = _tree(tmp_path)
    before = sources_digest(root / "pkg"), catalog_digest([root / "cat"])
    change(root)
    after = sources_digest(root / "pkg"), catalog_digest([root / "cat"])
    assert (before[0] != after[0], before[1] != after[1]) == (code, catalog)


def test_a_profile_token_is_stable_and_tells_profiles_apart() -> None:
    one = {"name": "Desk", "subscriptions": frozenset({"ap", "reuters", "afp"}), "medium": "online"}
    same = {"medium": "online", "subscriptions": frozenset({"afp", "ap", "reuters"}), "name": "Desk"}
    assert profile_token(one) == profile_token(same)  # sets and keys in any order
    assert profile_token(one) != profile_token({**one, "medium": "print"})
    assert check_key([], profile_token(one)) != check_key([], profile_token({**one, "subscriptions": frozenset()}))


def test_the_fast_path_and_the_normal_path_take_one_key_for_the_defaults() -> None:
    """The re-audit's fast path names the bundled catalog and the default profile by their files, without loading
    them; the normal path loads them: both must give the same key, or every re-audit would check everything."""
    from provenance.audit.check_key import BUNDLED_CATALOG, DEFAULT_PROFILE, default_check_key, run_check_key
    from provenance.catalog.load import bundled_catalog_dir, load_catalog
    from provenance.catalog.profile import default_profile_path, load_profile

    assert (BUNDLED_CATALOG, DEFAULT_PROFILE) == (bundled_catalog_dir(), default_profile_path())
    catalog = load_catalog()
    assert run_check_key(catalog, load_profile(None, catalog)) == default_check_key()
