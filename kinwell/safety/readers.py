"""Who else an assessed text may put at risk: the person it is written to.

Conversation turns and conflict-round texts are read by the other people taking part.
When the words threaten their reader, or speak to the reader ("you") of danger from
someone, the reader (never the writer) is shown partner-violence help when they open
it. Pure Python: the writer's one assessment is reused, the detector is not run again.
"""

import re

from kinwell.safety.detector import NO_CONCERN, Assessment
from kinwell.safety.text_normalise import strip_marks

# Second-person words, English and Spanish, written with or without accents.
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|yours|yourself|youre|youll|youd|u|ur|tu|tus|te|ti|contigo|usted|ustedes|vos)\b"
)


# Reasons about the reader alone: the writer is never shown them.
READER_ONLY = frozenset({"threat_to_reader"})


def as_seen_by_writer(assessment: Assessment) -> Assessment:
    """The assessment without what concerns only the reader, so nothing the writer sees
    (the panel, the API's `safety`) tells them their words were read as a threat. When
    other reasons remain, the level stays as it was: help for the writer still shows."""
    reasons = tuple(reason for reason in assessment.reasons if reason not in READER_ONLY)
    if reasons == assessment.reasons:
        return assessment
    return Assessment(level=assessment.level, reasons=reasons) if reasons else NO_CONCERN


def endangers_reader(assessment: Assessment, text: str) -> bool:
    if assessment.threatens_reader:
        return True
    if not assessment.danger_from_others:
        return False
    words = strip_marks((text or "").lower()).replace("'", "").replace("\u2019", "")
    return bool(_SECOND_PERSON.search(words))
