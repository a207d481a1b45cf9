"""RFC 8058 one-click unsubscribe: a mail program POSTs exactly
`List-Unsubscribe=One-Click` to the List-Unsubscribe address, with no CSRF token (it has
no session). Only that exact body skips the CSRF check; every other POST is checked as
usual, so the exemption cannot be used to change anything else."""

from functools import wraps

from django.views.decorators.csrf import csrf_exempt, csrf_protect

ONE_CLICK_BODY = b"List-Unsubscribe=One-Click"


def is_one_click(request) -> bool:
    return request.method == "POST" and request.body == ONE_CLICK_BODY


def one_click_post(view):
    protected = csrf_protect(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_one_click(request):
            return view(request, *args, **kwargs)
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapper)
