"""Recognising the signs (C4): gentle checks of a person's check-ins against their own pattern.

Plain Python (no Django, no clock, no server time zone): the caller passes check-ins already
dated in the person's LOCAL calendar (kinwell.core.localtime) and `today`, the person's local date,
so the same input always gives the same signs. Every threshold is in data/sign_rules.toml,
which says why it was chosen and how days are read (several check-ins a day are one day with
their mean mood; a missing day is never low; recent window today-6..today; baseline window
today-34..today-7). Kinwell's own heuristics, not clinical criteria: a sign is a reason for a
private, dismissable nudge, never a diagnosis.

`Sign.since` is the first day of the pattern, taken from the first day of the unbroken run of
days on which the rule held (each earlier day evaluated as if it were today), not from
today's sliding window, so a dismissed sign is recognised tomorrow as the same one.
"""

import tomllib
from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from statistics import fmean, median

RULES_FILE = Path(__file__).resolve().parent / "data" / "sign_rules.toml"
MOOD_MIN, MOOD_MAX = 1, 5
RULE_NAMES = ("mood_below_baseline", "support_requests", "sudden_fall", "stopped_after_streak")
# Sign.explanation keys, per rule (numbers for the message that says why the sign appeared):
#   mood_below_baseline   days_below, window, baseline, points
#   support_requests      days_asked, window
#   sudden_fall           before (mean of the days before), since_fall (mean since), days, points, baseline
#   stopped_after_streak  streak, days_without (whole days, today not counted)
# Daily means are fractions like 7/3; a tolerance keeps "at least 1.5 under" inclusive
# however the float subtraction rounds.
_EPS = 1e-9
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class DayRecord:
    """One check-in, already dated in the person's local calendar."""

    day: date
    mood: int  # 1..5
    wants_support: bool

    def __post_init__(self):
        # A datetime is a date subclass; accepting one would silently use the server's idea of the day.
        if isinstance(self.day, datetime) or not isinstance(self.day, date):
            raise ValueError(f"day must be a local date (see kinwell.core.localtime), got {self.day!r}")
        if isinstance(self.mood, bool) or not isinstance(self.mood, int) or not MOOD_MIN <= self.mood <= MOOD_MAX:
            raise ValueError(f"mood must be a whole number from {MOOD_MIN} to {MOOD_MAX}, got {self.mood!r}")


@dataclass(frozen=True)
class Sign:
    rule: str  # one of RULE_NAMES
    explanation: dict  # the numbers a message needs, e.g. {"days_below": 5, "window": 7, "baseline": 3.5}
    since: date  # first day of the pattern


@dataclass(frozen=True)
class Rules:
    """The thresholds, as read by load_rules (no defaults here: the TOML file is the one source)."""

    recent_days: int
    baseline_days: int
    baseline_min_days: int
    below_points: float
    below_min_days: int
    support_min_days: int
    fall_points: float
    fall_days: int
    fall_reference_days: int
    fall_min_reference_days: int
    fall_only_below_baseline: bool
    streak_min_days: int
    streak_quiet_days: int

    def __post_init__(self):
        for small, big in (
            ("baseline_min_days", "baseline_days"),
            ("below_min_days", "recent_days"),
            ("support_min_days", "recent_days"),
            ("fall_days", "recent_days"),
            ("fall_min_reference_days", "fall_reference_days"),
        ):
            if getattr(self, small) > getattr(self, big):
                raise ValueError(f"{small} ({getattr(self, small)}) cannot be more than {big} ({getattr(self, big)})")


# TOML [section] key -> Rules field (whose type is the kind of value wanted). Every key is
# required; unknown keys are errors, so a misspelt threshold cannot be silently ignored.
_SCHEMA = {
    "windows": {"recent_days": "recent_days"},
    "baseline": {"days": "baseline_days", "min_days": "baseline_min_days"},
    "mood_below_baseline": {"points_below": "below_points", "min_days": "below_min_days"},
    "support_requests": {"min_days": "support_min_days"},
    "sudden_fall": {"points": "fall_points", "sustained_days": "fall_days", "reference_days": "fall_reference_days",
                    "min_reference_days": "fall_min_reference_days", "only_below_baseline": "fall_only_below_baseline"},
    "stopped_after_streak": {"min_streak_days": "streak_min_days", "quiet_days": "streak_quiet_days"},
}
_KIND = {f.name: f.type for f in fields(Rules)}
_KIND_TEXT = {int: "a whole number of at least 1", float: f"a number above 0 and at most {MOOD_MAX - MOOD_MIN}",
              bool: "true or false"}


def _valid(value, kind) -> bool:
    if kind is bool:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if kind is int:
        return isinstance(value, int) and value >= 1
    return isinstance(value, (int, float)) and 0 < value <= MOOD_MAX - MOOD_MIN  # rejects nan and inf too


def load_rules(path=None) -> Rules:
    """Read and check the rules file; any problem is a ValueError naming the file and key."""
    path = Path(path) if path else RULES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path}: not valid TOML: {error}") from error
    if unknown := sorted(set(data) - set(_SCHEMA)):
        raise ValueError(f"{path}: unknown section(s) {unknown}")
    values = {}
    for section, keys in _SCHEMA.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise ValueError(f"{path}: missing section [{section}]")
        if unknown := sorted(set(table) - set(keys)):
            raise ValueError(f"{path}: unknown key(s) {unknown} in [{section}]")
        for key, field in keys.items():
            if key not in table:
                raise ValueError(f"{path}: missing {section}.{key}")
            kind = _KIND[field]
            if not _valid(table[key], kind):
                raise ValueError(f"{path}: {section}.{key} must be {_KIND_TEXT[kind]}, got {table[key]!r}")
            values[field] = float(table[key]) if kind is float else table[key]
    try:
        return Rules(**values)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from error


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The shipped rules, read once per process."""
    return load_rules()


# --------------------------------------------------------------------------- reading days


class _History:
    """The check-ins folded into one entry per local day, up to and including `today`."""

    def __init__(self, records, today: date):
        moods, support = defaultdict(list), set()
        for record in records:
            if record.day <= today:
                moods[record.day].append(record.mood)
                if record.wants_support:
                    support.add(record.day)
        self.mood = {day: fmean(values) for day, values in moods.items()}
        self.support = frozenset(support)
        self.first = min(self.mood, default=None)

    def moods(self, start: date, end: date) -> list[float]:
        return [self.mood[day] for day in _days(start, end) if day in self.mood]

    def run_ending(self, day: date) -> int:
        """How many consecutive days with a check-in end on `day`."""
        count = 0
        while day in self.mood:
            count, day = count + 1, day - _DAY
        return count


def _days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += _DAY


def _recent_start(today: date, rules: Rules) -> date:
    return today - timedelta(days=rules.recent_days - 1)


def _baseline(history: _History, today: date, rules: Rules) -> float | None:
    end = today - timedelta(days=rules.recent_days)
    moods = history.moods(end - timedelta(days=rules.baseline_days - 1), end)
    return median(moods) if len(moods) >= rules.baseline_min_days else None


def baseline(records, *, today: date, rules: Rules) -> float | None:
    """Median of the daily moods in the `baseline.days` days before the recent window
    (today-34 .. today-7 by default); None with fewer than `baseline.min_days` of them."""
    return _baseline(_History(records, today), today, rules)


def streaks(records, *, today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive days with a check-in. The current run ends
    today, or yesterday while today has no check-in yet (the day is not over)."""
    history = _History(records, today)
    longest = run = 0
    previous = None
    for day in sorted(history.mood):
        run = run + 1 if previous is not None and day - previous == _DAY else 1
        longest, previous = max(longest, run), day
    anchor = today if today in history.mood else today - _DAY
    return history.run_ending(anchor), longest


# --------------------------------------------------------------------------- rules
# Each rule looks at `history` as if `today` were today and returns (pattern start,
# explanation) or None.


def _mood_below_baseline(history: _History, today: date, rules: Rules):
    base = _baseline(history, today, rules)
    if base is None:
        return None
    limit = base - rules.below_points + _EPS
    window = _days(_recent_start(today, rules), today)
    low = [day for day in window if day in history.mood and history.mood[day] <= limit]
    if len(low) < rules.below_min_days:
        return None
    return low[0], {"days_below": len(low), "window": rules.recent_days, "baseline": round(base, 2),
                    "points": rules.below_points}


def _support_requests(history: _History, today: date, rules: Rules):
    asked = [day for day in _days(_recent_start(today, rules), today) if day in history.support]
    if len(asked) < rules.support_min_days:
        return None
    return asked[0], {"days_asked": len(asked), "window": rules.recent_days}


def _sudden_fall(history: _History, today: date, rules: Rules):
    base = _baseline(history, today, rules)
    if base is None:
        return None
    mood = history.mood
    latest_start = today - timedelta(days=rules.fall_days - 1)
    for start in _days(_recent_start(today, rules), latest_start):  # earliest fall first
        before = history.moods(start - timedelta(days=rules.fall_reference_days), start - _DAY)
        if len(before) < rules.fall_min_reference_days:
            continue
        if any(start + timedelta(days=i) not in mood for i in range(rules.fall_days)):
            continue  # "sustained" must be seen: the first days of the fall all have a check-in
        reference = fmean(before)
        fallen = history.moods(start, today)
        limit = reference - rules.fall_points + _EPS
        if all(m <= limit and (not rules.fall_only_below_baseline or m < base - _EPS) for m in fallen):
            return start, {"before": round(reference, 2), "since_fall": round(fmean(fallen), 2),
                           "days": len(fallen), "points": rules.fall_points, "baseline": round(base, 2)}
    return None


def _stopped_after_streak(history: _History, today: date, rules: Rules):
    last = max(history.mood, default=None)
    if last is None or last == today:
        return None
    quiet = (today - last).days - 1  # whole days with nothing; today is not over yet
    streak = history.run_ending(last)
    if quiet < rules.streak_quiet_days or streak < rules.streak_min_days:
        return None
    return last + _DAY, {"streak": streak, "days_without": quiet}


_SLIDING_RULES = (
    ("mood_below_baseline", _mood_below_baseline),
    ("support_requests", _support_requests),
    ("sudden_fall", _sudden_fall),
)


def _episode(rule, history: _History, today: date, rules: Rules):
    """Today's explanation, with `since` from the first day of the unbroken run of days the
    rule held, so the sign keeps one identity while the pattern lasts."""
    found = rule(history, today, rules)
    if found is None:
        return None
    since, explanation = found
    day = today - _DAY
    while day >= history.first and (earlier := rule(history, day, rules)) is not None:
        since, day = earlier[0], day - _DAY
    return since, explanation


def detect_signs(records, *, today: date, rules: Rules, streak_rule_on: bool = False) -> list[Sign]:
    """The signs present on `today`, in RULE_NAMES order. `records` are DayRecords in any order."""
    history = _History(records, today)
    if history.first is None:
        return []
    signs = []
    for name, rule in _SLIDING_RULES:
        if found := _episode(rule, history, today, rules):
            signs.append(Sign(name, found[1], found[0]))
    if streak_rule_on and (found := _stopped_after_streak(history, today, rules)):
        signs.append(Sign("stopped_after_streak", found[1], found[0]))
    return signs
