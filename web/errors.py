"""One error handler: JSON {ok, error, status} under /api, a page elsewhere.

Input the app refuses is a 4xx, never a 500: JSON bodies over the size or depth limit
(checked before any view parses them), input nested past Python's recursion limit,
numbers past the database's range, images over Pillow's pixel limit."""

from __future__ import annotations

import re

from flask import Flask, abort, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from PIL import Image
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from provenance.budget import ClientGone, OverBudget, WorkStopped
from provenance.errors import FieldErrors, InputError, ProvenanceError
from web.limits import RETRY_AFTER, Busy, OverMemory, WorkerLost

_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def _message(error: Exception) -> tuple[str, int]:
    from flask import current_app

    if isinstance(error, RequestEntityTooLarge) and error.description != RequestEntityTooLarge.description:
        return str(error.description), 413  # a limit of ours that said what it is (the JSON body's)
    if isinstance(error, RequestEntityTooLarge) and (request.content_length or 0) > _max_body():
        limit = current_app.config.get("MAX_UPLOAD_MB")
        return f"The upload is larger than the limit of {limit} MB.", 413
    if isinstance(error, RequestEntityTooLarge):  # a form field over the form parser's limit
        limit = int(current_app.config.get("MAX_FORM_MEMORY_SIZE") or 0) // 1024
        return f"The pasted text is longer than the limit of {limit} KB (PROVENANCE_MAX_TEXT_KB).", 413
    if isinstance(error, CSRFError) and request.path.startswith("/api/"):
        return error.description or "The CSRF token is missing.", 400
    if isinstance(error, CSRFError):
        return "The form expired or did not come from this site; reload the page and try again.", 400
    if isinstance(error, HTTPException):
        return error.description or error.name, error.code or 500
    if isinstance(error, Busy | WorkerLost):
        return str(error), 503
    if isinstance(error, OverBudget | OverMemory):
        return str(error), 413
    if isinstance(error, ClientGone):
        return str(error), 499  # nobody reads it: the client has gone
    if isinstance(error, InputError) and error.reason.startswith("no such"):
        return str(error), 404
    if isinstance(error, ProvenanceError):
        return str(error), 400
    if isinstance(error, OverflowError):
        return "A number in the request is out of range.", 400
    if isinstance(error, RecursionError):
        return "The input is nested too deeply.", 400
    if isinstance(error, Image.DecompressionBombError):
        return f"The image has more pixels than the limit of {Image.MAX_IMAGE_PIXELS}.", 413
    return "Something went wrong on our side.", 500


def _max_body() -> int:
    from flask import current_app

    return int(current_app.config.get("MAX_CONTENT_LENGTH") or 0)


def json_depth(data: bytes) -> int:
    """How deeply a JSON text nests arrays and objects (strings skipped), in linear time."""
    brackets = _JSON_STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in brackets:
        depth += 1 if byte in b"[{" else -1
        deepest = max(deepest, depth)
    return deepest


def guard_json(app: Flask) -> None:
    """Refuse a JSON body over MAX_JSON_KB (413) or nested deeper than MAX_JSON_DEPTH (400)
    before a view parses it."""
    @app.before_request
    def _json_limits():  # type: ignore[no-untyped-def]
        if not request.is_json:
            return
        limit = int(app.config.get("MAX_JSON_KB", 256)) * 1024
        if (request.content_length or 0) > limit:
            abort(413, description=f"The JSON body is larger than the limit of {limit // 1024} KB.")
        data = request.get_data(cache=True)
        if len(data) > limit:
            abort(413, description=f"The JSON body is larger than the limit of {limit // 1024} KB.")
        depth = int(app.config.get("MAX_JSON_DEPTH", 32))
        if json_depth(data) > depth:
            abort(400, description=f"The JSON body is nested deeper than {depth} levels.")


def register(app: Flask) -> None:
    guard_json(app)

    @app.errorhandler(Exception)
    def _handle(error: Exception):  # type: ignore[no-untyped-def]
        message, status = _message(error)
        if status == 500:
            app.logger.exception("unhandled error", exc_info=error)
        if isinstance(error, WorkStopped | Busy | WorkerLost):
            app.logger.warning("%s %s stopped: %s", request.method, request.path, message)
        headers = {"Retry-After": str(RETRY_AFTER)} if status == 503 else {}
        if request.path.startswith("/api/"):
            body = {"ok": False, "error": message, "status": status}
            if isinstance(error, FieldErrors):
                body["errors"] = error.errors
            return jsonify(body), status, headers
        return render_template("error.html", message=message, status=status), status, headers
