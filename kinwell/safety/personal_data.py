from kinwell.core.personal_data import register_section
from kinwell.safety.models import SafetyPlan


@register_section("safety_plan")
def safety_plan_section(user) -> dict | None:
    plan = SafetyPlan.objects.filter(owner=user).select_related("crisis_contact").first()
    if plan is None:
        return None
    return {
        **{name: getattr(plan, name) for name in SafetyPlan.SECTIONS},
        "crisis_contact": plan.crisis_contact.display_name if plan.crisis_contact else None,
        "crisis_message": plan.crisis_message,
        "tell_without_asking": plan.tell_without_asking,
        "updated": plan.updated_at,
    }
