"""Check-ins: the form (empty, with errors, back-filling), the list with a sign and a reply,
trends over short and long periods, settings, a circle's check-ins, reaching out,
stopping reminders, and import/export."""

from pathlib import Path

from tests.browser.cases.common import URGENT_TEXT, Case, circle_page, go, submit, with_errors

DAYLIO_SAMPLE = Path(__file__).parents[2] / "checkins" / "data" / "daylio_sample.csv"


def checkin_form_opened(page, demo, settings):
    page.goto("/check-ins/new/")
    for summary in page.locator("main details summary").all():
        summary.click()
    assert page.locator("input[name=feelings]").first.is_visible()


def checkin_crisis_panel(page, demo, settings):
    page.goto("/check-ins/new/")
    page.locator("label.meter__choice", has_text="Hopeless").click()
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
    submit(page, "Stop the reminders")  # opening the link changes nothing; the button does
    assert "stopped" in page.locator("h1").inner_text()


def reminder_link_opened(page, demo, settings):
    from django.core import signing

    from kinwell.checkins.reminders import REMINDER_SALT

    page.goto(f"/check-ins/reminder/snooze/{signing.dumps(demo.alex.pk, salt=REMINDER_SALT)}/")


def checkins_imported(page, demo, settings):
    """Upload the Daylio sample on the import page: the summary lists what was skipped."""
    page.goto("/check-ins/import-export/")
    page.get_by_label("Daylio export (CSV)").check()
    page.locator("input[type=file]").set_input_files(DAYLIO_SAMPLE)
    submit(page, "Import check-ins")
    assert page.locator("h1").inner_text() == "Your import"
    assert page.locator("table td").first.is_visible()


def checkins_import_in_progress(page, demo, settings):
    """An import the worker is still reading: the progress bar and the Refresh link."""
    from kinwell.checkins.models import CheckInImport

    job = CheckInImport.objects.create(owner=demo.alex, format="daylio", status="reading", rows_done=500,
                                       rows_total=2000)
    page.goto(f"/check-ins/imports/{job.pk}/")
    assert page.locator("progress").get_attribute("value") == "500"
    assert page.get_by_role("link", name="Refresh").is_visible()
def meter_word_chosen(page, demo, settings):
    page.goto("/check-ins/new/")
    page.get_by_role("radio", name="Calm", exact=True).check()
    assert page.locator(".meter__choice:has(input:checked)").inner_text().strip().startswith("Calm")


def quick_checked_in(page, demo, settings):
    page.goto("/")
    submit(page, "Content")
    assert page.get_by_role("heading", name="You checked in today").is_visible()


CASES = [
    Case("in-checkin-new-meter-chosen", "checkins:new", meter_word_chosen, "alex"),
    Case("narrow-es-checkin-new", "checkins:new", go("/check-ins/new/"), "ana", 320),
    Case("in-home-quick-checkin", "core:home", go("/"), "newcomer"),
    Case("narrow-in-home-quick-checkin", "core:home", go("/"), "newcomer", 320),
    Case("es-home-quick-checkin", "core:home", go("/"), "ana"),
    Case("in-home-quick-checked-in", "core:home", quick_checked_in, "newcomer"),
    Case("narrow-es-trends", "checkins:trends", go("/check-ins/trends/?days=30"), "ana", 320),
    Case("in-checkins-import-export", "checkins:import_export", go("/check-ins/import-export/"), "alex"),
    Case(
        "in-checkins-import-empty",
        "checkins:import_export",
        with_errors("/check-ins/import-export/", "Import check-ins"),
        "alex",
    ),
    Case("in-checkins-import-summary", "checkins:import_status", checkins_imported, "alex"),
    Case("narrow-in-checkins-import-summary", "checkins:import_status", checkins_imported, "alex", 320),
    Case("in-checkins-import-progress", "checkins:import_status", checkins_import_in_progress, "alex"),
    Case("es-checkins-import-export", "checkins:import_export", go("/check-ins/import-export/"), "ana"),
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
    Case("out-reminder-link-opened", "checkins:reminder_link", reminder_link_opened),
]
