"""Reads for the safety layer."""

from django.utils import timezone

from kinwell.safety.models import SafetyPlan


def automatic_messages_paused(*, owner) -> bool:
    """True while nothing automatic may tell anyone about this person (see
    SafetyPlan.automatic_paused_until)."""
    return SafetyPlan.objects.filter(owner=owner, automatic_paused_until__gt=timezone.now()).exists()
