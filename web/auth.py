"""Optional login: one shared token (PROVENANCE_TOKEN). Pages use a session after
/login; the API takes `Authorization: Bearer <token>`. Off when no token is set.

The session cookie is HttpOnly and SameSite=Lax (Secure with PROVENANCE_SECURE_COOKIES).
A state-changing API call that is not made with the bearer token needs the CSRF token
(header X-CSRFToken) when it rides on the session cookie or comes from another site,
so a page elsewhere cannot make a signed-in editor's browser post to the API.
Failed sign-ins are limited per address (429 past the limit)."""

from __future__ import annotations

import hmac
import threading
import time
from collections import deque

from flask import Blueprint, Flask, abort, current_app, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, validate_csrf
from wtforms.validators import ValidationError  # type: ignore[import-untyped]

bp = Blueprint("auth", __name__)
OPEN = ("auth.login", "static")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WINDOW = 60.0  # seconds over which failed sign-ins are counted
MAX_TRACKED = 10_000  # addresses remembered at most


def _token_ok(given: str | None) -> bool:
    token = current_app.config.get("AUTH_TOKEN")
    return bool(token and given and hmac.compare_digest(given.encode(), str(token).encode()))


def _bearer_ok() -> bool:
    header = request.headers.get("Authorization", "")
    return header.startswith("Bearer ") and _token_ok(header[7:])


def protect(app: Flask) -> None:
    @app.before_request
    def _require_login():  # type: ignore[no-untyped-def]
        if request.path.startswith("/api/"):
            _api_csrf()
        if not app.config.get("AUTH_TOKEN") or request.endpoint in OPEN or session.get("signed_in"):
            return None
        if request.path.startswith("/api/"):
            if _bearer_ok():
                return None
            abort(401, description="This API needs `Authorization: Bearer <token>`.")
        return redirect(url_for("auth.login", next=request.full_path))


def _api_csrf() -> None:
    """Cookie-borne or cross-site state changes on the API need the CSRF token; bearer calls do not."""
    if request.method in SAFE_METHODS or not current_app.config.get("WTF_CSRF_ENABLED", True) or _bearer_ok():
        return
    if not (session.get("signed_in") or _cross_site()):
        return
    try:
        validate_csrf(request.headers.get("X-CSRFToken") or request.form.get("csrf_token"))
    except ValidationError as exc:
        raise CSRFError(f"{exc.args[0] if exc.args else 'The CSRF token is missing.'} A call made with the "
                        "session cookie needs the X-CSRFToken header; scripts use the bearer token.") from None


def _cross_site() -> bool:
    """The browser says the request comes from another site (Sec-Fetch-Site, else Origin)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if not origin:
        return False
    return origin.rstrip("/") != request.host_url.rstrip("/")


class LoginLimiter:
    """Failed sign-ins per address within the last WINDOW seconds, bounded in memory."""

    def __init__(self) -> None:
        self.failures: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def blocked(self, address: str, limit: int) -> float:
        """Seconds to wait before this address may try again (0: it may)."""
        now = time.monotonic()
        with self.lock:
            times = self.failures.get(address)
            while times and times[0] < now - WINDOW:
                times.popleft()
            return WINDOW - (now - times[0]) if times and len(times) >= limit else 0.0

    def failed(self, address: str) -> None:
        with self.lock:
            if len(self.failures) >= MAX_TRACKED and address not in self.failures:
                self.failures.pop(next(iter(self.failures)))
            self.failures.setdefault(address, deque()).append(time.monotonic())


def _limiter() -> LoginLimiter:
    return current_app.extensions.setdefault("login_limiter", LoginLimiter())  # type: ignore[no-any-return]


@bp.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    error = None
    if request.method == "POST":
        address = request.remote_addr or "unknown"
        wait = _limiter().blocked(address, int(current_app.config.get("LOGIN_ATTEMPTS", 5)))
        if wait:
            abort(429, description=f"Too many failed sign-ins; try again in {int(wait) + 1} seconds.")
        if _token_ok(request.form.get("token")):
            session["signed_in"] = True
            target = request.args.get("next") or "/"
            return redirect(target if target.startswith("/") and not target.startswith("//") else "/")
        _limiter().failed(address)
        error = "That token is not right."
    return render_template("login.html", error=error, enabled=bool(current_app.config.get("AUTH_TOKEN")))


@bp.route("/logout", methods=["POST"])
def logout():  # type: ignore[no-untyped-def]
    session.clear()
    return redirect(url_for("auth.login"))
