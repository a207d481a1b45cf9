"""The questions of "What do I need?" and their choices, as data. Plain Python, no Django.

Each choice has the label a person picks and, where a plan's reasons quote it back, the
phrase used in "because you said ...". Both are English msgids: `_` only marks them for
makemessages, and the pages translate them when shown.
"""

from dataclasses import dataclass


def _(text: str) -> str:
    return text


def pgettext(context: str, text: str) -> str:
    """Marks a phrase a reason quotes, with its own context: the same English words
    ("stress") are translated elsewhere to fit other sentences."""
    return text


QUOTE_CONTEXT = "quoted in a reason"


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    phrase: str = ""  # how a reason quotes it, in the second person


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    choices: tuple[Choice, ...]
    many: bool = True  # several choices (checkboxes) or one (radio buttons)
    hint: str = ""

    @property
    def keys(self) -> frozenset:
        return frozenset(c.key for c in self.choices)


PATHWAYS = (
    ("trusted_people", _("Reach out to people you trust")),
    ("couples_therapy", _("Couples therapy")),
    ("family_therapy", _("Family therapy")),
    ("support_groups", _("Support groups")),
    ("individual_therapy", _("Individual therapy")),
    ("online_resources", _("Good online resources")),
)
PATHWAY_KEYS = tuple(key for key, _label in PATHWAYS)
PATHWAY_LABELS = dict(PATHWAYS)

CONCERNS = Question(
    "concerns",
    _("What is going on?"),
    hint=_("Choose everything that fits. You can change this later."),
    choices=(
        Choice("partner_conflict", _("Arguments or distance with my partner"),
               pgettext("quoted in a reason", "arguments or distance with your partner")),
        Choice("communication", _("Trouble talking with someone close to me"),
               pgettext("quoted in a reason", "trouble talking with someone close to you")),
        Choice("family_tension", _("Tension in my family"), pgettext("quoted in a reason", "tension in your family")),
        Choice("job_loss", _("Losing a job or money worries"), pgettext("quoted in a reason", "losing a job or money worries")),
        Choice("illness", _("An illness, mine or someone else's"), pgettext("quoted in a reason", "an illness")),
        Choice("grief", _("Grief: someone has died"), pgettext("quoted in a reason", "grief")),
        Choice("new_baby", _("A new baby"), pgettext("quoted in a reason", "a new baby")),
        Choice("moving", _("Moving or a big change at home"), pgettext("quoted in a reason", "a move or a big change at home")),
        Choice("caregiving", _("Caring for someone"), pgettext("quoted in a reason", "caring for someone")),
        Choice("loneliness", _("Feeling lonely"), pgettext("quoted in a reason", "feeling lonely")),
        Choice("stress", _("Stress"), pgettext("quoted in a reason", "stress")),
        Choice("low_mood", _("Low mood"), pgettext("quoted in a reason", "low mood")),
        Choice("anxiety", _("Worry or anxiety"), pgettext("quoted in a reason", "worry or anxiety")),
        Choice("substance_use", _("Alcohol or drug use"), pgettext("quoted in a reason", "alcohol or drug use")),
        Choice("unsafe", _("Feeling unsafe with someone"), pgettext("quoted in a reason", "feeling unsafe with someone")),
        Choice("worried_about_someone", _("Worry about someone else"), pgettext("quoted in a reason", "worry about someone else")),
        Choice("not_sure", _("I don't know yet"), pgettext("quoted in a reason", "not being sure yet what is wrong")),
    ),
)

INVOLVES = Question(
    "involves",
    _("Who does it involve?"),
    choices=(
        Choice("me", _("Mostly me"), pgettext("quoted in a reason", "mostly you")),
        Choice("partner", _("My partner"), pgettext("quoted in a reason", "your partner")),
        Choice("family", _("My family"), pgettext("quoted in a reason", "your family")),
        Choice("friend", _("A friend"), pgettext("quoted in a reason", "a friend")),
    ),
)

DURATION = Question(
    "duration",
    _("How long has it been going on?"),
    many=False,
    choices=(
        Choice("weeks", _("Less than a month"), pgettext("quoted in a reason", "less than a month")),
        Choice("months", _("One to three months"), pgettext("quoted in a reason", "one to three months")),
        Choice("long", _("More than three months"), pgettext("quoted in a reason", "more than three months")),
    ),
)

IMPACT = Question(
    "impact",
    _("How much does it get in the way of daily life: work, sleep, time with others?"),
    many=False,
    choices=(
        Choice("little", _("A little"), pgettext("quoted in a reason", "a little")),
        Choice("some", _("Quite a bit"), pgettext("quoted in a reason", "quite a bit")),
        Choice("a_lot", _("A lot"), pgettext("quoted in a reason", "a lot")),
    ),
)

TRIED = Question(
    "tried",
    _("What have you tried already?"),
    choices=(
        Choice("talked", _("Talking to someone I trust"), pgettext("quoted in a reason", "talking to someone you trust")),
        Choice("self_help", _("Reading, apps or self-help"), pgettext("quoted in a reason", "reading, apps or self-help")),
        Choice("support_group", _("A support group"), pgettext("quoted in a reason", "a support group")),
        Choice("therapy_now", _("I see a therapist now"), pgettext("quoted in a reason", "seeing a therapist now")),
        Choice("therapy_before", _("Therapy in the past"), pgettext("quoted in a reason", "therapy in the past")),
        Choice("nothing", _("Nothing yet"), pgettext("quoted in a reason", "nothing yet")),
    ),
)

FORMAT = Question(
    "format",
    _("How would you like to meet?"),
    many=False,
    choices=(
        Choice("in_person", _("In person"), pgettext("quoted in a reason", "in person")),
        Choice("online", _("Online or by phone"), pgettext("quoted in a reason", "online or by phone")),
        Choice("either", _("Either is fine"), pgettext("quoted in a reason", "either way")),
    ),
)

PAYMENT = Question(
    "payment",
    _("How would you pay?"),
    many=False,
    choices=(
        Choice("medicaid", _("Medicaid"), pgettext("quoted in a reason", "Medicaid")),
        Choice("medicare", _("Medicare"), pgettext("quoted in a reason", "Medicare")),
        Choice("private", _("Private insurance"), pgettext("quoted in a reason", "private insurance")),
        Choice("military", _("Military insurance (TRICARE)"), pgettext("quoted in a reason", "military insurance")),
        Choice("none", _("No insurance: free or low cost matters"), pgettext("quoted in a reason", "free or low cost")),
        Choice("not_sure", _("Not sure"), pgettext("quoted in a reason", "not being sure how to pay")),
    ),
)

LANGUAGE = Question(
    "language",
    _("In which language?"),
    many=False,
    choices=(
        Choice("english", _("English"), pgettext("quoted in a reason", "English")),
        Choice("spanish", _("Spanish"), pgettext("quoted in a reason", "Spanish")),
        Choice("chinese", _("Chinese"), pgettext("quoted in a reason", "Chinese")),
        Choice("vietnamese", _("Vietnamese"), pgettext("quoted in a reason", "Vietnamese")),
        Choice("korean", _("Korean"), pgettext("quoted in a reason", "Korean")),
        Choice("russian", _("Russian"), pgettext("quoted in a reason", "Russian")),
        Choice("arabic", _("Arabic"), pgettext("quoted in a reason", "Arabic")),
        Choice("french_creole", _("French or Creole"), pgettext("quoted in a reason", "French or Creole")),
        Choice("sign", _("Sign language"), pgettext("quoted in a reason", "sign language")),
    ),
)

TIMES = Question(
    "times",
    _("When could you go?"),
    choices=(
        Choice("weekdays", _("Weekdays, daytime"), pgettext("quoted in a reason", "weekdays in the daytime")),
        Choice("evenings", _("Evenings"), pgettext("quoted in a reason", "evenings")),
        Choice("weekends", _("Weekends"), pgettext("quoted in a reason", "weekends")),
    ),
)

QUESTIONS = {q.key: q for q in (CONCERNS, INVOLVES, DURATION, IMPACT, TRIED, FORMAT, PAYMENT, LANGUAGE, TIMES)}

# The flow's steps, in order: a few short screens, each saved as the person goes.
STEPS = (
    ("situation", _("What is going on"), ("concerns",)),
    ("details", _("Who, how long, how much"), ("involves", "duration", "impact", "tried")),
    ("preferences", _("What would suit you"), ("format", "payment", "language", "times")),
    ("signals", _("What Kinwell already knows"), ()),
)
STEP_KEYS = tuple(key for key, _label, _questions in STEPS)


def questions_on(step: str) -> tuple:
    """The questions one screen asks (none on the last, which is about signals)."""
    return next(questions for key, _label, questions in STEPS if key == step)

# The order of duration and impact, for "at least" conditions and for combining two
# people's answers (the longer, the heavier wins).
ORDER = {
    "duration": ("weeks", "months", "long"),
    "impact": ("little", "some", "a_lot"),
}

# The check-in signs (kinwell/checkins/data/sign_rules.toml) as a reason quotes them.
SIGN_PHRASES = {
    "mood_below_baseline": pgettext("quoted in a reason", "your moods have been lower than usual for you"),
    "support_requests": pgettext("quoted in a reason", "you have asked for support several times lately"),
    "sudden_fall": pgettext("quoted in a reason", "your mood dropped suddenly"),
    "stopped_after_streak": pgettext("quoted in a reason", "you stopped checking in after a long run"),
}
