import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.factories import UserFactory

pytestmark = pytest.mark.browser
WIDTHS = (320, 768, 1280)
ONLY = None


def test_shots(new_context):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    User = get_user_model()
    maya = User.objects.get(email="maya@example.com")
    maya_es = User.objects.get(email="jordan@example.com")
    maya_es.language = "es"; maya_es.save()
    fresh = UserFactory(display_name="Robin")
    fresh_es = UserFactory(display_name="Lucía", language="es")
    circle = maya.memberships.select_related("circle").order_by("circle__name").first().circle
    for width in WIDTHS:
        for name, person, path in [
            ("home-new", fresh, "/"),
            ("home-new-es", fresh_es, "/"),
            ("home-maya", maya, "/"),
            ("home-jordan-es", maya_es, "/"),
            ("circle-maya", maya, f"/circles/{circle.pk}/"),
            ("circle-jordan-es", maya_es, f"/circles/{circle.pk}/"),
            ("talk-maya", maya, f"/circles/{circle.pk}/talk/"),
            ("out-es", None, "/"),
        ]:
            if ONLY and name not in ONLY:
                continue
            context = new_context(as_user=person, viewport={"width": width, "height": 900},
                                  locale="es-ES" if name.endswith("-es") else "en-US",
                                  extra_http_headers={"Accept-Language": "es" if name.endswith("-es") else "en"})
            page = context.new_page()
            page.goto(path)
            page.screenshot(path=f"/tmp/shots-home/{name}-{width}.png", full_page=True)
            page.screenshot(path=f"/tmp/shots-home/{name}-{width}-top.png")
            print(page.evaluate("[...document.querySelectorAll('.brand, .help-now-link, .nav > li')].map(e => e.className + ':' + Math.round(e.getBoundingClientRect().width) + '@' + Math.round(e.getBoundingClientRect().top)).join(' | ')"))
            header = page.locator(".site-header").bounding_box()
            print(name, width, "header height", header["height"], "scroll width", page.evaluate("document.documentElement.scrollWidth"))
            context.close()
