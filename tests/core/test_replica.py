"""The optional read replica: the router sends the finder's searches and the trend reads
there when DATABASE_REPLICA_URL is set, and nothing changes without it (issue 22)."""

from datetime import date

import pytest
from django.conf import settings
from django.db import connection

from kinwell.checkins import selectors as checkin_selectors
from kinwell.checkins.models import CheckIn
from kinwell.core.replica import REPLICA, ReplicaRouter, reading_from_replica, reads_from_replica
from kinwell.directory import search, selectors as directory_selectors
from kinwell.directory.models import ServiceAtLocation

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setitem(settings.DATABASES, REPLICA, {**settings.DATABASES["default"]})


def test_reads_marked_for_the_replica_go_there_and_nothing_else_does(with_replica):
    router = ReplicaRouter()
    assert router.db_for_read(CheckIn) is None and router.db_for_write(CheckIn) is None
    assert reads_from_replica(lambda: router.db_for_read(CheckIn))() == REPLICA
    assert reads_from_replica(lambda: router.db_for_write(CheckIn))() is None  # writes stay on the primary
    assert router.db_for_read(CheckIn) is None  # only for the duration of the marked read
    assert router.allow_migrate("default", "checkins") and not router.allow_migrate(REPLICA, "checkins")


def test_without_the_variable_every_read_stays_on_the_primary():
    assert REPLICA not in settings.DATABASES
    assert reads_from_replica(lambda: ReplicaRouter().db_for_read(ServiceAtLocation))() is None


def _reads_seen(call):
    """Whether each query the call makes is made while reading from the replica is on."""
    seen = []

    def watch(execute, sql, params, many, context):
        seen.append(reading_from_replica())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        call()
    return seen


def test_the_finder_search_and_the_trends_are_the_reads_sent_there(user):
    CheckIn.objects.create(owner=user, day=date.today(), mood=3)
    finder = _reads_seen(lambda: directory_selectors.find(search.Query(latitude=41.92, longitude=-87.65)))
    trends = _reads_seen(lambda: checkin_selectors.trend_for(owner=user, days=30))
    own_list = _reads_seen(lambda: list(checkin_selectors.my_checkins(owner=user, days=30)))
    assert finder and all(finder)
    assert trends and all(trends)
    assert own_list and not any(own_list)
