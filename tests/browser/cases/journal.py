"""Just for me: the journal and goals, and a member's shared goals."""

from tests.browser.cases.common import Case, go, with_errors
from tests.browser.together_demo import together_page


CASES = [
    Case("in-journal", "journal:index", together_page(lambda d, a: "/journal/"), "alex"),
    Case("in-journal-empty", "journal:index", go("/journal/"), "newcomer"),
    Case("in-journal-empty-error", "journal:index", with_errors("/journal/", "Save entry"), "alex"),
    Case("in-journal-entry", "journal:entry", together_page(lambda d, a: f"/journal/{a['entry'].pk}/"), "alex"),
    Case("in-goals", "journal:goals", together_page(lambda d, a: "/goals/"), "alex"),
    Case("in-goals-errors", "journal:goals", with_errors("/goals/", "Add goal"), "alex"),
    Case(
        "in-member-goals",
        "journal:member_goals",
        together_page(lambda d, a: f"/circles/{d.family.pk}/members/{d.sam.pk}/goals/"),
        "alex",
    ),
    Case("es-journal", "journal:index", go("/journal/"), "ana"),
    Case("narrow-in-goals", "journal:goals", together_page(lambda d, a: "/goals/"), "alex", 320),
]
