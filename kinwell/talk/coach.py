"""Message coach: points out the patterns in a draft that predict a hard conversation
(Gottman's four horsemen, flooding, and blame dressed as an "I" statement), each with
its own explanation and its own suggestion: the person's sentence said another way
where a rule fits (coach_rewrite.py), the pattern's template where none does. English
and Spanish.

Pure Python on purpose (no Django): every draft box calls it, so it must be fast,
deterministic and testable on its own. The rules are data, in
data/coach_patterns.toml, with their sources named there; this module only prepares
the text (lower case, no accents, straight quotes, one space) while remembering where
each character came from, so a finding can point at the words in the original draft.

The coach is for partners who feel safe with each other. When the caller says the
crisis detector found danger from someone else (`unsafe=True`), or the draft itself
speaks of fear, harm or control ([fear] in the data), it points out nothing and says
so (`afraid`): a frightened person is never coached to soften their words.

It never changes or blocks anything: it explains and offers, the person decides.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kinwell.safety.text_normalise import MACRO, QUOTES, strip_marks
from kinwell.talk.coach_rewrite import rewriter

PATTERNS_FILE = Path(__file__).resolve().parent / "data" / "coach_patterns.toml"
LANGUAGES = ("en", "es")
# A draft is short; a very long one is read up to here so a pasted essay stays fast.
MAX_CHARS = 5000
# Characters a sentence-start or -end anchor may have consumed; trimmed off a finding's span.
LEADING_NOISE = " .!?,;:-"
TRAILING_NOISE = " .!?,;:-"


@dataclass(frozen=True)
class Finding:
    pattern: str
    explanation: str
    start: int  # index into the original draft
    end: int
    excerpt: str
    # This pattern's own suggestion: the sentence said another way, or the pattern's template.
    suggestion: str = ""
    rewritten: bool = False  # the suggestion keeps the person's own words

    def to_dict(self) -> dict:
        return {
            "pattern": self.pattern,
            "explanation": self.explanation,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
            "rewritten": self.rewritten,
        }


@dataclass(frozen=True)
class Review:
    findings: tuple[Finding, ...] = ()
    suggestion: str = ""  # the first suggestion of the most pressing pattern
    patterns: tuple[str, ...] = field(default=())
    # Fear, harm or control: no findings, and `safety_note` says why in plain words.
    afraid: bool = False
    # The coach stepped aside because the draft threatens or controls its reader: no
    # rewording makes that safe, so it coaches nothing (the note says so).
    threatening: bool = False
    safety_note: str = ""

    def to_dict(self) -> dict:
        return {
            "patterns": list(self.patterns),
            "findings": [finding.to_dict() for finding in self.findings],
            "suggestion": self.suggestion,
            "afraid": self.afraid,
            "threatening": self.threatening,
            "safety_note": self.safety_note,
        }


def review(text: str | None, *, language: str = "en", unsafe: bool = False, threatening: bool = False) -> Review:
    """The patterns found in one draft, each with a one-sentence explanation and its own
    suggestion (in `language`, English unless "es", except that a rewrite stays in the
    draft's language) and its span; nothing for a kind message. Patterns of both
    languages are always tried: people mix them.

    `unsafe`: the crisis detector found danger from someone else in this draft. Then,
    as when the draft itself speaks of fear or control, the review has no findings and
    is `afraid`, with a note saying this tool is not for being afraid of someone.

    `threatening`: the detector found that the draft threatens or controls its reader.
    The coach steps aside too, with a note for the writer: it will not help put control
    more gently."""
    language = language if language in LANGUAGES else "en"
    if unsafe:
        return _coach().afraid(language)
    if threatening:
        return _coach().threatening(language)
    if not text or not text.strip():
        return Review()
    return _coach().review(text, language)


def speaks_of_fear(text: str | None) -> bool:
    """The draft speaks of being afraid of someone, hurt, threatened or controlled."""
    return bool(text) and _coach().fear.search(normalise(text[:MAX_CHARS])[0]) is not None


def pattern_names() -> tuple[str, ...]:
    return _coach().order


def normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case, accent-free, straight-quoted text with runs of white space made one
    space, and for each of its characters the index of the original character (plus
    one past the end), so spans can be mapped back."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if out and out[-1] == " ":
                continue
            out.append(" ")
            origin.append(index)
            continue
        for piece in strip_marks(char).lower().translate(QUOTES):
            out.append(piece)
            origin.append(index)
    origin.append(len(text))
    return "".join(out), origin


class _Coach:
    def __init__(self, data: dict):
        lists = data.get("lists", {})
        self.order: tuple[str, ...] = tuple(data["order"])
        self.kind = self._compile([p for lang in LANGUAGES for p in data["kind"].get(lang, [])], lists)
        self.rules: dict[str, re.Pattern] = {}
        self.explanations: dict[str, dict[str, str]] = {}
        self.suggestions: dict[str, dict[str, str]] = {}
        for name in self.order:
            spec = data["patterns"][name]
            self.rules[name] = self._compile([p for lang in LANGUAGES for p in spec.get(lang, [])], lists)
            self.explanations[name] = spec["explanation"]
            self.suggestions[name] = spec["suggestion"]
        self.suppresses: dict[str, tuple[str, ...]] = {
            name: tuple(hidden) for name, hidden in data.get("suppresses", {}).items()
        }
        self.fear = self._compile([p for lang in LANGUAGES for p in data["fear"].get(lang, [])], lists)
        self.safety_note: dict[str, str] = data["safety"]["note"]
        self.threat_note: dict[str, str] = data["safety"]["threat_note"]
        self.rewriter = rewriter(tuple(sorted(lists.items())), self._expand, normalise)

    def afraid(self, language: str) -> Review:
        return Review(afraid=True, safety_note=self.safety_note[language])

    def threatening(self, language: str) -> Review:
        return Review(afraid=True, threatening=True, safety_note=self.threat_note[language])

    @staticmethod
    def _expand(pattern: str, lists: dict[str, str]) -> str:
        # Lists may refer to other lists; a few rounds settle it.
        for _ in range(4):
            expanded = MACRO.sub(lambda m: lists[m.group(1)], pattern)
            if expanded == pattern:
                break
            pattern = expanded
        return pattern

    @classmethod
    def _compile(cls, patterns: list[str], lists: dict[str, str]) -> re.Pattern:
        return re.compile("|".join(f"(?:{cls._expand(p, lists)})" for p in patterns))

    def review(self, text: str, language: str) -> Review:
        text = text[:MAX_CHARS]
        plain, origin = normalise(text)
        if self.fear.search(plain):
            return self.afraid(language)
        # Blank the kind look-alikes with spaces of the same length so indices hold.
        plain = self.kind.sub(lambda m: " " * (m.end() - m.start()), plain)
        spans: list[tuple[str, int, int]] = []
        for name in self.order:
            for match in self.rules[name].finditer(plain):
                start, end = match.start(), match.end()
                while start < end and plain[start] in LEADING_NOISE:
                    start += 1
                while end > start and plain[end - 1] in TRAILING_NOISE:
                    end -= 1
                if start < end:
                    spans.append((name, start, end))
        spans = self._apply_suppression(spans)
        if not spans:
            return Review()
        rank = {name: i for i, name in enumerate(self.order)}
        spans.sort(key=lambda s: (s[1], rank[s[0]]))
        findings = tuple(self._finding(text, name, origin[start], origin[end - 1] + 1, language) for name, start, end in spans)
        patterns = tuple(sorted({f.pattern for f in findings}, key=rank.__getitem__))
        first = next(f for f in findings if f.pattern == patterns[0])
        return Review(findings=findings, suggestion=first.suggestion, patterns=patterns)

    def _finding(self, text: str, name: str, start: int, end: int, language: str) -> Finding:
        rewritten = self.rewriter.rewrite(name, text, start, end)
        return Finding(
            pattern=name,
            explanation=self.explanations[name][language],
            start=start,
            end=end,
            excerpt=text[start:end],
            suggestion=rewritten or self.suggestions[name][language],
            rewritten=rewritten is not None,
        )

    def _apply_suppression(self, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        hidden = set()
        for i, (name, start, end) in enumerate(spans):
            for j, (other, other_start, other_end) in enumerate(spans):
                if other in self.suppresses.get(name, ()) and other_start < end and start < other_end:
                    hidden.add(j)
        kept = [span for i, span in enumerate(spans) if i not in hidden]
        # Same pattern, overlapping words: report once.
        merged: list[tuple[str, int, int]] = []
        for name, start, end in sorted(kept, key=lambda s: (s[0], s[1])):
            if merged and merged[-1][0] == name and start < merged[-1][2]:
                merged[-1] = (name, merged[-1][1], max(end, merged[-1][2]))
            else:
                merged.append((name, start, end))
        return merged


@lru_cache(maxsize=1)
def _coach() -> _Coach:
    with PATTERNS_FILE.open("rb") as handle:
        return _Coach(tomllib.load(handle))
