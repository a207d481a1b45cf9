"""Read drafts from standard input, one per line; print one JSON object per line:
{"patterns": [...], "suggestion": "..."} (an empty list and an empty suggestion for a
kind, plain message), with "afraid": true added when the draft speaks of fear or control
(the coach then points out nothing).

For people who tune the coach patterns, and for evaluation:
    python manage.py coach_check [--language es] < drafts.txt
"""

import json
import sys

from django.core.management.base import BaseCommand

from kinwell.talk.coach import review


class Command(BaseCommand):
    help = "Review drafts from standard input (one per line) with the message coach; print one JSON result per line."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="en", choices=("en", "es"), help="language of the explanations")

    def handle(self, *args, **options):
        for line in sys.stdin:
            result = review(line.rstrip("\n"), language=options["language"])
            out = {"patterns": list(result.patterns), "suggestion": result.suggestion}
            if result.afraid:
                out["afraid"] = True
            self.stdout.write(json.dumps(out, ensure_ascii=False))
