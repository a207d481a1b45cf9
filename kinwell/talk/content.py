"""Words we wrote for talking together: ideas for a break, repair phrases, and the
reminders shown beside each step. Kept here so pages, the API and tests share them."""

from django.utils.translation import gettext_lazy as _

# For a time-out: things that calm a racing body (Gottman's "flooding" needs about
# 20 minutes of real rest, not rehearsing the argument).
SELF_SOOTHING = [
    _("Breathe out slowly, longer than you breathe in: in for four, out for six, ten times."),
    _("Walk around the block, or to the end of the street and back, noticing five things you see."),
    _("Hold something warm: a cup of tea, a hot-water bottle, your own hands under warm water."),
    _("Tense your shoulders up to your ears for five seconds, then let them drop. Do it three times."),
    _("Put on one song you love and listen to all of it, doing nothing else."),
    _("Write down what you feel in a few words, for yourself only. You do not have to send it."),
    _("Step outside and feel the air on your face for a minute."),
    _("Try not to replay the argument or plan your answer: that keeps the body on alert."),
]

GENTLE_RETURN = _(
    "Welcome back. Start softly: one calm sentence about how you feel now, and what you need from the next few minutes."
)

# Repair attempts: small phrases that steer a hard moment back (after Gottman's repair
# checklist; our own wording). Offered one tap away at every step.
REPAIR_PHRASES = [
    _("I feel ___ right now."),
    _("Sorry, that came out harsher than I meant."),
    _("Can we start over?"),
    _("I need to calm down. Can we take a break?"),
    _("I appreciate that you are trying."),
    _("I see your point about ___."),
    _("Let me try that again, more gently."),
    _("This matters to me because ___."),
]

SPEAKER_HINTS = [
    _("Speak for yourself: “I feel…”, “I need…”, not “you always…”."),
    _("Say what happened, as a camera would have seen it, without guessing what the other person thinks or meant."),
    _("Keep it short, a few sentences, so it can be said back."),
]
LISTENER_HINTS = [
    _("Say back what you heard in your own words: “What I hear is…”."),
    _("Do not answer, defend or explain yet: your turn to speak comes next."),
]
NO_SOLVING = _(
    "This exercise is for understanding each other, not for solving the problem. "
    "When you both feel heard, you can work on solutions together in a conflict round."
)
