"""The signs module's rules file, records, streaks, time zones and the whole picture
(no database, no Django). Notation: tests/checkins/sign_notation.py."""

import dataclasses
import random
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kinwell.checkins.signs import (
    RULE_NAMES, RULES_FILE, DayRecord, Rules, baseline, default_rules, detect_signs, load_rules, streaks,

)
from kinwell.core.localtime import local_now
from tests.checkins.sign_notation import BASE4, RULES, TODAY, ago, edited_rules, make, rules_named, sign


# --------------------------------------------------------------------------- the rules file


def test_the_shipped_rules_are_the_numbers_the_issue_names():
    assert RULES == Rules(
        recent_days=7, baseline_days=28, baseline_min_days=10, below_points=1.5, below_min_days=5,
        support_min_days=3, fall_points=2.0, fall_days=3, fall_reference_days=3, fall_min_reference_days=2,
        fall_only_below_baseline=True, streak_min_days=14, streak_quiet_days=3,
    )
    assert default_rules() == RULES
    text = RULES_FILE.read_text(encoding="utf-8")
    assert "not clinical criteria" in " ".join(text.replace("#", " ").split()).lower()


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("recent_days = 7", "recent_days = [7", "not valid TOML"),
        ("[support_requests]\n", "[support_request]\n", "unknown section(s) ['support_request']"),
        ("recent_days = 7", "recent_days = 7\nrecent_dayz = 8", "unknown key(s) ['recent_dayz'] in [windows]"),
        ("quiet_days = 3", "", "missing stopped_after_streak.quiet_days"),
        ("points_below = 1.5", 'points_below = "1.5"', "mood_below_baseline.points_below must be a number"),
        ("points_below = 1.5", "points_below = 0", "mood_below_baseline.points_below must be a number"),
        ("points_below = 1.5", "points_below = nan", "mood_below_baseline.points_below must be a number"),
        ("points = 2.0", "points = 4.5", "sudden_fall.points must be a number above 0 and at most 4"),
        ("min_streak_days = 14", "min_streak_days = 14.5", "stopped_after_streak.min_streak_days must be a whole"),
        ("min_streak_days = 14", "min_streak_days = true", "stopped_after_streak.min_streak_days must be a whole"),
        ("days = 28", "days = -28", "baseline.days must be a whole number"),
        ("only_below_baseline = true", "only_below_baseline = 1", "only_below_baseline must be true or false"),
        ("min_days = 5", "min_days = 8", "below_min_days (8) cannot be more than recent_days (7)"),
        ("min_reference_days = 2", "min_reference_days = 4", "fall_min_reference_days (4) cannot be more than"),
    ],
    ids=["not-toml", "unknown-section", "typo-key", "missing-key", "string-number", "zero", "nan", "too-big",
         "float-for-int", "bool-for-int", "negative", "int-for-bool", "min-days-over-window", "reference-over"],
)
def test_a_bad_rules_file_is_a_clear_value_error(tmp_path, old, new, message):
    path = edited_rules(tmp_path, old, new)
    with pytest.raises(ValueError) as caught:
        load_rules(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_missing_section_is_named(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("[windows]\nrecent_days = 7\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"missing section \[baseline\]"):
        load_rules(path)


def test_thresholds_come_from_the_file(tmp_path):
    one_point_dip = make(BASE4 + "3333344")
    assert detect_signs(one_point_dip, today=TODAY, rules=RULES) == []
    gentler = load_rules(edited_rules(tmp_path, "points_below = 1.5", "points_below = 1.0"))
    assert rules_named(detect_signs(one_point_dip, today=TODAY, rules=gentler)) == ["mood_below_baseline"]


# --------------------------------------------------------------------------- check-in records


@pytest.mark.parametrize(
    "day, mood",
    [(TODAY, 0), (TODAY, 6), (TODAY, 2.5), (TODAY, True), (TODAY, "3"),
     (datetime(2026, 6, 15, 23, 30, tzinfo=timezone.utc), 3), ("2026-06-15", 3)],
    ids=["mood-0", "mood-6", "half-mood", "bool-mood", "text-mood", "datetime-not-date", "text-date"],
)
def test_a_bad_record_is_refused(day, mood):
    with pytest.raises(ValueError):
        DayRecord(day, mood, False)


# --------------------------------------------------------------------------- streaks


@pytest.mark.parametrize(
    "moods, current, longest",
    [
        ("", 0, 0),
        ("3", 1, 1),
        ("33333", 5, 5),
        ("3333.", 4, 4),  # today has no check-in yet: the run through yesterday still counts
        ("333..", 0, 3),  # yesterday was missed: the current run is over
        ("3333333.33", 2, 7),
        ("3.3.3.3", 1, 1),
    ],
    ids=["nothing", "today-only", "five", "not-yet-today", "missed-yesterday", "longest-earlier", "alternate"],
)
def test_streaks(moods, current, longest):
    assert streaks(make(moods), today=TODAY) == (current, longest)


def test_streaks_count_days_not_check_ins_and_ignore_the_future():
    records = [DayRecord(ago(n), 3, False) for n in range(3) for _ in range(4)]
    records += [DayRecord(TODAY + timedelta(days=n), 3, False) for n in range(1, 10)]
    assert streaks(records, today=TODAY) == (3, 3)


# --------------------------------------------------------------------------- time zones and daylight saving

UTC = timezone.utc


def test_a_late_evening_check_in_in_los_angeles_counts_for_that_local_day():
    zone = "America/Los_Angeles"
    # asked for support at noon two and four days ago, and tonight at 23:30 (06:30 UTC tomorrow)
    moments = [datetime(2026, 6, 11, 19, 0, tzinfo=UTC), datetime(2026, 6, 13, 19, 0, tzinfo=UTC),
               datetime(2026, 6, 16, 6, 30, tzinfo=UTC)]
    local = [DayRecord(local_now(m, zone).date(), 2, True) for m in moments]
    assert [r.day for r in local] == [date(2026, 6, 11), date(2026, 6, 13), date(2026, 6, 15)]
    assert rules_named(detect_signs(local, today=date(2026, 6, 15), rules=RULES)) == ["support_requests"]
    # dated by UTC instead, tonight's check-in would fall on tomorrow and be missed today
    by_utc = [DayRecord(m.date(), 2, True) for m in moments]
    assert detect_signs(by_utc, today=date(2026, 6, 15), rules=RULES) == []


@pytest.mark.parametrize(
    "today, zone",
    [(date(2026, 3, 11), "America/Los_Angeles"), (date(2026, 11, 4), "America/Los_Angeles"),
     (date(2026, 3, 31), "Europe/London"), (date(2026, 10, 6), "Australia/Sydney")],
    ids=["la-spring-forward", "la-fall-back", "london-spring", "sydney-spring"],
)
def test_daylight_saving_days_are_ordinary_days(today, zone):
    # A check-in every evening at 21:30 local time for 35 days across a clock change: four
    # weeks at 4, then a low week. The 23- or 25-hour day must neither drop nor double a day.
    evenings = [datetime.combine(today - timedelta(days=n), time(21, 30), tzinfo=ZoneInfo(zone)) for n in range(35)]
    records = [DayRecord(local_now(moment.astimezone(UTC), zone).date(), 2 if n < 5 else 4, n in (0, 2, 4))
               for n, moment in enumerate(evenings)]
    assert len({r.day for r in records}) == 35
    assert streaks(records, today=today) == (35, 35)
    assert baseline(records, today=today, rules=RULES) == 4.0
    signs = detect_signs(records, today=today, rules=RULES)
    assert rules_named(signs) == ["mood_below_baseline", "support_requests", "sudden_fall"]
    assert sign(signs, "mood_below_baseline").since == today - timedelta(days=4)


# --------------------------------------------------------------------------- the whole picture


def test_a_hard_week_can_show_several_signs_in_a_fixed_order():
    records = make(BASE4 + "4411111", asks={0, 1, 3})
    signs = detect_signs(records, today=TODAY, rules=RULES)
    assert rules_named(signs) == ["mood_below_baseline", "support_requests", "sudden_fall"]
    assert [s.since for s in signs] == [ago(4), ago(3), ago(4)]
    assert set(rules_named(signs)) <= set(RULE_NAMES)


def test_order_of_records_does_not_matter_and_results_repeat():
    records = make(BASE4 + "4411111", asks={0, 1, 3})
    expected = detect_signs(records, today=TODAY, rules=RULES)
    shuffled = records[:]
    random.Random(4).shuffle(shuffled)
    assert detect_signs(shuffled, today=TODAY, rules=RULES) == expected
    assert detect_signs(iter(shuffled), today=TODAY, rules=RULES) == expected


def test_check_ins_after_today_are_ignored():
    records = make(BASE4 + "4444444") + [DayRecord(TODAY + timedelta(days=n), 1, True) for n in range(1, 8)]
    assert detect_signs(records, today=TODAY, rules=RULES, streak_rule_on=True) == []
    assert baseline(records, today=TODAY, rules=RULES) == 4.0


def test_no_records_no_signs():
    assert detect_signs([], today=TODAY, rules=RULES, streak_rule_on=True) == []


def test_a_steady_person_gets_no_signs():
    steady = make("3445344" * 10, asks={3, 20})
    assert detect_signs(steady, today=TODAY, rules=RULES, streak_rule_on=True) == []


def test_custom_rules_can_be_built_in_code_and_are_checked():
    assert dataclasses.replace(RULES, support_min_days=2).support_min_days == 2
    with pytest.raises(ValueError, match="support_min_days"):
        dataclasses.replace(RULES, support_min_days=8)


def test_the_module_imports_no_django():
    code = (
        "import sys, kinwell.checkins.signs\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
