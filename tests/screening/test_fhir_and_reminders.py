"""Tests for kinwell/screening/fhir.py, chart.py and jobs.py.

The FHIR builder for every instrument (pure), the chart geometry, and the two-weekly
reminder job: due once, idempotent within the minute, stopped in one click."""

from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.core import mail
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from hypothesis import given, settings, strategies as st

from kinwell.core.schedule import registered_jobs, run_due_jobs
from kinwell.screening import chart, fhir, scoring
from kinwell.screening.models import Reminder
from kinwell.screening.services import set_reminder
from tests.factories import UserFactory

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=dt_timezone.utc)


@st.composite
def records(draw):
    instrument = draw(st.sampled_from(sorted(scoring.instruments().values(), key=lambda i: i.key)))
    answers = {item.key: draw(st.sampled_from(sorted(item.values))) for item in instrument.all_items}
    result = scoring.score(instrument, answers)
    return fhir.ResultRecord(
        id=draw(st.integers(1, 10**6)), instrument=instrument, answers=answers,
        total=result.total, band=result.band, completed_at=WHEN,
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(records(), min_size=1, max_size=4, unique_by=lambda r: r.id))
def test_every_bundle_parses_back_and_validates(drawn):
    parsed = Bundle.model_validate_json(fhir.bundle_json(drawn, person=fhir.Person(key=1, name="Kim"), now=WHEN))
    observations = [e.resource for e in parsed.entry if e.resource.__resource_type__ == "Observation"]
    assert [o.valueQuantity.value for o in observations] == [r.total for r in drawn]
    responses = [e.resource for e in parsed.entry if e.resource.__resource_type__ == "QuestionnaireResponse"]
    assert [len(r.item) for r in responses] == [len(r.answers) for r in drawn]


def test_loinc_codes_where_they_exist():
    for key, panel, total in [("phq9", "44249-1", "44261-6"), ("phq2", "55757-9", "55758-7"), ("gad7", "69737-5", "70274-6")]:
        instrument = scoring.get(key)
        assert (instrument.loinc_panel, instrument.loinc_total) == (panel, total)
    assert [o.loinc for o in scoring.get("phq9").items[0].options] == ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]
    # 69725-0 is GAD-7 item 1, not a GAD-2 total: the GAD-2 total uses our own code.
    assert scoring.get("gad2").loinc_total == "" and scoring.get("gad7").items[0].loinc == "69725-0"


def test_chart_points_run_left_to_right_with_higher_scores_higher_up():
    built = chart.build(totals=[("a", 0), ("b", 27), ("c", 10)], lowest=0, highest=27, band_starts=[5, 10, 15, 20])
    xs, ys = [p.x for p in built.points], [p.y for p in built.points]
    assert xs == sorted(xs) and ys[1] < ys[2] < ys[0]
    assert [value for _y, value in built.gridlines] == [0, 5, 10, 15, 20, 27]
    assert len(chart.build(totals=[("a", 4)], lowest=0, highest=27, band_starts=[]).points) == 1
    many = chart.build(totals=[(n, n) for n in range(10)], lowest=0, highest=27, band_starts=[])
    assert [p.label for p in many.points if p.labelled] == [0, 9]
    assert all(p.labelled for p in built.points)


def test_the_reminder_job_is_registered():
    assert "kinwell.screening.jobs.send_due_reminders" in [job.name for job in registered_jobs()]


@pytest.mark.django_db
def test_a_reminder_is_sent_once_when_due_and_then_two_weeks_later(django_capture_on_commit_callbacks, client):
    person = UserFactory(email="kim@example.org")
    reminder = set_reminder(owner=person, instrument="phq9", now=WHEN)
    with django_capture_on_commit_callbacks(execute=True):
        run_due_jobs(now=WHEN + timedelta(days=13))
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        run_due_jobs(now=WHEN + timedelta(days=14))
        run_due_jobs(now=WHEN + timedelta(days=14))  # the same minute again sends nothing
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kim@example.org"]
    stop_link = reverse("screening:stop_reminders", args=[reminder.stop_token])
    assert stop_link in mail.outbox[0].body and "PHQ-9" in mail.outbox[0].body
    # The subject gives nothing away to someone glancing at the inbox.
    assert mail.outbox[0].subject == "A gentle reminder from Kinwell"
    assert "call or text 988" in mail.outbox[0].body
    assert Reminder.objects.get().next_due == WHEN + timedelta(days=28)

    page = client.get(stop_link)  # opened signed out: a button, nothing changed yet
    assert page.status_code == 200 and "Stop the reminders" in page.content.decode()
    assert Reminder.objects.exists()
    page = client.post(stop_link)
    assert page.status_code == 200 and "You will not get any more" in page.content.decode()
    assert not Reminder.objects.exists()
    assert "already off" in client.post(stop_link).content.decode()


@pytest.mark.django_db
def test_setting_and_clearing_a_reminder_on_the_page(client_for, user):
    client = client_for(user)
    client.post(reverse("screening:reminders"), {"instrument": "gad7"})
    assert Reminder.objects.get(owner=user).instrument == "gad7"
    assert client.post(reverse("screening:reminders"), {"instrument": "nope"}).status_code == 400
    client.post(reverse("screening:reminders"), {"instrument": ""})
    assert not Reminder.objects.exists()
