import pytest
from django.test import Client

from tests.factories import DEFAULT_PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    # Tasks run at once in tests; email stays in memory; no rate limits carry over.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The national directory takes half a minute to load: only the tests that ask for it.
    settings.DIRECTORY_LOAD_BUNDLED = False
    from django.core.cache import cache

    cache.clear()  # rendered fragments from one test never show in another
    yield
    from django.utils import translation

    translation.deactivate()  # a Spanish request in one test never changes the next test's language


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def client_for():
    return signed_in_client


@pytest.fixture
def password():
    return DEFAULT_PASSWORD
