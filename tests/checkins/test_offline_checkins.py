"""A check-in kept on a phone while offline reaches the web form later, maybe twice:
with its Idempotency-Key it is saved, screened and acted on once."""

import uuid

import pytest
from django.core import mail
from django.urls import reverse

from kinwell.checkins.models import CheckIn
from kinwell.core.models import IdempotencyKey
from kinwell.safety import services as safety_services
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db

URGENT = "I have pills saved up and tonight I'm going to take them all"


def form_for(user, **changes) -> dict:
    return {"mood": "2", "note": "A slow day", "written_by": str(user.pk), "idempotency_key": uuid.uuid4().hex,
            "csrfmiddlewaretoken": "x" * 64, **changes}


def sent_from_the_queue(client, data):
    return client.post(reverse("checkins:new"), data=data, HTTP_IDEMPOTENCY_KEY=data["idempotency_key"])


def test_the_form_carries_a_fresh_key_each_time(client_for, user):
    client = client_for(user)
    first = client.get(reverse("checkins:new")).content.decode()
    second = client.get(reverse("checkins:new")).content.decode()
    assert 'name="idempotency_key"' in first and f'name="written_by" value="{user.pk}"' in first
    key = first.split('name="idempotency_key" value="')[1].split('"')[0]
    assert key and key not in second


def test_a_check_in_sent_twice_from_the_queue_is_saved_once(client_for, user):
    client = client_for(user)
    data = form_for(user)
    first = sent_from_the_queue(client, data)
    again = sent_from_the_queue(client, {**data, "csrfmiddlewaretoken": "y" * 64})  # a newer token: same request
    assert (first.status_code, again.status_code) == (201, 200)
    assert CheckIn.objects.filter(owner=user).count() == 1
    assert CheckIn.objects.get(owner=user).note == "A slow day"


def test_a_resubmitted_form_is_saved_once_and_goes_to_my_check_ins(client_for, user):
    client = client_for(user)
    data = form_for(user)
    for _attempt in range(2):
        response = client.post(reverse("checkins:new"), data=data)
        assert response.status_code == 302 and response["Location"] == reverse("checkins:mine")
    assert CheckIn.objects.filter(owner=user).count() == 1


def test_the_safety_layer_acts_once_for_a_check_in_sent_twice(client_for, user, django_capture_on_commit_callbacks):
    contact = UserFactory(email="sam@example.org")
    CircleFactory(owner=user, members=[contact])
    safety_services.update_plan(owner=user, crisis_contact_id=contact.pk, tell_without_asking=True)
    mail.outbox.clear()
    client = client_for(user)
    data = form_for(user, mood="1", note=URGENT)
    with django_capture_on_commit_callbacks(execute=True):
        sent_from_the_queue(client, data)
        sent_from_the_queue(client, data)
    assert CheckIn.objects.filter(owner=user).count() == 1
    assert [message.to for message in mail.outbox] == [["sam@example.org"]]


def test_the_same_key_with_other_answers_is_refused(client_for, user):
    client = client_for(user)
    data = form_for(user)
    sent_from_the_queue(client, data)
    response = sent_from_the_queue(client, {**data, "mood": "4"})
    assert response.status_code == 422
    assert CheckIn.objects.filter(owner=user).count() == 1


def test_a_check_in_written_by_someone_else_on_this_device_is_not_saved(client_for, user, other_user):
    response = sent_from_the_queue(client_for(other_user), form_for(user))
    assert response.status_code == 409
    assert not CheckIn.objects.exists()


def test_a_key_we_cannot_read_is_a_400(client_for, user):
    response = client_for(user).post(reverse("checkins:new"), data=form_for(user, idempotency_key="has spaces"))
    assert response.status_code == 400
    assert not CheckIn.objects.exists()


def test_a_form_without_a_key_still_works(client_for, user):
    response = client_for(user).post(reverse("checkins:new"), data={"mood": "3"})
    assert response.status_code == 302
    assert CheckIn.objects.filter(owner=user).count() == 1
    assert not IdempotencyKey.objects.exists()


def test_signed_out_the_queue_is_sent_to_log_in_and_nothing_is_saved(client, user):
    data = form_for(user)
    response = client.post(reverse("checkins:new"), data=data, HTTP_IDEMPOTENCY_KEY=data["idempotency_key"])
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert not CheckIn.objects.exists()
