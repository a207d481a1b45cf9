from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinwell.core.errors import ServiceError
from kinwell.safety.panel import crisis_resources, present
from kinwell.screening import chart, exports, scoring, selectors, services, texts
from kinwell.screening.forms import AnswersForm, ReminderForm, StartForm
from kinwell.screening.models import Reminder, Response


@login_required
def index(request):
    instruments = selectors.available_instruments(user=request.user)
    reminder = Reminder.objects.filter(owner=request.user).first()
    return render(
        request,
        "screening/index.html",
        {
            "instruments": instruments,
            "unfinished": selectors.unfinished(owner=request.user),
            "results": selectors.results(owner=request.user)[:5],
            "reminder": reminder,
            "reminder_form": ReminderForm(
                instruments=instruments, initial={"instrument": reminder.instrument if reminder else ""}
            ),
        },
    )


@login_required
def start(request, instrument: str):
    definition = texts.shown(selectors.instrument_for(user=request.user, key=instrument))
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        response = services.start_response(owner=request.user, instrument=instrument, mode=form.cleaned_data["mode"])
        return redirect("screening:take", response_id=response.pk)
    unfinished = selectors.unfinished(owner=request.user).filter(instrument=instrument).first()
    return render(
        request,
        "screening/start.html",
        {"instrument": definition, "form": form, "unfinished": unfinished, "items_note": texts.items_note(definition)},
        status=400 if form.errors else 200,
    )


def _step_from(request, count: int, response: Response) -> int:
    """The question on screen (0-based) in one-per-screen mode: as asked, or the first unanswered."""
    raw = request.POST.get("step") or request.GET.get("step")
    if raw and raw.isdigit() and 1 <= int(raw) <= count:
        return int(raw) - 1
    items = response.definition.all_items
    return next((i for i, item in enumerate(items) if item.scored and item.key not in response.answers), count - 1)


@login_required
def take(request, response_id: int):
    response = selectors.own_response(owner=request.user, response_id=response_id)
    if response.is_complete:
        return redirect("screening:result", response_id=response.pk)
    items = texts.shown(response.definition).all_items
    one_at_a_time = response.mode == Response.Mode.ONE
    step = _step_from(request, len(items), response) if one_at_a_time else 0
    shown = items[step : step + 1] if one_at_a_time else items
    action = request.POST.get("action", "next")
    form = AnswersForm(request.POST or None, items=shown, initial=response.answers, language=texts.shown(response.definition).language)
    if request.method == "POST" and form.is_valid():
        # Whatever was answered is kept first, even when something is still missing, so
        # an urgent answer always starts the safety response and nothing is lost.
        answered = services.save_answers(owner=request.user, response=response, answers=form.answers())
        if answered.value.help_starts_now:
            present(request, answered.safety)
        if action in ("next", "finish") and form.mark_unanswered(response.answers):
            return _render_take(request, response, form, step, len(items), one_at_a_time)
        if action == "pause":
            messages.success(request, _("Your answers are saved. You can pick up where you left off whenever you like."))
            return redirect("screening:index")
        if action == "back" and one_at_a_time:
            return redirect(f"{reverse('screening:take', args=[response.pk])}?step={max(step, 1)}")
        if one_at_a_time and step < len(items) - 1:
            return redirect(f"{reverse('screening:take', args=[response.pk])}?step={step + 2}")
        try:
            answered = services.complete_response(owner=request.user, response=response)
            if answered.value.help_starts_now:
                present(request, answered.safety)
        except ServiceError as error:
            if one_at_a_time:
                messages.error(request, error.message)
                return redirect("screening:take", response_id=response.pk)
            form.add_error(None, error.message)
        else:
            return redirect("screening:result", response_id=response.pk)
    return _render_take(request, response, form, step, len(items), one_at_a_time)


def _render_take(request, response, form, step, steps, one_at_a_time):
    instrument = texts.shown(response.definition)
    return render(
        request,
        "screening/take.html",
        {
            "response": response,
            "instrument": instrument,
            "form": form,
            "one_at_a_time": one_at_a_time,
            "step": step + 1,
            "steps": steps,
            "last_step": not one_at_a_time or step == steps - 1,
            "items_note": texts.items_note(instrument),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def discard(request, response_id: int):
    services.delete_response(owner=request.user, response_id=response_id)
    messages.success(request, _("That unfinished questionnaire is gone."))
    return redirect("screening:index")


def result_context(response: Response) -> dict:
    instrument = texts.shown(response.definition)
    band = instrument.band(response.band)
    return {
        "response": response,
        "instrument": instrument,
        "band_name": texts.band_name(response.band),
        "meaning": texts.meaning(instrument.topic, response.band),
        "next_steps": texts.next_steps(band.level),
        "level": band.level,
        "answers": exports.answer_rows(response),
        "offer": texts.shown(scoring.get(instrument.offers)) if instrument.offers and response.total >= instrument.positive_at else None,
        "not_a_diagnosis": texts.NOT_A_DIAGNOSIS,
        "items_note": texts.items_note(instrument),
    }


@login_required
def result(request, response_id: int):
    response = selectors.own_result(owner=request.user, response_id=response_id)
    return render(
        request,
        "screening/result.html",
        {**result_context(response), "country": crisis_resources()},
    )


@login_required
@require_POST
def delete(request, response_id: int):
    services.delete_response(owner=request.user, response_id=response_id)
    messages.success(request, _("That result is deleted."))
    return redirect("screening:history")


def _series_with_charts(owner) -> list[dict]:
    series = selectors.history(owner=owner)
    for entry in series:
        instrument = entry["instrument"]
        entry["chart"] = chart.build(
            totals=[(row["response"].completed_at, row["response"].total) for row in entry["rows"]],
            lowest=instrument.lowest,
            highest=instrument.highest,
            band_starts=[band.low for band in instrument.bands],
        )
        for row in entry["rows"]:
            row["band_name"] = texts.band_name(row["response"].band)
            row["change_text"] = exports.change_text(instrument, row["change"])
    return series


@login_required
def history(request):
    return render(request, "screening/history.html", {"series": _series_with_charts(request.user)})


@login_required
def summary(request):
    series = _series_with_charts(request.user)
    return render(
        request,
        "screening/summary.html",
        {"series": series, "latest": [result_context(entry["latest"]) for entry in series], "owner": request.user},
    )


def _download(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/fhir+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def fhir_one(request, response_id: int):
    response = selectors.own_result(owner=request.user, response_id=response_id)
    return _download(exports.fhir_bundle([response], owner=request.user), f"kinwell-{response.instrument}-{response.pk}.fhir.json")


@login_required
def fhir_all(request):
    responses = list(selectors.results(owner=request.user).order_by("completed_at", "id"))
    return _download(exports.fhir_bundle(responses, owner=request.user), f"kinwell-screening-{timezone.localdate().isoformat()}.fhir.json")


@login_required
@require_POST
def reminders(request):
    form = ReminderForm(request.POST, instruments=selectors.available_instruments(user=request.user))
    if not form.is_valid():
        raise ServiceError(_("Choose one of the questionnaires, or “No reminders”."))
    reminder = services.set_reminder(owner=request.user, instrument=form.cleaned_data["instrument"])
    if reminder:
        messages.success(request, _("We will email you a reminder every two weeks. You can stop it any time."))
    else:
        messages.success(request, _("Reminders are off."))
    return redirect("screening:index")


@never_cache
def stop_reminders(request, token: str):
    """The link in every reminder email: works signed out. Opening it shows one button
    and changes nothing (mail scanners open links); the button stops the reminders."""
    if request.method != "POST":
        return render(request, "screening/reminders_stop_confirm.html")
    stopped = services.stop_reminder(token=token)
    return render(request, "screening/reminders_stopped.html", {"stopped": stopped})


@login_required
def member_results(request, circle_id: int, user_id: int):
    opened, found, with_answers = selectors.member_results(viewer=request.user, circle_id=circle_id, user_id=user_id)
    owner, circle = opened.owner, opened.circle
    shown = []
    for response in found:
        row = {
            "response": response,
            "instrument": texts.shown(response.definition),
            "band_name": texts.band_name(response.band),
            "meaning": texts.meaning(response.definition.topic, response.band),
        }
        if with_answers:
            row["answers"] = exports.answer_rows(response)
        shown.append(row)
    return render(
        request,
        "screening/member_results.html",
        {"owner": owner, "circle": circle, "results": shown, "with_answers": with_answers},
    )
