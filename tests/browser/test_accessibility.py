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

from tests.browser import library_pages as library
from tests.browser.demo import build_demo
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


URGENT_TEXT = "I can't do this anymore. I've been saving my pills and tonight is the night."
DANGER_TEXT = "My husband hits me and he said he will hurt me if I tell anyone."
LONG_BOUNDARY = "I need some quiet after work before we talk about anything big. " * 6

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
    # At 320 px wide: everything reflows and targets stay apart.
    Case("narrow-out-welcome", "core:home", go("/"), width=320),
    Case("narrow-out-signup-empty", "accounts:signup", with_errors("/accounts/signup/", "Create account"), width=320),
    Case("narrow-in-circle-as-owner", "circles:detail", lambda p, d, s: p.goto(circle_page("")(d)), "alex", 320),
    Case("narrow-in-sharing", "circles:sharing", lambda p, d, s: p.goto(circle_page("sharing/")(d)), "alex", 320),
    Case("narrow-in-tokens", "accounts:tokens", go("/accounts/tokens/"), "alex", 320),
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
