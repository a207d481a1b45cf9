from django.utils.translation import gettext_lazy as _

from kinwell.core.personal_data import register_section
from kinwell.screening.exports import as_data
from kinwell.screening.models import Reminder, Response


@register_section("screening", describes=_("Your questionnaires, with every answer, score and the reminder you set."))
def screening_section(user) -> dict | None:
    responses = Response.objects.filter(owner=user).order_by("started_at", "id")
    reminder = Reminder.objects.filter(owner=user).first()
    if not responses.exists() and reminder is None:
        return None
    return {
        "responses": [as_data(response) for response in responses],
        "reminder": {"instrument": reminder.instrument, "next_due": reminder.next_due} if reminder else None,
    }
