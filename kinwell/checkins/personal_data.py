from kinwell.checkins.models import CheckIn, CheckInResponse, ReminderSettings, SignNudge, SignSettings
from kinwell.core.personal_data import register_section


def checkin_as_dict(checkin: CheckIn) -> dict:
    return {
        "day": checkin.day,
        "recorded_at": checkin.recorded_at,
        "mood": checkin.mood,
        "feelings": list(checkin.feelings or ()),
        "stress": checkin.stress,
        "sleep_hours": float(checkin.sleep_hours) if checkin.sleep_hours is not None else None,
        "energy": checkin.energy,
        "tags": list(checkin.tags or ()),
        "note": checkin.note,
        "wants_support": checkin.wants_support,
        "source": checkin.source,
    }


@register_section("checkins")
def checkins_section(user) -> dict:
    checkins = CheckIn.objects.filter(owner=user).prefetch_related("responses__author").order_by("day", "recorded_at")
    settings_row = SignSettings.objects.filter(user=user).first()
    reminder = ReminderSettings.objects.filter(user=user).first()
    return {
        "checkins": [
            {
                **checkin_as_dict(checkin),
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
    }
