"""Together: appreciation, the week, time together (ideas, plans), gratitude, the calendar
feed and nudges. The demo data is tests/browser/together_demo.py."""

from tests.browser.cases.common import Case, circle_page, go, with_errors
from tests.browser.together_demo import calendar_created, nudges_stopped, stop_path, together_errors, together_page


CASES = [
    Case("in-together", "connect:index", together_page(lambda d, a: "/together/"), "alex"),
    Case("in-together-empty", "connect:index", go("/together/"), "newcomer"),
    Case("in-together-circle", "connect:circle", together_page(lambda d, a: f"/circles/{d.family.pk}/together/"), "alex"),
    Case(
        "in-together-circle-errors",
        "connect:circle",
        together_errors(lambda d, a: f"/circles/{d.family.pk}/together/", "Send appreciation"),
        "alex",
    ),
    Case("in-together-week", "connect:week", together_page(lambda d, a: f"/circles/{d.family.pk}/together/week/"), "alex"),
    Case("in-together-week-past", "connect:week", together_page(lambda d, a: f"/circles/{d.family.pk}/together/week/?week=2024-01-01"), "alex"),
    Case("in-gratitude", "connect:gratitude", together_page(lambda d, a: "/gratitude/"), "alex"),
    Case("in-gratitude-empty-error", "connect:gratitude", with_errors("/gratitude/", "Save"), "alex"),
    Case(
        "in-member-gratitude",
        "connect:member_gratitude",
        together_page(lambda d, a: f"/circles/{d.family.pk}/members/{d.sam.pk}/gratitude/"),
        "alex",
    ),
    Case("in-ideas", "connect:ideas", together_page(lambda d, a: "/ideas/"), "alex"),
    Case("in-ideas-none-fit", "connect:ideas", go("/ideas/?place=outdoors&cost=low&length=15"), "alex"),
    Case("in-plans", "connect:plans", together_page(lambda d, a: f"/circles/{d.family.pk}/plans/?idea=picnic"), "alex"),
    Case(
        "in-plans-errors",
        "connect:plans",
        together_errors(lambda d, a: f"/circles/{d.family.pk}/plans/", "Send suggestion"),
        "alex",
    ),
    Case(
        "in-plan-my-turn",
        "connect:plan",
        together_page(lambda d, a: f"/circles/{d.family.pk}/plans/{a['waiting'].pk}/"),
        "alex",
    ),
    Case(
        "in-plan-suggest-errors",
        "connect:plan",
        together_errors(lambda d, a: f"/circles/{d.family.pk}/plans/{a['waiting'].pk}/", "Suggest this time"),
        "alex",
    ),
    Case(
        "in-plan-accepted",
        "connect:plan",
        together_page(lambda d, a: f"/circles/{d.family.pk}/plans/{a['accepted'].pk}/"),
        "alex",
    ),
    Case("in-calendar", "connect:calendar", go("/settings/calendar/"), "alex"),
    Case("in-calendar-created", "connect:calendar", calendar_created, "alex"),
    Case("in-nudges", "connect:nudges", together_page(lambda d, a: "/settings/nudges/"), "alex"),
    Case("out-stop-nudges", "connect:stop_nudges", together_page(stop_path)),
    Case("out-stop-nudges-done", "connect:stop_nudges", nudges_stopped),
    Case("es-ideas", "connect:ideas", go("/ideas/"), "ana"),
    Case("es-together-week", "connect:week", lambda p, d, s: p.goto(circle_page("together/week/", "walking")(d)), "ana"),
    Case("narrow-in-together-circle", "connect:circle", together_page(lambda d, a: f"/circles/{d.family.pk}/together/"), "alex", 320),
    Case("narrow-in-plan-my-turn", "connect:plan", together_page(lambda d, a: f"/circles/{d.family.pk}/plans/{a['waiting'].pk}/"), "alex", 320),
]
