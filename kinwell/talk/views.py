from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinwell.circles.selectors import circles_for, membership_in
from kinwell.core.errors import ServiceError
from kinwell.safety.panel import present, reader_panel
from kinwell.talk import content, flow, presenting, selectors, services
from kinwell.talk.forms import CoachForm, StartConversationForm, TimeOutForm, TurnForm

TEXT_EVENTS = {flow.SPEAK, flow.PARAPHRASE, flow.CORRECT}


@login_required
def home(request):
    circles = list(circles_for(user=request.user))
    for circle in circles:
        circle.my_conversations = list(selectors.conversations_for(user=request.user, circle=circle)[:5])
        circle.my_conflicts = list(selectors.conflicts_for(user=request.user, circle=circle)[:5])
    return render(request, "talk/home.html", {"circles": circles})


@login_required
def coach(request):
    form = CoachForm(request.POST or None)
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            reviewed = services.review_draft(
                author=request.user, text=form.cleaned_data["text"], language=translation.get_language()[:2]
            )
            present(request, reviewed.safety, saved=False)
            result = reviewed.value
        else:
            status = 400
    return render(request, "talk/coach.html", {"form": form, "result": result}, status=status)


@login_required
def circle_talk(request, circle_id: int):
    membership = membership_in(user=request.user, circle_id=circle_id)
    context = presenting.circle_context(user=request.user, membership=membership, topic=request.GET.get("topic", ""))
    if request.method != "POST":
        return render(request, "talk/circle.html", context)
    circle, others = membership.circle, context["others"]
    form = context["form"] = StartConversationForm(request.POST, people=others)
    if form.is_valid():
        partner = next((p for p in others if p.pk == form.cleaned_data["partner"]), None)
        try:
            started = services.start_conversation(
                starter=request.user, circle=circle, partner=partner, topic=form.cleaned_data["topic"]
            )
        except ServiceError as error:
            if error.status != 400:
                raise
            form.add_error("topic", error.message)
        else:
            present(request, started.safety)
            conversation = started.value
            messages.success(request, _("Your conversation is ready. You hold the floor first."))
            return redirect("talk:conversation", circle_id=circle.pk, conversation_id=conversation.pk)
    return render(request, "talk/circle.html", context, status=400)


def _live_context(request, conversation, *, turn_form=None, check=None):
    now = timezone.now()
    state = conversation.state()
    participants = list(conversation.participants.all())
    me = next(p for p in participants if p.user_id == request.user.pk)
    other = next((p for p in participants if p.user_id != request.user.pk), None)
    expected = state.expected_event()
    entries = selectors.entries_of(conversation)
    my_turn = state.whose_turn() == me.seat
    text_event = next((event for event in expected if event in TEXT_EVENTS), None) if my_turn else None
    if turn_form is None and text_event:
        turn_form = _turn_form(text_event)
    return {
        "conversation": conversation,
        "circle": conversation.circle,
        "state": state,
        "me": me,
        "other": other,
        "i_speak": state.speaker == me.seat,
        "my_turn": my_turn,
        "expected": expected,
        "text_event": text_event,
        "topic": next((e for e in entries if e.kind == "topic"), None),
        "entries": [e for e in entries if e.kind != "topic"],
        "turn_form": turn_form,
        "timeout_form": TimeOutForm(),
        "reader_panel": reader_panel(needed=selectors.help_for_reader(entries, user=request.user)),
        "check": check,
        "break_over": state.break_over(now),
        "gentle_return": conversation.returned_at is not None and conversation.returned_at >= conversation.updated_at,
        "version": selectors.version_of(conversation, now=now),
        "content": content,
    }


def _turn_form(event, data=None):
    labels = {
        flow.SPEAK: (_("What you want to say"), _("A few sentences about you: what happened, how you feel, what you need.")),
        flow.PARAPHRASE: (_("What I heard you say"), _("In your own words, without answering yet.")),
        flow.CORRECT: (_("What was missed"), _("Say kindly what you meant that did not come across.")),
    }
    label, hint = labels[event]
    return TurnForm(data, label=label, help_text=hint)


@login_required
def conversation(request, circle_id: int, conversation_id: int):
    conversation = selectors.conversation_for(user=request.user, circle_id=circle_id, conversation_id=conversation_id)
    services.mark_seen(conversation=conversation, user=request.user)
    if request.method != "POST":
        return render(request, "talk/conversation.html", _live_context(request, conversation))
    action = request.POST.get("action", "")
    if action in TEXT_EVENTS or action == "check":
        event = request.POST.get("event", action) if action == "check" else action
        if event not in TEXT_EVENTS:
            raise ServiceError(_("Choose what you want to do."))
        form = _turn_form(event, request.POST)
        if not form.is_valid():
            return render(request, "talk/conversation.html", _live_context(request, conversation, turn_form=form), status=400)
        text = form.cleaned_data["text"]
        if action == "check":
            reviewed = services.review_draft(author=request.user, text=text, language=translation.get_language()[:2])
            present(request, reviewed.safety, saved=False)
            return render(
                request, "talk/conversation.html", _live_context(request, conversation, turn_form=form, check=reviewed.value)
            )
        present(request, services.act(actor=request.user, conversation=conversation, event=event, text=text).safety)
        messages.success(request, _("Sent. We will let the other person know."))
    elif action == flow.TIME_OUT:
        form = TimeOutForm(request.POST)
        if not form.is_valid():
            context = _live_context(request, conversation)
            context["timeout_form"] = form
            return render(request, "talk/conversation.html", context, status=400)
        services.act(actor=request.user, conversation=conversation, event=flow.TIME_OUT, minutes=form.cleaned_data["minutes"])
        messages.success(request, _("You are both on a break. Look after yourself; the conversation will wait."))
    elif action in (flow.CONFIRM, flow.RESUME, flow.END):
        services.act(actor=request.user, conversation=conversation, event=action)
        messages.success(request, {
            flow.CONFIRM: _("Thank you for confirming. The floor passes to the other person."),
            flow.RESUME: _("Welcome back."),
            flow.END: _("The conversation has ended. Thank you both for listening."),
        }[action])
    else:
        raise ServiceError(_("Choose what you want to do."))
    return redirect("talk:conversation", circle_id=circle_id, conversation_id=conversation.pk)


@login_required
def conversation_state(request, circle_id: int, conversation_id: int):
    """A tiny JSON answer polled by talk.js: has anything changed?"""
    conversation = selectors.conversation_for(user=request.user, circle_id=circle_id, conversation_id=conversation_id)
    services.mark_seen(conversation=conversation, user=request.user)
    state = conversation.state()
    return JsonResponse({
        "version": selectors.version_of(conversation, now=timezone.now()),
        "phase": state.phase,
        "on_break": state.on_break,
    })


@login_required
def conversation_live(request, circle_id: int, conversation_id: int):
    """The live part of the page alone, for talk.js to swap in without a reload."""
    conversation = selectors.conversation_for(user=request.user, circle_id=circle_id, conversation_id=conversation_id)
    return render(request, "talk/_conversation_live.html", _live_context(request, conversation))
