"""Check-in imports in the background: the page queues the file, the worker imports it.

A 20,000-row file takes tens of seconds to read and save, too long for a web request
(a proxy gives up, the person reloads and sends it again). The upload is kept in the
database, encrypted, so whichever app server took it and whichever machine runs the
worker, the worker can read it. The import itself is unchanged: all or nothing, in one
transaction (`import_services.import_checkins`). Progress is written while the file is
read, outside that transaction, so the person's page can show it; saving is one step.
"""

import base64
import time

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinwell.checkins import import_services
from kinwell.checkins.models import CheckInImport
from kinwell.core.encryption import decrypt_text, encrypt_text
from kinwell.core.errors import NotFound, ServiceError
from kinwell.safety.reasons import Assessment

# Progress is written at most this often: a row per update would slow the import itself.
PROGRESS_INTERVAL_SECONDS = 0.5


def queue_import(*, owner, format: str, data: bytes) -> CheckInImport:
    """Keep the file for the worker and queue its import; the returned row's page follows it.
    Queued in the same transaction as the row, so neither exists without the other."""
    from kinwell.checkins.tasks import import_checkin_file

    import_services.refuse_if_too_big(size=len(data), format=format)
    if format not in import_services.FORMAT_LABELS:
        raise ServiceError(str(import_services.PROBLEMS["unknown_format"]))
    with transaction.atomic():
        job = CheckInImport.objects.create(
            owner=owner, format=format, upload=encrypt_text(base64.b64encode(data).decode("ascii"))
        )
        import_checkin_file.enqueue(import_id=job.pk)
    return job


def run_import(*, import_id: int) -> None:
    """The worker's part. Claims the job (a second worker given the same job does nothing),
    reads the file, clears it, imports, and keeps the outcome."""
    claimed = CheckInImport.objects.filter(pk=import_id, status=CheckInImport.Status.QUEUED).update(
        status=CheckInImport.Status.READING
    )
    if not claimed:
        return
    job = CheckInImport.objects.select_related("owner").get(pk=import_id)
    data = base64.b64decode(decrypt_text(job.upload)) if job.upload else b""
    CheckInImport.objects.filter(pk=job.pk).update(upload="")
    last = [0.0]

    def progress(done, total):
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL_SECONDS:
            last[0] = now
            CheckInImport.objects.filter(pk=job.pk).update(rows_done=done, rows_total=total)

    def saving(count):
        CheckInImport.objects.filter(pk=job.pk).update(
            status=CheckInImport.Status.SAVING, rows_done=count, rows_total=count
        )

    # The worker has no request: the outcome is worded in the person's own language.
    with translation.override(job.owner.language or "en"):
        try:
            imported = import_services.import_checkins(
                owner=job.owner, format=job.format, data=data, progress=progress, saving=saving
            )
        except ServiceError as problem:
            CheckInImport.objects.filter(pk=job.pk).update(
                status=CheckInImport.Status.FAILED, finished_at=timezone.now(), outcome={"problem": problem.message}
            )
            return
    summary = imported.value
    CheckInImport.objects.filter(pk=job.pk).update(
        status=CheckInImport.Status.DONE, finished_at=timezone.now(),
        outcome={
            "imported": summary.imported, "already_there": summary.already_there,
            "skipped": [[item.line, item.reason] for item in summary.skipped],
            "older_note_of_concern": summary.older_note_of_concern,
        },
        safety_level=imported.safety.level, safety_reasons=list(imported.safety.reasons),
    )


def own_import(*, owner, import_id: int) -> CheckInImport:
    job = CheckInImport.objects.defer("upload").filter(owner=owner, pk=import_id).first()
    if job is None:
        raise NotFound(_("That import was not found."))
    return job


def safety_to_show_once(*, job: CheckInImport) -> Assessment | None:
    """The import's assessment the first time its result is seen, so the crisis panel
    appears then (as it did when imports ran in the request) and not on every visit."""
    if job.status != CheckInImport.Status.DONE or job.safety_shown or not job.safety_level:
        return None
    if not CheckInImport.objects.filter(pk=job.pk, safety_shown=False).update(safety_shown=True):
        return None
    return Assessment(level=job.safety_level, reasons=tuple(job.safety_reasons))
