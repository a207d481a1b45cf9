"""Text helpers for the crisis detector: the character-level clean-up that turns what
people type into the plain lower-case words the patterns in data/crisis_patterns.toml
are written against. Pure Python (no Django), shared by detector.py and by anyone tuning
the patterns.
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks left by NFKD (accents, tildes), variation selectors and zero-width
# characters. A character-class regex is much faster than a per-character loop.
MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\u200b-\u200f\u2060]"
)
QUOTES = str.maketrans({c: ' " ' for c in '"“”„‟«»〝〞＂'} | {c: "'" for c in "’‘ʼ`´"})
INNER_APOSTROPHE = re.compile(r"(?<=[a-z0-9])'(?=[a-z])")
MASKED_WORD = re.compile(r"[a-z]*[*#]+[a-z*#]*")
LEET_WORD = re.compile(r"(?<![a-z0-9@$!|])[a-z]+[0-9@$!|][a-z0-9@$!|]*[a-z0-9]")
HAS_DIGIT = re.compile(r"[0-9]")
SPACED_LETTERS = re.compile(r"(?<![a-z0-9])(?:[a-z][ .\-_]){2,}[a-z](?![a-z0-9])")
ELLIPSIS = re.compile(r"\.{2,}|…")
SENTENCE_END = re.compile(r"[.!?;\n\r\u2029\u2028]+")
CLAUSE_MARK = re.compile(r"[,:\u2013\u2014()\[\]{}]+")
OTHER = re.compile(r"[^a-z0-9_ .,\"]+")
REPEATS = re.compile(r"([a-z])\1+")
MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def strip_marks(text: str) -> str:
    return MARKS.sub("", unicodedata.normalize("NFKD", text))


def squeeze_pattern(pattern: str) -> str:
    """Collapse doubled letters in a regex the way REPEATS does in the text, leaving
    escapes (\\b, \\1, \\w) alone, so a pattern written as "kill" matches "kil"."""
    out, prev, i = [], None, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            prev, i = None, i + 2
            continue
        if c.isalpha() and c == prev:
            i += 1
            continue
        out.append(c)
        prev = c if c.isalpha() else None
        i += 1
    return "".join(out)


# A whole word or phrase of the normalised text: no letter, digit or underscore either side.
_WORD_START, _WORD_END = r"(?<![a-z0-9_])", r"(?![a-z0-9_])"


def any_of(patterns, expand) -> str:
    """One alternation of pattern-file phrases, each expanded ({MACROS}, squeezing)."""
    return "|".join(f"(?:{expand(p)})" for p in patterns)


def whole_words(patterns, expand) -> re.Pattern:
    """Any of the phrases, as whole words."""
    return re.compile(f"{_WORD_START}(?:{any_of(patterns, expand)}){_WORD_END}")


def named_families(families, expand, *, prefix: str) -> re.Pattern:
    """Any phrase of any family, as whole words; a match's `lastgroup` names its family
    as `prefix` + its index in `families` (each family a dict with `patterns`)."""
    alternatives = "|".join(f"(?P<{prefix}{i}>{any_of(f['patterns'], expand)})" for i, f in enumerate(families))
    return re.compile(f"{_WORD_START}(?:{alternatives}){_WORD_END}")
