"""python manage.py import_directory FORMAT PATH — load a directory file (see README, "The help finder")."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from kinwell.core.errors import ServiceError
from kinwell.directory.services import READERS, import_file


class Command(BaseCommand):
    help = "Import treatment and support services: samhsa-xlsx, locator-json, or hsds (JSON, folder or zip)."

    def add_arguments(self, parser):
        parser.add_argument("format", choices=sorted(READERS))
        parser.add_argument("path")

    def handle(self, *args, **options):
        started = time.monotonic()
        last = [0.0]

        def progress(done, total):
            # Only when someone watches, and at most twice a second.
            if self.stdout.isatty() or sys.stderr.isatty():
                now = time.monotonic()
                if now - last[0] > 0.5 or done == total:
                    last[0] = now
                    self.stderr.write(f"\r  {done:,} of {total:,}", ending="")
                    self.stderr.flush()

        try:
            summary = import_file(file_format=options["format"], path=options["path"], progress=progress)
        except ServiceError as error:
            raise CommandError(error.message) from None
        self.stdout.write(self.style.SUCCESS(f"Imported {options['path']}: {summary} "
                                             f"in {time.monotonic() - started:.1f} s."))
        for row, reason in summary.skipped[:50]:
            self.stdout.write(f"  skipped row {row}: {reason}")
        if len(summary.skipped) > 50:
            self.stdout.write(f"  ... and {len(summary.skipped) - 50} more skipped.")
