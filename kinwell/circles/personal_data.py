from django.utils.translation import gettext_lazy as _

from kinwell.circles.models import AccessLogEntry, Invitation, Membership, Removal
from kinwell.core.personal_data import register_section


@register_section(
    "circles",
    describes=_(
        "Your circles: what you share with each, taking space, your boundaries, the invitations you "
        "sent, who viewed your data and whose data you viewed."
    ),
)
def circles_section(user) -> dict:
    memberships = Membership.objects.filter(user=user).select_related("circle").prefetch_related(
        "shared_kinds", "boundaries"
    )
    return {
        "memberships": [
            {
                "circle": membership.circle.name,
                "circle_kind": membership.circle.kind,
                "role": membership.role,
                "joined": membership.joined_at,
                "shares": sorted(setting.kind for setting in membership.shared_kinds.all()),
                "taking_space": membership.space_paused,
                "taking_space_until": membership.space_until,
                "taking_space_quietly": membership.space_quiet,
                "boundaries": [boundary.text for boundary in membership.boundaries.all()],
            }
            for membership in memberships
        ],
        "invitations_sent": [
            {
                "circle": invitation.circle.name,
                "email": invitation.email,
                "status": invitation.status,
                "created": invitation.created_at,
                "expires": invitation.expires_at,
            }
            for invitation in Invitation.objects.filter(invited_by=user).select_related("circle")
        ],
        "who_viewed_my_data": [
            {
                "viewer": entry.viewer.display_name if entry.viewer else None,
                "kind": entry.kind,
                "circle": entry.circle.name if entry.circle else None,
                "clinician_link": entry.link_id,
                "viewed_at": entry.viewed_at,
            }
            for entry in AccessLogEntry.objects.filter(owner=user).select_related("viewer", "circle")
        ],
        "data_i_viewed": [
            {
                "owner": entry.owner.display_name,
                "kind": entry.kind,
                "circle": entry.circle.name if entry.circle else None,
                "viewed_at": entry.viewed_at,
            }
            for entry in AccessLogEntry.objects.filter(viewer=user).select_related("owner", "circle")
        ],
        # Kept so coming back to the circle says "no longer in it"; the circle's name only,
        # which the person knew.
        "removed_from": [
            {"circle": removal.circle.name, "removed_at": removal.removed_at}
            for removal in Removal.objects.filter(user=user).select_related("circle")
        ],
    }
