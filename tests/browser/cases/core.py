"""The start page, help-now, the accessibility and privacy pages, and not-found: signed out,
signed in (with and without circles), in Spanish and at 320 px."""

from tests.browser.cases.common import NOT_FOUND, Case, go


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
    Case("narrow-out-welcome", "core:home", go("/"), width=320),
]
