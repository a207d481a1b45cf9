"""The finder's index (grid rows, facet bits, result cards) gives what a plain reading of the
directory gives, and stays in step with it after re-imports, hiding, deleting and admin edits."""

import json
import random
from collections import Counter

import pytest
from django.db import connection
from django.db.models import Prefetch

from kinwell.directory import facets, geo, search, search_index, selectors
from kinwell.directory.demo import load_demo_directory
from kinwell.directory.models import Phone, SearchEntry, Service, ServiceAtLocation
from kinwell.directory.records import Bundle, ParsedDirectory, stable_id
from kinwell.directory.reportable import _delete, _hide
from kinwell.directory.services import import_directory, import_file
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(locator_json, data_dir):
    import_file(file_format="locator-json", path=locator_json)
    import_file(file_format="hsds", path=data_dir / "hsds-sample-1.1" / "all_resources")
    load_demo_directory()
    import_directory(parsed=made_up_directory())


def made_up_directory(places=120, seed=11):
    """Organizations around Charlottesville with several locations and services each: services
    at two places, places with two services (equal distances), second address lines, phones."""
    rng = random.Random(seed)
    codes = sorted({code for facet in facets.FACETS.values() for code in facet.codes})
    parsed = ParsedDirectory(source="test")
    terms = {code: stable_id("test", "term", code) for code in codes}
    parsed.terms = [{"id": i, "code": c, "name": c, "description": "", "parent_id": None, "taxonomy": "test"}
                    for c, i in terms.items()]
    for number in range(places // 3):
        key = f"org-{number}"
        locations = []
        for place in range(rng.randint(1, 3)):
            lid = stable_id("test", key, "location", place)
            locations.append({
                "id": lid, "name": f"Site {place}", "coordinates_approximate": rng.random() < 0.2,
                "latitude": 38.03 + rng.gauss(0, 0.4), "longitude": -78.48 + rng.gauss(0, 0.4),
                "addresses": [{"id": stable_id("test", lid, "address"), "address_1": f"{number} Test Road",
                               "address_2": rng.choice(["", "Suite 2"]), "city": rng.choice(["Crozet", "Ivy"]),
                               "state_province": "VA", "postal_code": "22932", "country": "US"}],
                "phones": [{"id": stable_id("test", lid, "phone", n), "number": f"434-555-{rng.randint(1000, 9999)}",
                            "description": rng.choice(["Main", "Intake", ""])} for n in range(rng.randint(0, 2))]})
        services = []
        for service in range(rng.randint(1, 3)):
            sid = stable_id("test", key, "service", service)
            at = rng.sample(locations, rng.randint(1, len(locations)))
            services.append({"id": sid, "name": f"Made-up service {number}.{service}", "description": "Testing.",
                             "url": rng.choice(["", "https://example.org"]),
                             "terms": sorted(terms[c] for c in rng.sample(codes, rng.randint(0, 20))),
                             "phones": [{"id": stable_id("test", sid, "phone"), "number": "434-555-0000",
                                         "description": rng.choice(["Main", ""])}] if rng.random() < 0.3 else [],
                             "at_locations": [{"id": stable_id("test", sid, loc["id"]), "location_id": loc["id"]}
                                              for loc in at]})
        parsed.bundles.append(Bundle(row=number, organization={"id": stable_id("test", key), "name": f"Org {number}",
                                                               "website": rng.choice(["", "https://org.example"])},
                                     locations=locations, services=services))
    return parsed


def plain_reading():
    """Every searchable place read through the ORM, facets from its taxonomy terms: what the
    search must agree with, computed without `SearchEntry`."""
    places = ServiceAtLocation.objects.select_related("service__organization", "location").prefetch_related(
        "location__addresses", Prefetch("location__phones", queryset=Phone.objects.order_by("number")),
        "service__phones", "service__taxonomy_terms")
    rows = []
    for place in places:
        service, location = place.service, place.location
        if service.status == selectors.HIDDEN_STATUS or location.latitude is None:
            continue
        addresses = list(location.addresses.all())
        phones = selectors.phones_of(place)
        rows.append({
            "id": str(place.id), "sort": place.id.hex, "service_id": str(service.id),
            "latitude": location.latitude, "longitude": location.longitude,
            "approximate": location.coordinates_approximate,
            "keys": facets.facet_keys((t.code, t.name) for t in service.taxonomy_terms.all()),
            "words": " ".join([service.organization.name, service.name, service.description, location.name,
                               *(a.city for a in addresses)]).lower(),
            "card": {"service_id": str(service.id), "name": service.name, "organization": service.organization.name,
                     "addresses": [[a.address_1, a.address_2, a.city, a.state_province, a.postal_code]
                                   for a in addresses],
                     "phone": phones[0].number if phones else None, "url": service.url,
                     "website": service.organization.website},
        })
    return rows


def expected(rows, query):
    matched = []
    for row in rows:
        if not set(query.facets) <= row["keys"] or any(w.lower() not in row["words"] for w in query.words):
            continue
        distance = geo.haversine_miles(query.latitude, query.longitude, row["latitude"], row["longitude"])
        if distance <= query.radius_miles:
            matched.append((distance, row["sort"], row))
    matched.sort(key=lambda item: item[:2])
    counts = Counter(key for _d, _s, row in matched for key in row["keys"])
    pages = max(1, -(-len(matched) // query.page_size))
    page = min(query.page, pages)
    shown = matched[(page - 1) * query.page_size:page * query.page_size]
    return {"total": len(matched), "counts": dict(counts), "page": page, "pages": pages,
            "hits": [(row["id"], row["service_id"], round(d, 1), row["approximate"], sorted(row["keys"]), row["card"])
                     for d, _s, row in shown]}


def searched(query):
    with connection.cursor() as cursor:
        results = search.run(cursor, query)
    return {"total": results.total, "counts": results.counts, "page": results.page, "pages": results.pages,
            "hits": [(h.service_at_location_id, h.service_id, h.distance_miles, h.approximate, h.facets, h.card)
                     for h in results.hits]}


def mixed_queries(rows, count, seed=6):
    rng = random.Random(seed)
    present = sorted({key for row in rows for key in row["keys"]})
    names = [word for row in rows for word in row["card"]["name"].lower().split() if len(word) > 3]
    queries = []
    for _ in range(count):
        row = rng.choice(rows)
        words = (rng.choice(names),) if rng.random() < 0.2 else ()
        queries.append(search.Query(
            latitude=row["latitude"] + rng.uniform(-0.4, 0.4), longitude=row["longitude"] + rng.uniform(-0.4, 0.4),
            radius_miles=rng.choice(search.RADII), facets=tuple(rng.sample(present, rng.choice((0, 1, 1, 2, 3)))),
            words=words, page=rng.choice((1, 1, 2)), page_size=rng.choice((3, 10))))
    return queries


def test_the_search_agrees_with_a_plain_reading_of_the_directory(directory):
    rows = plain_reading()
    assert len(rows) > 100 and len({row["latitude"] for row in rows}) > 50
    assert len({(row["latitude"], row["longitude"]) for row in rows}) < len(rows)  # some places share a point
    queries = mixed_queries(rows, 150)
    found_something = 0
    for query in queries:
        got = searched(query)
        assert got == expected(rows, query), query
        found_something += got["total"] > 0
    assert found_something > 75  # the queries are near the data, so most find something


def test_the_api_and_the_page_show_the_cards(client, directory):
    place = ServiceAtLocation.objects.get(service__name="Mohr Center")
    body = client.get("/api/v1/directory/search", {"zip": "22902", "radius": 10, "q": "mohr"}).json()
    (result,) = body["results"]
    assert result["id"] == str(place.id) and result["service_id"] == str(place.service_id)
    assert result["address"] == "1014 East Market Street, Charlottesville, VA 22902"
    assert result["phone"] == "434-979-8871" and result["website"] == "http://www.regionten.org"
    assert result["url"] == f"/find-help/{place.id}/" and "Substance use" in result["services"]
    page = client.get("/find-help/", {"zip": "22902", "radius": 10, "q": "mohr"}).content.decode()
    assert f'href="/find-help/{place.id}/?zip=22902&amp;radius=10&amp;q=mohr"' in page
    assert "1014 East Market Street, Charlottesville, VA 22902" in page and 'href="tel:434-979-8871"' in page


def test_an_unknown_facet_matches_nothing():
    with connection.cursor() as cursor:
        assert search.run(cursor, search.Query(38.0, -78.5, 25, ("therapy:nope",))).total == 0


def test_facet_bits_round_trip_and_count():
    keys = {"payment:medicaid", "therapy:couples_family", "ages:adults"}
    assert facets.keys_of(facets.mask(keys)) == sorted(keys)
    assert facets.mask([]) == 0 and facets.mask(["nope"]) is None
    assert max(facets.BIT.values()) < 2 ** 62
    counts = facets.count_keys({facets.mask(keys): 3, facets.mask({"ages:adults"}): 2, 0: 5})
    assert counts == {"payment:medicaid": 3, "therapy:couples_family": 3, "ages:adults": 5}


def test_the_grid_row_of_a_latitude():
    assert search.lat_cell(40.0) == 160 and search.lat_cell(40.24) == 160 and search.lat_cell(40.25) == 161
    assert search.lat_cell(-0.1) == -1


def test_zip_centres_are_the_packages():
    import zipcodes

    for code in ("10001", "22902", "99501", "00501", "60614", "96799"):
        match = zipcodes.matching(code)[0]
        assert geo.zip_centroid(code) == (float(match["lat"]), float(match["long"]))
    assert geo.zip_centroid("00000") is None and geo.zip_centroid("abc") is None
    assert geo.zip_centroid("2906") == geo.zip_centroid("02906") is not None


def entries():
    return {e.service_at_location_id: (e.service_id, e.latitude, e.longitude, e.lat_cell, e.approximate, e.facets,
                                       e.facet_bits, e.words, json.loads(e.card))
            for e in SearchEntry.objects.all()}


def test_rebuilding_from_the_database_gives_what_the_import_wrote(directory):
    imported = entries()
    SearchEntry.objects.all().delete()
    assert search_index.rebuild() == len(imported)
    assert entries() == imported


def test_a_changed_re_import_updates_the_card(tmp_path, locator_json):
    import_file(file_format="locator-json", path=locator_json)
    before = {json.loads(e.card)["phone"]: e.facet_bits for e in SearchEntry.objects.all()}
    data = json.loads(locator_json.read_text())
    old_phone = data["rows"][0]["phone"]
    data["rows"][0].update(phone="434-555-0100", services=[])
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data))
    import_file(file_format="locator-json", path=changed)
    (entry,) = [e for e in SearchEntry.objects.all() if json.loads(e.card)["phone"] == "434-555-0100"]
    assert entry.facet_bits == facets.mask(facets.decode(entry.facets))
    assert entry.facet_bits & before[old_phone] == entry.facet_bits != before[old_phone]  # services dropped
    assert not [e for e in SearchEntry.objects.all() if json.loads(e.card)["phone"] == old_phone]
    assert SearchEntry.objects.count() == 30
    imported = entries()
    search_index.rebuild()
    assert entries() == imported


def test_hidden_and_deleted_services_leave_the_results_and_stay_out_after_a_re_import(locator_json):
    import_file(file_format="locator-json", path=locator_json)
    lat, lon = geo.zip_centroid("22902")
    query = search.Query(lat, lon, 10, ("care:substance_use",))
    first, second = [Service.objects.get(service_at_locations__id=h.service_at_location_id)
                     for h in searched_hits(query)[:2]]
    hidden, deleted = str(first.id), str(second.id)
    _hide(first)
    _delete(second)
    ids = {h.service_id for h in searched_hits(query)}
    assert hidden not in ids and deleted not in ids and len(ids) == 4
    import_file(file_format="locator-json", path=locator_json)  # unchanged rows: nothing comes back
    assert not {hidden, deleted} & {h.service_id for h in searched_hits(query)}
    search_index.rebuild()  # and a rebuild keeps the hidden one out too
    assert not {hidden, deleted} & {h.service_id for h in searched_hits(query)}
    assert len(searched_hits(query)) == 4


def searched_hits(query):
    with connection.cursor() as cursor:
        return search.run(cursor, search.Query(query.latitude, query.longitude, query.radius_miles, query.facets,
                                               page_size=100)).hits


def test_an_inactive_service_in_a_file_is_not_searchable(tmp_path, data_dir):
    import csv
    import shutil

    folder = tmp_path / "package"
    shutil.copytree(data_dir / "hsds-sample-1.1" / "all_resources", folder)
    with (folder / "services.csv").open(newline="") as handle:
        services = list(csv.DictReader(handle))
    services[0]["status"] = "inactive"
    with (folder / "services.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(services[0]))
        writer.writeheader()
        writer.writerows(services)
    import_file(file_format="hsds", path=folder)
    inactive = Service.objects.get(pk=services[0]["id"])
    assert inactive.status == "inactive"
    assert inactive.service_at_locations.exists()
    assert not SearchEntry.objects.filter(service=inactive).exists()
    assert SearchEntry.objects.exclude(service=inactive).exists()


def test_an_admin_edit_reaches_the_results(client_for, locator_json):
    import_file(file_format="locator-json", path=locator_json)
    client = client_for(UserFactory(is_staff=True, is_superuser=True))
    service = Service.objects.get(name="Mohr Center")
    page = client.get(f"/admin/directory/service/{service.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(name="Mohr Center (Market Street)", status="active")
    response = client.post(f"/admin/directory/service/{service.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    (hit,) = [h for h in searched_hits(search.Query(*geo.zip_centroid("22902"), 10)) if h.service_id == str(service.pk)]
    assert hit.card["name"] == "Mohr Center (Market Street)"
    data.update(status=selectors.HIDDEN_STATUS)
    assert client.post(f"/admin/directory/service/{service.pk}/change/", data).status_code == 302
    assert str(service.pk) not in {h.service_id for h in searched_hits(search.Query(*geo.zip_centroid("22902"), 10))}


def test_the_distances_are_exactly_the_haversine_ones():
    rng = random.Random(3)
    here = search.Query(38.03, -78.48, 100)
    rows = [(f"id{n}", 38.03 + rng.uniform(-2, 2), -78.48 + rng.uniform(-2, 2), 0, 0) for n in range(2000)]
    within = search._within(rows, here)
    assert 0 < len(within) < len(rows)
    by_id = {row[0]: row for row in rows}
    for distance, sal_id, _approximate, _bits in within:
        _i, lat, lon, _a, _b = by_id[sal_id]
        assert distance == geo.haversine_miles(here.latitude, here.longitude, lat, lon) <= 100
    assert len(within) == sum(geo.haversine_miles(38.03, -78.48, lat, lon) <= 100 for _i, lat, lon, _a, _b in rows)


def test_counting_facets_agrees_with_counting_keys():
    rng = random.Random(4)
    masks = Counter(rng.getrandbits(len(facets.KEYS)) for _ in range(3000))
    expected_counts = Counter(key for bits, rows in masks.items() for key in facets.keys_of(bits) for _ in range(rows))
    assert facets.count_keys(masks) == dict(expected_counts)
    assert facets.count_keys({}) == {} and facets.count_keys({0: 7}) == {}


def test_labels_are_in_the_language_of_the_request():
    from django.utils import translation

    from kinwell.directory import labels

    with translation.override("es"):
        spanish = labels.facet_labels(["care:mental_health", "payment:sliding"])
    with translation.override("en"):
        english = labels.facet_labels(["care:mental_health", "payment:sliding"])
    assert english == ["Mental health", "Sliding fee (based on income)"]
    assert spanish[0] == "Salud mental" and spanish != english
