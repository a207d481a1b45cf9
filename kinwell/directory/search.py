"""The finder's geo search: plain Python and SQL over a DB-API cursor, no Django.

1. A bounding box around the point narrows `directory_searchentry` with a range scan on
   its (latitude, longitude) index; facet and word filters are `LIKE` tests on the same
   rows (all must match: filters combine with AND).
2. The exact great-circle distance drops the box's corners and sorts what is left.
3. Counts per facet value are taken over the matching results, so each choice says how
   many of the current results it would keep.

Works the same on SQLite and PostgreSQL (both take `%s` placeholders through Django's cursor).
"""

from collections import Counter
from dataclasses import dataclass, field

from kinwell.directory import facets as facet_defs
from kinwell.directory.geo import bounding_box, haversine_miles

TABLE = "directory_searchentry"
RADII = (5, 10, 25, 50, 100)
PAGE_SIZE = 10


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


@dataclass
class Results:
    total: int
    hits: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # facet key -> number of results having it
    page: int = 1
    pages: int = 1


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def build_sql(query: Query) -> tuple[str, list]:
    min_lat, max_lat, min_lon, max_lon = bounding_box(query.latitude, query.longitude, query.radius_miles)
    where = ["latitude BETWEEN %s AND %s", "longitude BETWEEN %s AND %s"]
    params: list = [min_lat, max_lat, min_lon, max_lon]
    for key in query.facets:
        where.append("facets LIKE %s")
        params.append(f"% {key} %")  # keys have no LIKE wildcards except "_", matched literally enough
    for word in query.words:
        where.append("words LIKE %s ESCAPE '\\'")
        params.append(f"%{_like_escape(word.lower())}%")
    sql = (f"SELECT service_at_location_id, service_id, latitude, longitude, approximate, facets FROM {TABLE} "
           f"WHERE {' AND '.join(where)}")
    return sql, params


def run(cursor, query: Query) -> Results:
    sql, params = build_sql(query)
    cursor.execute(sql, params)
    matched = []
    for sal_id, service_id, lat, lon, approximate, facet_text in cursor.fetchall():
        distance = haversine_miles(query.latitude, query.longitude, lat, lon)
        if distance <= query.radius_miles:
            matched.append((distance, str(sal_id), str(service_id), bool(approximate), facet_text))
    matched.sort()
    counts = Counter()
    for row in matched:
        counts.update(row[4].split())
    pages = max(1, -(-len(matched) // query.page_size))
    page = min(max(1, query.page), pages)
    start = (page - 1) * query.page_size
    hits = [Hit(sal, service, round(distance, 1), approximate, facet_defs.decode(text))
            for distance, sal, service, approximate, text in matched[start:start + query.page_size]]
    return Results(total=len(matched), hits=hits, counts=dict(counts), page=page, pages=pages)
