"""The daily question's rules, in plain Python (no Django): which question a circle gets,
and when its answers are shown to each other.

Choosing is deterministic: the same suited keys, the same keys already asked in this
cycle and the same seed give the same key, on any server, so everyone in a circle gets
the same question. A cycle is one pass through every question that suits the circle;
no question comes back until all of them were asked (or swapped away).
"""

import hashlib
from collections.abc import Collection, Iterable

# In a bigger circle, waiting for everyone could mean never seeing anything: three
# answers are enough to make a conversation.
SMALL_CIRCLE = 4
ENOUGH_IN_A_BIG_CIRCLE = 3
SWAPS_A_DAY = 3


def seed_for(*, circle_id: int, day, attempt: int = 0) -> str:
    return f"{circle_id}:{day.isoformat()}:{attempt}"


def choose(suited: Iterable[str], used: Collection[str], seed: str) -> str | None:
    """A key from `suited` that is not in `used`, picked by the seed; None when every
    suited key was used (the caller then starts a new cycle)."""
    left = sorted(set(suited) - set(used))
    if not left:
        return None
    digest = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")
    return left[digest % len(left)]


def answers_needed(people_counted: int) -> int:
    """How many answers open a day's answers to the circle, given how many people are
    counted (members who are not taking space)."""
    if people_counted > SMALL_CIRCLE:
        return ENOUGH_IN_A_BIG_CIRCLE
    return max(people_counted, 1)


def ready_to_reveal(*, counted: Collection[int], answered: Collection[int]) -> bool:
    """Whether enough of the counted people answered (answers from anyone else, such as
    someone taking space, do not count)."""
    return len(set(counted) & set(answered)) >= answers_needed(len(set(counted)))

