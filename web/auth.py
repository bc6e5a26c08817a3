"""Optional login: one shared token (PROVENANCE_TOKEN). Pages use a session after
/login; the API takes `Authorization: Bearer <token>`. Off when no token is set."""

from __future__ import annotations

import hmac

from flask import Blueprint, Flask, abort, current_app, redirect, render_template, request, session, url_for

bp = Blueprint("auth", __name__)
OPEN = ("auth.login", "static")


def _token_ok(given: str | None) -> bool:
    token = current_app.config.get("AUTH_TOKEN")
    return bool(token and given and hmac.compare_digest(given.encode(), str(token).encode()))


def protect(app: Flask) -> None:
    @app.before_request
    def _require_login():  # type: ignore[no-untyped-def]
        if not app.config.get("AUTH_TOKEN") or request.endpoint in OPEN or session.get("signed_in"):
            return None
        if request.path.startswith("/api/"):
            header = request.headers.get("Authorization", "")
            if header.startswith("Bearer ") and _token_ok(header[7:]):
                return None
            abort(401, description="This API needs `Authorization: Bearer <token>`.")
        return redirect(url_for("auth.login", next=request.full_path))


@bp.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    error = None
    if request.method == "POST":
        if _token_ok(request.form.get("token")):
            session["signed_in"] = True
            target = request.args.get("next") or "/"
            return redirect(target if target.startswith("/") and not target.startswith("//") else "/")
        error = "That token is not right."
    return render_template("login.html", error=error, enabled=bool(current_app.config.get("AUTH_TOKEN")))


@bp.route("/logout", methods=["POST"])
def logout():  # type: ignore[no-untyped-def]
    session.clear()
    return redirect(url_for("auth.login"))
