"""The help finder ("Find help near you"), with the fictional demo directory loaded."""

from tests.browser.cases.common import Case, go, with_errors


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


CASES = [
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
]
