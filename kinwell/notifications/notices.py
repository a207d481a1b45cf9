"""The notice catalogue: every kind of notice Kinwell sends, as data.

Each kind names its group (what a person turns on or off in Settings, or None for a
notice that always goes), its default channel, whether it belongs to a thread (a
conversation or a conflict round: at most one notice per person per hour there), and
the short lines around its two templates, `notifications/notices/<kind>.txt` and
`.html`. The lines are formatted with the context the caller passes (`%(name)s`), so
they may name people and circles, but they never quote anything a person wrote: a
push lands on a lock screen that anyone nearby can read.

No Django imports beyond the lazy translation marker, so tests and the settings page
can read it freely.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

EMAIL = "email"
PUSH = "push"
NONE = "none"
CHANNELS = (PUSH, EMAIL, NONE)


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    hint: str
    default_channel: str


@dataclass(frozen=True)
class Notice:
    kind: str
    # None: the notice always goes, by email, at once (see ALWAYS below for why).
    group: str | None
    subject: str
    headline: str
    glance: str
    # A conversation or conflict round: one notice per person per hour, none while
    # they have the page open.
    thread: bool = False


GROUPS = {
    group.key: group
    for group in (
        Group("reminders", _("Reminders"),
              _("Check-in and questionnaire reminders, small-gesture nudges and how your support plan is going."),
              EMAIL),
        Group("conversations", _("Conversations and conflict rounds"),
              _("When someone in your circles moves on in a guided conversation or a conflict round with you."),
              PUSH),
        Group("appreciation_plans", _("Appreciation and time together"),
              _("Notes of appreciation for you, and plans to spend time together."), PUSH),
        Group("daily_question", _("The daily question"),
              _("When someone in your circles answers the day's question."), PUSH),
        Group("sign_check_ons", _("Checking on someone"),
              _("When someone who chose you asks Kinwell to tell you they may be having a harder time."), EMAIL),
    )
}

# A digest or an unsubscribe for everything a person may turn off.
ALL_GROUPS = "all"


def _notices(*notices: Notice) -> dict[str, Notice]:
    return {notice.kind: notice for notice in notices}


NOTICES = _notices(
    # --- Always, by email, at once -------------------------------------------------
    # Account security: a person who cannot confirm their address or reset their
    # password is locked out, and "someone tried your address" is a warning they must
    # get. None of these can wait for quiet hours or hide in a digest.
    Notice("confirm_sign_up", None, _("Confirm your Kinwell account"),
           _("Confirm your Kinwell account"), _("Open the email to finish signing up.")),
    Notice("already_registered", None, _("Someone tried to sign up with your email"),
           _("Someone tried to sign up with your email"), _("Open the email to see what to do.")),
    Notice("password_reset", None, _("Reset your Kinwell password"),
           _("Reset your Kinwell password"), _("Open the email to choose a new password.")),
    # To an address, not a person in Kinwell: there are no preferences to consult, and
    # the link in it is the only way in.
    Notice("circle_invitation", None, _("%(inviter)s invited you to a Kinwell circle"),
           _("%(inviter)s invited you to a Kinwell circle"), _("Open the email to join.")),
    # Safety: the person chose this contact in advance so that they would be told when it
    # matters. Held until morning or folded into a digest, it would arrive too late.
    # Subjects that touch on help say only "A note from Kinwell".
    Notice("safety_check_on_me", None, _("A note from Kinwell"),
           _("A note from Kinwell"), _("Open the email when you can.")),
    Notice("safety_chosen", None, _("A note from Kinwell"),
           _("A note from Kinwell"), _("Open the email when you can.")),
    # A person wrote it to someone they trust and was told it went by email; the
    # answer goes back to them by email (Reply-To), so it cannot be turned into a push.
    Notice("trusted_message", None, _("A message from %(sender)s"),
           _("A message from %(sender)s"), _("Open the email to read it.")),
    # --- Reminders --------------------------------------------------------------------
    Notice("checkin_reminder", "reminders", _("A moment to check in"),
           _("A moment to check in"), _("A check-in takes a few seconds.")),
    Notice("screening_reminder", "reminders", _("A gentle reminder from Kinwell"),
           _("A gentle reminder from Kinwell"), _("The reminder you asked for, every two weeks.")),
    Notice("support_follow_up", "reminders", _("A note from Kinwell"),
           _("A note from Kinwell"), _("How is it going? Open Kinwell to see.")),
    Notice("nudge", "reminders", _("A small gesture for today"),
           _("A small gesture for today"), _("An idea for today is waiting in Kinwell.")),
    # --- Conversations and conflict rounds ----------------------------------------
    Notice("conversation_your_turn", "conversations", _("Your turn in a Kinwell conversation"),
           _("%(others)s is waiting for you"), _("Your guided conversation in “%(circle)s”."), thread=True),
    Notice("conversation_break", "conversations", _("A Kinwell conversation is taking a break"),
           _("%(others)s asked for a break"), _("Your guided conversation in “%(circle)s”."), thread=True),
    Notice("conversation_ended", "conversations", _("A Kinwell conversation has ended"),
           _("%(others)s ended your conversation"), _("Your guided conversation in “%(circle)s”."), thread=True),
    Notice("conversation_news", "conversations", _("News in a Kinwell conversation"),
           _("News in your conversation"), _("Your guided conversation in “%(circle)s”."), thread=True),
    Notice("conflict_news", "conversations", _("News in a Kinwell conflict round"),
           _("News in your conflict round"), _("Someone added to the issue you are working through in “%(circle)s”."),
           thread=True),
    Notice("conflict_check_back", "conversations", _("Time to check back on your agreement"),
           _("Time to check back on your agreement"), _("In “%(circle)s”.")),
    # --- Appreciation and time together ---------------------------------------------
    Notice("appreciation", "appreciation_plans", _("%(sender)s sent you an appreciation"),
           _("%(sender)s sent you an appreciation"), _("Read it in “%(circle)s”.")),
    Notice("plan_proposed", "appreciation_plans", _("%(other)s would like to spend time with you"),
           _("%(other)s would like to spend time with you"), _("“%(title)s”: accept or suggest another time.")),
    Notice("plan_accepted", "appreciation_plans", _("It's a date: %(other)s said yes"),
           _("It's a date: %(other)s said yes"), _("“%(title)s”")),
    Notice("plan_suggested", "appreciation_plans", _("%(other)s suggested another time"),
           _("%(other)s suggested another time"), _("“%(title)s”")),
    Notice("plan_reminder", "appreciation_plans", _("Tomorrow: %(title)s"),
           _("Tomorrow: %(title)s"), _("With %(other)s.")),
    # --- The daily question -----------------------------------------------------------
    Notice("daily_question", "daily_question", _("%(other)s answered today's question"),
           _("%(other)s answered today's question"), _("In “%(circle)s”. Answer yours to see theirs.")),
    # --- Sign check-ons ---------------------------------------------------------------
    # The supporter asked to be told; nothing on a lock screen or in an inbox list says
    # about whom, or why.
    Notice("sign_check_on_me", "sign_check_ons", _("A note from Kinwell"),
           _("A note from Kinwell"), _("Open the email when you can.")),
    # --- Several notices as one message ------------------------------------------
    Notice("digest", ALL_GROUPS, _("News from Kinwell"),
           _("News from Kinwell"), _("Open Kinwell to see what is waiting.")),
)


def notice_named(kind: str) -> Notice:
    try:
        return NOTICES[kind]
    except KeyError:
        raise ValueError(f"Unknown notice kind {kind!r}: add it to kinwell/notifications/notices.py") from None


def always_goes(notice: Notice) -> bool:
    return notice.group is None
