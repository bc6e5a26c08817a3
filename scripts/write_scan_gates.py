"""Write provenance/parse/scan_gates.py: the gate of each whole-text scan of the parser (credits.GATED_SCANS),
read from its parse tree by scan.gate_of, stored so that a process compiles it instead of building it.

    .venv/bin/python scripts/write_scan_gates.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.parse.credits import GATED_SCANS  # noqa: E402
from provenance.parse.scan import built_gate, gate_key  # noqa: E402

TARGET = ROOT / "provenance" / "parse" / "scan_gates.py"


def main() -> int:
    text = TARGET.read_text("utf-8")
    lines = text[: text.index("\nGATES")].rstrip().splitlines()  # the docstring, then the table written anew
    entries = []
    for pattern in GATED_SCANS:
        gate = built_gate(pattern)
        text = gate.pattern if gate else ""
        chunks = [""]
        for char in text:  # lines of at most 100 characters as written
            if len(repr(chunks[-1] + char)) > 100:
                chunks.append("")
            chunks[-1] += char
        chunks = [repr(chunk) for chunk in chunks]
        entries.append(f"    {gate_key(pattern)!r}: (")
        entries += [f"        {chunk}" for chunk in chunks]
        entries.append("    ),")
    TARGET.write_text("\n".join([*lines, "", "GATES: dict[str, str] = {", *entries, "}", ""]), "utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(GATED_SCANS)} gates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
