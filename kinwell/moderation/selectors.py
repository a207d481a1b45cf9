"""The moderation queue: everything waiting for a moderator, across every reportable
type: content with open reports, and content held before anyone reported it; and the
sanctions in force on a person."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from kinwell.moderation import registry
from kinwell.moderation.models import ModerationAction, Report, Sanction


def active_suspension(user) -> Sanction | None:
    if user is None or not user.is_authenticated:
        return None
    now = timezone.now()
    return Sanction.objects.filter(
        Q(until__isnull=True) | Q(until__gt=now), user=user, kind=Sanction.Kind.SUSPENSION
    ).first()


def latest_warning(user) -> Sanction | None:
    if user is None or not user.is_authenticated:
        return None
    since = timezone.now() - timedelta(days=30)
    return Sanction.objects.filter(user=user, kind=Sanction.Kind.WARNING, created_at__gte=since).first()


def queue() -> list[dict]:
    reports: dict[tuple[str, str], list[Report]] = {}
    for report in Report.objects.filter(status=Report.Status.OPEN).order_by("created_at", "id"):
        reports.setdefault((report.target_type, report.target_id), []).append(report)
    entries: dict[tuple[str, str], dict] = {}
    for reportable in registry.all_types():
        for target in reportable.waiting() if reportable.waiting else []:
            entries[(reportable.type_name, str(target.pk))] = _entry(reportable, str(target.pk), target, [])
    for (type_name, target_id), found in reports.items():
        key = (type_name, target_id)
        if key in entries:
            entries[key]["reports"] = found
            continue
        try:
            reportable, target = registry.get(type_name), None
            target = reportable.find(target_id)
        except Exception:  # a type no longer registered still shows, so it can be dismissed
            reportable = None
        entries[key] = _entry(reportable, target_id, target, found, type_name=type_name)
    # Signs of crisis first, then whatever has waited longest.
    return sorted(entries.values(), key=lambda entry: (not entry["notes"].get("crisis"), entry["since"]))


def _entry(reportable, target_id, target, reports, type_name=None) -> dict:
    exists = reportable is not None and target is not None
    notes = reportable.notes(target) if exists and reportable.notes else {}
    since = getattr(target, "created_at", None) if exists else None
    if reports:
        since = min(filter(None, [since, reports[0].created_at]))
    author = reportable.author(target) if exists else None
    return {
        "type": reportable.type_name if reportable else type_name,
        "label": reportable.label if reportable else type_name,
        "id": target_id,
        "exists": exists,
        "html": reportable.html(target) if exists else "",
        "url": reportable.url(target) if exists else "",
        "author": author,
        "notes": notes,
        "reports": reports,
        "since": since,
    }


def audit_trail(*, limit: int = 200):
    return ModerationAction.objects.select_related("actor", "subject")[:limit]
