"""Tests for kinwell/core/localtime.py: a person's own day, across time zones and clock changes."""

import zoneinfo
from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from kinwell.core.localtime import known_zone, local_now, today_for, zone_named, zone_of

UTC = timezone.utc


@pytest.mark.parametrize(
    "moment, zone, expected",
    [
        (datetime(2026, 6, 16, 6, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 6, 15)),  # 23:30 PDT
        (datetime(2026, 6, 16, 7, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 6, 16)),  # 00:00 PDT
        (datetime(2026, 1, 16, 7, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 1, 15)),  # 23:30 PST
        (datetime(2026, 6, 15, 15, 0, tzinfo=UTC), "Asia/Tokyo", date(2026, 6, 16)),  # 00:00 JST
        (datetime(2026, 6, 15, 9, 59, tzinfo=UTC), "Pacific/Kiritimati", date(2026, 6, 15)),  # 23:59 +14
        # spring forward, Sunday 8 March 2026 (a 23-hour day in Los Angeles)
        (datetime(2026, 3, 8, 9, 59, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 8)),  # 01:59 PST
        (datetime(2026, 3, 8, 10, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 8)),  # 03:00 PDT
        (datetime(2026, 3, 9, 6, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 8)),  # 23:30 PDT
        (datetime(2026, 3, 9, 7, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 9)),  # 00:00 PDT
        # fall back, Sunday 1 November 2026 (a 25-hour day): 01:30 happens twice, both that day
        (datetime(2026, 11, 1, 8, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 11, 1)),  # 01:30 PDT
        (datetime(2026, 11, 1, 9, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 11, 1)),  # 01:30 PST
        (datetime(2026, 11, 2, 7, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 11, 1)),  # 23:30 PST
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "Europe/London", date(2026, 3, 29)),  # 00:30 GMT
        (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "Europe/London", date(2026, 3, 28)),
        (datetime(2026, 6, 15, 23, 30, tzinfo=timezone(timedelta(hours=-7))), "UTC", date(2026, 6, 16)),
    ],
    ids=["la-2330-summer", "la-midnight", "la-2330-winter", "tokyo-midnight", "kiritimati", "la-before-jump",
         "la-after-jump", "la-2330-spring-forward", "la-after-spring-forward", "la-0130-first", "la-0130-second",
         "la-2330-fall-back", "london-change", "london-eve", "offset-to-utc"],
)
def test_a_moment_falls_on_the_day_of_the_persons_own_calendar(moment, zone, expected):
    assert local_now(moment, zone).date() == expected


@pytest.mark.parametrize("name", ["America/Nowhere", "../etc/passwd", "", None])
def test_an_unknown_zone_is_read_as_utc_so_a_bad_value_never_breaks_a_page(name):
    moment = datetime(2026, 6, 15, 23, 30, tzinfo=timezone(timedelta(hours=-7)))
    assert local_now(moment, name).date() == date(2026, 6, 16)
    assert zone_named(name) == zoneinfo.ZoneInfo("UTC")
    assert known_zone(name) is None


def test_today_for_a_person_is_their_own_calendar_day():
    far_east, far_west = SimpleNamespace(time_zone="Pacific/Kiritimati"), SimpleNamespace(time_zone="Pacific/Niue")
    # +14 and -11 are 25 hours apart: at any instant one or two calendar days apart, never the same.
    assert timedelta(days=1) <= today_for(far_east) - today_for(far_west) <= timedelta(days=2)
    assert zone_of(SimpleNamespace(time_zone="Nowhere/Else")) == zoneinfo.ZoneInfo("UTC")
