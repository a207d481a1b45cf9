"""A summary for a clinician: choosing (with results and notes, empty, with errors), the
printable summary, a private link just made (and refused), and the clinician's page,
open and not found."""

from tests.browser.cases.common import NOT_FOUND, Case, go, submit
from tests.browser.cases.screening import SCREENING_PLAN, screening_history


def chooser(who, *plan):
    def visit(page, demo, settings):
        screening_history(getattr(demo, who), *plan)
        page.goto("/summary/")

    return visit


def chooser_with_errors(page, demo, settings):
    page.goto("/summary/")
    page.get_by_label("Mood, stress and sleep over the period").uncheck()
    page.get_by_label("Signs Kinwell noticed in my check-ins").uncheck()
    submit(page, "Make my summary")
    assert page.locator(".error-summary").is_visible()


def made_summary(demo, who="alex"):
    from kinwell.summary import services

    person = getattr(demo, who)
    screening_history(person, *SCREENING_PLAN)
    notes = [c.pk for c in person.checkins.all() if c.note][:1]
    return services.make_summary(owner=person, days=90, instruments=["phq9", "gad7"], trends=True, signs=True,
                                 note_ids=notes)


def summary_page(who="alex"):
    def visit(page, demo, settings):
        page.goto(f"/summary/{made_summary(demo, who).pk}/")

    return visit


def link_made(days="30"):
    def visit(page, demo, settings):
        page.goto(f"/summary/{made_summary(demo).pk}/")
        page.get_by_label("Who is it for? (optional)").fill("Dr. Rivera")
        field = page.get_by_label("Open for how many days?")
        field.evaluate("el => { el.removeAttribute('max'); el.removeAttribute('min'); }")
        field.fill(days)
        submit(page, "Make a private link")
        selector = "#new-link" if days == "30" else ".error-summary"
        assert page.locator(selector).is_visible()

    return visit


def clinician_page(page, demo, settings):
    from kinwell.summary import services

    _link, token = services.make_link(owner=demo.alex, summary_id=made_summary(demo).pk)
    page.goto(f"/for-clinician/{token}/")


CASES = [
    Case("in-summary-index", "summary:index", chooser("alex", *SCREENING_PLAN), "alex"),
    Case("in-summary-index-empty", "summary:index", go("/summary/"), "newcomer"),
    Case("in-summary-index-errors", "summary:index", chooser_with_errors, "newcomer"),
    Case("in-summary-detail", "summary:detail", summary_page(), "alex"),
    Case("in-summary-link-made", "summary:share", link_made(), "alex"),
    Case("in-summary-link-errors", "summary:share", link_made("120"), "alex"),
    Case("out-summary-clinician-page", "summary:shared", clinician_page),
    Case("out-summary-clinician-page-not-found", NOT_FOUND, go("/for-clinician/not-a-real-token/")),
    Case("es-summary-detail", "summary:detail", summary_page("ana"), "ana"),
    Case("narrow-in-summary-detail", "summary:detail", summary_page(), "alex", 320),
    Case("narrow-out-summary-clinician-page", "summary:shared", clinician_page, None, 320),
]
