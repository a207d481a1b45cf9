"""The demo circles, for `manage.py load_demo_data`, refreshed in place.

Each demo circle is found by its `demo_key`, which only this module sets: whatever
the demo people did (named their own circles the same, renamed a demo circle, left
it, ended it, handed it on, invited others), the refresh puts each circle back as the
README describes it and leaves everything else they made alone. Rows are written
directly where the services would refuse on purpose (an owner cannot simply leave).
"""

from datetime import timedelta

from django.utils import timezone

from kinwell.circles import services
from kinwell.circles.models import Boundary, Circle, DataKind, Membership
from kinwell.core.demo import demo_circles

CIRCLES = [
    {
        "key": "couple",
        "name": "Maya & Jordan",
        "kind": "couple",
        "owner": "maya@example.com",
        "members": ["jordan@example.com"],
        "sharing": {
            "maya@example.com": [DataKind.CHECKIN_MOOD, DataKind.CHECKIN_NOTES, DataKind.SUPPORT_PLAN],
            "jordan@example.com": [DataKind.CHECKIN_MOOD],
        },
        "boundaries": {
            "maya@example.com": ["I need 20 minutes to cool down before we talk about money."],
            "jordan@example.com": ["Please ask before making plans for both of us on weekends."],
        },
    },
    {
        "key": "family",
        "name": "The Riveras",
        "kind": "family",
        "owner": "ana@example.com",
        "members": ["luis@example.com", "sofia@example.com"],
        "sharing": {
            "ana@example.com": [DataKind.CHECKIN_MOOD],
            "luis@example.com": [DataKind.CHECKIN_MOOD, DataKind.SAFETY_PLAN],
        },
        "boundaries": {
            "sofia@example.com": ["I'll text when I'm ready to talk. Please don't call during exams."],
        },
        "space": {"sofia@example.com": 10},
    },
    {
        "key": "friends",
        "name": "Thursday friends",
        "kind": "friends",
        "owner": "sam@example.com",
        "members": ["maya@example.com", "sofia@example.com"],
        "sharing": {"sam@example.com": [DataKind.CHECKIN_MOOD], "maya@example.com": [DataKind.CHECKIN_MOOD]},
        "boundaries": {"sam@example.com": ["Checking in is welcome; advice only if I ask for it."]},
    },
]


def refresh_circles(*, people: dict) -> dict[str, Circle]:
    """`people` maps demo emails to users. Returns the demo circles by key."""
    return {spec["key"]: _refresh(spec, people) for spec in CIRCLES}


def _refresh(spec: dict, people: dict) -> Circle:
    circle = Circle.objects.filter(demo_key=spec["key"]).first() or Circle(demo_key=spec["key"])
    circle.name, circle.kind = spec["name"], spec["kind"]
    circle.save()

    roles = {people[spec["owner"]].pk: Membership.Role.OWNER}
    roles.update({people[email].pk: Membership.Role.MEMBER for email in spec["members"]})
    circle.memberships.exclude(user_id__in=roles).delete()
    # The database allows one owner per circle at any moment: demote before promoting.
    circle.memberships.filter(role=Membership.Role.OWNER).exclude(user_id=people[spec["owner"]].pk).update(
        role=Membership.Role.MEMBER
    )
    for user_id, role in roles.items():
        Membership.objects.update_or_create(
            circle=circle, user_id=user_id, defaults={"role": role, "space_paused": False, "space_until": None}
        )

    Boundary.objects.filter(membership__circle=circle).delete()
    for email in [spec["owner"], *spec["members"]]:
        person = people[email]
        kinds = {kind.value for kind in spec.get("sharing", {}).get(email, [])}
        services.update_sharing(user=person, circle=circle, kinds=kinds)
        for text in spec.get("boundaries", {}).get(email, []):
            services.add_boundary(user=person, circle=circle, text=text)
        if email in spec.get("space", {}):
            until = timezone.localdate() + timedelta(days=spec["space"][email])
            services.set_space(user=person, circle=circle, paused=True, until=until)
    return circle


@demo_circles
def _demo_circles(*, people) -> dict[str, Circle]:
    return refresh_circles(people=people)
