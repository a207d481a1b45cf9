import json

import http_ece
import pytest
from django.urls import reverse
from py_vapid import Vapid02

from kinwell.core.personal_data import export_for
from kinwell.notifications.channels import Message, channel_named
from kinwell.push import keys, selectors, services
from kinwell.push.device_names import device_name
from kinwell.push.models import PushDevice
from tests.factories import UserFactory
from tests.push.fake_push import FakePushService, Subscriber, device_for

pytestmark = pytest.mark.django_db

SECRET = "I have not told anyone that I stopped taking my medication"


def message(**changes) -> Message:
    fields = {
        "notice": "checkin_response", "subject": "A note from Kinwell",
        "text": f"Sam wrote: {SECRET}", "html": f"<p>Sam wrote: {SECRET}</p>",
        "url": "https://kinwell.example/check-ins/", "headline": "Someone in your circle reached out",
        "glance": "Open Kinwell to see it.",
    }
    return Message(**{**fields, **changes})


@pytest.fixture
def push_service(settings):
    settings.PUSH_ALLOW_HTTP_ENDPOINTS = True  # the stand-in speaks plain HTTP on 127.0.0.1
    with FakePushService() as service:
        yield service


def decrypted(received, subscriber: Subscriber) -> dict:
    plain = http_ece.decrypt(received.body, private_key=subscriber.private_key, auth_secret=subscriber.auth_secret,
                             version="aes128gcm")
    return json.loads(plain)


def test_the_push_channel_is_registered():
    channel = channel_named("push")
    assert channel is not None
    assert channel.deliver is services.deliver and channel.reachable is selectors.reachable


def test_a_push_arrives_encrypted_for_the_device_and_signed_with_our_key(push_service, user):
    subscriber = Subscriber()
    device = device_for(user, endpoint=push_service.endpoint("phone"), subscriber=subscriber)

    assert services.deliver(user=user, message=message()) is True

    [received] = push_service.received
    assert received.path == "/push/phone"
    assert received.headers["content-encoding"] == "aes128gcm"
    assert SECRET.encode() not in received.body and b"reached out" not in received.body  # ciphertext only
    assert decrypted(received, subscriber) == {"title": "Someone in your circle reached out",
                                               "body": "Open Kinwell to see it.",
                                               "url": "https://kinwell.example/check-ins/"}
    authorization = received.headers["authorization"]
    assert Vapid02.verify(authorization)
    assert f"k={keys.application_server_key()}" in authorization
    device.refresh_from_db()
    assert device.last_used_at is not None


def test_a_payload_never_carries_the_words_of_the_notice(push_service, user):
    subscriber = Subscriber()
    device_for(user, endpoint=push_service.endpoint("phone"), subscriber=subscriber)
    services.deliver(user=user, message=message(subject=SECRET))
    payload = json.dumps(decrypted(push_service.received[0], subscriber))
    assert "stopped taking" not in payload and "Sam wrote" not in payload
    assert set(json.loads(payload)) == {"title", "body", "url"}


def test_each_device_gets_its_own_push(push_service, user):
    phone, laptop = Subscriber(), Subscriber()
    device_for(user, endpoint=push_service.endpoint("phone"), subscriber=phone)
    device_for(user, endpoint=push_service.endpoint("laptop"), subscriber=laptop)
    device_for(UserFactory(), endpoint=push_service.endpoint("someone-else"))
    services.deliver(user=user, message=message())
    by_path = {received.path: received for received in push_service.received}
    assert set(by_path) == {"/push/phone", "/push/laptop"}
    assert decrypted(by_path["/push/laptop"], laptop)["title"] == "Someone in your circle reached out"


@pytest.mark.parametrize("status", [404, 410])
def test_a_subscription_the_push_service_says_is_gone_is_deleted(push_service, user, status):
    gone = device_for(user, endpoint=push_service.endpoint("old"))
    kept = device_for(user, endpoint=push_service.endpoint("new"))
    push_service.answers["/push/old"] = status
    assert services.deliver(user=user, message=message()) is True
    assert list(PushDevice.objects.filter(owner=user)) == [kept]
    assert not PushDevice.objects.filter(pk=gone.pk).exists()


def test_a_failing_push_service_keeps_the_device_and_reports_nothing_reached(push_service, user):
    device = device_for(user, endpoint=push_service.endpoint("busy"))
    push_service.answers["/push/busy"] = 503
    assert services.deliver(user=user, message=message()) is False
    device.refresh_from_db()
    assert device.last_used_at is None


def test_an_unreachable_push_service_is_not_reached(settings, user):
    settings.PUSH_ALLOW_HTTP_ENDPOINTS = True
    device_for(user, endpoint="http://127.0.0.1:9/push/nobody")  # the discard port: refused
    assert services.deliver(user=user, message=message()) is False
    assert PushDevice.objects.filter(owner=user).count() == 1


def test_reachable_only_with_a_device(user):
    assert selectors.reachable(user=user) is False
    assert services.deliver(user=user, message=message()) is False
    device_for(user)
    assert selectors.reachable(user=user) is True


@pytest.mark.parametrize("subscription", [
    None, [], "x", {"endpoint": "https://push.example/a"},
    {"endpoint": "https://push.example/a", "keys": {"p256dh": "abc", "auth": "def"}},
    {"endpoint": "http://10.0.0.1/internal", "keys": {"p256dh": Subscriber().p256dh, "auth": Subscriber().auth}},
    {"endpoint": "file:///etc/passwd", "keys": {"p256dh": Subscriber().p256dh, "auth": Subscriber().auth}},
    {"endpoint": "https://" + "a" * 2100, "keys": {"p256dh": Subscriber().p256dh, "auth": Subscriber().auth}},
])
def test_a_subscription_we_cannot_use_is_a_400(client_for, user, subscription):
    response = client_for(user).post(reverse("push:subscribe"), data=json.dumps(subscription),
                                     content_type="application/json")
    assert response.status_code == 400
    assert not PushDevice.objects.exists()


def test_a_body_that_is_not_json_is_a_400(client_for, user):
    response = client_for(user).post(reverse("push:subscribe"), data="{", content_type="application/json")
    assert response.status_code == 400


def test_turning_push_on_from_the_browser_adds_this_device(client_for, user):
    subscription = Subscriber().subscription("https://updates.push.services.mozilla.com/wpush/v2/abc")
    client = client_for(user)
    response = client.post(reverse("push:subscribe"), data=json.dumps(subscription), content_type="application/json",
                           HTTP_USER_AGENT="Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0")
    assert response.status_code == 201
    device = PushDevice.objects.get(owner=user)
    assert device.name == "Firefox · Android"
    assert device.endpoint == subscription["endpoint"]
    page = client.get(reverse("push:devices")).content.decode()
    assert "Firefox · Android" in page and "not notified yet" in page
    # Subscribing again from the same browser does not make a second device.
    client.post(reverse("push:subscribe"), data=json.dumps(subscription), content_type="application/json")
    assert PushDevice.objects.filter(owner=user).count() == 1


def test_a_browser_moves_to_whoever_turns_push_on_there(user, other_user):
    subscriber = Subscriber()
    device_for(user, endpoint="https://push.example/shared", subscriber=subscriber)
    device_for(other_user, endpoint="https://push.example/shared", subscriber=subscriber)
    assert not selectors.reachable(user=user)
    assert selectors.reachable(user=other_user)


def test_the_push_address_is_encrypted_at_rest(user):
    from django.db import connection

    device_for(user, endpoint="https://push.example/very-own-address")
    with connection.cursor() as cursor:
        cursor.execute("SELECT endpoint, p256dh, auth FROM push_pushdevice")
        stored = cursor.fetchone()
    assert "very-own-address" not in stored[0]
    assert all(value.startswith("enc:") or "very-own" not in value for value in stored)


def test_removing_a_device(client_for, user):
    device = device_for(user)
    response = client_for(user).post(reverse("push:remove", args=[device.pk]))
    assert response.status_code == 302
    assert not PushDevice.objects.exists()
    assert client_for(user).post(reverse("push:remove", args=[device.pk])).status_code == 404


def test_someone_else_cannot_remove_my_device(client_for, user, other_user):
    device = device_for(user)
    assert client_for(other_user).post(reverse("push:remove", args=[device.pk])).status_code == 404
    assert PushDevice.objects.filter(pk=device.pk).exists()


def test_the_devices_page_works_without_javascript_and_is_linked_from_settings(client_for, user):
    client = client_for(user)
    settings_page = client.get(reverse("accounts:settings")).content.decode()
    assert reverse("push:devices") in settings_page
    page = client.get(reverse("push:devices")).content.decode()
    assert "needs JavaScript" in page and "None yet." in page
    assert f'data-key="{keys.application_server_key()}"' in page


def test_the_devices_page_in_spanish(client_for, user):
    user.language = "es"
    user.save()
    page = client_for(user).get(reverse("push:devices")).content.decode()
    assert "Avisos en tus dispositivos" in page


def test_devices_are_in_my_data_and_go_with_my_account(user):
    device_for(user)
    section = export_for(user)["push_devices"]
    assert section["devices"][0]["name"] == "Chrome · Android"
    assert "endpoint" not in json.dumps(section)
    user.delete()
    assert not PushDevice.objects.exists()


def test_the_public_key_is_the_uncompressed_point_browsers_ask_for():
    raw = keys.vapid().public_key.public_bytes(
        __import__("cryptography.hazmat.primitives.serialization", fromlist=["x"]).Encoding.X962,
        __import__("cryptography.hazmat.primitives.serialization", fromlist=["x"]).PublicFormat.UncompressedPoint)
    import base64

    decoded = base64.urlsafe_b64decode(keys.application_server_key() + "=")
    assert decoded == raw and len(decoded) == 65 and decoded[0] == 4


def test_a_key_from_the_environment_is_used(monkeypatch, tmp_path, settings):
    from kinwell.push.keys import generate_vapid_private_key

    settings.VAR_DIR = tmp_path
    value = generate_vapid_private_key()
    monkeypatch.setenv(keys.ENV_NAME, value)
    keys.vapid.cache_clear()
    try:
        assert keys.vapid().private_key.private_numbers() == Vapid02.from_string(value).private_key.private_numbers()
        assert not (tmp_path / "vapid_private_key").exists()
    finally:
        keys.vapid.cache_clear()


def test_without_a_key_one_is_generated_into_var_once(monkeypatch, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv(keys.ENV_NAME, raising=False)
    keys.vapid.cache_clear()
    try:
        first = keys.application_server_key()
        keys.vapid.cache_clear()
        assert keys.application_server_key() == first
        assert (tmp_path / "vapid_private_key").stat().st_mode & 0o777 == 0o600
    finally:
        keys.vapid.cache_clear()


@pytest.mark.parametrize("agent, name", [
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1",
     "Safari · iPhone"),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0", "Edge · Windows"),
    ("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox · Linux"),
    ("curl/8.0", ""),
])
def test_device_names(agent, name):
    assert device_name(agent) == name
