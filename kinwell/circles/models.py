from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinwell.core.encryption import EncryptedTextField


class CircleKind(models.TextChoices):
    COUPLE = "couple", _("Couple")
    FAMILY = "family", _("Family")
    FRIENDS = "friends", _("Friends")
    OTHER = "other", _("Other")


class DataKind(models.TextChoices):
    """The kinds of personal data a member can choose to share with a circle.

    Later features fill these. The private journal is deliberately absent: it can
    never be shared, and the access policy refuses it by name.
    """

    CHECKIN_MOOD = "checkin_mood", _("Check-in moods")
    CHECKIN_NOTES = "checkin_notes", _("Check-in notes")
    SCREENING = "screening", _("Screening results (score and band)")
    SCREENING_ANSWERS = "screening_answers", _("Screening answers, question by question")
    SAFETY_PLAN = "safety_plan", _("Safety plan")
    SUPPORT_PLAN = "support_plan", _("Support plan")
    GRATITUDE = "gratitude", _("Gratitude journal")
    GOALS = "goals", _("Personal goals")


class Circle(models.Model):
    name = models.CharField(_("name"), max_length=80)
    kind = models.CharField(_("kind of circle"), max_length=16, choices=CircleKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set only by `load_demo_data` ("couple", "family", "friends"), never by a form or
    # the API: the demo finds its own circles by this key, never by their names, which
    # anyone can reuse or change.
    demo_key = models.CharField(max_length=20, blank=True, default="", editable=False)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["demo_key"], condition=~models.Q(demo_key=""), name="one_circle_per_demo_key"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=8, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(default=timezone.now)
    # "I need some space": while set, the others see only that this person is taking space.
    space_paused = models.BooleanField(default=False)
    space_until = models.DateField(null=True, blank=True)
    # Paused quietly: the others see nothing shared and no sign of a pause at all, for
    # someone who must not be seen stepping back (the person they fear may be here).
    space_quiet = models.BooleanField(default=False)

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["circle", "user"], name="one_membership_per_circle"),
            models.UniqueConstraint(
                fields=["circle"], condition=models.Q(role="owner"), name="one_owner_per_circle"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.circle}"

    @property
    def is_owner(self) -> bool:
        return self.role == self.Role.OWNER

    def is_taking_space(self, *, today=None) -> bool:
        if not self.space_paused:
            return False
        today = today or timezone.localdate()
        return self.space_until is None or today <= self.space_until


class Removal(models.Model):
    """That the owner removed this person from this circle, so that when they come back
    to it they are told they are no longer in it rather than that nothing is there. It
    names nothing else and goes with the circle, the person, or their rejoining."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="removals")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_removals")
    removed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["circle", "user"], name="one_removal_per_circle")]


class SharingSetting(models.Model):
    """One row per kind a member shares with one circle. No row means not shared."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="shared_kinds")
    kind = models.CharField(max_length=32, choices=DataKind.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["membership", "kind"], name="share_kind_once")]


class Boundary(models.Model):
    """A short personal boundary the member's circle sees. Personal text: encrypted."""

    MAX_PER_MEMBER = 8

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="boundaries")
    text = EncryptedTextField(_("boundary"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class Invitation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        REVOKED = "revoked", _("Revoked")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_sent"
    )
    email = models.EmailField(_("email (optional)"), blank=True)
    # Random and secret; the link carries it signed, so a guessed or altered link fails
    # before the database is asked.
    nonce = models.CharField(max_length=43, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.circle} ({self.status})"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING and not self.is_expired


class AccessLogEntry(models.Model):
    """Each time someone viewed another person's shared data, or a clinician link was
    opened: the owner can see it."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Kept when the viewer deletes their account, so the owner's history stays true.
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    circle = models.ForeignKey(Circle, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(max_length=32)
    viewed_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Set when the viewer was not a person but a clinician link the owner made (kind
    # "clinician_summary", no viewer, no circle). Kept, without the link, when the owner
    # deletes that summary: the history stays true.
    link = models.ForeignKey(
        "summary.ClinicianLink", on_delete=models.SET_NULL, null=True, blank=True, related_name="log_entries"
    )

    class Meta:
        ordering = ["-viewed_at", "-id"]
        indexes = [models.Index(fields=["owner", "-viewed_at"])]
