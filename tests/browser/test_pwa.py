"""The installable app in a real browser: the manifest, the service worker, what opens
offline (help-now, the offline page, the safety plan only once kept), a check-in made
offline saved exactly once when the connection returns, and push turned on per device."""

import json
import struct

import pytest
from playwright.sync_api import expect

from kinwell.checkins.models import CheckIn
from kinwell.safety import services as safety_services
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


# The first page of a fresh browser also installs the worker, which fetches the pages it
# keeps: on a busy machine that can take longer than the usual few seconds.
FIRST_VISIT_MS = 20_000


def worker_ready(page):
    """Waits until the service worker is installed (help-now and the offline pages kept)
    and controls this page."""
    script = page.evaluate("navigator.serviceWorker.ready.then(registration => registration.active.scriptURL)")
    assert script.endswith("/sw.js")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=FIRST_VISIT_MS)


def go_offline(context):
    # Chromium's offline emulation does not reach a service worker's own fetches; those
    # are cut here, so the worker sees what it sees on a phone without a signal.
    context.set_offline(True)
    context.route("**/*", lambda route: route.abort("internetdisconnected") if route.request.service_worker
                  else route.continue_())


def go_online(context):
    context.unroute("**/*")
    context.set_offline(False)


# The keys of the check-ins kept on the device, waiting to be sent.
KEPT = """new Promise(resolve => {
    const opening = indexedDB.open("kinwell-outbox");
    opening.onsuccess = () => {
        const request = opening.result.transaction("checkins").objectStore("checkins").getAll();
        request.onsuccess = () => resolve(request.result.map(item => item.key));
    };
})"""


def png_size(body: bytes) -> tuple[int, int]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", body[16:24])


def test_the_manifest_is_valid_and_the_worker_registers(page):
    page.goto("/", timeout=FIRST_VISIT_MS)
    href = page.locator("link[rel=manifest]").get_attribute("href")
    manifest_response = page.request.get(href)
    assert manifest_response.headers["content-type"].startswith("application/manifest+json")
    manifest = json.loads(manifest_response.body())
    for field in ("name", "short_name", "start_url", "scope", "display", "icons", "theme_color", "background_color"):
        assert manifest[field], field
    for icon in manifest["icons"]:
        body = page.request.get(icon["src"]).body()
        width, height = png_size(body)
        assert icon["sizes"] == f"{width}x{height}"
    worker_ready(page)


def test_help_now_and_the_offline_page_open_without_a_connection(new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/", timeout=FIRST_VISIT_MS)
    worker_ready(page)
    go_offline(context)
    page.goto("/help-now/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    expect(page.get_by_role("link", name="Call 988", exact=True).first).to_have_attribute("href", "tel:988")
    page.goto("/library/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline")
    expect(page.get_by_role("link", name="Text HOME to 741741")).to_be_visible()
    page.get_by_role("link", name="Get help now").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")


def test_a_check_in_made_offline_is_kept_then_saved_exactly_once(new_context):
    person = UserFactory(display_name="Rae")
    context = new_context(as_user=person)
    page = context.new_page()
    page.goto("/check-ins/new/", timeout=FIRST_VISIT_MS)
    worker_ready(page)

    go_offline(context)
    page.get_by_role("radio", name="Sad", exact=True).check()  # the mood meter's "Sad" is mood 2
    page.get_by_label("A note, just for you unless you share notes").fill("Written on the train, no signal")
    page.get_by_role("button", name="Save my check-in").click()
    expect(page.locator("[data-kept-status]")).to_have_text(
        "Saved on this device — it will be sent when you're back online.")
    assert not CheckIn.objects.filter(owner=person).exists()
    kept = page.evaluate(KEPT)
    assert len(kept) == 1

    go_online(context)  # the page hears "online" and asks the worker to send what it kept
    # A first try may meet a connection not quite back; the page asks again after 2 s.
    expect(page.locator("[data-kept-status]")).to_have_text("Sent. Your check-in is saved in Kinwell.",
                                                            timeout=FIRST_VISIT_MS)
    assert page.evaluate(KEPT) == []
    # Asked again (another page load, a second "online"), nothing is sent twice.
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.goto("/check-ins/")
    expect(page.locator("main")).to_contain_text("Checked in. Thank you for taking a moment for yourself.")
    saved = CheckIn.objects.get(owner=person)
    assert (saved.mood, saved.note) == (2, "Written on the train, no signal")


def test_the_safety_plan_opens_offline_only_once_kept_and_never_after_log_out(new_context):
    person = UserFactory(display_name="Rae")
    safety_services.update_plan(owner=person, reasons_for_living="My sister. The sea.")
    context = new_context(as_user=person)
    page = context.new_page()
    page.goto("/safety-plan/", timeout=FIRST_VISIT_MS)
    worker_ready(page)

    def offline_visit():
        go_offline(context)
        page.goto("/safety-plan/")
        heading = page.get_by_role("heading", level=1).inner_text()
        go_online(context)
        return heading

    assert offline_visit() == "You're offline"

    page.goto("/safety-plan/")
    page.get_by_role("button", name="Keep on this device for offline use").click()
    expect(page.locator("[data-keep-offline] [role=status]")).to_have_text(
        "Your safety plan is kept on this device. It opens even without the internet.")
    assert offline_visit() == "My safety plan"
    go_offline(context)
    page.goto("/safety-plan/")
    expect(page.get_by_label("My reasons for living")).to_have_value("My sister. The sea.")
    go_online(context)

    page.goto("/safety-plan/")
    page.get_by_role("button", name="Remove from this device").click()
    expect(page.get_by_role("button", name="Keep on this device for offline use")).to_be_visible()
    assert offline_visit() == "You're offline"

    # Kept again, then logging out takes it off the device (a shared phone keeps nothing).
    page.goto("/safety-plan/")
    page.get_by_role("button", name="Keep on this device for offline use").click()
    expect(page.get_by_role("button", name="Remove from this device")).to_be_visible()
    page.locator(".site-nav summary", has_text="Me").click()  # Log out is the last of "Me"
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")).to_be_visible()
    assert page.evaluate("caches.has('kinwell-plan')") is False
    assert offline_visit() == "You're offline"


def test_push_is_asked_for_only_when_the_person_presses_the_button(new_context):
    person = UserFactory(display_name="Rae")
    page = new_context(as_user=person).new_page()
    page.goto("/accounts/settings/")
    page.get_by_role("link", name="Notifications on your devices").click()
    expect(page.get_by_role("button", name="Turn on notifications for this device")).to_be_visible()
    expect(page.get_by_text("needs JavaScript")).to_be_hidden()
    assert page.evaluate("Notification.permission") == "default"


def test_without_javascript_the_devices_page_lists_and_removes_devices(new_context):
    from kinwell.push.models import PushDevice
    from tests.push.fake_push import device_for

    person = UserFactory(display_name="Rae")
    device_for(person)
    page = new_context(as_user=person, javascript=False).new_page()
    page.goto("/push/devices/")
    expect(page.get_by_text("Turning notifications on needs JavaScript")).to_be_visible()
    expect(page.get_by_role("button", name="Turn on notifications for this device")).to_be_hidden()
    page.get_by_role("button", name="Remove Chrome · Android").click()
    expect(page.get_by_text("That device will get no more notifications from Kinwell.")).to_be_visible()
    assert not PushDevice.objects.filter(owner=person).exists()
