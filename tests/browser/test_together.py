"""Two people plan time together from two browsers, by keyboard alone: one proposes,
the other suggests another time, the first accepts, and the .ics downloads and parses."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kinwell.connect.models import PlannedDate
from tests.browser.support import next_tab_is, path_of, press_and_wait, start_in_main, tab_to, type_into_next
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.browser


def type_when(page, *, day, time_text: str) -> None:
    """Chromium's date and time fields take typed digits segment by segment (en-US order)."""
    next_tab_is(page, "main [name=day]")
    page.keyboard.type(day.strftime("%m%d%Y"))
    # Tab may first visit the field's own parts (segments, the picker button) before leaving it.
    tab_to(page, "main [name=start]", max_tabs=4)
    page.keyboard.type(time_text)
    tab_to(page, "main [name=minutes]", max_tabs=4)


def test_two_people_propose_suggest_accept_and_download_the_ics(new_context):
    maya = UserFactory(display_name="Maya", time_zone="Europe/Lisbon")
    jordan = UserFactory(display_name="Jordan", time_zone="Europe/Lisbon")
    circle = CircleFactory(name="Maya & Jordan", owner=maya, members=[jordan])
    day = timezone.localdate() + timedelta(days=9)

    # Maya proposes, from the activity idea list.
    maya_page = new_context(as_user=maya).new_page()
    maya_page.goto("/ideas/?place=home&cost=free&length=15")
    start_in_main(maya_page)
    tab_to(maya_page, f"main a[href='/circles/{circle.pk}/plans/?idea=tea-talk']", max_tabs=60)
    press_and_wait(maya_page)
    start_in_main(maya_page)
    tab_to(maya_page, "#id_invitee", max_tabs=60)
    next_tab_is(maya_page, "#id_title")
    assert maya_page.locator("#id_title").input_value() == "Tea and a real question"
    type_when(maya_page, day=day, time_text="0730PM")
    type_into_next(maya_page, "#id_message", "Our balcony, after dinner?")
    next_tab_is(maya_page, "main form button[type=submit]")
    press_and_wait(maya_page)
    expect(maya_page.locator(".messages")).to_contain_text("Your suggestion is sent to Jordan.")
    plan = PlannedDate.objects.get()
    assert plan.starts_at.astimezone(ZoneInfo("Europe/Lisbon")).hour == 19
    assert plan.activity == "tea-talk"

    # Jordan, in another browser, suggests another time.
    jordan_page = new_context(as_user=jordan).new_page()
    jordan_page.goto(f"/circles/{circle.pk}/plans/{plan.pk}/")
    expect(jordan_page.locator("main")).to_contain_text("Our balcony, after dinner?")
    start_in_main(jordan_page)
    tab_to(jordan_page, "main button[value=accept]", max_tabs=60)
    next_tab_is(jordan_page, "main button[value=decline]")
    type_when(jordan_page, day=day + timedelta(days=1), time_text="0800PM")
    type_into_next(jordan_page, "#id_message", "Saturday is calmer for me")
    next_tab_is(jordan_page, "main form:has(input[value=suggest]) button[type=submit]")
    press_and_wait(jordan_page)
    expect(jordan_page.locator(".messages")).to_contain_text("Your suggestion is sent.")
    expect(jordan_page.locator("main")).to_contain_text("Waiting for Maya to answer.")

    # Maya accepts the new time, then downloads the .ics.
    maya_page.goto(f"/circles/{circle.pk}/plans/{plan.pk}/")
    expect(maya_page.locator("main")).to_contain_text("Saturday is calmer for me")
    start_in_main(maya_page)
    tab_to(maya_page, "main button[value=accept]", max_tabs=60)
    press_and_wait(maya_page)
    expect(maya_page.locator(".messages")).to_contain_text("It's a date.")
    start_in_main(maya_page)
    tab_to(maya_page, "main a[download]", max_tabs=60)
    with maya_page.expect_download() as download_info:
        maya_page.keyboard.press("Enter")
    download = download_info.value
    assert re.fullmatch(r"kinwell-plan-\d+\.ics", download.suggested_filename)
    with open(download.path(), "rb") as file:
        event = icalendar.Calendar.from_ical(file.read()).walk("VEVENT")[0]
    assert str(event["summary"]) == "Tea and a real question, with Jordan"
    start = event.decoded("dtstart")
    assert (start.date(), start.hour, str(event["dtstart"].params["TZID"])) == (
        day + timedelta(days=1), 20, "Europe/Lisbon"
    )
    assert event.decoded("dtend") - start == timedelta(minutes=15)
    assert path_of(maya_page) == f"/circles/{circle.pk}/plans/{plan.pk}/"
