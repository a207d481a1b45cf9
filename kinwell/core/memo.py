"""A read made once per page where several parts of the page need it.

Home gathers what waits for a person from many apps, and most of them ask the same
question first (who in my circles is there for me today?). Inside `with scope():` a
`memoized(key, compute)` read is computed once; outside a scope it is computed every
time, so nothing is ever kept between requests or seen stale after a write."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_memo: ContextVar[dict | None] = ContextVar("kinwell_memo", default=None)


@contextmanager
def scope() -> Iterator[None]:
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def memoized(key, compute: Callable):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
