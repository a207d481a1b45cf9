"""Encryption at rest for personal text (C14).

A model field that stores text as a Fernet token (AES-128-CBC with an HMAC), with
MultiFernet so keys can be rotated: the first key in settings.ENCRYPTION_KEYS
encrypts, every key decrypts.
"""

import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models

TOKEN_PREFIX = "fernet:"


@lru_cache(maxsize=4)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def cipher() -> MultiFernet:
    return _cipher(tuple(settings.ENCRYPTION_KEYS))


def encrypt_text(plain: str) -> str:
    return TOKEN_PREFIX + cipher().encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt_text(stored: str) -> str:
    if not stored.startswith(TOKEN_PREFIX):
        raise ValueError("Stored text is not encrypted.")
    try:
        return cipher().decrypt(stored[len(TOKEN_PREFIX):].encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise ValueError("Stored text cannot be decrypted with the configured keys.") from error


class EncryptedTextField(models.TextField):
    """Text encrypted in the database, plain in Python. Not searchable or sortable."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(value)


class EncryptedJSONField(EncryptedTextField):
    """A JSON value (such as a list of tags), encrypted like text. Python does any searching
    and counting: the database sees only ciphertext. An empty list is stored as ""."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        if value == "":
            return self.get_default()
        return json.loads(decrypt_text(value))

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(TOKEN_PREFIX):
            return json.loads(decrypt_text(value))
        return value

    def get_prep_value(self, value):
        if value is None:
            return value
        if value == [] or value == {}:
            return ""
        return encrypt_text(json.dumps(value, ensure_ascii=False))

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj), ensure_ascii=False)
