"""The start page, help-now, the accessibility and privacy pages, and not-found: signed out,
signed in (with and without circles), in Spanish and at 320 px."""

from tests.browser.cases.common import NOT_FOUND, Case, go


def nav_group_open(name):
    """The start page with one of the main navigation's groups open (base.html)."""

    def visit(page, demo, settings):
        page.goto("/")
        page.locator(".site-nav summary", has_text=name).click()
        assert page.locator(".site-nav details[open] a").first.is_visible()

    return visit


CASES = [
    Case("out-welcome", "core:home", go("/")),
    Case("out-help-now", "core:help_now", go("/help-now/")),
    Case("out-accessibility", "core:accessibility", go("/accessibility/")),
    Case("out-privacy", "core:privacy", go("/privacy/")),
    Case("out-not-found", NOT_FOUND, go("/no-such-page/")),
    Case("in-home", "core:home", go("/"), "alex"),
    Case("in-home-no-circles-yet", "core:home", go("/"), "newcomer"),
    Case("in-help-now", "core:help_now", go("/help-now/"), "alex"),
    Case("in-accessibility", "core:accessibility", go("/accessibility/"), "alex"),
    Case("in-privacy", "core:privacy", go("/privacy/"), "alex"),
    Case("es-home", "core:home", go("/"), "ana"),
    # Help-now carries the quick exit: in Spanish (AYUDA, 988 in Spanish first) and on a phone.
    Case("es-help-now", "core:help_now", go("/help-now/"), "ana"),
    Case("narrow-out-help-now", "core:help_now", go("/help-now/"), width=320),
    Case("narrow-out-welcome", "core:home", go("/"), width=320),
    # The main navigation, on every page, with a group open.
    Case("out-nav-help-open", "core:home", nav_group_open("Help")),
    Case("in-nav-me-open", "core:home", nav_group_open("Me"), "alex"),
    Case("es-nav-me-open", "core:home", nav_group_open("Para mí"), "ana"),
    Case("narrow-in-nav-together-open", "core:home", nav_group_open("Together"), "alex", 320),
    Case("narrow-out-nav-help-open", "core:home", nav_group_open("Help"), width=320),
]
