"""Reads for the safety layer."""

from django.utils import timezone

from kinwell.safety.models import Declined, SafetyPlan


def existing_plan(*, owner) -> SafetyPlan:
    """The person's plan, or an unsaved empty one: reading never writes."""
    return SafetyPlan.objects.filter(owner=owner).select_related("crisis_contact").first() or SafetyPlan(owner=owner)


def contacts_to_choose_from(*, owner):
    """The people the plan can name: in the owner's circles, and not someone who said no."""
    from kinwell.circles.selectors import people_in_circles_with

    return people_in_circles_with(user=owner).exclude(
        pk__in=declined_ids(owner=owner, role=Declined.Role.CRISIS_CONTACT))


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


def member_plan(*, viewer, circle_id, user_id):
    """A member's safety plan when they share it with this circle (the view is logged):
    (opened, plan or None)."""
    from django.utils.translation import gettext as _

    from kinwell.circles import access
    from kinwell.circles.models import DataKind

    opened = access.open_member(viewer=viewer, circle_id=circle_id, user_id=user_id, kind=DataKind.SAFETY_PLAN,
                                refusal=_("This safety plan is not shared with you."))
    return opened, SafetyPlan.objects.filter(owner=opened.owner).first()
