"""Tests for kinwell/directory/views.py and forms.py.

The finder pages, public and without JavaScript."""

import re

import pytest

from kinwell.directory.models import ServiceAtLocation
from kinwell.directory.services import import_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def charlottesville(locator_json):
    import_file(file_format="locator-json", path=locator_json)


def result_titles(response):
    return re.findall(r'<h3><a href="/find-help/[0-9a-f-]+/\?[^"]*">([^<]+)</a></h3>', response.content.decode())


def test_the_empty_finder_asks_where(client):
    response = client.get("/find-help/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="zip"' in page and "1-800-662-4357" in page and 'href="tel:988"' in page
    assert "Save to my support plan" not in page and "Report" not in page


def test_a_search_by_zip_lists_nearest_first(client, charlottesville):
    response = client.get("/find-help/", {"zip": "22902", "radius": "10", "care": "care:substance_use"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "6 places within 10 miles" in page
    titles = result_titles(response)
    assert titles[0] == "Mohr Center"
    miles = [float(m) for m in re.findall(r"<strong>([\d.]+) miles away</strong>", page)]
    assert miles == sorted(miles) and miles[0] < 1
    assert 'href="tel:434-979-8871"' in page
    # Counts per choice are over the current results.
    assert re.search(r"Substance use \(6\)", page)


def test_filters_combine_and_the_query_is_in_the_url(client, charlottesville):
    both = client.get("/find-help/?zip=22902&radius=50&therapy=therapy:couples_family&payment=payment:medicaid")
    couples = client.get("/find-help/?zip=22902&radius=50&therapy=therapy:couples_family")
    assert 0 < len(result_titles(both)) <= len(result_titles(couples))
    assert "page=2" not in both.content.decode() or "Next page" in both.content.decode()


def test_nothing_found_suggests_widening_and_shows_helplines(client, charlottesville):
    response = client.get("/find-help/", {"zip": "99501", "radius": "5"})  # Anchorage: nothing in the sample
    page = response.content.decode()
    assert response.status_code == 200
    assert "0 places within 5 miles" in page and "Try a wider distance, such as 10 miles" in page
    assert "1-800-662-4357" in page


def test_an_unknown_zip_is_a_clear_400(client):
    response = client.get("/find-help/", {"zip": "00000"})
    assert response.status_code == 400
    assert "We could not find the US ZIP code" in response.content.decode()


def test_use_my_location_coordinates_work_without_a_zip(client, charlottesville):
    response = client.get("/find-help/", {"lat": "38.03", "lon": "-78.47", "radius": "5"})
    assert response.status_code == 200 and result_titles(response)


def test_detail_page(client, charlottesville):
    place = ServiceAtLocation.objects.get(service__name="Mohr Center")
    response = client.get(f"/find-help/{place.pk}/", {"zip": "22902"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Region Ten Community Services Board" in page and "1014 East Market Street" in page
    assert "Cognitive behavioral therapy" in page and "miles from where you searched" in page
    assert 'href="tel:434-979-8871"' in page and "http://www.regionten.org" in page
    assert client.get("/find-help/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_search_api_takes_the_same_filters(client, charlottesville):
    response = client.get("/api/v1/directory/search", {"zip": "22902", "radius": 10, "facet": "care:substance_use"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 6 and body["results"][0]["name"] == "Mohr Center"
    assert body["results"][0]["phone"] == "434-979-8871" and body["results"][0]["distance_miles"] < 1
    assert body["counts"]["care:substance_use"] == 6
    assert client.get("/api/v1/directory/search", {"zip": "22902", "radius": 7}).status_code == 400
    assert client.get("/api/v1/directory/search", {"zip": "22902", "facet": "nope"}).status_code == 400
    assert client.get("/api/v1/directory/search").status_code == 400
    assert client.get("/api/v1/directory/facets").json()[0]["key"] == "care:mental_health"


def test_words_narrow_the_search(client, charlottesville):
    response = client.get("/find-help/", {"zip": "22902", "radius": "25", "q": "mohr"})
    assert result_titles(response) == ["Mohr Center"]
    nothing = client.get("/find-help/", {"zip": "22902", "radius": "25", "q": "100%_"})
    assert nothing.status_code == 200 and result_titles(nothing) == []


def test_only_the_finder_may_ask_for_the_location(client):
    finder = client.get("/find-help/")
    assert "geolocation=(self)" in finder["Permissions-Policy"]
    page = finder.content.decode()
    assert "Use my location" in page and "never stored" in page
    for other in ("/", "/help-now/"):
        assert "geolocation=()" in client.get(other)["Permissions-Policy"], other


def test_each_result_links_to_directions_in_a_new_tab(client, charlottesville):
    page = client.get("/find-help/", {"zip": "22902", "radius": "10"}).content.decode()
    links = re.findall(r'<a href="(https://www\.google\.com/maps/dir/\?[^"]+)" target="_blank" '
                       r'rel="noopener noreferrer">Directions', page)
    assert len(links) == len(result_titles_from(page)) > 0
    assert any("destination=1014+East+Market+Street%2C+Charlottesville%2C+VA+22902" in link for link in links)
    # Only links: the page itself loads nothing from the map site.
    assert not re.search(r'<(img|script|iframe|link)[^>]+google', page)


def result_titles_from(page):
    return re.findall(r'<h3><a href="/find-help/[0-9a-f-]+/\?[^"]*">([^<]+)</a></h3>', page)


def test_the_empty_hint_does_not_suggest_a_choice_already_made(client, charlottesville):
    plain = client.get("/find-help/", {"zip": "99501", "radius": "100"}).content.decode()
    assert "Nothing matches" in plain and "choose “Telehealth”." in plain and "wider distance" not in plain
    chosen = client.get("/find-help/", {"zip": "99501", "radius": "25", "access": "access:telehealth"}).content.decode()
    assert "Nothing matches" in chosen and "Telehealth”" not in chosen and "such as 50 miles" in chosen
