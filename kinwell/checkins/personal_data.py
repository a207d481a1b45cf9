from django.utils.translation import gettext_lazy as _

from kinwell.checkins.models import CheckIn, CheckInImport, CheckInResponse, ReminderSettings, SignNudge, SignSettings
from kinwell.checkins.exporting import checkin_record
from kinwell.core.personal_data import register_section


@register_section(
    "checkins",
    describes=_(
        "Your check-ins with their notes, the reactions people sent you and those you sent, your signs "
        "settings, the gentle notes and your reminder."
    ),
)
def checkins_section(user) -> dict:
    checkins = CheckIn.objects.filter(owner=user).prefetch_related("responses__author").order_by("day", "recorded_at")
    settings_row = SignSettings.objects.filter(user=user).first()
    reminder = ReminderSettings.objects.filter(user=user).first()
    return {
        "checkins": [
            {
                **checkin_record(checkin),
                "source": checkin.source,
                "responses": [
                    {"from": response.author.display_name, "reaction": response.reaction, "message": response.message,
                     "at": response.created_at}
                    for response in checkin.responses.all()
                ],
            }
            for checkin in checkins
        ],
        "responses_i_sent": [
            {"to": response.checkin.owner.display_name, "reaction": response.reaction, "message": response.message,
             "at": response.created_at}
            for response in CheckInResponse.objects.filter(author=user).select_related("checkin__owner")
        ],
        "sign_settings": None if settings_row is None else {
            "nudges_on": settings_row.nudges_on,
            "streak_rule_on": settings_row.streak_rule_on,
            "tell_supporters": settings_row.tell_supporters,
            "supporters": [person.display_name for person in settings_row.supporters.all()],
        },
        "signs": [
            {"rule": nudge.rule, "since": nudge.since, "details": nudge.details, "appeared": nudge.created_at,
             "dismissed": nudge.dismissed_at}
            for nudge in SignNudge.objects.filter(owner=user)
        ],
        "reminder": None if reminder is None else {
            "enabled": reminder.enabled, "local_time": reminder.local_time.isoformat(), "snoozed_until": reminder.snoozed_until,
        },
        # The files themselves are not kept once read: what each import did is.
        "imports": [
            {"format": job.format, "status": job.status, "started": job.created_at, "finished": job.finished_at,
             "outcome": job.outcome}
            for job in CheckInImport.objects.filter(owner=user).defer("upload")
        ],
    }
