"""Demo data for the daily question: called from `manage.py load_demo_data` with the demo
couple circle. Safe to run again: it starts the couple's questions fresh each time. Three
past days are answered by both and shared, with a reaction; today Jordan has answered, so
Maya sees "Jordan answered". Rows are made directly, not through the services, so nothing
is screened or sent for words that are ours."""

from datetime import timedelta

from django.utils import timezone

from kinwell.core.demo import demo_part
from kinwell.daily import selectors
from kinwell.daily.models import Answer, QuestionDay, Reaction, Reply

PAST = [
    ("A slow breakfast on the balcony, no phones.", "Pancakes, then back to bed with a book.", "hug"),
    ("You singing in the car on the way to the coast.", "The night the power went out and we played cards.", "laugh"),
    ("A cabin somewhere cold, with a big fireplace.",
     "Lisbon again, but this time we take the tram to the end.", "love"),
]
TODAY_JORDAN = "Honestly? The way you make tea without asking when I'm tired."


def load(*, people: dict, circle) -> None:
    maya, jordan = people["maya@example.com"], people["jordan@example.com"]
    QuestionDay.objects.filter(circle=circle).delete()
    today = selectors.circle_today(circle)
    now = timezone.now()
    for offset, (maya_words, jordan_words, reaction) in zip((3, 2, 1), PAST):
        day = _day(circle, today - timedelta(days=offset))
        if day is None:
            return  # no questions in the bank for this circle yet
        when = now - timedelta(days=offset)
        mine = Answer.objects.create(day=day, author=maya, text=maya_words)
        theirs = Answer.objects.create(day=day, author=jordan, text=jordan_words)
        Answer.objects.filter(pk__in=[mine.pk, theirs.pk]).update(created_at=when, updated_at=when)
        QuestionDay.objects.filter(pk=day.pk).update(revealed_at=when)
        Reaction.objects.create(answer=theirs, person=maya, kind=reaction)
        if offset == 1:
            Reply.objects.create(answer=mine, author=jordan, text="Deal. I'll look at train times.")
    day = _day(circle, today)
    Answer.objects.create(day=day, author=jordan, text=TODAY_JORDAN)


def _day(circle, day) -> QuestionDay | None:
    picked = selectors.next_question(circle=circle, day=day)
    if picked is None:
        return None
    return QuestionDay.objects.create(circle=circle, day=day, question_key=picked[0], cycle=picked[1])


@demo_part("daily question", order=80)
def _demo_part(*, people, circles) -> None:
    load(people=people, circle=circles["couple"])
