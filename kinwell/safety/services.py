"""The safety layer's writes and its response to what a person wrote.

Free text is assessed inside the services that take it (`kinwell.safety.screened`:
`@screens` runs the detector once and answers with `respond_to_assessment` after the
write); views and the API only present what comes back. The text is always saved;
nothing is ever blocked.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles.models import Membership
from kinwell.core.errors import NotFound, ServiceError
from kinwell.safety.detector import Assessment, assess
from kinwell.safety.models import SafetyPlan
from kinwell.safety.selectors import automatic_messages_paused

# How long automatic messages stay paused after someone writes of danger from another
# person: long enough to get through the acute time, short enough not to be forgotten.
AUTOMATIC_PAUSE = timedelta(days=30)

CRISIS_LEVELS = ("concern", "urgent")


# The reason given when an answer (not a text) is what calls for help, e.g. PHQ-9 item 9.
URGENT_ANSWER = "urgent_answer"
URGENT_ANSWER_ASSESSMENT = Assessment(level="urgent", reasons=(URGENT_ANSWER,))


def assess_free_text(*, author, text: str) -> Assessment:
    return respond_to_assessment(author=author, assessment=assess(text or ""))


def respond_to_assessment(*, author, assessment: Assessment) -> Assessment:
    """What the safety layer does about an assessed text, after it is saved: automatic
    messages pause when the danger is someone else; the arranged contact is told when
    the person asked for that and the risk is urgent and their own."""
    if assessment.danger_from_others:
        # The contact, or a supporter picked for signs, may be the very person who is the danger.
        pause_automatic_messages(owner=author)
    elif assessment.level == "urgent" and assessment.self_directed:
        # Only for the writer's own risk: when the worry is for someone else nothing goes.
        _tell_contact_if_arranged(author=author)
    return assessment


def pause_automatic_messages(*, owner) -> None:
    if owner is None or not owner.is_authenticated:
        return
    plan, _created = SafetyPlan.objects.get_or_create(owner=owner)
    plan.automatic_paused_until = timezone.now() + AUTOMATIC_PAUSE
    plan.save(update_fields=["automatic_paused_until", "updated_at"])


def respond_to_urgent_answer(*, author) -> Assessment:
    """For an answer that is urgent in itself (not free text), such as thoughts of being
    better off dead on a questionnaire: the same response as an urgent text, whatever
    else was answered. The caller shows the panel (web) or returns this (API)."""
    _tell_contact_if_arranged(author=author)
    return URGENT_ANSWER_ASSESSMENT


def _tell_contact_if_arranged(*, author) -> None:
    """Tell the chosen contact only if the person arranged "tell them without asking"."""
    if author is None or not author.is_authenticated or automatic_messages_paused(owner=author):
        return
    plan = SafetyPlan.objects.filter(owner=author, tell_without_asking=True, crisis_contact__isnull=False).first()
    if plan is not None:
        try:
            tell_crisis_contact(owner=author)
        except NotFound:
            # The contact has left their circles since. Telling nobody is right, and
            # must never turn a save into an error page in place of the crisis panel.
            pass


def existing_plan(*, owner) -> SafetyPlan:
    """The person's plan, or an unsaved empty one: reading never writes."""
    return SafetyPlan.objects.filter(owner=owner).select_related("crisis_contact").first() or SafetyPlan(owner=owner)


def circle_people_of(*, owner):
    """Everyone who shares a circle with the owner: who the plan can name as a contact."""
    from django.contrib.auth import get_user_model

    circles = Membership.objects.filter(user=owner).values("circle_id")
    return (
        get_user_model()
        .objects.filter(memberships__circle_id__in=circles)
        .exclude(pk=owner.pk)
        .distinct()
        .order_by("display_name")
    )


@transaction.atomic
def update_plan(*, owner, crisis_contact_id: int | None = None, **fields) -> SafetyPlan:
    plan, _created = SafetyPlan.objects.get_or_create(owner=owner)
    unknown = set(fields) - set(SafetyPlan.SECTIONS) - {"crisis_message", "tell_without_asking"}
    if unknown:
        raise ServiceError(_("Unknown part of the safety plan: %(names)s") % {"names": ", ".join(sorted(unknown))})
    for name, value in fields.items():
        setattr(plan, name, value.strip() if isinstance(value, str) else value)
    if crisis_contact_id is None:
        plan.crisis_contact = None
    else:
        contact = circle_people_of(owner=owner).filter(pk=crisis_contact_id).first()
        if contact is None:
            raise ServiceError(_("Choose someone who is in one of your circles."))
        plan.crisis_contact = contact
    if plan.tell_without_asking and plan.crisis_contact is None:
        plan.tell_without_asking = False
    plan.save()
    return plan


def tell_crisis_contact(*, owner) -> SafetyPlan:
    """Send the message the person arranged in their safety plan to the person they chose."""
    plan = SafetyPlan.objects.filter(owner=owner).select_related("crisis_contact").first()
    if plan is None or plan.crisis_contact is None:
        raise NotFound(_("Your safety plan does not name someone to tell yet."))
    if not circle_people_of(owner=owner).filter(pk=plan.crisis_contact_id).exists():
        raise NotFound(_("The person in your safety plan is no longer in your circles."))
    from kinwell.safety.tasks import send_check_on_me

    plan.contact_told_at = timezone.now()
    plan.save(update_fields=["contact_told_at", "updated_at"])
    transaction.on_commit(lambda: send_check_on_me.enqueue(owner_id=owner.pk))
    return plan
