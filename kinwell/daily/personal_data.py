"""The daily question in *Download my data*: the person's own answers, replies and
reactions, with the question in their language. Answers stay theirs after they leave a
circle (here, though the circle no longer sees them). Others' answers are not theirs to
download. Deletion: everything here cascades with the person."""

from kinwell.core.personal_data import register_section
from kinwell.daily.bank import load
from kinwell.daily.models import Answer, Reaction, Reply


def _question(key: str, language: str) -> str:
    from django.conf import settings

    question = load(settings.DAILY_QUESTIONS_DIR).get(key)
    return question.text(language) if question else key


@register_section("daily_question")
def daily_section(user) -> dict:
    language = user.language or "en"
    return {
        "answers": [
            {"circle": a.day.circle.name, "day": a.day.day, "question": _question(a.day.question_key, language),
             "answer": a.text, "written": a.created_at, "changed": a.updated_at}
            for a in Answer.objects.filter(author=user).select_related("day__circle").order_by("day__day", "id")
        ],
        "replies": [
            {"circle": r.answer.day.circle.name, "day": r.answer.day.day, "reply": r.text, "written": r.created_at}
            for r in Reply.objects.filter(author=user).select_related("answer__day__circle")
        ],
        "reactions": [
            {"circle": r.answer.day.circle.name, "day": r.answer.day.day, "reaction": r.kind, "given": r.created_at}
            for r in Reaction.objects.filter(person=user).select_related("answer__day__circle")
        ],
    }
