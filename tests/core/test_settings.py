"""Tests for kinwell/settings.py."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_in_a_fresh_process(env: dict) -> str:
    code = (
        "import django, json; from django.conf import settings; django.setup(); "
        "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
        "'options': {k: str(v) for k, v in settings.DATABASES['default'].get('OPTIONS', {}).items()}, "
        "'secure': settings.SESSION_COOKIE_SECURE, 'hsts': settings.SECURE_HSTS_SECONDS, 'debug': settings.DEBUG}))"
    )
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KINWELL_ENV", "DEBUG")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**base, "DJANGO_SETTINGS_MODULE": "kinwell.settings", **env},
        capture_output=True, text=True, check=True,
    )
    return result.stdout


def test_sqlite_by_default_with_wal_busy_timeout_and_immediate_transactions(tmp_path):
    import json

    out = json.loads(settings_in_a_fresh_process({"KINWELL_VAR_DIR": str(tmp_path)}))
    assert out["engine"] == "django.db.backends.sqlite3"
    assert out["options"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in out["options"]["init_command"]
    assert "busy_timeout" in out["options"]["init_command"]
    assert (tmp_path / "secret_key").exists()
    assert out["debug"] is True and out["secure"] is False


def test_postgres_from_database_url_and_production_hardening(tmp_path):
    import json

    out = json.loads(
        settings_in_a_fresh_process(
            {
                "KINWELL_VAR_DIR": str(tmp_path),
                "DATABASE_URL": "postgres://u:p@db.internal:5432/kinwell",
                "KINWELL_ENV": "production",
                "SECRET_KEY": "x" * 60,
                "KINWELL_ENCRYPTION_KEY": "kP2W2h6qgkU8c0n3F0yq0cFv6sV9mG4yJ2uQbT1oXzE=",
                "ALLOWED_HOSTS": "kinwell.example.org",
            }
        )
    )
    assert out["engine"] == "django.db.backends.postgresql"
    assert out["secure"] is True and out["hsts"] >= 31536000 and out["debug"] is False
    assert not (tmp_path / "secret_key").exists()


def test_production_refuses_to_start_without_its_keys(tmp_path):
    import pytest

    with pytest.raises(subprocess.CalledProcessError) as failure:
        settings_in_a_fresh_process({"KINWELL_VAR_DIR": str(tmp_path), "KINWELL_ENV": "production"})
    assert "SECRET_KEY" in failure.value.stderr and "KINWELL_ENCRYPTION_KEY" in failure.value.stderr
