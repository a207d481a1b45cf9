"""Believable demo people and circles. Safe to run again: it updates in place.

Every demo person signs in with the password `kinwell-demo`. Features add their
own demo data here as they land.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from kinwell.circles import services as circle_services
from kinwell.circles.models import Boundary, Circle, DataKind, Membership
from kinwell.connect import demo as connect_demo

DEMO_PASSWORD = "kinwell-demo"

PEOPLE = [
    # email, display name, time zone, language
    ("maya@example.com", "Maya", "America/Chicago", "en"),
    ("jordan@example.com", "Jordan", "America/Chicago", "en"),
    ("ana@example.com", "Ana", "America/Los_Angeles", "es"),
    ("luis@example.com", "Luis", "America/Los_Angeles", "es"),
    ("sofia@example.com", "Sofía", "America/New_York", "en"),
    ("sam@example.com", "Sam", "America/New_York", "en"),
]

CIRCLES = [
    {
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
        "name": "The Riveras",
        "kind": "family",
        "owner": "ana@example.com",
        "members": ["luis@example.com", "sofia@example.com"],
        "sharing": {
            "ana@example.com": [DataKind.CHECKIN_MOOD],
            "luis@example.com": [DataKind.CHECKIN_MOOD, DataKind.SAFETY_PLAN],
            "sofia@example.com": [],
        },
        "boundaries": {
            "sofia@example.com": ["I'll text when I'm ready to talk. Please don't call during exams."],
        },
        "space": {"sofia@example.com": 10},
    },
    {
        "name": "Thursday friends",
        "kind": "friends",
        "owner": "sam@example.com",
        "members": ["maya@example.com", "sofia@example.com"],
        "sharing": {"sam@example.com": [DataKind.CHECKIN_MOOD], "maya@example.com": [DataKind.CHECKIN_MOOD]},
        "boundaries": {"sam@example.com": ["Checking in is welcome; advice only if I ask for it."]},
    },
]


class Command(BaseCommand):
    help = "Create or refresh the demo people and circles (password: kinwell-demo)."

    @transaction.atomic
    def handle(self, *args, **options):
        User = get_user_model()
        people = {}
        for email, name, zone, language in PEOPLE:
            person, _created = User.objects.get_or_create(
                email=email, defaults={"display_name": name, "time_zone": zone, "language": language}
            )
            person.display_name, person.time_zone, person.language = name, zone, language
            person.set_password(DEMO_PASSWORD)
            person.save()
            people[email] = person

        for spec in CIRCLES:
            owner = people[spec["owner"]]
            circle = Circle.objects.filter(name=spec["name"], memberships__user=owner).first()
            if circle is None:
                circle = circle_services.create_circle(owner=owner, name=spec["name"], kind=spec["kind"])
            for email in spec["members"]:
                Membership.objects.get_or_create(circle=circle, user=people[email])
            for email, kinds in spec.get("sharing", {}).items():
                circle_services.update_sharing(user=people[email], circle=circle, kinds={k.value for k in kinds})
            for email, texts in spec.get("boundaries", {}).items():
                Boundary.objects.filter(membership__circle=circle, membership__user=people[email]).delete()
                for text in texts:
                    circle_services.add_boundary(user=people[email], circle=circle, text=text)
            for email, days in spec.get("space", {}).items():
                circle_services.set_space(
                    user=people[email], circle=circle, paused=True, until=timezone.localdate() + timedelta(days=days)
                )

        from kinwell.checkins.demo import load_demo_checkins

        checkins = load_demo_checkins(people=people)

        from kinwell.screening.demo import load as load_screening

        load_screening(people)
        connect_demo.load(people=people)

        from kinwell.talk.demo import add_demo_data as add_talk_demo

        add_talk_demo(people=people)

        from kinwell.directory.demo import load_demo_directory

        self.stdout.write(load_demo_directory())
        from kinwell.library.demo import load_demo as load_library_demo

        load_library_demo(people)
        from kinwell.support.demo import load_demo_plan

        load_demo_plan(people)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(people)} people, {len(CIRCLES)} circles, {checkins} check-ins."))
        self.stdout.write(f"Sign in as any of {', '.join(people)} with the password '{DEMO_PASSWORD}'.")
