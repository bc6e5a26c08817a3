"""The dashboard and JSON API: Flask, thin over provenance and its store.

create_app(config) builds the app: defaults, then PROVENANCE_* environment
variables (web.config), then the mapping given (tests). Every response
carries a Content-Security-Policy without inline scripts; forms are CSRF
protected, and so are API calls riding on the session cookie (web.auth); when a
token is configured every page and API route needs it; the session cookie is
HttpOnly and SameSite=Lax; JSON bodies are limited in size and depth (web.errors).
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from provenance.audit.check_key import code_digest
from web import api, archive_pages, auth, errors, pages
from web.config import load_config
from web.fastjson import FastJSONProvider
from web.services import Services

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


# Direction embeddings, overrides and isolates reorder what a reader sees ('invoice\u202egpj.exe' shows as
# 'invoiceexe.jpg'): every value a page prints shows them as their code point instead.
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def visible_direction_controls(value: Any) -> Any:
    """A plain string with its direction controls written out ('⟨U+202E⟩'); anything else as it is (markup the
    templates built is left alone)."""
    if type(value) is str and _DIRECTION_CONTROLS.search(value):
        return _DIRECTION_CONTROLS.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", value)
    return value


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.jinja_env.finalize = visible_direction_controls
    app.json = FastJSONProvider(app)
    app.config.update(load_config())
    app.config.update(config or {})
    app.config["SESSION_COOKIE_SECURE"] = bool(app.config.get("SECURE_COOKIES"))
    app.extensions["provenance"] = Services.from_config(app.config)
    code_digest()  # the checking code's part of an audit's key, taken from the code this server runs (not a later
    # upgrade on disk: an audit started from the dashboard after one would record the old code's verdicts as new)
    csrf = CSRFProtect(app)
    csrf.exempt(api.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(archive_pages.bp)
    app.register_blueprint(api.bp)
    errors.register(app)
    auth.protect(app)

    @app.after_request
    def _headers(response):  # type: ignore[no-untyped-def]
        response.headers.update(SECURITY_HEADERS)
        return response

    return app
