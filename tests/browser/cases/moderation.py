"""Reporting content and the moderation queue and log. The visits are in
tests/browser/library_pages.py."""

from tests.browser import library_pages as library
from tests.browser.cases.common import Case


CASES = [
    Case("in-report", "moderation:report", library.report_form(), "jo"),
    Case("in-report-errors", "moderation:report", library.report_form(errors=True), "jo"),
    Case("in-moderation-queue", "moderation:queue", library.moderation_queue, "alex"),
    Case("in-moderation-log", "moderation:log", library.moderation_log, "alex"),
    Case("narrow-moderation-queue", "moderation:queue", library.moderation_queue, "alex", 320),
]
