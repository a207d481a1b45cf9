"""An optional read replica (`DATABASE_REPLICA_URL`) for the heaviest reads that may lag.

A PostgreSQL streaming replica is a second copy of the database a moment behind the
primary. Reads that do not mind that moment can go there and leave the primary to the
writes: the help finder's searches (public directory data, changed by imports) and the
trend pages (a person's history; a check-in made a second ago may show on the next
load). Selectors opt in with `@reads_from_replica`; everything else, every write and
every read inside it, stays on the primary. Without the variable nothing changes.
"""

import contextvars
import functools

from django.conf import settings

REPLICA = "replica"
_reading_from_replica = contextvars.ContextVar("kinwell_reading_from_replica", default=False)


def reads_from_replica(function):
    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        token = _reading_from_replica.set(True)
        try:
            return function(*args, **kwargs)
        finally:
            _reading_from_replica.reset(token)

    return wrapped


def reading_from_replica() -> bool:
    return _reading_from_replica.get()


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reading_from_replica.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None  # the primary

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data: rows read from either may be related

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a replica copies the primary's schema; never migrated itself


def read_connection(model):
    """The connection a raw-SQL read of `model` should use: the one the router picks."""
    from django.db import DEFAULT_DB_ALIAS, connections, router

    return connections[router.db_for_read(model) or DEFAULT_DB_ALIAS]
