from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinwell.core.errors import ServiceError
from kinwell.journal import selectors, services
from kinwell.journal.forms import EntryForm, GoalForm, ProgressForm
from kinwell.journal.models import Goal
from kinwell.safety.panel import present


@login_required
def journal(request):
    form = EntryForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            present(request, services.add_entry(owner=request.user, text=form.cleaned_data["text"]).safety)
            messages.success(request, _("Saved in your journal. Only you can read it."))
            return redirect("journal:index")
        status = 400
    context = {"form": form, "entries": selectors.my_entries(owner=request.user)}
    return render(request, "journal/index.html", context, status=status)


@login_required
def edit_entry(request, entry_id: int):
    entry = selectors.my_entry(owner=request.user, entry_id=entry_id)
    form = EntryForm(request.POST or None, initial={"text": entry.text})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            present(request, services.update_entry(owner=request.user, entry_id=entry.pk, text=form.cleaned_data["text"]).safety)
            messages.success(request, _("Your entry is updated."))
            return redirect("journal:index")
        status = 400
    return render(request, "journal/entry.html", {"form": form, "entry": entry}, status=status)


@login_required
@require_POST
def delete_entry(request, entry_id: int):
    services.delete_entry(owner=request.user, entry_id=entry_id)
    messages.success(request, _("The entry is deleted for good."))
    return redirect("journal:index")


@login_required
def goals(request):
    form = GoalForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            present(request, services.add_goal(owner=request.user, **form.cleaned_data).safety)
            messages.success(request, _("Your goal is saved."))
            return redirect("journal:goals")
        status = 400
    return render(
        request,
        "journal/goals.html",
        {
            "form": form,
            "goals": selectors.my_goals(owner=request.user),
            "steps": range(Goal.STEPS + 1),
            "steps_total": Goal.STEPS,
        },
        status=status,
    )


@login_required
@require_POST
def goal_progress(request, goal_id: int):
    form = ProgressForm(request.POST)
    if not form.is_valid():
        raise ServiceError(_("Choose how many steps are done."))
    goal = services.set_goal_progress(owner=request.user, goal_id=goal_id, steps_done=form.cleaned_data["steps_done"])
    if goal.is_done:
        messages.success(request, _("Done! Well done for “%(goal)s”.") % {"goal": goal.title})
    else:
        messages.success(request, _("Progress saved."))
    return redirect("journal:goals")


@login_required
@require_POST
def delete_goal(request, goal_id: int):
    services.delete_goal(owner=request.user, goal_id=goal_id)
    messages.success(request, _("The goal is deleted."))
    return redirect("journal:goals")


@login_required
def member_goals(request, circle_id: int, user_id: int):
    opened, goals = selectors.member_goals(viewer=request.user, circle_id=circle_id, user_id=user_id)
    return render(
        request,
        "journal/member_goals.html",
        {
            "circle": opened.circle,
            "membership": opened.membership,
            "member": opened.owner,
            "goals": goals,
            "steps_total": Goal.STEPS,
        },
    )
