"""What every API endpoint that saves free text reports back about it."""

from django.urls import reverse
from ninja import Schema

from kinwell.safety.services import assess_free_text


class SafetyOut(Schema):
    """What the safety check noticed in the text just saved; clients show crisis help
    when the level is "concern" or "urgent" (resources at help_url)."""

    level: str
    reasons: list[str]
    help_url: str


def safety_report(*, author, text: str) -> dict:
    """Assess text that was just saved (the one safety entry point) and say so in API terms."""
    return {**assess_free_text(author=author, text=text).to_dict(), "help_url": reverse("core:help_now")}
