"""Distress safety net: the crisis detector's last stage, for wordings nobody wrote down.

The pattern groups in data/crisis_patterns.toml are sentences: they are precise, but
every blind batch of new texts showed they miss veiled phrasings ("I just want to not be
a person anymore", "ojala todo se apagara"). This stage is the opposite trade: a small
weighted lexicon of distress cues (death, ending, vanishing, tired of living, without
me, letting go, giving up, sleeping forever, hurting myself, no point, burden, alone,
anymore, forever, goodbye...) in English and Spanish, scored only where a cue sits
within a few words of a first-person marker (I, me, my, yo, mi, quiero, estoy...) in the
same sentence. Each cue family counts once (its strongest match); an intensifier near a
scored cue adds a little; "context" families (everyday scenes such as cooking, games,
sport, devices; someone else as the subject) subtract when they share a sentence with a
counted cue. A note of a few words with no subject at all is read as first person. At or
above the threshold the text is "concern" with the reason "distress_safety_net": a gentle
offer of help, never urgent by itself.

The weights, the window and the threshold are data ([safety_net] in the TOML, with the
rationale and how they were tuned). The detector runs this stage on the text after the
figurative, negated and everyday spans were blanked, and only when its rules found
nothing, so the rules' levels and reasons are never changed by it.

Pure Python, no Django; one pass of three compiled regexes over the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from .text_normalise import named_families, whole_words

REASON = "distress_safety_net"
_WORD = re.compile(r"\S+")


class SafetyNet:
    def __init__(self, data: dict, expand: Callable[[str], str], media: re.Pattern, laughter: re.Pattern):
        self.threshold = float(data["threshold"])
        self.window = int(data["window"])
        self.implicit_max_words = int(data.get("implicit_first_person_max_words", 0))
        self.intensifier_weight = float(data.get("intensifier_weight", 0))
        self.skip_media = bool(data.get("skip_media", True))
        self.skip_laughter = bool(data.get("skip_laughter", True))
        self.media, self.laughter = media, laughter
        cues = sorted(data["cue"], key=lambda c: -float(c["weight"]))  # strongest family wins a tie
        # context families (negative weights: everyday activities, someone else as the
        # subject) count wherever they are, in a sentence where a distress cue counted
        self.context = {f"c{i}" for i, c in enumerate(cues) if c.get("context", False)}
        self.ids = [c["id"] for c in cues]
        self.weights = {f"c{i}": float(c["weight"]) for i, c in enumerate(cues)}
        self.names = {f"c{i}": c["id"] for i, c in enumerate(cues)}

        self.cues = named_families(cues, expand, prefix="c")
        self.first_person = whole_words(data["first_person"], expand)
        self.other_subject = whole_words(data.get("other_subject", ["(?!)"]), expand)
        self.intensifiers = whole_words(data["intensifiers"], expand)

    def score(self, t: str) -> tuple[float, list[str]]:
        """Score a prepared text (normalised, safe spans blanked). Returns the score and
        the cue families that counted, for operators tuning the weights."""
        cue_matches = list(self.cues.finditer(t))
        if not cue_matches:
            return 0.0, []
        starts = [m.start() for m in _WORD.finditer(t)]

        def token(pos: int) -> int:
            return bisect.bisect_right(starts, pos) - 1

        dots = [i for i, s in enumerate(starts) if t[s] == "."]

        def sentence(i: int) -> int:
            return bisect.bisect_left(dots, i)

        fp = [token(m.start()) for m in self.first_person.finditer(t)]
        # a short note with no subject at all ("so done with everything", "no tiene caso
        # seguir") is read as the writer's own: in a journal or check-in it almost always is
        implicit = (
            not fp
            and len(starts) - len(dots) <= self.implicit_max_words
            and self.other_subject.search(t) is None
        )
        skipped: dict[int, bool] = {}
        best: dict[str, float] = {}
        scored: list[int] = []
        context: list[tuple[str, int]] = []
        w = self.window
        for m in cue_matches:
            i = token(m.start())
            s = sentence(i)
            if m.lastgroup in self.context:
                context.append((m.lastgroup, s))
                continue
            if not implicit:
                k = bisect.bisect_left(fp, i - w)
                if not any(abs(j - i) <= w and sentence(j) == s for j in fp[k : bisect.bisect_right(fp, i + w)]):
                    continue
            if s not in skipped:
                lo = starts[dots[s - 1]] if s else 0
                hi = starts[dots[s]] if s < len(dots) else len(t)
                skipped[s] = bool(
                    (self.skip_media and self.media.search(t, lo, hi))
                    or (self.skip_laughter and self.laughter.search(t, lo, hi))
                )
            if skipped[s]:
                continue
            name = m.lastgroup
            best[name] = max(best.get(name, 0.0), self.weights[name])
            scored.append(i)
        if not best:
            return 0.0, []
        sentences = {sentence(i) for i in scored}
        for name, s in context:
            if s in sentences:
                best[name] = self.weights[name]
        total = sum(best.values())
        if self.intensifier_weight and any(
            any(abs(token(m.start()) - i) <= w for i in scored) for m in self.intensifiers.finditer(t)
        ):
            total += self.intensifier_weight
        return total, sorted(self.names[n] for n in best)

    def fires(self, t: str) -> bool:
        return self.score(t)[0] >= self.threshold
