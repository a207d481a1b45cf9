"""Reads for the safety layer."""

from django.utils import timezone

from kinwell.safety.models import Declined, SafetyPlan


def automatic_messages_paused(*, owner) -> bool:
    """True while nothing automatic may tell anyone about this person (see
    SafetyPlan.automatic_paused_until)."""
    return SafetyPlan.objects.filter(owner=owner, automatic_paused_until__gt=timezone.now()).exists()


def declined_ids(*, owner, role: str) -> set[int]:
    """People who said no to being this person's contact or supporter (role of Declined)."""
    return set(Declined.objects.filter(owner=owner, role=role).values_list("person_id", flat=True))


def declined(*, owner, role: str):
    """The same, to show the person who said no and when."""
    return Declined.objects.filter(owner=owner, role=role).select_related("person")
