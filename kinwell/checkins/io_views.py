"""The "Import and export" page: upload a file, see what happened, download everything."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kinwell.checkins import exporting, import_services
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
            imported = import_services.import_checkins(
                owner=request.user, format=form.cleaned_data["format"], data=form.cleaned_data["file"].read()
            )
        except ServiceError as problem:
            # Shown on the form, next to the file, so the person can pick another one.
            form.add_error("file", problem.message)
        else:
            present(request, imported.safety)
            return render(request, "checkins/import_summary.html", {"summary": imported.value})
    mood_words = [
        _("“%(daylio)s” is %(ours)s") % {"daylio": name, "ours": str(MOODS[value]).lower()}
        for name, value in DAYLIO_MOODS.items()
    ]
    return render(
        request, "checkins/import_export.html", {"form": form, "mood_words": "; ".join(mood_words)},
        status=400 if form.errors else 200,
    )


@login_required
def export(request, format: str):
    if format not in exporting.EXPORT_FORMATS:
        raise Http404
    response = HttpResponse(exporting.export(owner=request.user, format=format),
                            content_type=exporting.EXPORT_FORMATS[format])
    name = exporting.filename(format=format, day=today_for(request.user))
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
