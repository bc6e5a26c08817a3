"""One error handler: JSON {ok, error, status} under /api, a page elsewhere."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from provenance.errors import FieldErrors, InputError, ProvenanceError


def _message(error: Exception) -> tuple[str, int]:
    from flask import current_app

    if isinstance(error, RequestEntityTooLarge):
        limit = current_app.config.get("MAX_UPLOAD_MB")
        return f"The upload is larger than the limit of {limit} MB.", 413
    if isinstance(error, CSRFError):
        return "The form expired or did not come from this site; reload the page and try again.", 400
    if isinstance(error, HTTPException):
        return error.description or error.name, error.code or 500
    if isinstance(error, InputError) and error.reason.startswith("no such"):
        return str(error), 404
    if isinstance(error, ProvenanceError):
        return str(error), 400
    return "Something went wrong on our side.", 500


def register(app: Flask) -> None:
    @app.errorhandler(Exception)
    def _handle(error: Exception):  # type: ignore[no-untyped-def]
        message, status = _message(error)
        if status == 500:
            app.logger.exception("unhandled error", exc_info=error)
        if request.path.startswith("/api/"):
            body = {"ok": False, "error": message, "status": status}
            if isinstance(error, FieldErrors):
                body["errors"] = error.errors
            return jsonify(body), status
        return render_template("error.html", message=message, status=status), status
