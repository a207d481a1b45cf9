"""The signs module, tested on its own (no database, no Django).

Histories are written as strings, one character per day, oldest first, the last character
being `today`: a digit is a check-in with that mood, "." is a day without one. `asks` holds
the days (counted back from today, 0 = today) whose check-in said "I could use some support".
With the shipped rules the recent window is the last 7 characters and the baseline window
the 28 before them, so BASE4 + "2222244" is "four weeks at 4, then a low week".
"""

import dataclasses
import random
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kinwell.checkins.signs import (
    RULE_NAMES, RULES_FILE, DayRecord, Rules, Sign, baseline, default_rules, detect_signs, load_rules, local_day,
    streaks,
)

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


def _edit(tmp_path: Path, old: str, new: str) -> Path:
    text = RULES_FILE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "rules.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


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
    path = _edit(tmp_path, old, new)
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
    gentler = load_rules(_edit(tmp_path, "points_below = 1.5", "points_below = 1.0"))
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


# --------------------------------------------------------------------------- baseline


@pytest.mark.parametrize(
    "moods, expected",
    [
        (BASE4 + "4444444", 4.0),
        (BASE4 + "1111111", 4.0),  # the recent week is left out: a low week cannot drag its own baseline down
        ("4" * 20 + "1" * 8 + "4444444", 4.0),  # a median: 8 bad days out of 28 do not move it
        ("1" * 10 + "." * 18 + "4" * 10 + "4444444", 4.0),  # days before today-34 are not in the window
        ("." * 18 + "3" * 10 + "4444444", 3.0),  # exactly the minimum of 10 days
        ("." * 19 + "3" * 9 + "4444444", None),  # 9 days: no baseline yet
        ("2" * 10 + "." * 25 + "4444444", None),  # 10 days, but all older than the window
        ("4.2." * 7 + "4444444", 3.0),  # gaps: 14 days present, median of 4s and 2s
        ("5" * 14 + "2" * 14 + "4444444", 3.5),  # even count: the middle two averaged
        ("", None),  # nobody has checked in yet
    ],
    ids=["steady", "recent-excluded", "median-not-mean", "too-old-ignored", "exactly-min-days", "one-short",
         "all-too-old", "gaps", "even-count", "no-records"],
)
def test_baseline(moods, expected):
    assert baseline(make(moods), today=TODAY, rules=RULES) == expected


@pytest.mark.parametrize(
    "moods, expected",
    [
        ("3" * 10 + "." * 25, 3.0),  # today-34 .. today-25: all ten inside
        ("3" * 10 + "." * 34, None),  # today-43 .. today-34: only today-34 is inside
        ("3" * 10 + "." * 35, None),  # today-44 .. today-35: just outside
        ("3" * 9 + "3" + "." * 7, 3.0),  # nine on today-16 .. today-8, a tenth on today-7: inside
        ("3" * 9 + "." + "3" + "." * 6, None),  # the tenth on today-6 is in the recent window
    ],
    ids=["from-34", "ends-at-34", "ends-at-35", "tenth-on-7", "tenth-on-6"],
)
def test_baseline_window_is_today_minus_34_to_today_minus_7(moods, expected):
    assert baseline(make(moods), today=TODAY, rules=RULES) == expected


def test_several_check_ins_on_one_day_count_as_their_mean():
    records = [DayRecord(ago(n), mood, False) for n in range(7, 35) for mood in (2, 5)]
    assert baseline(records, today=TODAY, rules=RULES) == 3.5


# --------------------------------------------------------------------------- mood under baseline

BASE35 = "34" * 14  # baseline 3.5


@pytest.mark.parametrize(
    "moods, fires, days_below, base",
    [
        (BASE4 + "2222244", True, 5, 4.0),
        (BASE4 + "4422222", True, 5, 4.0),
        (BASE4 + "1111111", True, 7, 4.0),
        (BASE4 + "2222444", False, None, None),  # 4 of 7 is not enough
        (BASE4 + "2.2.222", True, 5, 4.0),  # gaps: 5 low days with 2 missing is still 5 of 7
        (BASE4 + "2...222", False, None, None),  # missing days never count as low: 4 of 7
        (BASE4 + "3333322", False, None, None),  # 1 point under is an ordinary dip
        (BASE35 + "2222233", True, 5, 3.5),  # exactly 1.5 under counts ("at least")
        (BASE35 + "3333322", False, None, None),  # 0.5 under
        (BASE3 + "1111133", True, 5, 3.0),
        (BASE3 + "2222222", False, None, None),
        ("." * 19 + "4" * 9 + "1111111", False, None, None),  # 9 days of history: no baseline, no mood sign
        ("1111111", False, None, None),  # a brand-new person on a bad first week: no baseline yet
    ],
    ids=["five-low", "five-low-at-end", "whole-week", "four-low", "gaps-still-five", "gaps-only-four",
         "one-point-dip", "exactly-1.5", "half-point", "baseline-3-mood-1", "baseline-3-mood-2", "short-history",
         "brand-new"],
)
def test_mood_below_baseline(moods, fires, days_below, base):
    found = sign(detect_signs(make(moods), today=TODAY, rules=RULES), "mood_below_baseline")
    assert (found is not None) == fires
    if fires:
        assert found.explanation == {"days_below": days_below, "window": 7, "baseline": base, "points": 1.5}
        first_low = next(ago(n) for n in range(6, -1, -1) if moods[-1 - n] != "." and int(moods[-1 - n]) <= base - 1.5)
        assert found.since == first_low


@pytest.mark.parametrize(
    "extra_moods, fires",
    [((1, 5), False), ((1, 2), True), ((2, 3), True), ((3,), False)],
    ids=["1-and-5-mean-3", "1-and-2-mean-1.5", "2-and-3-mean-2.5", "single-3"],
)
def test_mood_below_baseline_uses_the_days_mean(extra_moods, fires):
    # four clearly low days, and a fifth day whose check-ins decide it
    records = make(BASE4 + "2222...") + [DayRecord(ago(0), mood, False) for mood in extra_moods]
    assert ("mood_below_baseline" in rules_named(detect_signs(records, today=TODAY, rules=RULES))) == fires


def test_mood_sign_keeps_its_first_day_while_the_pattern_lasts():
    history = BASE4 + "4" * 5 + "2" * 12  # the low stretch started 11 days ago and goes on
    started = ago(11)
    seen = set()
    for back in range(0, 7):  # look at it on each of the last 7 days, as the window slides
        today = ago(back)
        found = sign(detect_signs(make(history[: len(history) - back], today=today), today=today, rules=RULES),
                     "mood_below_baseline")
        assert found is not None, today
        seen.add(found.since)
    assert seen == {started}


def test_a_new_mood_pattern_after_a_break_has_a_new_first_day():
    history = BASE4 + "22222" + "4444444" + "1111144"  # two separate low weeks
    found = sign(detect_signs(make(history), today=TODAY, rules=RULES), "mood_below_baseline")
    assert found.since == ago(6)


def test_the_baseline_adapts_when_a_low_stretch_lasts_for_weeks():
    # Against one's own baseline by design: after about three weeks low, low becomes the baseline.
    assert detect_signs(make(BASE4 + "1" * 12), today=TODAY, rules=RULES) != []
    assert sign(detect_signs(make(BASE4 + "1" * 30), today=TODAY, rules=RULES), "mood_below_baseline") is None


# --------------------------------------------------------------------------- asking for support


@pytest.mark.parametrize(
    "moods, asks, days_asked, since",
    [
        ("3333333", {0, 2, 4}, 3, 4),
        ("3333333", {0, 1, 2, 3, 4, 5, 6}, 7, 6),
        ("3333333", {0, 6}, None, None),  # twice is not three times
        ("33333333", {0, 2, 7}, None, None),  # 8 days ago is outside the week
        ("3.3.3..", {2, 4, 6}, 3, 6),  # gaps do not matter: three days that asked
        ("3333333", set(), None, None),
    ],
    ids=["three-days", "every-day", "two-days", "one-too-old", "with-gaps", "never"],
)
def test_support_requests_counts_days(moods, asks, days_asked, since):
    found = sign(detect_signs(make(moods, asks=asks), today=TODAY, rules=RULES), "support_requests")
    if days_asked is None:
        assert found is None
    else:
        assert found == Sign("support_requests", {"days_asked": days_asked, "window": 7}, ago(since))


def test_asking_three_times_on_one_day_is_one_day():
    records = [DayRecord(TODAY, 2, True) for _ in range(3)] + [DayRecord(ago(1), 2, True)]
    assert "support_requests" not in rules_named(detect_signs(records, today=TODAY, rules=RULES))
    records.append(DayRecord(ago(3), 3, True))
    assert "support_requests" in rules_named(detect_signs(records, today=TODAY, rules=RULES))


def test_a_day_asks_for_support_if_any_of_its_check_ins_did():
    records = [DayRecord(ago(n), 3, False) for n in range(3)] + [DayRecord(ago(n), 3, True) for n in range(3)]
    found = sign(detect_signs(records, today=TODAY, rules=RULES), "support_requests")
    assert found.explanation["days_asked"] == 3


def test_support_sign_keeps_its_first_day_as_the_week_slides():
    # asked on 10 days in a row, ending today: one pattern from the first ask, though that
    # day has left the 7-day window by now
    moods = "3" * 12
    asks = set(range(10))
    first_ask = ago(9)
    for back in range(0, 5):
        today = ago(back)
        shifted = {a - back for a in asks if a >= back}
        found = sign(detect_signs(make(moods[: len(moods) - back], asks=shifted, today=today), today=today,
                                  rules=RULES), "support_requests")
        assert found.since == first_ask, back


# --------------------------------------------------------------------------- sudden fall


@pytest.mark.parametrize(
    "moods, fires, since, explanation",
    [
        (BASE4 + "4444222", True, 2, {"before": 4.0, "since_fall": 2.0, "days": 3}),
        (BASE4 + "4442222", True, 3, {"before": 4.0, "since_fall": 2.0, "days": 4}),
        (BASE4 + "5551111", True, 3, {"before": 5.0, "since_fall": 1.0, "days": 4}),
        (BASE4 + "5553333", True, 3, {"before": 5.0, "since_fall": 3.0, "days": 4}),
        (BASE4 + "4443333", False, None, None),  # one point down is not a sudden fall
        (BASE4 + "4444422", False, None, None),  # two days is not sustained
        (BASE4 + "4444223", False, None, None),  # it did not last: the third day came back up
        (BASE4 + "4442.22", False, None, None),  # the first three fall days must each be seen
        (BASE4 + "44.4222", True, 2, {"before": 4.0, "since_fall": 2.0, "days": 3}),  # 2 of 3 reference days
        (BASE4 + "..4.222", False, None, None),  # one reference day is not enough
        (BASE3 + "5553333", False, None, None),  # from a good week back to one's usual 3 is not a sign
        (BASE4 + "5553.33", False, None, None),
        ("4444222", False, None, None),  # a new person: no baseline, no mood-based sign
    ],
    ids=["three-days", "four-days", "five-to-one", "five-to-three", "one-point", "two-days", "came-back",
         "gap-in-fall", "gap-in-reference", "too-little-reference", "back-to-usual", "gap-day-two", "brand-new"],
)
def test_sudden_fall(moods, fires, since, explanation):
    found = sign(detect_signs(make(moods), today=TODAY, rules=RULES), "sudden_fall")
    assert (found is not None) == fires, found
    if fires:
        assert found.since == ago(since)
        assert found.explanation == {**explanation, "points": 2.0, "baseline": 4.0}


def test_a_lasting_fall_keeps_its_first_day_until_it_leaves_the_window():
    history = BASE4 + "444" + "1" * 7  # fell 6 days ago and stayed down
    for back in range(0, 5):
        today = ago(back)
        found = sign(detect_signs(make(history[: len(history) - back], today=today), today=today, rules=RULES),
                     "sudden_fall")
        assert found is not None and found.since == ago(6), back
    # a fall that began 8 days ago is no longer "sudden"; the low week is the other rule's to name
    signs = detect_signs(make(history + "1"), today=TODAY + timedelta(days=1), rules=RULES)
    assert rules_named(signs) == ["mood_below_baseline"]


def test_fall_rule_can_count_a_return_to_usual_when_the_file_says_so(tmp_path):
    every_fall = load_rules(_edit(tmp_path, "only_below_baseline = true", "only_below_baseline = false"))
    back_to_usual = make(BASE3 + "5553333")
    assert "sudden_fall" not in rules_named(detect_signs(back_to_usual, today=TODAY, rules=RULES))
    assert "sudden_fall" in rules_named(detect_signs(back_to_usual, today=TODAY, rules=every_fall))


# --------------------------------------------------------------------------- stopping after a streak


@pytest.mark.parametrize(
    "moods, streak, days_without",
    [
        ("3" * 14 + "....", 14, 3),  # two weeks every day, then three whole days and today without
        ("3" * 30 + "." * 10, 30, 9),
        ("3" * 13 + "....", None, None),  # 13 days is not a long streak
        ("3" * 14 + "...", None, None),  # two whole days quiet, and today (which is not over)
        ("3" * 14 + "...3", None, None),  # checked in today
        ("3" * 7 + "." + "3" * 7 + "....", None, None),  # one missed day breaks the streak in two
        ("3" * 20 + "." + "333" + "....", None, None),  # the streak before the last check-in is what counts
        ("", None, None),
    ],
    ids=["two-weeks", "a-month", "thirteen", "two-quiet", "today", "broken-streak", "short-last-run", "nothing"],
)
def test_stopped_after_streak(moods, streak, days_without):
    records = make(moods)
    found = sign(detect_signs(records, today=TODAY, rules=RULES, streak_rule_on=True), "stopped_after_streak")
    if streak is None:
        assert found is None
    else:
        last = ago(days_without + 1)
        assert found == Sign("stopped_after_streak", {"streak": streak, "days_without": days_without},
                             last + timedelta(days=1))


def test_streak_rule_is_off_unless_the_person_turned_it_on():
    records = make("3" * 20 + "....")
    assert detect_signs(records, today=TODAY, rules=RULES) == []
    assert rules_named(detect_signs(records, today=TODAY, rules=RULES, streak_rule_on=True)) == [
        "stopped_after_streak"
    ]


def test_silence_after_a_streak_is_one_sign_as_the_days_pass():
    records = make("3" * 20, today=ago(10))
    seen = {
        detect_signs(records, today=ago(back), rules=RULES, streak_rule_on=True)[0].since for back in range(0, 7)
    }
    assert seen == {ago(9)}


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


@pytest.mark.parametrize(
    "moment, zone, expected",
    [
        (datetime(2026, 6, 16, 6, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 6, 15)),  # 23:30 PDT
        (datetime(2026, 6, 16, 7, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 6, 16)),  # 00:00 PDT
        (datetime(2026, 1, 16, 7, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 1, 15)),  # 23:30 PST
        (datetime(2026, 6, 15, 15, 0, tzinfo=UTC), "Asia/Tokyo", date(2026, 6, 16)),  # 00:00 JST
        (datetime(2026, 6, 15, 9, 59, tzinfo=UTC), "Pacific/Kiritimati", date(2026, 6, 15)),  # 23:59 +14
        # spring forward, Sunday 8 March 2026 (a 23-hour day in Los Angeles)
        (datetime(2026, 3, 8, 9, 59, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 8)),  # 01:59 PST
        (datetime(2026, 3, 8, 10, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 8)),  # 03:00 PDT
        (datetime(2026, 3, 9, 6, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 8)),  # 23:30 PDT
        (datetime(2026, 3, 9, 7, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 9)),  # 00:00 PDT
        # fall back, Sunday 1 November 2026 (a 25-hour day): 01:30 happens twice, both that day
        (datetime(2026, 11, 1, 8, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 11, 1)),  # 01:30 PDT
        (datetime(2026, 11, 1, 9, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 11, 1)),  # 01:30 PST
        (datetime(2026, 11, 2, 7, 30, tzinfo=UTC), "America/Los_Angeles", date(2026, 11, 1)),  # 23:30 PST
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "Europe/London", date(2026, 3, 29)),  # 00:30 GMT
        (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "Europe/London", date(2026, 3, 28)),
        (datetime(2026, 6, 15, 23, 30, tzinfo=timezone(timedelta(hours=-7))), "UTC", date(2026, 6, 16)),
    ],
    ids=["la-2330-summer", "la-midnight", "la-2330-winter", "tokyo-midnight", "kiritimati", "la-before-jump",
         "la-after-jump", "la-2330-spring-forward", "la-after-spring-forward", "la-0130-first", "la-0130-second",
         "la-2330-fall-back", "london-change", "london-eve", "offset-to-utc"],
)
def test_local_day(moment, zone, expected):
    assert local_day(moment, zone) == expected


def test_local_day_refuses_a_naive_time_or_an_unknown_zone():
    with pytest.raises(ValueError, match="timezone-aware"):
        local_day(datetime(2026, 6, 15, 23, 30), "America/Los_Angeles")
    with pytest.raises(ValueError, match="unknown time zone"):
        local_day(datetime(2026, 6, 15, 23, 30, tzinfo=UTC), "America/Nowhere")
    with pytest.raises(ValueError, match="unknown time zone"):
        local_day(datetime(2026, 6, 15, 23, 30, tzinfo=UTC), "../etc/passwd")


def test_a_late_evening_check_in_in_los_angeles_counts_for_that_local_day():
    zone = "America/Los_Angeles"
    # asked for support at noon two and four days ago, and tonight at 23:30 (06:30 UTC tomorrow)
    moments = [datetime(2026, 6, 11, 19, 0, tzinfo=UTC), datetime(2026, 6, 13, 19, 0, tzinfo=UTC),
               datetime(2026, 6, 16, 6, 30, tzinfo=UTC)]
    local = [DayRecord(local_day(m, zone), 2, True) for m in moments]
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
    records = [DayRecord(local_day(moment.astimezone(UTC), zone), 2 if n < 5 else 4, n in (0, 2, 4))
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
