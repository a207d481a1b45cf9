"""One tab set on every page of a circle: Overview, Check-ins, Talk, Together, Today's question and Sharing,
with the section you are in marked aria-current="page" (and only that one)."""

import re

import pytest

from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db

TABS = ["Overview", "Check-ins", "Talk", "Together", "Today's question", "Sharing"]


def tabs_on(page: str) -> tuple[list[str], list[str]]:
    nav = re.search(r'<nav aria-label="Sections of [^"]*" class="circle-tabs">(.*?)</nav>', page, re.S).group(1)
    links = re.findall(r'<a href="[^"]*"( aria-current="page")?>([^<]*)</a>', nav)
    return [label for _current, label in links], [label for current, label in links if current]


@pytest.mark.parametrize("suffix, section", [
    ("", "Overview"),
    ("invite/", "Overview"),
    ("leave/", "Overview"),
    ("check-ins/", "Check-ins"),
    ("talk/", "Talk"),
    ("together/", "Together"),
    ("together/week/", "Together"),
    ("plans/", "Together"),
    ("question/", "Today's question"),
    ("sharing/", "Sharing"),
])
def test_every_circle_page_has_the_tab_set_with_its_section_marked(client_for, suffix, section):
    owner = UserFactory()
    circle = CircleFactory(owner=owner, members=[UserFactory()])
    page = client_for(owner).get(f"/circles/{circle.pk}/{suffix}").content.decode()
    labels, current = tabs_on(page)
    assert labels == TABS
    assert current == [section]
    assert page.count('class="circle-tabs"') == 1


def test_the_tabs_link_to_each_section(client_for):
    owner = UserFactory()
    circle = CircleFactory(owner=owner)
    client = client_for(owner)
    page = client.get(f"/circles/{circle.pk}/").content.decode()
    nav = page[page.index('class="circle-tabs"'):]
    nav = nav[: nav.index("</nav>")]
    hrefs = re.findall(r'href="([^"]+)"', nav)
    assert len(hrefs) == len(TABS)
    for href in hrefs:
        assert href.startswith(f"/circles/{circle.pk}/")
        assert client.get(href).status_code == 200
