"""Walk the URL conf: shared by the tests that make sure no URL escapes their checks."""

from django.urls import URLPattern, URLResolver, get_resolver


def named_patterns(resolver=None, prefix="", namespace=""):
    """Yield (route, "namespace:name") for every URL pattern; the name is None when unnamed."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            yield route, (f"{namespace}{pattern.name}" if pattern.name else None)
