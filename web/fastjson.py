"""JSON answers written by orjson (a tenth of the time of the standard library's encoder: the answer
to a pasted megabyte of captions is 35 MB of JSON), with Flask's conventions kept: keys sorted, a
date as an HTTP date, a Decimal or UUID as text, a dataclass as its fields, indented in debug mode.

A check's answer can be encoded where the check ran (a worker process, web.workers) and sent to
the server as bytes, which the API's answer embeds as they are (`embedded`)."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import json
import uuid
from typing import Any

import orjson
from flask.json.provider import DefaultJSONProvider
from flask.wrappers import Response
from werkzeug.http import http_date

OPTIONS = (orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
           | orjson.OPT_PASSTHROUGH_DATACLASS)


def encode(value: Any, indent: bool = False) -> bytes:
    """`value` as JSON, as Flask's provider writes it."""
    try:
        return orjson.dumps(value, default=_default, option=OPTIONS | (orjson.OPT_INDENT_2 if indent else 0))
    except orjson.JSONEncodeError:
        # what orjson refuses and Flask's encoder writes: text holding a lone surrogate (a JSON body's
        # "\ud800", echoed in a URL's refusal) or an integer past 64 bits; written by the standard library as
        # Flask wrote it (\u escapes). A value with none of these fails there too, as it did in Flask.
        return json.dumps(value, default=_default, sort_keys=True, indent=2 if indent else None,
                          separators=None if indent else (",", ":")).encode()


def _default(value: Any) -> Any:
    """What JSON has no type for, as Flask's provider writes it."""
    if isinstance(value, datetime.date):
        return http_date(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def embedded(body: bytes) -> orjson.Fragment:
    """JSON already encoded (by `encode`), to be put inside an answer as it is."""
    return orjson.Fragment(body)


class FastJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider, encoding with orjson; `dumps` with options of json.dumps is Flask's own."""

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        if kwargs:
            return super().dumps(obj, **kwargs)
        return encode(obj).decode()

    def response(self, *args: Any, **kwargs: Any) -> Response:
        obj = self._prepare_response_obj(args, kwargs)
        indent = (self.compact is None and self._app.debug) or self.compact is False
        return Response(encode(obj, indent) + b"\n", mimetype=self.mimetype)
