"""The access policy, rule by rule."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kinwell.circles import access, services
from kinwell.circles.models import AccessLogEntry, DataKind
from tests.factories import CircleFactory, UserFactory, share

pytestmark = pytest.mark.django_db


def test_everyone_sees_their_own_data_including_the_journal(user):
    for kind in access.KNOWN_KINDS:
        assert access.can_view(viewer=user, owner=user, kind=kind)


def test_nothing_is_shared_by_default(user, other_user):
    CircleFactory(owner=user, members=[other_user])
    for kind in DataKind.values:
        assert not access.can_view(viewer=other_user, owner=user, kind=kind)


def test_a_member_sees_exactly_the_kinds_the_owner_shares(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    share(user, circle, DataKind.CHECKIN_MOOD)
    assert access.can_view(viewer=other_user, owner=user, kind=DataKind.CHECKIN_MOOD)
    assert not access.can_view(viewer=other_user, owner=user, kind=DataKind.CHECKIN_NOTES)
    # Sharing is one-way: the owner's choice says nothing about the viewer's data.
    assert not access.can_view(viewer=user, owner=other_user, kind=DataKind.CHECKIN_MOOD)


def test_the_journal_is_never_shared_even_to_circle_members(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    share(user, circle, *DataKind.values)
    assert not access.can_view(viewer=other_user, owner=user, kind="journal")


def test_outsiders_and_anonymous_visitors_see_nothing(user, other_user):
    circle = CircleFactory(owner=user)
    share(user, circle, *DataKind.values)
    from django.contrib.auth.models import AnonymousUser

    for kind in DataKind.values + [access.BOUNDARIES]:
        assert not access.can_view(viewer=other_user, owner=user, kind=kind)
        assert not access.can_view(viewer=AnonymousUser(), owner=user, kind=kind)


def test_sharing_is_per_circle(user, other_user):
    third = UserFactory()
    family = CircleFactory(owner=user, members=[other_user])
    friends = CircleFactory(owner=user, members=[third])
    share(user, family, DataKind.SCREENING)
    assert access.can_view(viewer=other_user, owner=user, kind=DataKind.SCREENING)
    assert not access.can_view(viewer=third, owner=user, kind=DataKind.SCREENING)
    assert not access.can_view(viewer=other_user, owner=user, kind=DataKind.SCREENING, circle=friends)
    assert access.can_view(viewer=other_user, owner=user, kind=DataKind.SCREENING, circle=family)


def test_taking_space_hides_everything_including_boundaries(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    share(user, circle, DataKind.CHECKIN_MOOD)
    services.add_boundary(user=user, circle=circle, text="Please knock first.")
    assert access.can_view(viewer=other_user, owner=user, kind=access.BOUNDARIES)
    services.set_space(user=user, circle=circle, paused=True)
    assert not access.can_view(viewer=other_user, owner=user, kind=DataKind.CHECKIN_MOOD)
    assert not access.can_view(viewer=other_user, owner=user, kind=access.BOUNDARIES)
    services.set_space(user=user, circle=circle, paused=False)
    assert access.can_view(viewer=other_user, owner=user, kind=DataKind.CHECKIN_MOOD)


def test_space_until_a_date_ends_by_itself(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    share(user, circle, DataKind.CHECKIN_MOOD)
    membership = services.set_space(user=user, circle=circle, paused=True, until=timezone.localdate())
    assert not access.can_view(viewer=other_user, owner=user, kind=DataKind.CHECKIN_MOOD)
    # The day after the chosen date, sharing is back without anyone doing anything.
    membership.space_until = timezone.localdate() - timedelta(days=1)
    membership.save()
    assert access.can_view(viewer=other_user, owner=user, kind=DataKind.CHECKIN_MOOD)


def test_leaving_ends_access_both_ways(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    share(user, circle, DataKind.CHECKIN_MOOD)
    services.leave_circle(user=other_user, circle=circle)
    assert not access.can_view(viewer=other_user, owner=user, kind=DataKind.CHECKIN_MOOD)


def test_unknown_kinds_are_a_programming_error(user):
    with pytest.raises(ValueError):
        access.can_view(viewer=user, owner=user, kind="diary")


def test_open_for_viewing_logs_others_but_not_oneself(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    share(user, circle, DataKind.CHECKIN_MOOD)
    assert access.open_for_viewing(viewer=other_user, owner=user, kind=DataKind.CHECKIN_MOOD, circle=circle)
    assert access.open_for_viewing(viewer=user, owner=user, kind=DataKind.CHECKIN_MOOD, circle=circle)
    assert not access.open_for_viewing(viewer=other_user, owner=user, kind=DataKind.SCREENING, circle=circle)
    entries = list(AccessLogEntry.objects.filter(owner=user))
    assert [(e.viewer, e.kind) for e in entries] == [(other_user, DataKind.CHECKIN_MOOD)]


def test_visible_kinds_matches_can_view(user, other_user):
    circle = CircleFactory(owner=user, members=[other_user])
    share(user, circle, DataKind.CHECKIN_MOOD, DataKind.SAFETY_PLAN)
    assert access.visible_kinds(viewer=other_user, owner=user, circle=circle) == {
        DataKind.CHECKIN_MOOD,
        DataKind.SAFETY_PLAN,
        access.BOUNDARIES,
    }


def test_the_whole_circle_view_of_sharing_agrees_with_asking_person_by_person():
    from kinwell.circles import services as circle_services

    viewer, sharer, spacer, quiet = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    circle = CircleFactory(owner=viewer, members=[sharer, spacer, quiet])
    share(sharer, circle, DataKind.CHECKIN_MOOD, DataKind.CHECKIN_NOTES)
    share(spacer, circle, DataKind.CHECKIN_MOOD)
    circle_services.set_space(user=spacer, circle=circle, paused=True)
    by_member = access.visible_kinds_by_member(viewer=viewer, circle=circle)
    for owner in (sharer, spacer, quiet):
        assert by_member[owner] == access.visible_kinds(viewer=viewer, owner=owner, circle=circle)
    assert DataKind.CHECKIN_NOTES in by_member[sharer] and DataKind.CHECKIN_MOOD not in by_member[spacer]
    assert access.visible_kinds_by_member(viewer=UserFactory(), circle=circle) == {}


def test_open_member_is_the_one_gate_for_a_members_data_and_logs_the_view():
    from kinwell.circles import access
    from kinwell.circles import services as circle_services
    from kinwell.circles.models import AccessLogEntry, DataKind
    from kinwell.core.errors import NotFound
    from tests.factories import CircleFactory, UserFactory, share

    owner, viewer, outsider = UserFactory(), UserFactory(), UserFactory()
    circle, elsewhere = CircleFactory(owner=owner, members=[viewer]), CircleFactory(owner=owner, members=[viewer])
    share(owner, elsewhere, DataKind.GOALS)
    ask = dict(circle_id=circle.pk, user_id=owner.pk, kind=DataKind.GOALS)
    with pytest.raises(NotFound, match="not shared"):
        access.open_member(viewer=viewer, **ask)  # shared in another circle is not shared in this one
    share(owner, circle, DataKind.GOALS)
    opened = access.open_member(viewer=viewer, **ask)
    assert opened.owner == owner and opened.circle == circle and opened.membership.user == viewer
    assert AccessLogEntry.objects.filter(viewer=viewer, owner=owner, kind=DataKind.GOALS, circle=circle).count() == 1
    with pytest.raises(NotFound, match="circle was not found"):
        access.open_member(viewer=outsider, **ask)
    with pytest.raises(NotFound, match="not in this circle"):
        access.open_member(viewer=viewer, circle_id=circle.pk, user_id=outsider.pk, kind=DataKind.GOALS)
    circle_services.set_space(user=owner, circle=circle, paused=True)
    with pytest.raises(NotFound):
        access.open_member(viewer=viewer, **ask)


def test_views_never_read_another_persons_data_themselves():
    """Reads of someone else's data happen in selectors that ask the policy; a view or an
    API module that assembles the check by hand is a second gate that can drift."""
    from pathlib import Path

    import kinwell

    root = Path(kinwell.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for pattern in ("*/views.py", "*/api.py", "*/*_views.py")
        for path in root.glob(pattern)
        if any(call in path.read_text() for call in ("open_for_viewing(", "access.can_view(", "record_view("))
    ]
    assert offenders == []
