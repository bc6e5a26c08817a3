"""The publication's usage profile: how it uses images, read from TOML.

The default (profiles/default.toml) is a commercial online news site with no
agency subscriptions that does not modify images.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from provenance.catalog.load import Catalog
from provenance.errors import ProfileError

MEDIA = ("online", "print")
PROFILE_KEYS = frozenset({"name", "commercial", "editorial", "medium", "subscriptions", "modified", "lang",
                          "house_rules"})
HOUSE_RULE_KEYS = frozenset({"license_url_required_for", "credit_required"})


@dataclass(frozen=True)
class UsageProfile:
    name: str = "Commercial online news site"
    commercial: bool = True
    editorial: bool = True
    medium: str = "online"
    subscriptions: frozenset[str] = frozenset()
    modified: tuple[str, ...] = ()
    license_url_required_for: frozenset[str] = frozenset({"creative-commons"})
    credit_required: bool = True
    lang: str = "en"  # the language of attributions: a file in licenses/lang/
    file: str = field(default="", compare=False)

    def with_changes(self, *changes: str) -> UsageProfile:
        """The same profile, with more changes made to the image."""
        merged = tuple(dict.fromkeys((*self.modified, *(c for c in changes if c))))
        return replace(self, modified=merged)


def default_profile_path() -> Path:
    return Path(__file__).resolve().parent.parent / "profiles" / "default.toml"


def load_profile(path: str | Path | None, catalog: Catalog) -> UsageProfile:
    """A usage profile from TOML (the default profile when path is None)."""
    file = Path(path) if path else default_profile_path()
    data = _defaults() if not path else _with_defaults(_read(file))
    return _profile(str(file), data, catalog)


def default_profile(catalog: Catalog) -> UsageProfile:
    """profiles/default.toml: what a library call without a profile checks against (built once per catalog)."""
    return catalog.cached("default-profile", lambda c: _profile(str(default_profile_path()), _defaults(), c))


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    return _read(default_profile_path())


def _with_defaults(data: dict[str, Any]) -> dict[str, Any]:
    """A user's profile on top of the default one: a key it leaves out keeps the default's value."""
    defaults = _defaults()
    rules = {**defaults.get("house_rules", {}), **data.get("house_rules", {})}
    return {**defaults, "name": "Unnamed profile", **data, "house_rules": rules}


def _read(file: Path) -> dict[str, Any]:
    name = str(file)
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ProfileError(name, None, "no such file") from None
    except IsADirectoryError:
        raise ProfileError(name, None, "is a folder, not a profile file") from None
    except OSError as exc:
        raise ProfileError(name, None, f"cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ProfileError(name, None, f"is not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(name, None, f"not valid TOML: {exc}") from None


def _refuse_unknown(name: str, table: dict[str, Any], known: frozenset[str], prefix: str = "") -> None:
    """A key the profile format does not have (a typo such as `editoral`) is refused, never ignored."""
    for key in sorted(set(table) - known):
        raise ProfileError(name, f"{prefix}{key}", f"is not a profile key (known: {', '.join(sorted(known))})")


def _get(name: str, data: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = data.get(key, default)
    if not isinstance(value, kind):
        raise ProfileError(name, key, f"must be a {kind.__name__}, not {value!r}")
    return value


def _profile(name: str, data: dict[str, Any], catalog: Catalog) -> UsageProfile:
    _refuse_unknown(name, data, PROFILE_KEYS)
    rules = _get(name, data, "house_rules", dict, {})
    _refuse_unknown(name, rules, HOUSE_RULE_KEYS, "house_rules.")
    medium = _get(name, data, "medium", str, "online")
    if medium not in MEDIA:
        raise ProfileError(name, "medium", f"must be one of {MEDIA}, not {medium!r}")
    subscriptions = _get(name, data, "subscriptions", list, [])
    unknown = [s for s in subscriptions if s not in catalog.sources]
    if unknown:
        raise ProfileError(name, "subscriptions", f"{unknown} are not source ids in the catalog")
    lang = _get(name, data, "lang", str, "en")
    check_lang(name, lang, catalog)
    modified = _get(name, data, "modified", list, [])
    check_changes(name, modified, catalog)
    families = _get(name, rules, "license_url_required_for", list, ["creative-commons"])
    return UsageProfile(
        name=_get(name, data, "name", str, "Unnamed profile"),
        commercial=_get(name, data, "commercial", bool, True),
        editorial=_get(name, data, "editorial", bool, True),
        medium=medium,
        subscriptions=frozenset(subscriptions),
        modified=tuple(modified),
        license_url_required_for=frozenset(families),
        credit_required=_get(name, rules, "credit_required", bool, True),
        lang=lang,
        file=name,
    )


def check_changes(name: str, changes: list[str] | tuple[str, ...], catalog: Catalog,
                  key: str | None = "modified") -> None:
    """An unknown change is a ProfileError of `name` (a profile file, an option or a field); `key` None when
    `name` is the option or field itself, so the message names it once."""
    unknown = [c for c in changes if c not in catalog.changes]
    if unknown:
        known = ", ".join(sorted(catalog.changes))
        raise ProfileError(name, key, f"{unknown} are not known changes (known: {known})")


def check_lang(name: str, lang: str, catalog: Catalog, key: str | None = "lang") -> None:
    if lang not in catalog.languages:
        raise ProfileError(name, key, f"{lang!r} is not a language of the catalog (known: "
                           f"{', '.join(sorted(catalog.languages))}; add one in licenses/lang/)")
