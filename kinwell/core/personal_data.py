""""Download all my data": each app contributes its own section.

An app registers a function that returns a JSON-ready dict of one person's data
(in its AppConfig.ready). Every feature that stores personal data adds one, and
the deletion path removes the same data, so the two stay in step.
"""

from collections.abc import Callable
from datetime import date, datetime

_sections: dict[str, Callable] = {}


def register_section(name: str):
    def decorator(function: Callable) -> Callable:
        _sections[name] = function
        return function

    return decorator


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    return value


def export_for(user) -> dict:
    from django.utils import timezone

    document = {"format": "kinwell-export", "version": 1, "exported_at": timezone.now()}
    for name in sorted(_sections):
        document[name] = _sections[name](user)
    return _jsonable(document)
