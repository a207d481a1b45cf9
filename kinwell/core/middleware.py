from django.shortcuts import render

from kinwell.core.errors import ServiceError

# The site makes no third-party requests: everything comes from our own origin.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Personal pages must not linger in shared caches or the back-forward cache.
            response.setdefault("Cache-Control", "no-store")
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, ServiceError):
            return render(
                request,
                "core/problem.html",
                {"message": exception.message, "status": exception.status},
                status=exception.status,
            )
        return None
