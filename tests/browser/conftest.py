"""Real-browser tests: Playwright's sync API driving Debian's Chromium against
pytest-django's live server.

One browser for the whole session (starting Chromium is the slow part); a fresh
context, so fresh cookies and storage, for every person in every test.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Fail fast: a page of this site answers in milliseconds, so seconds mean a bug.
TIMEOUT_MS = 5_000


@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}, and it is not there. "
            "Install it with `apt-get install chromium` (.ci/run does), "
            "or skip these tests with `make test-fast` / `pytest -m 'not browser'`.",
            pytrace=False,
        )
    # Playwright's sync API keeps an asyncio loop running in this thread, and Django
    # refuses database work from a thread with a running loop unless told it is safe.
    # It is: the loop only drives the browser; our code and the ORM stay synchronous.
    # Set here, not at import, so a run without browser tests keeps Django's check.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        # Package scope: the loop and the override end with tests/browser, not the session.
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def session_cookie_for(user) -> str:
    """A real session for `user`, for tests whose subject is not logging in."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def new_context(browser, live_server):
    """Make a browser context (one person's browser): `new_context(as_user=..., javascript=False)`."""
    contexts = []

    def make(*, as_user=None, javascript=True, **options):
        context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript, **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        if as_user is not None:
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie_for(as_user), "url": live_server.url}]
            )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a fresh, signed-out context with JavaScript on."""
    return new_context().new_page()
