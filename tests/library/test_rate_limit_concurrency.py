"""Tests for kinwell/library/services.py (post_reply's rate limit).

The rate limit holds when one person's posts arrive at the same moment on several
app servers: the author's row is locked while counting (PostgreSQL; SQLite already
takes one writer at a time with IMMEDIATE transactions)."""

import threading

import pytest
from django.db import connection, connections

from kinwell.library import services
from kinwell.library.models import Reply
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_posts_never_pass_the_limit(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs separate database connections per thread (run with DATABASE_URL=postgres://...)")
    from tests.library import FIXTURE_ARTICLES

    settings.LIBRARY_ARTICLES_DIR = FIXTURE_ARTICLES
    author = UserFactory()
    (_window, limit), _day = services.RATE_LIMITS
    start = threading.Barrier(limit + 4)
    outcomes = []

    def post(number):
        try:
            start.wait()
            services.post_reply(author=author, article_slug="first-steps-together", text=f"At once {number}")
            outcomes.append("posted")
        except services.TooManyReplies:
            outcomes.append("limited")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(limit + 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("posted") == limit and outcomes.count("limited") == 4
    assert Reply.objects.filter(author=author).count() == limit
