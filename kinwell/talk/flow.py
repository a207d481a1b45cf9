"""The speaker–listener exercise as a small state machine. Pure Python (no Django).

Two seats, 0 and 1. One holds the floor (the speaker). A round goes:

    speaking      the speaker writes a short statement            -> paraphrasing
    paraphrasing  the listener says back what they heard           -> confirming
    confirming    the speaker confirms                             -> speaking (floor passes)
                  or corrects (adds what was missed)               -> paraphrasing again
    any of those  either person calls a time-out                   -> on a break until break_until
    a break       either person comes back once the break is over  -> the step it paused
    any           either person ends the conversation              -> ended

This module only decides what may happen next; services.py stores it. A wrong turn
raises WrongTurn with a code that services.py turns into a message in the person's
language, and a status (403 "not yours to do", 409 "not now").

The floor passing only after a confirmed paraphrase is the core of the method
(Markman, Stanley & Blumberg, "Fighting for Your Marriage", PREP's speaker–listener
technique); the break of at least 20 minutes follows Gottman's finding that a flooded
body needs about that long to calm down.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

SPEAKING, PARAPHRASING, CONFIRMING, ENDED = "speaking", "paraphrasing", "confirming", "ended"
PHASES = (SPEAKING, PARAPHRASING, CONFIRMING, ENDED)
MIN_BREAK = timedelta(minutes=20)
MAX_BREAK = timedelta(hours=24)

SPEAK, PARAPHRASE, CONFIRM, CORRECT = "speak", "paraphrase", "confirm", "correct"
TIME_OUT, RESUME, END = "time_out", "resume", "end"
EVENTS = (SPEAK, PARAPHRASE, CONFIRM, CORRECT, TIME_OUT, RESUME, END)

# What each step expects, and from whom.
_NEXT = {
    (SPEAKING, SPEAK): (PARAPHRASING, "speaker"),
    (PARAPHRASING, PARAPHRASE): (CONFIRMING, "listener"),
    (CONFIRMING, CONFIRM): (SPEAKING, "speaker"),
    (CONFIRMING, CORRECT): (PARAPHRASING, "speaker"),
}


class WrongTurn(Exception):
    """An action that does not fit the conversation now. `code` names the reason."""

    def __init__(self, code: str, status: int = 409):
        super().__init__(code)
        self.code = code
        self.status = status


@dataclass(frozen=True)
class FlowState:
    phase: str = SPEAKING
    speaker: int = 0  # the seat that holds the floor
    break_until: datetime | None = None
    rounds: int = 0  # paraphrases confirmed so far

    @property
    def listener(self) -> int:
        return 1 - self.speaker

    @property
    def on_break(self) -> bool:
        return self.break_until is not None

    def break_over(self, now: datetime) -> bool:
        return self.break_until is not None and now >= self.break_until

    def whose_turn(self) -> int | None:
        """The seat expected to act next, or None when ended or on a break."""
        if self.phase == ENDED or self.break_until is not None:
            return None
        return self.listener if self.phase == PARAPHRASING else self.speaker

    def expected_event(self) -> tuple[str, ...]:
        if self.phase == ENDED or self.break_until is not None:
            return ()
        return tuple(event for (phase, event) in _NEXT if phase == self.phase)


def apply(state: FlowState, event: str, *, seat: int, now: datetime, minutes: int | None = None) -> FlowState:
    """The state after `seat` does `event` at `now`, or WrongTurn."""
    if event not in EVENTS:
        raise WrongTurn("unknown_action", 400)
    if seat not in (0, 1):
        raise WrongTurn("not_a_participant", 403)
    if state.phase == ENDED:
        raise WrongTurn("ended")
    if event == END:
        return replace(state, phase=ENDED, break_until=None)
    if event == TIME_OUT:
        if state.break_until is not None:
            raise WrongTurn("already_on_break")
        length = timedelta(minutes=minutes) if minutes is not None else MIN_BREAK
        if length < MIN_BREAK:
            raise WrongTurn("break_too_short", 400)
        if length > MAX_BREAK:
            raise WrongTurn("break_too_long", 400)
        return replace(state, break_until=now + length)
    if event == RESUME:
        if state.break_until is None:
            raise WrongTurn("not_on_break")
        if now < state.break_until:
            raise WrongTurn("break_not_over")
        return replace(state, break_until=None)
    if state.break_until is not None:
        raise WrongTurn("on_break")
    step = _NEXT.get((state.phase, event))
    if step is None:
        raise WrongTurn(f"not_now_{state.phase}")
    next_phase, who = step
    actor = state.speaker if who == "speaker" else state.listener
    if seat != actor:
        raise WrongTurn(f"not_your_turn_{state.phase}", 403)
    if event == CONFIRM:
        return replace(state, phase=SPEAKING, speaker=state.listener, rounds=state.rounds + 1)
    return replace(state, phase=next_phase)
