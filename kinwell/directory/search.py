"""The finder's geo search: plain Python and SQL over a DB-API cursor, no Django.

1. The search grid: rows of a quarter degree of latitude (`lat_cell`). A query lists the
   rows its bounding box touches and, in each, the range of longitudes, so the database
   seeks straight to the box in the (lat_cell, longitude, ...) index instead of scanning a
   whole band of latitude. Facets are one bit each (`facets.mask`): `facet_bits & mask =
   mask` keeps the rows that have every chosen facet (filters combine with AND). All of it
   is answered from the index entries; only word filters (`LIKE` on `words`) read the rows.
2. The exact great-circle distance (`geo.haversine_miles`) drops the box's corners and
   sorts what is left, nearest first (then by id, so the order is stable).
3. Counts per facet value are taken over the matching results from their bits, so each
   choice says how many of the current results it would keep.
4. Only the page's rows fetch their `card` (what a result shows, JSON), by primary key.

Works the same on SQLite and PostgreSQL (both take `%s` placeholders through Django's cursor).
"""

import json
import math
import uuid
from collections import Counter
from dataclasses import dataclass, field

from kinwell.directory import facets as facet_defs
from kinwell.directory.geo import EARTH_RADIUS_MILES, bounding_box

TABLE = "directory_searchentry"
RADII = (5, 10, 25, 50, 100)
PAGE_SIZE = 10
GRID_CELLS_PER_DEGREE = 4  # a quarter degree of latitude is about 17 miles


@dataclass(frozen=True)
class Query:
    latitude: float
    longitude: float
    radius_miles: float = 25
    facets: tuple = ()  # facet keys, e.g. ("therapy:couples_family", "payment:medicaid")
    words: tuple = ()
    page: int = 1
    page_size: int = PAGE_SIZE


@dataclass
class Hit:
    service_at_location_id: str
    service_id: str
    distance_miles: float
    approximate: bool
    facets: list
    card: dict = field(default_factory=dict)  # see `card()`


@dataclass
class Results:
    total: int
    hits: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # facet key -> number of results having it
    page: int = 1
    pages: int = 1


def lat_cell(latitude: float) -> int:
    """The grid row of a latitude (`SearchEntry.lat_cell`)."""
    return math.floor(latitude * GRID_CELLS_PER_DEGREE)


def card(*, service_id, organization: dict, service: dict, location: dict) -> str:
    """What a result shows, from HSDS-named dicts (an import bundle's, or rows read back).

    The phone is the one the detail page lists first: the location's numbers in order,
    then the service's, the one SAMHSA marks "Main" before the others.
    """
    phones = sorted(location.get("phones") or [], key=lambda phone: phone.get("number") or "")
    phones += list(service.get("phones") or [])
    phones.sort(key=lambda phone: (phone.get("description") or "") != "Main")
    addresses = [[address.get(name) or "" for name in ("address_1", "address_2", "city", "state_province",
                                                       "postal_code")]
                 for address in location.get("addresses") or []]
    return json.dumps({
        "service_id": str(uuid.UUID(str(service_id))), "name": service.get("name") or "",
        "organization": organization.get("name") or "", "addresses": addresses,
        "phone": phones[0].get("number") if phones else None,
        "url": service.get("url") or "", "website": organization.get("website") or "",
    }, separators=(",", ":"))


def longitude_spans(min_lon: float, max_lon: float) -> list[tuple[float, float]]:
    """The box's longitudes as ranges within -180..180: two when it crosses the antimeridian
    (a box from 170° E to 190° E is 170..180 and -180..-170), all of them when it is as wide
    as the Earth (from Hawaii to Guam and the Northern Mariana Islands)."""
    if max_lon - min_lon >= 360:
        return [(-180.0, 180.0)]
    if min_lon < -180:
        return [(-180.0, max_lon), (min_lon + 360, 180.0)]
    if max_lon > 180:
        return [(-180.0, max_lon - 360), (min_lon, 180.0)]
    return [(min_lon, max_lon)]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def build_sql(query: Query) -> tuple[str, list] | None:
    """The candidates' SQL, or None when a facet is unknown (nothing can match it)."""
    bits = facet_defs.mask(query.facets)
    if bits is None:
        return None
    min_lat, max_lat, min_lon, max_lon = bounding_box(query.latitude, query.longitude, query.radius_miles)
    min_lat, max_lat = max(-90.0, min_lat), min(90.0, max_lat)
    cells = list(range(lat_cell(min_lat), lat_cell(max_lat) + 1))
    spans = longitude_spans(min_lon, max_lon)
    longitudes = " OR ".join(["longitude BETWEEN %s AND %s"] * len(spans))
    where = [f"lat_cell IN ({', '.join(['%s'] * len(cells))})", longitudes if len(spans) == 1 else f"({longitudes})",
             "latitude BETWEEN %s AND %s"]
    params: list = [*cells, *(edge for span in spans for edge in span), min_lat, max_lat]
    if bits:
        where.append("(facet_bits & %s) = %s")
        params += [bits, bits]
    for word in query.words:
        where.append("words LIKE %s ESCAPE '\\'")
        params.append(f"%{_like_escape(word.lower())}%")
    # The id as text: PostgreSQL's driver would make a uuid.UUID of every candidate's.
    sql = (f"SELECT CAST(service_at_location_id AS TEXT), latitude, longitude, approximate, facet_bits FROM {TABLE} "
           f"WHERE {' AND '.join(where)}")
    return sql, params


def matches(cursor, query: Query) -> list[tuple]:
    """Every match as (distance, id, approximate, bits), nearest first (then by id)."""
    built = build_sql(query)
    if built is None:
        return []
    cursor.execute(*built)
    matched = _within(cursor.fetchall(), query)
    matched.sort()
    return matched


def run(cursor, query: Query) -> Results:
    matched = matches(cursor, query)
    if not matched and facet_defs.mask(query.facets) is None:
        return Results(total=0)
    counts = facet_defs.count_keys(Counter(row[3] for row in matched))
    pages = max(1, -(-len(matched) // query.page_size))
    page = min(max(1, query.page), pages)
    start = (page - 1) * query.page_size
    shown = matched[start:start + query.page_size]
    cards = _cards(cursor, [row[1] for row in shown])
    hits = []
    for distance, sal_id, approximate, bits in shown:
        if sal_id in cards:  # gone between the two queries (an import replaced it): skip
            shown_card = cards[sal_id]
            hits.append(Hit(str(uuid.UUID(sal_id)), shown_card["service_id"], round(distance, 1), approximate,
                            facet_defs.keys_of(bits), shown_card))
    return Results(total=len(matched), hits=hits, counts=counts, page=page, pages=pages)


def _within(rows, query: Query) -> list[tuple]:
    """(distance, id, approximate, bits) of the rows inside the radius.

    `geo.haversine_miles` written out in the loop (the same operations, so the same
    distances): a function call per candidate was a third of the time on dense areas.
    """
    radians, sin, cos, asin, sqrt = math.radians, math.sin, math.cos, math.asin, math.sqrt
    phi1, here_lon, radius = radians(query.latitude), query.longitude, query.radius_miles
    cos_phi1, diameter = cos(phi1), 2 * EARTH_RADIUS_MILES
    matched = []
    for sal_id, lat, lon, approximate, bits in rows:
        phi2 = radians(lat)
        a = sin((phi2 - phi1) / 2) ** 2 + cos_phi1 * cos(phi2) * sin(radians(lon - here_lon) / 2) ** 2
        distance = diameter * asin(min(1.0, sqrt(a)))
        if distance <= radius:
            matched.append((distance, sal_id, bool(approximate), bits))
    return matched


def _cards(cursor, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    cursor.execute(f"SELECT service_at_location_id, card FROM {TABLE} "
                   f"WHERE service_at_location_id IN ({', '.join(['%s'] * len(ids))})", ids)
    return {str(sal_id): json.loads(text) for sal_id, text in cursor.fetchall()}
