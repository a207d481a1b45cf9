"""The support plan in the API: start or resume the flow, submit answers screen by
screen, make the plan, read it, and tick steps. Only the caller's own plan (or one they
build together) is reachable; a circle member's view goes through the access policy."""

from datetime import date, datetime

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from kinwell.core.errors import NotFound
from kinwell.core.schemas import ERRORS, DatabaseId
from kinwell.safety.schemas import SafetyOut
from kinwell.support import needs, presenting, selectors, services

router = Router(tags=["support plan"])


class ChoiceOut(Schema):
    key: str
    label: str


class QuestionOut(Schema):
    key: str
    label: str
    many: bool
    choices: list[ChoiceOut]


class FlowOut(Schema):
    plan_id: int
    step: str = Field(..., description='The next screen to answer, or "done" once the plan is made.')
    steps: list[str]
    questions: dict[str, list[str]] = Field(..., description="Which questions each screen asks.")
    catalogue: list[QuestionOut]
    answers: dict
    made: bool


class NeedsAnswersIn(Schema):
    answers: dict = Field(..., description="Question key to a choice key (or a list, for questions with many).")


class MakeIn(Schema):
    use_what_kinwell_knows: bool = True
    in_own_words: str = Field("", max_length=services.OWN_WORDS_MAX)


class StepOut(Schema):
    id: int
    kind: str
    title: str
    href: str | None
    done: bool


class PathwayOut(Schema):
    key: str
    rank: int
    label: str
    suggested: bool
    reasons: list[str]
    cautions: list[str]
    steps: list[StepOut]


class SupportPlanOut(Schema):
    id: int
    made_at: datetime | None
    follow_up_on: date | None
    built_together_with: str | None
    safety_first: bool
    safety_reasons: list[str]
    safety_steps: list[StepOut]
    pathways: list[PathwayOut]
    own_steps: list[StepOut]
    saved: list[StepOut]


class PlanMadeOut(SupportPlanOut):
    safety: SafetyOut | None


class DoneIn(Schema):
    done: bool


class OwnStepIn(Schema):
    text: str = Field(..., min_length=1, max_length=services.OWN_STEP_MAX)


class OwnStepOut(StepOut):
    safety: SafetyOut


class TogetherIn(Schema):
    partner_id: DatabaseId


class MemberPlanOut(Schema):
    pathways: list[ChoiceOut]
    steps: list[StepOut]


def _flow(plan, person) -> dict:
    return {
        "plan_id": plan.pk, "step": plan.step, "steps": list(needs.STEP_KEYS),
        "questions": {key: list(questions) for key, _label, questions in needs.STEPS},
        "catalogue": [{"key": q.key, "label": _(q.label), "many": q.many,
                       "choices": [{"key": c.key, "label": _(c.label)} for c in q.choices]}
                      for q in needs.QUESTIONS.values()],
        "answers": selectors.answers_of(plan=plan, person=person), "made": plan.is_made,
    }


def _step(item: dict) -> dict:
    return {"id": item["id"], "kind": item["kind"], "title": item["title"], "href": item["href"], "done": item["done"]}


def _plan(plan, person) -> dict:
    selectors.record_joint_view(plan=plan, viewer=person)
    outline = selectors.outline_for(plan=plan, viewer=person)
    answers = selectors.answers_seen_by(plan=plan, viewer=person)
    steps, shared = selectors.steps_seen_by(plan=plan, viewer=person)
    view = presenting.present_plan(plan=plan, outline=outline, answers=answers, steps=steps, shared=shared)
    other = plan.partner if plan.owner_id == person.pk else plan.owner if plan.partner_id else None
    return {
        "id": plan.pk, "made_at": plan.made_at, "follow_up_on": plan.follow_up_on,
        "built_together_with": other.display_name if other else None,
        "safety_first": view["safety_first"], "safety_reasons": view["safety_reasons"],
        "safety_steps": [_step(s) for s in view["safety_steps"]],
        "pathways": [{**{k: p[k] for k in ("key", "rank", "label", "suggested", "reasons", "cautions")},
                      "steps": [_step(s) for s in p["steps"]]} for p in view["suggested"] + view["others"]],
        "own_steps": [_step(s) for s in view["own_steps"]], "saved": [_step(s) for s in view["saved"]],
    }


def _own_made_plan(person):
    plan = selectors.plan_of(owner=person)
    if plan is None or not plan.is_made:
        raise NotFound(_("You have no support plan yet. Start with POST /support-plan/flow."))
    return plan


@router.get("/flow", response={200: FlowOut, **ERRORS})
def get_flow(request):
    plan = selectors.plan_of(owner=request.auth)
    if plan is None:
        raise NotFound(_("You haven't started yet. Start with POST /support-plan/flow."))
    return _flow(plan, request.auth)


@router.post("/flow", response={200: FlowOut, **ERRORS})
def start_flow(request):
    return _flow(services.start_or_resume(owner=request.auth), request.auth)


@router.put("/flow/{step}", response={200: FlowOut, **ERRORS})
def answer(request, step: str, payload: NeedsAnswersIn):
    plan = services.start_or_resume(owner=request.auth)
    plan = services.save_answers(plan=plan, actor=request.auth, step=step, answers=payload.answers)
    return _flow(plan, request.auth)


@router.post("/make", response={201: PlanMadeOut, **ERRORS})
def make(request, payload: MakeIn):
    plan = services.start_or_resume(owner=request.auth)
    made = services.make_plan(plan=plan, actor=request.auth, signals=selectors.known_signals(person=request.auth),
                              use_what_kinwell_knows=payload.use_what_kinwell_knows, in_own_words=payload.in_own_words)
    return Status(201, {**_plan(made.value, request.auth), "safety": SafetyOut.of(made.safety)})


@router.post("/together", response={200: FlowOut, **ERRORS})
def build_together(request, payload: TogetherIn):
    """Invite the partner in a couple circle to add their answers to the caller's plan."""
    plan = selectors.plan_of(owner=request.auth)
    if plan is None:
        raise NotFound(_("You haven't started yet. Start with POST /support-plan/flow."))
    return _flow(services.build_together(plan=plan, owner=request.auth, partner_id=payload.partner_id), request.auth)


@router.put("/{id:plan_id}/flow/{step}", response={200: FlowOut, **ERRORS})
def answer_together(request, plan_id: DatabaseId, step: str, payload: NeedsAnswersIn):
    """The partner's own answers to a plan built together (the owner uses PUT /flow/{step})."""
    plan = selectors.plan_for_participant(user=request.auth, plan_id=plan_id)
    return _flow(services.save_answers(plan=plan, actor=request.auth, step=step, answers=payload.answers), request.auth)


@router.get("", response={200: SupportPlanOut, **ERRORS})
def get_plan(request):
    return _plan(_own_made_plan(request.auth), request.auth)


@router.get("/{id:plan_id}", response={200: SupportPlanOut, **ERRORS})
def get_joint_plan(request, plan_id: DatabaseId):
    plan = selectors.plan_for_participant(user=request.auth, plan_id=plan_id)
    if not plan.is_made:
        raise NotFound(_("That plan is not made yet."))
    return _plan(plan, request.auth)


@router.patch("/{id:plan_id}/steps/{id:step_id}", response={200: StepOut, **ERRORS})
def tick(request, plan_id: DatabaseId, step_id: DatabaseId, payload: DoneIn):
    plan = selectors.plan_for_participant(user=request.auth, plan_id=plan_id)
    step = services.set_step_done(plan=plan, actor=request.auth, step_id=step_id, done=payload.done)
    return _step(presenting.present_one(step=step, outline=selectors.outline_for(plan=plan, viewer=request.auth),
                                        answers=selectors.answers_seen_by(plan=plan, viewer=request.auth)))


@router.post("/{id:plan_id}/steps", response={201: OwnStepOut, **ERRORS})
def add_step(request, plan_id: DatabaseId, payload: OwnStepIn):
    plan = selectors.plan_for_participant(user=request.auth, plan_id=plan_id)
    added = services.add_own_step(plan=plan, actor=request.auth, text=payload.text)
    step = added.value
    return Status(201, {"id": step.pk, "kind": step.kind, "title": step.own_text, "href": None, "done": False,
                        "safety": SafetyOut.of(added.safety)})


@router.get("/circles/{id:circle_id}/members/{id:user_id}", response={200: MemberPlanOut, **ERRORS})
def member_plan(request, circle_id: DatabaseId, user_id: DatabaseId):
    seen = selectors.member_plan(viewer=request.auth, circle_id=circle_id, user_id=user_id)
    return {"pathways": [{"key": k, "label": _(label)} for k, label in seen["pathways"]],
            "steps": [_step(item) for item in presenting.present_member_steps(seen)]}
