"""axe-core (WCAG 2.0/2.1/2.2 A and AA, target size on) on every page a signed-out
or signed-in person can reach, in the states that matter: with demo-like data,
after an action, and with form errors showing.

`test_every_page_in_the_url_conf_is_checked` makes sure a new URL cannot be added
without a case here (or a stated reason why it is not a page).
"""

from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import resolve
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.browser import talk_pages as talk
from tests.browser import library_pages as library
from tests.browser.demo import build_demo
from tests.browser.together_demo import calendar_created, nudges_stopped, stop_path, together_errors, together_page
from tests.browser.support import assert_no_axe_violations, axe_violations, describe_violations
from tests.urlconf import named_patterns

pytestmark = pytest.mark.browser


NOT_FOUND = "the not-found page"

# --- The pages -------------------------------------------------------------------------


@dataclass
class Case:
    id: str
    covers: str  # the URL name the page ends on, or NOT_FOUND
    visit: Callable  # visit(page, demo, settings) leaves the page in the state to check
    who: str | None = None  # None: signed out; otherwise an attribute of Demo
    width: int = 1280  # 320 is WCAG's reflow width: a phone, or a desktop zoomed to 400%


def go(path):
    return lambda page, demo, settings: page.goto(path)


def submit(page, button_name):
    with page.expect_navigation():
        page.get_by_role("button", name=button_name, exact=True).click()


def with_errors(path, button_name, **fields):
    """Open a form, fill the given fields (by name; the rest stay empty), submit it and
    check the error state is what we are looking at."""

    def visit(page, demo, settings):
        page.goto(path(demo) if callable(path) else path)
        for name, value in fields.items():
            field = page.locator(f"main [name='{name}']")
            # Like a client that ignores maxlength: the server must still answer kindly.
            field.evaluate("el => el.removeAttribute('maxlength')")
            field.fill(value)
        submit(page, button_name)
        assert page.locator(".error-summary").is_visible(), f"No error summary on {page.url}"

    return visit


def finder(query):
    def visit(page, demo, settings):
        from kinwell.directory.demo import load_demo_directory

        load_demo_directory()
        page.goto(f"/find-help/{query}")

    return visit


def finder_detail(page, demo, settings):
    finder("?zip=10001&radius=25")(page, demo, settings)
    with page.expect_navigation():
        page.locator(".finder-result h3 a").first.click()


def circle_page(suffix, circle="family"):
    return lambda demo: f"/circles/{getattr(demo, circle).pk}/{suffix}"


def reset_link(demo):
    uid = urlsafe_base64_encode(force_bytes(demo.alex.pk))
    return f"/accounts/password/reset/{uid}/{default_token_generator.make_token(demo.alex)}/"


def locked_out(page, demo, settings):
    settings.AXES_FAILURE_LIMIT = 1
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(demo.alex.email)
    page.get_by_label("Password").fill("not the password")
    submit(page, "Log in")
    assert "locked" in page.locator("h1").inner_text()


def invite_link_created(page, demo, settings):
    page.goto(circle_page("invite/")(demo))
    submit(page, "Create invitation link")
    assert page.locator("#invite-link").input_value().startswith("http")


def token_created(page, demo, settings):
    page.goto("/accounts/tokens/")
    page.get_by_label("Token name").fill("My tablet")
    submit(page, "Create token")
    assert page.locator("#new-token").input_value().startswith("kw_")


def reset_confirm(page, demo, settings):
    page.goto(reset_link(demo))
    assert page.get_by_label("New password", exact=True).is_visible()


def reset_confirm_errors(page, demo, settings):
    reset_confirm(page, demo, settings)
    page.get_by_label("New password", exact=True).fill("quiet-harbour-lantern")
    page.get_by_label("New password confirmation").fill("something-else-entirely")
    submit(page, "Save new password")
    assert page.locator(".error-summary").is_visible()


def invitation(token_name):
    return lambda page, demo, settings: page.goto(f"/invite/{demo.tokens[token_name]}/")


def crisis_panel_after(text, circle="family"):
    """Save a free text that suggests a crisis: the page after the save shows the panel."""

    def visit(page, demo, settings):
        page.goto(circle_page("sharing/", circle)(demo))
        page.locator("textarea[name=text]").fill(text)
        page.locator("form:has(input[value=boundary]) button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".crisis-panel").is_visible(), f"No crisis panel on {page.url}"

    return visit


def checkin_form_opened(page, demo, settings):
    page.goto("/check-ins/new/")
    for summary in page.locator("main details summary").all():
        summary.click()
    assert page.locator("input[name=feelings]").first.is_visible()


def checkin_crisis_panel(page, demo, settings):
    page.goto("/check-ins/new/")
    page.locator("label.mood-option").last.click()
    page.locator("textarea[name=note]").fill(URGENT_TEXT)
    submit(page, "Save my check-in")
    assert page.locator(".crisis-panel").is_visible()


def trends_table_opened(page, demo, settings):
    page.goto("/check-ins/trends/?days=365")
    for summary in page.locator("main details summary").all():
        summary.click()
    assert page.locator("main table").first.is_visible()


def reach_out(page, demo, settings):
    page.goto(circle_page("check-ins/")(demo))
    page.get_by_role("link", name="Reach out to Sam").first.click()
    assert page.get_by_role("button", name="Send").is_visible()


def reminder_stopped(page, demo, settings):
    from django.core import signing

    from kinwell.checkins.reminders import REMINDER_SALT

    page.goto(f"/check-ins/reminder/stop/{signing.dumps(demo.alex.pk, salt=REMINDER_SALT)}/")
    assert "stopped" in page.locator("h1").inner_text()


def checkins_imported(page, demo, settings):
    """Upload the Daylio sample on the import page: the summary lists what was skipped."""
    from pathlib import Path

    page.goto("/check-ins/import-export/")
    page.get_by_label("Daylio export (CSV)").check()
    page.locator("input[type=file]").set_input_files(Path(__file__).parent.parent / "checkins" / "data" / "daylio_sample.csv")
    submit(page, "Import check-ins")
    assert page.locator("h1").inner_text() == "Your import"
    assert page.locator("table td").first.is_visible()


URGENT_TEXT = "I can't do this anymore. I've been saving my pills and tonight is the night."
DANGER_TEXT = "My husband hits me and he said he will hurt me if I tell anyone."
LONG_BOUNDARY = "I need some quiet after work before we talk about anything big. " * 6


# --- Screening -------------------------------------------------------------------------


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


def urgent_result(page, demo, settings):
    """PHQ-9 with item 9 above 0, all on one page: the result with the urgent panel."""
    from kinwell.screening.services import start_response

    response = start_response(owner=demo.alex, instrument="phq9", mode="all")
    page.goto(f"/screening/responses/{response.pk}/")
    for number in range(1, 10):
        page.locator(f"input[name=phq9_{number}][value='{1 if number == 9 else 0}']").check()
    submit(page, "See my result")
    assert page.locator("#crisis-panel-title").is_visible()


def stopped_reminder(page, demo, settings):
    from kinwell.screening.services import set_reminder

    page.goto(f"/screening/reminders/stop/{set_reminder(owner=demo.alex, instrument='phq9').stop_token}/")


def result_url(made, demo):
    return f"/screening/results/{made[-1].pk}/"


SCREENING_PLAN = (("phq9", 17, 70), ("phq9", 11, 42), ("phq9", 9, 14), ("gad7", 12, 42), ("gad7", 6, 14))

CASES = [
    # Signed out
    Case("out-welcome", "core:home", go("/")),
    Case("out-help-now", "core:help_now", go("/help-now/")),
    Case("out-accessibility", "core:accessibility", go("/accessibility/")),
    Case("out-privacy", "core:privacy", go("/privacy/")),
    Case("out-signup", "accounts:signup", go("/accounts/signup/")),
    Case("out-signup-empty", "accounts:signup", with_errors("/accounts/signup/", "Create account")),
    Case(
        "out-signup-invalid",
        "accounts:signup",
        with_errors(
            "/accounts/signup/",
            "Create account",
            email="alex@example.org",
            password1="short",
            password2="different",
        ),
    ),
    Case("out-login", "accounts:login", go("/accounts/login/")),
    Case("out-login-empty", "accounts:login", with_errors("/accounts/login/", "Log in")),
    Case(
        "out-login-wrong-password",
        "accounts:login",
        with_errors("/accounts/login/", "Log in", username="alex@example.org", password="wrong password"),
    ),
    Case("out-login-locked-out", "accounts:login", locked_out),
    Case("out-password-reset", "accounts:password_reset", go("/accounts/password/reset/")),
    Case(
        "out-password-reset-invalid",
        "accounts:password_reset",
        with_errors("/accounts/password/reset/", "Send the link", email="not an email"),
    ),
    Case("out-password-reset-sent", "accounts:password_reset_done", go("/accounts/password/reset/sent/")),
    Case("out-password-reset-confirm", "accounts:password_reset_confirm", reset_confirm),
    Case("out-password-reset-confirm-errors", "accounts:password_reset_confirm", reset_confirm_errors),
    Case(
        "out-password-reset-confirm-bad-link",
        "accounts:password_reset_confirm",
        go("/accounts/password/reset/MQ/not-a-token/"),
    ),
    Case("out-password-reset-complete", "accounts:password_reset_complete", go("/accounts/password/reset/complete/")),
    Case("out-account-deleted", "accounts:deleted", go("/accounts/deleted/")),
    Case("out-invitation-open", "circles:invitation", invitation("family-link")),
    Case("out-invitation-expired", "circles:invitation", invitation("expired")),
    Case("out-invitation-used", "circles:invitation", invitation("used")),
    Case("out-invitation-revoked", "circles:invitation", invitation("revoked")),
    Case("out-invitation-bad-link", "circles:invitation", go("/invite/not-a-real-token/")),
    Case("out-not-found", NOT_FOUND, go("/no-such-page/")),
    # Signed in, with circles, people, sharing, boundaries, space and invitations
    Case("in-home", "core:home", go("/"), "alex"),
    Case("in-home-no-circles-yet", "core:home", go("/"), "newcomer"),
    Case("in-help-now", "core:help_now", go("/help-now/"), "alex"),
    Case("in-accessibility", "core:accessibility", go("/accessibility/"), "alex"),
    Case("in-privacy", "core:privacy", go("/privacy/"), "alex"),
    Case("in-circle-new", "circles:new", go("/circles/new/"), "alex"),
    Case("in-circle-new-empty", "circles:new", with_errors("/circles/new/", "Create circle"), "alex"),
    Case("in-circle-as-owner", "circles:detail", lambda p, d, s: p.goto(circle_page("")(d)), "alex"),
    Case(
        "in-circle-taking-space", "circles:detail", lambda p, d, s: p.goto(circle_page("", "friends")(d)), "alex"
    ),
    Case(
        "in-member-sharing",
        "circles:member",
        lambda p, d, s: p.goto(circle_page(f"members/{d.sam.pk}/")(d)),
        "alex",
    ),
    Case(
        "in-member-taking-space",
        "circles:member",
        lambda p, d, s: p.goto(circle_page(f"members/{d.jo.pk}/")(d)),
        "alex",
    ),
    Case("in-invite", "circles:invite", lambda p, d, s: p.goto(circle_page("invite/")(d)), "alex"),
    Case("in-invite-link-created", "circles:invite", invite_link_created, "alex"),
    Case(
        "in-invite-invalid",
        "circles:invite",
        with_errors(circle_page("invite/"), "Create invitation link", email="nope", days="0"),
        "alex",
    ),
    Case("in-sharing", "circles:sharing", lambda p, d, s: p.goto(circle_page("sharing/")(d)), "alex"),
    Case(
        "in-sharing-boundary-too-long",
        "circles:sharing",
        with_errors(circle_page("sharing/"), "Add boundary", text=LONG_BOUNDARY),
        "alex",
    ),
    Case(
        "in-sharing-space-date-in-past",
        "circles:sharing",
        with_errors(circle_page("sharing/", "friends"), "Save", until="2020-01-01"),
        "alex",
    ),
    Case("in-leave-as-owner", "circles:leave", lambda p, d, s: p.goto(circle_page("leave/")(d)), "alex"),
    Case("in-leave-as-member", "circles:leave", lambda p, d, s: p.goto(circle_page("leave/", "friends")(d)), "alex"),
    Case("in-invitation-for-me", "circles:invitation", invitation("for-alex"), "alex"),
    Case("in-invitation-already-member", "circles:invitation", invitation("family-link"), "alex"),
    Case("in-settings", "accounts:settings", go("/accounts/settings/"), "alex"),
    Case(
        "in-settings-empty-name",
        "accounts:settings",
        with_errors("/accounts/settings/", "Save settings", display_name=""),
        "alex",
    ),
    Case("in-password-change", "accounts:password_change", go("/accounts/password/"), "alex"),
    Case(
        "in-password-change-errors",
        "accounts:password_change",
        with_errors("/accounts/password/", "Change password", old_password="wrong"),
        "alex",
    ),
    Case("in-access-log", "circles:access_log", go("/settings/access-log/"), "alex"),
    Case("in-tokens", "accounts:tokens", go("/accounts/tokens/"), "alex"),
    Case("in-tokens-created", "accounts:tokens", token_created, "alex"),
    Case("in-tokens-empty-name", "accounts:tokens", with_errors("/accounts/tokens/", "Create token"), "alex"),
    Case("in-my-data", "accounts:data", go("/accounts/data/"), "alex"),
    Case(
        "in-my-data-delete-errors",
        "accounts:data",
        with_errors("/accounts/data/", "Delete my account for good", password="wrong"),
        "alex",
    ),
    # Safety: the plan, supporter guidance, a shared plan, and the crisis panel after a save.
    Case("in-checkins-import-export", "checkins:import_export", go("/check-ins/import-export/"), "alex"),
    Case(
        "in-checkins-import-empty",
        "checkins:import_export",
        with_errors("/check-ins/import-export/", "Import check-ins"),
        "alex",
    ),
    Case("in-checkins-import-summary", "checkins:import_export", checkins_imported, "alex"),
    Case("narrow-in-checkins-import-summary", "checkins:import_export", checkins_imported, "alex", 320),
    Case("es-checkins-import-export", "checkins:import_export", go("/check-ins/import-export/"), "ana"),
    Case("out-supporting", "safety:supporting", go("/supporting-someone/")),
    Case("in-safety-plan", "safety:plan", go("/safety-plan/"), "alex"),
    Case("in-safety-plan-empty", "safety:plan", go("/safety-plan/"), "newcomer"),
    Case("in-safety-plan-print", "safety:plan_print", go("/safety-plan/print/"), "alex"),
    Case(
        "in-member-safety-plan",
        "safety:member_plan",
        lambda p, d, s: p.goto(circle_page(f"members/{d.sam.pk}/safety-plan/")(d)),
        "alex",
    ),
    Case("in-crisis-panel-urgent", "circles:sharing", crisis_panel_after(URGENT_TEXT), "alex"),
    Case("in-crisis-panel-danger", "circles:sharing", crisis_panel_after(DANGER_TEXT), "alex"),
    Case("es-crisis-panel", "circles:sharing", crisis_panel_after("Ya no puedo más, quiero morirme.", "walking"), "ana"),
    Case("narrow-in-crisis-panel", "circles:sharing", crisis_panel_after(URGENT_TEXT), "alex", 320),
    # A circle that does not exist looks exactly like one the person is not in.
    Case("in-circle-not-found", NOT_FOUND, go("/circles/999999/"), "alex"),
    # In Spanish: longer words, a different page language.
    Case("es-home", "core:home", go("/"), "ana"),
    Case("es-circle", "circles:detail", lambda p, d, s: p.goto(circle_page("", "walking")(d)), "ana"),
    Case(
        "es-sharing-errors",
        "circles:sharing",
        with_errors(circle_page("sharing/", "walking"), "Agregar límite"),
        "ana",
    ),
    # The help finder, with the fictional demo directory.
    Case("out-finder", "directory:finder", go("/find-help/")),
    Case("out-finder-results", "directory:finder", finder("?zip=60614&radius=25")),
    Case("out-finder-filtered", "directory:finder",
         finder("?zip=10001&radius=25&therapy=therapy:couples_family&payment=payment:medicaid")),
    Case("out-finder-nothing-near", "directory:finder", finder("?zip=99501&radius=5")),
    Case("out-finder-bad-zip", "directory:finder", with_errors("/find-help/", "Search", zip="00000")),
    Case("out-finder-detail", "directory:detail", finder_detail),
    Case("in-finder-results", "directory:finder", finder("?zip=60614&radius=10"), "alex"),
    Case("es-finder-results", "directory:finder", finder("?zip=10001&radius=25"), "ana"),
    Case("narrow-out-finder-results", "directory:finder", finder("?zip=60614&radius=25"), width=320),
    # At 320 px wide: everything reflows and targets stay apart.
    Case("narrow-out-welcome", "core:home", go("/"), width=320),
    Case("narrow-out-signup-empty", "accounts:signup", with_errors("/accounts/signup/", "Create account"), width=320),
    Case("narrow-in-circle-as-owner", "circles:detail", lambda p, d, s: p.goto(circle_page("")(d)), "alex", 320),
    Case("narrow-in-sharing", "circles:sharing", lambda p, d, s: p.goto(circle_page("sharing/")(d)), "alex", 320),
    Case("narrow-in-tokens", "accounts:tokens", go("/accounts/tokens/"), "alex", 320),
    # Check-ins: the form (empty, with errors, back-filling), the list with a sign and a
    # reply, trends over short and long periods, settings, a circle's check-ins.
    Case("in-checkin-new", "checkins:new", go("/check-ins/new/"), "alex"),
    Case("in-checkin-new-errors", "checkins:new", with_errors("/check-ins/new/", "Save my check-in", stress="12"), "alex"),
    Case("in-checkin-new-open-details", "checkins:new", checkin_form_opened, "alex"),
    Case("narrow-in-checkin-new", "checkins:new", go("/check-ins/new/"), "alex", 320),
    Case("es-checkin-new", "checkins:new", go("/check-ins/new/"), "ana"),
    Case("in-checkins-with-sign", "checkins:mine", go("/check-ins/"), "alex"),
    Case("in-checkins-none-yet", "checkins:mine", go("/check-ins/"), "newcomer"),
    Case("in-checkin-crisis-panel", "checkins:mine", checkin_crisis_panel, "alex"),
    Case("in-checkin-edit", "checkins:edit", lambda p, d, s: p.goto(f"/check-ins/{d.tokens['alex-checkin']}/edit/"), "alex"),
    Case("in-checkin-delete", "checkins:delete", lambda p, d, s: p.goto(f"/check-ins/{d.tokens['alex-checkin']}/delete/"), "alex"),
    Case("in-trends-7", "checkins:trends", go("/check-ins/trends/?days=7"), "alex"),
    Case("in-trends-90", "checkins:trends", go("/check-ins/trends/?days=90"), "alex"),
    Case("in-trends-365-table-open", "checkins:trends", trends_table_opened, "alex"),
    Case("in-trends-empty", "checkins:trends", go("/check-ins/trends/"), "newcomer"),
    Case("narrow-in-trends", "checkins:trends", go("/check-ins/trends/?days=30"), "alex", 320),
    Case("in-checkin-settings", "checkins:settings", go("/check-ins/settings/"), "alex"),
    Case(
        "in-checkin-settings-errors", "checkins:settings",
        with_errors("/check-ins/settings/", "Save my reminder", local_time="later"), "alex",
    ),
    Case("in-circle-checkins", "checkins:circle", lambda p, d, s: p.goto(circle_page("check-ins/")(d)), "alex"),
    Case("in-checkin-reach-out", "checkins:respond", reach_out, "alex"),
    Case(
        "in-checkin-reach-out-too-long", "checkins:respond",
        with_errors(lambda d: f"/circles/{d.family.pk}/check-ins/{d.tokens['sam-checkin']}/respond/", "Send",
                    message="So much to say. " * 30),
        "alex",
    ),
    Case("in-circle-checkins-empty", "checkins:circle", lambda p, d, s: p.goto(circle_page("check-ins/", "friends")(d)), "alex"),
    Case("out-reminder-stopped", "checkins:reminder_link", reminder_stopped),
    # Screening questionnaires
    Case("in-screening-index", "screening:index", screening_page("alex", lambda m, d: "/screening/", *SCREENING_PLAN), "alex"),
    Case("in-screening-index-empty", "screening:index", go("/screening/"), "newcomer"),
    Case("in-screening-start", "screening:start", go("/screening/take/phq9/"), "alex"),
    Case("in-screening-take-one", "screening:take", taking("phq9", "one"), "alex"),
    Case("in-screening-take-all", "screening:take", taking("gad7", "all"), "alex"),
    Case("in-screening-take-errors", "screening:take", taking("gad7", "all", finish_empty=True), "alex"),
    Case("in-screening-result", "screening:result", screening_page("alex", result_url, ("gad7", 12, 1)), "alex"),
    Case("in-screening-result-quick-positive", "screening:result", screening_page("alex", result_url, ("phq2", 4, 1)), "alex"),
    Case("in-screening-result-urgent", "screening:result", urgent_result, "alex"),
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
    Case("es-screening-take-all", "screening:take", taking("phq9", "all", who="ana"), "ana"),
    Case("es-screening-result", "screening:result", screening_page("ana", result_url, ("phq9", 12, 1)), "ana"),
    Case("narrow-in-screening-take-all", "screening:take", taking("phq9", "all"), "alex", 320),
    Case("narrow-in-screening-history", "screening:history", screening_page("alex", lambda m, d: "/screening/history/", *SCREENING_PLAN), "alex", 320),
    # Together (appreciation, the week, time together, nudges) and just-for-me (journal, goals).
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
    Case("es-ideas", "connect:ideas", go("/ideas/"), "ana"),
    Case("es-together-week", "connect:week", lambda p, d, s: p.goto(circle_page("together/week/", "walking")(d)), "ana"),
    Case("narrow-in-together-circle", "connect:circle", together_page(lambda d, a: f"/circles/{d.family.pk}/together/"), "alex", 320),
    Case("narrow-in-plan-my-turn", "connect:plan", together_page(lambda d, a: f"/circles/{d.family.pk}/plans/{a['waiting'].pk}/"), "alex", 320),
    Case("narrow-in-goals", "journal:goals", together_page(lambda d, a: "/goals/"), "alex", 320),
    # Talking together: the coach, a circle's talk page, a guided conversation at every
    # step (as the one who acts and the one who waits), the break, and a conflict round.
    Case("in-talk-home", "talk:home", go("/talk/"), "alex"),
    Case("in-talk-home-no-circle", "talk:home", go("/talk/"), "newcomer"),
    Case("in-coach-empty", "talk:coach", go("/talk/coach/"), "alex"),
    Case("in-coach-findings", "talk:coach", talk.coach_checked("You never listen. Whatever 🙄"), "alex"),
    Case("in-coach-kind", "talk:coach", talk.coach_checked("Thank you for dinner."), "alex"),
    Case("in-coach-errors", "talk:coach", with_errors("/talk/coach/", "Check my draft"), "alex"),
    Case("in-talk-circle", "talk:circle", lambda p, d, s: p.goto(circle_page("talk/")(d)), "alex"),
    Case("in-talk-circle-errors", "talk:circle", with_errors(circle_page("talk/"), "Start the conversation"), "alex"),
    Case("in-talk-conflict-new-errors", "talk:conflict_new", talk.conflict_new_with_errors, "alex"),
    Case("in-conversation-speak", "talk:conversation", talk.conversation_at(), "alex"),
    Case("in-conversation-waiting", "talk:conversation", talk.conversation_at(), "sam"),
    Case("in-conversation-paraphrase", "talk:conversation", talk.conversation_at(talk.SPOKE), "sam"),
    Case("in-conversation-confirm", "talk:conversation", talk.conversation_at(talk.SPOKE, talk.HEARD), "alex"),
    Case("in-conversation-coach", "talk:conversation", talk.conversation_then("check", text="You always do this."), "alex"),
    Case("in-conversation-errors", "talk:conversation", talk.conversation_then("speak"), "alex"),
    Case("in-conversation-break-errors", "talk:conversation", talk.conversation_then("time_out", minutes="5"), "alex"),
    Case("in-conversation-break", "talk:conversation", talk.conversation_on_break(over=False), "alex"),
    Case("in-conversation-break-over", "talk:conversation", talk.conversation_on_break(over=True), "alex"),
    Case("in-conversation-returned", "talk:conversation", talk.conversation_after_return, "alex"),
    Case("in-conversation-ended", "talk:conversation", talk.conversation_ended, "alex"),
    Case("in-conversation-partner-left", "talk:conversation", talk.conversation_partner_left, "alex"),
    Case("narrow-in-conversation-paraphrase", "talk:conversation", talk.conversation_at(talk.SPOKE), "sam", 320),
    Case("es-conversation", "talk:conversation", talk.conversation_at(circle="walking", starter="ana", partner="jo"), "ana"),
    Case("in-conflict-views", "talk:conflict", talk.conflict_at("views"), "alex"),
    Case("in-conflict-errors", "talk:conflict", talk.conflict_with_errors, "alex"),
    Case("in-conflict-reflecting", "talk:conflict", talk.conflict_at("reflecting"), "alex"),
    Case("in-conflict-brainstorming", "talk:conflict", talk.conflict_at("brainstorming"), "alex"),
    Case("in-conflict-agreeing", "talk:conflict", talk.conflict_at("agreeing"), "alex"),
    Case("in-conflict-agreed", "talk:conflict", talk.conflict_at("agreed"), "alex"),
    Case("in-conflict-closed", "talk:conflict", talk.conflict_at("closed"), "alex"),
    Case("narrow-in-conflict-agreeing", "talk:conflict", talk.conflict_at("agreeing"), "alex", 320),
    # The library, replies in every state, reporting and moderation.
    Case("out-library", "library:list", library.library_page("/library/")),
    Case("out-library-search-none", "library:list", library.library_page("/library/?q=zebra")),
    Case("out-library-tag", "library:list", library.library_page("/library/?tag=anxiety&q=talk")),
    Case("out-library-search-too-long", "library:list", library.library_page("/library/?q=" + "calm+" * 30)),
    Case("out-library-real", "library:list", go("/library/")),
    Case("out-library-guidelines", "library:guidelines", go("/library/guidelines/")),
    Case("out-library-article", "library:article", library.library_page(library.ARTICLE, with_conversation=True)),
    Case("out-library-real-article", "library:article", library.real_article),
    Case("in-library-article-held-and-hidden", "library:article", library.library_page(library.ARTICLE, True), "alex"),
    Case("in-library-reply-errors", "library:article", library.reply_errors, "alex"),
    Case("in-library-crisis-reply", "library:article", library.crisis_reply, "newcomer"),
    Case("in-library-respond", "library:respond", library.respond, "alex"),
    Case("in-report", "moderation:report", library.report_form(), "jo"),
    Case("in-report-errors", "moderation:report", library.report_form(errors=True), "jo"),
    Case("in-moderation-queue", "moderation:queue", library.moderation_queue, "alex"),
    Case("in-moderation-log", "moderation:log", library.moderation_log, "alex"),
    Case("es-library-article", "library:article", library.library_page(library.ARTICLE, True), "ana"),
    Case("narrow-library-article", "library:article", library.library_page(library.ARTICLE, True), "alex", 320),
    Case("narrow-moderation-queue", "moderation:queue", library.moderation_queue, "alex", 320),
]

# URL names that are not pages: they answer a POST with a redirect to a page above,
# or send a file rather than a page.
NOT_PAGES = {
    "core:healthz": "JSON for load balancers",
    "accounts:logout": "POST only; redirects to the start page",
    "accounts:download": "a JSON file download",
    "accounts:revoke_token": "POST only; redirects to the tokens page",
    "circles:remove_member": "POST only; redirects to the circle page",
    "circles:transfer": "POST only; redirects to the circle page",
    "circles:revoke_invitation": "POST only; redirects to the invite page",
    "set_language": "POST only; Django's language switch, redirects back",
    "safety:tell_contact": "POST only; redirects to the help-now page",
    "checkins:dismiss_nudge": "POST only; redirects to the check-ins page",
    "checkins:export": "a CSV or JSON file download",
    "screening:discard": "POST only; redirects to the questionnaires page",
    "screening:delete": "POST only; redirects to the history page",
    "screening:reminders": "POST only; redirects to the questionnaires page",
    "screening:fhir": "a FHIR JSON file download",
    "screening:fhir_all": "a FHIR JSON file download",
    "journal:delete_entry": "POST only; redirects to the journal",
    "journal:goal_progress": "POST only; redirects to the goals page",
    "journal:delete_goal": "POST only; redirects to the goals page",
    "connect:delete_win": "POST only; redirects to the circle's appreciation page",
    "connect:delete_gratitude": "POST only; redirects to the gratitude journal",
    "connect:plan_ics": "an .ics file download",
    "connect:calendar_feed": "an .ics calendar feed",
    "talk:conversation_state": "JSON polled by talk.js (has the conversation changed?)",
    "talk:conversation_live": "an HTML fragment talk.js swaps into the conversation page (checked there)",
    "directory:hsds_index": "Open Referral HSDS JSON API",
    "directory:hsds_services": "Open Referral HSDS JSON API",
    "directory:hsds_service": "Open Referral HSDS JSON API",
    "directory:hsds_service_at_locations": "Open Referral HSDS JSON API",
    "directory:hsds_organizations": "Open Referral HSDS JSON API",
    "directory:hsds_taxonomy_terms": "Open Referral HSDS JSON API",
    "moderation:act": "POST only; redirects to the moderation queue",
}
NOT_CHECKED_PREFIXES = ("admin/", "api/", "static")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_page_has_no_axe_violations(case, new_context, settings):
    demo = build_demo()
    context = new_context(
        as_user=getattr(demo, case.who) if case.who else None, viewport={"width": case.width, "height": 720}
    )
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: problems.append(f"console {message.type}: {message.text}")
        if message.type == "error" and message.location.get("url") != page.url
        else None,
    )

    case.visit(page, demo, settings)

    if case.covers == NOT_FOUND:
        assert page.locator("h1").inner_text() == "We could not find that"
    else:
        assert resolve(urlsplit(page.url).path).view_name == case.covers, f"{case.id} ended on {page.url}"
    # "Get help now" is one step away from every page, signed in or not.
    assert page.locator("header a.help-now-link[href='/help-now/']").count() == 1
    assert_no_axe_violations(page)
    assert not problems, "\n".join(problems)


def test_every_page_in_the_url_conf_is_checked():
    routes = {
        route: name
        for route, name in named_patterns()
        if not route.lstrip("^").startswith(NOT_CHECKED_PREFIXES)
    }
    unnamed = sorted(route for route, name in routes.items() if name is None)
    assert not unnamed, f"Name these URL patterns so the accessibility check can track them: {unnamed}"

    names = set(routes.values())
    covered = {case.covers for case in CASES} - {NOT_FOUND}
    missing = sorted(names - covered - set(NOT_PAGES))
    assert not missing, (
        f"These pages have no axe-core case in {__name__}.CASES: {missing}. "
        "Add a Case for each (in every state a person can see it), or list it in NOT_PAGES with the reason."
    )
    stale = sorted((covered | set(NOT_PAGES)) - names)
    assert not stale, f"These URL names are listed but no longer exist: {stale}"


def test_the_axe_check_finds_known_problems(page):
    """The harness itself: axe really runs, with target size on, and says what failed where."""
    page.set_content(
        """<!doctype html><html lang="en"><head><title>Broken on purpose</title></head><body><main>
        <h1>Broken on purpose</h1>
        <p style="color:#bbb;background:#fff">Too faint to read.</p>
        <input type="text" name="unlabelled">
        <button style="width:12px;height:12px;padding:0;margin:0">a</button><button
         style="width:12px;height:12px;padding:0;margin:0">b</button>
        </main></body></html>"""
    )
    violations = axe_violations(page)
    assert {"color-contrast", "label", "target-size"} <= {violation["id"] for violation in violations}
    report = describe_violations(page.url, violations)
    assert "target-size" in report and 'name="unlabelled"' in report
