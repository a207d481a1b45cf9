"""Tests for kinwell/core/management/commands/load_demo_data.py, kinwell/core/demo.py and each app's demo.py.

`make run` refreshes the demo in place whatever the demo people did (issue 16).

The demo is loaded as on a first `make run`, people use it through the real pages and
the API, and the refresh then runs twice, as `make run` would on the next two starts.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from kinwell.accounts.services import create_api_token
from kinwell.circles import services as circle_services
from kinwell.circles.models import Boundary, Circle, Membership
from kinwell.connect.models import Appreciation, PlannedDate, Win
from kinwell.support.models import SupportPlan
from kinwell.talk.models import Conflict, Conversation

pytestmark = pytest.mark.django_db

PASSWORD = "kinwell-demo"

# The table in the README: who owns and who is in each demo circle.
README_CIRCLES = {
    "Maya & Jordan": ("couple", "maya@example.com", {"jordan@example.com"}),
    "The Riveras": ("family", "ana@example.com", {"luis@example.com", "sofia@example.com"}),
    "Thursday friends": ("friends", "sam@example.com", {"maya@example.com", "sofia@example.com"}),
}


def refresh() -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_demo_data", stdout=out, stderr=err)
    assert err.getvalue() == ""
    return out.getvalue()


def signed_in(email: str) -> Client:
    """Signed in through the real login page, as a person trying the demo would."""
    client = Client()
    response = client.post("/accounts/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302, f"{email} could not sign in"
    return client


def demo_circle(name: str) -> Circle:
    circles = Circle.objects.filter(name=name).exclude(demo_key="")
    assert circles.count() == 1, f"expected one demo circle named {name!r}"
    return circles.get()


def assert_demo_as_the_readme_describes() -> None:
    User = get_user_model()
    assert set(User.objects.filter(email__endswith="@example.com").values_list("email", flat=True)) >= {
        "maya@example.com", "jordan@example.com", "ana@example.com", "luis@example.com",
        "sofia@example.com", "sam@example.com",
    }
    assert Circle.objects.exclude(demo_key="").count() == 3
    for name, (kind, owner, members) in README_CIRCLES.items():
        circle = demo_circle(name)
        assert circle.kind == kind
        roles = {m.user.email: m.role for m in circle.memberships.select_related("user")}
        assert roles == {owner: "owner", **{email: "member" for email in members}}
    riveras = demo_circle("The Riveras")
    taking_space = {m.user.email for m in riveras.memberships.select_related("user") if m.is_taking_space()}
    assert taking_space == {"sofia@example.com"}
    couple = demo_circle("Maya & Jordan")
    assert Boundary.objects.filter(membership__circle=couple).count() == 2
    assert Appreciation.objects.filter(circle=couple).count() == 2
    assert Win.objects.filter(circle=couple).count() == 2
    assert PlannedDate.objects.filter(circle=couple).count() == 1
    assert Conversation.objects.filter(circle=couple).count() == 1
    assert Conflict.objects.filter(circle=couple).count() == 1
    plan = SupportPlan.objects.get(owner__email="maya@example.com")
    assert plan.circle_id == couple.pk and plan.partner.email == "jordan@example.com"


def assert_site_serves_the_demo() -> None:
    for email in ("jordan@example.com", "luis@example.com", "sofia@example.com", "sam@example.com"):
        assert signed_in(email).get("/").status_code == 200
    maya = signed_in("maya@example.com")
    assert maya.get("/").status_code == 200
    for name in ("Maya & Jordan", "Thursday friends"):
        circle = demo_circle(name)
        assert maya.get(f"/circles/{circle.pk}/").status_code == 200
    couple = demo_circle("Maya & Jordan")
    for path in (f"/circles/{couple.pk}/talk/", f"/circles/{couple.pk}/together/", "/support-plan/", "/find-help/"):
        assert maya.get(path).status_code == 200, path
    ana = signed_in("ana@example.com")
    assert ana.get(f"/circles/{demo_circle('The Riveras').pk}/").status_code == 200


def test_the_story_in_issue_16_ends_with_the_demo_as_described_and_the_site_serving():
    refresh()  # the first `make run`
    maya = signed_in("maya@example.com")

    # Maya makes circles of her own named like the demo's, of every kind, and invites Jordan to one.
    for kind in ("couple", "family", "friends", "other"):
        response = maya.post("/circles/new/", {"name": "Maya & Jordan", "kind": kind})
        assert response.status_code == 302
    own = Circle.objects.filter(name="Maya & Jordan", demo_key="").order_by("id")
    assert own.count() == 4
    response = maya.post(f"/circles/{own[0].pk}/invite/", {"email": "", "days": 7})
    link = response.context["link"]
    jordan = signed_in("jordan@example.com")
    assert jordan.post(link, {"answer": "accept"}).status_code == 302

    # She renames the demo couple circle (owners can rename; no page offers it yet) ...
    couple = demo_circle("Maya & Jordan")
    circle_services.rename_circle(actor=couple.memberships.get(role="owner").user, circle=couple, name="Us two")
    # ... and leaves Thursday friends.
    friends = demo_circle("Thursday friends")
    assert maya.post(f"/circles/{friends.pk}/leave/").status_code == 302

    # Ana ends The Riveras: she removes Luis and Sofía, then leaves, which ends it.
    ana = signed_in("ana@example.com")
    riveras = demo_circle("The Riveras")
    for member in riveras.memberships.exclude(role="owner"):
        assert ana.post(f"/circles/{riveras.pk}/members/{member.user_id}/remove/").status_code == 302
    assert ana.post(f"/circles/{riveras.pk}/leave/").status_code == 302
    assert not Circle.objects.filter(pk=riveras.pk).exists()

    # Sam hands Thursday friends to Sofía and leaves it.
    sam = signed_in("sam@example.com")
    sofia_id = get_user_model().objects.get(email="sofia@example.com").pk
    assert sam.post(f"/circles/{friends.pk}/owner/", {"new_owner": sofia_id}).status_code == 302
    assert sam.post(f"/circles/{friends.pk}/leave/").status_code == 302

    # Luis deletes his account; Jordan changes his name and password.
    luis = signed_in("luis@example.com")
    assert luis.post("/accounts/data/", {"password": PASSWORD, "confirm": "on"}).status_code == 302
    assert not get_user_model().objects.filter(email="luis@example.com").exists()
    assert jordan.post("/accounts/settings/", {"display_name": "J", "time_zone": "UTC", "language": "en"}).status_code == 302
    response = jordan.post("/accounts/password/", {"old_password": PASSWORD, "new_password1": "another-long-pass-42",
                                                   "new_password2": "another-long-pass-42"})
    assert response.status_code == 302

    # The next two `make run`s.
    assert "Demo data ready" in refresh()
    assert "Demo data ready" in refresh()

    assert_demo_as_the_readme_describes()
    assert_site_serves_the_demo()
    # What Maya made herself is hers and stays as she left it.
    assert Circle.objects.filter(name="Maya & Jordan", demo_key="").count() == 4
    assert set(own[0].memberships.values_list("user__email", flat=True)) == {"maya@example.com", "jordan@example.com"}
    assert demo_circle("Maya & Jordan").pk == couple.pk  # refreshed in place, not made again
    assert demo_circle("Thursday friends").pk == friends.pk
    assert get_user_model().objects.get(email="jordan@example.com").display_name == "Jordan"


def test_hundreds_of_odd_things_made_through_the_api_do_not_stop_the_refresh():
    refresh()
    User = get_user_model()
    people = {email: User.objects.get(email=email) for email in ("maya@example.com", "jordan@example.com",
                                                                  "ana@example.com", "sam@example.com")}
    apis = {}
    for email, person in people.items():
        _token, raw = create_api_token(user=person, name="trying the API")
        apis[email] = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    maya, jordan, ana, sam = (apis[e] for e in people)
    couple, friends = demo_circle("Maya & Jordan"), demo_circle("Thursday friends")
    made = 0

    def post(client, path, payload, expect=(200, 201)):
        nonlocal made
        response = client.post(f"/api/v1{path}", payload, content_type="application/json")
        assert response.status_code in expect, (path, response.status_code, response.content[:300])
        made += 1
        return response.json() if response.content else None

    def put(client, path, payload):
        response = client.put(f"/api/v1{path}", payload, content_type="application/json")
        assert response.status_code == 200, (path, response.content[:300])

    odd_names = ["Maya & Jordan", "The Riveras", "Thursday friends", "  Maya & Jordan  ", "maya & jordan",
                 "Maya &amp; Jordan", "💞 Maya & Jordan 💞", "مايا وجوردان", "M" * 80, "Maya\u200d&\u200dJordan",
                 "<b>Maya</b>", "Robert'); DROP TABLE circles;--", "Maya & Jordan (2)", "Ünïcödé"]
    own_circles = []
    for round_ in range(4):
        for index, name in enumerate(odd_names):
            kind = ("couple", "family", "friends", "other")[(round_ + index) % 4]
            own_circles.append(post(maya, "/circles", {"name": name, "kind": kind})["id"])
    # Jordan joins several of Maya's own couple circles, so Maya has many couples with him.
    couples_with_jordan = [cid for cid in own_circles if Circle.objects.get(pk=cid).kind == "couple"][:6]
    for cid in couples_with_jordan:
        token = post(maya, f"/circles/{cid}/invitations", {"email": "", "days": 7})["token"]
        post(jordan, "/invitations/accept", {"token": token})

    for day in range(1, 121):
        post(maya, "/checkins", {"mood": 1 + day % 5, "day": f"2026-{1 + day % 11:02d}-{1 + day % 28:02d}",
                                 "tags": [f"tag {day % 7}", "🌧️", "Maya & Jordan"], "note": "odd day " * (day % 9)})
    for n in range(40):
        post(maya, f"/together/circles/{couple.pk}/appreciations",
             {"recipient_id": people["jordan@example.com"].pk, "text": f"Thanks #{n} 🙏"})
        post(jordan, f"/together/circles/{couple.pk}/wins", {"text": f"Win {n}"})
    for n in range(10):
        post(maya, f"/talk/circles/{couple.pk}/conversations",
             {"partner_id": people["jordan@example.com"].pk, "topic": f"Evenings, again ({n})"})
        post(jordan, f"/talk/circles/{couple.pk}/conflicts",
             {"people": [people["maya@example.com"].pk], "issue": f"Weekend plans ({n})"})
    for n in range(30):
        post(ana, "/journal/entries", {"text": f"Entry {n}"})
        post(ana, "/journal/goals", {"area": "rest", "title": f"Goal {n}", "note": ""})
        post(sam, "/together/gratitude", {"text": f"Grateful {n}"})
    for n in range(6):
        post(jordan, f"/circles/{couple.pk}/boundaries", {"text": f"Boundary {n}"})
    put(maya, f"/circles/{couple.pk}/sharing", {"kinds": []})
    put(jordan, f"/circles/{couple.pk}/space", {"paused": True, "until": None})
    post(maya, "/support-plan/flow", {})
    plan_id = SupportPlan.objects.get(owner=people["maya@example.com"]).pk
    for n in range(20):
        post(maya, f"/support-plan/{plan_id}/steps", {"text": f"My step {n}"})
    post(maya, "/support-plan/together", {"partner_id": people["jordan@example.com"].pk})
    # Then the demo circles themselves: Maya hands the couple circle to Jordan, Sam ends his.
    put(maya, f"/circles/{couple.pk}/owner", {"user_id": people["jordan@example.com"].pk})
    for member in friends.memberships.exclude(role="owner"):
        response = sam.delete(f"/api/v1/circles/{friends.pk}/members/{member.user_id}")
        assert response.status_code == 204
    post(sam, f"/circles/{friends.pk}/leave", {}, expect=(204,))
    assert made >= 400

    assert "Demo data ready" in refresh()
    assert "Demo data ready" in refresh()

    assert_demo_as_the_readme_describes()
    assert_site_serves_the_demo()
    assert Circle.objects.filter(pk__in=own_circles).count() == len(own_circles)
    assert Membership.objects.filter(circle_id__in=couples_with_jordan, user=people["jordan@example.com"]).count() == 6


def broken_library(folder):
    folder.mkdir()
    (folder / "broken.md").write_text("An article someone saved without its front matter.\n")
    return folder


def test_a_part_that_cannot_be_refreshed_is_named_in_one_line_and_the_rest_is_refreshed(settings, tmp_path):
    from kinwell.checkins.models import CheckIn
    from kinwell.core.management.commands.load_demo_data import DemoNotRefreshed

    settings.LIBRARY_ARTICLES_DIR = broken_library(tmp_path / "articles")
    with pytest.raises(DemoNotRefreshed) as refused:
        call_command("load_demo_data", stdout=io.StringIO())
    line = str(refused.value)
    assert "\n" not in line
    assert "library replies" in line and "broken.md" in line
    # How to start clean depends on where the data lives: var/ for SQLite, DATABASE_URL otherwise.
    from django.db import connection

    how = "remove var/" if connection.vendor == "sqlite" else "empty the database DATABASE_URL names"
    assert how in line and "make run" in line
    # Everything else was refreshed.
    assert Circle.objects.exclude(demo_key="").count() == 3
    assert CheckIn.objects.filter(source="demo").exists()
    assert SupportPlan.objects.filter(owner__email="maya@example.com").exists()


def test_from_the_command_line_a_failed_refresh_is_one_line_and_a_nonzero_exit(tmp_path):
    """What `make run` sees: one line on stderr, no traceback, and an exit status it can
    pass over to start the site anyway."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(KINWELL_VAR_DIR=str(tmp_path / "var"), KINWELL_ARTICLES_DIR=str(broken_library(tmp_path / "articles")))

    def manage(*args):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=root, env=env, capture_output=True,
                              text=True, timeout=300)

    assert manage("migrate", "--no-input").returncode == 0
    result = manage("load_demo_data")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Kinwell could not refresh this part of the demo: library replies")
    assert "Traceback" not in result.stderr
