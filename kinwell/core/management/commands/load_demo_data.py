"""Believable demo people and circles. Safe to run again: it refreshes them in place.

Every demo person signs in with the password `kinwell-demo`. The demo finds its own
things by keys nobody can reuse (the people's emails, the circles' `demo_key`), never
by names. Each part is refreshed on its own: if one cannot be (something nobody
foresaw), the others still are, and the command says in one line what was left as it
was and how to start clean, so `make run` can serve the site anyway.
"""

import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from kinwell.core import demo

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


class DemoNotRefreshed(Exception):
    """Some parts of the demo could not be refreshed; the message is the one line to show."""


def refresh_people() -> dict:
    """The demo people by email, back as described even if one deleted their account,
    renamed themselves, changed their password or got locked out."""
    from axes.utils import reset as reset_lockout

    User = get_user_model()
    people = {}
    for email, name, zone, language in PEOPLE:
        person = User.objects.filter(email=email).first() or User(email=email)
        person.display_name, person.time_zone, person.language, person.is_active = name, zone, language, True
        person.set_password(DEMO_PASSWORD)
        person.save()
        reset_lockout(username=email)
        people[email] = person
    return people


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:160]}" if text else type(error).__name__


class Command(BaseCommand):
    help = "Create or refresh the demo people and circles (password: kinwell-demo)."

    def run_from_argv(self, argv):
        # One plain line instead of a traceback: `make run` goes on to serve the site.
        try:
            super().run_from_argv(argv)
        except DemoNotRefreshed as problem:
            sys.stderr.write(f"{problem}\n")
            sys.exit(1)

    def handle(self, *args, **options):
        demo.discover()  # each app's demo.py registers its part (kinwell/core/demo.py)
        failed, counted, circles = [], [], {}
        with transaction.atomic():
            try:
                with transaction.atomic():
                    people = refresh_people()
                    circles = demo.refresh_circles(people=people)
            except Exception as error:  # noqa: BLE001  (anything: the line below names it)
                failed.append(("the people and circles, and so everything else", error))
            else:
                for part in demo.parts():
                    try:
                        with transaction.atomic():
                            result = part.refresh(people=people, circles=circles)
                    except Exception as error:  # noqa: BLE001
                        failed.append((part.label, error))
                        continue
                    if part.counts:
                        counted.append(f"{result} {part.counts}")
                    elif isinstance(result, str):
                        self.stdout.write(result)
        if failed:
            raise DemoNotRefreshed(self._failure_line(failed))
        self.stdout.write(self.style.SUCCESS(
            f"Demo data ready: {', '.join([f'{len(people)} people', f'{len(circles)} circles', *counted])}."))
        self.stdout.write(f"Sign in as any of {', '.join(people)} with the password '{DEMO_PASSWORD}'.")

    def _failure_line(self, failed: list) -> str:
        parts = "; ".join(f"{label} ({_reason(error)})" for label, error in failed)
        which = "this part" if len(failed) == 1 else "these parts"
        if "sqlite" in settings.DATABASES["default"]["ENGINE"]:
            var_dir = settings.VAR_DIR
            if var_dir.is_relative_to(settings.BASE_DIR):
                var_dir = var_dir.relative_to(settings.BASE_DIR)
            clean = f"stop it, remove {var_dir}/ (this deletes the local database) and run make run again"
        else:
            clean = "stop it, empty the database DATABASE_URL names, and run make run again"
        return (
            f"Kinwell could not refresh {which} of the demo: {parts}. "
            f"The site starts anyway with what is there; to start clean, {clean}."
        )
