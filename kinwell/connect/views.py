from datetime import date, datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kinwell.circles import selectors as circle_selectors
from kinwell.connect import ideas, selectors, services
from kinwell.connect.calendar import calendar_for_plans
from kinwell.connect.forms import (
    COST_LABELS,
    PLACE_LABELS,
    AppreciationForm,
    GratitudeForm,
    IdeaFilterForm,
    NudgeForm,
    PlanForm,
    WhenForm,
    WinForm,
)
from kinwell.connect.models import PlannedDate
from kinwell.connect.tasks import NUDGE_STOP_SALT
from kinwell.core.errors import ServiceError
from kinwell.notifications.one_click import one_click_post
from kinwell.safety.panel import present


def _others(circle, user) -> list:
    return [m.user for m in circle.memberships.select_related("user") if m.user_id != user.pk]


@login_required
def index(request):
    return render(
        request,
        "connect/index.html",
        {
            "circles": circle_selectors.circles_for(user=request.user),
            "gesture": selectors.today_gesture_for(request.user),
        },
    )


@login_required
def circle(request, circle_id: int):
    membership = circle_selectors.membership_in(user=request.user, circle_id=circle_id)
    circle = membership.circle
    others = _others(circle, request.user)
    appreciation_form = AppreciationForm(others=others)
    win_form = WinForm(others=others)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "appreciation":
            appreciation_form = AppreciationForm(request.POST, others=others)
            if appreciation_form.is_valid():
                sent = services.send_appreciation(
                    sender=request.user, circle=circle, recipient_id=appreciation_form.cleaned_data["recipient"],
                    text=appreciation_form.cleaned_data["text"],
                )
                present(request, sent.safety)
                messages.success(
                    request, _("Your appreciation is on its way to %(name)s.") % {"name": sent.value.recipient.display_name}
                )
                return redirect("connect:circle", circle_id=circle_id)
        elif action == "win":
            win_form = WinForm(request.POST, others=others)
            if win_form.is_valid():
                celebrated = services.celebrate_win(
                    author=request.user, circle=circle, text=win_form.cleaned_data["text"],
                    about_id=win_form.cleaned_data["about"],
                )
                present(request, celebrated.safety)
                messages.success(request, _("Celebrated! The whole circle can see it."))
                return redirect("connect:circle", circle_id=circle_id)
        else:
            raise ServiceError(_("Choose what you want to send."))
        status = 400
    wins = selectors.circle_wins(viewer=request.user, circle=circle)
    shared_with_me = selectors.shared_pages_for(viewer=request.user, circle=circle, others=others)
    for win in wins:
        win.sentence = selectors.win_sentence(win)
    appreciations = selectors.my_appreciations(user=request.user, circle=circle)
    services.mark_appreciations_seen(recipient=request.user, circle=circle)
    return render(
        request,
        "connect/circle.html",
        {
            "circle": circle, "membership": membership, "others": others,
            "appreciation_form": appreciation_form, "win_form": win_form,
            "wins": wins, "appreciations": appreciations,
            "shared_with_me": shared_with_me,
        },
        status=status,
    )


@login_required
@require_POST
def delete_win(request, circle_id: int, win_id: int):
    membership = circle_selectors.membership_in(user=request.user, circle_id=circle_id)
    services.delete_win(author=request.user, circle=membership.circle, win_id=win_id)
    messages.success(request, _("The win was removed from the feed."))
    return redirect("connect:circle", circle_id=circle_id)


@login_required
def week(request, circle_id: int):
    membership = circle_selectors.membership_in(user=request.user, circle_id=circle_id)
    try:
        week_of = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        week_of = timezone.localdate()
    moments = selectors.weekly_moments(viewer=request.user, circle=membership.circle, week_of=week_of)
    return render(
        request,
        "connect/week.html",
        {"circle": membership.circle, "membership": membership,
         "is_this_week": moments["monday"] <= timezone.localdate() <= moments["sunday"], **moments},
    )


@login_required
def gratitude(request):
    form = GratitudeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            present(request, services.add_gratitude(owner=request.user, text=form.cleaned_data["text"]).safety)
            messages.success(request, _("Saved in your gratitude journal."))
            return redirect("connect:gratitude")
        status = 400
    return render(
        request,
        "connect/gratitude.html",
        {"form": form, "entries": selectors.my_gratitude(owner=request.user)},
        status=status,
    )


@login_required
@require_POST
def delete_gratitude(request, entry_id: int):
    services.delete_gratitude(owner=request.user, entry_id=entry_id)
    messages.success(request, _("The entry is deleted."))
    return redirect("connect:gratitude")


@login_required
def member_gratitude(request, circle_id: int, user_id: int):
    opened, entries = selectors.member_gratitude(viewer=request.user, circle_id=circle_id, user_id=user_id)
    return render(
        request,
        "connect/member_gratitude.html",
        {"circle": opened.circle, "membership": opened.membership, "member": opened.owner, "entries": entries},
    )


@login_required
def idea_list(request):
    form = IdeaFilterForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    length = chosen.get("length") or ""
    found = ideas.filter_ideas(
        place=chosen.get("place", ""), cost=chosen.get("cost", ""), max_minutes=int(length) if length else None
    )
    language = translation.get_language() or "en"
    return render(
        request,
        "connect/ideas.html",
        {
            "form": form,
            "ideas": [
                {"idea": idea, "title": idea.title(language), "detail": idea.detail(language),
                 "place": PLACE_LABELS[idea.place], "cost": COST_LABELS[idea.cost]}
                for idea in found
            ],
            "circles": circle_selectors.circles_for(user=request.user),
        },
    )


def _local_start(cleaned) -> datetime:
    return datetime.combine(cleaned["day"], cleaned["start"])


@login_required
def plans(request, circle_id: int):
    membership = circle_selectors.membership_in(user=request.user, circle_id=circle_id)
    circle = membership.circle
    others = _others(circle, request.user)
    idea = ideas.idea_by_key(request.GET.get("idea", ""))
    language = translation.get_language() or "en"
    initial = {"activity": idea.key, "title": idea.title(language), "minutes": min(idea.minutes, 480)} if idea else {}
    form = PlanForm(request.POST or None, others=others, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                proposed = services.propose_plan(
                    proposer=request.user, circle=circle, invitee_id=data["invitee"], title=data["title"],
                    starts_local=_local_start(data), minutes=data["minutes"], time_zone=request.user.time_zone,
                    message=data["message"], activity=data["activity"],
                )
            except ServiceError as error:
                form.add_error("day", error.message)
            else:
                present(request, proposed.safety)
                plan = proposed.value
                messages.success(request, _("Your suggestion is sent to %(name)s.") % {"name": plan.invitee.display_name})
                return redirect("connect:plan", circle_id=circle_id, plan_id=plan.pk)
        status = 400
    return render(
        request,
        "connect/plans.html",
        {"circle": circle, "membership": membership, "form": form, "others": others,
         "plans": selectors.plans_in_circle(user=request.user, circle=circle)},
        status=status,
    )


@login_required
def plan(request, circle_id: int, plan_id: int):
    membership = circle_selectors.membership_in(user=request.user, circle_id=circle_id)
    plan = selectors.plan_in_circle(user=request.user, circle=membership.circle, plan_id=plan_id)
    # Suggesting another time keeps the length unless the person changes it.
    when_form = WhenForm(initial={"minutes": int((plan.ends_at - plan.starts_at).total_seconds() // 60)})
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "accept":
            services.accept_plan(actor=request.user, plan_id=plan.pk)
            messages.success(request, _("It's a date. Add it to your calendar below."))
            return redirect("connect:plan", circle_id=circle_id, plan_id=plan.pk)
        if action == "decline":
            services.decline_plan(actor=request.user, plan_id=plan.pk)
            messages.info(request, _("You said no this time. Thank you for answering."))
            return redirect("connect:plans", circle_id=circle_id)
        if action == "cancel":
            services.cancel_plan(actor=request.user, plan_id=plan.pk)
            messages.info(request, _("The plan is called off."))
            return redirect("connect:plans", circle_id=circle_id)
        if action != "suggest":
            raise ServiceError(_("Choose how you want to answer."))
        when_form = WhenForm(request.POST)
        if when_form.is_valid():
            data = when_form.cleaned_data
            try:
                suggested = services.suggest_time(
                    actor=request.user, plan_id=plan.pk, starts_local=_local_start(data), minutes=data["minutes"],
                    time_zone=request.user.time_zone, message=data["message"],
                )
            except ServiceError as error:
                if error.status != 400:
                    raise
                when_form.add_error("day", error.message)
            else:
                present(request, suggested.safety)
                plan = suggested.value
                messages.success(request, _("Your suggestion is sent."))
                return redirect("connect:plan", circle_id=circle_id, plan_id=plan.pk)
        status = 400
    return render(
        request,
        "connect/plan.html",
        {"circle": membership.circle, "membership": membership, "plan": plan, "when_form": when_form,
         "other": plan.other_person(request.user), "my_turn": plan.status == PlannedDate.Status.PROPOSED
         and plan.awaiting_id == request.user.pk},
        status=status,
    )


@login_required
def plan_ics(request, circle_id: int, plan_id: int):
    membership = circle_selectors.membership_in(user=request.user, circle_id=circle_id)
    plan = selectors.plan_in_circle(user=request.user, circle=membership.circle, plan_id=plan_id)
    if plan.status != PlannedDate.Status.ACCEPTED:
        raise Http404
    response = HttpResponse(calendar_for_plans([plan], viewer=request.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kinwell-plan-{plan.pk}.ics"'
    return response


@login_required
def calendar_settings(request):
    new_address = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.revoke_calendar_feed(owner=request.user)
            messages.success(request, _("The calendar address is switched off. Calendars using it stop updating."))
            return redirect("connect:calendar")
        token = services.new_calendar_feed(owner=request.user)
        new_address = request.build_absolute_uri(reverse("connect:calendar_feed", kwargs={"token": token}))
    return render(
        request,
        "connect/calendar.html",
        {"has_feed": selectors.has_calendar_feed(owner=request.user), "new_address": new_address},
    )


@never_cache
def calendar_feed(request, token: str):
    """The person's accepted plans for a calendar program. The secret address is the key."""
    person = selectors.person_for_feed_token(token)
    if person is None:
        raise Http404
    with translation.override(person.language):
        body = calendar_for_plans(list(selectors.accepted_plans_for(user=person)), viewer=person)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_required
def nudges(request):
    preference = selectors.nudge_preference(owner=request.user)
    form = NudgeForm(request.POST or None, initial={"frequency": preference.frequency, "by_email": preference.by_email})
    if request.method == "POST":
        if form.is_valid():
            services.set_nudges(owner=request.user, **form.cleaned_data)
            messages.success(request, _("Saved. You can change this at any time."))
            return redirect("connect:nudges")
        return render(request, "connect/nudges.html", {"form": form}, status=400)
    return render(request, "connect/nudges.html", {"form": form, "gesture": selectors.today_gesture_for(request.user)})


# The signed link is the key. Emails before issue 19 named this address in
# List-Unsubscribe, so a mail program's one-click POST still works; any other POST
# carries the page's CSRF token.
@one_click_post
@never_cache
def stop_nudges(request, token: str):
    try:
        person_id = signing.loads(token, salt=NUDGE_STOP_SALT)
    except signing.BadSignature:
        raise Http404
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.filter(pk=person_id).first()
    if person is None:
        raise Http404
    stopped = False
    if request.method == "POST":
        services.stop_nudges(owner=person)
        stopped = True
    return render(request, "connect/stop_nudges.html", {"stopped": stopped})
