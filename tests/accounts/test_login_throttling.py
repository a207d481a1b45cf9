"""Tests for kinwell/accounts/throttle.py.

Login throttling behind the proxy the README prescribes: the client address comes from
X-Forwarded-For only through the trusted proxies, a lock is per account and address, and
many accounts guessed from one address are slowed."""

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory

from kinwell.accounts.throttle import client_address
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


@pytest.fixture
def behind_nginx(settings):
    settings.TRUSTED_PROXIES = 1


def attempt(email, password, *, address, spoofed=""):
    """A login through one proxy: nginx appends the address it saw to X-Forwarded-For."""
    forwarded = f"{spoofed}, {address}" if spoofed else address
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded).post(
        "/accounts/login/", {"username": email, "password": password})


def request_from(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(request_from("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_through_trusted_proxies_only_their_entries_are_believed(settings):
    settings.TRUSTED_PROXIES = 1
    assert client_address(request_from(PROXY, "203.0.113.9")) == "203.0.113.9"
    # Whatever the client wrote itself stands further left and is ignored.
    assert client_address(request_from(PROXY, "10.0.0.1, 1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    assert client_address(request_from(PROXY, "not-an-address")) == PROXY
    assert client_address(request_from(PROXY)) == PROXY
    settings.TRUSTED_PROXIES = 2
    assert client_address(request_from(PROXY, "6.6.6.6, 203.0.113.9, 192.0.2.10")) == "203.0.113.9"


def test_a_stranger_cannot_lock_a_person_out_from_elsewhere(behind_nginx, settings):
    UserFactory(email="kim@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt("kim@example.org", "guess", address="203.0.113.5")
    assert attempt("kim@example.org", DEFAULT_PASSWORD, address="203.0.113.5").status_code == 429
    # Behind the proxy every request has REMOTE_ADDR 127.0.0.1; Kim, at home, is not locked out.
    assert attempt("kim@example.org", DEFAULT_PASSWORD, address="198.51.100.7").status_code == 302


def test_a_spoofed_header_does_not_escape_the_lock(behind_nginx, settings):
    UserFactory(email="kim@example.org")
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt("kim@example.org", "guess", address="203.0.113.5", spoofed=f"192.0.2.{number}")
    assert attempt("kim@example.org", DEFAULT_PASSWORD, address="203.0.113.5", spoofed="192.0.2.99").status_code == 429


def test_one_person_retrying_a_locked_account_does_not_lock_out_others_at_the_same_address(behind_nginx, settings):
    UserFactory(email="kim@example.org")
    UserFactory(email="ana@example.org")
    for _ in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT + 5):
        attempt("kim@example.org", "guess", address="203.0.113.5")
    assert attempt("kim@example.org", DEFAULT_PASSWORD, address="203.0.113.5").status_code == 429
    assert attempt("ana@example.org", DEFAULT_PASSWORD, address="203.0.113.5").status_code == 302


def test_many_accounts_guessed_from_one_address_lock_that_address(behind_nginx, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 12
    UserFactory(email="kim@example.org")
    UserFactory(email="mine@example.org")
    for number in range(4):
        for _ in range(3):  # under the per-account limit each time
            attempt(f"person{number}@example.org", "guess", address="203.0.113.5")
        if number == 1:
            # A successful login of one's own clears only that account's count.
            assert attempt("mine@example.org", DEFAULT_PASSWORD, address="203.0.113.5").status_code == 302
    locked = attempt("kim@example.org", DEFAULT_PASSWORD, address="203.0.113.5")
    assert locked.status_code == 429 and "Too many tries from this network" in locked.content.decode()
    assert attempt("kim@example.org", DEFAULT_PASSWORD, address="198.51.100.7").status_code == 302
    assert AccessAttempt.objects.filter(ip_address="203.0.113.5").count() == 4
