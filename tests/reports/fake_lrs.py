"""Local stand-ins for an LRS on 127.0.0.1: one that stores, one that hangs, a refused port."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeLrs(ThreadingHTTPServer):
    """Stores statements by id; a POST with a known id answers 409 (as the spec allows)."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stored: dict[str, dict] = {}
        self.requests: list[str] = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/xAPI"


class _Handler(BaseHTTPRequestHandler):
    def _body(self) -> object:
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

    def do_POST(self) -> None:
        statements = self._body()
        self.server.requests.append("POST")
        if any(s["id"] in self.server.stored for s in statements):
            self._reply(409, b"[]")
            return
        self.server.stored.update({s["id"]: s for s in statements})
        self._reply(200, json.dumps([s["id"] for s in statements]).encode())

    def do_PUT(self) -> None:
        statement = self._body()
        self.server.requests.append("PUT")
        known = statement["id"] in self.server.stored
        self.server.stored.setdefault(statement["id"], statement)
        self._reply(409 if known else 204, b"")

    def _reply(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class HangingLrs:
    """Accepts connections and never answers."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/xAPI"

    def close(self) -> None:
        self.sock.close()


def refused_url() -> str:
    """An address where nothing listens: connections are refused."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/xAPI"
