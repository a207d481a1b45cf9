"""Keys that must exist but must never be committed.

When the environment does not give a key, one is generated into var/ on first use
and read back afterwards, so a fresh `make run` works and restarts keep sessions
and encrypted text readable. Production sets the keys in the environment, so that
several app servers agree and nothing lives on an app server's disk.
"""

import os
import secrets
from pathlib import Path


def key_from_env_or_file(*, env_name: str, path: Path, generate) -> str:
    value = os.environ.get(env_name, "").strip()
    if value:
        return value
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = generate()
    # O_EXCL: two processes starting at once must not write two different keys.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value


def generate_secret_key() -> str:
    return secrets.token_urlsafe(50)


def generate_fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()
