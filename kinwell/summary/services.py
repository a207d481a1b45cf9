"""Every write: making and deleting a summary, making and revoking a clinician link,
and a link being opened (counted and written to the owner's access log)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.checkins.models import CheckIn
from kinwell.circles import access
from kinwell.core.errors import ServiceError
from kinwell.core.localtime import today_for
from kinwell.core.text import clean_name
from kinwell.screening import scoring
from kinwell.summary import selectors
from kinwell.summary.models import (
    DEFAULT_LINK_DAYS, MAX_LINK_DAYS, ClinicianLink, Summary, hash_link_token, new_link_token,
)

PERIODS = (30, 90, 180, 365)
LABEL_MAX_LENGTH = 80


@transaction.atomic
def make_summary(*, owner, days: int, instruments=(), trends: bool = False, plan: bool = False,
                 signs: bool = False, note_ids=()) -> Summary:
    if days not in PERIODS:
        raise ServiceError(_("Choose one of the periods offered."))
    known = scoring.instruments()
    instruments = sorted(set(instruments), key=list(known).index) if set(instruments) <= set(known) else None
    if instruments is None:
        raise ServiceError(_("Choose questionnaires from the list."))
    end = today_for(owner)
    start = end - timedelta(days=days - 1)
    wanted = {int(note_id) for note_id in note_ids}
    found = set(CheckIn.objects.filter(owner=owner, pk__in=wanted, day__gte=start, day__lte=end)
                .exclude(note="").values_list("pk", flat=True))
    if wanted - found:
        # Another person's check-in, or one outside the period: refuse rather than drop it quietly.
        raise ServiceError(_("Pick notes from the list for this period."))
    if not (instruments or trends or plan or signs or found):
        raise ServiceError(_("Choose at least one thing to include."))
    return Summary.objects.create(owner=owner, start=start, end=end, instruments=instruments, trends=trends,
                                  plan=plan, signs=signs, note_ids=sorted(found))


@transaction.atomic
def delete_summary(*, owner, summary_id: int) -> None:
    """Its links stop working at once (they go with it); the access log keeps the visits."""
    selectors.own_summary(owner=owner, summary_id=summary_id).delete()


@transaction.atomic
def make_link(*, owner, summary_id: int, days: int = DEFAULT_LINK_DAYS, label: str = "") -> tuple[ClinicianLink, str]:
    """A new private link; returns it and the token, which is shown once and never stored."""
    summary = selectors.own_summary(owner=owner, summary_id=summary_id)
    if not 1 <= days <= MAX_LINK_DAYS:
        raise ServiceError(_("A link can stay open from 1 to %(most)s days.") % {"most": MAX_LINK_DAYS})
    label = clean_name(label, max_length=LABEL_MAX_LENGTH, allow_empty=True)
    raw = new_link_token()
    link = ClinicianLink.objects.create(summary=summary, label=label, token_hash=hash_link_token(raw),
                                        expires_at=timezone.now() + timedelta(days=days))
    return link, raw


@transaction.atomic
def revoke_link(*, owner, summary_id: int, link_id: int) -> ClinicianLink:
    summary = selectors.own_summary(owner=owner, summary_id=summary_id)
    link = selectors.own_link(owner=owner, summary=summary, link_id=link_id)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


@transaction.atomic
def open_link(*, token: str) -> ClinicianLink | None:
    """The open link behind a token (its summary with it), with this visit counted and
    written to the owner's access log; None for a wrong, expired or revoked token, which
    changes nothing."""
    link = selectors.open_link_for(token)
    if link is None:
        return None
    now = timezone.now()
    ClinicianLink.objects.filter(pk=link.pk).update(views=F("views") + 1, last_viewed_at=now)
    access.record_link_view(link=link)
    return link
