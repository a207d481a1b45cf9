"""Screening in a real browser: PHQ-9 one question per screen and GAD-7 all on one page,
by keyboard alone; history, the printable summary and the FHIR download; and PHQ-9
item 9 with JavaScript off, which must bring the urgent crisis panel."""

import pytest
from fhir.resources.R4B.bundle import Bundle
from playwright.sync_api import expect

from kinwell.screening.models import Response
from tests.browser.support import next_tab_is, path_of, press_and_wait, skip_to_main, start_in_main, tab_to
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def choose_by_keyboard(page, name: str, value: int) -> None:
    """Tab into a radio group (focus lands on its first choice), move with the arrow keys."""
    tab_to(page, f"input[name={name}]")
    if value == 0:
        page.keyboard.press("Space")
    for _ in range(value):
        page.keyboard.press("ArrowDown")
    assert page.locator(f"input[name={name}]:checked").get_attribute("value") == str(value)


def test_phq9_and_gad7_by_keyboard_then_history_summary_and_fhir(new_context):
    person = UserFactory(display_name="Kim")
    page = new_context(as_user=person).new_page()

    # PHQ-9, one question per screen (the default choice).
    page.goto("/screening/take/phq9/")
    skip_to_main(page)
    tab_to(page, "main button[type=submit]")
    press_and_wait(page)
    for number in range(1, 10):
        expect(page.locator("#progress")).to_have_text(f"Question {number} of 10")
        start_in_main(page)
        choose_by_keyboard(page, f"phq9_{number}", 0 if number == 9 else 1)
        next_tab_is(page, "button[value=next]")
        press_and_wait(page)
    # The difficulty question is optional: straight to the result.
    start_in_main(page)
    tab_to(page, "button[value=finish]")
    press_and_wait(page)
    expect(page.locator("h1")).to_have_text("Your PHQ-9 result")
    expect(page.locator("main")).to_contain_text("8 out of 27: Mild")
    expect(page.locator("main")).to_contain_text("This is not a diagnosis")
    expect(page.locator(".crisis-panel")).to_have_count(0)

    # GAD-7, all questions on one page.
    page.goto("/screening/take/gad7/")
    skip_to_main(page)
    tab_to(page, "input[name=mode]")
    page.keyboard.press("ArrowDown")
    assert page.locator("input[name=mode]:checked").get_attribute("value") == "all"
    tab_to(page, "main button[type=submit]")
    press_and_wait(page)
    start_in_main(page)
    for number in range(1, 8):
        choose_by_keyboard(page, f"gad7_{number}", 2)
    tab_to(page, "button[value=finish]")
    press_and_wait(page)
    expect(page.locator("main")).to_contain_text("14 out of 21: Moderate")
    assert [(r.instrument, r.total) for r in Response.objects.order_by("completed_at")] == [("phq9", 8), ("gad7", 14)]

    # History: chart and table; the printable summary hides the site chrome in print.
    page.goto("/screening/history/")
    expect(page.locator("svg[role=img] title")).to_have_count(2)
    expect(page.locator("table").first).to_contain_text("Mild")
    page.goto("/screening/summary/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("main")).to_contain_text("not a diagnosis")
    page.emulate_media(media="screen")

    # FHIR: download by keyboard, parse back, validate.
    page.goto("/screening/history/")
    skip_to_main(page)
    tab_to(page, "a[href='/screening/fhir.json']")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    bundle = Bundle.model_validate_json(open(download.value.path(), encoding="utf-8").read())
    totals = [e.resource.valueQuantity.value for e in bundle.entry if e.resource.__resource_type__ == "Observation"]
    assert totals == [8, 14]


def test_item_9_without_javascript_brings_the_urgent_panel(new_context):
    person = UserFactory(display_name="Lee")
    page = new_context(as_user=person, javascript=False).new_page()
    page.goto("/screening/take/phq9/")
    page.get_by_label("All questions on one page").check()
    page.get_by_role("button", name="Start").click()
    for number in range(1, 10):
        page.locator(f"input[name=phq9_{number}][value='{2 if number == 9 else 0}']").check()
    page.get_by_role("button", name="See my result").click()
    assert path_of(page).startswith("/screening/results/")
    panel = page.locator(".crisis-panel--urgent").first
    expect(panel).to_be_visible()
    expect(page.locator("#crisis-panel-title")).to_have_text("You don’t have to go through this alone")
    expect(page.locator("main")).to_contain_text("2 out of 27: Minimal")
    expect(page.locator("main a[href='/help-now/']").first).to_be_visible()
