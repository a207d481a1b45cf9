"""The daily question: one question a day per circle, answered privately, then shown to
the circle. Answers and replies are personal text, stored encrypted; the questions
themselves are ours and live in the bank (`bank.py`), so a day keeps only a key."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinwell.core.encryption import EncryptedTextField

ANSWER_MAX_LENGTH = 1_000
REPLY_MAX_LENGTH = 500


class QuestionDay(models.Model):
    """The question a circle has on one day (the day in the circle's time zone: see
    `selectors.circle_today`). Made on the first read; the unique pair makes two people
    opening it at once get the same row."""

    circle = models.ForeignKey("circles.Circle", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    question_key = models.CharField(max_length=80)
    # Which pass through the circle's questions this day belongs to: no question comes
    # back until the circle has had every question that suits it.
    cycle = models.PositiveIntegerField(default=1)
    # Keys swapped away today: they count as asked in this cycle, so they do not return tomorrow.
    swapped_keys = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revealed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [models.UniqueConstraint(fields=["circle", "day"], name="one_question_per_circle_day")]

    def __str__(self) -> str:
        return f"{self.circle_id} {self.day}: {self.question_key}"

    @property
    def swaps(self) -> int:
        return len(self.swapped_keys)

    @property
    def revealed(self) -> bool:
        return self.revealed_at is not None


class Answer(models.Model):
    day = models.ForeignKey(QuestionDay, on_delete=models.CASCADE, related_name="answers")
    # The answer is the author's: it goes with their account, and it stays theirs (in their
    # export) when they leave the circle, though the circle no longer sees it.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_answers")
    text = EncryptedTextField(_("your answer"))
    # Set when the words threaten whoever reads them (as for conversation turns): the
    # readers, never the writer, are offered partner-violence help.
    reader_needs_help = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["day", "author"], name="one_answer_per_person_day")]


class Reaction(models.Model):
    class Kind(models.TextChoices):
        LOVE = "love", _("Love this")
        LAUGH = "laugh", _("Ha!")
        HUG = "hug", _("Hug")
        MORE = "more", _("Tell me more")

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="reactions")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_reactions")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["answer", "person", "kind"], name="one_reaction_of_a_kind")]


class Reply(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_replies")
    text = EncryptedTextField(_("reply"))
    reader_needs_help = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = _("replies")


class Visit(models.Model):
    """When a person last opened a day's answers, so home can say the answers are in only
    until they have looked. Nothing else: not how long, not how often."""

    day = models.ForeignKey(QuestionDay, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "person"], name="one_visit_per_person_day")]
