from kinwell.core.personal_data import register_section
from kinwell.notifications.models import PendingNotice, Preferences


@register_section("notifications")
def notifications_section(user) -> dict:
    row = Preferences.objects.filter(user=user).first()
    return {
        "preferences": None if row is None else {
            "channels": row.channels,
            "quiet_from": row.quiet_from,
            "quiet_until": row.quiet_until,
            "digest": row.digest,
        },
        "notices": [
            {"notice": notice.notice, "line": notice.line, "url": notice.url, "channel": notice.channel,
             "created": notice.created_at, "sent": notice.sent_at}
            for notice in PendingNotice.objects.filter(user=user).order_by("created_at")
        ],
    }
