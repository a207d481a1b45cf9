"""Safety: the plan, supporter guidance, a shared plan, and the crisis panel on the page
after saving a free text that suggests a crisis."""

from tests.browser.cases.common import URGENT_TEXT, Case, circle_page, go


DANGER_TEXT = "My husband hits me and he said he will hurt me if I tell anyone."


def crisis_panel_after(text, circle="family"):
    """Save a free text that suggests a crisis: the page after the save shows the panel."""

    def visit(page, demo, settings):
        page.goto(circle_page("sharing/", circle)(demo))
        page.locator("textarea[name=text]").fill(text)
        page.locator("form:has(input[value=boundary]) button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".crisis-panel").is_visible(), f"No crisis panel on {page.url}"

    return visit


def say_no_link(*, done):
    """The page behind the link a newly chosen contact gets, before and after saying no."""

    def visit(page, demo, settings):
        from kinwell.safety.services import decline_token

        page.goto(f"/chosen/say-no/{decline_token(owner_id=demo.alex.pk, person_id=demo.sam.pk, role='crisis_contact')}/")
        if done:
            with page.expect_navigation():
                page.get_by_role("button", name="No, please do not ask me").click()

    return visit


CASES = [
    Case("out-chosen-say-no", "safety:decline", say_no_link(done=False)),
    Case("out-chosen-said-no", "safety:decline", say_no_link(done=True)),
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
    Case("narrow-in-crisis-panel-danger", "circles:sharing", crisis_panel_after(DANGER_TEXT), "alex", 320),
]
