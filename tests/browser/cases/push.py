"""Notifications on your devices: none yet, and with devices listed; in Spanish and at
320 px. The safety plan's "keep on this device" section is checked in safety.py's cases
(it shows on the plan page once JavaScript finds a service worker)."""

from tests.browser.cases.common import Case, go


def with_devices(page, demo, settings):
    from tests.push.fake_push import device_for

    device_for(demo.alex)
    device_for(demo.alex, user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Safari/604.1")
    page.goto("/push/devices/")


CASES = [
    Case("in-push-devices-none", "push:devices", go("/push/devices/"), "alex"),
    Case("in-push-devices", "push:devices", with_devices, "alex"),
    Case("es-push-devices", "push:devices", go("/push/devices/"), "ana"),
    Case("narrow-in-push-devices", "push:devices", with_devices, "alex", 320),
]
