"""Reads: a person's summaries, the link behind a token, and a summary's content.

`content(summary)` is the one place that turns a stored choice into what the printed
page, the clinician link and the FHIR bundle show, so the three never differ. It reads
only what was chosen, and no result, check-in or sign recorded after the summary was made."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.checkins import chart, trends
from kinwell.checkins.models import CheckIn, SignNudge
from kinwell.checkins.selectors import trend_entries
from kinwell.checkins.vocabulary import MOODS
from kinwell.core.errors import NotFound
from kinwell.core.localtime import zone_of
from kinwell.screening import exports as screening_exports, scoring, texts as screening_texts
from kinwell.screening.models import Response
from kinwell.summary import fhir, stretches
from kinwell.summary.models import ClinicianLink, Summary, hash_link_token
from kinwell.support import presenting, selectors as support_selectors

# The longest note picker: notes of the chosen period, newest first, at most this many.
NOTES_TO_PICK_FROM = 100


def summaries(*, owner):
    return Summary.objects.filter(owner=owner).prefetch_related("links")


def own_summary(*, owner, summary_id: int) -> Summary:
    summary = Summary.objects.filter(owner=owner, pk=summary_id).first()
    if summary is None:
        raise NotFound(_("That summary was not found."))
    return summary


def own_link(*, owner, summary: Summary, link_id: int) -> ClinicianLink:
    link = ClinicianLink.objects.filter(summary=summary, summary__owner=owner, pk=link_id).first()
    if link is None:
        raise NotFound(_("That link was not found."))
    return link


def open_link_for(token: str) -> ClinicianLink | None:
    """The link behind a token, only while it is open; None for a wrong, expired or
    revoked one alike, so the page cannot tell them apart."""
    if not token or len(token) > 200:
        return None
    link = ClinicianLink.objects.select_related("summary__owner").filter(token_hash=hash_link_token(token)).first()
    return link if link is not None and link.is_open() else None


def taken_instruments(*, owner) -> list[scoring.Instrument]:
    keys = set(Response.objects.filter(owner=owner, completed_at__isnull=False).values_list("instrument", flat=True))
    return [instrument for key, instrument in scoring.instruments().items() if key in keys]


def notes_in(*, owner, start, end):
    """Check-ins with a note in the period, newest first: the ones a person can pick."""
    return CheckIn.objects.filter(owner=owner, day__gte=start, day__lte=end).exclude(note="").order_by(
        "-day", "-recorded_at")[:NOTES_TO_PICK_FROM]


def _results(summary: Summary) -> list[dict]:
    zone = zone_of(summary.owner)
    since = datetime.combine(summary.start, time.min, tzinfo=zone)
    until = min(datetime.combine(summary.end + timedelta(days=1), time.min, tzinfo=zone), summary.made_at)
    chosen = Response.objects.filter(
        owner=summary.owner, completed_at__gte=since, completed_at__lte=until, instrument__in=summary.instruments,
    ).order_by("completed_at", "id")
    by_instrument: dict[str, list[Response]] = {}
    for response in chosen:
        by_instrument.setdefault(response.instrument, []).append(response)
    series = []
    for key, instrument in scoring.instruments().items():
        responses = by_instrument.get(key)
        if not responses:
            continue
        rows = []
        for index, response in enumerate(responses):
            change = scoring.notable_change(instrument, responses[index - 1].total, response.total) if index else None
            rows.append({"response": response, "band_name": screening_texts.band_name(response.band),
                         "change_text": screening_exports.change_text(instrument, change)})
        latest = responses[-1]
        series.append({"instrument": screening_texts.shown(instrument), "rows": rows, "latest": latest, "urgent": latest.urgent,
                       "latest_band": screening_texts.band_name(latest.band)})
    return series


def _trend(summary: Summary) -> dict:
    rows = CheckIn.objects.filter(owner=summary.owner, day__gte=summary.start, day__lte=summary.end,
                                  recorded_at__lte=summary.made_at)
    points = trends.daily(trend_entries(rows))
    return {
        "start": summary.start,
        "end": summary.end,
        "points": points,
        "averages": trends.averages(points),
        "stretches": stretches.stretches(points, start=summary.start, end=summary.end),
        "chart": chart.mood_chart([(p.day, p.mood) for p in points], start=summary.start, end=summary.end),
    }


def sign_text(nudge: SignNudge) -> str:
    """What a sign was, in words a clinician reads (not the nudge the person saw)."""
    details = nudge.details or {}
    if nudge.rule == "mood_below_baseline":
        return _("Mood well under the usual on %(days)s of %(window)s days") % {
            "days": details.get("days_below", "?"), "window": details.get("window", "?")}
    if nudge.rule == "support_requests":
        return _("Asked for support on %(days)s of %(window)s days") % {
            "days": details.get("days_asked", "?"), "window": details.get("window", "?")}
    if nudge.rule == "sudden_fall":
        return _("A sudden fall in mood that lasted")
    if nudge.rule == "stopped_after_streak":
        return _("Stopped checking in after %(days)s days in a row") % {"days": details.get("streak", "?")}
    return _("Check-ins different from the usual pattern")


def _signs(summary: Summary) -> list[dict]:
    nudges = SignNudge.objects.filter(owner=summary.owner, since__gte=summary.start, since__lte=summary.end,
                                      created_at__lte=summary.made_at).order_by("since", "id")
    return [{"rule": n.rule, "since": n.since, "text": sign_text(n)} for n in nudges]


def _notes(summary: Summary) -> list[CheckIn]:
    if not summary.note_ids:
        return []
    return list(CheckIn.objects.filter(owner=summary.owner, pk__in=summary.note_ids).exclude(note="")
                .order_by("day", "recorded_at"))


def _pathways(summary: Summary) -> list[dict]:
    """The support plan's suggested pathways, best first, with their next steps and
    whether each is done. The reasons stay out: they quote the person's private answers."""
    plan = support_selectors.plan_of(owner=summary.owner)
    if plan is None or not plan.is_made:
        return []
    outline = support_selectors.outline_for(plan=plan, viewer=summary.owner)
    answers = support_selectors.answers_seen_by(plan=plan, viewer=summary.owner)
    steps, shared = support_selectors.steps_seen_by(plan=plan, viewer=summary.owner)
    view = presenting.present_plan(plan=plan, outline=outline, answers=answers, steps=steps, shared=shared)
    return [
        {"key": p["key"], "label": p["label"],
         "steps": [(str(step["title"]), step["done"]) for step in p["steps"]]}
        for p in view["suggested"]
    ]


def content(summary: Summary) -> dict:
    """Everything the summary shows, in the reader's language."""
    return {
        "summary": summary,
        "owner": summary.owner,
        "series": _results(summary) if summary.instruments else [],
        "trend": _trend(summary) if summary.trends else None,
        "signs": _signs(summary) if summary.signs else [],
        "notes": [{"checkin": c, "mood": MOODS.get(c.mood, c.mood)} for c in _notes(summary)],
        "pathways": _pathways(summary) if summary.plan else [],
    }


def fhir_content(seen: dict) -> fhir.Content:
    """The same content, for the bundle."""
    averages = None
    if seen["trend"] is not None:
        found = seen["trend"]["averages"]
        averages = fhir.Averages(mood=found["mood"], stress=found["stress"], sleep_hours=found["sleep_hours"],
                                 days=found["days"])
    return fhir.Content(
        person=screening_exports.fhir_person(seen["owner"]),
        start=seen["summary"].start,
        end=seen["summary"].end,
        results=[screening_exports.record(row["response"]) for entry in seen["series"] for row in entry["rows"]],
        averages=averages,
        signs=[fhir.Sign(rule=s["rule"], since=s["since"], text=s["text"]) for s in seen["signs"]],
        notes=[fhir.Note(id=n["checkin"].pk, day=n["checkin"].day, mood=n["checkin"].mood, text=n["checkin"].note)
               for n in seen["notes"]],
        pathways=[fhir.Pathway(key=p["key"], label=str(p["label"]), steps=tuple(p["steps"])) for p in seen["pathways"]],
    )


def fhir_json(summary: Summary) -> str:
    return fhir.bundle_json(fhir_content(content(summary)), now=timezone.now())
