import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinwell.circles.selectors import people_in_circles_with
from kinwell.core.errors import NotFound, ServiceError
from kinwell.directory import selectors as directory_selectors
from kinwell.safety.panel import crisis_resources, present
from kinwell.support import needs, next_steps, presenting, selectors, services
from kinwell.support.forms import FollowUpForm, MakePlanForm, MessageForm, NeedsStepForm, OwnStepForm
from kinwell.support.rules import Answers


def _plan_page(request, plan, *, status=200, own_form=None, follow_up_form=None):
    selectors.record_joint_view(plan=plan, viewer=request.user)
    outline = selectors.outline_for(plan=plan, viewer=request.user)
    answers = selectors.answers_seen_by(plan=plan, viewer=request.user)
    steps, shared = selectors.steps_seen_by(plan=plan, viewer=request.user)
    view = presenting.present_plan(plan=plan, outline=outline, answers=answers, steps=steps, shared=shared)
    context = {
        "plan": plan, "is_owner": plan.owner_id == request.user.pk, "view": view,
        "safety_resources": crisis_resources().for_panel(danger_from_others=view["danger_from_others"]),
        "own_form": own_form or OwnStepForm(),
        "follow_up_form": follow_up_form or FollowUpForm(initial={"on": plan.follow_up_on}),
        "follow_up_due": plan.follow_up_on is not None and plan.follow_up_on <= timezone.localdate(),
        "partners": selectors.couple_partners_of(user=request.user) if plan.owner_id == request.user.pk else [],
        "partner_has_answered": bool(plan.partner_answers),
    }
    context["plan_article"] = next_steps.ARTICLES["making_a_plan"]
    return render(request, "support/plan.html", context, status=status)


@login_required
def plan(request):
    own = selectors.plan_of(owner=request.user)
    if own is None or not own.is_made:
        return render(request, "support/start.html", {
            "plan": own, "joint": selectors.joint_plans_for(user=request.user),
            "saved": list(own.steps.all()) if own else [], "plan_article": next_steps.ARTICLES["making_a_plan"]})
    return _plan_page(request, own)


@login_required
def needs_step(request, step: str):
    plan = services.start_or_resume(owner=request.user) if request.method == "POST" else (
        selectors.plan_of(owner=request.user) or services.SupportPlan(owner=request.user))
    return _needs_page(request, plan=plan, step=step, done_url=reverse("support:plan"))


@login_required
def joint_needs(request, plan_id: int, step: str):
    plan = selectors.plan_for_participant(user=request.user, plan_id=plan_id)
    if step == "signals":
        raise NotFound(_("That step was not found."))
    return _needs_page(request, plan=plan, step=step,
                       done_url=reverse("support:joint", kwargs={"plan_id": plan.pk}), partner_mode=True)


def _needs_page(request, *, plan, step, done_url, partner_mode=False):
    if step not in needs.STEP_KEYS:
        raise NotFound(_("That step was not found."))
    if step == "signals":
        return _signals_page(request, plan=plan)
    answers = selectors.answers_of(plan=plan, person=request.user) if plan.pk else {}
    form = NeedsStepForm(request.POST if request.method == "POST" else None, step=step, initial=answers)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_answers(plan=plan, actor=request.user, step=step, answers=form.cleaned_data)
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                following = needs.STEP_KEYS.index(step) + 1
                if partner_mode and needs.STEP_KEYS[following] == "signals":
                    messages.success(request, _("Your answers are saved and added to the plan you are building together."))
                    return redirect(done_url)
                return redirect("support:joint_needs" if partner_mode else "support:needs",
                                **({"plan_id": plan.pk} if partner_mode else {}), step=needs.STEP_KEYS[following])
        status = 400
    index = needs.STEP_KEYS.index(step)
    previous = needs.STEP_KEYS[index - 1] if index else None
    return render(request, "support/needs.html", {
        "form": form, "step": step, "plan": plan, "partner_mode": partner_mode,
        "number": index + 1, "count": len(needs.STEP_KEYS) - (1 if partner_mode else 0),
        "title": _(needs.STEPS[index][1]), "previous": previous,
        "previous_url": (reverse("support:joint_needs", kwargs={"plan_id": plan.pk, "step": previous}) if partner_mode
                         else reverse("support:needs", kwargs={"step": previous})) if previous else None,
    }, status=status)


def _signals_page(request, *, plan):
    known = selectors.known_signals(person=request.user)
    form = MakePlanForm(request.POST if request.method == "POST" else None, initial={"use_what_kinwell_knows": plan.use_what_kinwell_knows,
                                                      "in_own_words": plan.in_own_words})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            made = services.make_plan(plan=plan, actor=request.user, signals=known,
                                      use_what_kinwell_knows=form.cleaned_data["use_what_kinwell_knows"],
                                      in_own_words=form.cleaned_data["in_own_words"])
            present(request, made.safety)
            messages.success(request, _("Your support plan is ready. It is saved, and only you can see it "
                                        "unless you choose to share it."))
            return redirect("support:plan")
        status = 400
    return render(request, "support/signals.html", {
        "form": form, "plan": plan, "known": known, "number": len(needs.STEP_KEYS), "count": len(needs.STEP_KEYS),
        "sign_phrases": [presenting.quoted(needs.SIGN_PHRASES.get(s, s)) for s in sorted(known.signs)],
        "previous_url": reverse("support:needs", kwargs={"step": needs.STEP_KEYS[-2]}),
    }, status=status)


@login_required
def joint(request, plan_id: int):
    plan = selectors.plan_for_participant(user=request.user, plan_id=plan_id)
    if plan.owner_id == request.user.pk:
        return redirect("support:plan")
    if not plan.is_made:
        return render(request, "support/joint_waiting.html", {"plan": plan})
    return _plan_page(request, plan)


def _back_to_plan(plan, user):
    return redirect("support:plan") if plan.owner_id == user.pk else redirect("support:joint", plan_id=plan.pk)


@login_required
@require_POST
def step_done(request, plan_id: int, step_id: int):
    plan = selectors.plan_for_participant(user=request.user, plan_id=plan_id)
    done = request.POST.get("done") == "1"
    services.set_step_done(plan=plan, actor=request.user, step_id=step_id, done=done)
    messages.success(request, _("Ticked off. Well done.") if done else _("Marked as not done yet."))
    return _back_to_plan(plan, request.user)


@login_required
@require_POST
def own_step(request, plan_id: int):
    plan = selectors.plan_for_participant(user=request.user, plan_id=plan_id)
    form = OwnStepForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, plan, status=400, own_form=form)
    present(request, services.add_own_step(plan=plan, actor=request.user, text=form.cleaned_data["text"]).safety)
    messages.success(request, _("Your step is on the plan."))
    return _back_to_plan(plan, request.user)


@login_required
@require_POST
def remove_step(request, plan_id: int, step_id: int):
    plan = selectors.plan_for_participant(user=request.user, plan_id=plan_id)
    services.remove_step(plan=plan, actor=request.user, step_id=step_id)
    messages.success(request, _("The step is removed."))
    return _back_to_plan(plan, request.user)


@login_required
@require_POST
def follow_up(request, plan_id: int):
    plan = selectors.plan_for_participant(user=request.user, plan_id=plan_id)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.set_follow_up(plan=plan, actor=request.user, on=form.cleaned_data["on"])
        except ServiceError as error:
            form.add_error("on", error.message)
    if form.errors:
        return _plan_page(request, plan, status=400, follow_up_form=form)
    messages.success(request, _("We will ask how it is going on %(day)s.") % {"day": form.cleaned_data["on"]})
    return _back_to_plan(plan, request.user)


@login_required
def message(request):
    plan = selectors.plan_of(owner=request.user)
    answers = Answers.from_dict(plan.answers if plan else {})
    service = None
    if request.GET.get("service"):
        service = directory_selectors.place(service_at_location_id=_uuid(request.GET["service"]))
    initial_text = (_("I found this and thought of you. Could we look at it together?") if service
                    else _(next_steps.message_template(answers)))
    people = list(people_in_circles_with(user=request.user))
    form = MessageForm(request.POST if request.method == "POST" else None, people=people, initial={"text": initial_text})
    status = 200
    service_link = request.build_absolute_uri(
        reverse("directory:detail", kwargs={"service_at_location_id": service.pk})) if service else ""
    if request.method == "POST":
        if form.is_valid() and form.cleaned_data.get("recipient"):
            try:
                sent = services.send_to_trusted_person(sender=request.user, recipient_id=form.cleaned_data["recipient"],
                                                       text=form.cleaned_data["text"], about_service=service_link)
            except ServiceError as error:
                form.add_error("recipient", error.message)
            else:
                present(request, sent.safety)
                messages.success(request, _("Sent to %(name)s. They can reply to you by email.")
                                 % {"name": sent.value.recipient.display_name})
                return redirect("directory:detail", service_at_location_id=service.pk) if service else redirect(
                    "support:plan" if plan and plan.is_made else "support:message")
        elif form.is_valid():
            form.add_error("recipient", _("Choose who to send it to, or copy the message to send it yourself."))
        status = 400
    text = form["text"].value() or ""
    return render(request, "support/message.html", {
        "form": form, "people": people, "service": service, "service_link": service_link,
        "mailto": "mailto:?" + urlencode({"body": f"{text}\n{service_link}".strip()}),
        "sms": "sms:?&" + urlencode({"body": f"{text} {service_link}".strip()}),
    }, status=status)


def _uuid(value: str):
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise NotFound(_("That service was not found.")) from error


@login_required
@require_POST
def build_together(request):
    plan = selectors.plan_of(owner=request.user)
    if plan is None:
        raise NotFound(_("Make your plan first."))
    try:
        partner_id = int(request.POST.get("partner", ""))
    except ValueError:
        partner_id = 0
    plan = services.build_together(plan=plan, owner=request.user, partner_id=partner_id)
    messages.success(request, _("%(name)s can now add their answers and tick off steps with you.")
                     % {"name": plan.partner.display_name})
    return redirect("support:plan")


@login_required
@require_POST
def stop_together(request, plan_id: int):
    plan = selectors.plan_for_participant(user=request.user, plan_id=plan_id)
    services.stop_building_together(plan=plan, actor=request.user)
    messages.success(request, _("The plan is no longer shared between you."))
    return redirect("support:plan")


@login_required
@require_POST
def start_over(request):
    services.start_over(owner=request.user)
    messages.success(request, _("Your plan is deleted. You can start again whenever you like."))
    return redirect("support:plan")


@login_required
@require_POST
def save_service(request, service_at_location_id):
    place = directory_selectors.place(service_at_location_id=service_at_location_id)
    link = reverse("directory:detail", kwargs={"service_at_location_id": place.pk})
    services.save_service(owner=request.user, key=f"service:{place.pk}", name=place.service.name, link=link)
    messages.success(request, _("Saved to your support plan."))
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/find-help/") else link)


@login_required
def member_plan(request, circle_id: int, user_id: int):
    seen = selectors.member_plan(viewer=request.user, circle_id=circle_id, user_id=user_id)
    return render(request, "support/member_plan.html", {
        "circle": seen["circle"], "member": seen["member"], "pathways": [(k, _(label)) for k, label in seen["pathways"]],
        "steps": presenting.present_member_steps(seen)})
