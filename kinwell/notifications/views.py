from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from kinwell.notifications import selectors, services
from kinwell.notifications.forms import PreferencesForm
from kinwell.notifications.notices import ALL_GROUPS, EMAIL, GROUPS
from kinwell.notifications.one_click import one_click_post
from kinwell.notifications.tokens import read_token


@login_required
def preferences(request):
    offered = selectors.channel_choices(request.user)
    row = selectors.preferences_of(request.user)
    if request.method == "POST":
        form = PreferencesForm(request.POST, offered=offered)
        if form.is_valid():
            services.update_preferences(
                user=request.user, channels=form.channels(), set_quiet_hours=True,
                quiet_from=form.cleaned_data["quiet_from"], quiet_until=form.cleaned_data["quiet_until"],
                digest=form.cleaned_data["digest"],
            )
            messages.success(request, _("Saved. Kinwell will send you notices this way from now on."))
            return redirect("notifications:settings")
        status = 400
    else:
        chosen = selectors.chosen_channels(row)
        initial = {f"channel_{key}": (channel if channel in offered else EMAIL) for key, channel in chosen.items()}
        form = PreferencesForm(initial={**initial, "quiet_from": row.quiet_from, "quiet_until": row.quiet_until,
                                        "digest": row.digest}, offered=offered)
        status = 200
    return render(request, "notifications/settings.html", {"form": form, "push_offered": len(offered) == 3},
                  status=status)


def _unsubscribe_page(request, token: str, *, done: bool, group: str, status: int = 200):
    return render(request, "notifications/unsubscribe.html", {
        "token": token, "done": done, "everything": group == ALL_GROUPS,
        "group": GROUPS.get(group),
    }, status=status)


@one_click_post
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """GET shows one button and changes nothing (mail scanners open links); the button
    POSTs with its CSRF token, a mail program with RFC 8058's body (one_click.py). The
    signed token is the key."""
    _user, group = read_token(token)
    if request.method == "POST":
        services.unsubscribe(token=token)
    return _unsubscribe_page(request, token, done=request.method == "POST", group=group)
