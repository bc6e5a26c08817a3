"""[edge] What an audit's verdicts depend on, as one key: the checking code, the catalog and the profile.

An audit checks a file again when the file changed. Its verdicts also change when the code that reads
credits and applies the rules is upgraded, when the catalog gains a licence or an agency, and when the
usage profile changes (a new subscription, print instead of online). Each run records this key; when it
differs from the key of the root's previous run, every article of the root and every image no article
shows is checked again (from the evidence stored; images are not read again).

Standard library only: the re-audit of an unchanged folder (provenance.audit.unchanged) computes the key
of the default profile and the bundled catalog without importing the catalog.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the re-audit's fast path imports this module without the catalog
    from provenance.catalog.load import Catalog
    from provenance.catalog.profile import UsageProfile

PACKAGE = Path(__file__).resolve().parent.parent
DEFAULT_PROFILE = PACKAGE / "profiles" / "default.toml"  # as provenance.catalog.profile.default_profile_path() names it
BUNDLED_CATALOG = PACKAGE / "licenses"  # as provenance.catalog.load.bundled_catalog_dir() names it
LANGUAGE_FOLDER = "lang"  # as provenance.catalog.load reads it


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The digest of this package's Python sources (sources_digest)."""
    return sources_digest(PACKAGE)


def sources_digest(package: Path) -> str:
    """A digest of a package's Python sources by name, size and modification time (any upgrade or
    checkout of other code counts; reading their bytes cost ten times as much, in every re-audit)."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        found = path.stat()
        digest.update(f"{path.relative_to(package).as_posix()}\n{found.st_size}\n{found.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def catalog_digest(folders: Iterable[str | Path]) -> str:
    """A digest of the catalog's TOML files, folder by folder in the order they are loaded."""
    paths: list[Path] = []
    for folder in map(Path, folders):
        paths += sorted(folder.glob("*.toml")) + sorted((folder / LANGUAGE_FOLDER).glob("*.toml"))
    digest = hashlib.sha256()
    for path in paths:
        data = path.read_bytes()
        digest.update(f"{path.name}\n{len(data)}\n".encode() + data)
    return digest.hexdigest()


def default_profile_token() -> str:
    """What the key says of the default profile: its file's bytes (with the catalog's, all it depends on)."""
    return "default " + hashlib.sha256(DEFAULT_PROFILE.read_bytes()).hexdigest()


def profile_token(values: dict[str, object]) -> str:
    """What the key says of any other profile: its values (sets sorted, so that the key is stable)."""
    return json.dumps({k: sorted(v) if isinstance(v, (set, frozenset)) else v for k, v in sorted(values.items())},
                      ensure_ascii=False, default=str)


def check_key(catalog_folders: Iterable[str | Path], profile: str) -> str:
    """The key of a run: the code, the catalog's folders and the profile's token."""
    parts = (code_digest(), catalog_digest(catalog_folders), profile)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def default_check_key() -> str:
    """The key of a run with the bundled catalog and the default profile, without loading either."""
    return check_key([BUNDLED_CATALOG], default_profile_token())


def run_check_key(catalog: Catalog, profile: UsageProfile) -> str:
    """The key of an audit (or a dashboard) checking with this catalog and profile; the default profile is named
    by its file, as the re-audit of an unchanged folder names it without loading the catalog."""
    from provenance.catalog.profile import default_profile

    if profile == default_profile(catalog):
        token = default_profile_token()
    else:
        token = profile_token({k: v for k, v in asdict(profile).items() if k != "file"})
    return check_key(catalog.folders, token)
