"""The daily question's one notice: "Jordan answered today's question", to the others in
the circle who have not answered yet. Never the answer itself, never about someone
taking space (openly or quietly), never to someone taking space; at most one an hour
per person and day, and none while they have the question open (the day is a thread)."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks import task

from kinwell.circles.models import Membership
from kinwell.core.localtime import today_for
from kinwell.daily.models import Answer, QuestionDay
from kinwell.notifications.services import notify


def day_thread(day_id: int) -> str:
    return f"daily:{day_id}"


def _taking_space(membership: Membership) -> bool:
    return membership.space_paused and membership.is_taking_space(today=today_for(membership.user))


@task()
def send_answered_notice(*, day_id: int, author_id: int) -> None:
    day = QuestionDay.objects.select_related("circle").filter(pk=day_id).first()
    author = get_user_model().objects.filter(pk=author_id).first()
    if day is None or author is None or day.revealed:
        return
    memberships = {m.user_id: m for m in Membership.objects.filter(circle=day.circle).select_related("user")}
    mine = memberships.get(author.pk)
    if mine is None or _taking_space(mine):
        return
    answered = set(Answer.objects.filter(day=day).values_list("author_id", flat=True))
    url = reverse("daily:today", kwargs={"circle_id": day.circle_id})
    for person_id, membership in memberships.items():
        if person_id == author.pk or person_id in answered or _taking_space(membership):
            continue
        notify(recipient=membership.user, notice="daily_question", thread=day_thread(day.pk), url=url,
               context={"other": author.display_name, "circle": day.circle.name})
