from kinwell.core import idempotency
from kinwell.core.schedule import periodic


@periodic
def forget_idempotency_keys(*, now):
    """Answers kept for retries go after 24 hours (a retry after that is a new request)."""
    idempotency.forget_expired(now=now)
