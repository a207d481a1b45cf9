"""Driving a page by keyboard alone, counting every key press, the way a person who
cannot use a mouse would: the skip link first, Tab to a control, Space or arrows."""


class Keyboard:
    def __init__(self, page):
        self.page = page
        self.presses: list[str] = []

    def press(self, key: str) -> None:
        self.presses.append(key)
        self.page.keyboard.press(key)

    def focused(self, expression: str):
        return self.page.evaluate(f"document.activeElement.{expression}")

    def tab_to(self, selector: str, *, limit: int = 60) -> None:
        for _ in range(limit):
            self.press("Tab")
            if self.page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    def skip_to_main(self) -> None:
        if self.page.url.endswith("#main"):
            return  # the address kept the skip link's target: Tab already starts inside main
        self.press("Tab")
        assert self.focused("classList.contains('skip-link')"), "the skip link is not the first stop"
        self.press("Enter")

    def check(self, name: str, value: str) -> None:
        self.tab_to(f"input[name={name}][value={value}]")
        self.press("Space")

    def choose(self, name: str, value: str) -> None:
        """A radio group is one tab stop; the arrow keys move within it."""
        self.tab_to(f"input[name={name}]")
        while self.focused("value") != value:
            self.press("ArrowDown")
        if not self.focused("checked"):
            self.press("Space")
