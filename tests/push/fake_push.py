"""A push service on 127.0.0.1 for tests, and browsers' subscriptions to it.

It plays the part of Mozilla's or Google's push service: it takes the encrypted POST our
server sends and answers as told (201 by default, 410 for a subscription that is gone).
A `Subscriber` holds what a browser keeps to itself (its P-256 private key and auth
secret), so a test can decrypt what arrived as the browser would (RFC 8291).
"""

import base64
import os
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Subscriber:
    private_key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    auth_secret: bytes = field(default_factory=lambda: os.urandom(16))

    @property
    def p256dh(self) -> str:
        return b64url(self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint))

    @property
    def auth(self) -> str:
        return b64url(self.auth_secret)

    def subscription(self, endpoint: str) -> dict:
        """What the browser's PushSubscription.toJSON() gives."""
        return {"endpoint": endpoint, "expirationTime": None, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


class FakePushService:
    """`with FakePushService() as service:`; `service.endpoint("a")` is a subscription's
    address; `service.answers["/push/a"] = 410` makes that one gone."""

    def __init__(self):
        self.received: list[Received] = []
        self.answers: dict[str, int] = {}
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                service.received.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length)))
                self.send_response(service.answers.get(self.path, 201))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def endpoint(self, name: str) -> str:
        return f"{self.origin}/push/{name}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def device_for(user, *, endpoint: str = "", subscriber: Subscriber | None = None,
               user_agent: str = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"):
    from kinwell.push import services

    subscriber = subscriber or Subscriber()
    endpoint = endpoint or f"https://push.example.invalid/{b64url(os.urandom(9))}"
    return services.add_device(owner=user, subscription=subscriber.subscription(endpoint), user_agent=user_agent)
