"""The support plan: the "What do I need?" screens, a plan (ordinary, and one that
starts with safety), a message to someone trusted, a plan built together, and a plan
shared with a circle."""

from datetime import timedelta

from django.utils import timezone

from tests.browser.cases.common import Case, go, with_errors


def plan_for(person, *, concerns=("partner_conflict", "loneliness"), involves=("partner",), **extra):
    from kinwell.support import services
    from kinwell.support.rules import Signals

    plan = services.start_or_resume(owner=person)
    services.save_answers(plan=plan, actor=person, step="situation", answers={"concerns": list(concerns)})
    services.save_answers(plan=plan, actor=person, step="details",
                          answers={"involves": list(involves), "duration": "long", "impact": "some"})
    services.save_answers(plan=plan, actor=person, step="preferences",
                          answers={"payment": "medicaid", "language": "spanish", "zip": extra.pop("zip", "10001")})
    plan = services.make_plan(plan=plan, actor=person, signals=Signals(has_circle=True), use_what_kinwell_knows=True).value
    services.add_own_step(plan=plan, actor=person, text="Walk with Sam on Saturday")
    step = plan.steps.exclude(kind="own").first()
    services.set_step_done(plan=plan, actor=person, step_id=step.pk, done=True)
    for key, value in extra.items():
        setattr(plan, key, value)
    plan.save()
    return plan


def with_plan(path, who="alex", **options):
    def visit(page, demo, settings):
        plan = plan_for(getattr(demo, who), **options)
        page.goto(path(demo, plan) if callable(path) else path)

    return visit


def with_plan_errors(button_name, who="alex", **fields):
    def visit(page, demo, settings):
        plan_for(getattr(demo, who))
        with_errors("/support-plan/", button_name, **fields)(page, demo, settings)

    return visit


def couple_plan(path_for_jo, *, made=False):
    """Alex builds a plan together with Jo (a couple circle of two); `made`: Alex has
    finished it."""

    def visit(page, demo, settings):
        from kinwell.circles.models import CircleKind
        from kinwell.support import services
        from tests.factories import CircleFactory

        CircleFactory(name="Alex and Jo", kind=CircleKind.COUPLE, owner=demo.alex, members=[demo.jo])
        plan = services.start_or_resume(owner=demo.alex)
        services.build_together(plan=plan, owner=demo.alex, partner_id=demo.jo.pk)
        if made:
            plan = plan_for(demo.alex)
        page.goto(path_for_jo.format(plan=plan.pk))

    return visit


CASES = [
    Case("in-support-start", "support:plan", go("/support-plan/"), "newcomer"),
    Case("in-needs-situation", "support:needs", go("/support-plan/needs/situation/"), "alex"),
    Case("in-needs-details", "support:needs", go("/support-plan/needs/details/"), "alex"),
    Case("in-needs-preferences", "support:needs", go("/support-plan/needs/preferences/"), "alex"),
    Case("in-needs-preferences-error", "support:needs",
         with_errors("/support-plan/needs/preferences/", "Save and continue", zip="abc"), "alex"),
    Case("in-needs-signals", "support:needs", go("/support-plan/needs/signals/"), "alex"),
    Case("in-support-plan", "support:plan", with_plan("/support-plan/"), "alex"),
    Case("in-support-plan-safety-first", "support:plan",
         with_plan("/support-plan/", concerns=("unsafe", "partner_conflict")), "alex"),
    Case("in-support-plan-follow-up-due", "support:plan",
         with_plan("/support-plan/", follow_up_on=timezone.localdate() - timedelta(days=1)), "alex"),
    Case("in-support-plan-no-zip", "support:plan", with_plan("/support-plan/", zip=""), "alex"),
    Case("in-support-own-step-error", "support:own_step", with_plan_errors("Add step"), "alex"),
    Case("in-support-follow-up-error", "support:follow_up", with_plan_errors("Save the day", on="1999-01-01"), "alex"),
    Case("in-support-message", "support:message", with_plan("/support-plan/message/"), "alex"),
    Case("in-support-message-error", "support:message",
         with_errors("/support-plan/message/", "Send by email"), "alex"),
    Case("in-support-message-alone", "support:message", go("/support-plan/message/"), "newcomer"),
    Case("in-support-joint-waiting", "support:joint", couple_plan("/support-plan/{plan}/"), "jo"),
    Case("in-support-joint", "support:joint", couple_plan("/support-plan/{plan}/", made=True), "jo"),
    Case("in-support-joint-needs", "support:joint_needs", couple_plan("/support-plan/{plan}/needs/situation/"), "jo"),
    Case("in-support-member-plan", "support:member_plan",
         with_plan(lambda d, p: f"/circles/{d.family.pk}/members/{d.sam.pk}/support-plan/", who="sam"), "alex"),
    Case("es-support-plan", "support:plan", with_plan("/support-plan/", who="ana"), "ana"),
    Case("narrow-support-plan", "support:plan", with_plan("/support-plan/"), "alex", 320),
    Case("narrow-needs-situation", "support:needs", go("/support-plan/needs/situation/"), "alex", 320),
]
