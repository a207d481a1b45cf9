"""The daily question: today's question in each state, a past day, the list of past
days, the forms with errors, in Spanish and at 320 px. Data: tests/browser/daily_pages.py."""

from tests.browser.cases.common import Case
from tests.browser.daily_pages import daily_errors, daily_page


def today(demo, added):
    return f"/circles/{demo.family.pk}/question/"


def past_day(demo, added):
    return f"/circles/{demo.family.pk}/questions/{added['past'].pk}/"


CASES = [
    Case("in-daily-today-empty", "daily:today", daily_page(today, "empty"), "alex"),
    Case("in-daily-today-others-answered", "daily:today", daily_page(today, "others"), "alex"),
    Case("in-daily-today-mine-waiting", "daily:today", daily_page(today, "mine"), "alex"),
    Case("in-daily-today-revealed", "daily:today", daily_page(today, "revealed"), "alex"),
    Case("in-daily-today-revealed-320", "daily:today", daily_page(today, "revealed"), "alex", width=320),
    Case("in-daily-today-taking-space", "daily:today", daily_page(today, "revealed"), "jo"),
    Case("in-daily-answer-errors", "daily:answer", daily_errors(today, "empty", "Share my answer"), "alex"),
    Case("in-daily-reply-errors", "daily:reply",
         daily_errors(today, "revealed", "Send reply", open_details=True), "alex"),
    Case("in-daily-past", "daily:past", daily_page(lambda d, a: f"/circles/{d.family.pk}/questions/"), "alex"),
    Case("in-daily-past-day", "daily:day", daily_page(past_day), "alex"),
    Case("es-daily-today", "daily:today", daily_page(lambda d, a: f"/circles/{d.walking.pk}/question/"), "ana"),
]
