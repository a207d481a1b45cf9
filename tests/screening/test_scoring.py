"""Scoring, straight on the pure module: every band boundary of every instrument,
property-based checks over all answer sets, and clear refusals of incomplete answers."""

import pytest
from hypothesis import given, settings, strategies as st

from kinwell.screening import scoring
from kinwell.screening.scoring import AnswersError, get, notable_change, score


def answers_totalling(instrument, total):
    """A complete answer set with the given total (filling items from the first)."""
    answers = {item.key: min(item.values) for item in instrument.items}
    left = total - instrument.lowest
    for item in instrument.items:
        step = min(left, max(item.values) - answers[item.key])
        answers[item.key] += step
        left -= step
    assert left == 0, "total out of range"
    return answers


# (instrument, total, band) at both edges of every band, from the published cut-points.
BOUNDARIES = [
    ("phq9", 0, "minimal"), ("phq9", 4, "minimal"), ("phq9", 5, "mild"), ("phq9", 9, "mild"),
    ("phq9", 10, "moderate"), ("phq9", 14, "moderate"), ("phq9", 15, "moderately_severe"),
    ("phq9", 19, "moderately_severe"), ("phq9", 20, "severe"), ("phq9", 27, "severe"),
    ("gad7", 0, "minimal"), ("gad7", 4, "minimal"), ("gad7", 5, "mild"), ("gad7", 9, "mild"),
    ("gad7", 10, "moderate"), ("gad7", 14, "moderate"), ("gad7", 15, "severe"), ("gad7", 21, "severe"),
    ("phq2", 0, "below_cutoff"), ("phq2", 2, "below_cutoff"), ("phq2", 3, "positive"), ("phq2", 6, "positive"),
    ("gad2", 0, "below_cutoff"), ("gad2", 2, "below_cutoff"), ("gad2", 3, "positive"), ("gad2", 6, "positive"),
    ("ucla3", 3, "total_only"), ("ucla3", 9, "total_only"),
    ("csi4", 0, "less_satisfied"), ("csi4", 13, "less_satisfied"), ("csi4", 14, "satisfied"), ("csi4", 21, "satisfied"),
]


@pytest.mark.parametrize("key,total,band", BOUNDARIES)
def test_band_at_every_boundary(key, total, band):
    result = score(get(key), answers_totalling(get(key), total))
    assert (result.total, result.band) == (total, band)


def test_every_band_of_every_instrument_is_checked_at_both_edges():
    checked = {(key, total) for key, total, _band in BOUNDARIES}
    for instrument in scoring.instruments().values():
        for band in instrument.bands:
            assert {(instrument.key, band.low), (instrument.key, band.high)} <= checked, (instrument.key, band.key)


def test_the_published_ranges():
    ranges = {key: (i.lowest, i.highest) for key, i in scoring.instruments().items()}
    assert ranges == {
        "phq9": (0, 27), "phq2": (0, 6), "gad7": (0, 21), "gad2": (0, 6), "ucla3": (3, 9), "csi4": (0, 21),
    }


def test_csi4_anchors_follow_funk_and_rogge():
    csi = get("csi4")
    assert [max(item.values) for item in csi.items] == [6, 5, 5, 5]
    assert csi.items[0].option(6).text == "Perfect" and csi.items[0].option(0).text == "Extremely unhappy"
    assert csi.circle_kind == "couple"


@pytest.mark.parametrize("key,positive_from", [("phq2", 3), ("gad2", 3)])
def test_short_screens_are_positive_from_three_and_offer_the_full_questionnaire(key, positive_from):
    instrument = get(key)
    assert score(instrument, answers_totalling(instrument, positive_from - 1)).positive is False
    assert score(instrument, answers_totalling(instrument, positive_from)).positive is True
    assert instrument.offers == {"phq2": "phq9", "gad2": "gad7"}[key]


def test_full_questionnaires_have_no_positive_flag():
    assert score(get("phq9"), answers_totalling(get("phq9"), 12)).positive is None


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_item_9_above_zero_is_urgent_whatever_the_total(item9):
    answers = {item.key: 0 for item in get("phq9").items} | {"phq9_9": item9}
    result = score(get("phq9"), answers)
    assert result.urgent is True and result.band == "minimal"


def test_phq9_item_9_at_zero_is_not_urgent_even_at_the_top_band():
    answers = {item.key: 3 for item in get("phq9").items} | {"phq9_9": 0}
    assert score(get("phq9"), answers).urgent is False


def test_only_phq9_has_an_urgent_item():
    assert [key for key, i in scoring.instruments().items() if i.urgent_item] == ["phq9"]


def test_difficulty_is_recorded_not_scored():
    answers = answers_totalling(get("phq9"), 7) | {"difficulty": 3}
    result = score(get("phq9"), answers)
    assert result.total == 7 and result.difficulty == 3 and "difficulty" not in result.answers


def test_incomplete_answers_are_refused_naming_the_questions():
    with pytest.raises(AnswersError) as caught:
        score(get("gad7"), {"gad7_1": 1, "gad7_3": 2})
    assert caught.value.missing == (2, 4, 5, 6, 7)
    assert "question(s) 2, 4, 5, 6, 7 still need an answer" in str(caught.value)


@pytest.mark.parametrize("bad", [4, -1, "2", 1.5, None, True])
def test_answers_that_are_not_a_choice_are_refused(bad):
    answers = answers_totalling(get("gad7"), 0) | {"gad7_4": bad}
    with pytest.raises(AnswersError) as caught:
        score(get("gad7"), answers)
    assert caught.value.invalid == (4,)


def test_unknown_questions_are_refused():
    with pytest.raises(AnswersError, match="not questions of PHQ-2"):
        score(get("phq2"), {"phq9_1": 0, "phq9_2": 0, "phq9_3": 1})


def test_an_unknown_instrument_is_a_clear_key_error():
    with pytest.raises(KeyError, match="No screening questionnaire called 'who5'"):
        get("who5")


def test_left_out_instruments_stay_out():
    assert not {"cssrs", "who5"} & set(scoring.instruments())


@st.composite
def complete_answers(draw):
    instrument = draw(st.sampled_from(sorted(scoring.instruments().values(), key=lambda i: i.key)))
    answers = {item.key: draw(st.sampled_from(sorted(item.values))) for item in instrument.items}
    return instrument, answers


@settings(max_examples=300, deadline=None)
@given(complete_answers())
def test_any_complete_answers_give_a_total_in_range_and_its_band(drawn):
    instrument, answers = drawn
    result = score(instrument, answers)
    assert instrument.lowest <= result.total <= instrument.highest
    assert result.total == sum(answers.values())
    band = instrument.band(result.band)
    assert band.low <= result.total <= band.high
    if instrument.positive_at is not None:
        assert result.positive == (result.total >= instrument.positive_at)
    assert result.urgent == (instrument.key == "phq9" and answers["phq9_9"] > 0)


@settings(max_examples=200, deadline=None)
@given(complete_answers(), st.data())
def test_any_answers_with_a_question_left_out_are_refused(drawn, data):
    instrument, answers = drawn
    dropped = data.draw(st.sets(st.sampled_from(sorted(answers)), min_size=1))
    with pytest.raises(AnswersError) as caught:
        score(instrument, {k: v for k, v in answers.items() if k not in dropped})
    assert set(caught.value.missing) == {instrument.item(key).number for key in dropped}


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 27), st.integers(0, 27))
def test_phq9_changes_of_five_or_a_new_band_are_pointed_out(before, after):
    phq9 = get("phq9")
    change = notable_change(phq9, before, after)
    crossed = phq9.band_for(before).key != phq9.band_for(after).key
    assert (change is not None) == (abs(after - before) >= 5 or crossed)


def test_gad7_change_is_pointed_out_only_across_bands():
    assert notable_change(get("gad7"), 5, 9) is None
    assert notable_change(get("gad7"), 9, 10).crossed_band


@pytest.mark.parametrize("item9, level", [(0, "none"), (1, "concern"), (2, "urgent"), (3, "urgent")])
def test_phq9_item_9_several_days_is_a_concern_and_more_is_urgent(item9, level):
    phq9 = scoring.get("phq9")
    answers = {item.key: 0 for item in phq9.items} | {"phq9_9": item9}
    assert scoring.safety_level(phq9, answers) == level
    assert scoring.is_urgent(phq9, answers) is (item9 > 0)  # help is shown from 1

