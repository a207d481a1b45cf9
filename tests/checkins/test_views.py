import pytest
from tests.factories import UserFactory, CircleFactory, share
from kinwell.circles.models import DataKind

@pytest.mark.django_db
def test_smoke(client_for):
    a, b = UserFactory(), UserFactory()
    c = CircleFactory(owner=a, members=[b])
    share(a, c, DataKind.CHECKIN_MOOD, DataKind.CHECKIN_NOTES)
    ca = client_for(a)
    r = ca.post("/check-ins/new/", {"mood": "2", "feelings": ["sad", "tired"], "stress": "7", "sleep_hours": "5.5", "tags": ["work"], "new_tags": "choir", "note": "rough day", "wants_support": "on"})
    assert r.status_code == 302, r.content.decode()[:3000]
    for url in ["/check-ins/", "/check-ins/trends/?days=7", "/check-ins/trends/?days=365", "/check-ins/settings/", "/check-ins/new/"]:
        r = ca.get(url); assert r.status_code == 200, url
    cb = client_for(b)
    r = cb.get(f"/circles/{c.pk}/check-ins/")
    assert r.status_code == 200 and "rough day" in r.content.decode()
    from kinwell.checkins.models import CheckIn
    ci = CheckIn.objects.get()
    r = cb.post(f"/circles/{c.pk}/check-ins/{ci.pk}/respond/", {"reaction": "thinking_of_you"})
    assert r.status_code == 302
    r = ca.get("/check-ins/")
    assert "Thinking of you" in r.content.decode()
    r = ca.post("/check-ins/new/", {"mood": ""})
    assert r.status_code == 400
