"""Read and change one's own notification preferences."""

from datetime import time
from typing import Literal

from ninja import Field, Router, Schema

from kinwell.core.schemas import ERRORS
from kinwell.notifications import selectors, services
from kinwell.notifications.notices import GROUPS

router = Router(tags=["notifications"])

HH_MM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
ChannelName = Literal["push", "email", "none"]


class NotificationChannelsOut(Schema):
    reminders: ChannelName
    conversations: ChannelName
    appreciation_plans: ChannelName
    daily_question: ChannelName
    sign_check_ons: ChannelName


class NotificationPreferencesOut(Schema):
    channels: NotificationChannelsOut
    offered: list[ChannelName] = Field(..., description="Channels this person can choose now (push once a device has it)")
    quiet_from: str | None = Field(None, description="HH:MM in the person's time zone")
    quiet_until: str | None = None
    digest: bool


class NotificationPreferencesIn(Schema):
    """Flat, like every body the API takes: a channel per group, left out to keep it."""

    reminders: ChannelName | None = None
    conversations: ChannelName | None = None
    appreciation_plans: ChannelName | None = None
    daily_question: ChannelName | None = None
    sign_check_ons: ChannelName | None = None
    quiet_from: str | None = Field(None, pattern=HH_MM, description="HH:MM; send both, or both null to end quiet hours")
    quiet_until: str | None = Field(None, pattern=HH_MM)
    set_quiet_hours: bool = Field(False, description="True to change quiet hours to quiet_from/quiet_until")
    digest: bool | None = None


def _hh_mm(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _out(user, row) -> dict:
    return {"channels": selectors.chosen_channels(row), "offered": selectors.channel_choices(user),
            "quiet_from": _hh_mm(row.quiet_from), "quiet_until": _hh_mm(row.quiet_until), "digest": row.digest}


@router.get("/preferences", response={200: NotificationPreferencesOut, **ERRORS})
def get_preferences(request):
    return _out(request.auth, selectors.preferences_of(request.auth))


@router.put("/preferences", response={200: NotificationPreferencesOut, **ERRORS})
def update_preferences(request, payload: NotificationPreferencesIn):
    channels = {key: getattr(payload, key) for key in GROUPS if getattr(payload, key)}
    row = services.update_preferences(
        user=request.auth, channels=channels, digest=payload.digest, set_quiet_hours=payload.set_quiet_hours,
        quiet_from=time.fromisoformat(payload.quiet_from) if payload.quiet_from else None,
        quiet_until=time.fromisoformat(payload.quiet_until) if payload.quiet_until else None,
    )
    return _out(request.auth, row)
