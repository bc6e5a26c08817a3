"""Configuration from the environment, as a table: key, variable, default, meaning."""

from __future__ import annotations

import os
import secrets
from typing import Any

from provenance.errors import ProvenanceError

SETTINGS: list[tuple[str, str, Any, str]] = [
    ("DATABASE_URL", "PROVENANCE_DATABASE_URL", None, "database URL; default sqlite:///provenance.db here"),
    ("SECRET_KEY", "PROVENANCE_SECRET_KEY", None, "signs sessions and CSRF tokens; random per start if unset"),
    ("MAX_UPLOAD_MB", "PROVENANCE_MAX_UPLOAD_MB", 50, "largest upload accepted, in MB (413 past it)"),
    ("AUTH_TOKEN", "PROVENANCE_TOKEN", None, "when set, every page and API route needs this shared token"),
    ("AUDIT_ROOTS", "PROVENANCE_AUDIT_ROOTS", "", "folders the API may audit, separated by the OS path separator"),
    ("PROFILE", "PROVENANCE_PROFILE", None, "usage profile TOML; default profiles/default.toml"),
    ("SECURE_COOKIES", "PROVENANCE_SECURE_COOKIES", False, "send the session cookie over HTTPS only (behind TLS)"),
    ("MAX_TEXT_KB", "PROVENANCE_MAX_TEXT_KB", 2048, "longest pasted text (a form field), in KB (413 past it)"),
    ("MAX_JSON_KB", "PROVENANCE_MAX_JSON_KB", 256, "largest JSON body the API accepts, in KB (413 past it)"),
    ("MAX_JSON_DEPTH", "PROVENANCE_MAX_JSON_DEPTH", 32, "deepest nesting of a JSON body (400 past it)"),
    ("LOGIN_ATTEMPTS", "PROVENANCE_LOGIN_ATTEMPTS", 5, "failed sign-ins per address per minute before 429"),
    ("CHECK_SECONDS", "PROVENANCE_CHECK_SECONDS", 30.0, "seconds of work one check may take (413 past it)"),
    ("CHECK_SLOTS", "PROVENANCE_CHECK_SLOTS", 2, "checks that work at once (at most serve's threads less one)"),
    ("CHECK_QUEUE", "PROVENANCE_CHECK_QUEUE", -1,
     "checks that may wait for a slot (503 past it); -1: the threads left after the slots and one for pages"),
    ("CHECK_WAIT_SECONDS", "PROVENANCE_CHECK_WAIT_SECONDS", 10.0, "how long a check waits for a slot (503 past it)"),
    ("CHECK_WORKERS", "PROVENANCE_CHECK_WORKERS", True,
     "heavy checks (files, URLs, long texts) run in worker processes, one per slot; false: in the server's threads"),
]


class ConfigError(ProvenanceError):
    """An environment variable holds a value of the wrong kind: names the variable."""


def load_config() -> dict[str, Any]:
    config: dict[str, Any] = {}
    for key, variable, default, _ in SETTINGS:
        config[key] = _value(variable, os.environ.get(variable), default)
    config["SECRET_KEY"] = config["SECRET_KEY"] or secrets.token_hex(32)
    config["MAX_CONTENT_LENGTH"] = int(config["MAX_UPLOAD_MB"]) * 1024 * 1024
    config["MAX_FORM_MEMORY_SIZE"] = int(config["MAX_TEXT_KB"]) * 1024
    config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                  SESSION_COOKIE_SECURE=bool(config["SECURE_COOKIES"]))
    return config


def _value(variable: str, given: str | None, default: Any) -> Any:
    """An environment value as the kind its default has (a flag, a number, text)."""
    if given is None:
        return default
    if isinstance(default, bool):
        if given.strip().lower() not in ("1", "true", "yes", "on", "0", "false", "no", "off", ""):
            raise ConfigError(f"{variable}: must be true or false, not {given!r}")
        return given.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, float):
        try:
            return float(given)
        except ValueError:
            raise ConfigError(f"{variable}: must be a number, not {given!r}") from None
    if isinstance(default, int):
        try:
            return int(given)
        except ValueError:
            raise ConfigError(f"{variable}: must be a whole number, not {given!r}") from None
    return given
