"""axe-core (WCAG 2.0/2.1/2.2 A and AA, target size on) on every page a signed-out
or signed-in person can reach, in the states that matter: with demo-like data,
after an action, and with form errors showing.

The cases live in tests/browser/cases/<app>.py (a `CASES` list each); this module
collects them all and runs each in a fresh browser context.
`test_every_page_in_the_url_conf_is_checked` makes sure a new URL cannot be added
without a case there (or a stated reason here, in NOT_PAGES, why it is not a page).
"""

import importlib
import pkgutil
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve

from tests.browser import cases
from tests.browser.cases.common import NOT_FOUND
from tests.browser.demo import build_demo
from tests.browser.support import assert_no_axe_violations, axe_violations, describe_violations
from tests.urlconf import named_patterns

pytestmark = pytest.mark.browser


def collect_cases():
    """Every case module's CASES, in module-name order; a case id may be used only once."""
    collected = []
    for module_info in sorted(pkgutil.iter_modules(cases.__path__), key=lambda info: info.name):
        if module_info.name == "common":
            continue
        module = importlib.import_module(f"{cases.__name__}.{module_info.name}")
        collected.extend(module.CASES)
    ids = [case.id for case in collected]
    repeated = sorted({case_id for case_id in ids if ids.count(case_id) > 1})
    if repeated:
        raise ValueError(f"These axe case ids are used more than once: {repeated}")
    return collected


CASES = collect_cases()

# URL names that are not pages: they answer a POST with a redirect to a page above,
# or send a file rather than a page.
NOT_PAGES = {
    "core:healthz": "JSON for load balancers",
    "accounts:logout": "POST only; redirects to the start page",
    "accounts:download": "a JSON file download",
    "accounts:revoke_token": "POST only; redirects to the tokens page",
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
    "directory:hsds_openapi": "the HSDS API's OpenAPI JSON document",
    "directory:hsds_service_at_location": "Open Referral HSDS JSON API",
    "directory:hsds_organization": "Open Referral HSDS JSON API",
    "directory:hsds_taxonomies": "Open Referral HSDS JSON API",
    "directory:hsds_taxonomy": "Open Referral HSDS JSON API",
    "directory:hsds_taxonomy_term": "Open Referral HSDS JSON API",
    "moderation:act": "POST only; redirects to the moderation queue",
    "support:build_together": "POST only; redirects to the support plan",
    "support:start_over": "POST only; redirects to the support plan's start page",
    "support:save_service": "POST only; redirects back to the help finder",
    "support:step_done": "POST only; redirects to the support plan",
    "support:remove_step": "POST only; redirects to the support plan",
    "support:stop_together": "POST only; redirects to the support plan",
    "summary:fhir": "a FHIR JSON file download",
    "summary:revoke_link": "POST only; redirects to the summary",
    "summary:delete": "POST only; redirects to the summaries page",
    "daily:swap": "POST only; redirects to today's question",
    "daily:react": "POST only; redirects to the day's question",
    "pwa:manifest": "the web app manifest (JSON)",
    "pwa:service_worker": "the service worker script",
    "push:subscribe": "POST only; JSON from devices.js",
    "push:remove": "POST only; redirects to the devices page",
    "checkins:quick": "POST only (home's one-tap check-in); redirects to home",
    "cards:draw": "a GET that redirects to the card drawn",
    "cards:favourite": "POST only; redirects to the card or the favourites",
}
# Pages with a layout of their own and no way into the rest of Kinwell (so no site
# header, not even "Get help now"): the clinician link, found or not.
OWN_LAYOUT = {"summary:shared"}
NOT_CHECKED_PREFIXES = ("admin/", "api/", "static")


def _view_name(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


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
    if _view_name(page.url) in OWN_LAYOUT:
        assert page.locator("header a, nav").count() == 0
    else:
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
        f"These pages have no axe-core case: {missing}. Add a Case for each (in every state a person "
        "can see it) to CASES in tests/browser/cases/<app>.py, or list it in NOT_PAGES with the reason."
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
