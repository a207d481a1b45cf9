"""Notification settings (with and without a push channel to offer, with errors, in
Spanish, at 320 px) and the one-click unsubscribe page before and after the button."""

from tests.browser.cases.common import Case, go, submit, with_errors

SETTINGS = "/accounts/settings/notifications/"


def unsubscribe_path(demo, group="reminders"):
    from django.urls import reverse

    from kinwell.notifications.tokens import unsubscribe_token

    return reverse("notifications:unsubscribe", args=[unsubscribe_token(user=demo.alex, group=group)])


def unsubscribe_opened(page, demo, settings):
    page.goto(unsubscribe_path(demo))


def unsubscribed(page, demo, settings):
    page.goto(unsubscribe_path(demo, "all"))
    submit(page, "Stop these notices")
    assert "Turned off" in page.locator("h1").inner_text()


def settings_saved(page, demo, settings):
    page.goto(SETTINGS)
    page.get_by_label("Quiet hours start").fill("22:00")
    page.get_by_label("Quiet hours end").fill("07:00")
    submit(page, "Save notification settings")


def with_push_offered(page, demo, settings):
    from kinwell.notifications import channels

    channels.register_channel("push", deliver=lambda *, user, message: True, reachable=lambda *, user: True)
    try:
        page.goto(SETTINGS)
        assert page.locator("input[value='push']").count() == 5
    finally:
        channels._channels.pop("push", None)


CASES = [
    Case("in-notification-settings", "notifications:settings", go(SETTINGS), "alex"),
    Case("in-notification-settings-saved", "notifications:settings", settings_saved, "alex"),
    Case("in-notification-settings-push", "notifications:settings", with_push_offered, "alex"),
    Case("in-notification-settings-errors", "notifications:settings",
         with_errors(SETTINGS, "Save notification settings", quiet_from="22:00"), "alex"),
    Case("es-notification-settings", "notifications:settings", go(SETTINGS), "ana"),
    Case("narrow-in-notification-settings", "notifications:settings", go(SETTINGS), "alex", 320),
    Case("out-unsubscribe", "notifications:unsubscribe", unsubscribe_opened),
    Case("out-unsubscribed", "notifications:unsubscribe", unsubscribed),
]
