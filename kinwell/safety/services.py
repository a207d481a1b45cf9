"""The safety layer's writes and its response to what a person wrote.

Free text is assessed inside the services that take it (`kinwell.safety.screened`:
`@screens` runs the detector once and answers with `respond_to_assessment` after the
write); views and the API only present what comes back. The text is always saved;
nothing is ever blocked.
"""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.circles.selectors import people_in_circles_with
from kinwell.core.errors import Gone, NotFound, ServiceError
from kinwell.safety.detector import Assessment
from kinwell.safety.models import Declined, SafetyPlan
from kinwell.safety.selectors import automatic_messages_paused, declined_ids

# How long automatic messages stay paused after someone writes of danger from another
# person: long enough to get through the acute time, short enough not to be forgotten.
AUTOMATIC_PAUSE = timedelta(days=30)

CRISIS_LEVELS = ("concern", "urgent")


# The reason given when an answer (not a text) is what calls for help, e.g. PHQ-9 item 9.
URGENT_ANSWER = "urgent_answer"
# An answer that calls for help but not for telling anyone (PHQ-9 item 9 "several days").
ANSWER_OF_CONCERN = "answer_of_concern"
ANSWER_REASONS = (URGENT_ANSWER, ANSWER_OF_CONCERN)


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


def respond_to_urgent_answer(*, author, level: str = "urgent") -> Assessment:
    """For an answer that calls for help in itself (not free text), such as thoughts of
    being better off dead on a questionnaire. "urgent": the same response as an urgent
    text, whatever else was answered. "concern" (such thoughts on several days): help is
    shown, but nothing is sent to anyone. The caller shows the panel (web) or returns
    this (API)."""
    if level == "urgent":
        _tell_contact_if_arranged(author=author)
    return answer_assessment(level)


def answer_assessment(level: str) -> Assessment:
    """What an answer that calls for help reports (the API's `safety`), without acting on it."""
    if level == "urgent":
        return Assessment(level="urgent", reasons=(URGENT_ANSWER,))
    return Assessment(level="concern", reasons=(ANSWER_OF_CONCERN,))


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


@transaction.atomic
def update_plan(*, owner, crisis_contact_id: int | None = None, **fields) -> SafetyPlan:
    plan, _created = SafetyPlan.objects.get_or_create(owner=owner)
    unknown = set(fields) - set(SafetyPlan.SECTIONS) - {"crisis_message", "tell_without_asking"}
    if unknown:
        raise ServiceError(_("Unknown part of the safety plan: %(names)s") % {"names": ", ".join(sorted(unknown))})
    for name, value in fields.items():
        setattr(plan, name, value.strip() if isinstance(value, str) else value)
    before = plan.crisis_contact_id
    if crisis_contact_id is None:
        plan.crisis_contact = None
    else:
        contact = people_in_circles_with(user=owner).filter(pk=crisis_contact_id).first()
        if contact is None:
            raise ServiceError(_("Choose someone who is in one of your circles."))
        if contact.pk in declined_ids(owner=owner, role=Declined.Role.CRISIS_CONTACT):
            raise ServiceError(
                _("%(name)s said they would rather not be your contact. Choose someone else you feel safe with.")
                % {"name": contact.display_name}
            )
        plan.crisis_contact = contact
    if plan.tell_without_asking and plan.crisis_contact is None:
        plan.tell_without_asking = False
    plan.save()
    if plan.crisis_contact_id and plan.crisis_contact_id != before:
        tell_them_they_were_chosen(owner=owner, person_ids=[plan.crisis_contact_id], role=Declined.Role.CRISIS_CONTACT)
    return plan


def tell_crisis_contact(*, owner) -> SafetyPlan:
    """Send the message the person arranged in their safety plan to the person they chose."""
    plan = SafetyPlan.objects.filter(owner=owner).select_related("crisis_contact").first()
    if plan is None or plan.crisis_contact is None:
        raise NotFound(_("Your safety plan does not name someone to tell yet."))
    if not people_in_circles_with(user=owner).filter(pk=plan.crisis_contact_id).exists():
        raise NotFound(_("The person in your safety plan is no longer in your circles."))
    from kinwell.safety.tasks import send_check_on_me

    plan.contact_told_at = timezone.now()
    plan.contact_told = plan.crisis_contact
    plan.save(update_fields=["contact_told_at", "contact_told", "updated_at"])
    transaction.on_commit(lambda: send_check_on_me.enqueue(owner_id=owner.pk))
    return plan


# --- Being chosen, and saying no ---------------------------------------------------------

DECLINE_SALT = "kinwell.safety.decline"


def decline_token(*, owner_id: int, person_id: int, role: str) -> str:
    return signing.dumps({"owner": owner_id, "person": person_id, "role": role}, salt=DECLINE_SALT)


def tell_them_they_were_chosen(*, owner, person_ids, role: str) -> None:
    """A short email to each person newly chosen (crisis contact or signs supporter), with a
    link to say no. Never while automatic messages are paused: after someone wrote of
    danger from another person, nothing goes out on its own, this included."""
    from kinwell.safety.tasks import send_chosen_notice

    if not person_ids or automatic_messages_paused(owner=owner):
        return
    for person_id in person_ids:
        transaction.on_commit(
            lambda person_id=person_id: send_chosen_notice.enqueue(owner_id=owner.pk, person_id=person_id, role=role)
        )


def read_decline_token(token: str) -> dict:
    """The owner, person and role a link to say no was made for (NotFound when tampered)."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=DECLINE_SALT)
    except signing.BadSignature:
        raise NotFound(_("This link is not valid. Please use the link from the email exactly as it is.")) from None
    if not isinstance(data, dict) or data.get("role") not in Declined.Role.values:
        raise NotFound(_("This link is not valid. Please use the link from the email exactly as it is."))
    people = get_user_model().objects.in_bulk([data.get("owner"), data.get("person")])
    owner, person = people.get(data.get("owner")), people.get(data.get("person"))
    if owner is None or person is None:
        raise Gone(_("This no longer applies: the account it was about has been deleted."))
    return {"owner": owner, "person": person, "role": data["role"]}


@transaction.atomic
def decline(*, token: str) -> dict:
    """The chosen person says no: they stop being the contact (or supporter) at once,
    cannot be chosen again for it, and the owner sees that they said no."""
    found = read_decline_token(token)
    owner, person, role = found["owner"], found["person"], found["role"]
    Declined.objects.get_or_create(owner=owner, person=person, role=role)
    if role == Declined.Role.CRISIS_CONTACT:
        SafetyPlan.objects.filter(owner=owner, crisis_contact=person).update(
            crisis_contact=None, tell_without_asking=False, updated_at=timezone.now()
        )
    else:
        from kinwell.checkins.models import SignSettings

        for settings_row in SignSettings.objects.filter(user=owner):
            settings_row.supporters.remove(person)
            if settings_row.tell_supporters and not settings_row.supporters.exists():
                settings_row.tell_supporters = False
                settings_row.save(update_fields=["tell_supporters"])
    return found
