"""Periodic jobs: reminders and other work that is due at a time, not on a request.

Each app registers its jobs with `@periodic(...)` in its `jobs.py` (loaded when the
app is ready). A job is a function `job(*, now)` that finds what is due at `now`,
does it or enqueues background tasks for it, and marks it done, so running it twice
for the same minute sends nothing twice. That idempotence is what lets one plain
loop (`manage.py run_schedule`, started by `make run` beside the task worker) drive
them all, and lets tests call `run_due_jobs(now=...)` with any clock.
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    function: Callable[..., object]


_JOBS: dict[str, PeriodicJob] = {}


def periodic(function: Callable[..., object]) -> Callable[..., object]:
    """Register a job that runs every minute: it must be idempotent (see module doc)."""
    name = f"{function.__module__}.{function.__qualname__}"
    _JOBS[name] = PeriodicJob(name=name, function=function)
    return function


def registered_jobs() -> list[PeriodicJob]:
    return sorted(_JOBS.values(), key=lambda job: job.name)


def run_due_jobs(*, now: datetime) -> dict[str, str]:
    """Run every registered job once. One job failing never stops the others."""
    outcomes = {}
    for job in registered_jobs():
        try:
            job.function(now=now)
            outcomes[job.name] = "ok"
        except Exception:  # a broken job must not silence every other reminder
            logger.exception("Periodic job %s failed", job.name)
            outcomes[job.name] = "failed"
    return outcomes
