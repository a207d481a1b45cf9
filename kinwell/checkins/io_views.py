"""The "Import and export" page: upload a file, see what happened, download everything."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kinwell.checkins import exporting, import_jobs, import_services
from kinwell.checkins.importing import DAYLIO_MOODS
from kinwell.checkins.io_forms import ImportForm
from kinwell.checkins.vocabulary import MOODS
from kinwell.core.errors import ServiceError
from kinwell.core.localtime import today_for
from kinwell.safety.panel import present


@login_required
def import_export(request):
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        try:
            job = import_jobs.queue_import(
                owner=request.user, format=form.cleaned_data["format"], data=form.cleaned_data["file"].read()
            )
        except ServiceError as problem:
            # Shown on the form, next to the file, so the person can pick another one.
            form.add_error("file", problem.message)
        else:
            return redirect("checkins:import_status", import_id=job.pk)
    mood_words = [
        _("“%(daylio)s” is %(ours)s") % {"daylio": name, "ours": str(MOODS[value]).lower()}
        for name, value in DAYLIO_MOODS.items()
    ]
    return render(
        request, "checkins/import_export.html", {"form": form, "mood_words": "; ".join(mood_words)},
        status=400 if form.errors else 200,
    )


@login_required
def import_status(request, import_id: int):
    """While the worker imports: a progress bar and a Refresh link (a small script
    refreshes by itself). Then what was imported, and what was skipped and why."""
    job = import_jobs.own_import(owner=request.user, import_id=import_id)
    safety = import_jobs.safety_to_show_once(job=job)
    if safety is not None:
        present(request, safety)
    if job.waiting:
        return render(request, "checkins/import_progress.html", {"job": job})
    if job.status == job.Status.FAILED:
        return render(request, "checkins/import_failed.html", {"job": job})
    outcome = job.outcome
    summary = import_services.ImportSummary(
        format=job.format, imported=outcome["imported"], already_there=outcome["already_there"],
        skipped=[import_services.SkippedLine(line, reason) for line, reason in outcome["skipped"]],
        older_note_of_concern=outcome["older_note_of_concern"],
    )
    return render(request, "checkins/import_summary.html", {"summary": summary})


@login_required
def export(request, format: str):
    if format not in exporting.EXPORT_FORMATS:
        raise Http404
    response = HttpResponse(exporting.export(owner=request.user, format=format),
                            content_type=exporting.EXPORT_FORMATS[format])
    name = exporting.filename(format=format, day=today_for(request.user))
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
