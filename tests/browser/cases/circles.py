"""Circles with people, sharing, boundaries, taking space and invitations: the circle and
member pages, inviting, sharing, leaving, invitations in every state, and the access log.
A circle that does not exist looks exactly like one the person is not in."""

from tests.browser.cases.common import NOT_FOUND, Case, circle_page, go, submit, with_errors


LONG_BOUNDARY = "I need some quiet after work before we talk about anything big. " * 6


def invitation(token_name):
    return lambda page, demo, settings: page.goto(f"/invite/{demo.tokens[token_name]}/")


def invite_link_created(page, demo, settings):
    page.goto(circle_page("invite/")(demo))
    submit(page, "Create invitation link")
    assert page.locator("#invite-link").input_value().startswith("http")


CASES = [
    Case("out-invitation-open", "circles:invitation", invitation("family-link")),
    Case("out-invitation-expired", "circles:invitation", invitation("expired")),
    Case("out-invitation-used", "circles:invitation", invitation("used")),
    Case("out-invitation-revoked", "circles:invitation", invitation("revoked")),
    Case("out-invitation-bad-link", "circles:invitation", go("/invite/not-a-real-token/")),
    Case("in-circle-new", "circles:new", go("/circles/new/"), "alex"),
    Case("in-circle-new-empty", "circles:new", with_errors("/circles/new/", "Create circle"), "alex"),
    Case("in-circle-as-owner", "circles:detail", lambda p, d, s: p.goto(circle_page("")(d)), "alex"),
    Case(
        "in-circle-taking-space", "circles:detail", lambda p, d, s: p.goto(circle_page("", "friends")(d)), "alex"
    ),
    Case(
        "in-member-sharing",
        "circles:member",
        lambda p, d, s: p.goto(circle_page(f"members/{d.sam.pk}/")(d)),
        "alex",
    ),
    Case(
        "in-member-taking-space",
        "circles:member",
        lambda p, d, s: p.goto(circle_page(f"members/{d.jo.pk}/")(d)),
        "alex",
    ),
    Case("in-invite", "circles:invite", lambda p, d, s: p.goto(circle_page("invite/")(d)), "alex"),
    Case("in-invite-link-created", "circles:invite", invite_link_created, "alex"),
    Case(
        "in-invite-invalid",
        "circles:invite",
        with_errors(circle_page("invite/"), "Create invitation link", email="nope", days="0"),
        "alex",
    ),
    Case("in-sharing", "circles:sharing", lambda p, d, s: p.goto(circle_page("sharing/")(d)), "alex"),
    Case(
        "in-sharing-boundary-too-long",
        "circles:sharing",
        with_errors(circle_page("sharing/"), "Add boundary", text=LONG_BOUNDARY),
        "alex",
    ),
    Case(
        "in-sharing-space-date-in-past",
        "circles:sharing",
        with_errors(circle_page("sharing/", "friends"), "Save", until="2020-01-01"),
        "alex",
    ),
    Case("in-leave-as-owner", "circles:leave", lambda p, d, s: p.goto(circle_page("leave/")(d)), "alex"),
    Case("in-remove-member-confirm", "circles:remove_member",
         lambda p, d, s: p.goto(circle_page(f"members/{d.sam.pk}/remove/")(d)), "alex"),
    Case("in-leave-as-member", "circles:leave", lambda p, d, s: p.goto(circle_page("leave/", "friends")(d)), "alex"),
    Case("in-invitation-for-me", "circles:invitation", invitation("for-alex"), "alex"),
    Case("in-invitation-already-member", "circles:invitation", invitation("family-link"), "alex"),
    Case("in-access-log", "circles:access_log", go("/settings/access-log/"), "alex"),
    Case("in-circle-not-found", NOT_FOUND, go("/circles/999999/"), "alex"),
    Case("es-circle", "circles:detail", lambda p, d, s: p.goto(circle_page("", "walking")(d)), "ana"),
    Case(
        "es-sharing-errors",
        "circles:sharing",
        with_errors(circle_page("sharing/", "walking"), "Agregar límite"),
        "ana",
    ),
    Case("narrow-in-circle-as-owner", "circles:detail", lambda p, d, s: p.goto(circle_page("")(d)), "alex", 320),
    Case("narrow-in-sharing", "circles:sharing", lambda p, d, s: p.goto(circle_page("sharing/")(d)), "alex", 320),
]
