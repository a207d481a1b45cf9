"""The daily question's pages in the states a person can see them, on top of
tests/browser/demo.py: the family circle (Alex, Sam, and Jo taking space) with today's
question unanswered, answered by Sam only, answered by Alex only, or shared with
reactions and replies; a few past days; Ana's walking group in Spanish."""

from datetime import timedelta

from kinwell.daily import selectors, services
from kinwell.daily.models import QuestionDay
from tests.daily import FIXTURE_BANK

STATES = ("empty", "others", "mine", "revealed")


def add_daily(demo, state: str) -> dict:
    alex, sam, family = demo.alex, demo.sam, demo.family
    today = services.open_today(viewer=alex, circle=family)
    for offset in range(1, 4):
        day = today.day - timedelta(days=offset)
        key, cycle = selectors.next_question(circle=family, day=day)
        past = QuestionDay.objects.create(circle=family, day=day, question_key=key, cycle=cycle)
        if offset == 1:
            services.answer_question(author=alex, circle=family, day_id=past.pk, text="Soup, every Sunday.")
            services.answer_question(author=sam, circle=family, day_id=past.pk, text="Tacos, obviously.")
    if state in ("others", "revealed"):
        services.answer_question(author=sam, circle=family, day_id=today.pk,
                                 text="The day we got lost on the way to the lake and found the bakery.")
    if state in ("mine", "revealed"):
        services.answer_question(author=alex, circle=family, day_id=today.pk, text="Sam's terrible puns at breakfast.")
    if state == "revealed":
        sams = today.answers.get(author=sam)
        services.react(person=alex, circle=family, day_id=today.pk, answer_id=sams.pk, kind="love")
        services.reply_to_answer(author=alex, circle=family, day_id=today.pk, answer_id=sams.pk,
                                 text="Best croissants ever.")
    return {"today": today, "past": QuestionDay.objects.filter(circle=family).order_by("day").first()}


def daily_page(path, state: str = "empty"):
    """A visit that uses the tests' own question bank, adds the data, then opens path(demo, added)."""

    def visit(page, demo, settings):
        settings.DAILY_QUESTIONS_DIR = FIXTURE_BANK
        added = add_daily(demo, state)
        page.goto(path(demo, added))

    return visit


def daily_errors(path, state: str, button_name: str, *, open_details: bool = False):
    def visit(page, demo, settings):
        settings.DAILY_QUESTIONS_DIR = FIXTURE_BANK
        added = add_daily(demo, state)
        page.goto(path(demo, added))
        if open_details:
            page.locator("main details.daily-reply summary").first.click()
        with page.expect_navigation():
            page.get_by_role("button", name=button_name, exact=True).first.click()
        assert page.locator(".error-summary").is_visible(), f"No error summary on {page.url}"

    return visit
