from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinwell.core.errors import NotAllowed, NotFound, ServiceError
from kinwell.moderation import registry, selectors, services
from kinwell.moderation.forms import ModerationForm, ReportForm
from kinwell.moderation.models import ModerationAction
from kinwell.safety.panel import present


def _require_moderator(request):
    if not request.user.is_staff:
        raise NotAllowed(_("This page is for Kinwell's moderators."))


@login_required
def report(request, target_type: str, target_id: str):
    reportable, target = registry.find_target(target_type, target_id)
    if reportable.visible_to is not None and not reportable.visible_to(target, request.user):
        raise NotFound(_("That was not found. It may have been removed already."))
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                reported = services.report(
                    reporter=request.user, target_type=target_type, target_id=target_id, **form.cleaned_data
                )
            except ServiceError as error:
                form.add_error("note", error.message)
                status = error.status
            else:
                present(request, reported.safety)
                messages.success(
                    request,
                    _("Thank you for telling us. A moderator will look at it soon. The person who wrote it is not told who reported it."),
                )
                return redirect(reportable.url(target))
        else:
            status = 400
    return render(
        request,
        "moderation/report.html",
        {"form": form, "label": reportable.label, "html": reportable.html(target), "back": reportable.url(target)},
        status=status,
    )


@login_required
def queue(request):
    _require_moderator(request)
    return render(request, "moderation/queue.html", {"entries": selectors.queue(), "actions": ModerationAction.Action})


@login_required
@require_POST
def act(request):
    _require_moderator(request)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        raise ServiceError(_("That moderation request was incomplete. Choose an action and try again."))
    services.moderate(actor=request.user, **form.cleaned_data)
    messages.success(request, _("Done. It is recorded in the moderation log."))
    return redirect("moderation:queue")


@login_required
def audit_log(request):
    _require_moderator(request)
    return render(request, "moderation/log.html", {"actions": selectors.audit_trail()})
