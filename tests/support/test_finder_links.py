"""The help-finder searches a plan suggests return real results once the SAMHSA
directory is loaded."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from tests.support.test_flow import walk_the_flow

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_every_prefiltered_search_in_a_plan_finds_services_near_a_real_zip(client_for, user):
    samhsa = Path(settings.SHARED_DATA_DIR) / "samhsa" / "National_Directory_MH_Facilities_2022.xlsx"
    call_command("import_directory", "samhsa-xlsx", str(samhsa))
    client = client_for(user)
    page = walk_the_flow(
        client,
        situation={"concerns": ["partner_conflict", "family_tension", "low_mood", "substance_use", "grief"]},
        details={"involves": ["partner", "family"], "duration": "long", "impact": "a_lot"},
        preferences={"payment": "medicaid", "language": "spanish", "zip": "10001"},
    ).content.decode()
    finder = reverse("directory:finder")
    links = sorted({unescape(href) for href in re.findall(rf'href="({re.escape(finder)}\?[^"]+)"', page)})
    assert len(links) >= 3, links  # couples and family therapy (one search), support groups, individual therapy
    for link in links:
        assert "zip=10001" in link and "payment=payment%3Amedicaid" in link
        results = client.get(link)
        assert results.status_code == 200, link
        html = results.content.decode()
        found = re.search(r"(\d+) places? within 25 miles", html)
        assert found and int(found.group(1)) > 0, link
