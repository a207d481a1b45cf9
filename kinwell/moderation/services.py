"""Every write to reports, sanctions and the audit trail.

Reporting is open to any signed-in person for content they can see. Moderating is for
operators (staff) only, and every moderator action writes a ModerationAction row."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.core.errors import Conflict, NotAllowed, NotFound, ServiceError
from kinwell.moderation import registry
from kinwell.moderation.models import ModerationAction, Report, ReportReason, Sanction
from kinwell.safety.screened import screens

NOTE_MAX_LENGTH = 1000
REPORTS_PER_DAY = 20
# When this many different people report the same thing, it waits for a moderator.
HOLD_AFTER_REPORTERS = 3
SUSPENSION_DAYS = (1, 365)


class TooManyReports(ServiceError):
    status = 429


@screens("note", author="reporter")
@transaction.atomic
def report(*, reporter, target_type: str, target_id, reason: str, note: str = "") -> Report:
    reportable, target = registry.find_target(target_type, target_id)
    target_id = str(target.pk)  # one spelling of each id, however it was asked for
    if reportable.visible_to is not None and not reportable.visible_to(target, reporter):
        raise NotFound(_("That was not found. It may have been removed already."))
    if reason not in ReportReason.values:
        raise ServiceError(_("Choose why you are reporting this."))
    note = (note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ServiceError(_("Keep the note under %(max)s characters.") % {"max": NOTE_MAX_LENGTH})
    existing = Report.objects.filter(
        target_type=target_type, target_id=target_id, reporter=reporter, status=Report.Status.OPEN
    ).first()
    if existing is not None:
        # Reporting twice changes nothing; the person still gets their confirmation.
        return existing
    if Report.objects.filter(reporter=reporter, created_at__gte=timezone.now() - timedelta(days=1)).count() >= REPORTS_PER_DAY:
        raise TooManyReports(_("You have sent many reports today. Thank you; our moderators will get to them. You can report more tomorrow."))
    created = Report.objects.create(
        target_type=target_type, target_id=target_id, reporter=reporter, reason=reason, note=note
    )
    reporters = (
        Report.objects.filter(target_type=target_type, target_id=target_id, status=Report.Status.OPEN)
        .values("reporter")
        .distinct()
        .count()
    )
    if reporters == HOLD_AFTER_REPORTERS and reportable.hold is not None:
        reportable.hold(target)
        _audit(actor=None, action=ModerationAction.Action.AUTO_HOLD, reportable=reportable, target=target)
    return created


def _audit(*, actor, action, reportable, target, target_id=None, summary=None, subject=None, note="") -> ModerationAction:
    return ModerationAction.objects.create(
        actor=actor,
        action=action,
        target_type=reportable.type_name,
        target_id=str(target_id if target_id is not None else target.pk),
        target_summary=(summary if summary is not None else reportable.summary(target))[:200],
        subject=subject if subject is not None else (reportable.author(target) if target is not None else None),
        note=note,
    )


def _resolve_reports(type_name: str, target_id) -> int:
    target_id = str(target_id)
    return Report.objects.filter(target_type=type_name, target_id=target_id, status=Report.Status.OPEN).update(
        status=Report.Status.RESOLVED, resolved_at=timezone.now()
    )


ACTIONS = ("approve", "hide", "delete", "dismiss", "warn", "suspend")


@transaction.atomic
def moderate(*, actor, target_type: str, target_id, action: str, note: str = "", days: int | None = None) -> ModerationAction:
    """Act on reported or held content (approve, hide, delete, dismiss its reports) or on
    its author's account (warn, suspend)."""
    if not (actor.is_authenticated and actor.is_staff):
        raise NotAllowed(_("Only moderators can do that."))
    if action not in ACTIONS:
        raise ServiceError(_("Choose what to do."))
    note = (note or "").strip()[:NOTE_MAX_LENGTH]
    reportable = registry.get(target_type)
    target = reportable.find(target_id)
    if target is None:
        if action != "dismiss":
            raise NotFound(_("That was not found. It may have been removed already."))
        _resolve_reports(target_type, target_id)
        return _audit(actor=actor, action=action, reportable=reportable, target=None, target_id=target_id,
                      summary=_("(already removed)"), note=note)
    author = reportable.author(target)
    summary = reportable.summary(target)
    if action == "approve":
        reportable.approve(target)
        _resolve_reports(target_type, target_id)
    elif action == "hide":
        reportable.hide(target)
        _resolve_reports(target_type, target_id)
    elif action == "delete":
        reportable.delete(target)
        _resolve_reports(target_type, target_id)
    elif action == "dismiss":
        _resolve_reports(target_type, target_id)
    elif author is None:
        raise Conflict(_("This has no author account to act on."))
    elif action == "warn":
        if not note:
            raise ServiceError(_("Write the message the person will see with the warning."))
        Sanction.objects.create(user=author, kind=Sanction.Kind.WARNING, note=note, created_by=actor)
    elif action == "suspend":
        low, high = SUSPENSION_DAYS
        if days is None or not low <= days <= high:
            raise ServiceError(_("A suspension lasts from %(low)s to %(high)s days.") % {"low": low, "high": high})
        Sanction.objects.create(
            user=author, kind=Sanction.Kind.SUSPENSION, note=note, created_by=actor,
            until=timezone.now() + timedelta(days=days),
        )
        note = f"{days} d. {note}".strip()
    return _audit(actor=actor, action=action, reportable=reportable, target=None, target_id=target_id,
                  summary=summary, subject=author, note=note)

