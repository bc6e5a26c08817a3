"""The XMP reader remembers the short names of tags it has seen, never a long one: a packet chooses its
own namespaces, and an uploaded file's could be megabytes long."""

from __future__ import annotations

import gc
import tracemalloc

from provenance.metadata.xmp import parse_xmp, xmp_evidence


def _packet(namespace: str) -> str:
    return ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:z="{namespace}" z:note="v">'
            '<dc:creator><rdf:Seq><rdf:li>Jane Roe</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF>'
            '</x:xmpmeta>')


def test_long_tag_names_are_read_and_not_kept() -> None:
    """30 packets, each with a namespace of 100,000 characters of its own: read as before, and none of
    those names is still held once they are read (a memo of every name kept 2 x 100 KB of each)."""
    assert [e.value for e in xmp_evidence(_packet("http://example.org/z/"))] == ["Jane Roe"]
    namespaces = [f"http://example.org/{n:02d}/" + "z" * 100_000 for n in range(30)]
    tracemalloc.start()
    try:
        for namespace in namespaces:
            assert (f"{{{namespace}}}note", "v", None) in parse_xmp(_packet(namespace))
            assert [e.value for e in xmp_evidence(_packet(namespace))] == ["Jane Roe"]
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held < 1_000_000  # the 30 names alone are 3 MB
