""""Download all my data": each app contributes its own section.

An app registers a function that returns a JSON-ready dict of one person's data
(in its AppConfig.ready). Every feature that stores personal data adds one, and
the deletion path removes the same data, so the two stay in step.
"""

from collections.abc import Callable
from datetime import date, datetime

_sections: dict[str, Callable] = {}
# What each section holds, in a sentence of ours, for the "My data" page: so the page
# describes every kind the file holds, including sections added later.
_descriptions: dict[str, str] = {}


def register_section(name: str, *, describes=None):
    def decorator(function: Callable) -> Callable:
        _sections[name] = function
        if describes is not None:
            _descriptions[name] = describes
        return function

    return decorator


def section_names() -> list[str]:
    return sorted(_sections)


def described_sections() -> list[tuple[str, str]]:
    """(section name, what it holds) in the order the apps registered them; a section
    without a sentence is listed by its name, so nothing in the file goes unmentioned
    (tests/core/test_new_user_fixes.py asks every section for its sentence)."""
    return [(name, _descriptions.get(name, name.replace("_", " "))) for name in _sections]


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
