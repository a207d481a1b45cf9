"""Escalation: the crisis detector's structural rule for plans said in ordinary words.

Every blind batch showed the same shape of miss: the writer says something the rules do
hear as a risk (a wish not to wake up, "I'm done", a vague goodbye, the safety net's
distress words) and, somewhere else in the message, something ordinary that makes it a
plan: a means ("I have enough pills", "la pistola de mi papa"), a place people go to
die ("the overlook", "la azotea, en la orillita"), a date ("after friday", "el 30") or a
finality ("one more time", "you won't have to deal with any of it", "si lees esto").
Sentence rules cannot list every pairing; this stage pairs them. A self-directed risk
statement (a rule hit at concern or above on the writer's own risk, or the safety net)
plus a cue from a family that applies to it, anywhere in the same message and not inside
the risk statement's own words, is urgent, and the family names the C-SSRS category it
adds (preparation, plan, farewell).

The cue families are data ([escalation] in the TOML). Pure Python, no Django; one scan
of one compiled regex, and only for messages that already raised concern.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .text_normalise import named_families, whole_words


@dataclass(frozen=True)
class Cue:
    family: str
    key: str
    start: int
    end: int


class Escalation:
    def __init__(self, data: dict, expand: Callable[[str], str]):
        families = data["family"]
        self.reasons = {f"f{i}": f["reason"] for i, f in enumerate(families)}
        self.names = {f"f{i}": f["id"] for i, f in enumerate(families)}
        # the risk reasons each family may raise (time alone does not make a passive wish a plan)
        self.applies = {f"f{i}": frozenset(f["applies_to"]) for i, f in enumerate(families)}
        self.net_applies = {f"f{i}": bool(f.get("with_safety_net", True)) for i, f in enumerate(families)}
        self.risk = frozenset(data["risk_signals"])

        self.cues = named_families(families, expand, prefix="f")
        self.other_subject = whole_words(data["other_subject"], expand)

    def cues_in(self, t: str) -> list[Cue]:
        return [Cue(self.names[m.lastgroup], m.lastgroup, m.start(), m.end()) for m in self.cues.finditer(t)]

    def raise_for(self, cues: list[Cue], risk: list[tuple[str, int, int]]) -> set[str]:
        """The reasons the cues add to these risk statements ((signal, start, end), the
        writer's own); empty when none applies."""
        added = set()
        for cue in cues:
            for signal, start, end in risk:
                if signal in self.applies[cue.key] and (cue.end <= start or cue.start >= end):
                    added.add(self.reasons[cue.key])
                    break
        return added

    def raise_for_net(self, t: str, cues: list[Cue], net_fires: Callable[[str], bool]) -> set[str]:
        """The safety net heard distress: it counts as a risk statement only if it still
        fires with the cues blanked (the cue must not be the whole of the distress), and
        only when no one else is the subject."""
        usable = [c for c in cues if self.net_applies[c.key]]
        if not usable or self.other_subject.search(t):
            return set()
        blanked = t
        for c in sorted(usable, key=lambda c: -c.start):
            blanked = blanked[: c.start] + " ~" * max(1, blanked.count(" ", c.start, c.end)) + blanked[c.end :]
        if not net_fires(blanked):
            return set()
        return {self.reasons[c.key] for c in usable}
