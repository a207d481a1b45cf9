"""The questions of "What do I need?" and their choices, as data. Plain Python, no Django.

Each choice has the label a person picks and, where a plan's reasons quote it back, the
phrase used in "because you said ...". Both are English msgids: `_` only marks them for
makemessages, and the pages translate them when shown.
"""

from dataclasses import dataclass


def _(text: str) -> str:
    return text


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

    def choice(self, key: str) -> Choice | None:
        return next((c for c in self.choices if c.key == key), None)

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
               _("arguments or distance with your partner")),
        Choice("communication", _("Trouble talking with someone close to me"),
               _("trouble talking with someone close to you")),
        Choice("family_tension", _("Tension in my family"), _("tension in your family")),
        Choice("job_loss", _("Losing a job or money worries"), _("losing a job or money worries")),
        Choice("illness", _("An illness, mine or someone else's"), _("an illness")),
        Choice("grief", _("Grief: someone has died"), _("grief")),
        Choice("new_baby", _("A new baby"), _("a new baby")),
        Choice("moving", _("Moving or a big change at home"), _("a move or a big change at home")),
        Choice("caregiving", _("Caring for someone"), _("caring for someone")),
        Choice("loneliness", _("Feeling lonely"), _("feeling lonely")),
        Choice("stress", _("Stress"), _("stress")),
        Choice("low_mood", _("Low mood"), _("low mood")),
        Choice("anxiety", _("Worry or anxiety"), _("worry or anxiety")),
        Choice("substance_use", _("Alcohol or drug use"), _("alcohol or drug use")),
        Choice("unsafe", _("Feeling unsafe with someone"), _("feeling unsafe with someone")),
        Choice("worried_about_someone", _("Worry about someone else"), _("worry about someone else")),
        Choice("not_sure", _("I don't know yet"), _("not being sure yet what is wrong")),
    ),
)

INVOLVES = Question(
    "involves",
    _("Who does it involve?"),
    choices=(
        Choice("me", _("Mostly me"), _("mostly you")),
        Choice("partner", _("My partner"), _("your partner")),
        Choice("family", _("My family"), _("your family")),
        Choice("friend", _("A friend"), _("a friend")),
    ),
)

DURATION = Question(
    "duration",
    _("How long has it been going on?"),
    many=False,
    choices=(
        Choice("weeks", _("Less than a month"), _("less than a month")),
        Choice("months", _("One to three months"), _("one to three months")),
        Choice("long", _("More than three months"), _("more than three months")),
    ),
)

IMPACT = Question(
    "impact",
    _("How much does it get in the way of daily life: work, sleep, time with others?"),
    many=False,
    choices=(
        Choice("little", _("A little"), _("a little")),
        Choice("some", _("Quite a bit"), _("quite a bit")),
        Choice("a_lot", _("A lot"), _("a lot")),
    ),
)

TRIED = Question(
    "tried",
    _("What have you tried already?"),
    choices=(
        Choice("talked", _("Talking to someone I trust"), _("talking to someone you trust")),
        Choice("self_help", _("Reading, apps or self-help"), _("reading, apps or self-help")),
        Choice("support_group", _("A support group"), _("a support group")),
        Choice("therapy_now", _("I see a therapist now"), _("seeing a therapist now")),
        Choice("therapy_before", _("Therapy in the past"), _("therapy in the past")),
        Choice("nothing", _("Nothing yet"), _("nothing yet")),
    ),
)

FORMAT = Question(
    "format",
    _("How would you like to meet?"),
    many=False,
    choices=(
        Choice("in_person", _("In person"), _("in person")),
        Choice("online", _("Online or by phone"), _("online or by phone")),
        Choice("either", _("Either is fine"), _("either way")),
    ),
)

PAYMENT = Question(
    "payment",
    _("How would you pay?"),
    many=False,
    choices=(
        Choice("medicaid", _("Medicaid"), _("Medicaid")),
        Choice("medicare", _("Medicare"), _("Medicare")),
        Choice("private", _("Private insurance"), _("private insurance")),
        Choice("military", _("Military insurance (TRICARE)"), _("military insurance")),
        Choice("none", _("No insurance: free or low cost matters"), _("free or low cost")),
        Choice("not_sure", _("Not sure"), _("not being sure how to pay")),
    ),
)

LANGUAGE = Question(
    "language",
    _("In which language?"),
    many=False,
    choices=(
        Choice("english", _("English"), _("English")),
        Choice("spanish", _("Spanish"), _("Spanish")),
        Choice("chinese", _("Chinese"), _("Chinese")),
        Choice("vietnamese", _("Vietnamese"), _("Vietnamese")),
        Choice("korean", _("Korean"), _("Korean")),
        Choice("russian", _("Russian"), _("Russian")),
        Choice("arabic", _("Arabic"), _("Arabic")),
        Choice("french_creole", _("French or Creole"), _("French or Creole")),
        Choice("sign", _("Sign language"), _("sign language")),
    ),
)

TIMES = Question(
    "times",
    _("When could you go?"),
    choices=(
        Choice("weekdays", _("Weekdays, daytime"), _("weekdays in the daytime")),
        Choice("evenings", _("Evenings"), _("evenings")),
        Choice("weekends", _("Weekends"), _("weekends")),
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

# The order of duration and impact, for "at least" conditions and for combining two
# people's answers (the longer, the heavier wins).
ORDER = {
    "duration": ("weeks", "months", "long"),
    "impact": ("little", "some", "a_lot"),
}

# The check-in signs (kinwell/checkins/data/sign_rules.toml) as a reason quotes them.
SIGN_PHRASES = {
    "mood_below_baseline": _("your moods have been lower than usual for you"),
    "support_requests": _("you have asked for support several times lately"),
    "sudden_fall": _("your mood dropped suddenly"),
    "stopped_after_streak": _("you stopped checking in after a long run"),
}
