"""A real HTTP server on 127.0.0.1 for the fetch tests, with a log of what reached it.

Routes map a path to a Reply (or to a function of the query string returning
one). A Reply can wait before answering, drip its body slowly, or send it
chunked without a length. `ConnectLog` records every socket connect the test
process attempts (through the interpreter's audit hook), so a test can show
that a refused address was never contacted.
"""

from __future__ import annotations

import contextlib
import datetime
import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between 16-byte pieces of the body
    chunked: bool = False  # no Content-Length: the size is only known by reading


Route = Reply | Callable[[dict[str, list[str]]], Reply]


@dataclass(frozen=True)
class Seen:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


class LocalServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Seen] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [seen.path for seen in self.log]

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            server.log.append(Seen(parts.path, query, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(parts.path, Reply(b"not here", 404, "text/plain"))
            reply = route(query) if callable(route) else route
            with contextlib.suppress(OSError):
                _answer(self, reply)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet test output
            pass

    return Handler


def _answer(handler: BaseHTTPRequestHandler, reply: Reply) -> None:
    time.sleep(reply.delay)
    handler.send_response(reply.status)
    handler.send_header("Content-Type", reply.content_type)
    for name, value in reply.headers.items():
        handler.send_header(name, value)
    if reply.chunked:
        handler.send_header("Transfer-Encoding", "chunked")
    else:
        handler.send_header("Content-Length", str(len(reply.body)))
    handler.send_header("Connection", "close")
    handler.end_headers()
    for start in range(0, len(reply.body), 16 if reply.drip else 65536):
        piece = reply.body[start:start + (16 if reply.drip else 65536)]
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if reply.chunked else piece)
        handler.wfile.flush()
        time.sleep(reply.drip)
    if reply.chunked:
        handler.wfile.write(b"0\r\n\r\n")


class ConnectLog:
    """Every address the test process tries to connect a socket to, while recording."""

    _installed: ConnectLog | None = None

    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.recording = False

    @classmethod
    def get(cls) -> ConnectLog:
        if cls._installed is None:
            cls._installed = ConnectLog()
            sys.addaudithook(cls._installed._hook)
        return cls._installed

    def _hook(self, event: str, args: tuple[object, ...]) -> None:
        if self.recording and event == "socket.connect":
            address = args[1]
            self.addresses.append(str(address[0]) if isinstance(address, tuple) else str(address))

    @contextlib.contextmanager
    def record(self) -> Iterator[list[str]]:
        self.addresses = []
        self.recording = True
        try:
            yield self.addresses
        finally:
            self.recording = False


def tls_context(folder: Path, host: str) -> tuple[ssl.SSLContext, Path]:
    """A server TLS context with a certificate for `host` issued by a throwaway CA, and the CA's PEM file."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "provenance test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "cert.pem").write_bytes(leaf.public_bytes(pem))
    (folder / "key.pem").write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context, folder / "ca.pem"
