"""Tests for kinwell/summary/stretches.py and fhir.py.

The pure parts: stretches of a period, and the summary bundle checked by two
validators (fhir.resources as it is built, fhirkit independently)."""

import json
from datetime import date, datetime, timedelta, timezone as dt_timezone

import fhirkit
from hypothesis import given, settings, strategies as st

from kinwell.checkins import trends
from kinwell.screening.fhir import Person
from kinwell.summary import fhir, stretches

START = date(2026, 9, 1)


def points(*days_and_moods):
    return trends.daily([trends.Entry(day=START + timedelta(days=d), mood=m, stress=4, sleep_hours=7.0)
                         for d, m in days_and_moods])


@given(st.sampled_from([30, 90, 180, 365]))
def test_stretches_cover_the_period_once_in_at_most_six_rows(days):
    end = START + timedelta(days=days - 1)
    found = stretches.stretches([], start=START, end=end)
    assert len(found) <= stretches.MAX_STRETCHES
    assert found[0].start == START and found[-1].end == end
    assert all(b.start == a.end + timedelta(days=1) for a, b in zip(found, found[1:]))


def test_each_stretch_averages_its_own_days():
    found = stretches.stretches(points((0, 2), (1, 4), (20, 5)), start=START, end=START + timedelta(days=29))
    assert stretches.stretch_days(30) == 7
    assert (found[0].averages["mood"], found[0].averages["days"]) == (3.0, 2)
    assert found[1].averages["days"] == 0 and found[1].averages["mood"] is None
    assert found[2].averages["mood"] == 5.0


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=30, deadline=None)
@given(
    mood=st.none() | st.floats(1, 5), stress=st.none() | st.floats(0, 10), sleep=st.none() | st.floats(0, 24),
    notes=st.lists(TEXT, max_size=3), steps=st.lists(st.tuples(TEXT, st.booleans()), max_size=3),
    signs=st.lists(st.sampled_from(["mood_below_baseline", "sudden_fall", "support_requests"]), max_size=3, unique=True),
)
def test_every_summary_bundle_passes_both_validators(mood, stress, sleep, notes, steps, signs):
    content = fhir.Content(
        person=Person(key=3, name="Maya"), start=START, end=START + timedelta(days=89),
        averages=fhir.Averages(mood=mood, stress=stress, sleep_hours=sleep, days=12),
        signs=[fhir.Sign(rule=rule, since=START, text="A sign") for rule in signs],
        notes=[fhir.Note(id=n, day=START, mood=3, text=text) for n, text in enumerate(notes)],
        pathways=[fhir.Pathway(key="individual_therapy", label="Individual therapy", steps=tuple(steps))],
    )
    bundle = json.loads(fhir.bundle_json(content, now=datetime(2026, 12, 1, tzinfo=dt_timezone.utc)))
    assert [str(issue) for issue in fhirkit.validate(bundle)] == []
    patient = bundle["entry"][0]["fullUrl"]
    for entry in bundle["entry"][1:]:
        assert entry["resource"]["subject"]["reference"] == patient
    assert len({entry["fullUrl"] for entry in bundle["entry"]}) == len(bundle["entry"])
