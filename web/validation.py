"""What the JSON API accepts: content types and the type of every field, checked before use, so a
wrong request is a 400 (or 415) naming the field instead of a value silently ignored."""

from __future__ import annotations

import json
import re
from typing import Any

from flask import abort, request

from provenance.errors import InputError, UnknownNames, shown

JSON = "application/json"
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")  # how a JSON text writes half of a surrogate pair
_SURROGATE = re.compile("[\ud800-\udfff]")
_ASCII_COMPATIBLE = frozenset({"utf-8", "utf-8-sig"})  # the encodings json.detect_encoding names that keep ASCII


def json_body() -> dict[str, Any]:
    """The request's JSON object; 415 for another content type, 400 for a body that is not an object, holds a
    lone surrogate or gives a key twice."""
    if not request.is_json:
        abort(415, description=f"Send {JSON} (this request is {request.mimetype or 'without a content type'}).")
    body = request.get_data()
    data, twice = _parsed(body)
    if not isinstance(data, dict):
        abort(400, description="Send a JSON object with Content-Type: application/json.")
    # the escape is looked for in the bytes only where they are ASCII-compatible: in UTF-16 or -32 its letters
    # are apart, and every value is looked at
    if (_SURROGATE_ESCAPE.search(body) or json.detect_encoding(body) not in _ASCII_COMPATIBLE) \
            and _lone_surrogate(data):
        abort(400, description="The JSON body holds a lone surrogate (a \\ud800-\\udfff escape not part of a pair), "
                               "which is no Unicode character.")
    if twice is not None:
        raise InputError(twice, "given twice in the JSON object; give it once")
    return data


def _parsed(body: bytes) -> tuple[Any, str | None]:
    """The JSON body parsed once, as Flask's `get_json(silent=True)` parses it (None when it is no JSON), and a
    key an object of it holds twice, if any: `{"text": "a", "text": "b"}` parses to its last value and the first
    would be dropped without a word (a client that meant either)."""
    twice: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for key, _ in [] if twice else items:  # one pass: a hostile body holds tens of thousands of keys
            if key in seen:
                twice.append(key)
                break
            seen.add(key)
        return dict(items)

    try:
        data = json.loads(body, object_pairs_hook=pairs)
    except ValueError:  # not JSON, or bytes in no UTF encoding
        return None, None
    return data, twice[0] if twice else None


def _lone_surrogate(value: Any) -> bool:
    """Whether a parsed JSON value holds half of a surrogate pair in a string or a key (json.loads keeps it;
    UTF-8 cannot hold it: a check or the database would fail on it)."""
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_lone_surrogate(key) or _lone_surrogate(item) for key, item in value.items())
    return isinstance(value, list) and any(_lone_surrogate(item) for item in value)


CACHE_BUSTER = "_"  # jQuery's `cache: false` and many fetch wrappers add `_=<time>` to a GET: taken, ignored


def only_keys(data: dict[str, Any], accepted: tuple[str, ...]) -> dict[str, Any]:
    """`data`, when every key of it is one of `accepted`; else UnknownNames naming the others (a 400)."""
    unknown = [key for key in data if key not in accepted]
    if unknown:
        raise UnknownNames("key", unknown, accepted)
    return data


def only_params(*accepted: str) -> None:
    """The request's query string holds only `accepted` parameters (and CACHE_BUSTER on a GET), each once;
    else UnknownNames, or InputError naming a parameter given twice (a 400)."""
    if request.method in ("GET", "HEAD"):
        accepted = (*accepted, CACHE_BUSTER)
    unknown = [name for name in request.args if name not in accepted]
    if unknown:
        raise UnknownNames("parameter", unknown, accepted)
    for name in request.args:
        given = len(request.args.getlist(name))
        if given > 1 and name != CACHE_BUSTER:
            raise InputError(name, f"given {given} times; give it once")


def only_fields(accepted: tuple[str, ...], files: tuple[str, ...], lists: tuple[str, ...] = ()) -> None:
    """A form's fields and file fields are only `accepted` and `files`, and a field not in `lists` (nor a file field)
    is given once; else UnknownNames, or InputError naming a field given twice (a 400)."""
    unknown = [name for name in (*request.form, *request.files) if name not in (*accepted, *files)]
    if unknown:
        raise UnknownNames("field", unknown, (*accepted, *files))
    for name in request.form:
        given = len(request.form.getlist(name))
        if given > 1 and name not in lists:
            raise InputError(name, f"given {given} times; give it once")


def one_of(name: str, value: str, allowed: Any, what: str | None = None) -> str:
    """`value` when it is in `allowed`; else InputError naming the parameter, the value (cut short) and the
    allowed values (sorted; `what` says what a value must be)."""
    if value in allowed:
        return value
    listed = ", ".join(sorted(allowed))
    if what:
        raise InputError(name, f"{shown(value)} is not {what}; the accepted values: {listed}")
    raise InputError(name, f"must be one of {listed}, not {shown(value)}")


def require_form_or_json() -> None:
    if not request.is_json and request.mimetype not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        abort(415, description=f"Send {JSON}, multipart/form-data or a URL-encoded form (this request is "
                               f"{request.mimetype or 'without a content type'}).")


def typed(data: dict[str, Any], name: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
    """data[name] when it has the right type (or is absent: the default); else InputError naming it."""
    value = data.get(name, default)
    if value is default or isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    raise InputError(name, f"must be {_names(kind)}, not {_json_type(value)}")


def string_list(data: dict[str, Any], name: str) -> list[str]:
    values = typed(data, name, list, [])
    if not all(isinstance(v, str) for v in values):
        raise InputError(name, "must be a list of strings")
    return list(values)


def _names(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join({str: "a string", bool: "true or false", list: "a list", int: "a number",
                        dict: "an object"}.get(k, k.__name__) for k in kinds)


def _json_type(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)
