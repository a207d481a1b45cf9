"""The speaker–listener state machine on its own: every transition and every wrong turn."""

from datetime import datetime, timedelta, timezone

import pytest

from kinwell.talk import flow
from kinwell.talk.flow import FlowState, WrongTurn, apply

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
SPEAKING = FlowState()
PARAPHRASING = FlowState(phase=flow.PARAPHRASING)
CONFIRMING = FlowState(phase=flow.CONFIRMING)
ON_BREAK = FlowState(phase=flow.PARAPHRASING, break_until=NOW + timedelta(minutes=20))
ENDED = FlowState(phase=flow.ENDED)


def test_a_full_round_passes_the_floor():
    state = apply(SPEAKING, flow.SPEAK, seat=0, now=NOW)
    assert state.phase == flow.PARAPHRASING and state.whose_turn() == 1
    state = apply(state, flow.PARAPHRASE, seat=1, now=NOW)
    assert state.phase == flow.CONFIRMING and state.whose_turn() == 0
    state = apply(state, flow.CONFIRM, seat=0, now=NOW)
    assert (state.phase, state.speaker, state.rounds, state.whose_turn()) == (flow.SPEAKING, 1, 1, 1)


def test_a_correction_sends_the_listener_back_to_paraphrase():
    state = apply(CONFIRMING, flow.CORRECT, seat=0, now=NOW)
    assert state.phase == flow.PARAPHRASING and state.speaker == 0 and state.rounds == 0


@pytest.mark.parametrize("start", [SPEAKING, PARAPHRASING, CONFIRMING])
@pytest.mark.parametrize("seat", [0, 1])
def test_either_person_can_call_a_time_out_of_at_least_20_minutes(start, seat):
    state = apply(start, flow.TIME_OUT, seat=seat, now=NOW)
    assert state.break_until == NOW + flow.MIN_BREAK and state.phase == start.phase
    assert state.whose_turn() is None and state.expected_event() == ()
    longer = apply(start, flow.TIME_OUT, seat=seat, now=NOW, minutes=45)
    assert longer.break_until == NOW + timedelta(minutes=45)


@pytest.mark.parametrize("seat", [0, 1])
def test_either_person_can_come_back_once_the_break_is_over(seat):
    state = apply(ON_BREAK, flow.RESUME, seat=seat, now=NOW + timedelta(minutes=20))
    assert state.break_until is None and state.phase == flow.PARAPHRASING


@pytest.mark.parametrize("start", [SPEAKING, PARAPHRASING, CONFIRMING, ON_BREAK])
def test_either_person_can_end(start):
    assert apply(start, flow.END, seat=1, now=NOW).phase == flow.ENDED
    assert apply(start, flow.END, seat=1, now=NOW).break_until is None


WRONG_TURNS = [
    # (state, event, seat, minutes, code, status)
    (SPEAKING, flow.SPEAK, 1, None, "not_your_turn_speaking", 403),
    (PARAPHRASING, flow.PARAPHRASE, 0, None, "not_your_turn_paraphrasing", 403),
    (CONFIRMING, flow.CONFIRM, 1, None, "not_your_turn_confirming", 403),
    (CONFIRMING, flow.CORRECT, 1, None, "not_your_turn_confirming", 403),
    (SPEAKING, flow.PARAPHRASE, 1, None, "not_now_speaking", 409),
    (SPEAKING, flow.CONFIRM, 0, None, "not_now_speaking", 409),
    (SPEAKING, flow.CORRECT, 0, None, "not_now_speaking", 409),
    (PARAPHRASING, flow.SPEAK, 0, None, "not_now_paraphrasing", 409),  # the listener must paraphrase first
    (PARAPHRASING, flow.CONFIRM, 0, None, "not_now_paraphrasing", 409),
    (CONFIRMING, flow.SPEAK, 1, None, "not_now_confirming", 409),  # no reply before the speaker confirms
    (CONFIRMING, flow.PARAPHRASE, 1, None, "not_now_confirming", 409),
    (ON_BREAK, flow.PARAPHRASE, 1, None, "on_break", 409),
    (ON_BREAK, flow.SPEAK, 0, None, "on_break", 409),
    (ON_BREAK, flow.TIME_OUT, 0, None, "already_on_break", 409),
    (ON_BREAK, flow.RESUME, 0, None, "break_not_over", 409),
    (SPEAKING, flow.RESUME, 0, None, "not_on_break", 409),
    (SPEAKING, flow.TIME_OUT, 0, 19, "break_too_short", 400),
    (SPEAKING, flow.TIME_OUT, 0, 24 * 60 + 1, "break_too_long", 400),
    (ENDED, flow.SPEAK, 0, None, "ended", 409),
    (ENDED, flow.END, 0, None, "ended", 409),
    (ENDED, flow.RESUME, 1, None, "ended", 409),
    (SPEAKING, "shout", 0, None, "unknown_action", 400),
    (SPEAKING, flow.SPEAK, 2, None, "not_a_participant", 403),
]


@pytest.mark.parametrize("state,event,seat,minutes,code,status", WRONG_TURNS)
def test_wrong_turns_are_refused_with_a_reason(state, event, seat, minutes, code, status):
    with pytest.raises(WrongTurn) as raised:
        apply(state, event, seat=seat, now=NOW + timedelta(minutes=5), minutes=minutes)
    assert (raised.value.code, raised.value.status) == (code, status)


def test_the_break_is_enforced_to_the_second():
    with pytest.raises(WrongTurn):
        apply(ON_BREAK, flow.RESUME, seat=0, now=NOW + timedelta(minutes=19, seconds=59))
    assert apply(ON_BREAK, flow.RESUME, seat=0, now=NOW + timedelta(minutes=20)).break_until is None


def test_flow_imports_no_django():
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys, kinwell.talk.flow; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"
