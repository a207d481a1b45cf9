from django.utils.translation import gettext_lazy as _

from kinwell.circles import access
from kinwell.connect.models import Appreciation, CalendarFeed, GratitudeEntry, NudgePreference, PlannedDate, Win
from kinwell.core.personal_data import register_section


@register_section(
    "connect",
    describes=_(
        "Appreciations you sent and received, wins, your gratitude journal, planned time together and "
        "your small-gesture nudges."
    ),
)
def connect_section(user) -> dict:
    preference = NudgePreference.objects.filter(owner=user).first()
    # What someone taking space posted waits until they are back, here as on every page.
    paused = access.hidden_across_circles(viewer=user)
    return {
        "appreciations_sent": [
            {"circle": a.circle.name, "to": a.recipient.display_name, "text": a.text, "sent": a.created_at}
            for a in Appreciation.objects.filter(sender=user).select_related("circle", "recipient")
        ],
        "appreciations_received": [
            {"circle": a.circle.name, "from": a.sender.display_name, "text": a.text, "sent": a.created_at}
            for a in Appreciation.objects.filter(recipient=user).select_related("circle", "sender")
            if (a.circle_id, a.sender_id) not in paused
        ],
        "wins_posted": [
            {"circle": w.circle.name, "about": w.about.display_name if w.about else None, "text": w.text,
             "posted": w.created_at}
            for w in Win.objects.filter(author=user).select_related("circle", "about")
        ],
        "wins_about_me": [
            {"circle": w.circle.name, "by": w.author.display_name, "text": w.text, "posted": w.created_at}
            for w in Win.objects.filter(about=user).exclude(author=user).select_related("circle", "author")
            if (w.circle_id, w.author_id) not in paused
        ],
        "gratitude_journal": [
            {"text": entry.text, "written": entry.created_at} for entry in GratitudeEntry.objects.filter(owner=user)
        ],
        "planned_dates": [
            {
                "circle": plan.circle.name, "with": plan.other_person(user).display_name, "what": plan.title,
                "message": plan.message, "starts": plan.starts_at, "ends": plan.ends_at, "time_zone": plan.time_zone,
                "status": plan.status, "i_proposed": plan.proposer_id == user.pk,
            }
            for plan in (PlannedDate.objects.filter(proposer=user) | PlannedDate.objects.filter(invitee=user))
            .select_related("circle", "proposer", "invitee")
            .distinct()
        ],
        "calendar_feed_on": CalendarFeed.objects.filter(owner=user).exists(),
        "nudges": {"frequency": preference.frequency, "by_email": preference.by_email} if preference else None,
    }
