"""Spanish leftovers: a Spanish-speaking person walks every page reachable from the nav
and the main pages of each app, and no English is left in what they can read.

The page is stripped to its visible text: scripts, styles and `lang="en"` elements
(published English wording, English tags, citations) are left out, and so are proper
names of services and the directory's facility data. What remains must hold none of
the common English words below, which never appear in Spanish. "Check-in" is not
accepted as a loan word: the Spanish is «registro».
"""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from kinwell.circles.models import Circle

pytestmark = pytest.mark.django_db

ENGLISH = {
    "the", "and", "your", "you", "with", "this", "what", "that", "for", "from", "please", "have", "are", "will",
    "can", "our", "we", "my", "here", "about", "when", "how", "not", "of", "to", "is", "it", "save", "delete",
    "back", "next", "cancel", "settings", "check-in", "check-ins", "sign", "help", "now", "home", "more", "see",
    "yes", "nothing", "yet", "only", "who", "which", "would", "should", "been", "add", "edit",
    "share", "shared", "today", "week", "days", "day", "questions", "question", "answer", "results", "result",
}
# Proper names said as they are: services, programmes, products, formats.
NAMES = [
    "988 Suicide & Crisis Lifeline", "Crisis Text Line", "The Trevor Project", "Trevor Project", "Trans Lifeline",
    "National Domestic Violence Hotline", "SAMHSA", "FindTreatment.gov", "Open Referral", "Daylio", "Kinwell",
    "PHQ Screeners", "Pfizer Inc.", "Love Is Respect", "love is respect",
]
SKIP_TAGS = {"script", "style", "template", "svg"}  # svg text is repeated as a table beside each chart


class VisibleText(HTMLParser):
    """The text a reader sees, without lang="en" parts and the directory's facility data."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: does it hide its content?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        hidden = (tag in SKIP_TAGS or (attrs.get("lang") or "").startswith("en")
                  or "facility" in (attrs.get("class") or "") or attrs.get("translate") == "no"
                  # Time zone identifiers (America/Port of Spain) are names, in every language.
                  or (attrs.get("name") or "").endswith("time_zone"))
        self.stack.append(hidden or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return " ".join(" ".join(parser.parts).split())


def english_words(text: str, names=()) -> list[str]:
    for name in [*names, *NAMES]:
        text = text.replace(name, " ")
    text = re.sub(r"\S+@\S+|https?://\S+|\S+\.(?:gov|org|com|invalid)\S*", " ", text)
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text)  # whole words: «notó» is not "not"
    return sorted({w for w in words if w.lower() in ENGLISH})


def context(text: str, word: str) -> str:
    found = re.search(rf".{{0,40}}(?<!\w){re.escape(word)}(?![\w-]).{{0,40}}", text)
    return found.group(0) if found else word


@pytest.fixture
def ana_client():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    from django.contrib.auth import get_user_model

    ana = get_user_model().objects.get(email="ana@example.com")
    assert ana.language == "es"
    client = Client()
    client.force_login(ana)
    return client, ana


MAIN_PAGES = [
    "core:home", "core:help_now", "core:accessibility", "core:privacy",
    "accounts:settings", "accounts:data", "accounts:tokens", "accounts:password_change",
    "safety:plan", "safety:supporting", "circles:new", "circles:access_log",
    "checkins:mine", "checkins:new", "checkins:trends", "checkins:settings", "checkins:import_export",
    "screening:index", "screening:history", "screening:summary",
    "journal:index", "journal:goals",
    "connect:index", "connect:gratitude", "connect:ideas", "connect:calendar",
    "talk:home", "talk:coach",
    "library:list", "library:guidelines",
    "support:plan",
    "summary:index",
    "directory:finder",
]
CIRCLE_PAGES = ["circles:detail", "checkins:circle", "connect:circle", "connect:week", "connect:plans", "talk:circle"]


def nav_links(html: str) -> set[str]:
    nav = html[html.find("<nav"): html.find("</nav>")]
    return {href for href in re.findall(r'href="(/[^"#?]*)', nav)
            if not href.startswith(("/static/", "/api/", "/admin/", "/accounts/logout"))}


def pages_for(client, ana) -> list[str]:
    urls = [reverse(name) for name in MAIN_PAGES]
    from kinwell.screening.selectors import available_instruments

    urls += [reverse("screening:start", args=[i.key]) for i in available_instruments(user=ana)]
    from kinwell.screening.models import Response

    urls += [reverse("screening:result", args=[r.pk]) for r in Response.objects.filter(owner=ana, completed_at__isnull=False)]
    urls += [reverse("library:article", args=["when-you-do-not-feel-safe-with-someone-close-to-you"])]
    for circle in Circle.objects.filter(memberships__user=ana):
        urls += [reverse(name, args=[circle.pk]) for name in CIRCLE_PAGES]
    urls += sorted(nav_links(client.get(reverse("core:home")).content.decode()))
    return list(dict.fromkeys(urls))


def test_the_visible_text_leaves_out_english_marked_parts():
    html = '<p>Hola <span lang="en">the wording</span> <script>var the</script><b>y tú</b></p>'
    assert VisibleText.of(html) == "Hola y tú"
    assert english_words("Guarda your plan. The Trevor Project ayuda.") == ["your"]


def test_a_spanish_reader_finds_no_english_left(ana_client):
    client, ana = ana_client
    urls = pages_for(client, ana)
    assert len(urls) > 40
    # Circle names are proper names people choose ("The Riveras"), said as they are.
    circle_names = sorted(Circle.objects.values_list("name", flat=True), key=len, reverse=True)
    leftovers = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        if "text/html" not in response["Content-Type"]:
            continue
        text = VisibleText.of(response.content.decode())
        found = english_words(text, names=circle_names)
        if found:
            # Each word with a little of the text around it, to find the string.
            leftovers[url] = [f"{w}: {context(text, w)}" for w in found]
    for url, words in leftovers.items():
        print(url, words)
    assert leftovers == {}
