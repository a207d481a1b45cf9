"""Login throttling behind a proxy, on top of django-axes.

Who is knocking: the client address is REMOTE_ADDR, unless the operator says how many
proxies of theirs stand in front (`KINWELL_TRUSTED_PROXIES`). Each of those appends the
address it saw to X-Forwarded-For, so the client is the Nth entry from the right; anything
further left was written by the client and is ignored (it can say anything).

How much: five failures for one account from one address lock that pair (so nobody can
lock a person out from elsewhere, and people sharing an address are not locked out by
one of them), and many failures from one address, whatever the accounts, lock the
address (so guessing many accounts from one place is slowed). Failures made while locked
are not counted, so one person retrying their own locked account cannot lock out the
others at a shared address. There is no lock on an account alone: that would let anyone
lock anyone out.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXIES
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote
    candidate = forwarded[-min(trusted, len(forwarded))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class LoginThrottle(AxesDatabaseHandler):
    """AXES_LOCKOUT_PARAMETERS is [[username, ip_address], ip_address]: the pair counts
    against AXES_FAILURE_LIMIT, the address alone against LOGIN_ADDRESS_FAILURE_LIMIT."""

    def get_failures(self, request, credentials=None) -> int:
        pair, address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        request.kinwell_address_locked = address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT
        if request.kinwell_address_locked:
            return max(pair, get_failure_limit(request, credentials))
        return pair

    def reset_user_attempts(self, request, credentials=None) -> int:
        # A success clears that account's failures from this address only: logging into an
        # account of one's own must not wipe the count of guesses at other people's.
        pair = self.filter_user_attempts(request, credentials)[0]
        count, _ = pair.delete()
        return count
