"""The daily question's pages: today's question, a past day, the list of past days, and
the forms they post to (answer, swap, react, reply). Each works without JavaScript: a
post redirects back to the day's page, or shows it again with the form's errors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinwell.circles.selectors import membership_in
from kinwell.core.errors import ServiceError
from kinwell.daily import selectors, services
from kinwell.daily.forms import AnswerForm, ReactionForm, ReplyForm
from kinwell.safety.panel import present, reader_panel


def _day_url(circle, day, *, today: bool) -> str:
    if today:
        return reverse("daily:today", args=[circle.pk])
    return reverse("daily:day", args=[circle.pk, day.pk])


def _render_day(request, membership, day, *, answer_form=None, reply_forms=None, status=200):
    circle = membership.circle
    is_today = day is not None and day.day == selectors.circle_today(circle)
    context = {"circle": circle, "membership": membership, "day": day, "is_today": is_today}
    if day is not None:
        seen = selectors.answers_seen_by(viewer=request.user, circle=circle, day=day)
        mine = selectors.my_answer(viewer=request.user, day=day)
        reply_forms = reply_forms or {}
        for item in seen:
            item.reply_form = reply_forms.get(item.answer.pk) or ReplyForm(prefix=f"reply-{item.answer.pk}")
        context.update({
            "question": selectors.question_text(day),
            "mine": mine,
            "answer_form": answer_form or AnswerForm(initial={"text": mine.text} if mine else None),
            "can_answer": (not day.revealed or mine is None)
            and day.day >= selectors.circle_today(circle) - services.ANSWERING_GRACE,
            "others_answered": selectors.who_answered(viewer=request.user, circle=circle, day=day),
            "seen": seen if day.revealed else [],
            "swaps_left": selectors.swaps_left(day),
            "can_swap": is_today and selectors.swaps_left(day) > 0 and not day.answers.exists(),
            "reader_panel": reader_panel(needed=selectors.help_for_reader(viewer=request.user, seen=seen)),
        })
        if day.revealed:
            services.mark_seen(person=request.user, day=day)
    context["together"] = selectors.days_together(circle)
    return render(request, "daily/day.html", context, status=status)


@login_required
def today(request, circle_id: int):
    membership = membership_in(user=request.user, circle_id=circle_id)
    day = services.open_today(viewer=request.user, circle=membership.circle)
    return _render_day(request, membership, day)


@login_required
def day(request, circle_id: int, day_id: int):
    membership = membership_in(user=request.user, circle_id=circle_id)
    found = selectors.day_in(circle=membership.circle, day_id=day_id)
    if found.day == selectors.circle_today(membership.circle):
        return redirect("daily:today", circle_id=circle_id)
    return _render_day(request, membership, found)


@login_required
def past(request, circle_id: int):
    membership = membership_in(user=request.user, circle_id=circle_id)
    page = selectors.past_days(circle=membership.circle, page=request.GET.get("page"))
    days = list(page.object_list)
    answered = selectors.days_waiting_for(user=request.user, days=days)
    for item in days:
        item.question = selectors.question_text(item)
        item.i_answered = answered[item.pk]
    return render(request, "daily/past.html", {
        "circle": membership.circle, "page": page, "days": days,
        "together": selectors.days_together(membership.circle),
    })


def _back(circle, day, *, anchor: str = ""):
    return redirect(_day_url(circle, day, today=day.day == selectors.circle_today(circle)) + anchor)


@login_required
@require_POST
def answer(request, circle_id: int, day_id: int):
    membership = membership_in(user=request.user, circle_id=circle_id)
    found = selectors.day_in(circle=membership.circle, day_id=day_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _render_day(request, membership, found, answer_form=form, status=400)
    had_answer = selectors.my_answer(viewer=request.user, day=found) is not None
    saved = services.answer_question(author=request.user, circle=membership.circle, day_id=found.pk,
                                     text=form.cleaned_data["text"])
    present(request, saved.safety)
    found.refresh_from_db()
    if found.revealed:
        messages.success(request, _("Your answer is in, and the answers are shared now."))
    elif had_answer:
        messages.success(request, _("Your answer is changed. The others see it once they have answered too."))
    else:
        messages.success(request, _("Your answer is in. The others see it once they have answered too."))
    return _back(membership.circle, found)


@login_required
@require_POST
def swap(request, circle_id: int, day_id: int):
    membership = membership_in(user=request.user, circle_id=circle_id)
    found = services.swap_question(actor=request.user, circle=membership.circle, day_id=day_id)
    messages.success(request, _("Here is another question for today, for everyone in the circle."))
    return _back(membership.circle, found)


@login_required
@require_POST
def react(request, circle_id: int, day_id: int, answer_id: int):
    membership = membership_in(user=request.user, circle_id=circle_id)
    found = selectors.day_in(circle=membership.circle, day_id=day_id)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        raise ServiceError(_("Choose one of the reactions."))
    services.react(person=request.user, circle=membership.circle, day_id=found.pk, answer_id=answer_id,
                   kind=form.cleaned_data["kind"])
    return _back(membership.circle, found, anchor=f"#answer-{answer_id}")


@login_required
@require_POST
def reply(request, circle_id: int, day_id: int, answer_id: int):
    membership = membership_in(user=request.user, circle_id=circle_id)
    found = selectors.day_in(circle=membership.circle, day_id=day_id)
    form = ReplyForm(request.POST, prefix=f"reply-{answer_id}")
    if not form.is_valid():
        return _render_day(request, membership, found, reply_forms={answer_id: form}, status=400)
    saved = services.reply_to_answer(author=request.user, circle=membership.circle, day_id=found.pk,
                                     answer_id=answer_id, text=form.cleaned_data["text"])
    present(request, saved.safety)
    messages.success(request, _("Your reply is added."))
    return _back(membership.circle, found, anchor=f"#answer-{answer_id}")
