"""Shared notation for the signs tests (no database, no Django).

Histories are written as strings, one character per day, oldest first, the last character
being `today`: a digit is a check-in with that mood, "." is a day without one. `asks` holds
the days (counted back from today, 0 = today) whose check-in said "I could use some support".
With the shipped rules the recent window is the last 7 characters and the baseline window
the 28 before them, so BASE4 + "2222244" is "four weeks at 4, then a low week".
"""

from datetime import date, timedelta
from pathlib import Path

from kinwell.checkins.signs import RULES_FILE, DayRecord, Sign, load_rules

TODAY = date(2026, 6, 15)
RULES = load_rules()
BASE4 = "4" * 28  # a baseline window of 28 days at mood 4 (baseline 4.0)
BASE3 = "3" * 28


def ago(n: int, today: date = TODAY) -> date:
    return today - timedelta(days=n)


def make(moods: str, asks=(), today: date = TODAY) -> list[DayRecord]:
    checked_in = {offset: int(char) for offset, char in enumerate(reversed(moods)) if char != "."}
    assert set(asks) <= set(checked_in), "asks on a day without a check-in"
    return [DayRecord(ago(offset, today), mood, offset in asks) for offset, mood in checked_in.items()]


def rules_named(signs: list[Sign]) -> list[str]:
    return [s.rule for s in signs]


def sign(signs: list[Sign], rule: str) -> Sign | None:
    return next((s for s in signs if s.rule == rule), None)


def edited_rules(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the shipped rules file with one change, for the tests that need one."""
    text = RULES_FILE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "rules.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path
