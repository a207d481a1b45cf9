from datetime import date, datetime

from django.urls import reverse
from ninja import Field, Router, Schema, Status

from kinwell.circles import selectors, services
from kinwell.circles.models import CircleKind, DataKind, Invitation
from kinwell.core.errors import NotFound
from kinwell.core.schemas import ERRORS, DatabaseId
from kinwell.safety.schemas import SafetyOut

router = Router(tags=["circles"])
invitations_router = Router(tags=["invitations"])


class CircleIn(Schema):
    name: str = Field(..., min_length=1, max_length=80)
    kind: CircleKind


class CircleOut(Schema):
    id: int
    name: str
    kind: str
    my_role: str


class MemberOut(Schema):
    user_id: int
    display_name: str
    role: str
    taking_space: bool
    space_until: date | None
    boundaries: list[str]
    shares: list[str]


class CircleDetailOut(CircleOut):
    members: list[MemberOut]


class OwnerIn(Schema):
    user_id: DatabaseId


class InvitationIn(Schema):
    email: str = Field("", max_length=254)
    days: int = Field(7, ge=1, le=30)


class InvitationOut(Schema):
    id: int
    email: str
    status: str
    invited_by: str
    created_at: datetime
    expires_at: datetime


class InvitationCreatedOut(InvitationOut):
    token: str
    link: str


class TokenIn(Schema):
    token: str = Field(..., min_length=1, max_length=500)


class BoundaryIn(Schema):
    text: str = Field(..., min_length=1, max_length=services.BOUNDARY_MAX_LENGTH)


class BoundaryOut(Schema):
    id: int
    text: str


class BoundarySavedOut(BoundaryOut):
    safety: SafetyOut


class SharingIn(Schema):
    kinds: list[DataKind]


class SpaceIn(Schema):
    paused: bool
    until: date | None = None
    quietly: bool = False  # the others see nothing shared and no sign of a pause


class SharingOut(Schema):
    kinds: list[str]
    taking_space: bool
    space_until: date | None
    quietly: bool
    boundaries: list[BoundaryOut]


def _circle_out(membership) -> dict:
    circle = membership.circle
    return {"id": circle.pk, "name": circle.name, "kind": circle.kind, "my_role": membership.role}


def _member_out(seen: dict) -> dict:
    return {
        "user_id": seen["user"].pk,
        "display_name": seen["user"].display_name,
        "role": seen["membership"].role,
        "taking_space": seen["taking_space"],
        "space_until": seen["space_until"],
        "boundaries": [boundary.text for boundary in seen["boundaries"]],
        "shares": [] if seen["taking_space"] and not seen["is_self"] else seen["shared_kinds"],
    }


def _invitation_out(invitation: Invitation) -> dict:
    return {
        "id": invitation.pk,
        "email": invitation.email,
        "status": invitation.status,
        "invited_by": invitation.invited_by.display_name,
        "created_at": invitation.created_at,
        "expires_at": invitation.expires_at,
    }


def _sharing_out(membership) -> dict:
    membership.refresh_from_db()
    return {
        "kinds": sorted(membership.shared_kinds.values_list("kind", flat=True)),
        "taking_space": membership.space_paused,
        "space_until": membership.space_until,
        "quietly": membership.space_quiet,
        "boundaries": [{"id": b.pk, "text": b.text} for b in membership.boundaries.all()],
    }


@router.get("", response={200: list[CircleOut], **ERRORS})
def list_circles(request):
    memberships = request.auth.memberships.select_related("circle").order_by("circle__name", "circle_id")
    return [_circle_out(membership) for membership in memberships]


@router.post("", response={201: CircleOut, **ERRORS})
def create_circle(request, payload: CircleIn):
    circle = services.create_circle(owner=request.auth, name=payload.name, kind=payload.kind.value)
    return Status(201, _circle_out(selectors.membership_in(user=request.auth, circle_id=circle.pk)))


@router.get("/{id:circle_id}", response={200: CircleDetailOut, **ERRORS})
def circle_detail(request, circle_id: int):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    members = selectors.members_as_seen_by(viewer=request.auth, circle=membership.circle)
    return {**_circle_out(membership), "members": [_member_out(seen) for seen in members]}


@router.post("/{id:circle_id}/leave", response={204: None, **ERRORS})
def leave_circle(request, circle_id: int):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    services.leave_circle(user=request.auth, circle=membership.circle)
    return Status(204, None)


@router.put("/{id:circle_id}/owner", response={200: CircleOut, **ERRORS})
def transfer_ownership(request, circle_id: int, payload: OwnerIn):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    new_owner = selectors.member_of(circle=membership.circle, user_id=payload.user_id)
    services.transfer_ownership(actor=request.auth, circle=membership.circle, new_owner=new_owner.user)
    return _circle_out(selectors.membership_in(user=request.auth, circle_id=circle_id))


@router.get("/{id:circle_id}/members", response={200: list[MemberOut], **ERRORS})
def list_members(request, circle_id: int):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    return [_member_out(seen) for seen in selectors.members_as_seen_by(viewer=request.auth, circle=membership.circle)]


@router.get("/{id:circle_id}/members/{id:user_id}", response={200: MemberOut, **ERRORS})
def member_detail(request, circle_id: int, user_id: int):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    member = selectors.member_of(circle=membership.circle, user_id=user_id)
    return _member_out(selectors.member_as_seen_by(viewer=request.auth, circle=membership.circle, membership=member))


@router.delete("/{id:circle_id}/members/{id:user_id}", response={204: None, **ERRORS})
def remove_member(request, circle_id: int, user_id: int):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    member = selectors.member_of(circle=membership.circle, user_id=user_id)
    services.remove_member(actor=request.auth, circle=membership.circle, member=member.user)
    return Status(204, None)


@router.get("/{id:circle_id}/invitations", response={200: list[InvitationOut], **ERRORS})
def list_invitations(request, circle_id: int):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    return [_invitation_out(i) for i in selectors.open_invitations_for_circle(circle=membership.circle)]


@router.post("/{id:circle_id}/invitations", response={201: InvitationCreatedOut, **ERRORS})
def create_invitation(request, circle_id: int, payload: InvitationIn):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    invitation, token = services.create_invitation(
        inviter=request.auth, circle=membership.circle, email=payload.email, days=payload.days
    )
    link = request.build_absolute_uri(reverse("circles:invitation", kwargs={"token": token}))
    return Status(201, {**_invitation_out(invitation), "token": token, "link": link})


@router.delete("/{id:circle_id}/invitations/{id:invitation_id}", response={204: None, **ERRORS})
def revoke_invitation(request, circle_id: int, invitation_id: int):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    invitation = Invitation.objects.filter(pk=invitation_id, circle=membership.circle).first()
    if invitation is None:
        raise NotFound("That invitation was not found.")
    services.revoke_invitation(actor=request.auth, invitation=invitation)
    return Status(204, None)


@router.get("/{id:circle_id}/sharing", response={200: SharingOut, **ERRORS})
def my_sharing(request, circle_id: int):
    return _sharing_out(selectors.membership_in(user=request.auth, circle_id=circle_id))


@router.put("/{id:circle_id}/sharing", response={200: SharingOut, **ERRORS})
def update_sharing(request, circle_id: int, payload: SharingIn):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    services.update_sharing(user=request.auth, circle=membership.circle, kinds={k.value for k in payload.kinds})
    return _sharing_out(membership)


@router.put("/{id:circle_id}/space", response={200: SharingOut, **ERRORS})
def set_space(request, circle_id: int, payload: SpaceIn):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    services.set_space(user=request.auth, circle=membership.circle, paused=payload.paused, until=payload.until, quietly=payload.quietly)
    return _sharing_out(membership)


@router.post("/{id:circle_id}/boundaries", response={201: BoundarySavedOut, **ERRORS})
def add_boundary(request, circle_id: int, payload: BoundaryIn):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    saved = services.add_boundary(user=request.auth, circle=membership.circle, text=payload.text)
    boundary = saved.value
    return Status(201, {"id": boundary.pk, "text": boundary.text, "safety": SafetyOut.of(saved.safety)})


@router.delete("/{id:circle_id}/boundaries/{id:boundary_id}", response={204: None, **ERRORS})
def remove_boundary(request, circle_id: int, boundary_id: int):
    membership = selectors.membership_in(user=request.auth, circle_id=circle_id)
    services.remove_boundary(user=request.auth, circle=membership.circle, boundary_id=boundary_id)
    return Status(204, None)


@invitations_router.post("/accept", response={200: CircleOut, **ERRORS})
def accept_invitation(request, payload: TokenIn):
    membership = services.accept_invitation(user=request.auth, token=payload.token)
    return _circle_out(membership)


@invitations_router.post("/decline", response={204: None, **ERRORS})
def decline_invitation(request, payload: TokenIn):
    services.decline_invitation(user=request.auth, token=payload.token)
    return Status(204, None)
