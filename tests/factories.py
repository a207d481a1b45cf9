import factory
from django.contrib.auth import get_user_model

from kinwell.circles import services as circle_services
from kinwell.circles.models import Circle, CircleKind, Membership

DEFAULT_PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("first_name")
    time_zone = "UTC"
    language = "en"

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or DEFAULT_PASSWORD)
        if create:
            obj.save()


class CircleFactory(factory.django.DjangoModelFactory):
    """A circle with an owner. Pass `members=[...]` to add people to it."""

    class Meta:
        model = Circle
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Circle {n}")
    kind = CircleKind.FAMILY

    @factory.post_generation
    def owner(obj, create, extracted, **kwargs):
        Membership.objects.create(circle=obj, user=extracted or UserFactory(), role=Membership.Role.OWNER)

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        for person in extracted or []:
            Membership.objects.create(circle=obj, user=person)


def share(person, circle, *kinds):
    circle_services.update_sharing(user=person, circle=circle, kinds=set(kinds))


def screening_result(person, instrument="phq9", *, total=None, answers=None, when=None):
    """A completed screening result: exact `answers`, or a set adding up to `total`."""
    from django.utils import timezone

    from kinwell.screening import scoring
    from kinwell.screening.models import Response

    definition = scoring.get(instrument)
    if answers is None:
        answers, left = {}, (total or 0) - definition.lowest
        for item in definition.items:
            step = min(left, max(item.values) - min(item.values))
            answers[item.key] = min(item.values) + step
            left -= step
    result = scoring.score(definition, answers)
    return Response.objects.create(
        owner=person, instrument=instrument, mode=Response.Mode.ALL, answers=dict(answers),
        total=result.total, band=result.band, completed_at=when or timezone.now(),
    )
def together_world(*, owner, member, circle) -> dict:
    """The owner's journal entry, goal, gratitude entry, a win and an accepted plan with
    the member, for the URL walk: returns the ids the URL patterns need. Texts carry
    "quiet hour" so the walk can check they never leak to an outsider."""
    from datetime import datetime, timedelta

    from kinwell.connect import services as connect_services
    from kinwell.journal import services as journal_services

    entry = journal_services.add_entry(owner=owner, text="My private quiet hour thoughts").value
    goal = journal_services.add_goal(owner=owner, area="rest", title="A quiet hour each Sunday").value
    connect_services.add_gratitude(owner=owner, text="Grateful for a quiet hour")
    win = connect_services.celebrate_win(author=owner, circle=circle, text="Finished the quiet hour project").value
    plan = connect_services.propose_plan(
        proposer=owner, circle=circle, invitee_id=member.pk, title="Walk in the quiet hour",
        starts_local=datetime.now() + timedelta(days=3), minutes=60, time_zone="UTC",
    ).value
    connect_services.accept_plan(actor=member, plan_id=plan.pk)
    return {"entry_id": entry.pk, "goal_id": goal.pk, "win_id": win.pk, "plan_id": plan.pk}
def post_reply(author, text="Thank you, this helped me.", slug="first-steps-together", **fields):
    """A reply through the real service (so its rules apply)."""
    from kinwell.library.services import post_reply as service

    return service(author=author, article_slug=slug, text=text, **fields).value


def trusted(person, days=30):
    """Make an account old enough (and with enough public replies) to be trusted with links."""
    from datetime import timedelta

    from django.utils import timezone

    from kinwell.library.reply_rules import TRUSTED_AFTER_REPLIES

    type(person).objects.filter(pk=person.pk).update(date_joined=timezone.now() - timedelta(days=days))
    person.refresh_from_db()
    from kinwell.library.models import Reply

    for number in range(TRUSTED_AFTER_REPLIES):
        Reply.objects.create(article_slug="first-steps-together", author=person, text=f"Earlier reply {number}",
                             display_name=person.display_name)
    Reply.objects.filter(author=person).update(created_at=timezone.now() - timedelta(days=2))
    return person
