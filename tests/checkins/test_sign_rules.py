"""Tests for kinwell/checkins/signs.py (the rules, table by table).

The signs module's baseline and its four rules, table by table (no database, no
Django). Notation: tests/checkins/sign_notation.py."""

from datetime import timedelta

import pytest

from kinwell.checkins.signs import (
    DayRecord, Sign, baseline, detect_signs, load_rules,
)
from tests.checkins.sign_notation import BASE3, BASE4, RULES, TODAY, ago, edited_rules, make, rules_named, sign


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
    every_fall = load_rules(edited_rules(tmp_path, "only_below_baseline = true", "only_below_baseline = false"))
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


