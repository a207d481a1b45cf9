"""Errors a service raises when a request cannot be done, in the person's own terms.

Views and the API turn them into a page or a JSON body with the status given here;
nothing else needs to catch them. A service raises before it writes, or inside its
transaction, so nothing is ever half-saved.
"""


class ServiceError(Exception):
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(ServiceError):
    """Also used when something exists but the person may not know that it does."""

    status = 404


class NotAllowed(ServiceError):
    status = 403


class Conflict(ServiceError):
    status = 409


class TooMany(ServiceError):
    """A limit on how often something may be done (replies, invitation emails)."""

    status = 429


class Gone(ServiceError):
    """An invitation that expired, was used, or was revoked."""

    status = 410
