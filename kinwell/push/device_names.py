"""A device's name from its browser's user agent, e.g. "Chrome · Android". Pure Python.

Only to tell a person's devices apart in their list: a rough guess is enough, and
nothing else is read from the user agent or kept of it.
"""

# Order matters: Edge and Samsung Internet also say "Chrome", Chrome also says "Safari".
BROWSERS = [("Edg", "Edge"), ("SamsungBrowser", "Samsung Internet"), ("OPR", "Opera"), ("Firefox", "Firefox"),
            ("FxiOS", "Firefox"), ("CriOS", "Chrome"), ("Chrome", "Chrome"), ("Chromium", "Chromium"),
            ("Safari", "Safari")]
SYSTEMS = [("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
           ("Mac OS X", "Mac"), ("Macintosh", "Mac"), ("CrOS", "ChromeOS"), ("Linux", "Linux")]


def device_name(user_agent: str) -> str:
    """Names of products only, so the name needs no translating; "" when nothing is
    recognised (the page then says "A browser" in the reader's language)."""
    user_agent = user_agent or ""
    browser = next((name for marker, name in BROWSERS if marker in user_agent), "")
    system = next((name for marker, name in SYSTEMS if marker in user_agent), "")
    return " · ".join(part for part in (browser, system) if part)
