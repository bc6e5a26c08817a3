"""A C2PA manifest (as the c2pa library reports it) -> Evidence.

The validation state is kept as one of three distinct values, never
collapsed: `valid` (signature verifies and the signer chains to a configured
trust anchor), `untrusted-signer` (signature verifies, signer not trusted),
`invalid` (the manifest or the content fails validation).
"""

from __future__ import annotations

from typing import Any

from provenance.model import Evidence

STATES = {"Trusted": "valid", "Valid": "untrusted-signer", "Invalid": "invalid", "invalid": "invalid"}
AUTHOR_LABELS = ("stds.schema-org.CreativeWork", "schema.org.CreativeWork")
ACTION_LABELS = ("c2pa.actions", "c2pa.actions.v2")


def validation_status(state: str) -> str:
    return STATES.get(state, "invalid" if state else "unknown")


def c2pa_evidence(manifest: dict[str, Any] | None, state: str, failures: list[str]) -> list[Evidence]:
    if manifest is None and state == "none":
        return []
    status = validation_status(state)
    found = [Evidence("c2pa_validation", status, "c2pa", "C2PA validation state", raw="; ".join(failures) or state)]
    if manifest is None:
        return found
    found.extend(_generator(manifest))
    if manifest.get("title"):
        found.append(Evidence("title", str(manifest["title"]), "c2pa", "C2PA title"))
    for assertion in _dicts(manifest.get("assertions")):
        found.extend(_assertion(assertion))
    for ingredient in _dicts(manifest.get("ingredients")):
        title = ingredient.get("title") or ingredient.get("instance_id") or "untitled"
        found.append(Evidence("c2pa_ingredient", str(title), "c2pa", "C2PA ingredient",
                              raw=str(ingredient.get("relationship", ""))))
    signer = _dict(manifest.get("signature_info"))
    if signer.get("issuer") or signer.get("common_name"):
        who = " / ".join(str(signer[k]) for k in ("common_name", "issuer") if signer.get(k))
        found.append(Evidence("c2pa_signer", who, "c2pa", "C2PA signature_info"))
    return found


def _generator(manifest: dict[str, Any]) -> list[Evidence]:
    infos = _dicts(manifest.get("claim_generator_info"))
    names = [" ".join(str(i.get(k, "")) for k in ("name", "version")).strip() for i in infos]
    text = ", ".join(n for n in names if n) or str(manifest.get("claim_generator", ""))
    return [Evidence("c2pa_claim_generator", text, "c2pa", "C2PA claim_generator")] if text else []


def _assertion(assertion: dict[str, Any]) -> list[Evidence]:
    label = str(assertion.get("label", ""))
    data = _dict(assertion.get("data"))
    found: list[Evidence] = []
    if label in AUTHOR_LABELS:
        authors = data.get("author") or []
        for author in authors if isinstance(authors, list) else [authors]:
            name = author.get("name") if isinstance(author, dict) else author
            if name:
                found.append(Evidence("creator", str(name), "c2pa", f"C2PA {label}.author"))
    if label in ACTION_LABELS:
        for action in _dicts(data.get("actions")):
            found.append(Evidence("c2pa_action", str(action.get("action", "")), "c2pa", f"C2PA {label}"))
            if action.get("digitalSourceType"):
                found.append(Evidence("digital_source_type", str(action["digitalSourceType"]), "c2pa",
                                      f"C2PA {label}.digitalSourceType"))
    return found


def _dict(value: Any) -> dict[str, Any]:
    """A manifest's table, or an empty one where the (untrusted) manifest holds something else."""
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The tables of a manifest's list, skipping anything else it holds."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
