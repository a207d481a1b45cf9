"""What waits on home from circles: an invitation addressed to this person."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kinwell.circles import selectors
from kinwell.core.home import FirstStep, Waiting, first_step, waiting_source


@waiting_source
def invitations(*, user) -> list[Waiting]:
    return [
        Waiting(
            kind="invitation",
            text=_("%(name)s invited you to join “%(circle)s”") % {
                "name": invitation.invited_by.display_name, "circle": invitation.circle.name},
            url=reverse("circles:invitation", args=[invitation.link_token]),
            circle=invitation.circle.name,
            since=invitation.created_at,
        )
        for invitation in selectors.invitations_addressed_to(user=user)
    ]


@first_step("circle", order=20)
def start_or_join_a_circle(*, user) -> FirstStep:
    return FirstStep(
        title=_("Start or join a circle"),
        why=_("A circle is a small private space with your partner, family or friends. Nothing of yours is shared until you choose."),
        url=reverse("circles:new"),
        done=selectors.has_a_circle(user=user),
    )


@first_step("daily_question", order=30, fallback=True)
def first_daily_question(*, user) -> FirstStep | None:
    """Stands in until the daily question is installed: it needs a circle first, so until
    then it points to where circles are."""
    if selectors.has_a_circle(user=user):
        return None
    return FirstStep(
        title=_("Answer your first daily question"),
        why=_("Each circle gets one light question a day. Answering together is an easy way to stay close."),
        url=reverse("core:home") + "#circles-title",
    )
