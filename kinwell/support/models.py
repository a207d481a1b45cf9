"""A person's answers to "What do I need?" and the support plan made from them.

The answers (which name things like feeling unsafe or drinking) and the snapshot of
what Kinwell knew when the plan was made are encrypted at rest. The ranking itself is
not stored: it is worked out from those two by the rules engine each time the plan is
shown, so it is always in the reader's language and follows the current rules."""

import json
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinwell.circles.models import Circle
from kinwell.core.encryption import EncryptedTextField
from kinwell.support import needs

FOLLOW_UP_AFTER = timedelta(days=14)


def _loads(text: str) -> dict:
    return json.loads(text) if text else {}


class SupportPlan(models.Model):
    """One per person. A couple may build it together: the partner adds their own
    answers and both can tick the steps."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="support_plan")
    partner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="joint_support_plans")
    circle = models.ForeignKey(Circle, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answers_text = EncryptedTextField(blank=True, default="")
    partner_answers_text = EncryptedTextField(blank=True, default="")
    signals_text = EncryptedTextField(blank=True, default="")
    in_own_words = EncryptedTextField(_("Anything else, in your own words"), blank=True, default="")
    use_what_kinwell_knows = models.BooleanField(default=True)
    step = models.CharField(max_length=16, default=needs.STEP_KEYS[0])
    made_at = models.DateTimeField(null=True, blank=True)  # None while the flow is unfinished
    follow_up_on = models.DateField(null=True, blank=True)
    follow_up_sent_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"support plan of {self.owner_id}"

    @property
    def answers(self) -> dict:
        return _loads(self.answers_text)

    @property
    def partner_answers(self) -> dict:
        return _loads(self.partner_answers_text)

    @property
    def signals(self) -> dict:
        return _loads(self.signals_text)

    @property
    def is_made(self) -> bool:
        return self.made_at is not None

    def involves(self, user) -> bool:
        return user.pk in (self.owner_id, self.partner_id)

    def default_follow_up(self):
        return timezone.localdate() + FOLLOW_UP_AFTER


class PlanStep(models.Model):
    """One item on the checklist. Steps the plan suggests carry a key; a person's own
    steps carry their own words instead."""

    class Kind(models.TextChoices):
        SAFETY = "safety", _("Safety")
        MESSAGE = "message", _("A message to someone you trust")
        FINDER = "finder", _("A search in the help finder")
        ARTICLE = "article", _("Something to read")
        OWN = "own", _("A step of your own")

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="steps")
    pathway = models.CharField(max_length=24)  # a pathway key, "safety" or "own"
    key = models.CharField(max_length=80, blank=True)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    own_text = EncryptedTextField(blank=True, default="")
    link = models.CharField(max_length=500, blank=True)  # a saved help-finder record or search
    position = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "pathway", "key"], condition=~models.Q(key=""),
                                    name="one_suggested_step_per_key"),
        ]

    def __str__(self) -> str:
        return f"{self.pathway}/{self.key or self.pk}"


class TrustedMessage(models.Model):
    """A message a person sent from their plan to someone in their circles. Kept so the
    plan can say "you wrote to Sam on Monday"; the words are encrypted at rest."""

    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField()
    about_service = models.CharField(max_length=500, blank=True)  # a help-finder link shared with them
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
