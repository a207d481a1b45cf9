"""Pages for conflict rounds (one issue at a time). Thin: forms in, services out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinwell.circles.selectors import membership_in
from kinwell.core.errors import ServiceError
from kinwell.safety.panel import present, reader_panel
from kinwell.talk import conflict_services as services
from kinwell.talk import content, presenting, selectors
from kinwell.talk.forms import AgreementForm, ConflictTextForm, RevisitForm, ViewForm
from kinwell.talk.models import ConflictEntry

Stage = services.Stage


@login_required
@require_POST
def open_conflict(request, circle_id: int):
    membership = membership_in(user=request.user, circle_id=circle_id)
    circle = membership.circle
    form = presenting.start_conflict_form(circle=circle, user=request.user, data=request.POST)
    if form.is_valid():
        people = [m.user for m in circle.memberships.select_related("user") if m.user_id in form.cleaned_data["people"]]
        try:
            opened = services.open_conflict(opener=request.user, circle=circle, people=people, issue=form.cleaned_data["issue"])
        except ServiceError as error:
            if error.status != 400:
                raise
            form.add_error("issue", error.message)
        else:
            present(request, opened.safety)
            conflict = opened.value
            messages.success(request, _("The issue is named. Now each of you writes how you see it."))
            return redirect("talk:conflict", circle_id=circle.pk, conflict_id=conflict.pk)
    context = presenting.circle_context(user=request.user, membership=membership)
    context["conflict_form"] = form
    return render(request, "talk/circle.html", context, status=400)


def _forms_for(conflict, user, data=None, action=None):
    """The one form this person can fill in at this step (bound when it was just posted)."""
    bound = lambda name: data if action == name else None  # noqa: E731
    entries = conflict.entries.all()
    mine = {entry.kind for entry in entries if entry.author_id == user.pk}
    forms = {}
    if conflict.stage == Stage.VIEWS and ConflictEntry.Kind.VIEW not in mine:
        forms["view"] = ViewForm(bound("view"))
    elif conflict.stage == Stage.REFLECTING and ConflictEntry.Kind.REFLECTION not in mine:
        forms["reflection"] = ConflictTextForm(
            bound("reflection"), label=_("What I heard from you"),
            help_text=_("Say back the other view in your own words, as fairly as you can, before anything else."),
        )
    elif conflict.stage == Stage.BRAINSTORMING:
        forms["option"] = ConflictTextForm(
            bound("option"), label=_("An option"),
            help_text=_("Any idea counts, even a silly one. No judging yet: that comes next."),
        )
    elif conflict.stage == Stage.AGREEING:
        forms["agreement"] = AgreementForm(bound("agreement"))
    elif conflict.stage == Stage.AGREED:
        forms["revisit"] = RevisitForm(bound("revisit"))
    return forms


def _context(request, conflict, forms=None):
    entries = list(conflict.entries.select_related("author"))
    members = list(conflict.members.select_related("user"))
    me = next(member for member in members if member.user_id == request.user.pk)
    wrote_view = any(e.kind == ConflictEntry.Kind.VIEW and e.author_id == request.user.pk for e in entries)
    # Others' views stay hidden until you have written yours, so nobody writes to answer.
    show_others = conflict.stage != Stage.VIEWS or wrote_view
    visible = [e for e in entries if e.author_id == request.user.pk or show_others]
    agreement = next((e for e in reversed(entries) if e.kind == ConflictEntry.Kind.AGREEMENT), None)
    return {
        "conflict": conflict,
        "circle": conflict.circle,
        "me": me,
        "members": members,
        "issue": next((e for e in entries if e.kind == ConflictEntry.Kind.ISSUE), None),
        "entries": [e for e in visible if e.kind != ConflictEntry.Kind.ISSUE],
        "agreement": agreement,
        "forms": forms if forms is not None else _forms_for(conflict, request.user),
        "waiting": [m for m in members if m.user_id != request.user.pk],
        "content": content,
        "stages": Stage,
        "reader_panel": reader_panel(needed=selectors.help_for_reader(entries, user=request.user)),
    }


@login_required
def conflict(request, circle_id: int, conflict_id: int):
    conflict = selectors.conflict_for(user=request.user, circle_id=circle_id, conflict_id=conflict_id)
    services.mark_conflict_seen(conflict=conflict, user=request.user)
    if request.method != "POST":
        return render(request, "talk/conflict.html", _context(request, conflict))
    action = request.POST.get("action", "")
    if action == "leave":
        services.leave(actor=request.user, conflict=conflict)
        messages.success(request, _("You have left the round. Nothing you wrote stays in it, and nobody was told why."))
        return redirect("talk:circle", circle_id=circle_id)
    if action in ("finish_brainstorm", "accept"):
        if action == "finish_brainstorm":
            services.finish_brainstorm(actor=request.user, conflict=conflict)
            messages.success(request, _("Now choose together and write your agreement."))
        else:
            services.accept_agreement(actor=request.user, conflict=conflict)
            messages.success(request, _("You accepted the agreement."))
        return redirect("talk:conflict", circle_id=circle_id, conflict_id=conflict.pk)
    forms = _forms_for(conflict, request.user, data=request.POST, action=action)
    form = forms.get(action)
    if form is None:
        raise ServiceError(_("That step is not open to you now. Reload the page to see where the round is."))
    if form.is_valid():
        data = form.cleaned_data
        try:
            if action == "view":
                written = services.write_view(actor=request.user, conflict=conflict, **data)
            elif action == "reflection":
                written = services.write_reflection(actor=request.user, conflict=conflict, text=data["text"])
            elif action == "option":
                written = services.add_option(actor=request.user, conflict=conflict, text=data["text"])
            elif action == "agreement":
                written = services.propose_agreement(
                    actor=request.user, conflict=conflict, text=data["text"], check_back_on=data["check_back_on"]
                )
            else:
                written = services.revisit(
                    actor=request.user, conflict=conflict, text=data["text"], keep=data["outcome"] == "keep"
                )
        except ServiceError as error:
            if error.status != 400:
                raise
            form.add_error(None, error.message)
        else:
            present(request, written.safety)
            messages.success(request, _("Saved."))
            return redirect("talk:conflict", circle_id=circle_id, conflict_id=conflict.pk)
    return render(request, "talk/conflict.html", _context(request, conflict, forms=forms), status=400)
