"""Message coach: points out the patterns in a draft that predict a hard conversation
(Gottman's four horsemen and blame dressed as an "I" statement) and offers a gentler
start-up to build on. English and Spanish.

Pure Python on purpose (no Django): every draft box calls it, so it must be fast,
deterministic and testable on its own. The rules are data, in
data/coach_patterns.toml, with their sources named there; this module only prepares
the text (lower case, no accents, straight quotes, one space) while remembering where
each character came from, so a finding can point at the words in the original draft.

The coach never rewrites or blocks anything: it explains, the person decides.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kinwell.safety.text_normalise import MACRO, QUOTES, strip_marks

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

    def to_dict(self) -> dict:
        return {
            "pattern": self.pattern,
            "explanation": self.explanation,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
        }


@dataclass(frozen=True)
class Review:
    findings: tuple[Finding, ...] = ()
    suggestion: str = ""
    patterns: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {
            "patterns": list(self.patterns),
            "findings": [finding.to_dict() for finding in self.findings],
            "suggestion": self.suggestion,
        }


def review(text: str | None, *, language: str = "en") -> Review:
    """The patterns found in one draft, each with a one-sentence explanation (in
    `language`, English unless "es") and its span, and one suggestion; nothing for a
    kind message. Patterns of both languages are always tried: people mix them."""
    if not text or not text.strip():
        return Review()
    return _coach().review(text, language if language in LANGUAGES else "en")


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
        findings = tuple(
            Finding(
                pattern=name,
                explanation=self.explanations[name][language],
                start=origin[start],
                end=origin[end - 1] + 1,
                excerpt=text[origin[start] : origin[end - 1] + 1],
            )
            for name, start, end in spans
        )
        patterns = tuple(sorted({f.pattern for f in findings}, key=rank.__getitem__))
        return Review(findings=findings, suggestion=self.suggestions[patterns[0]][language], patterns=patterns)

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
