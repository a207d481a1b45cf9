import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kinwell.checkins import selectors, services
from kinwell.checkins.forms import CheckInForm, ReminderForm, ResponseForm, SignSettingsForm
from kinwell.checkins.models import CheckIn, Reaction
from kinwell.checkins.reminders import REMINDER_SALT, SNOOZE_DAYS
from kinwell.circles import selectors as circle_selectors
from kinwell.core import idempotency
from kinwell.core.errors import Conflict, NotFound, ServiceError
from kinwell.core.localtime import today_for
from kinwell.checkins.presenting import nudge_links
from kinwell.checkins.vocabulary import METER, meter_word_of
from kinwell.safety.panel import present
from kinwell.safety import selectors as safety_selectors
from kinwell.safety.models import Declined

TREND_CACHE_SECONDS = 600


def _own_tags(user) -> list[str]:
    seen = {}
    for tags in CheckIn.objects.filter(owner=user).order_by("-day").values_list("tags", flat=True)[:200]:
        for tag in tags or ():
            seen.setdefault(tag, None)
    return list(seen)


@login_required
def new_checkin(request):
    initial = {"day": today_for(request.user), "wants_support": request.GET.get("support") == "1"}
    form = CheckInForm(request.POST or None, initial=initial, own_tags=_own_tags(request.user))
    if request.method == "POST" and form.is_valid():
        fields = form.checkin_fields()
        # A key makes the form safe to send twice: a phone sends a check-in kept offline
        # with it in the header, and the page carries one for a resubmitted form.
        key = request.headers.get(idempotency.HEADER) or request.POST.get("idempotency_key", "")
        written_by = request.POST.get("written_by")
        if written_by is not None and written_by != str(request.user.pk):
            raise Conflict(_("This check-in was written by someone else signed in on this device, so it was not saved."))
        if key:
            saved = services.record_checkin_once(owner=request.user, idempotency_key=key, request_path=request.path,
                                                 fingerprint=idempotency.form_fingerprint(request.POST), **fields)
        else:
            saved = services.record_checkin(owner=request.user, **fields)
        if saved is not None:
            present(request, saved.safety)
            messages.success(request, _("Checked in. Thank you for taking a moment for yourself."))
        if idempotency.HEADER in request.headers:
            # Sent from the device's queue, not by a person on the page: no page to show.
            return HttpResponse(status=201 if saved is not None else 200)
        return redirect("checkins:mine")
    context = {"form": form, "idempotency_key": uuid.uuid4().hex}
    return render(request, "checkins/new.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def quick_checkin(request):
    """One tap on home: the meter word is the whole check-in. Back to home, where the
    panel now offers "add more" (the full form, editing this same check-in)."""
    saved = services.quick_checkin(owner=request.user, meter=request.POST.get("meter", ""))
    present(request, saved.safety)
    messages.success(request, _("Checked in: %(word)s. Thank you for taking a moment for yourself.")
                     % {"word": METER[request.POST["meter"]].label})
    return redirect("core:home")


@login_required
def my_checkins(request):
    days = 30 if request.GET.get("all") != "1" else None
    services.catch_up_on_signs(owner=request.user)
    context = {
        "checkins": selectors.my_checkins(owner=request.user, days=days),
        "showing_all": days is None,
        "nudges": list(selectors.open_nudges(owner=request.user)),
        "new_responses": list(selectors.unseen_responses(owner=request.user)),
        "nudge_links": nudge_links(),
    }
    services.mark_responses_seen(owner=request.user)
    return render(request, "checkins/mine.html", context)


@login_required
def edit_checkin(request, checkin_id: int):
    checkin = selectors.own_checkin(owner=request.user, checkin_id=checkin_id)
    initial = {
        "mood": checkin.mood, "feelings": checkin.feelings, "stress": checkin.stress, "sleep_hours": checkin.sleep_hours,
        "energy": checkin.energy, "tags": checkin.tags, "note": checkin.note, "wants_support": checkin.wants_support,
        "day": checkin.day,
        "meter": getattr(meter_word_of(mood=checkin.mood, energy=checkin.energy, feelings=checkin.feelings), "code", None),
    }
    form = CheckInForm(request.POST or None, initial=initial, own_tags=_own_tags(request.user))
    if request.method == "POST" and form.is_valid():
        fields = form.checkin_fields()
        present(request, services.update_checkin(owner=request.user, checkin_id=checkin.pk, **fields).safety)
        messages.success(request, _("Your check-in is updated."))
        return redirect("checkins:mine")
    return render(
        request, "checkins/edit.html", {"form": form, "checkin": checkin}, status=400 if form.errors else 200
    )


@login_required
def delete_checkin(request, checkin_id: int):
    checkin = selectors.own_checkin(owner=request.user, checkin_id=checkin_id)
    if request.method == "POST":
        services.delete_checkin(owner=request.user, checkin_id=checkin.pk)
        messages.success(request, _("That check-in is deleted."))
        return redirect("checkins:mine")
    return render(request, "checkins/delete.html", {"checkin": checkin})


@login_required
def trends(request):
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    if days not in selectors.PERIODS:
        days = 30
    # The numbers only change when a check-in does, so the rendered body is kept until then.
    key = "checkins:trend:%s:%s:%s:%s:%s" % (
        request.user.pk, days, get_language(), today_for(request.user),
        selectors.trend_version(owner=request.user),
    )
    body = cache.get(key)
    if body is None:
        context = {"trend": selectors.trend_for(owner=request.user, days=days)}
        body = render_to_string("checkins/_trend_body.html", context, request=request)
        cache.set(key, body, TREND_CACHE_SECONDS)
    return render(request, "checkins/trends.html", {"body": body, "days": days, "periods": selectors.PERIODS})


@login_required
def circle_checkins(request, circle_id: int):
    membership = circle_selectors.membership_in(user=request.user, circle_id=circle_id)
    circle = membership.circle
    feed = selectors.circle_feed(
        viewer=request.user, circle=circle,
        page_number=request.GET.get("page"),
    )
    return render(request, "checkins/circle.html", {"circle": circle, "membership": membership, **feed})


@login_required
def respond(request, circle_id: int, checkin_id: int):
    opened, checkin, with_notes = selectors.checkin_to_answer(viewer=request.user, circle_id=circle_id,
                                                              checkin_id=checkin_id)
    membership = opened.membership
    form = ResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        message = form.cleaned_data["message"]
        reaction = Reaction.MESSAGE if message.strip() else form.cleaned_data["reaction"]
        sent = services.respond_to_checkin(author=request.user, checkin_id=checkin.pk, reaction=reaction,
                                           message=message, circle=membership.circle)
        present(request, sent.safety)
        messages.success(request, _("Sent. %(name)s will see that you reached out.") % {"name": checkin.owner.display_name})
        return redirect("checkins:circle", circle_id=membership.circle.pk)
    return render(
        request, "checkins/respond.html",
        {"circle": membership.circle, "checkin": checkin, "form": form, "with_notes": with_notes},
        status=400 if form.errors else 200,
    )


@login_required
def sign_settings(request):
    settings_row = services.sign_settings_for(user=request.user)
    reminder = services.reminder_for(user=request.user)
    people = selectors.supporters_to_choose_from(user=request.user)
    signs_form = SignSettingsForm(
        request.POST if request.POST.get("form") == "signs" else None,
        people=people,
        initial={
            "nudges_on": settings_row.nudges_on, "streak_rule_on": settings_row.streak_rule_on,
            "tell_supporters": settings_row.tell_supporters,
            "supporters": [str(pk) for pk in settings_row.supporters.values_list("pk", flat=True)],
        },
    )
    reminder_form = ReminderForm(
        request.POST if request.POST.get("form") == "reminder" else None,
        initial={"enabled": reminder.enabled, "local_time": reminder.local_time},
    )
    if request.method == "POST":
        if request.POST.get("form") == "signs" and signs_form.is_valid():
            data = signs_form.cleaned_data
            try:
                services.update_sign_settings(
                    user=request.user, nudges_on=data["nudges_on"], streak_rule_on=data["streak_rule_on"],
                    tell_supporters=data["tell_supporters"], supporter_ids=[int(pk) for pk in data["supporters"]],
                )
            except ServiceError as error:
                signs_form.add_error("supporters", error.message)
            else:
                messages.success(request, _("Your choices about signs are saved."))
                return redirect("checkins:settings")
        if request.POST.get("form") == "reminder" and reminder_form.is_valid():
            services.update_reminder(user=request.user, **reminder_form.cleaned_data)
            messages.success(request, _("Your reminder is saved."))
            return redirect("checkins:settings")
    failed = request.method == "POST"
    return render(
        request, "checkins/settings.html",
        {"signs_form": signs_form, "reminder_form": reminder_form, "reminder": reminder,
         "declined": safety_selectors.declined(owner=request.user, role=Declined.Role.SIGNS_SUPPORTER)},
        status=400 if failed else 200,
    )


@login_required
@require_POST
def dismiss_nudge(request, nudge_id: int):
    services.dismiss_nudge(owner=request.user, nudge_id=nudge_id)
    messages.success(request, _("Dismissed. You can switch these notes off in your check-in settings."))
    return redirect("checkins:mine")


@never_cache
def reminder_link(request, action: str, token: str):
    """From the reminder email, without logging in: a week off, or stop. Opening the
    link shows one button and changes nothing (mail scanners open links); the button
    does it."""
    from django.contrib.auth import get_user_model

    if action not in ("snooze", "stop"):
        raise NotFound(_("This link is not valid. You can change reminders in your check-in settings."))
    try:
        user_id = signing.loads(token, salt=REMINDER_SALT)
    except signing.BadSignature:
        raise NotFound(_("This link is not valid. You can change reminders in your check-in settings.")) from None
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise NotFound(_("This link is not valid. You can change reminders in your check-in settings."))
    if request.method != "POST":
        return render(request, "checkins/reminder_confirm.html", {"action": action})
    if action == "snooze":
        reminder = services.snooze_reminder(user=user, days=SNOOZE_DAYS)
    else:
        reminder = services.stop_reminder(user=user)
    return render(request, "checkins/reminder_done.html", {"action": action, "reminder": reminder})
