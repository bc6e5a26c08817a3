"""JSON answers written by orjson are what Flask's own encoder writes (keys sorted, compact), but for
text outside ASCII, written as UTF-8 rather than as \\u escapes."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import json
import uuid

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from provenance import default_catalog
from provenance.catalog.profile import load_profile
from provenance.io.inputs import SourceFile, check_source
from provenance.render.check_report import file_dict
from web.fastjson import embedded, encode


@dataclasses.dataclass
class Point:
    x: int
    label: str


def _flask(value: object) -> bytes:
    provider = DefaultJSONProvider(Flask(__name__))
    return provider.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def test_a_check_and_the_types_flask_knows_are_written_as_flask_writes_them() -> None:
    text = "Lichter über Köln. Foto: Jörg Müller/dpa\nBoats in harbour. (AP Photo/Jane Roe)\n"
    catalog = default_catalog()
    checked = check_source(SourceFile("pasted text", "pasted text", data=text.encode()), catalog,
                           load_profile(None, catalog))
    value = {"files": [file_dict(checked)], "ok": True,
             "when": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC), "day": datetime.date(2024, 1, 2),
             "amount": decimal.Decimal("1.50"), "id": uuid.UUID(int=7), "point": Point(1, "ß")}
    assert encode(value) == _flask(value)


def test_json_encoded_elsewhere_is_embedded_as_it_is() -> None:
    inner = encode([{"b": 1, "a": "é"}])
    assert encode({"files": embedded(inner), "ok": True}) == b'{"files":[{"a":"\xc3\xa9","b":1}],"ok":true}'


def test_the_apps_answers_use_it(client: object) -> None:
    response = client.post("/api/check", json={"text": "Foto: Jörg Müller/dpa"})  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert "Jörg Müller".encode() in response.data  # UTF-8, not \\u escapes
    assert response.data == encode(json.loads(response.data)) + b"\n"  # keys sorted, compact


def test_what_orjson_refuses_is_written_as_flask_writes_it() -> None:
    """Text with a lone surrogate (JSON allows "\\ud800" in a body, and the answer may echo it) and an
    integer past 64 bits: orjson refuses both, Flask's encoder wrote them."""
    value = {"url": "http://127.0.0.1:9/\ud800", "big": 2**70, "name": "Jörg"}
    assert encode(value) == DefaultJSONProvider(Flask(__name__)).dumps(value, separators=(",", ":")).encode()
    assert json.loads(encode(value, indent=True)) == value


def test_a_surrogate_pair_is_text_the_api_answers_in_utf8(client: object) -> None:
    """A JSON body may write a character past U+FFFF as two escapes: that is text like any other (a lone
    half of a pair is a 400, tests/web/test_api.py)."""
    body = '{"text": "Foto: J\\ud83d\\ude00rg M\\u00fcller/dpa"}'
    response = client.post("/api/check", data=body, content_type="application/json")  # type: ignore[attr-defined]
    assert response.status_code == 200, response.data
    assert "J\U0001f600rg Müller".encode() in response.data
