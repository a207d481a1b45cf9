"""Talking together: guided conversations and conflict rounds inside a circle.

Every text a person writes is its own row with its author, encrypted at rest, with
the number of coach findings it had when saved (for the weekly "hard moments" count).
When someone deletes their account their rows go with them (CASCADE on author and
participant): the other person keeps the conversation and their own words only.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinwell.circles.models import Circle
from kinwell.core.encryption import EncryptedTextField
from kinwell.talk import flow

TEXT_MAX_LENGTH = 1500


class Conversation(models.Model):
    """A speaker–listener conversation between two people on one topic."""

    PHASES = [
        (flow.SPEAKING, _("Speaking")),
        (flow.PARAPHRASING, _("Saying back")),
        (flow.CONFIRMING, _("Checking")),
        (flow.ENDED, _("Ended")),
    ]

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="conversations")
    phase = models.CharField(max_length=16, choices=PHASES, default=flow.SPEAKING)
    speaker_seat = models.PositiveSmallIntegerField(default=0)
    rounds = models.PositiveIntegerField(default=0)
    break_until = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def state(self) -> flow.FlowState:
        return flow.FlowState(
            phase=self.phase, speaker=self.speaker_seat, break_until=self.break_until, rounds=self.rounds
        )


class Participant(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seat = models.PositiveSmallIntegerField()
    # When this person last had the conversation open: while they are looking at it
    # (side by side), the page updates itself and no email is needed.
    last_seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["seat"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seat"], name="talk_one_person_per_seat"),
            models.UniqueConstraint(fields=["conversation", "user"], name="talk_one_seat_per_person"),
        ]


class WrittenText(models.Model):
    """One text written to the others taking part: a conversation's turn or a conflict
    round's view, option or agreement. Each subclass names its own kinds."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField()
    # No coach findings are kept with a text: what the coach noticed in someone's words
    # is for them alone, never a count another person (or a weekly view) could see.
    # The words put their reader at risk (a threat to them, danger named to them): the
    # others see partner-violence help. Never shown to, or exported for, the writer.
    reader_needs_help = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]


class Entry(WrittenText):
    """One text written in a conversation."""

    class Kind(models.TextChoices):
        TOPIC = "topic", _("Topic")
        STATEMENT = "statement", _("Statement")
        PARAPHRASE = "paraphrase", _("What I heard")
        CORRECTION = "correction", _("What was missed")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=16, choices=Kind.choices)


class Conflict(models.Model):
    """One issue worked through by two or more people in a circle, step by step."""

    class Stage(models.TextChoices):
        VIEWS = "views", _("Each person's view")
        REFLECTING = "reflecting", _("Saying back each other's view")
        BRAINSTORMING = "brainstorming", _("Options, without judging")
        AGREEING = "agreeing", _("Choosing and writing an agreement")
        AGREED = "agreed", _("Agreement in place")
        CLOSED = "closed", _("Settled")
        # Fewer than two people are left in it. Never says why: see conflict_services.leave.
        ENDED = "ended", _("Ended")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="conflicts")
    stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.VIEWS)
    check_back_on = models.DateField(null=True, blank=True)
    reminder_sent_for = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-id"]


class ConflictMember(models.Model):
    conflict = models.ForeignKey(Conflict, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agreed = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["conflict", "user"], name="talk_conflict_member_once")]


class ConflictEntry(WrittenText):
    """One text written in a conflict round."""

    class Kind(models.TextChoices):
        ISSUE = "issue", _("The issue")
        VIEW = "view", _("My view")
        FEELINGS = "feelings", _("My feelings")
        NEEDS = "needs", _("My needs")
        REFLECTION = "reflection", _("What I heard from you")
        OPTION = "option", _("An option")
        AGREEMENT = "agreement", _("Our agreement")
        REVISIT = "revisit", _("How it is going")

    conflict = models.ForeignKey(Conflict, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=16, choices=Kind.choices)
