"""Helpers for the browser tests: axe-core, keyboard-only moves, reading pages."""

import json
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
from playwright.sync_api import Page

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
# WCAG 2.0, 2.1 and 2.2, levels A and AA, plus target size (2.5.8), which axe ships switched off.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


def axe_violations(page: Page) -> list[dict]:
    page.evaluate(AXE_SCRIPT)
    return page.evaluate("opts => axe.run(document, opts)", AXE_OPTIONS)["violations"]


def describe_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} kind(s) of WCAG violation on {url}:"]
    for violation in violations:
        lines.append(f"\n[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - target: {', '.join(json.dumps(t) for t in node['target'])}")
            lines.append(f"    html:   {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n            ")
            if summary:
                lines.append(f"    why:    {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(page.url, violations)


# --- Keyboard ---------------------------------------------------------------------

# What has focus, whether it matches what we are looking for, and whether a sighted
# keyboard user can see where focus is (an outline or a box shadow, on something
# with a size).
_FOCUS_STATE = """
selector => {
  const el = document.activeElement;
  if (!el || el === document.body) { return {matches: false, visible: true, html: "<body>"}; }
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadowed = style.boxShadow && style.boxShadow !== "none";
  return {
    matches: el.matches(selector),
    visible: (outlined || shadowed) && rect.width > 0 && rect.height > 0,
    html: el.outerHTML.slice(0, 160),
  };
}
"""


def focused(page: Page) -> dict:
    return page.evaluate(_FOCUS_STATE, "*")


def tab_to(page: Page, selector: str, *, max_tabs: int = 40, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until `selector` has focus, checking on the way
    that every tab stop shows a visible focus indicator."""
    key = "Shift+Tab" if backwards else "Tab"
    stops = []
    for _ in range(max_tabs):
        page.keyboard.press(key)
        state = page.evaluate(_FOCUS_STATE, selector)
        stops.append(state["html"])
        assert state["visible"], f"No visible focus indicator on {state['html']} ({page.url})"
        if state["matches"]:
            return
    raise AssertionError(
        f"{max_tabs} presses of {key} never reached {selector} on {page.url}. Tab stops:\n  " + "\n  ".join(stops)
    )


def next_tab_is(page: Page, selector: str) -> None:
    """The very next Tab stop is `selector`: the focus order follows the form."""
    tab_to(page, selector, max_tabs=1)


def type_into_next(page: Page, selector: str, text: str) -> None:
    next_tab_is(page, selector)
    page.keyboard.type(text)


def press_and_wait(page: Page, key: str = "Enter") -> None:
    """Press a key that submits a form or follows a link, and wait for the new page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def skip_to_main(page: Page) -> None:
    """On a freshly loaded page: the first Tab stop is the skip link, and it moves focus to main."""
    page.keyboard.press("Tab")
    state = page.evaluate(
        """() => {
          const el = document.activeElement;
          const rect = el.getBoundingClientRect();
          return {cls: el.className, href: el.getAttribute("href"), text: el.textContent.trim(),
                  onScreen: rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.width > 0}
        }"""
    )
    assert (state["cls"], state["href"], state["text"]) == ("skip-link", "#main", "Skip to main content"), (
        f"The first Tab stop on {page.url} is not the skip link: {state}"
    )
    assert state["onScreen"], f"The skip link is focused but not visible on {page.url}"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main", f"The skip link left focus outside main on {page.url}"


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def start_in_main(page: Page) -> None:
    """Begin keyboard work in main. A fresh page: through the skip link. A page reached
    after using it already starts there: its URL ends in #main (redirects carry the
    fragment over), so the browser starts Tab navigation from main."""
    if urlsplit(page.url).fragment != "main":
        skip_to_main(page)
