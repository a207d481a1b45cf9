"""Reads for the support plan: what Kinwell already knows, and the plan as each
person may see it. Another person's plan is read only through the access policy."""

from dataclasses import replace

from django.utils.translation import gettext as _

from kinwell.checkins.selectors import open_nudges
from kinwell.circles import access
from kinwell.circles.models import CircleKind, DataKind, Membership
from kinwell.core.errors import NotFound
from kinwell.core.localtime import today_for
from kinwell.screening import scoring
from kinwell.screening.selectors import results
from kinwell.support import needs
from kinwell.support.models import SupportPlan
from kinwell.support.rules import Answers, Outline, ScreeningResult, Signals, combine, outline
from kinwell.support.rules import feels_unsafe as rules_feel_unsafe


def plan_of(*, owner) -> SupportPlan | None:
    return SupportPlan.objects.filter(owner=owner).select_related("partner", "circle").first()


def joint_plans_for(*, user):
    return SupportPlan.objects.filter(partner=user).select_related("owner", "circle")


def plan_for_participant(*, user, plan_id: int) -> SupportPlan:
    """A plan the user owns or builds together with its owner; anything else is "not found"."""
    plan = SupportPlan.objects.filter(pk=plan_id).select_related("owner", "partner", "circle").first()
    if plan is None or not plan.involves(user):
        raise NotFound(_("That support plan was not found."))
    return plan


def known_signals(*, person) -> Signals:
    """The latest result of each questionnaire, PHQ-9 item 9, open check-in signs and
    whether they have a circle: what the plan may use when the person agrees."""
    latest = {}
    for response in results(owner=person):
        latest.setdefault(response.instrument, response)
    screening = []
    for key, response in latest.items():
        instrument = scoring.get(key)
        screening.append(ScreeningResult(key, instrument.name, instrument.band_for(response.total).level))
    phq9 = latest.get("phq9")
    item9 = 0
    if phq9 is not None and phq9.definition.urgent_item:
        item9 = int(phq9.answers.get(phq9.definition.urgent_item, 0) or 0)
    return Signals(
        screening=tuple(screening),
        phq9_item9=item9,
        signs=frozenset(open_nudges(owner=person).values_list("rule", flat=True)),
        has_circle=Membership.objects.filter(user=person).exists(),
    )


def signals_from_snapshot(data: dict) -> Signals:
    return Signals(
        screening=tuple(ScreeningResult(*row) for row in data.get("screening", ())),
        phq9_item9=int(data.get("phq9_item9", 0)),
        signs=frozenset(data.get("signs", ())),
        crisis_text=bool(data.get("crisis_text")),
        has_circle=bool(data.get("has_circle")),
        danger_text=bool(data.get("danger_text")),
    )


def snapshot(signals: Signals) -> dict:
    return {
        "screening": [[r.instrument, r.name, r.level] for r in signals.screening],
        "phq9_item9": signals.phq9_item9,
        "signs": sorted(signals.signs),
        "crisis_text": signals.crisis_text,
        "has_circle": signals.has_circle,
        "danger_text": signals.danger_text,
    }


def answers_of(*, plan: SupportPlan, person) -> dict:
    return plan.partner_answers if plan.partner_id == person.pk and person.pk != plan.owner_id else plan.answers


def answers_seen_by(*, plan: SupportPlan, viewer) -> Answers:
    """The answers a participant's view of the plan works from: their own, and in a plan
    built together both people's combined. Feeling unsafe is never combined into the
    other person's view; it stays in the view of whoever said it."""
    mine = Answers.from_dict(answers_of(plan=plan, person=viewer))
    if not plan.partner_id:
        return mine
    other = Answers.from_dict(plan.partner_answers if viewer.pk == plan.owner_id else plan.answers)
    combined = combine(mine, other)
    if "unsafe" in mine.concerns:
        combined = replace(combined, concerns=combined.concerns | {"unsafe"})
    return combined


def record_joint_view(*, plan: SupportPlan, viewer) -> None:
    """A plan built together quotes the other person's answers: showing it is a view of
    their support plan, written to their access log like any other."""
    other_id = plan.partner_id if viewer.pk == plan.owner_id else plan.owner_id
    if plan.partner_id and other_id:
        other = plan.partner if other_id == plan.partner_id else plan.owner
        access.record_view(viewer=viewer, owner=other, kind=DataKind.SUPPORT_PLAN, circle=plan.circle)


def feels_unsafe(plan: SupportPlan) -> bool:
    """The owner ticked "unsafe" or wrote of being hurt, threatened or controlled."""
    return rules_feel_unsafe(Answers.from_dict(plan.answers), Signals(danger_text=bool(plan.signals.get("danger_text"))))


def steps_seen_by(*, plan: SupportPlan, viewer) -> tuple[list, list]:
    """The plan's steps this participant sees, and those of them on the shared checklist.
    In a plan built together the safety steps are the owner's alone: never shown to the
    partner, and never counted in the shared "x of y done"."""
    steps = list(plan.steps.all())
    if not plan.partner_id:
        return steps, steps
    mine = viewer.pk == plan.owner_id
    seen = [s for s in steps if s.pathway != "safety" or mine]
    return seen, [s for s in seen if s.pathway != "safety"]


def outline_for(*, plan: SupportPlan, viewer) -> Outline:
    """The ranked plan as this participant sees it. Screening results and signs are each
    person's own: they shape only their own view. In a plan built together, if either
    person feels unsafe, couples and family sessions leave both views (never ranked, no
    reason given), so the plan cannot steer either of them into a room with the danger."""
    if viewer.pk == plan.owner_id:
        signals = signals_from_snapshot(plan.signals) if plan.use_what_kinwell_knows else Signals(
            crisis_text=bool(plan.signals.get("crisis_text")), danger_text=bool(plan.signals.get("danger_text")))
    else:
        signals = known_signals(person=viewer)
    leave_out = frozenset()
    if plan.partner_id and (feels_unsafe(plan) or "unsafe" in plan.partner_answers.get("concerns", ())):
        leave_out = frozenset({"couples_therapy", "family_therapy"})
    return outline(answers_seen_by(plan=plan, viewer=viewer), signals, leave_out=leave_out)


def member_plan(*, viewer, circle_id, user_id) -> dict:
    """A member's plan as the viewer may see it: the pathways and the checklist, never the
    reasons (they quote private answers). A plan made by someone who feels unsafe with
    someone is never shown in a circle, whatever the sharing setting says."""
    refusal = _("No support plan is shared with this circle.")
    # Logged only once there is a plan to show: the policy is asked first, so someone
    # outside the circle cannot learn whether a plan exists.
    opened = access.open_member(viewer=viewer, circle_id=circle_id, user_id=user_id, kind=DataKind.SUPPORT_PLAN,
                                refusal=refusal, log=False)
    owner = opened.owner
    plan = plan_of(owner=owner)
    if plan is None or not plan.is_made or feels_unsafe(plan):
        raise NotFound(refusal)
    access.record_view(viewer=viewer, owner=owner, kind=DataKind.SUPPORT_PLAN, circle=opened.circle)
    ranked = outline(Answers.from_dict(plan.answers))
    suggested = [p.key for p in ranked.pathways if p.suggested]
    return {"plan": plan, "circle": opened.circle, "member": owner,
            "pathways": [(key, needs.PATHWAY_LABELS[key]) for key in suggested],
            "steps": [s for s in plan.steps.all() if s.pathway != "safety"]}


def couple_partners_of(*, user) -> list[tuple]:
    """(circle, partner) for each couple circle the user is in with one other person."""
    pairs = []
    for membership in Membership.objects.filter(user=user, circle__kind=CircleKind.COUPLE).select_related("circle"):
        others = [m.user for m in membership.circle.memberships.select_related("user") if m.user_id != user.pk]
        if len(others) == 1:
            pairs.append((membership.circle, others[0]))
    return pairs


def follow_ups_due_for(*, user) -> list[SupportPlan]:
    """Made plans this person owns or builds together whose follow-up day has come (in
    their own time zone). A plan built together counts for the partner only while both
    are still in its circle and its owner is not taking space there."""
    from kinwell.circles.selectors import people_present_for

    today = today_for(user)
    plans = SupportPlan.objects.filter(made_at__isnull=False, follow_up_on__lte=today).select_related("owner", "circle")
    due = list(plans.filter(owner=user).defer(*_TEXT_FIELDS))
    shared = list(plans.filter(partner=user).exclude(owner=user).defer(*_TEXT_FIELDS))
    if shared:
        present = people_present_for(viewer=user)
        due += [plan for plan in shared if (plan.circle_id, plan.owner_id) in present]
    return due


_TEXT_FIELDS = ("answers_text", "partner_answers_text", "signals_text", "in_own_words")
