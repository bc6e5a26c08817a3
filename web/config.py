"""Configuration from the environment, as a table: key, variable, default, meaning."""

from __future__ import annotations

import os
import secrets
from typing import Any

SETTINGS: list[tuple[str, str, Any, str]] = [
    ("DATABASE_URL", "PROVENANCE_DATABASE_URL", None, "database URL; default sqlite:///provenance.db here"),
    ("SECRET_KEY", "PROVENANCE_SECRET_KEY", None, "signs sessions and CSRF tokens; random per start if unset"),
    ("MAX_UPLOAD_MB", "PROVENANCE_MAX_UPLOAD_MB", 50, "largest upload accepted, in MB (413 past it)"),
    ("AUTH_TOKEN", "PROVENANCE_TOKEN", None, "when set, every page and API route needs this shared token"),
    ("AUDIT_ROOTS", "PROVENANCE_AUDIT_ROOTS", "", "folders the API may audit, separated by the OS path separator"),
    ("PROFILE", "PROVENANCE_PROFILE", None, "usage profile TOML; default profiles/default.toml"),
]


def load_config() -> dict[str, Any]:
    config: dict[str, Any] = {}
    for key, variable, default, _ in SETTINGS:
        value = os.environ.get(variable, default)
        config[key] = int(value) if isinstance(default, int) and value is not None else value
    config["SECRET_KEY"] = config["SECRET_KEY"] or secrets.token_hex(32)
    config["MAX_CONTENT_LENGTH"] = int(config["MAX_UPLOAD_MB"]) * 1024 * 1024
    return config
