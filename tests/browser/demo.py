"""Demo-like data for the accessibility pages: every state a page can be seen in."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from kinwell.accounts import services as account_services
from kinwell.circles import services as circle_services
from kinwell.safety import services as safety_services
from kinwell.circles.models import AccessLogEntry, CircleKind, DataKind, Invitation
from tests.factories import CircleFactory, UserFactory, share


@dataclass
class Demo:
    """Alex owns a family circle with Sam (who shares and has boundaries) and Jo (taking
    space); is a member, taking space, of Sam's friends circle; has an invitation from
    Jo waiting; an API token; and an access log with entries."""

    alex: object
    sam: object
    jo: object
    newcomer: object
    ana: object  # reads Kinwell in Spanish
    family: object
    friends: object
    walking: object
    tokens: dict


def build_demo() -> Demo:
    alex = UserFactory(display_name="Alex", email="alex@example.org")
    sam = UserFactory(display_name="Sam", email="sam@example.org")
    jo = UserFactory(display_name="Jo", email="jo@example.org")
    newcomer = UserFactory(display_name="Robin", email="robin@example.org")
    ana = UserFactory(display_name="Ana", email="ana@example.org", language="es", time_zone="America/Los_Angeles")

    family = CircleFactory(name="The Riveras", kind=CircleKind.FAMILY, owner=alex, members=[sam, jo])
    share(alex, family, DataKind.CHECKIN_MOOD)
    share(sam, family, DataKind.CHECKIN_MOOD, DataKind.SCREENING, DataKind.SUPPORT_PLAN, DataKind.SAFETY_PLAN)
    share(jo, family, DataKind.CHECKIN_MOOD)
    circle_services.add_boundary(user=alex, circle=family, text="Please ask before making weekend plans for me.")
    circle_services.add_boundary(
        user=sam, circle=family, text="I need 20 minutes to cool down before we talk about money."
    )
    circle_services.add_boundary(user=sam, circle=family, text="Advice only if I ask for it.")
    ten_days = timezone.localdate() + timedelta(days=10)
    circle_services.set_space(user=jo, circle=family, paused=True, until=ten_days)

    friends = CircleFactory(name="Thursday friends", kind=CircleKind.FRIENDS, owner=sam, members=[alex])
    circle_services.set_space(user=alex, circle=friends, paused=True)

    walking = CircleFactory(name="Walking group", kind=CircleKind.OTHER, owner=jo, members=[ana])
    share(ana, walking, DataKind.CHECKIN_MOOD)

    tokens = {}
    _invitation, tokens["family-link"] = circle_services.create_invitation(inviter=alex, circle=family)
    circle_services.create_invitation(inviter=alex, circle=family, email="riley@example.org")
    _invitation, tokens["for-alex"] = circle_services.create_invitation(inviter=jo, circle=walking, email=alex.email)
    expired, tokens["expired"] = circle_services.create_invitation(inviter=sam, circle=friends)
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(days=1))
    _invitation, tokens["used"] = circle_services.create_invitation(inviter=sam, circle=friends)
    circle_services.accept_invitation(user=newcomer, token=tokens["used"])
    revoked, tokens["revoked"] = circle_services.create_invitation(inviter=sam, circle=friends)
    circle_services.revoke_invitation(actor=sam, invitation=revoked)

    safety_services.update_plan(
        owner=alex,
        crisis_contact_id=sam.pk,
        warning_signs="I stop answering messages and stay in bed.",
        coping_on_my_own="A walk around the block; the playlist Sam made me.",
        reasons_for_living="My niece, and the garden in spring.",
        crisis_message="Could you give me a call when you can?",
    )
    safety_services.update_plan(owner=sam, people_to_ask="Alex: 555-0100", reasons_for_living="My dog, Pepper.")

    account_services.create_api_token(user=alex, name="My phone")
    AccessLogEntry.objects.create(owner=alex, viewer=sam, circle=family, kind="boundaries")
    AccessLogEntry.objects.create(owner=alex, viewer=jo, circle=family, kind=DataKind.CHECKIN_MOOD)
    tokens.update(_checkins(alex=alex, sam=sam, family=family))
    return Demo(alex, sam, jo, newcomer, ana, family, friends, walking, tokens)


def _checkins(*, alex, sam, family) -> dict:
    """Five weeks of check-ins for Alex with a sign showing and Sam reaching out; Sam asking
    for support in the family circle, with notes shared."""
    from kinwell.checkins import services as checkin_services
    from kinwell.checkins.models import SignNudge
    from kinwell.core.localtime import today_for

    today = today_for(alex)
    for offset in range(35, 0, -1):
        hard = offset < 7
        checkin_services.record_checkin(
            owner=alex, day=today - timedelta(days=offset), mood=2 if hard else 4, stress=7 if hard else 3,
            sleep_hours="5.5" if hard else "7.5", energy=2 if hard else 4, tags=["work"] if hard else ["exercise"],
            feelings=["tired", "stressed"] if hard else ["calm"], note="Short night again." if offset == 2 else "",
            wants_support=offset in (1, 3),
        )
    latest = checkin_services.record_checkin(owner=alex, mood=2, note="Talking to Sam helped a bit.").value
    checkin_services.look_for_signs(owner=alex)
    assert SignNudge.objects.filter(owner=alex).exists()
    share(
        sam, family, DataKind.CHECKIN_MOOD, DataKind.CHECKIN_NOTES, DataKind.SCREENING, DataKind.SUPPORT_PLAN,
        DataKind.SAFETY_PLAN,
    )
    sams = checkin_services.record_checkin(
        owner=sam, mood=1, feelings=["overwhelmed"], note="Exams and no sleep.", wants_support=True
    ).value
    checkin_services.respond_to_checkin(author=sam, checkin_id=latest.pk, reaction="message", message="Walk tomorrow?")
    return {"alex-checkin": latest.pk, "sam-checkin": sams.pk}


