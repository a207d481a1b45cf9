from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinwell.circles import access, selectors, services
from kinwell.circles.forms import BoundaryForm, CircleForm, InvitationForm, SharingForm, SpaceForm, TransferForm
from kinwell.circles.models import DataKind, Invitation
from kinwell.core.errors import Conflict, NotAllowed, ServiceError
from kinwell.core.localtime import zone_of
from kinwell.safety.panel import present


def _bad_form(request, template, context):
    return render(request, template, context, status=400)


@login_required
def new_circle(request):
    form = CircleForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            circle = services.create_circle(owner=request.user, **form.cleaned_data)
            messages.success(request, _("Your circle “%(name)s” is ready. Invite someone to join it.") % {"name": circle.name})
            return redirect("circles:invite", circle_id=circle.pk)
        return _bad_form(request, "circles/new.html", {"form": form})
    return render(request, "circles/new.html", {"form": form})


@login_required
def circle_detail(request, circle_id: int):
    membership = selectors.membership_in(user=request.user, circle_id=circle_id)
    circle = membership.circle
    others = [m for m in circle.memberships.select_related("user") if m.user_id != request.user.pk]
    return render(
        request,
        "circles/detail.html",
        {
            "circle": circle,
            "membership": membership,
            "members": selectors.members_as_seen_by(viewer=request.user, circle=circle),
            "transfer_form": TransferForm(members=others) if membership.is_owner and others else None,
            "kind_labels": dict(DataKind.choices),
        },
    )


@login_required
def member_detail(request, circle_id: int, user_id: int):
    membership = selectors.membership_in(user=request.user, circle_id=circle_id)
    member = selectors.member_of(circle=membership.circle, user_id=user_id)
    seen = selectors.member_as_seen_by(viewer=request.user, circle=membership.circle, membership=member)
    return render(
        request,
        "circles/member.html",
        {
            "circle": membership.circle,
            "membership": membership,
            "member": seen,
            "shared_labels": [label for value, label in DataKind.choices if value in seen["shared_kinds"]],
        },
    )


@login_required
def invite(request, circle_id: int):
    membership = selectors.membership_in(user=request.user, circle_id=circle_id)
    circle = membership.circle
    form = InvitationForm(request.POST or None)
    link = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                invitation, token = services.create_invitation(
                    inviter=request.user, circle=circle, email=form.cleaned_data["email"],
                    days=form.cleaned_data["days"],
                )
            except ServiceError as error:
                form.add_error("email", error.message)
                status = error.status
            else:
                link = request.build_absolute_uri(reverse("circles:invitation", kwargs={"token": token}))
                if invitation.email:
                    messages.success(request, _("We are emailing the invitation to %(email)s.")
                                     % {"email": invitation.email})
                form = InvitationForm()
        else:
            status = 400
    return render(
        request,
        "circles/invite.html",
        {
            "circle": circle,
            "membership": membership,
            "form": form,
            "link": link,
            "invitations": selectors.open_invitations_for_circle(circle=circle),
        },
        status=status,
    )


@login_required
@require_POST
def revoke_invitation(request, circle_id: int, invitation_id: int):
    membership = selectors.membership_in(user=request.user, circle_id=circle_id)
    invitation = get_object_or_404(Invitation, pk=invitation_id, circle=membership.circle)
    services.revoke_invitation(actor=request.user, invitation=invitation)
    messages.success(request, _("The invitation was withdrawn. Its link no longer works."))
    return redirect("circles:invite", circle_id=circle_id)


def invitation(request, token: str):
    """Works signed out too: the invited person sees whose circle it is, then logs in or signs up."""
    invitation = selectors.invitation_from_token(token)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.path})}")
        if request.POST.get("answer") == "decline":
            services.decline_invitation(user=request.user, token=token)
            messages.info(request, _("You declined the invitation to %(circle)s.") % {"circle": invitation.circle.name})
            return redirect("core:home")
        joined = services.accept_invitation(user=request.user, token=token)
        messages.success(
            request,
            _("You joined %(circle)s. Nothing of yours is shared until you choose what to share.")
            % {"circle": joined.circle.name},
        )
        return redirect("circles:sharing", circle_id=joined.circle_id)
    status = 200 if invitation.is_open else 410
    already_member = request.user.is_authenticated and invitation.circle.memberships.filter(user=request.user).exists()
    # The time the link stops working, in the zone of whoever reads it; someone signed
    # out has told us none, so they see it in the inviter's zone, named as such.
    zone = zone_of(request.user if request.user.is_authenticated else invitation.invited_by)
    zone_name = invitation.expires_at.astimezone(zone).strftime("%Z")  # "CST", "JST"
    return render(
        request,
        "circles/invitation.html",
        {"invitation": invitation, "token": token, "already_member": already_member, "zone": zone,
         "zone_name": zone_name},
        status=status,
    )


@login_required
def sharing(request, circle_id: int):
    membership = selectors.membership_in(user=request.user, circle_id=circle_id)
    context = {
        "circle": membership.circle,
        "membership": membership,
        "sharing_form": SharingForm(initial={"kinds": [s.kind for s in membership.shared_kinds.all()]}),
        "space_form": SpaceForm(initial={"paused": membership.space_paused, "until": membership.space_until,
                                         "quietly": membership.space_quiet}),
        "boundary_form": BoundaryForm(),
        "boundaries": membership.boundaries.all(),
    }
    if request.method != "POST":
        return render(request, "circles/sharing.html", context)

    action = request.POST.get("action")
    if action == "sharing":
        form = context["sharing_form"] = SharingForm(request.POST)
        if form.is_valid():
            services.update_sharing(user=request.user, circle=membership.circle, kinds=form.cleaned_data["kinds"])
            messages.success(request, _("Saved. Your circle now sees exactly what you ticked."))
            return redirect("circles:sharing", circle_id=circle_id)
    elif action == "space":
        form = context["space_form"] = SpaceForm(request.POST)
        if form.is_valid():
            try:
                services.set_space(user=request.user, circle=membership.circle, **form.cleaned_data)
            except ServiceError as error:
                form.add_error("until", error.message)
            else:
                if form.cleaned_data["paused"] and form.cleaned_data["quietly"]:
                    messages.success(request, _("Your sharing here is paused quietly. The others see nothing of yours, and nothing that says why."))
                elif form.cleaned_data["paused"]:
                    messages.success(request, _("You are taking space. The others see only that, nothing else."))
                else:
                    messages.success(request, _("Welcome back. Your sharing is on again."))
                return redirect("circles:sharing", circle_id=circle_id)
    elif action == "boundary":
        form = context["boundary_form"] = BoundaryForm(request.POST)
        if form.is_valid():
            try:
                saved = services.add_boundary(user=request.user, circle=membership.circle, text=form.cleaned_data["text"])
            except ServiceError as error:
                form.add_error("text", error.message)
            else:
                present(request, saved.safety)
                messages.success(request, _("Your boundary is saved and your circle can see it."))
                return redirect("circles:sharing", circle_id=circle_id)
    elif action == "remove_boundary":
        try:
            boundary_id = int(request.POST.get("boundary", ""))
        except ValueError:
            boundary_id = 0
        services.remove_boundary(user=request.user, circle=membership.circle, boundary_id=boundary_id)
        messages.success(request, _("The boundary was removed."))
        return redirect("circles:sharing", circle_id=circle_id)
    else:
        raise ServiceError(_("Choose what you want to change."))
    return _bad_form(request, "circles/sharing.html", context)


@login_required
def leave(request, circle_id: int):
    membership = selectors.membership_in(user=request.user, circle_id=circle_id)
    if request.method == "POST":
        name = membership.circle.name
        services.leave_circle(user=request.user, circle=membership.circle)
        messages.success(request, _("You left %(circle)s.") % {"circle": name})
        return redirect("core:home")
    return render(request, "circles/leave.html", {"circle": membership.circle, "membership": membership})


@login_required
def remove_member(request, circle_id: int, user_id: int):
    """A page that asks first, as leaving does; the form on it does the removing."""
    membership = selectors.membership_in(user=request.user, circle_id=circle_id)
    member = selectors.member_of(circle=membership.circle, user_id=user_id)
    if request.method != "POST":
        if not membership.is_owner:
            raise NotAllowed(_("Only the circle's owner can do that."))
        if member.pk == membership.pk:
            raise Conflict(_("To leave your own circle, hand ownership on first."))
        return render(request, "circles/remove_member.html",
                      {"circle": membership.circle, "membership": membership, "member": member.user})
    services.remove_member(actor=request.user, circle=membership.circle, member=member.user)
    messages.success(request, _("%(name)s is no longer in this circle.") % {"name": member.user.display_name})
    return redirect("circles:detail", circle_id=circle_id)


@login_required
@require_POST
def transfer(request, circle_id: int):
    membership = selectors.membership_in(user=request.user, circle_id=circle_id)
    others = [m for m in membership.circle.memberships.select_related("user") if m.user_id != request.user.pk]
    form = TransferForm(request.POST, members=others)
    if not form.is_valid():
        raise ServiceError(_("Choose who should own the circle."))
    new_owner = selectors.member_of(circle=membership.circle, user_id=form.cleaned_data["new_owner"])
    services.transfer_ownership(actor=request.user, circle=membership.circle, new_owner=new_owner.user)
    messages.success(request, _("%(name)s now owns this circle.") % {"name": new_owner.user.display_name})
    return redirect("circles:detail", circle_id=circle_id)


# Whole sentences, so each language can say them its own way.
VIEWED_SENTENCES = {
    "boundaries": gettext_lazy("%(viewer)s viewed your boundaries in %(circle)s"),
    "checkin_mood": gettext_lazy("%(viewer)s viewed your mood check-ins in %(circle)s"),
    "checkin_notes": gettext_lazy("%(viewer)s viewed your check-in notes in %(circle)s"),
    "screening": gettext_lazy("%(viewer)s viewed your screening results in %(circle)s"),
    "safety_plan": gettext_lazy("%(viewer)s viewed your safety plan in %(circle)s"),
    "support_plan": gettext_lazy("%(viewer)s viewed your support plan in %(circle)s"),
    "gratitude": gettext_lazy("%(viewer)s viewed your gratitude journal in %(circle)s"),
    "goals": gettext_lazy("%(viewer)s viewed your personal goals in %(circle)s"),
    "conversation": gettext_lazy("%(viewer)s opened a conversation you are in, in %(circle)s"),
    "conflict_round": gettext_lazy("%(viewer)s opened a conflict round you are in, in %(circle)s"),
    "daily_answer": gettext_lazy("%(viewer)s read your answer to the daily question in %(circle)s"),
}


def _viewed_sentence(entry) -> str:
    if entry.kind == access.CLINICIAN_SUMMARY:
        # Not a person: the link the owner made for a clinician, named as they named it.
        if entry.link is not None and entry.link.label:
            return _("Your clinician link “%(label)s” was opened: your summary was viewed") % {"label": entry.link.label}
        return _("A clinician link you made was opened: your summary was viewed")
    return VIEWED_SENTENCES.get(entry.kind, VIEWED_SENTENCES["boundaries"]) % {
        "viewer": entry.viewer.display_name if entry.viewer else _("Someone who has since left Kinwell"),
        "circle": entry.circle.name if entry.circle else _("a circle that has ended"),
    }


@login_required
def access_log(request):
    entries = [{"sentence": _viewed_sentence(entry), "viewed_at": entry.viewed_at}
               for entry in selectors.access_log_for(owner=request.user)]
    return render(request, "circles/access_log.html", {"entries": entries})
