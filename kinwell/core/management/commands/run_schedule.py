import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from kinwell.core.schedule import registered_jobs, run_due_jobs


class Command(BaseCommand):
    help = "Run the periodic jobs (reminders) once a minute. Use --once for cron or a test."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run every job once and exit")
        parser.add_argument("--interval", type=int, default=60, help="seconds between runs (default 60)")

    def handle(self, *args, once=False, interval=60, **options):
        names = ", ".join(job.name for job in registered_jobs()) or "none"
        self.stdout.write(f"Periodic jobs: {names}")
        while True:
            started = time.monotonic()
            for name, outcome in run_due_jobs(now=timezone.now()).items():
                if outcome != "ok":
                    self.stderr.write(f"{name}: {outcome}")
            if once:
                return
            time.sleep(max(1.0, interval - (time.monotonic() - started)))
