"""python manage.py export_directory PATH.zip — the whole directory as an HSDS 3.0 datapackage."""

from django.core.management.base import BaseCommand

from kinwell.directory.hsds_datapackage import write_datapackage


class Command(BaseCommand):
    help = "Write every organization, service and location as Open Referral HSDS 3.0 CSV files in a zip."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        with open(options["path"], "wb") as target:
            counts = write_datapackage(target)
        summary = ", ".join(f"{n} {table}" for table, n in counts.items() if n)
        self.stdout.write(self.style.SUCCESS(f"Wrote {options['path']}: {summary or 'an empty directory'}."))
