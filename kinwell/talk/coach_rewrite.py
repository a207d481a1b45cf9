"""Rewrites the sentence a coach finding sits in, in the person's own words: one moment
instead of "always" and "never", what happened instead of "you are X", a feeling and a
need instead of "I feel that you...". English and Spanish.

Pure Python, like the coach. The rules, verb tables and word lists are data
(data/coach_rewrites.toml); this module matches them against the plain form of the
sentence and copies the matched words back from the original, so accents and the
person's spelling survive. No rule fits: None, and the coach offers the pattern's own
template instead.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REWRITES_FILE = Path(__file__).resolve().parent / "data" / "coach_rewrites.toml"
SENTENCE_END = re.compile(r"[.!?\n]+")
PLACEHOLDER = re.compile(r"\{([a-z_]+)((?:\|[a-z]+)*)\}")
CLITICS = {"me", "te", "lo", "la", "nos", "les", "le", "se", "los", "las"}
# "need" and its kind end in -ed without being a past form.
NOT_PAST = {"need", "feed", "speed", "bleed", "breed", "proceed", "succeed", "exceed", "shed", "wed"}
VOWELS = set("aeiou")


@dataclass(frozen=True)
class _Rule:
    pattern: str
    language: str
    match: re.Pattern
    say: str
    requires: re.Pattern | None = None  # must also be found in the sentence


class _Rewriter:
    def __init__(self, data: dict, lists: dict[str, str], expand, normalise):
        self.normalise = normalise
        lists = {**lists, **data.get("lists", {})}
        self.when = data["when"]
        self.rules = [
            _Rule(
                r["pattern"], r["lang"], re.compile(expand(r["match"], lists)), r["say"],
                re.compile(expand(r["requires"], lists)) if "requires" in r else None,
            )
            for r in data["rule"]
        ]
        self.behaviour = [(re.compile(f"(?:{b['match']})$"), b) for b in data["behaviour"]]
        self.faux = [(re.compile(f"(?:{f['match']})$"), f) for f in data["faux"]]
        self.past = data["past"]
        # "you never once took mine": a past form after "never" goes back to its base.
        self.base = {past: base for base, past in self.past.items() if " " not in base and "'" not in base}
        self.pasado = data["pasado"]
        self.tidy = {lang: re.compile("|".join(f"(?:{p})" for p in data["tidy"][lang])) for lang in ("en", "es")}
        self.blank = {lang: re.compile(data["tidy"]["blank"][lang]) for lang in ("en", "es")}
        self.cut = {lang: re.compile(data["tidy"]["cut"][lang]) for lang in ("en", "es")}

    def rewrite(self, pattern: str, text: str, start: int, end: int) -> str | None:
        offset, sentence = _sentence_around(text, start, end)
        plain, origin = self.normalise(sentence)
        start, end = start - offset, end - offset
        rules = [
            rule for rule in self.rules
            if rule.pattern == pattern and (rule.requires is None or rule.requires.search(plain))
        ]
        # The words the finding points at first ("you always take his side, you never
        # once took mine" has two findings and two rewrites), then anywhere in the sentence.
        for near in (True, False):
            for rule in rules:
                for match in rule.match.finditer(plain):
                    if near and not (origin[match.start()] < end and start < origin[match.end() - 1] + 1):
                        continue
                    groups = {
                        name: sentence[origin[a] : origin[b - 1] + 1] if b > a else ""
                        for name, (a, b) in ((n, match.span(n)) for n in match.groupdict())
                    }
                    said = self._fill(rule, groups)
                    if said:
                        return said
        return None

    def _fill(self, rule: _Rule, groups: dict[str, str]) -> str | None:
        def replace(placeholder: re.Match) -> str:
            name, filters = placeholder.group(1), [f for f in placeholder.group(2).split("|") if f]
            value = groups.get(name, "")
            for name_of_filter in filters:
                value = getattr(self, f"_{name_of_filter}")(value, rule.language)
            return value

        said = PLACEHOLDER.sub(replace, rule.say.replace("{WHEN}", self.when[rule.language]))
        said = re.sub(r"\s+([,.])", r"\1", re.sub(r" {2,}", " ", said)).strip()
        return said or None

    # Filters: each takes words from the original draft and the rule's language.

    def _tidy(self, words: str, language: str) -> str:
        words = _cut(words, self.cut[language], self.normalise)
        words = _drop(words, self.tidy[language], self.normalise)
        words = _drop(words, self.blank[language], self.normalise, replacement="___")
        # A group that started with a space ("late{rest}") keeps it.
        lead = " " if words[:1].isspace() else ""
        words = re.sub(r"\s{2,}", " ", words).strip(" ,;:-")
        return lead + words if words else ""

    def _past(self, words: str, language: str) -> str:
        head, _, tail = words.strip().partition(" ")
        key = head.lower().replace("’", "'")
        return _join(self.past.get(key) or _regular_past(key), tail)

    def _not(self, words: str, language: str) -> str:
        head, _, tail = words.strip().partition(" ")
        if head.lower() == "be":
            return _join("weren't", tail)
        if head.lower() in ("have", "has") and tail.lower().startswith("to "):
            return _join("didn't have", tail)
        if head.lower() in self.base and head.lower() not in self.past:
            return _join("didn't", _join(self.base[head.lower()], tail))
        return _join("didn't", words.strip())

    def _pasado(self, words: str, language: str) -> str:
        tokens = words.strip().split(" ")
        index = 0
        while index < len(tokens) - 1 and self.normalise(tokens[index])[0] in CLITICS:
            index += 1
        plain = self.normalise(tokens[index])[0]
        if plain in self.pasado:
            tokens[index] = self.pasado[plain]
        elif plain.endswith(("as", "es")) and ("ue" in plain[:-2] or "ie" in plain[:-2]):
            # Stem changes undo in the preterite: demuestras -> demostraste, piensas -> pensaste.
            stem = plain[:-2]
            at = max(stem.rfind("ue"), stem.rfind("ie"))
            stem = stem[:at] + ("o" if stem[at] == "u" else "e") + stem[at + 2 :]
            tokens[index] = stem + ("aste" if plain.endswith("as") else "iste")
        elif plain.endswith(("as", "ar")):
            tokens[index] = tokens[index][:-2] + "aste"
        elif plain.endswith(("es", "er", "ir")):
            tokens[index] = tokens[index][:-2] + "iste"
        return " ".join(tokens)

    def _behaviour(self, trait: str, language: str) -> str:
        key = self.normalise(trait)[0].removeprefix("a ").removeprefix("an ").strip()
        for match, entry in self.behaviour:
            if language in entry and match.match(key):
                return entry[language]
        return "___"

    def _feeling(self, faux: str, language: str) -> str:
        return self._faux(faux, language)[0]

    def _need(self, faux: str, language: str) -> str:
        return self._faux(faux, language)[1]

    def _faux(self, faux: str, language: str) -> list[str]:
        key = self.normalise(faux)[0].strip()
        return next(entry[language] for match, entry in self.faux if match.match(key))


def _sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the sentence the finding's words sit in starts, and the sentence."""
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    after = SENTENCE_END.search(text, end)
    sentence = text[left : after.start() if after else len(text)]
    stripped = sentence.lstrip()
    return left + len(sentence) - len(stripped), stripped.rstrip()


def _drop(words: str, pattern: re.Pattern, normalise, replacement: str = "") -> str:
    plain, origin = normalise(words)
    pieces, last = [], 0
    for match in pattern.finditer(plain):
        if match.end() <= match.start():
            continue
        a, b = origin[match.start()], origin[match.end() - 1] + 1
        pieces.append(words[last:a] + replacement)
        last = b
    pieces.append(words[last:])
    return "".join(pieces)


def _cut(words: str, pattern: re.Pattern, normalise) -> str:
    """Keep one complaint: "leave your stuff out and never pick it up" stops before "and never"."""
    plain, origin = normalise(words)
    match = pattern.search(plain)
    return words[: origin[match.start()]] if match else words


def _regular_past(verb: str) -> str:
    if not verb.isalpha():
        return verb
    if verb.endswith("ed") and verb not in NOT_PAST:
        return verb
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in VOWELS:
        return verb[:-1] + "ied"
    # Three letters, consonant-vowel-consonant, double: hug -> hugged (longer ones are in [past]).
    if len(verb) == 3 and verb[2] not in VOWELS | set("wxy") and verb[1] in VOWELS and verb[0] not in VOWELS:
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _join(head: str, tail: str) -> str:
    return f"{head} {tail}".strip()


@lru_cache(maxsize=1)
def rewriter(lists: tuple[tuple[str, str], ...], expand, normalise) -> _Rewriter:
    with REWRITES_FILE.open("rb") as handle:
        return _Rewriter(tomllib.load(handle), dict(lists), expand, normalise)
