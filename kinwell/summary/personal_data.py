from django.utils.translation import gettext_lazy as _

from kinwell.core.personal_data import register_section
from kinwell.summary.models import Summary


@register_section(
    "clinician_summaries",
    describes=_(
        "The summaries you made for a clinician, their private links and each visit to them."
    ),
)
def summaries_section(user) -> dict | None:
    """Each summary as chosen, its links (never the token: only its fingerprint was kept)
    and every visit to them."""
    summaries = Summary.objects.filter(owner=user).prefetch_related("links__log_entries").order_by("made_at", "id")
    if not summaries:
        return None
    return {
        "summaries": [
            {
                "id": summary.pk,
                "made_at": summary.made_at,
                "start": summary.start,
                "end": summary.end,
                "questionnaires": list(summary.instruments),
                "trends": summary.trends,
                "support_plan": summary.plan,
                "signs": summary.signs,
                "check_in_notes": list(summary.note_ids),
                "links": [
                    {
                        "id": link.pk,
                        "label": link.label,
                        "made_at": link.made_at,
                        "expires_at": link.expires_at,
                        "revoked_at": link.revoked_at,
                        "views": [entry.viewed_at for entry in sorted(link.log_entries.all(), key=lambda e: e.viewed_at)],
                    }
                    for link in summary.links.all()
                ],
            }
            for summary in summaries
        ]
    }
