"""The start page, help-now, the accessibility and privacy pages, and not-found: signed out,
signed in (with and without circles), in Spanish and at 320 px."""

from datetime import date, datetime, timedelta

from django.conf import settings as django_settings

from tests.browser.cases.common import NOT_FOUND, Case, go


def nav_group_open(name):
    """The start page with one of the main navigation's groups open (base.html)."""

    def visit(page, demo, settings):
        page.goto("/")
        page.locator(".site-nav summary", has_text=name).click()
        assert page.locator(".site-nav details[open] a").first.is_visible()

    return visit


def fresh_account_home(page, demo, settings):
    """Home for an account made a moment ago: no check-in, no circle (the three first steps)."""
    from tests.browser.conftest import session_cookie_for
    from tests.factories import UserFactory

    fresh = UserFactory(display_name="Robin", email="fresh@example.org")
    page.goto("/")  # so the cookie's path is "/"
    page.context.clear_cookies()
    page.context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": session_cookie_for(fresh),
                               "url": page.url}])
    page.goto("/")
    assert page.locator("#first-steps-title").is_visible()


def full_day_home(page, demo, settings):
    """Alex's home with something from every source: a turn, a conflict step, an
    appreciation, a plan to answer, the invitation from Jo, the signs nudge and a next plan."""
    from kinwell.checkins.models import SignNudge
    from kinwell.connect import services as connect_services
    from kinwell.talk import conflict_services, services as talk_services

    talk = talk_services.start_conversation(starter=demo.sam, circle=demo.family, partner=demo.alex, topic="Us").value
    talk_services.act(actor=demo.sam, conversation=talk, event="speak", text="I would love a slow Sunday.")
    conflict_services.open_conflict(opener=demo.sam, circle=demo.family, people=[demo.alex], issue="Chores")
    connect_services.send_appreciation(sender=demo.sam, circle=demo.family, recipient_id=demo.alex.pk, text="Thanks!")
    soon = datetime.now() + timedelta(days=2)
    connect_services.propose_plan(proposer=demo.sam, circle=demo.family, invitee_id=demo.alex.pk, title="Walk",
                                  starts_local=soon, minutes=60, time_zone="UTC")
    planned = connect_services.propose_plan(proposer=demo.alex, circle=demo.family, invitee_id=demo.sam.pk,
                                            title="Picnic", activity="picnic", starts_local=soon, minutes=90,
                                            time_zone="UTC").value
    connect_services.accept_plan(actor=demo.sam, plan_id=planned.pk)
    SignNudge.objects.get_or_create(owner=demo.alex, rule="sudden_fall", since=date.today() - timedelta(days=6),
                                    defaults={"details": {}})
    page.goto("/")
    assert page.locator(".waiting__item").count() >= 5


CASES = [
    Case("out-welcome", "core:home", go("/")),
    Case("out-help-now", "core:help_now", go("/help-now/")),
    Case("out-accessibility", "core:accessibility", go("/accessibility/")),
    Case("out-privacy", "core:privacy", go("/privacy/")),
    Case("out-not-found", NOT_FOUND, go("/no-such-page/")),
    Case("in-home", "core:home", go("/"), "alex"),
    Case("in-home-no-circles-yet", "core:home", go("/"), "newcomer"),
    Case("in-help-now", "core:help_now", go("/help-now/"), "alex"),
    Case("in-accessibility", "core:accessibility", go("/accessibility/"), "alex"),
    Case("in-privacy", "core:privacy", go("/privacy/"), "alex"),
    Case("es-home", "core:home", go("/"), "ana"),
    # Help-now carries the quick exit: in Spanish (AYUDA, 988 in Spanish first) and on a phone.
    Case("es-help-now", "core:help_now", go("/help-now/"), "ana"),
    Case("narrow-out-help-now", "core:help_now", go("/help-now/"), width=320),
    # Home as the day's page: a new account's first steps, and a day with something from every source.
    Case("in-home-fresh-account", "core:home", fresh_account_home, "newcomer"),
    Case("narrow-in-home-fresh-account", "core:home", fresh_account_home, "newcomer", 320),
    Case("in-home-full-day", "core:home", full_day_home, "alex"),
    Case("narrow-in-home-full-day", "core:home", full_day_home, "alex", 320),
    Case("narrow-out-welcome", "core:home", go("/"), width=320),
    # The main navigation, on every page, with a group open.
    Case("out-nav-help-open", "core:home", nav_group_open("Help")),
    Case("in-nav-me-open", "core:home", nav_group_open("Me"), "alex"),
    Case("es-nav-me-open", "core:home", nav_group_open("Para mí"), "ana"),
    Case("narrow-in-nav-together-open", "core:home", nav_group_open("Together"), "alex", 320),
    Case("narrow-out-nav-help-open", "core:home", nav_group_open("Help"), width=320),
]
