"""A token-introspection endpoint on loopback, for Dovecot's oauth2 passdb (RFC 7662 style).

Dovecot's ``passdb { driver = oauth2 }`` POSTs ``token=...`` to the introspection URL and
reads ``active`` and ``username`` from the JSON answer; this server answers from a table of
tokens the test issued with :meth:`Introspection.issue`, and counts the questions.
"""

from __future__ import annotations

import json
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from testkit.net import HOST


class Introspection:
    def __init__(self) -> None:
        self.tokens: dict[str, str] = {}
        self.asked = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, token: str) -> None:
                owner.asked += 1
                user = owner.tokens.get(token)
                body = json.dumps({"active": True, "username": user} if user else {"active": False})
                self.send_response(200 if user else 401)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body.encode())

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode())
                self._answer((form.get("token") or [""])[0])

            def do_GET(self) -> None:
                query = parse_qs(urlparse(self.path).query)
                bearer = self.headers.get("Authorization", "").removeprefix("Bearer ")
                self._answer((query.get("access_token") or [bearer])[0])

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer((HOST, 0), Handler)
        self.port = int(self._server.server_address[1])
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def issue(self, user: str) -> str:
        token = "tok-" + secrets.token_urlsafe(24)
        self.tokens[token] = user
        return token

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def dovecot_conf(self) -> str:
        """The ``args`` file of the oauth2 passdb."""
        return (
            f"tokeninfo_url = {self.url}/tokeninfo?access_token=\n"
            f"introspection_url = {self.url}/introspect\n"
            "introspection_mode = post\n"
            "force_introspection = yes\n"
            "username_attribute = username\n"
            "active_attribute = active\n"
            "active_value = true\n"
        )
