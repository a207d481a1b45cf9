from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinwell.core.encryption import EncryptedTextField


class ReplyStatus(models.TextChoices):
    PUBLISHED = "published", _("Public")
    HELD = "held", _("Waiting for a moderator")
    HIDDEN = "hidden", _("Hidden by a moderator")


class Reply(models.Model):
    """A reply to an article, or to a reply on it (one level deep).

    Its author always sees it; everyone else only while it is published. The text is
    personal (people write about their lives), so it is encrypted at rest like every
    other free text, and goes with the account."""

    MAX_LENGTH = 2000

    article_slug = models.SlugField(max_length=120, db_index=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="library_replies")
    # When a reply goes (deleted by its author's account deletion or a moderator), the
    # answers other people wrote stay theirs: they become replies to the article.
    parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children")
    # A name the person chose (often their own): encrypted like the text; 60 characters at most.
    display_name = EncryptedTextField(_("name shown"), blank=True, default="")
    anonymous = models.BooleanField(_("anonymous"), default=False)
    text = EncryptedTextField(_("reply"))
    status = models.CharField(max_length=10, choices=ReplyStatus.choices, default=ReplyStatus.PUBLISHED)
    # Comma-separated reply_rules reasons (crisis, spam, new_account_link, reported).
    held_because = models.CharField(max_length=80, blank=True)
    safety_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        indexes = [models.Index(fields=["author", "-created_at"])]

    def __str__(self) -> str:
        return f"Reply {self.pk} on {self.article_slug}"

    @property
    def public_name(self) -> str:
        return str(_("Anonymous")) if self.anonymous or not self.display_name else self.display_name

    @property
    def held_reasons(self) -> list[str]:
        return [reason for reason in self.held_because.split(",") if reason]

    @property
    def is_crisis(self) -> bool:
        return self.safety_level in ("concern", "urgent")
