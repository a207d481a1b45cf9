from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinwell.core.errors import ServiceError
from kinwell.core.localtime import today_for
from kinwell.summary import selectors, services
from kinwell.summary.forms import DEFAULT_PERIOD, LinkForm, PeriodForm, SummaryForm
from kinwell.support.selectors import plan_of


def _summary_form(request, days: int, data=None) -> SummaryForm:
    end = today_for(request.user)
    plan = plan_of(owner=request.user)
    return SummaryForm(
        data, initial={"days": days},
        instruments=selectors.taken_instruments(owner=request.user),
        notes=list(selectors.notes_in(owner=request.user, start=end - timedelta(days=days - 1), end=end)),
        has_plan=plan is not None and plan.is_made,
    )


def _index(request, *, days: int, form: SummaryForm, status: int = 200):
    end = today_for(request.user)
    return render(request, "summary/index.html", {
        "period_form": PeriodForm(initial={"days": days}),
        "form": form,
        "days": days,
        "start": end - timedelta(days=days - 1),
        "end": end,
        "summaries": selectors.summaries(owner=request.user),
    }, status=status)


@login_required
def index(request):
    if request.method == "POST":
        form = _summary_form(request, _days_from(request.POST), request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                summary = services.make_summary(
                    owner=request.user, days=data["days"], instruments=data.get("instruments", ()),
                    trends=data["trends"], plan=data.get("plan", False), signs=data["signs"],
                    note_ids=data.get("notes", ()))
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                return redirect("summary:detail", summary_id=summary.pk)
        return _index(request, days=_days_from(request.POST), form=form, status=400)
    period = PeriodForm(request.GET or None)
    days = period.cleaned_data["days"] if request.GET and period.is_valid() else DEFAULT_PERIOD
    return _index(request, days=days, form=_summary_form(request, days))


def _days_from(data) -> int:
    try:
        days = int(data.get("days", DEFAULT_PERIOD))
    except (TypeError, ValueError):
        return DEFAULT_PERIOD
    return days if days in services.PERIODS else DEFAULT_PERIOD


def _detail(request, summary, *, link_form=None, new_address=None, status=200):
    return render(request, "summary/detail.html", {
        **selectors.content(summary),
        "links": list(summary.links.all()),
        "link_form": link_form or LinkForm(),
        "new_address": new_address,
    }, status=status)


@login_required
def detail(request, summary_id: int):
    return _detail(request, selectors.own_summary(owner=request.user, summary_id=summary_id))


@login_required
def fhir(request, summary_id: int):
    summary = selectors.own_summary(owner=request.user, summary_id=summary_id)
    response = HttpResponse(selectors.fhir_json(summary), content_type="application/fhir+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kinwell-summary-{summary.end.isoformat()}.fhir.json"'
    return response


@login_required
@require_POST
def share(request, summary_id: int):
    """Make a link: the page answers with the address, shown this once (only its hash is kept)."""
    summary = selectors.own_summary(owner=request.user, summary_id=summary_id)
    form = LinkForm(request.POST)
    if not form.is_valid():
        return _detail(request, summary, link_form=form, status=400)
    _link, token = services.make_link(owner=request.user, summary_id=summary.pk, days=form.cleaned_data["days"],
                                      label=form.cleaned_data["label"])
    address = request.build_absolute_uri(reverse("summary:shared", kwargs={"token": token}))
    return _detail(request, summary, new_address=address)


@login_required
@require_POST
def revoke_link(request, summary_id: int, link_id: int):
    services.revoke_link(owner=request.user, summary_id=summary_id, link_id=link_id)
    messages.success(request, _("That link is closed. Anyone who opens it now finds nothing."))
    return redirect("summary:detail", summary_id=summary_id)


@login_required
@require_POST
def delete(request, summary_id: int):
    services.delete_summary(owner=request.user, summary_id=summary_id)
    messages.success(request, _("That summary is deleted, and its links are closed."))
    return redirect("summary:index")


def _private(response: HttpResponse) -> HttpResponse:
    # The address is the key: never sent on to another site, never indexed, never cached.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def shared(request, token: str):
    """The clinician's read-only page. Works signed out; a wrong, expired or revoked
    token gets the same plain 404, which says nothing about why."""
    link = services.open_link(token=token) if request.method in ("GET", "HEAD") else None
    if link is None:
        return _private(render(request, "summary/shared_missing.html", status=404))
    return _private(render(request, "summary/shared.html", {**selectors.content(link.summary), "link": link}))
