"""Reads: which questionnaires a person can take, their responses, and their history."""

from django.utils.translation import gettext as _

from kinwell.circles.models import Membership
from kinwell.core.errors import NotFound
from kinwell.screening import scoring, texts
from kinwell.screening.models import Response


def in_couple_circle(*, user) -> bool:
    return Membership.objects.filter(user=user, circle__kind="couple").exists()


def available_instruments(*, user) -> list[scoring.Instrument]:
    """Every questionnaire this person may take. The CSI-4 is about a couple, so it is
    offered only to people in a couple circle."""
    couple = None
    offered = []
    for instrument in scoring.instruments().values():
        if instrument.circle_kind == "couple":
            if couple is None:
                couple = in_couple_circle(user=user)
            if not couple:
                continue
        offered.append(instrument)
    return offered


def instrument_for(*, user, key: str) -> scoring.Instrument:
    for instrument in available_instruments(user=user):
        if instrument.key == key:
            return instrument
    raise NotFound(_("That questionnaire was not found."))


def own_response(*, owner, response_id: int) -> Response:
    response = Response.objects.filter(owner=owner, pk=response_id).first()
    if response is None:
        raise NotFound(_("That questionnaire was not found."))
    return response


def own_result(*, owner, response_id: int) -> Response:
    response = own_response(owner=owner, response_id=response_id)
    if not response.is_complete:
        raise NotFound(_("That result was not found. The questionnaire may not be finished yet."))
    return response


def unfinished(*, owner):
    return Response.objects.filter(owner=owner, completed_at__isnull=True).order_by("-updated_at")


def results(*, owner, instrument: str | None = None):
    completed = Response.objects.filter(owner=owner, completed_at__isnull=False)
    if instrument:
        completed = completed.filter(instrument=instrument)
    return completed.order_by("-completed_at", "-id")


def history(*, owner) -> list[dict]:
    """Per questionnaire taken: results oldest first, each with the notable change
    from the one before (a new band, or 5+ points on the PHQ-9), for the chart and table."""
    by_instrument: dict[str, list[Response]] = {}
    for response in results(owner=owner).order_by("completed_at", "id"):
        by_instrument.setdefault(response.instrument, []).append(response)
    series = []
    for key, responses in by_instrument.items():
        instrument = scoring.get(key)
        rows = []
        for index, response in enumerate(responses):
            change = None
            if index:
                change = scoring.notable_change(instrument, responses[index - 1].total, response.total)
            rows.append({"response": response, "change": change})
        series.append({"instrument": texts.shown(instrument), "rows": rows, "latest": responses[-1]})
    order = list(scoring.instruments())
    return sorted(series, key=lambda s: order.index(s["instrument"].key))


def member_results(*, viewer, circle_id, user_id):
    """A member's results, only as they share them: (opened, results, with_answers).
    Score and band need "screening"; the answers too need "screening_answers"."""
    from kinwell.circles import access
    from kinwell.circles.models import DataKind

    opened = access.open_member(viewer=viewer, circle_id=circle_id, user_id=user_id, kind=DataKind.SCREENING,
                                refusal=_("These results are not shared with you."))
    with_answers = access.open_for_viewing(
        viewer=viewer, owner=opened.owner, kind=DataKind.SCREENING_ANSWERS, circle=opened.circle
    )
    return opened, results(owner=opened.owner), with_answers
