"""Screening questionnaires: starting, taking (one at a time, all on one page, with errors),
results (including the urgent panel), history, the summary, a member's shared results and
stopping reminders."""

from tests.browser.cases.common import Case, circle_page, go, submit


SCREENING_PLAN = (("phq9", 17, 70), ("phq9", 11, 42), ("phq9", 9, 14), ("gad7", 12, 42), ("gad7", 6, 14))


def screening_history(person, *plan):
    """Completed results for `person`: (instrument, total, days ago) each."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import screening_result

    return [
        screening_result(person, key, total=total, when=timezone.now() - timedelta(days=days))
        for key, total, days in plan
    ]


def screening_page(who, suffix_for, *plan):
    """Give `who` some results, then open the page `suffix_for(results, demo)` returns."""

    def visit(page, demo, settings):
        made = screening_history(getattr(demo, who), *plan)
        page.goto(suffix_for(made, demo))

    return visit


def taking(instrument, mode, *, finish_empty=False, who="alex"):
    def visit(page, demo, settings):
        from kinwell.screening.services import start_response

        response = start_response(owner=getattr(demo, who), instrument=instrument, mode=mode)
        page.goto(f"/screening/responses/{response.pk}/")
        if finish_empty:
            submit(page, "See my result")
            assert page.locator(".error-summary").is_visible()

    return visit


def item_9_result(value):
    """PHQ-9 with item 9 at `value`, all on one page: the result with the panel (urgent
    from 2, a concern at 1) and the question-9 section."""

    def visit(page, demo, settings):
        from kinwell.screening.services import start_response

        response = start_response(owner=demo.alex, instrument="phq9", mode="all")
        page.goto(f"/screening/responses/{response.pk}/")
        for number in range(1, 10):
            page.locator(f"input[name=phq9_{number}][value='{value if number == 9 else 0}']").check()
        submit(page, "See my result")
        assert page.locator("#crisis-panel-title").is_visible()

    return visit


urgent_result = item_9_result(2)


def stopped_reminder(page, demo, settings):
    from kinwell.screening.services import set_reminder

    page.goto(f"/screening/reminders/stop/{set_reminder(owner=demo.alex, instrument='phq9').stop_token}/")
    submit(page, "Stop the reminders")  # opening the link changes nothing; the button does


def stop_reminder_opened(page, demo, settings):
    from kinwell.screening.services import set_reminder

    page.goto(f"/screening/reminders/stop/{set_reminder(owner=demo.alex, instrument='phq9').stop_token}/")


def result_url(made, demo):
    return f"/screening/results/{made[-1].pk}/"


CASES = [
    Case("in-screening-index", "screening:index", screening_page("alex", lambda m, d: "/screening/", *SCREENING_PLAN), "alex"),
    Case("in-screening-index-empty", "screening:index", go("/screening/"), "newcomer"),
    Case("in-screening-start", "screening:start", go("/screening/take/phq9/"), "alex"),
    Case("in-screening-take-one", "screening:take", taking("phq9", "one"), "alex"),
    Case("in-screening-take-all", "screening:take", taking("gad7", "all"), "alex"),
    Case("in-screening-take-errors", "screening:take", taking("gad7", "all", finish_empty=True), "alex"),
    Case("in-screening-result", "screening:result", screening_page("alex", result_url, ("gad7", 12, 1)), "alex"),
    Case("in-screening-result-quick-positive", "screening:result", screening_page("alex", result_url, ("phq2", 4, 1)), "alex"),
    Case("in-screening-result-urgent", "screening:result", urgent_result, "alex"),
    Case("in-screening-result-item-9-concern", "screening:result", item_9_result(1), "alex"),
    # A CSI-4 below its line: the note on fear and control, linking the partner-violence article.
    Case("in-screening-result-csi4-low", "screening:result", screening_page("alex", result_url, ("csi4", 8, 1)), "alex"),
    Case("in-screening-history", "screening:history", screening_page("alex", lambda m, d: "/screening/history/", *SCREENING_PLAN), "alex"),
    Case("in-screening-history-empty", "screening:history", go("/screening/history/"), "newcomer"),
    Case("in-screening-summary", "screening:summary", screening_page("alex", lambda m, d: "/screening/summary/", *SCREENING_PLAN), "alex"),
    Case(
        "in-member-screening",
        "screening:member_results",
        screening_page("sam", lambda m, d: circle_page(f"members/{d.sam.pk}/screening/")(d), ("phq9", 8, 20), ("gad7", 5, 3)),
        "alex",
    ),
    Case("out-screening-reminders-stopped", "screening:stop_reminders", stopped_reminder),
    Case("out-screening-reminders-stop-opened", "screening:stop_reminders", stop_reminder_opened),
    Case("es-screening-take-all", "screening:take", taking("phq9", "all", who="ana"), "ana"),
    Case("es-screening-result", "screening:result", screening_page("ana", result_url, ("phq9", 12, 1)), "ana"),
    Case("narrow-in-screening-take-all", "screening:take", taking("phq9", "all"), "alex", 320),
    Case("narrow-in-screening-history", "screening:history", screening_page("alex", lambda m, d: "/screening/history/", *SCREENING_PLAN), "alex", 320),
]
