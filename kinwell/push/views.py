import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinwell.push import keys, selectors, services


@login_required
def devices(request):
    return render(request, "push/devices.html", {
        "devices": selectors.devices_of(owner=request.user),
        "application_server_key": keys.application_server_key(),
    })


@login_required
@require_POST
def subscribe(request):
    """Called by devices.js with the browser's PushSubscription as JSON (and the CSRF
    token in its header), after the person pressed the button and allowed notifications."""
    try:
        subscription = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"detail": _("This browser sent a push subscription we cannot use. Please try again.")},
                            status=400)
    device = services.add_device(owner=request.user, subscription=subscription,
                                 user_agent=request.headers.get("User-Agent", ""))
    messages.success(request, _("Push notifications are on for this device."))
    return JsonResponse({"id": device.pk, "name": device.name}, status=201)


@login_required
@require_POST
def remove(request, device_id: int):
    services.remove_device(owner=request.user, device_id=device_id)
    messages.success(request, _("That device will get no more notifications from Kinwell."))
    return redirect("push:devices")
