"""Who else an assessed text may put at risk: the person it is written to.

Conversation turns and conflict-round texts are read by the other people taking part.
When the words threaten their reader (the detector's `threat_to_reader`), the reader
(never the writer) is shown partner-violence help when they open it. Pure Python: the
writer's one assessment is reused, the detector is not run again.

Only a threat counts, not any talk of danger addressed to "you": a frightened person
writes "you hit me" to the one who hit them, and that reader must not be shown help
for victims of abuse (it tells them how their words were read, and it is not theirs).
"""

from kinwell.safety.detector import NO_CONCERN, Assessment


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


def endangers_reader(assessment: Assessment) -> bool:
    """Whether the readers of this text should be offered partner-violence help."""
    return assessment.threatens_reader
