"""The chooser and the reveal rule, in plain Python."""

from datetime import date, timedelta

from kinwell.daily import rules

KEYS = [f"q{n}" for n in range(10)]


def test_the_same_inputs_give_the_same_question_for_everyone():
    seed = rules.seed_for(circle_id=7, day=date(2026, 3, 1))
    assert len({rules.choose(KEYS, set(), seed) for _ in range(20)}) == 1
    # The order the keys arrive in does not matter.
    assert rules.choose(list(reversed(KEYS)), set(), seed) == rules.choose(KEYS, set(), seed)


def test_no_repeat_until_every_question_was_asked():
    used, asked, day = set(), [], date(2026, 1, 1)
    for offset in range(len(KEYS)):
        key = rules.choose(KEYS, used, rules.seed_for(circle_id=1, day=day + timedelta(days=offset)))
        assert key not in used
        used.add(key)
        asked.append(key)
    assert sorted(asked) == sorted(KEYS)
    assert rules.choose(KEYS, used, "any") is None


def test_different_circles_and_days_spread_over_the_bank():
    picks = {rules.choose(KEYS, set(), rules.seed_for(circle_id=c, day=date(2026, 1, d)))
             for c in range(5) for d in range(1, 8)}
    assert len(picks) >= 6


def test_reveal_waits_for_both_in_a_couple():
    assert not rules.ready_to_reveal(counted={1, 2}, answered={1})
    assert rules.ready_to_reveal(counted={1, 2}, answered={1, 2})


def test_reveal_in_a_circle_of_four_waits_for_all_four():
    assert rules.answers_needed(4) == 4
    assert not rules.ready_to_reveal(counted={1, 2, 3, 4}, answered={1, 2, 3})


def test_reveal_in_a_circle_of_five_needs_three():
    counted = {1, 2, 3, 4, 5}
    assert not rules.ready_to_reveal(counted=counted, answered={1, 2})
    assert rules.ready_to_reveal(counted=counted, answered={1, 2, 3})


def test_answers_from_people_not_counted_do_not_count():
    # Person 3 is taking space: their answer neither opens nor holds back the others'.
    assert not rules.ready_to_reveal(counted={1, 2}, answered={1, 3})
    assert rules.ready_to_reveal(counted={1, 2}, answered={1, 2, 3})
