from django.utils.translation import gettext_lazy as _

from kinwell.core.personal_data import register_section
from kinwell.safety.models import Declined, SafetyPlan


@register_section("safety_plan", describes=_("Your safety plan and the contact you chose."))
def safety_plan_section(user) -> dict | None:
    plan = SafetyPlan.objects.filter(owner=user).select_related("crisis_contact").first()
    if plan is None:
        return None
    return {
        **{name: getattr(plan, name) for name in SafetyPlan.SECTIONS},
        "crisis_contact": plan.crisis_contact.display_name if plan.crisis_contact else None,
        "crisis_message": plan.crisis_message,
        "tell_without_asking": plan.tell_without_asking,
        "contact_last_told": plan.contact_told_at,
        "automatic_messages_paused_until": plan.automatic_paused_until,
        "updated": plan.updated_at,
    }


@register_section("said_no", describes=_("Who said no to being your contact or supporter, and to whom you said no."))
def said_no_section(user) -> dict | None:
    """Who said no to being this person's contact or supporter, and to whom they said no."""
    to_me = Declined.objects.filter(owner=user).select_related("person")
    by_me = Declined.objects.filter(person=user).select_related("owner")
    if not to_me and not by_me:
        return None
    return {
        "people_who_said_no_to_me": [
            {"name": row.person.display_name, "role": row.role, "on": row.declined_at} for row in to_me
        ],
        "i_said_no_to": [{"name": row.owner.display_name, "role": row.role, "on": row.declined_at} for row in by_me],
    }
