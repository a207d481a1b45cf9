"""Tests for kinwell/directory/parse_samhsa.py, parse_hsds.py, records.py and search.py.

The parsers and the pure helpers, without a database."""

import json

import pytest

from kinwell.directory import facets, geo
from kinwell.directory.parse_hsds import read_hsds
from kinwell.directory.parse_samhsa import read_locator_json
from kinwell.directory.records import ImportFormatError, skip_report


def test_haversine_and_bounding_box():
    # New York City Hall to Los Angeles City Hall: about 2,445 miles as the crow flies.
    assert 2430 < geo.haversine_miles(40.7128, -74.0060, 34.0522, -118.2437) < 2460
    assert geo.haversine_miles(40.0, -74.0, 40.0, -74.0) == 0
    for centre in [(40.7, -74.0), (64.8, -147.7), (25.8, -80.2)]:
        min_lat, max_lat, min_lon, max_lon = geo.bounding_box(*centre, 25)
        grid = [(centre[0] + i / 200, centre[1] + j / 100) for i in range(-100, 101) for j in range(-100, 101)]
        inside = [p for p in grid if geo.haversine_miles(*centre, *p) <= 25]
        assert inside and all(min_lat <= lat <= max_lat and min_lon <= lon <= max_lon for lat, lon in inside)


def test_zip_codes():
    assert geo.normalise_zip("2906") == "02906"
    assert geo.normalise_zip("10001-1234") == "10001"
    assert geo.normalise_zip("ABC 1234") == ""
    lat, lon = geo.zip_centroid("10001")
    assert 40.7 < lat < 40.8 and -74.1 < lon < -73.9
    assert geo.zip_centroid("00000") is None


@pytest.mark.parametrize("lat, lon", [("north", "-74"), ("100", "101"), ("40.7", ""), ("nan", "1")])
def test_bad_coordinates(lat, lon):
    with pytest.raises(geo.BadCoordinates):
        geo.parse_coordinates(lat, lon)


def test_facets_from_codes_and_names():
    keys = facets.facet_keys([("CFT", "Couples/family therapy"), ("MD", ""), ("", "Sliding fee scale"), ("XX", "?")])
    assert keys == {"therapy:couples_family", "payment:medicaid", "payment:sliding"}
    assert facets.decode(facets.encode(keys)) == sorted(keys)


def test_locator_sample_decodes_services(locator_json):
    parsed = read_locator_json(locator_json)
    assert len(parsed.bundles) == 30
    first = parsed.bundles[0]
    assert first.organization["name"] == "Region Ten Community Services Board"
    location = first.locations[0]
    assert (location["latitude"], location["longitude"], location["coordinates_approximate"]) == (
        38.0282239, -78.4725231, False)
    names = {t["id"]: t["name"] for t in parsed.terms}
    assert "Cognitive behavioral therapy" in {names[t] for t in first.services[0]["terms"]}


def test_truncated_json_is_rejected_with_where(tmp_path, locator_json):
    cut = tmp_path / "cut.json"
    cut.write_text(locator_json.read_text()[:5000])
    with pytest.raises(ImportFormatError, match="not valid JSON.*line"):
        read_locator_json(cut)


def test_bad_coordinates_name_the_row(tmp_path, locator_json):
    data = json.loads(locator_json.read_text())
    data["rows"][2]["latitude"] = "91.5"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(ImportFormatError, match="Row 3, field “latitude”"):
        read_locator_json(bad, strict=True)
    lenient = read_locator_json(bad)  # by default the facility is left out and named, the rest imported
    assert len(lenient.bundles) == 29
    assert skip_report(lenient.skipped) == [
        "1 facility with coordinates that are not a place on Earth (field “latitude”): row 3"]


def test_hsds_1_1_sample_package(data_dir):
    parsed = read_hsds(data_dir / "hsds-sample-1.1" / "all_resources")
    assert len(parsed.bundles) == 10
    locations = [loc for b in parsed.bundles for loc in b.locations]
    with_address = [loc for loc in locations if loc["addresses"]]
    assert with_address and all(loc["coordinates_approximate"] for loc in with_address if loc["latitude"])


def test_hsds_3_examples_have_impossible_coordinates(data_dir):
    # The published examples put every location at latitude 100: rejected, with the place named.
    with pytest.raises(ImportFormatError, match="Row 2 of locations.csv, field “latitude”"):
        read_hsds(data_dir / "hsds-3.0" / "examples" / "csv", strict=True)
    with pytest.raises(ImportFormatError, match="Location 3a19ff88"):
        read_hsds(data_dir / "hsds-3.0" / "examples" / "service_full.json", strict=True)
    lenient = read_hsds(data_dir / "hsds-3.0" / "examples" / "csv")
    assert any(skip.what == "location" and skip.field == "latitude" for skip in lenient.skipped)
    assert lenient.bundles and not any(bundle.locations for bundle in lenient.bundles)


def test_hsds_3_json_with_real_coordinates(tmp_path, data_dir):
    text = (data_dir / "hsds-3.0" / "examples" / "service_full.json").read_text()
    fixed = tmp_path / "service.json"
    fixed.write_text(text.replace('"latitude": 100', '"latitude": 40.75').replace('"longitude": 101', '"longitude": -73.99'))
    parsed = read_hsds(fixed)
    [bundle] = parsed.bundles
    assert bundle.organization["name"] == "Example Organization Inc."
    assert bundle.services[0]["name"] == "Community Counselling"
    assert bundle.services[0]["at_locations"]
    assert bundle.locations[0]["latitude"] == 40.75


def test_damaged_zip_is_rejected(tmp_path):
    broken = tmp_path / "package.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ImportFormatError, match="zip file is damaged"):
        read_hsds(broken)


def test_a_box_across_the_antimeridian_is_two_ranges_of_longitude():
    from kinwell.directory.search import longitude_spans

    assert longitude_spans(-80.0, -70.0) == [(-80.0, -70.0)]
    # West of Hawaii past 180°: -200..-120 is -180..-120 and 160..180.
    assert longitude_spans(-200.0, -120.0) == [(-180.0, -120.0), (160.0, 180.0)]
    # From Guam east towards Hawaii: 100..200 is 100..180 and -180..-160.
    assert longitude_spans(100.0, 200.0) == [(-180.0, -160.0), (100.0, 180.0)]
    # A box as wide as the Earth (a circle of thousands of miles): every longitude.
    assert longitude_spans(-337.8, 22.2) == [(-180.0, 180.0)]
