"""The one notification service: every notice Kinwell sends goes through `notify`.

It decides whether a notice goes, when and by which channel, and only then renders it
and hands it to a channel from the registry (channels.py). What it respects, in order:

1. Notices that always go (account security, a chosen safety contact, an address that
   is not a person in Kinwell; see notices.py) go by email, at once.
2. A group the person turned off sends nothing.
3. A conversation or conflict round (a thread) sends at most one notice per person per
   hour, and none while the person has its page open.
4. Quiet hours hold a notice until they end; with the digest on, a notice within an
   hour of the last one waits, and the job (jobs.py) sends everything waiting as one
   message once the hour is up. The first notice of an hour goes at once: a notice
   that always waits an hour is not a notice.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinwell.core.errors import ServiceError
from kinwell.notifications import selectors
from kinwell.notifications.channels import Message, channel_named
from kinwell.notifications.models import PendingNotice, Preferences, ThreadView
from kinwell.notifications.notices import ALL_GROUPS, CHANNELS, EMAIL, GROUPS, NONE, always_goes, notice_named
from kinwell.notifications.rendering import language_of, render
from kinwell.notifications.tokens import read_token, unsubscribe_url

DIGEST_WINDOW = timedelta(hours=1)
THREAD_WINDOW = timedelta(hours=1)
# The conversation page asks for news every 5 seconds (talk.js) and a reload marks the
# page too: a view this recent means the person is looking at it.
ON_THE_PAGE = timedelta(minutes=3)

SENT, HELD, SKIPPED, OFF = "sent", "held", "skipped", "off"


def _deliver(*, recipient, channel: str, message: Message) -> bool:
    """Through the registry; push that reaches no device falls back to email."""
    carrier = channel_named(channel)
    if carrier is not None and carrier.deliver(user=recipient, message=message):
        return True
    if channel != EMAIL:
        return bool(channel_named(EMAIL).deliver(user=recipient, message=message))
    return False


def notify(*, recipient, notice: str, context: dict, url: str, thread: str = "", language: str = "",
           reply_to=(), automatic_about=None, now: datetime | None = None) -> str:
    """Send (or hold, or skip) one notice. `recipient` is a person, or an email address
    for someone who is not in Kinwell. `thread` names a conversation or conflict round
    ("conflict:12"). `automatic_about` is the person an automatic notice is about:
    nothing goes while their safety plan pauses automatic messages (the one to be told
    may be the danger). Returns sent, held, skipped or off."""
    entry = notice_named(notice)
    if automatic_about is not None:
        from kinwell.safety.selectors import automatic_messages_paused

        if automatic_messages_paused(owner=automatic_about):
            return SKIPPED
    if isinstance(recipient, str) or always_goes(entry):
        message = render(kind=notice, recipient=recipient, context=context, url=url, language=language,
                         reply_to=reply_to)
        return SENT if _deliver(recipient=recipient, channel=EMAIL, message=message) else SKIPPED
    if not recipient.is_active:
        return SKIPPED
    now = now or timezone.now()
    preferences = selectors.preferences_of(recipient)
    channel = selectors.channel_for(user=recipient, group=entry.group, preferences=preferences)
    if channel == NONE:
        return OFF
    if thread and _thread_is_quiet(user=recipient, thread=thread, now=now):
        return SKIPPED
    message = render(kind=notice, recipient=recipient, context=context, url=url, language=language,
                     reply_to=reply_to, unsubscribe=unsubscribe_url(user=recipient, group=entry.group))
    with transaction.atomic():
        # Asked again inside the write, so two notices for one thread at once send one.
        if thread and _thread_is_quiet(user=recipient, thread=thread, now=now):
            return SKIPPED
        hold = selectors.quiet_now(user=recipient, preferences=preferences, now=now) or (
            preferences.digest
            and PendingNotice.objects.filter(user=recipient, sent_at__gt=now - DIGEST_WINDOW).exists()
        )
        PendingNotice.objects.create(user=recipient, notice=notice, line=message.headline, url=message.url,
                                     channel=channel, thread=thread, created_at=now,
                                     sent_at=None if hold else now)
    if hold:
        return HELD
    _deliver(recipient=recipient, channel=channel, message=message)
    return SENT


def _thread_is_quiet(*, user, thread: str, now: datetime) -> bool:
    """On the page now, or already told about this thread within the hour."""
    if ThreadView.objects.filter(user=user, thread=thread, viewed_at__gt=now - ON_THE_PAGE).exists():
        return True
    return PendingNotice.objects.filter(user=user, thread=thread, created_at__gt=now - THREAD_WINDOW).exists()


def note_viewing(*, user, thread: str, now: datetime | None = None) -> None:
    """The person has this conversation or conflict round open: no notice about it
    while they do."""
    ThreadView.objects.update_or_create(user=user, thread=thread, defaults={"viewed_at": now or timezone.now()})


def send_waiting(*, now: datetime) -> int:
    """Send, as one message a person, the notices held by quiet hours or the digest,
    once the quiet hours are over and an hour has passed since their last one. Each
    person's rows are claimed before sending, so two runs send nothing twice."""
    sent = 0
    waiting = PendingNotice.objects.filter(sent_at__isnull=True).values_list("user_id", flat=True).distinct()
    for user_id in list(waiting):
        rows = list(PendingNotice.objects.filter(user_id=user_id, sent_at__isnull=True)
                    .select_related("user").order_by("created_at"))
        user = rows[0].user
        preferences = selectors.preferences_of(user)
        if selectors.quiet_now(user=user, preferences=preferences, now=now):
            continue
        if preferences.digest and PendingNotice.objects.filter(
                user=user, sent_at__gt=now - DIGEST_WINDOW).exists():
            continue
        with transaction.atomic():
            claimed = PendingNotice.objects.filter(pk__in=[row.pk for row in rows], sent_at__isnull=True).update(
                sent_at=now)
        if claimed != len(rows):
            continue  # another run took them
        sent += _send_digests(user=user, rows=rows, preferences=preferences)
    return sent


def _send_digests(*, user, rows: list[PendingNotice], preferences: Preferences) -> int:
    if not user.is_active:
        return 0
    by_channel = defaultdict(list)
    for row in rows:
        # Asked again now: the person may have turned the group off while it waited.
        channel = selectors.channel_for(user=user, group=notice_named(row.notice).group, preferences=preferences)
        if channel != NONE:
            by_channel[channel].append(row)
    for channel, items in by_channel.items():
        groups = {notice_named(row.notice).group for row in items}
        group = groups.pop() if len(groups) == 1 else ALL_GROUPS
        with translation.override(language_of(user)):
            glance = ngettext("%(count)d thing is waiting for you in Kinwell.",
                              "%(count)d things are waiting for you in Kinwell.", len(items)) % {"count": len(items)}
        message = render(kind="digest", recipient=user, url=items[0].url if len(items) == 1 else "/",
                         context={"items": items, "count": len(items), "first": items[0].line},
                         unsubscribe=unsubscribe_url(user=user, group=group), glance=glance)
        _deliver(recipient=user, channel=channel, message=message)
    return len(by_channel)


# --- Preferences ------------------------------------------------------------------------


def _row_for(user) -> Preferences:
    row, _created = Preferences.objects.select_for_update().get_or_create(user=user)
    return row


@transaction.atomic
def update_preferences(*, user, channels: dict[str, str] | None = None, quiet_from: time | None = None,
                       quiet_until: time | None = None, digest: bool | None = None,
                       set_quiet_hours: bool = False) -> Preferences:
    """Change any of: a channel per group, quiet hours (both or neither; pass
    set_quiet_hours=True to change them, with None and None to end them), the digest."""
    row = _row_for(user)
    if channels:
        offered = selectors.channel_choices(user)
        for group, channel in channels.items():
            if group not in GROUPS:
                raise ServiceError(_("There is no group of notices called “%(group)s”.") % {"group": group})
            if channel not in CHANNELS or channel not in offered:
                raise ServiceError(_("Choose push, email or none (push only once a device has it on)."))
        row.channels = {**(row.channels or {}), **channels}
    if set_quiet_hours:
        if (quiet_from is None) != (quiet_until is None):
            raise ServiceError(_("Give quiet hours a start and an end, or leave both empty."))
        if quiet_from is not None and quiet_from == quiet_until:
            raise ServiceError(_("Quiet hours need to end at a different time from when they start."))
        row.quiet_from, row.quiet_until = quiet_from, quiet_until
    if digest is not None:
        row.digest = digest
    row.save()
    return row


@transaction.atomic
def unsubscribe(*, token: str) -> tuple:
    """The one-click unsubscribe: turns one group (or everything that can be turned
    off) to none. Returns (person, group)."""
    user, group = read_token(token)
    row = _row_for(user)
    keys = list(GROUPS) if group == ALL_GROUPS else [group]
    row.channels = {**(row.channels or {}), **{key: NONE for key in keys}}
    row.save()
    return user, group
