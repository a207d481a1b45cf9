"""Demo data: Maya's support plan, built together with Jordan, for Chicago (where the
demo directory has places), one step already ticked off. Safe to run again."""

from kinwell.core.demo import demo_part
from kinwell.support import selectors, services
from kinwell.support.models import SupportPlan


def load_demo_plan(people: dict, *, circle) -> None:
    """`circle` is the demo couple circle: the plan is built together in that one, even
    when Maya has made other couple circles with Jordan."""
    maya, jordan = people["maya@example.com"], people["jordan@example.com"]
    services.start_over(owner=maya)
    plan = services.start_or_resume(owner=maya)
    for step, answers in (
        ("situation", {"concerns": ["job_loss", "stress", "communication"]}),
        ("details", {"involves": ["me", "partner"], "duration": "months", "impact": "some", "tried": ["talked"]}),
        ("preferences", {"format": "either", "payment": "private", "language": "english", "zip": "60614",
                         "times": ["evenings"]}),
    ):
        services.save_answers(plan=plan, actor=maya, step=step, answers=answers)
    services.build_together(plan=plan, owner=maya, partner_id=jordan.pk)
    SupportPlan.objects.filter(pk=plan.pk).update(circle=circle)
    services.save_answers(plan=plan, actor=jordan, step="situation", answers={"concerns": ["partner_conflict"]})
    services.save_answers(plan=plan, actor=jordan, step="details",
                          answers={"involves": ["partner"], "duration": "months", "impact": "some"})
    plan = services.make_plan(plan=plan, actor=maya, signals=selectors.known_signals(person=maya),
                              use_what_kinwell_knows=True).value
    first = plan.steps.exclude(kind="safety").first()
    services.set_step_done(plan=plan, actor=maya, step_id=first.pk, done=True)
    services.add_own_step(plan=plan, actor=jordan, text="Ask my brother how their counselor helped them")


@demo_part("support plan", order=70)
def _demo_part(*, people, circles) -> None:
    load_demo_plan(people, circle=circles["couple"])
