"""The HSDS API against the finder's search API, for the same queries, on the real directory.

    DATABASE_URL=sqlite:////tmp/kinwell-hsds.sqlite3 .venv/bin/python bench/hsds_api.py [--services 100000]

Loads the national directory the project carries (data/samhsa/, 9,037 facilities) into the
database when it is not there yet (use a scratch database), and with `--services N` adds
jittered copies of its facilities until there are N services (as bench/directory_search.py).
Then, for a few hundred facility ZIP codes, page 1 within 25 miles through the whole Django
stack: `/api/v1/directory/search?zip=Z&radius=25` and `/hsds/service_at_locations?postcode=Z&
proximity=40233.6` (25 miles in meters, 10 a page like the API), in the list shape and with
`full=true`. Prints median and 95th percentile and the ratio to the search API.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinwell.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from kinwell.directory import bundled  # noqa: E402
from kinwell.directory.models import Service  # noqa: E402
from kinwell.directory.parse_samhsa import read_samhsa_xlsx  # noqa: E402
from kinwell.directory.records import ParsedDirectory  # noqa: E402
from kinwell.directory.services import import_directory  # noqa: E402

QUERIES = 300
METERS_25_MILES = 25 * 1609.344  # exactly the API's 25 miles, so both count the same places


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(client, urls):
    times, totals = [], []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        body = response.json()
        totals.append(body.get("total", body.get("total_items")))
    return times, totals


def grow(parsed, target, rng):
    from bench.directory_search import jittered_copies

    needed = target - Service.objects.count()
    if needed <= 0:
        return
    started = time.perf_counter()
    for bundle in parsed.bundles:
        bundle.services[0]["terms"] = []
    copies = list(jittered_copies(parsed, needed, rng))
    for start in range(0, len(copies), 10_000):
        import_directory(parsed=ParsedDirectory(source="bench", bundles=copies[start:start + 10_000]))
    print(f"Grew to {Service.objects.count():,} services in {time.perf_counter() - started:.1f} s")


def main():
    rng = random.Random(2026)
    call_command("migrate", verbosity=0)
    target = int(sys.argv[sys.argv.index("--services") + 1]) if "--services" in sys.argv else 0
    if not bundled.is_loaded():
        started = time.perf_counter()
        print(bundled.load(), f"in {time.perf_counter() - started:.1f} s")
    parsed = read_samhsa_xlsx(bundled.bundled_file())
    if target:
        grow(parsed, target, rng)
    print(f"Database: {connection.vendor}, {Service.objects.count():,} services")
    zips = [rng.choice(parsed.bundles).locations[0]["addresses"][0]["postal_code"] for _ in range(QUERIES)]
    api = [f"/api/v1/directory/search?zip={z}&radius=25" for z in zips]
    hsds = [f"/hsds/service_at_locations?postcode={z}&proximity={METERS_25_MILES}&per_page=10" for z in zips]
    full = [url + "&full=true" for url in hsds]
    client = Client()
    for urls in (api, hsds, full):
        timed(client, urls[:20])  # warm up
    results = {}
    for name, urls in (("search API", api), ("HSDS list", hsds), ("HSDS full", full)):
        results[name] = timed(client, urls)
    assert results["search API"][1] == results["HSDS list"][1], "the two answer different totals"
    base = statistics.median(results["search API"][0])
    base95 = percentile(results["search API"][0], 0.95)
    totals = results["search API"][1]
    print(f"Queries: {QUERIES} (a facility's ZIP + 25 miles, page 1 of 10); results per query: "
          f"median {statistics.median(totals)}, max {max(totals)}; both APIs give the same totals")
    for name, (times, _totals) in results.items():
        median, p95 = statistics.median(times), percentile(times, 0.95)
        print(f"  {name:11s} median {median:7.2f} ms ({median / base:4.2f}x)   p95 {p95:7.2f} ms ({p95 / base95:4.2f}x)")
    print("Load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f} on {} cores".format(
        *os.getloadavg(), os.cpu_count()))


if __name__ == "__main__":
    main()
