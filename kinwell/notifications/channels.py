"""The ways a notice can reach a person.

The notification service decides whether, when and how a notice goes; a channel only
carries a finished message. Email is one channel; push registers itself from its own
app, so this module depends on neither.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    notice: str  # the kind of notice, e.g. "daily_question_answered"
    subject: str  # the email subject
    text: str  # the plain-text body: never HTML-escaped
    html: str  # the HTML body
    url: str  # an absolute address where the person acts on it
    headline: str  # the push title: never another person's words
    glance: str  # the push body: never another person's words
    # Email only: where "one click and it stops" points (List-Unsubscribe), and who a
    # reply goes to. Empty for notices that always go.
    unsubscribe: str = ""
    reply_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Channel:
    name: str
    # deliver(*, user, message) -> bool: True when the message left for at least one
    # of the person's addresses or devices.
    deliver: Callable[..., bool]
    # reachable(*, user) -> bool: whether the person can be reached this way at all
    # (an email address, at least one device).
    reachable: Callable[..., bool]


_channels: dict[str, Channel] = {}


def register_channel(name: str, *, deliver: Callable[..., bool], reachable: Callable[..., bool]) -> Channel:
    channel = Channel(name=name, deliver=deliver, reachable=reachable)
    _channels[name] = channel
    return channel


def channel_named(name: str) -> Channel | None:
    return _channels.get(name)


def channel_names() -> list[str]:
    return sorted(_channels)
