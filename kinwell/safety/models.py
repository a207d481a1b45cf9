from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinwell.core.encryption import EncryptedTextField


class SafetyPlan(models.Model):
    """A personal safety plan, after the Stanley–Brown structure. All text is encrypted."""

    SECTIONS = (
        "warning_signs",
        "coping_on_my_own",
        "people_and_places",
        "people_to_ask",
        "professionals",
        "safer_surroundings",
        "reasons_for_living",
    )

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan")
    warning_signs = EncryptedTextField(_("My warning signs"), blank=True)
    coping_on_my_own = EncryptedTextField(_("Things I can do on my own to cope"), blank=True)
    people_and_places = EncryptedTextField(_("People and places that take my mind off things"), blank=True)
    people_to_ask = EncryptedTextField(_("People I can ask for help"), blank=True)
    professionals = EncryptedTextField(_("Professionals and services I can contact"), blank=True)
    safer_surroundings = EncryptedTextField(_("Making my surroundings safer"), blank=True)
    reasons_for_living = EncryptedTextField(_("My reasons for living"), blank=True)
    # "If I'm in crisis, let Sam know I could use a call": arranged in advance, and by
    # default only sent when the person confirms it at that moment.
    crisis_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    crisis_message = EncryptedTextField(_("What they should hear from Kinwell"), blank=True)
    tell_without_asking = models.BooleanField(
        _("Tell them without asking me first when Kinwell notices I may be in crisis"), default=False
    )
    # When the person wrote of danger from someone else, nothing automatic goes to anyone
    # (the crisis message, the signs' "check on me") until this moment: the person to be
    # told may be the one who is the danger.
    automatic_paused_until = models.DateTimeField(null=True, blank=True)
    # The last time the chosen contact was told, and who that was, so the person can
    # always see it ("We let Sam know on Tuesday"), even after choosing someone else.
    contact_told_at = models.DateTimeField(null=True, blank=True)
    contact_told = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Safety plan of {self.owner}"

    def filled_sections(self) -> list[tuple[str, str, str]]:
        return [
            (name, self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.SECTIONS
            if getattr(self, name).strip()
        ]

    @property
    def is_empty(self) -> bool:
        return not self.filled_sections()


class Declined(models.Model):
    """Someone chosen to be told about another person (their crisis contact, or a
    supporter asked to check on them when signs appear) who said no. They stop being
    that person's contact or supporter, cannot be chosen again for it, and the person
    sees that they said no."""

    class Role(models.TextChoices):
        CRISIS_CONTACT = "crisis_contact", _("crisis contact")
        SIGNS_SUPPORTER = "signs_supporter", _("supporter asked to check in")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20, choices=Role.choices)
    declined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-declined_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["owner", "person", "role"], name="decline_a_role_once")]
