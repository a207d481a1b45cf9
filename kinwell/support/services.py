"""Every write to a support plan. Each takes the acting person and checks they own the
plan or build it together with its owner; one transaction each."""

import json
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.core.text import clean_name, clean_text
from kinwell.core.errors import NotAllowed, NotFound, ServiceError
from kinwell.safety.detector import Assessment
from kinwell.safety.screened import screens
from kinwell.support import needs, next_steps, selectors
from kinwell.support.models import PlanStep, SupportPlan, TrustedMessage
from kinwell.support.rules import Signals

OWN_WORDS_MAX = 2_000
OWN_STEP_MAX = 300


@transaction.atomic
def start_or_resume(*, owner) -> SupportPlan:
    plan, _created = SupportPlan.objects.get_or_create(owner=owner)
    return plan


def _locked(plan: SupportPlan, actor) -> SupportPlan:
    locked = SupportPlan.objects.select_for_update().filter(pk=plan.pk).first()
    if locked is None or not locked.involves(actor):
        raise NotFound(_("That support plan was not found."))
    return locked


def _clean_answers(step: str, given: dict) -> dict:
    """Only this step's questions, only known choices; anything else is refused with a
    message rather than silently dropped, so an API client learns what it sent wrong."""
    questions = {key: needs.QUESTIONS[key] for key in needs.questions_on(step)}
    clean = {}
    for key, question in questions.items():
        value = given.get(key)
        if question.many:
            value = list(value or [])
            unknown = [v for v in value if v not in question.keys]
            if unknown:
                raise ServiceError(_("“%(value)s” is not one of the choices for “%(question)s”.")
                                   % {"value": unknown[0], "question": _(question.label)})
            clean[key] = sorted(set(value))
        else:
            value = value or ""
            if value and value not in question.keys:
                raise ServiceError(_("“%(value)s” is not one of the choices for “%(question)s”.")
                                   % {"value": value, "question": _(question.label)})
            clean[key] = value
    if step == "preferences":
        zip_code = str(given.get("zip") or "").strip()
        if zip_code and not (len(zip_code) == 5 and zip_code.isdigit()):
            raise ServiceError(_("Enter a five-digit US ZIP code, or leave it empty."))
        clean["zip"] = zip_code
    return clean


@transaction.atomic
def save_answers(*, plan: SupportPlan, actor, step: str, answers: dict) -> SupportPlan:
    """Save one screen of the flow and move on to the next. Works for the owner and,
    in a plan made together, for the partner's own answers."""
    if step not in needs.STEP_KEYS or step == "signals":
        raise NotFound(_("That step was not found."))
    plan = _locked(plan, actor)
    clean = _clean_answers(step, answers)
    is_partner = actor.pk != plan.owner_id
    field = "partner_answers_text" if is_partner else "answers_text"
    stored = {**(plan.partner_answers if is_partner else plan.answers), **clean}
    setattr(plan, field, json.dumps(stored, sort_keys=True))
    if not is_partner:
        plan.step = needs.STEP_KEYS[needs.STEP_KEYS.index(step) + 1]
    plan.save()
    return plan


@screens("in_own_words", author="actor")
@transaction.atomic
def make_plan(*, plan: SupportPlan, actor, signals: Signals, use_what_kinwell_knows: bool,
              in_own_words: str = "", safety: Assessment) -> SupportPlan:
    """Finish the flow: keep a snapshot of what Kinwell knew, and put the suggested
    steps on the checklist. Making it again (revising) keeps every step already ticked.
    `safety` is what the crisis detector heard in the person's own words (@screens): urgent risk to
    themselves puts professional care first, danger from someone else counts exactly like
    ticking "I feel unsafe with someone"."""
    crisis_text = safety.level == "urgent" and safety.self_directed
    danger_text = safety.danger_from_others
    plan = _locked(plan, actor)
    if actor.pk != plan.owner_id:
        raise NotAllowed(_("Only the person whose plan this is can make it. Your answers are saved."))
    plan.in_own_words = clean_text(in_own_words, max_length=OWN_WORDS_MAX, allow_empty=True)
    plan.use_what_kinwell_knows = use_what_kinwell_knows
    kept = selectors.snapshot(signals) if use_what_kinwell_knows else {}
    plan.signals_text = json.dumps({**kept, "crisis_text": crisis_text, "danger_text": danger_text}, sort_keys=True)
    plan.step = "done"
    plan.made_at = timezone.now()
    if plan.follow_up_on is None or plan.follow_up_on <= timezone.localdate():
        plan.follow_up_on = plan.default_follow_up()
        plan.follow_up_sent_on = None
    plan.save()
    _refresh_steps(plan=plan, owner=actor)
    return plan


def _refresh_steps(*, plan: SupportPlan, owner) -> None:
    ranked = selectors.outline_for(plan=plan, viewer=owner)
    answers = selectors.answers_seen_by(plan=plan, viewer=owner)
    wanted = list(next_steps.safety_steps(danger_from_others=ranked.danger_from_others)) if ranked.safety_first else []
    for pathway in ranked.pathways:
        if pathway.suggested:
            wanted.extend(next_steps.steps_for(pathway.key, answers))
    existing = {(s.pathway, s.key): s for s in plan.steps.exclude(kind=PlanStep.Kind.OWN)}
    for position, spec in enumerate(wanted):
        step = existing.pop((spec.pathway, spec.key), None)
        if step is None:
            PlanStep.objects.create(plan=plan, pathway=spec.pathway, key=spec.key, kind=spec.kind, position=position)
        elif step.position != position:
            step.position = position
            step.save(update_fields=["position"])
    # Steps the plan no longer suggests go, unless the person already did them.
    for step in existing.values():
        if step.done_at is None and not step.link:
            step.delete()


@transaction.atomic
def set_step_done(*, plan: SupportPlan, actor, step_id: int, done: bool) -> PlanStep:
    plan = _locked(plan, actor)
    step = plan.steps.filter(pk=step_id).first()
    if step is None:
        raise NotFound(_("That step was not found."))
    step.done_at = timezone.now() if done else None
    step.done_by = actor if done else None
    step.save(update_fields=["done_at", "done_by"])
    return step


@screens("text", author="actor")
@transaction.atomic
def add_own_step(*, plan: SupportPlan, actor, text: str) -> PlanStep:
    plan = _locked(plan, actor)
    return PlanStep.objects.create(plan=plan, pathway="own", kind=PlanStep.Kind.OWN, own_text=clean_name(text, max_length=OWN_STEP_MAX, empty_message=_("Write the step first.")),
                                   position=1000)


@transaction.atomic
def remove_step(*, plan: SupportPlan, actor, step_id: int) -> None:
    plan = _locked(plan, actor)
    step = plan.steps.filter(pk=step_id).first()
    if step is None:
        raise NotFound(_("That step was not found."))
    if step.kind != PlanStep.Kind.OWN and not step.link:
        raise ServiceError(_("Suggested steps stay on the plan; tick them off or revise the plan instead."))
    step.delete()


@transaction.atomic
def save_service(*, owner, key: str, name: str, link: str) -> PlanStep:
    """A help-finder record kept on the person's plan (made or not yet)."""
    plan, _created = SupportPlan.objects.get_or_create(owner=owner)
    step, _created = PlanStep.objects.get_or_create(
        plan=plan, pathway="saved", key=key,
        defaults={"kind": PlanStep.Kind.FINDER, "own_text": name[:OWN_STEP_MAX], "link": link[:500], "position": 900})
    return step


@transaction.atomic
def set_follow_up(*, plan: SupportPlan, actor, on: date) -> SupportPlan:
    plan = _locked(plan, actor)
    today = timezone.localdate()
    if on <= today:
        raise ServiceError(_("Choose a day after today."))
    if (on - today).days > 366:
        raise ServiceError(_("Choose a day within the next year."))
    plan.follow_up_on = on
    plan.follow_up_sent_on = None
    plan.save(update_fields=["follow_up_on", "follow_up_sent_on", "updated_at"])
    return plan


@transaction.atomic
def build_together(*, plan: SupportPlan, owner, partner_id: int) -> SupportPlan:
    plan = _locked(plan, owner)
    if owner.pk != plan.owner_id:
        raise NotAllowed(_("Only the person whose plan this is can invite someone to build it."))
    pair = next(((c, p) for c, p in selectors.couple_partners_of(user=owner) if p.pk == partner_id), None)
    if pair is None:
        raise ServiceError(_("You can build a plan together with your partner in a couple circle."))
    plan.circle, plan.partner = pair
    plan.save(update_fields=["circle", "partner", "updated_at"])
    return plan


def end_building_together(plans) -> None:
    """The one way a plan built together ends: the partner's answers and access go."""
    plans.update(partner=None, circle=None, partner_answers_text="", updated_at=timezone.now())


@transaction.atomic
def stop_building_together(*, plan: SupportPlan, actor) -> None:
    """Either person can end it."""
    plan = _locked(plan, actor)
    end_building_together(SupportPlan.objects.filter(pk=plan.pk))


@transaction.atomic
def start_over(*, owner) -> None:
    SupportPlan.objects.filter(owner=owner).delete()


MESSAGE_MAX = 1_000


@screens("text", author="sender")
@transaction.atomic
def send_to_trusted_person(*, sender, recipient_id: int, text: str, about_service: str = "") -> TrustedMessage:
    """Email someone from the sender's circles. The plan's message step is ticked."""
    from kinwell.circles.selectors import people_in_circles_with
    from kinwell.support.tasks import send_trusted_message

    recipient = people_in_circles_with(user=sender).filter(pk=recipient_id, is_active=True).first()
    if recipient is None:
        raise ServiceError(_("Choose someone from your circles, or copy the message to send it yourself."))
    text = clean_text(text, max_length=MESSAGE_MAX, empty_message=_("Write the message first."))
    message = TrustedMessage.objects.create(sender=sender, recipient=recipient, text=text,
                                            about_service=about_service[:500])
    plan = SupportPlan.objects.filter(owner=sender).first()
    if plan is not None and not about_service:
        plan.steps.filter(pathway="trusted_people", key="message", done_at__isnull=True).update(
            done_at=timezone.now(), done_by=sender)
    transaction.on_commit(lambda: send_trusted_message.enqueue(message_id=message.pk))
    return message
