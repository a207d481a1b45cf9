from django.utils.translation import gettext_lazy as _

from kinwell.core.personal_data import register_section
from kinwell.support.models import SupportPlan, TrustedMessage


@register_section(
    "support_plan",
    describes=_(
        "Your support plan: your answers, its steps, the plans you build with someone and the messages "
        "you sent from it."
    ),
)
def support_plan_section(user) -> dict:
    plan = SupportPlan.objects.filter(owner=user).first()
    joint = SupportPlan.objects.filter(partner=user)
    return {
        "plan": None if plan is None else {
            "answers": plan.answers,
            "in_own_words": plan.in_own_words,
            "used_what_kinwell_knows": plan.use_what_kinwell_knows,
            "what_kinwell_knew": plan.signals,
            "made": plan.made_at,
            "follow_up_on": plan.follow_up_on,
            "built_together_with": plan.partner.display_name if plan.partner else None,
            "steps": [{"pathway": s.pathway, "step": s.key or s.own_text, "kind": s.kind, "link": s.link,
                       "done": s.done_at} for s in plan.steps.all()],
        },
        "my_answers_in_plans_built_together": [
            {"with": shared.owner.display_name, "answers": shared.partner_answers} for shared in joint],
        "messages_sent": [{"to": m.recipient.display_name, "text": m.text, "shared_link": m.about_service,
                           "sent": m.sent_at} for m in TrustedMessage.objects.filter(sender=user)
                          .select_related("recipient")],
    }
