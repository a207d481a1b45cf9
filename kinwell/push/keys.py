"""The VAPID key pair that signs our pushes (RFC 8292), so push services know they come
from us and a stolen subscription is useless to anyone else.

The private key comes from KINWELL_VAPID_PRIVATE_KEY, or is generated into var/ on first
use like the other keys (kinwell/secrets.py). The public key is derived from it: browsers
are given it when they subscribe, so changing the private key means every device must
turn push on again.
"""

import base64
from email.utils import parseaddr
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from py_vapid import Vapid02

from kinwell.secrets import key_from_env_or_file

ENV_NAME = "KINWELL_VAPID_PRIVATE_KEY"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def generate_vapid_private_key() -> str:
    """A P-256 private key, DER (PKCS#8) in unpadded base64url: one line for a file or an
    environment variable."""
    key = ec.generate_private_key(ec.SECP256R1())
    return b64url(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()))


@lru_cache(maxsize=1)
def vapid() -> Vapid02:
    value = key_from_env_or_file(env_name=ENV_NAME, path=settings.VAR_DIR / "vapid_private_key",
                                 generate=generate_vapid_private_key)
    if "-----BEGIN" in value:
        return Vapid02.from_pem(value.encode())
    return Vapid02.from_string(value)


def application_server_key() -> str:
    """The public key as browsers take it (`applicationServerKey`): the uncompressed point."""
    point = vapid().public_key.public_bytes(serialization.Encoding.X962,
                                            serialization.PublicFormat.UncompressedPoint)
    return b64url(point)


def subject() -> str:
    """Who push services can contact about our pushes: KINWELL_VAPID_SUBJECT, else the
    address our email comes from."""
    configured = getattr(settings, "VAPID_SUBJECT", "")
    if configured:
        return configured
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "hello@kinwell.invalid"
    return f"mailto:{address}"
