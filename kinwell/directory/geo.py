"""Distances and ZIP code centroids. Plain Python: no Django here.

The finder narrows candidates with a bounding box on indexed latitude/longitude (cheap
range scan in any database), then keeps those whose great-circle distance is inside the
radius (haversine, exact enough for a few hundred miles).
"""

import math
from functools import lru_cache

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_LATITUDE = 69.0


class BadCoordinates(ValueError):
    pass


def haversine_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, miles: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) that contains every point within `miles`.

    A degree of longitude shrinks with the cosine of the latitude; near the poles the
    box simply covers every longitude.
    """
    dlat = miles / MILES_PER_DEGREE_LATITUDE
    cos_lat = math.cos(math.radians(min(89.0, abs(lat) + dlat)))
    dlon = 180.0 if cos_lat < 0.01 else min(180.0, miles / (MILES_PER_DEGREE_LATITUDE * cos_lat))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def parse_coordinates(latitude, longitude) -> tuple[float, float] | None:
    """Both given and valid: the pair; both empty: None; anything else: BadCoordinates."""
    empty = (None, "")
    if latitude in empty and longitude in empty:
        return None
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        raise BadCoordinates(f"latitude {latitude!r} and longitude {longitude!r} must both be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        raise BadCoordinates(f"latitude {lat} must be between -90 and 90 and longitude {lon} between -180 and 180")
    return lat, lon


def normalise_zip(text: str) -> str:
    """"10001-1234", " 10001 ", 10001.0 and "2906" (leading zero lost in a spreadsheet) -> "10001"/"02906"."""
    text = str(text or "").strip()
    if text.endswith(".0"):
        text = text[:-2]
    digits = text.split("-")[0].strip()
    if digits.isdigit() and 3 <= len(digits) <= 5:
        return digits.zfill(5)
    return ""


@lru_cache(maxsize=1)
def _zip_centroids() -> dict[str, tuple[float, float]]:
    """Every ZIP code's centre, read once from the offline `zipcodes` package (about a second).

    `zipcodes.matching` scans its whole table on every call (2 ms), which was most of a
    search's time for each ZIP code not seen before; a dict answers in a microsecond.
    """
    import zipcodes

    centroids: dict[str, tuple[float, float]] = {}
    for match in zipcodes.list_all():
        code = match.get("zip_code")
        if code in centroids:
            continue
        try:
            centroids[code] = float(match["lat"]), float(match["long"])
        except (KeyError, TypeError, ValueError):
            continue
    return centroids


def zip_centroid(zip_code: str) -> tuple[float, float] | None:
    """The centre of a US ZIP code from the offline `zipcodes` package, or None if unknown."""
    code = normalise_zip(zip_code)
    return _zip_centroids().get(code) if code else None
