"""The support-plan rules engine. Plain Python, no Django.

It reads the rules table (data/plan_rules.toml, sources named there) and turns a
person's answers, plus what Kinwell already knows (screening results, check-in signs,
crisis language), into an outline: the safety step when anything points to danger, then
the six pathways ranked, each with the reasons that raised or lowered it, quoting the
person's own answers. Reasons are data (a rule id, a template and the phrases it quotes),
so the pages translate them at the moment they are shown.
"""

import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from kinwell.support import needs

RULES_FILE = Path(__file__).parent / "data" / "plan_rules.toml"
# A pathway with at least this many points is "suggested"; the rest are other options.
SUGGESTED_FROM = 25

SET_CONDITIONS = {"concerns", "involves", "tried", "format", "impact", "duration"}
KNOWN_CONDITIONS = SET_CONDITIONS | {
    "not_tried", "duration_at_least", "impact_at_least", "screening", "screening_level_at_least",
    "signs", "has_circle", "crisis_text", "phq9_item9", "any_concern", "unsafe", "self_risk", "safety_first",
}
QUOTABLE = ("concerns", "involves", "duration", "impact", "tried", "format", "signs", "instrument")


class RulesError(ValueError):
    """The rules table is malformed; raised at load, so a bad edit fails loudly in tests."""


@dataclass(frozen=True)
class Answers:
    concerns: frozenset = frozenset()
    involves: frozenset = frozenset()
    duration: str = ""
    impact: str = ""
    tried: frozenset = frozenset()
    format: str = ""
    payment: str = ""
    language: str = ""
    times: frozenset = frozenset()
    zip: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "Answers":
        """From stored answers; unknown keys and choices are dropped, not trusted."""
        values = {}
        for key, question in needs.QUESTIONS.items():
            raw = data.get(key)
            if question.many:
                values[key] = frozenset(k for k in (raw or ()) if k in question.keys)
            else:
                values[key] = raw if raw in question.keys else ""
        return cls(**values, zip=str(data.get("zip") or "")[:10])

    def to_dict(self) -> dict:
        return {key: sorted(value) if isinstance(value, frozenset) else value
                for key, value in self.__dict__.items()}


@dataclass(frozen=True)
class ScreeningResult:
    instrument: str  # key in instruments.toml, e.g. "phq9"
    name: str  # as shown, e.g. "PHQ-9"
    level: int  # the band's level, 0 (gently) to 4 (clearly points to professional help)


@dataclass(frozen=True)
class Signals:
    """What Kinwell knows without asking: used only when the person agrees."""

    screening: tuple = ()  # the latest ScreeningResult per instrument
    phq9_item9: int = 0
    signs: frozenset = frozenset()  # open sign rules, e.g. {"mood_below_baseline"}
    crisis_text: bool = False  # the person's own words showed urgent risk to themselves
    has_circle: bool = False
    danger_text: bool = False  # the person's own words told of being hurt, threatened or controlled


@dataclass(frozen=True)
class Reason:
    rule: str
    template: str
    quotes: dict = field(default_factory=dict)  # placeholder -> tuple of phrases (msgids)
    caution: bool = False


@dataclass(frozen=True)
class RankedPathway:
    key: str
    points: int
    reasons: tuple  # Reason, those that raised it first

    @property
    def suggested(self) -> bool:
        return self.points >= SUGGESTED_FROM


@dataclass(frozen=True)
class Outline:
    safety: tuple  # Reason: non-empty means the plan starts with the safety step
    danger_from_others: bool
    pathways: tuple  # RankedPathway, best first

    @property
    def safety_first(self) -> bool:
        return bool(self.safety)

    def top(self, count: int = 3) -> tuple:
        return tuple(p.key for p in self.pathways[:count])


@dataclass(frozen=True)
class Rule:
    id: str
    pathway: str
    points: int
    when: dict
    reason: str
    source: str
    group: str = ""  # of rules saying the same thing more or less strongly: the first that applies counts


@cache
def load_rules(path: Path = RULES_FILE) -> tuple[dict, tuple[Rule, ...]]:
    with open(path, "rb") as handle:
        raw = tomllib.load(handle)
    base = raw.get("pathways", {})
    if set(base) != set(needs.PATHWAY_KEYS):
        raise RulesError(f"[pathways] must give a base for exactly {needs.PATHWAY_KEYS}")
    rules, seen = [], set()
    for entry in raw.get("rules", ()):
        rule = Rule(id=entry.get("id", ""), pathway=entry.get("pathway", ""), points=int(entry.get("points", 0)),
                    when=dict(entry.get("when", {})), reason=entry.get("reason", ""), source=entry.get("source", ""),
                    group=entry.get("group", ""))
        _check(rule, seen)
        seen.add(rule.id)
        rules.append(rule)
    return base, tuple(rules)


def _check(rule: Rule, seen: set) -> None:
    where = f"rule {rule.id or '(no id)'}"
    if not rule.id or rule.id in seen:
        raise RulesError(f"{where}: every rule needs a unique id")
    if rule.pathway not in (*needs.PATHWAY_KEYS, "safety"):
        raise RulesError(f"{where}: unknown pathway {rule.pathway!r}")
    if not rule.reason or not rule.source or not rule.when:
        raise RulesError(f"{where}: needs a reason, a source and conditions")
    unknown = set(rule.when) - KNOWN_CONDITIONS
    if unknown:
        raise RulesError(f"{where}: unknown conditions {sorted(unknown)}")
    for key in (SET_CONDITIONS | {"not_tried"}) & set(rule.when):
        question = needs.QUESTIONS.get("tried" if key == "not_tried" else key)
        bad = set(rule.when.get(key, ())) - question.keys
        if bad:
            raise RulesError(f"{where}: {key} has unknown choices {sorted(bad)}")
    for key in ("duration_at_least", "impact_at_least"):
        if key in rule.when and rule.when[key] not in needs.ORDER[key.removesuffix("_at_least")]:
            raise RulesError(f"{where}: {key} must be one of {needs.ORDER[key.removesuffix('_at_least')]}")


def _at_least(kind: str, value: str, minimum: str) -> bool:
    order = needs.ORDER[kind]
    return value in order and order.index(value) >= order.index(minimum)


def feels_unsafe(answers: Answers, signals: Signals) -> bool:
    """Said so on the form, or wrote of being hurt, threatened or controlled: the two are
    treated the same, because the words are often what a frightened person can manage."""
    return "unsafe" in answers.concerns or signals.danger_text


def at_risk(signals: Signals) -> bool:
    """Risk to the person themselves: urgent words of their own, or PHQ-9 item 9 above 0."""
    return signals.crisis_text or signals.phq9_item9 > 0


def _matches(rule: Rule, answers: Answers, signals: Signals, safety_first: bool = False) -> dict | None:
    """The quotes for the reason when the rule applies, else None."""
    when, quotes = rule.when, {}
    for key in SET_CONDITIONS & set(when):
        given = getattr(answers, key)
        given = given if isinstance(given, frozenset) else frozenset({given} - {""})
        hit = given & set(when[key])
        if not hit:
            return None
        quotes[key] = _phrases(key, hit)
    if set(when.get("not_tried", ())) & answers.tried:
        return None
    for kind in ("duration", "impact"):
        minimum = when.get(f"{kind}_at_least")
        if minimum is not None:
            if not _at_least(kind, getattr(answers, kind), minimum):
                return None
            quotes[kind] = _phrases(kind, {getattr(answers, kind)})
    if when.get("any_concern") and not answers.concerns:
        return None
    if "screening" in when:
        floor = when.get("screening_level_at_least", 0)
        found = [r for r in signals.screening if r.instrument in when["screening"] and r.level >= floor]
        if not found:
            return None
        quotes["instrument"] = tuple(r.name for r in found)
    if when.get("signs") and not signals.signs:
        return None
    if signals.signs:
        quotes["signs"] = tuple(needs.SIGN_PHRASES.get(s, s) for s in sorted(signals.signs))
    for flag in ("has_circle", "crisis_text"):
        if when.get(flag) and not getattr(signals, flag):
            return None
    if when.get("phq9_item9") and not signals.phq9_item9 > 0:
        return None
    for flag, holds in (("unsafe", feels_unsafe(answers, signals)), ("self_risk", at_risk(signals)),
                        ("safety_first", safety_first)):
        if flag in when and bool(when[flag]) != holds:
            return None
    for key in ("duration", "impact", "tried", "involves"):  # quote these whenever known
        if key not in quotes and getattr(answers, key):
            value = getattr(answers, key)
            quotes[key] = _phrases(key, value if isinstance(value, frozenset) else {value})
    return quotes


def _phrases(key: str, chosen) -> tuple:
    question = needs.QUESTIONS[key]
    return tuple(c.phrase for c in question.choices if c.key in chosen)


def outline(answers: Answers, signals: Signals = Signals(), *, leave_out: frozenset = frozenset()) -> Outline:
    """The ranked plan. `leave_out` drops pathways from the ranking altogether (a plan
    built together leaves couples therapy out of both views when either feels unsafe)."""
    base, rules = load_rules()
    points = dict(base)
    reasons = {key: [] for key in needs.PATHWAY_KEYS}
    safety, groups_used = [], set()
    # The safety step is decided first, so rules can depend on it (self-help "early and
    # light" is off, professional care first, whenever the plan starts with safety).
    starts_with_safety = any(
        _matches(rule, answers, signals) is not None for rule in rules if rule.pathway == "safety")
    for rule in rules:
        if rule.group and rule.group in groups_used:
            continue
        quotes = _matches(rule, answers, signals, starts_with_safety)
        if quotes is None:
            continue
        if rule.group:
            groups_used.add(rule.group)
        used = {k: v for k, v in quotes.items() if "{" + k + "}" in rule.reason}
        reason = Reason(rule=rule.id, template=rule.reason, quotes=used, caution=rule.points < 0)
        if rule.pathway == "safety":
            safety.append(reason)
            continue
        points[rule.pathway] += rule.points
        reasons[rule.pathway].append(reason)
    kept = [key for key in needs.PATHWAY_KEYS if key not in leave_out]
    ranked = sorted(kept, key=lambda key: (-points[key], needs.PATHWAY_KEYS.index(key)))
    return Outline(
        safety=tuple(safety),
        danger_from_others=feels_unsafe(answers, signals),
        pathways=tuple(
            RankedPathway(key=key, points=points[key],
                          reasons=tuple(sorted(reasons[key], key=lambda r: r.caution)))
            for key in ranked
        ),
    )


def combine(first: Answers, second: Answers) -> Answers:
    """Two partners' answers as one, for a plan they build together: everything either
    named, the longer duration and heavier impact, and the first person's practical
    preferences (payment, language, ZIP) unless they left them empty. "Feeling unsafe"
    is never combined: it stays in that person's own view of the plan."""

    def heavier(kind, a, b):
        order = needs.ORDER[kind]
        return max((v for v in (a, b) if v in order), key=order.index, default="")

    return replace(
        first,
        concerns=(first.concerns | second.concerns) - {"unsafe"},
        involves=first.involves | second.involves,
        duration=heavier("duration", first.duration, second.duration),
        impact=heavier("impact", first.impact, second.impact),
        tried=first.tried | second.tried,
        format=first.format if first.format == second.format or not second.format else (
            second.format if not first.format else "either"),
        payment=first.payment or second.payment,
        language=first.language or second.language,
        times=first.times | second.times,
        zip=first.zip or second.zip,
    )
