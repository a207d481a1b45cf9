"""Read texts from standard input, one per line; print one JSON object per line:
{"level": "none" | "concern" | "urgent", "reasons": [...]}.

For operators who tune the crisis patterns, and for evaluation:
    python manage.py crisis_check < texts.txt
"""

import json
import sys

from django.core.management.base import BaseCommand

from kinwell.safety.detector import assess


class Command(BaseCommand):
    help = "Assess texts from standard input (one per line) and print one JSON result per line."

    def handle(self, *args, **options):
        for line in sys.stdin:
            self.stdout.write(json.dumps(assess(line.rstrip("\n")).to_dict(), ensure_ascii=False))
