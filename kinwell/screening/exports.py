"""A result in the forms other parts need: rows of answers for pages, the words for a
change over time, the FHIR bundle, and the section of "download my data"."""

from django.utils import timezone
from django.utils.translation import gettext as _

from kinwell.screening import fhir, scoring, texts
from kinwell.screening.models import Response


def answer_rows(response: Response) -> list[dict]:
    rows = []
    instrument = texts.shown(response.definition)
    for item in instrument.all_items:
        value = response.answers.get(item.key)
        rows.append(
            {
                "number": item.number,
                "text": item.text,
                "value": value,
                "answer": item.option(value).text if value is not None else None,
                "scored": item.scored,
                "lang": instrument.language,
            }
        )
    return rows


def change_text(instrument: scoring.Instrument, change: scoring.Change | None) -> str:
    """A notable change, pointed out in plain words ('' when there is none)."""
    if change is None:
        return ""
    words = []
    if instrument.key == "phq9" and abs(change.points) >= scoring.MEANINGFUL_PHQ9_CHANGE:
        if change.points < 0:
            words.append(_("Down %(points)s points since last time: a change this size is usually a real one.") % {"points": -change.points})
        else:
            words.append(_("Up %(points)s points since last time: a change this size is usually a real one.") % {"points": change.points})
    if change.crossed_band:
        words.append(
            _("Moved from “%(before)s” to “%(after)s”.")
            % {"before": texts.band_name(change.band_before), "after": texts.band_name(change.band_after)}
        )
    return " ".join(words)


def record(response: Response) -> fhir.ResultRecord:
    return fhir.ResultRecord(
        id=response.pk,
        instrument=response.definition,
        answers=dict(response.answers),
        total=response.total,
        band=response.band,
        completed_at=response.completed_at,
    )


def fhir_person(user) -> fhir.Person:
    """The Patient of a bundle: the display name, and a birth date only if the account has
    one (today it has none); nothing else about the person leaves with the results."""
    return fhir.Person(key=user.pk, name=user.display_name, birth_date=getattr(user, "birth_date", None))


def fhir_bundle(responses: list[Response], *, owner) -> str:
    return fhir.bundle_json([record(response) for response in responses], person=fhir_person(owner), now=timezone.now())


def as_data(response: Response) -> dict:
    return {
        "id": response.pk,
        "instrument": response.instrument,
        "name": response.definition.name,
        "status": "completed" if response.is_complete else "in_progress",
        "started_at": response.started_at,
        "completed_at": response.completed_at,
        "total": response.total,
        "band": response.band or None,
        "answers": dict(response.answers),
    }
