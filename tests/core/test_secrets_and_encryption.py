"""Tests for kinwell/secrets.py and kinwell/core/encryption.py."""

import pytest

from kinwell.core.encryption import decrypt_text, encrypt_text
from kinwell.secrets import generate_secret_key, key_from_env_or_file


def test_a_key_is_generated_once_into_var_and_read_back(tmp_path, monkeypatch):
    monkeypatch.delenv("TEST_KEY", raising=False)
    path = tmp_path / "var" / "secret_key"
    first = key_from_env_or_file(env_name="TEST_KEY", path=path, generate=generate_secret_key)
    second = key_from_env_or_file(env_name="TEST_KEY", path=path, generate=generate_secret_key)
    assert first == second and len(first) > 40
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_KEY", "from-the-environment")
    path = tmp_path / "secret_key"
    assert key_from_env_or_file(env_name="TEST_KEY", path=path, generate=generate_secret_key) == "from-the-environment"
    assert not path.exists()


def test_text_round_trips_and_is_not_readable_at_rest():
    stored = encrypt_text("Café at 9, gently 🙂")
    assert "Café" not in stored
    assert decrypt_text(stored) == "Café at 9, gently 🙂"


def test_old_keys_still_decrypt_after_rotation(settings):
    from cryptography.fernet import Fernet

    old_key = settings.ENCRYPTION_KEYS[0]
    stored = encrypt_text("before rotation")
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_key]
    assert decrypt_text(stored) == "before rotation"
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(ValueError):
        decrypt_text(stored)
