"""Demo data for talking together: Maya and Jordan mid-way through a guided
conversation, and a conflict round about weekend plans at the brainstorming step.
Safe to run again: it starts fresh for the couple each time (emails are not sent:
the demo command runs inside one transaction and its notices are for people who
only exist in the demo)."""

from datetime import timedelta

from django.utils import timezone

from kinwell.core.demo import demo_part
from kinwell.talk import conflict_services, services
from kinwell.talk.models import Conflict, Conversation


def add_demo_data(*, people: dict, circle) -> None:
    """`circle` is the demo couple circle (found by its demo key, never by name)."""
    maya, jordan = people["maya@example.com"], people["jordan@example.com"]
    Conversation.objects.filter(circle=circle).delete()
    Conflict.objects.filter(circle=circle).delete()

    talk = services.start_conversation(starter=maya, circle=circle, partner=jordan, topic="How we share the evenings").value
    earlier = timezone.now() - timedelta(hours=2)
    services.act(actor=maya, conversation=talk, event="speak", now=earlier,
                 text="When we both scroll our phones after dinner, I feel lonely. I need some time with you before bed.")
    services.act(actor=jordan, conversation=talk, event="paraphrase", now=earlier + timedelta(minutes=20),
                 text="You feel lonely when we're on our phones after dinner, and you'd like time together before bed.")
    services.act(actor=maya, conversation=talk, event="confirm", now=earlier + timedelta(minutes=25))
    services.act(actor=jordan, conversation=talk, event="speak", now=earlier + timedelta(minutes=40),
                 text="After work I feel drained. I need half an hour to myself first, then I'd love that time.")

    conflict = conflict_services.open_conflict(opener=jordan, circle=circle, people=[maya], issue="Weekend plans").value
    conflict_services.write_view(actor=jordan, conflict=conflict, view="Plans for both of us get made before I hear about them.",
                                 feelings="Left out and a bit rushed", needs="To be asked first")
    conflict_services.write_view(actor=maya, conflict=conflict, view="I make plans so we actually see our friends.",
                                 feelings="Tired of being the one who organises", needs="Help with planning")
    conflict_services.write_reflection(actor=maya, conflict=conflict, text="You want a say before plans are made for you.")
    conflict_services.write_reflection(actor=jordan, conflict=conflict, text="You plan because you want us to keep seeing people, and it tires you.")
    conflict_services.add_option(actor=maya, conflict=conflict, text="Plan the weekend together on Thursday evenings")
    conflict_services.add_option(actor=jordan, conflict=conflict, text="Take turns: one weekend each to organise")


@demo_part("talking together", order=40)
def _demo_part(*, people, circles) -> None:
    add_demo_data(people=people, circle=circles["couple"])
