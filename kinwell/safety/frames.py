"""Frames: what around a crisis phrase changes whose it is or how sure it is.

Plain Python, used by the detector. A phrase inside a film, a song or the news, a
phrase the writer reports someone else saying ("she said she wants to die"), a phrase
whose subject is someone else or "people", and a phrase with laughter or a denial of
intent beside it: each is read here, from the frame lists in data/crisis_patterns.toml.
"""

from __future__ import annotations

import bisect
import re

from .reasons import CONCERN, NONE
from .text_normalise import squeeze_pattern


class Frames:
    def __init__(self, frames: dict, compile_any):
        self.report = compile_any(frames["report"], wrap=True)
        self.other_subjects = frozenset(squeeze_pattern(w) for w in frames["other_subjects"])
        self.generic_subjects = frozenset(squeeze_pattern(w) for w in frames["generic_subjects"])
        self.skip_words = frozenset(squeeze_pattern(w) for w in frames["skip_words"])
        self.media = compile_any(frames["media"])
        self.laughter = compile_any(frames["laughter"])
        self.no_intent = compile_any(frames["no_intent"])
        self.clause_break = re.compile(frames["clause_break"])

    @staticmethod
    def _bounds(marks: list[int], pos: int, size: int) -> tuple[int, int]:
        i = bisect.bisect_right(marks, pos)
        start = marks[i - 1] + 1 if i else 0
        end = marks[i] if i < len(marks) else size
        return start, end

    def _subject_before(self, t: str, clause_start: int, pos: int) -> str:
        words = t[clause_start:pos].split()
        while words and words[-1] in self.skip_words:
            words.pop()
        return words[-1] if words else ""

    def _has(self, cache: dict, rx: re.Pattern, t: str, start: int, end: int) -> bool:
        key = (id(rx), start, end)
        if key not in cache:
            cache[key] = rx.search(t, start, end) is not None
        return cache[key]

    def _report_before(self, cache: dict, t: str, s_start: int, s_end: int, pos: int) -> bool:
        key = ("report", s_start)
        if key not in cache:
            cache[key] = [m.end() for m in self.report.finditer(t, s_start, s_end)]
        return any(end <= pos for end in cache[key])

    def apply(self, t: str, hit, sentences: list[int], clauses: list[int], cache: dict):
        s_start, s_end = self._bounds(sentences, hit.start, len(t))
        c_start, c_end = self._bounds(clauses, hit.start, len(t))
        group = hit.group
        media_in_sentence = self._has(cache, self.media, t, s_start, s_end)
        if hit.person != "self":
            # someone else's words in a film, a song or the news are not a crisis
            if media_in_sentence and (hit.person == "other" or self._has(cache, self.media, t, c_start, c_end)):
                return None
            return hit
        if media_in_sentence:
            quoted = t.count('"', s_start, hit.start) % 2 == 1
            if quoted:
                return None
            if self._has(cache, self.media, t, c_start, c_end):
                hit.level, hit.softened = min(hit.level, CONCERN), True
        if self._report_before(cache, t, s_start, s_end, hit.start):
            return self._as_worry(hit)
        if group.subject_check:
            subject = self._subject_before(t, c_start, hit.start)
            if subject in self.other_subjects:
                return self._as_worry(hit)
            if subject in self.generic_subjects:
                hit.level, hit.softened = min(hit.level, CONCERN), True
        if group.hyperbole and (
            cache["no_intent"] or self._has(cache, self.laughter, t, s_start, min(len(t), max(s_end, hit.end + 30)))
        ):
            hit.level, hit.softened = min(hit.level, CONCERN), True
        return hit

    @staticmethod
    def _as_worry(hit):
        """Someone else's words reported by the writer: worry for them (or, for a threat
        the writer quotes, a threat the writer received)."""
        if hit.group.reported == NONE:
            return None
        hit.signal, hit.level, hit.person = hit.group.reported_as, hit.group.reported, "other"
        return hit
