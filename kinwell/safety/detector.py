"""Crisis detector: reads a free text (English or Spanish) for signs that someone may be
in crisis and returns a level (none, concern, urgent) and the signals it found.

Pure Python on purpose (no Django, no network, no model): every save path calls it, so
it must be fast (well under a millisecond for a typical message), deterministic and
testable on its own. The patterns are data, in data/crisis_patterns.toml, with the level
policy and each group's source written there; this module only prepares the text (with
the character helpers in text_normalise.py) and applies the rules. When the rules find
nothing, a last "safety net" stage (safety_net.py: a weighted lexicon of distress cues
near a first-person marker, also data) may still answer "concern". It errs toward
"concern": a gentle offer of help costs little, a miss can cost a life.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .reasons import (  # noqa: F401  (re-exported: callers import these from the detector)
    ABOUT_SOMEONE_ELSE, CONCERN, DANGER_FROM_OTHERS, LADDER, LEVELS, NO_CONCERN, NONE, PARTNER_VIOLENCE_URGENT,
    SELF_DIRECTED, SIGNALS, URGENT, Assessment, RUNG, SIGNAL_RANK,
)
from .escalation import Escalation
from .frames import Frames
from .safety_net import REASON as SAFETY_NET, SafetyNet
from .text_normalise import (
    CLAUSE_MARK, ELLIPSIS, HAS_DIGIT, INNER_APOSTROPHE, LEET_WORD, MACRO, MASKED_WORD, OTHER, QUOTES,
    REPEATS, SENTENCE_END, SPACED_LETTERS, squeeze_pattern, strip_marks,
)

PATTERNS_FILE = Path(__file__).resolve().parent / "data" / "crisis_patterns.toml"



def assess(text: str | None) -> Assessment:
    """Assess one free text. Empty or missing text is "none". A text longer than
    `max_chars` (5,000) is read as its first 3,500 and its last 1,500 characters."""
    if not text:
        return NO_CONCERN
    return _engine().assess(text)


def safety_net_score(text: str) -> tuple[float, list[str]]:
    """The safety net's score and cue families for a text, whatever the rules say (for tuning)."""
    engine = _engine()
    return engine.net.score(engine._blank_safe(engine.normalise(text or "")))


def normalise(text: str) -> str:
    """The text as the patterns see it (exposed for tests and for operators tuning)."""
    return _engine().normalise(text)


# --------------------------------------------------------------------------- engine


@dataclass(frozen=True)
class _Group:
    id: str
    signal: str
    level: int
    person: str
    hyperbole: bool
    subject_check: bool
    amplify: bool
    reported: int
    weight: int
    combine: bool
    fallback: bool
    amplified: str
    amplified_by: frozenset | None
    reported_as: str
    yields_to_self: frozenset
    regex: re.Pattern


@dataclass
class _Hit:
    group: _Group
    start: int
    end: int
    signal: str
    level: int
    person: str
    softened: bool = False  # capped by laughter, "not going to do anything" or a media frame


class _Engine:
    def __init__(self, data: dict):
        settings = data["settings"]
        self.max_chars = int(settings["max_chars"])
        self.tail_chars = min(int(settings.get("tail_chars", 0)), self.max_chars)
        self.window = int(settings["amplifier_window"])
        self.farewell_concern = int(settings["farewell_concern_weight"])
        self.farewell_urgent = int(settings["farewell_urgent_weight"])
        self.core = frozenset(settings["core_signals"])
        self.combining = frozenset(settings["combining_signals"])
        self.macros = data.get("macros", {})

        norm = data["normalise"]
        self.leet = str.maketrans(norm["leet"])
        self.mask_words = list(norm["mask_words"])
        self.emoji = str.maketrans({k: f" {v} " for k, v in norm["emoji"].items()})

        self.respell_raw = [
            (re.compile(p), r) for block in data["respell"] if block["stage"] == "raw" for p, r in block["rules"]
        ]
        clean = [block for block in data["respell"] if block["stage"] == "clean"]
        self.respell_words = {
            squeeze_pattern(k): squeeze_pattern(v) for block in clean for k, v in block.get("words", {}).items()
        }
        self.respell_clean = [
            (self._compile(p, wrap=False), squeeze_pattern(strip_marks(r.lower())))
            for block in clean
            for p, r in block.get("rules", [])
        ]
        self.safe = [self._compile_any(block["patterns"]) for block in data["safe"]]
        self.groups = self._merged([self._group_fields(g) for g in data["group"]])
        self.amplifiers = [
            (a["id"], frozenset(a["applies_to"]), self._compile_any(a["patterns"])) for a in data["amplifier"]
        ]

        self.frames = Frames(data["frames"], self._compile_any)
        self.net = SafetyNet(data["safety_net"], self._expand, self.frames.media, self.frames.laughter)
        self.escalation = Escalation(data["escalation"], self._expand)

    # -- compiling

    def _expand(self, pattern: str) -> str:
        for _ in range(6):
            expanded = MACRO.sub(lambda m: self.macros[m.group(1)], pattern)
            if expanded == pattern:
                break
            pattern = expanded
        return squeeze_pattern(strip_marks(pattern.lower()))

    def _compile(self, pattern: str, wrap: bool = True) -> re.Pattern:
        body = self._expand(pattern)
        return re.compile(rf"(?<![a-z0-9_])(?:{body})(?![a-z0-9_])" if wrap else body)

    def _compile_any(self, patterns: list[str], wrap: bool = True) -> re.Pattern:
        return self._compile("|".join(f"(?:{p})" for p in patterns), wrap=wrap)

    def _group_fields(self, g: dict) -> tuple[dict, list[str]]:
        return {
            "id": g["id"],
            "signal": g["signal"],
            "level": LEVELS.index(g["level"]),
            "person": g.get("person", "any"),
            "hyperbole": g.get("hyperbole", False),
            "subject_check": g.get("subject_check", False),
            "amplify": g.get("amplify", False),
            "reported": LEVELS.index(g.get("reported", "concern")),
            "weight": int(g.get("weight", 0)),
            "combine": g.get("combine", True),
            "fallback": g.get("fallback", False),
            "amplified": g.get("amplified", g["signal"]),
            "amplified_by": frozenset(g["amplified_by"]) if "amplified_by" in g else None,
            "reported_as": g.get("reported_as", "worry_for_other"),
            "yields_to_self": frozenset(g.get("yields_to_self", ())),
        }, list(g["patterns"])

    def _merged(self, groups: list[tuple[dict, list[str]]]) -> list[_Group]:
        """Groups that behave alike (same reason, level and frames; farewell cues, which add
        up one by one, excepted) are matched as one regex: each compiled regex is a scan of
        the whole text, and the scans, not the patterns, are what a message costs."""
        merged: dict[tuple, tuple[dict, list[str]]] = {}
        for fields, patterns in groups:
            key = tuple(v for k, v in fields.items() if k != "id")
            if fields["weight"]:
                key += (fields["id"],)
            if key in merged:
                merged[key][0]["id"] += "+" + fields["id"]
                merged[key][1].extend(patterns)
            else:
                merged[key] = (dict(fields), list(patterns))
        return [_Group(**fields, regex=self._compile_any(patterns)) for fields, patterns in merged.values()]

    # -- text preparation

    def _unmask(self, m: re.Match) -> str:
        token = m.group(0)
        if not any(c.isalpha() for c in token):
            return " "
        shape = re.compile("".join("[a-z]{1,2}" if c in "*#" else re.escape(c) for c in re.sub(r"[*#]+", "*", token)))
        for word in self.mask_words:
            if shape.fullmatch(word):
                return word
        return re.sub(r"[*#]+", "", token)

    def normalise(self, text: str) -> str:
        if len(text) > self.max_chars:
            head = self.max_chars - self.tail_chars
            t = text[:head] + "\n" + (text[-self.tail_chars :] if self.tail_chars else "")
        else:
            t = text
        if t.isascii():
            t = t.replace('"', ' " ').replace("`", "'")
        else:
            t = strip_marks(t.translate(self.emoji)).translate(QUOTES)
        t = t.lower()
        if "'" in t:
            t = INNER_APOSTROPHE.sub("", t).replace("'", ' " ')
        if "*" in t or "#" in t:
            t = MASKED_WORD.sub(self._unmask, t)
        if HAS_DIGIT.search(t):
            for rx, repl in self.respell_raw:
                t = rx.sub(repl, t)
        t = LEET_WORD.sub(lambda m: m.group(0).translate(self.leet), t)
        t = SPACED_LETTERS.sub(lambda m: re.sub(r"[ .\-_]", "", m.group(0)), t)
        t = ELLIPSIS.sub(" ", t)
        t = SENTENCE_END.sub(" . ", t)
        t = CLAUSE_MARK.sub(" , ", t)
        t = OTHER.sub(" ", t)
        t = REPEATS.sub(r"\1", t)
        words = self.respell_words
        t = " ".join([words.get(w, w) for w in t.split()])
        for rx, repl in self.respell_clean:
            t = rx.sub(repl, t)
        return t

    def _blank_safe(self, t: str) -> str:
        for rx in self.safe:
            t = rx.sub(lambda m: " ~" * max(1, m.group(0).count(" ")), t)
        return t

    # -- assessment

    def assess(self, text: str) -> Assessment:
        normalised = self.normalise(text)
        t = self._blank_safe(normalised)
        if not t.strip(' .,~"'):
            return NO_CONCERN
        # read before blanking: the denial itself is blanked as a safe span
        cache: dict = {"no_intent": self.frames.no_intent.search(normalised) is not None}
        sentences = [m.start() for m in re.finditer(r"\.", t)]
        clauses = sorted({m.start() for m in self.frames.clause_break.finditer(t)} | set(sentences))

        hits: list[_Hit] = []
        for group in self.groups:
            for m in group.regex.finditer(t):
                hit = _Hit(group, m.start(), m.end(), group.signal, group.level, group.person)
                hit = self.frames.apply(t, hit, sentences, clauses, cache)
                if hit is not None:
                    hits.append(hit)
        if any(not h.group.fallback for h in hits):
            # the safety nets only speak when nothing more specific did
            hits = [h for h in hits if not h.group.fallback]
        hits = [h for h in hits if not self._taken_up_by_self(h, hits)]
        if not hits:
            return self._safety_net(t)

        reasons: set[str] = set()
        level = NONE
        amplifier_spans = None
        for hit in hits:
            if hit.group.amplify and not hit.softened and (hit.level < URGENT or hit.group.amplified != hit.signal):
                if amplifier_spans is None:
                    amplifier_spans = [
                        (aid, applies, [m.span() for m in rx.finditer(t)]) for aid, applies, rx in self.amplifiers
                    ]
                only = hit.group.amplified_by
                for aid, applies, spans in amplifier_spans:
                    if (only is None or aid in only) and hit.signal in applies and any(
                        (s >= hit.end or e <= hit.start) and s < hit.end + self.window and e > hit.start - self.window
                        for s, e in spans
                    ):
                        hit.level = URGENT
                        if hit.person == "self":
                            # a time next to a past attempt makes it one just made, next to
                            # "going to end it" a plan: the group names what it adds
                            reasons.add(hit.group.amplified)
                        break
            if hit.level > NONE:
                level = max(level, hit.level)
                if not self._outranked(hit, hits):
                    reasons.add(hit.signal)

        # combinations: a core signal with a decision, a plan, a means, an attempt or a
        # goodbye is urgent; a hit softened by laughter or a media frame takes no part
        self_hits = [h for h in hits if h.person == "self" and not h.softened]
        has_core = any(h.signal in self.core and h.level > NONE for h in self_hits)
        combining = [h for h in self_hits if h.signal in self.combining and h.group.combine]
        if has_core and combining:
            level = URGENT
            reasons.update(h.signal for h in combining)
        farewell, cues = self._farewell_weight(combining)
        if farewell >= self.farewell_concern:
            level = max(level, URGENT if farewell >= self.farewell_urgent else CONCERN)
            reasons.update(cues)

        if level == NONE:
            return self._safety_net(t)
        if level < URGENT:
            # a risk statement of the writer's own plus a means, a place, a date or a
            # finality anywhere in the message (escalation.py)
            risk = [
                (h.signal, h.start, h.end)
                for h in self_hits
                if h.level > NONE and h.signal in self.escalation.risk
            ]
            cues = self.escalation.cues_in(t)
            added = self.escalation.raise_for(cues, risk) if risk and cues else set()
            if not added and cues and level == CONCERN:
                # the risk may be said in words only the safety net hears ("the world keeps
                # spinning fine without me"), beside a rule's cue ("might as well make it
                # official"): the net must fire with every rule hit and cue blanked
                added = self.escalation.raise_for_net(self._blank_spans(t, hits), cues, self.net.fires)
            if added:
                level = URGENT
                reasons.update(added)
        return Assessment(LEVELS[level], tuple(sorted(reasons, key=SIGNAL_RANK.__getitem__)))

    def _safety_net(self, t: str) -> Assessment:
        """Last stage, only when the rules found nothing: concern; urgent only when the
        distress stands on its own and a means, place, date or finality cue sits beside it
        (escalation.py), never because of the cue alone."""
        if not self.net.fires(t):
            return NO_CONCERN
        added = self.escalation.raise_for_net(t, self.escalation.cues_in(t), self.net.fires)
        if added:
            return Assessment("urgent", tuple(sorted(added, key=SIGNAL_RANK.__getitem__)))
        return Assessment("concern", (SAFETY_NET,))

    @staticmethod
    def _blank_spans(t: str, hits: list[_Hit]) -> str:
        for h in sorted(hits, key=lambda h: -h.start):
            t = t[: h.start] + " ~" * max(1, t.count(" ", h.start, h.end)) + t[h.end :]
        return t

    @staticmethod
    def _taken_up_by_self(hit: _Hit, hits: list[_Hit]) -> bool:
        """Someone else's weapon that the writer's own plan takes up (the two matches
        overlap) is the writer's means, not a threat from its owner."""
        wanted = hit.group.yields_to_self
        return bool(wanted) and any(
            h.person == "self" and not h.softened and h.signal in wanted and h.start < hit.end and h.end > hit.start
            for h in hits
        )

    @staticmethod
    def _outranked(hit: _Hit, hits: list[_Hit]) -> bool:
        """A ladder rung whose words a higher rung also matched is not reported."""
        rung = RUNG.get(hit.signal)
        if rung is None or hit.person != "self":
            return False
        return any(
            RUNG.get(h.signal, -1) > rung and h.level >= hit.level and h.start < hit.end and h.end > hit.start
            for h in hits
        )

    @staticmethod
    def _farewell_weight(hits: list[_Hit]) -> tuple[int, set[str]]:
        """Sum the weights of distinct farewell and giving-away cues (overlapping cues count
        once); return the total and the categories of the cues that counted."""
        taken: list[tuple[int, int]] = []
        total, cues = 0, set()
        for h in sorted((h for h in hits if h.group.weight), key=lambda h: -h.group.weight):
            if all(h.end <= s or h.start >= e for s, e in taken):
                taken.append((h.start, h.end))
                total += h.group.weight
                cues.add(h.signal)
        return total, cues


@lru_cache(maxsize=1)
def _engine() -> _Engine:
    with PATTERNS_FILE.open("rb") as f:
        return _Engine(tomllib.load(f))
