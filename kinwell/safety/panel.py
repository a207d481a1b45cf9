"""The crisis panel: shown on the page after a save (or a coach review) whose text
suggests someone may be in crisis. It travels in the session across the redirect, so it
works without JavaScript, and it never blocks or hides what the person wrote.

Views only present here what the services assessed (`kinwell.safety.screened`): nothing
in this module reads text."""

from django.conf import settings

from kinwell.safety.detector import Assessment
from kinwell.safety.resources import FIND_A_HELPLINE, resources_for
from kinwell.safety.selectors import automatic_messages_paused, existing_plan
from kinwell.safety.services import ANSWER_REASONS, CRISIS_LEVELS

SESSION_KEY = "kinwell_crisis_panel"


def present(request, assessment: Assessment, *, saved: bool = True) -> Assessment:
    """Show the crisis panel on the next page the person sees when the assessment a
    service returned calls for it (concern or urgent). `saved=False` for words that were
    only reviewed (the message coach), so the panel does not say they were kept."""
    if assessment.level in CRISIS_LEVELS:
        request.session[SESSION_KEY] = {
            "level": assessment.level,
            "danger_from_others": assessment.danger_from_others,
            "partner_violence_urgent": assessment.partner_violence_urgent,
            "strangulation": assessment.strangulation,
            "worry_for_other": assessment.worry_for_other,
            # Only for the writer's own risk may the panel offer (or announce) telling their contact.
            "self_directed": assessment.self_directed or any(reason in ANSWER_REASONS for reason in assessment.reasons),
            "saved": saved,
        }
    return assessment


def reader_panel(*, needed: bool) -> dict | None:
    """The discreet panel for someone who received words that threaten them: partner-
    violence resources only, and nothing that names or tells the writer."""
    if not needed:
        return None
    country = crisis_resources()
    return {"country": country, "resources": country.domestic_violence()}


def crisis_resources():
    return resources_for(settings.CRISIS_COUNTRY)


def context_processor(request):
    """The configured country's resources on every page (the footer's emergency line),
    and the crisis panel on the page after a save that asked for it."""
    if not hasattr(request, "session") or SESSION_KEY not in request.session:
        return {"crisis_country": crisis_resources()}
    found = {"partner_violence_urgent": False, "strangulation": False, "self_directed": True,
             **request.session.pop(SESSION_KEY)}
    plan = existing_plan(owner=request.user) if request.user.is_authenticated else None
    paused = request.user.is_authenticated and automatic_messages_paused(owner=request.user)
    country = crisis_resources()
    return {
        "crisis_country": country,
        "crisis_panel": {
            "saved": True,
            **found,
            "urgent": found["level"] == "urgent",
            "country": country,
            "resources": country.for_panel(danger_from_others=found["danger_from_others"]),
            # The contact may be told (or offered) only for the writer's own risk, and
            # never while automatic messages are paused after danger from someone else.
            "may_tell_contact": found["self_directed"] and not found["danger_from_others"] and not paused,
            "more_options": country.more_options(),
            "find_a_helpline": FIND_A_HELPLINE,
            "plan": plan,
        }
    }
