"""Tests for kinwell/directory/bundled.py.

A fresh clone's `make run`: the national directory the project carries is loaded once,
and the finder finds real places near Atlanta and Billings, and the searches a support
plan suggests find real services. One full load for the whole suite (it is the slowest
thing in it), so everything that needs the real directory is checked here."""

import io
import re
import time
from html import unescape

import pytest
from django.core.management import call_command
from django.db import connection

from kinwell.directory import geo, search
from kinwell.directory.models import ImportRun, Location, Service, ServiceTerm, TaxonomyTerm
from tests.support.test_flow import walk_the_flow

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def near(zip_code, radius, *keys):
    lat, lon = geo.zip_centroid(zip_code)
    with connection.cursor() as cursor:
        return search.run(cursor, search.Query(lat, lon, radius, tuple(keys)))


def test_make_run_loads_the_national_directory_once_and_finds_real_places(settings, client, client_for, user):
    settings.DIRECTORY_LOAD_BUNDLED = True
    out = io.StringIO()
    started = time.monotonic()
    call_command("load_demo_data", stdout=out)  # tasks run at once in tests: the worker's import, inline
    print(f"national directory through load_demo_data: {time.monotonic() - started:.1f} s")
    assert "loading the national directory" in out.getvalue()
    assert Service.objects.count() == 9037 and Location.objects.filter(coordinates_approximate=True).count() == 9037
    assert ImportRun.objects.count() == 1 and ServiceTerm.objects.count() > 400_000

    for zip_code, city in (("30303", "Atlanta"), ("59101", "Billings")):
        page = client.get("/find-help/", {"zip": zip_code, "radius": 25}).content.decode()
        assert city in page, zip_code
        assert near(zip_code, 25).total > (20 if city == "Atlanta" else 3)

    again = io.StringIO()
    call_command("load_demo_data", stdout=again)
    assert "loaded and unchanged" in again.getvalue() and ImportRun.objects.count() == 1

    # Couples or family therapy, accepting Medicaid, within 25 miles of 10001.
    results = near("10001", 25, "therapy:couples_family", "payment:medicaid")
    assert results.total > 50
    distances = [hit.distance_miles for hit in results.hits]
    assert distances == sorted(distances) and distances[-1] <= 25 and all(hit.approximate for hit in results.hits)
    for hit in results.hits:
        codes = set(Service.objects.get(pk=hit.service_id).taxonomy_terms.values_list("code", flat=True))
        assert {"CFT", "MD"} <= codes
    assert TaxonomyTerm.objects.get(code="CFT").name == "Couples/family therapy"
    assert TaxonomyTerm.objects.get(code="CFT").parent.name == "Treatment Approaches"
    assert results.counts["payment:medicaid"] == results.total

    # Every prefiltered search a support plan suggests finds services near a real ZIP.
    plan_client = client_for(user)
    page = walk_the_flow(
        plan_client,
        situation={"concerns": ["partner_conflict", "family_tension", "low_mood", "substance_use", "grief"]},
        details={"involves": ["partner", "family"], "duration": "long", "impact": "a_lot"},
        preferences={"payment": "medicaid", "language": "spanish", "zip": "10001"},
    ).content.decode()
    links = sorted({unescape(href) for href in re.findall(r'href="(/find-help/\?[^"]+)"', page)})
    assert len(links) >= 3, links  # couples and family therapy (one search), support groups, individual therapy
    for link in links:
        assert "zip=10001" in link and "payment=payment%3Amedicaid" in link
        html = plan_client.get(link).content.decode()
        found = re.search(r"(\d+) places? within 25 miles", html)
        assert found and int(found.group(1)) > 0, link
