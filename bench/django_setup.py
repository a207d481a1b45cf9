"""Start Django for a benchmark run from the command line: a throwaway var/ directory
(its own SQLite database and keys), production-like settings, the test client's host."""

import os
import sys
import tempfile
from pathlib import Path


def start_django() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("KINWELL_VAR_DIR", tempfile.mkdtemp(prefix="kinwell-bench-"))
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinwell.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")

    import django

    django.setup()
