"""The installable app's pages: the offline page and "Saved on this device" (what the
service worker shows without a connection), signed out as they are kept, in Spanish and
at 320 px; and the safety plan with its "Keep on this device" section showing."""

from tests.browser.cases.common import Case, go


def plan_kept(page, demo, settings):
    """The safety plan with "Keep on this device" shown and pressed (enhance.js)."""
    page.goto("/safety-plan/")
    page.get_by_role("button", name="Keep on this device for offline use").click()
    page.get_by_role("button", name="Remove from this device").wait_for()

CASES = [
    Case("out-offline", "pwa:offline", go("/offline/")),
    Case("out-offline-saved", "pwa:offline_saved", go("/offline/saved/")),
    Case("in-offline", "pwa:offline", go("/offline/"), "alex"),
    Case("es-offline", "pwa:offline", go("/offline/"), "ana"),
    Case("es-offline-saved", "pwa:offline_saved", go("/offline/saved/"), "ana"),
    Case("narrow-out-offline-saved", "pwa:offline_saved", go("/offline/saved/"), width=320),
    Case("in-safety-plan-kept-on-device", "safety:plan", plan_kept, "alex"),
    Case("narrow-in-safety-plan-kept-on-device", "safety:plan", plan_kept, "alex", 320),
]
