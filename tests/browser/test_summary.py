"""Issue 21's story in a real browser: Maya makes a summary of her last 90 days with her
PHQ-9 and GAD-7 history, prints it (one or two pages, A4 and Letter), downloads it as
FHIR, shares a private link with an expiry, a visitor opens it without JavaScript, Maya
sees the visit in her access log, closes the link, and the link then finds nothing."""

import json
import re
from datetime import timedelta
from urllib.parse import urlsplit

import fhirkit
import pytest
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from playwright.sync_api import expect

from kinwell.checkins import services as checkin_services
from kinwell.summary.models import ClinicianLink
from tests.factories import UserFactory, screening_result

pytestmark = pytest.mark.browser

PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


def pdf_pages(page, paper: str) -> int:
    return len(PDF_PAGE.findall(page.pdf(format=paper, print_background=False)))


@pytest.fixture
def maya(db):
    person = UserFactory(display_name="Maya", email="maya@example.org")
    now = timezone.now()
    for key, total, days in (("phq9", 17, 150), ("phq9", 14, 84), ("phq9", 11, 56), ("phq9", 8, 28), ("phq9", 6, 2),
                             ("gad7", 13, 80), ("gad7", 10, 42), ("gad7", 6, 3)):
        screening_result(person, key, total=total, when=now - timedelta(days=days))
    today = timezone.localdate()
    for offset in range(88, 0, -2):
        checkin_services.record_checkin(
            owner=person, day=today - timedelta(days=offset), mood=2 if offset > 45 else 4, stress=7 if offset > 45 else 3,
            sleep_hours="5.5" if offset > 45 else "7.5", recorded_at=now - timedelta(days=offset),
            note="Slept badly before the exam." if offset == 60 else "A long walk with Sam helped." if offset == 10 else "",
        )
    return person


def test_maya_prints_downloads_shares_and_revokes_a_summary(new_context, maya, live_server):
    page = new_context(as_user=maya).new_page()

    # Choose: the last 90 days (the default), PHQ-9 and GAD-7, trends and signs; one note picked by hand.
    page.goto("/")
    page.locator("summary", has_text="Me").click()
    page.get_by_role("link", name="Summary for a clinician").click()
    expect(page.get_by_label("The last 90 days")).to_be_checked()
    expect(page.get_by_label("PHQ-9")).to_be_checked()
    expect(page.get_by_label("GAD-7")).to_be_checked()
    note = page.get_by_label(re.compile("A long walk with Sam"))
    expect(note).not_to_be_checked()
    note.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Make my summary").click()
    main = page.locator("main")
    expect(page.locator("h1")).to_have_text("Summary for a clinician")
    expect(main).to_contain_text("This is not a diagnosis")
    expect(main).to_contain_text("Pfizer")
    expect(main).to_contain_text("A long walk with Sam helped.")
    expect(main).not_to_contain_text("Slept badly before the exam.")
    expect(page.locator("table").first).to_contain_text("Moderate")
    assert "<td>17</td>" not in page.content()  # 150 days ago: outside the period

    # Print: the site's chrome and the actions leave the page; one or two pages on A4 and on Letter.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Make a private link")).to_be_hidden()
    expect(main).to_contain_text("not a diagnosis")
    pages = {paper: pdf_pages(page, paper) for paper in ("A4", "Letter")}
    print(f"printed summary: {pages}")
    assert all(1 <= count <= 2 for count in pages.values()), pages
    page.emulate_media(media="screen")

    # FHIR: the same content, valid for fhir.resources and for an independent R4 validator.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as FHIR (for health records)").click()
    raw = open(download.value.path(), encoding="utf-8").read()
    bundle = Bundle.model_validate_json(raw)
    assert [str(issue) for issue in fhirkit.validate(json.loads(raw))] == []
    totals = sorted(e.resource.valueQuantity.value for e in bundle.entry
                    if e.resource.__resource_type__ == "Observation" and e.resource.code.coding[0].system == "http://loinc.org")
    assert totals == [6, 6, 8, 10, 11, 13, 14]

    # A private link, open for 30 days.
    page.get_by_label("Who is it for? (optional)").fill("Dr. Rivera")
    page.get_by_label("Open for how many days?").fill("30")
    with page.expect_navigation():
        page.get_by_role("button", name="Make a private link").click()
    address = page.locator("#new-link").inner_text()
    path = urlsplit(address).path
    assert path.startswith("/for-clinician/")
    link = ClinicianLink.objects.get(label="Dr. Rivera")
    assert timedelta(days=29, hours=23) < link.expires_at - timezone.now() <= timedelta(days=30)

    # A visitor, signed out and without JavaScript, reads exactly the summary and nothing else.
    visitor = new_context(javascript=False).new_page()
    answer = visitor.goto(path)
    assert answer.status == 200 and answer.headers["referrer-policy"] == "no-referrer"
    expect(visitor.locator("h1")).to_have_text("Summary shared by Maya")
    expect(visitor.locator("main")).to_contain_text("A long walk with Sam helped.")
    expect(visitor.locator("main")).to_contain_text("not a diagnosis")
    assert visitor.locator("a, nav, form").count() == 0

    # Maya sees the visit in who viewed her data, and on the summary.
    page.goto("/settings/access-log/")
    expect(page.locator("main")).to_contain_text("Your clinician link “Dr. Rivera” was opened")
    page.goto(f"/summary/{link.summary_id}/")
    expect(page.locator("main")).to_contain_text("Viewed 1 time.")

    # She closes it; the link then finds nothing, and says nothing about why.
    with page.expect_navigation():
        page.get_by_role("button", name="Close the link for Dr. Rivera").click()
    expect(page.locator(".messages")).to_contain_text("That link is closed.")
    expect(page.locator("main")).to_contain_text("closed by you")
    answer = visitor.goto(path)
    assert answer.status == 404
    expect(visitor.locator("h1")).to_have_text("We could not find that")
    expect(visitor.locator("main")).not_to_contain_text("Maya")
