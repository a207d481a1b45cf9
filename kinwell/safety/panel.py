"""The crisis panel: shown on the page after a save whose text suggests someone may
be in crisis. It travels in the session across the redirect, so it works without
JavaScript, and it never blocks or hides what the person wrote."""

from django.conf import settings

from kinwell.safety.detector import Assessment
from kinwell.safety.resources import FIND_A_HELPLINE, resources_for
from kinwell.safety.selectors import automatic_messages_paused
from kinwell.safety.services import (
    ANSWER_REASONS, CRISIS_LEVELS, assess_free_text, existing_plan, respond_to_urgent_answer,
)

SESSION_KEY = "kinwell_crisis_panel"


def offer_help(request, *, text: str) -> Assessment:
    """Call after saving free text from a web form: assess it and, when it suggests a
    crisis, show the panel on the next page the person sees."""
    result = assess_free_text(author=request.user, text=text)
    if result.level in CRISIS_LEVELS:
        _show_on_next_page(request, result)
    return result


def show_urgent_panel(request, *, level: str = "urgent") -> Assessment:
    """Call after saving an answer that calls for help in itself (not free text): the
    panel on the next page, and, when urgent, the crisis contact told if the person
    arranged that ("concern" shows help and tells nobody)."""
    result = respond_to_urgent_answer(author=request.user, level=level)
    _show_on_next_page(request, result)
    return result


def _show_on_next_page(request, result: Assessment) -> None:
    request.session[SESSION_KEY] = {
        "level": result.level,
        "danger_from_others": result.danger_from_others,
        "partner_violence_urgent": result.partner_violence_urgent,
        "strangulation": result.strangulation,
        "worry_for_other": result.worry_for_other,
        # Only for the writer's own risk may the panel offer (or announce) telling their contact.
        "self_directed": result.self_directed or any(reason in ANSWER_REASONS for reason in result.reasons),
    }


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
