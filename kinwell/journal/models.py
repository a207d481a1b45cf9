"""The private journal and personal goals (C11: independence).

Journal entries are never shared with anyone, not even a circle: the access policy
refuses the kind "journal" for everyone but the owner, and nothing here offers a way
to share them. Goals are private unless the person shares DataKind.GOALS with a circle.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinwell.core.encryption import EncryptedTextField

JOURNAL_KIND = "journal"  # the name the access policy refuses to anyone but the owner


class JournalEntry(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries")
    text = EncryptedTextField(_("entry"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class GoalArea(models.TextChoices):
    LEARN = "learn", _("Learn")
    GROW = "grow", _("Grow")
    REST = "rest", _("Rest")


class Goal(models.Model):
    """A personal goal with a small progress mark: four steps, and done at the last."""

    STEPS = 4

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals")
    area = models.CharField(_("area"), max_length=8, choices=GoalArea.choices)
    title = EncryptedTextField(_("goal"))
    note = EncryptedTextField(_("note"), blank=True, default="")
    steps_done = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [models.F("done_at").asc(nulls_first=True), "-created_at", "-id"]

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
