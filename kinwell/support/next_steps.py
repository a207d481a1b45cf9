"""The concrete next steps for each pathway of a plan. Plain Python, no Django.

Each step is a checklist item: a message to a trusted person, a help-finder search
already filtered to fit the person's answers (facet keys from
kinwell/directory/facets.py), or an article of ours (by slug). Titles are English msgids.
"""

from dataclasses import dataclass

from kinwell.support.rules import Answers


def _(text: str) -> str:
    return text


@dataclass(frozen=True)
class StepSpec:
    pathway: str
    key: str
    kind: str  # "safety", "message", "finder", "article"
    title: str
    facets: tuple = ()
    article: str = ""


PAYMENT_FACETS = {
    "medicaid": "payment:medicaid",
    "medicare": "payment:medicare",
    "private": "payment:private",
    "military": "payment:military",
    "none": "payment:sliding",
}
LANGUAGE_FACETS = {key: f"language:{key}" for key in
                   ("spanish", "chinese", "vietnamese", "korean", "russian", "arabic", "french_creole", "sign")}

ARTICLES = {
    "asking": "asking-someone-you-trust-for-support",
    "couples": "what-to-expect-from-couples-therapy",
    "family": "what-family-therapy-is-and-how-it-helps",
    "choosing": "choosing-a-therapist-and-paying-for-it",
    "groups": "support-groups-and-how-to-find-one",
    "first_session": "what-to-expect-from-your-first-therapy-session",
    "online": "finding-good-help-online",
    "encouraging": "encouraging-someone-to-get-professional-help",
    "unsafe": "when-you-do-not-feel-safe-with-someone-close-to-you",
    "lonely": "when-you-feel-lonely",
    "noticing": "noticing-the-signs-someone-is-struggling",
    "big_change": "when-a-big-change-turns-life-upside-down",
    "making_a_plan": "making-a-support-plan-that-works-for-you",
}


def practical_facets(answers: Answers) -> tuple:
    """How the person can pay, their language and whether they want to meet online."""
    chosen = []
    if answers.payment in PAYMENT_FACETS:
        chosen.append(PAYMENT_FACETS[answers.payment])
    if answers.language in LANGUAGE_FACETS:
        chosen.append(LANGUAGE_FACETS[answers.language])
    if answers.format == "online":
        chosen.append("access:telehealth")
    return tuple(chosen)


def _finder(pathway: str, title: str, what: tuple, answers: Answers) -> StepSpec:
    return StepSpec(pathway, "finder", "finder", title, facets=what + practical_facets(answers))


def _article(pathway: str, which: str, title: str) -> StepSpec:
    return StepSpec(pathway, f"article:{ARTICLES[which]}", "article", title, article=ARTICLES[which])


def steps_for(pathway: str, answers: Answers) -> tuple:
    concerns = answers.concerns
    if pathway == "trusted_people":
        steps = [StepSpec(pathway, "message", "message", _("Send a short message to someone you trust")),
                 _article(pathway, "asking", _("Read: asking someone you trust for support"))]
        if "worried_about_someone" in concerns:
            steps.append(_article(pathway, "encouraging", _("Read: encouraging someone to get help")))
        return tuple(steps)
    if pathway == "couples_therapy":
        return (_finder(pathway, _("Find couples therapists near you"), ("therapy:couples_family",), answers),
                _article(pathway, "couples", _("Read: what to expect from couples therapy")),
                _article(pathway, "choosing", _("Read: how to choose a therapist, and paying for it")))
    if pathway == "family_therapy":
        return (_finder(pathway, _("Find family therapists near you"), ("therapy:couples_family",), answers),
                _article(pathway, "family", _("Read: what family therapy is and what a first session is like")),
                _article(pathway, "choosing", _("Read: how to choose a therapist, and paying for it")))
    if pathway == "support_groups":
        what = ("support:peer", "care:substance_use") if "substance_use" in concerns else ("support:peer",)
        return (_finder(pathway, _("Find support and peer groups near you"), what, answers),
                _article(pathway, "groups", _("Read: support groups and how to find one")))
    if pathway == "individual_therapy":
        what = ("therapy:individual", "care:substance_use") if "substance_use" in concerns else ("therapy:individual",)
        steps = [_finder(pathway, _("Find a therapist for yourself near you"), what, answers),
                 _article(pathway, "first_session", _("Read: what to expect from your first therapy session")),
                 _article(pathway, "choosing", _("Read: how to choose a therapist, and paying for it"))]
        if "unsafe" in concerns:
            steps.insert(1, _article(pathway, "unsafe", _("Read: when you don't feel safe with someone close to you")))
        return tuple(steps)
    if pathway == "online_resources":
        steps = [_article(pathway, "online", _("Read: finding good help online"))]
        if concerns & {"job_loss", "illness", "grief", "new_baby", "moving", "caregiving"}:
            steps.append(_article(pathway, "big_change", _("Read: when a big change turns life upside down")))
        if "loneliness" in concerns:
            steps.append(_article(pathway, "lonely", _("Read: when you feel lonely")))
        if "worried_about_someone" in concerns:
            steps.append(_article(pathway, "noticing", _("Read: noticing the signs someone is struggling")))
        steps.append(StepSpec(pathway, "finder", "finder", _("Find services that meet by phone or video"),
                              facets=tuple(dict.fromkeys(("access:telehealth",) + practical_facets(answers)))))
        return tuple(steps)
    raise ValueError(f"unknown pathway {pathway!r}")


def safety_steps(*, danger_from_others: bool) -> tuple:
    steps = [StepSpec("safety", "safety_plan", "safety", _("Make or look over your safety plan"))]
    if danger_from_others:
        steps.append(_article("safety", "unsafe", _("Read: when you don't feel safe with someone close to you")))
    return tuple(steps)


# Editable openings for the message to a trusted person, chosen by what is going on.
# Our own words: short, honest, and easy to say yes to.
MESSAGE_TEMPLATES = (
    ("unsafe", _("I'm going through something hard at home and I'd like to talk with you privately. "
                 "Could you call me when you're on your own?")),
    ("worried_about_someone", _("I'm worried about someone close to me and could use someone to think it "
                                "through with. Do you have time to talk this week?")),
    ("partner_conflict", _("Things have been hard between my partner and me lately. Could I talk it through "
                           "with you sometime this week?")),
    ("family_tension", _("Things have been tense in my family and it's weighing on me. "
                         "Could we talk this week?")),
    ("grief", _("I'm finding this harder than I expected. Could we spend a bit of time together this week?")),
    ("loneliness", _("I've been feeling a bit alone lately and I'd love to catch up. Are you free this week?")),
    ("", _("I've been having a hard time lately. Could we talk this week?")),
)


def message_template(answers: Answers) -> str:
    for concern, text in MESSAGE_TEMPLATES:
        if not concern or concern in answers.concerns:
            return text
    raise AssertionError("the last template has no condition")
