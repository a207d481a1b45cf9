"""What every case module in tests/browser/cases/ shares: the `Case` record and the
small visits most pages need (open a path, submit a form, show its errors).

A visit is `visit(page, demo, settings)`: it leaves the page in the state axe checks.
`demo` is tests/browser/demo.py's `Demo`; `settings` is pytest-django's fixture."""

from dataclasses import dataclass
from typing import Callable

NOT_FOUND = "the not-found page"

URGENT_TEXT = "I can't do this anymore. I've been saving my pills and tonight is the night."


@dataclass
class Case:
    id: str
    covers: str  # the URL name the page ends on, or NOT_FOUND
    visit: Callable  # visit(page, demo, settings) leaves the page in the state to check
    who: str | None = None  # None: signed out; otherwise an attribute of Demo
    width: int = 1280  # 320 is WCAG's reflow width: a phone, or a desktop zoomed to 400%


def go(path):
    return lambda page, demo, settings: page.goto(path)


def submit(page, button_name):
    with page.expect_navigation():
        page.get_by_role("button", name=button_name, exact=True).click()


def with_errors(path, button_name, **fields):
    """Open a form, fill the given fields (by name; the rest stay empty), submit it and
    check the error state is what we are looking at."""

    def visit(page, demo, settings):
        page.goto(path(demo) if callable(path) else path)
        for name, value in fields.items():
            field = page.locator(f"main [name='{name}']")
            # Like a client that ignores maxlength: the server must still answer kindly.
            field.evaluate("el => el.removeAttribute('maxlength')")
            field.fill(value)
        submit(page, button_name)
        assert page.locator(".error-summary").is_visible(), f"No error summary on {page.url}"

    return visit


def circle_page(suffix, circle="family"):
    return lambda demo: f"/circles/{getattr(demo, circle).pk}/{suffix}"
