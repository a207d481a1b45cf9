"""What every API endpoint that takes free text reports back about it.

The assessment comes from the screened service (`kinwell.safety.screened`); this module
only puts it in API terms and never reads the text itself."""

from django.urls import reverse
from ninja import Schema

from kinwell.safety.detector import Assessment


class SafetyOut(Schema):
    """What the safety check noticed in the text just sent; clients show crisis help
    when the level is "concern" or "urgent" (resources at help_url)."""

    level: str
    reasons: list[str]
    help_url: str

    @classmethod
    def of(cls, assessment: Assessment) -> "SafetyOut":
        return cls(**assessment.to_dict(), help_url=reverse("core:help_now"))
