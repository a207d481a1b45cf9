from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinwell.safety import selectors, services
from kinwell.safety.forms import SafetyPlanForm
from kinwell.safety.models import Declined, SafetyPlan
from kinwell.safety.panel import crisis_resources
from kinwell.safety.resources import FIND_A_HELPLINE


@login_required
def plan(request):
    safety_plan = selectors.existing_plan(owner=request.user)
    people = selectors.contacts_to_choose_from(owner=request.user)
    form = SafetyPlanForm(request.POST or None, instance=safety_plan, people=people)
    if request.method == "POST":
        if form.is_valid():
            # The plan itself is not screened for crisis language: naming warning signs is
            # its purpose, and this page always shows the crisis resources anyway.
            services.update_plan(
                owner=request.user,
                crisis_contact_id=form.cleaned_data["crisis_contact"],
                **{name: form.cleaned_data[name] for name in (*SafetyPlan.SECTIONS, "crisis_message", "tell_without_asking")},
            )
            messages.success(request, _("Your safety plan is saved. You can change it any time."))
            return redirect("safety:plan")
        if safety_plan.pk:
            safety_plan.refresh_from_db()
    return render(
        request,
        "safety/plan.html",
        {"form": form, "plan": safety_plan, "country": crisis_resources(),
         "declined": selectors.declined(owner=request.user, role=Declined.Role.CRISIS_CONTACT)},
        status=400 if form.errors else 200,
    )


@login_required
def plan_print(request):
    return render(
        request,
        "safety/plan_print.html",
        {"plan": selectors.existing_plan(owner=request.user), "country": crisis_resources(), "owner": request.user},
    )


@login_required
def member_plan(request, circle_id: int, user_id: int):
    opened, plan = selectors.member_plan(viewer=request.user, circle_id=circle_id, user_id=user_id)
    return render(
        request,
        "safety/plan_print.html",
        {
            "plan": plan,
            "country": crisis_resources(),
            "owner": opened.owner,
            "circle": opened.circle,
        },
    )


@login_required
@require_POST
def tell_contact(request):
    safety_plan = services.tell_crisis_contact(owner=request.user)
    messages.success(
        request,
        _("We are letting %(name)s know. You reached out, and that takes courage.")
        % {"name": safety_plan.crisis_contact.display_name},
    )
    return redirect("core:help_now")


def help_now(request):
    """One click from every page; works signed out and without JavaScript."""
    plan = selectors.existing_plan(owner=request.user) if request.user.is_authenticated else None
    return render(
        request,
        "safety/help_now.html",
        {"country": crisis_resources(), "plan": plan, "find_a_helpline": FIND_A_HELPLINE},
    )


def supporting(request):
    return render(request, "safety/supporting.html", {"country": crisis_resources()})


def decline(request, token: str):
    """The link in "you were chosen" emails: works signed out. Opening it changes nothing
    (mail programs open links to check them); the button does."""
    if request.method == "POST":
        found = services.decline(token=token)
        return render(request, "safety/declined.html", {**found, "done": True})
    return render(request, "safety/declined.html", {**services.read_decline_token(token), "done": False})
