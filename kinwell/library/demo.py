"""Demo replies under the first articles, one held link and one report, so the library
and the moderation queue have something to show. Sam moderates in the demo.
Safe to run again: the demo people's replies and reports are replaced."""

from kinwell.core.demo import demo_part
from kinwell.library.catalogue import articles
from kinwell.library.models import Reply, ReplyStatus
from kinwell.moderation.models import Report

CONVERSATIONS = [
    # (author email, name shown or None for anonymous, text, answers [(email, name, text)])
    (
        "maya@example.com", "Maya",
        "We tried the idea of a calm moment instead of talking right after an argument. It took a few tries, "
        "but it *really* changed how our evenings go.",
        [("jordan@example.com", "J.", "Can confirm. The 20 minutes make a big difference for me too.")],
    ),
    (
        "luis@example.com", None,
        "Reading this helped me see I was fixing instead of listening. Going to try the first step tonight.",
        [],
    ),
]


def load_demo(people: dict) -> int:
    demo_people = list(people.values())
    Reply.objects.filter(author__in=demo_people).delete()
    Report.objects.filter(reporter__in=demo_people).delete()
    moderator = people.get("sam@example.com")
    if moderator is not None and not moderator.is_staff:
        moderator.is_staff = True
        moderator.save(update_fields=["is_staff"])
    slugs = list(articles())[:2]
    created = 0
    for slug in slugs:
        for email, name, text, answers in CONVERSATIONS:
            top = Reply.objects.create(article_slug=slug, author=people[email], display_name=name or "",
                                       anonymous=name is None, text=text)
            created += 1
            for answer_email, answer_name, answer_text in answers:
                Reply.objects.create(article_slug=slug, author=people[answer_email], parent=top,
                                     display_name=answer_name, text=answer_text)
                created += 1
    if slugs:
        held = Reply.objects.create(
            article_slug=slugs[0], author=people["sofia@example.com"], display_name="Sofía",
            text="This site has more on it: example.org/relationships", status=ReplyStatus.HELD,
            held_because="new_account_link",
        )
        Report.objects.create(target_type="reply", target_id=held.pk, reporter=people["ana@example.com"],
                              reason="spam", note="Not sure this link is safe.")
        created += 1
    return created


@demo_part("library replies", order=60)
def _demo_part(*, people, circles) -> None:
    load_demo(people)
