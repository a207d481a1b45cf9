"""Checking text a person typed before a service saves it: trimmed, not empty
(unless allowed), and within its limit, with the message in the person's own terms.

Names and titles (a circle's name, a display name, a tag, a goal, a topic) are shown
to other people in lists and headings, so they are one line of visible text:
`clean_name` refuses control characters and the marks that reorder text on screen.
Forms use `NameField` (or `refuse_hidden_characters`) and services `clean_name`: one
rule for both.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinwell.core.errors import ServiceError

# C0 and C1 control characters (line breaks and tabs included: a name is one line),
# the line and paragraph separators, and the bidirectional embeddings, overrides and
# isolates, which can make a name read differently from what was typed
# ("Trojan Source", CVE-2021-42574). The marks U+200E/U+200F stay allowed: Arabic and
# Hebrew writers need them and they cannot reorder a whole run of text.
HIDDEN_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")

HIDDEN_CHARACTER_MESSAGE = gettext_lazy(
    "This needs to be one line of ordinary text. Take out any hidden characters "
    "(control or text-direction marks, often picked up by copying and pasting) and try again."
)


def clean_text(text: str, *, max_length: int, empty_message: str = "", allow_empty: bool = False) -> str:
    text = (text or "").strip()
    if not text and not allow_empty:
        raise ServiceError(empty_message or _("Write something first."))
    if len(text) > max_length:
        raise ServiceError(
            _("Keep this under %(max)d characters; it has %(count)d.") % {"max": max_length, "count": len(text)}
        )
    return text


def has_hidden_characters(text: str) -> bool:
    return HIDDEN_CHARACTERS.search(text or "") is not None


def clean_name(text: str, *, max_length: int, empty_message: str = "", allow_empty: bool = False,
               join_lines: bool = False) -> str:
    """A name or title, trimmed and checked. `join_lines` is for the few short texts
    typed in a box where Enter is natural (a boundary): line breaks become one space."""
    text = text or ""
    if join_lines:
        text = _LINE_BREAKS.sub(" ", text)
    return one_line(clean_text(text, max_length=max_length, empty_message=empty_message, allow_empty=allow_empty))


def one_line(text: str) -> str:
    """The check alone, for a service that keeps its own words about length."""
    if has_hidden_characters(text):
        raise ServiceError(str(HIDDEN_CHARACTER_MESSAGE))
    return text


def refuse_hidden_characters(value: str) -> None:
    """The same rule as a form field validator, so the message shows beside the field."""
    if has_hidden_characters(value):
        raise ValidationError(HIDDEN_CHARACTER_MESSAGE, code="hidden_characters")


class NameField(forms.CharField):
    """A form field for a short name or title: trimmed (as every CharField is) and held
    to the same rule as `clean_name`, so the message shows beside the field."""

    default_validators = [refuse_hidden_characters]
