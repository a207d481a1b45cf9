from datetime import datetime, timezone

from kinwell.core import schedule


def test_a_failing_job_does_not_stop_the_others(monkeypatch):
    ran = []

    def broken(*, now):
        raise RuntimeError("boom")

    def fine(*, now):
        ran.append(now)

    monkeypatch.setattr(schedule, "_JOBS", {})
    schedule.periodic(broken)
    schedule.periodic(fine)
    now = datetime(2026, 3, 8, 7, 0, tzinfo=timezone.utc)

    outcomes = schedule.run_due_jobs(now=now)

    assert ran == [now]
    assert sorted(outcomes.values()) == ["failed", "ok"]
