from django.utils.translation import gettext_lazy as _

from kinwell.core.personal_data import register_section
from kinwell.moderation.models import Report, Sanction


@register_section("moderation", describes=_("The reports you made, and any warning or pause a moderator gave you."))
def moderation_section(user) -> dict:
    """What the person reported, and any warning or suspension they were given."""
    return {
        "reports_i_made": [
            {"about": f"{report.target_type} {report.target_id}", "reason": report.reason, "note": report.note,
             "status": report.status, "sent": report.created_at}
            for report in Report.objects.filter(reporter=user)
        ],
        "warnings_and_suspensions": [
            {"kind": sanction.kind, "message": sanction.note, "given": sanction.created_at, "until": sanction.until}
            for sanction in Sanction.objects.filter(user=user)
        ],
    }
