"""Help finder benchmark: the full SAMHSA import, then search latency over 100,000 services.

    DATABASE_URL=sqlite:////tmp/kinwell-bench.sqlite3 .venv/bin/python bench/directory_search.py
    DATABASE_URL=postgres://kinwell:kinwell@127.0.0.1:55432/kinwell_bench .venv/bin/python bench/directory_search.py

The database is emptied of directory rows first (use a scratch database); `--reuse` skips
steps 1-2 when it already holds 100,000 services from an earlier run. Steps:
1. time `import_file("samhsa-xlsx", ...)` on the real 9,037-facility spreadsheet;
2. replicate its facilities with jittered coordinates (gaussian, ~20 miles) until there
   are 100,000 services. Copies keep their facets (what search reads: `facets` and
   `facet_bits` of their search entry) but not their ~50 taxonomy links each, which
   search never touches and which would add 4.5 M rows;
3. a few hundred mixed queries (a facility's ZIP + 25 miles + 1-3 filters, page 1)
   through the full Django stack with the test Client: the finder page, the JSON API,
   a trivial view and a page of the shared layout alone, in the same run, median and
   95th percentile, and the machine's load average (the figures move with it).
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

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402

from kinwell.directory import facets  # noqa: E402
from kinwell.directory.models import Organization, SearchEntry, Service, TaxonomyTerm  # noqa: E402
from kinwell.directory.parse_samhsa import read_samhsa_xlsx  # noqa: E402
from kinwell.directory.records import Bundle, stable_id  # noqa: E402
from kinwell.directory.services import import_directory, import_file  # noqa: E402

TARGET_SERVICES = 100_000
QUERIES = 300
FILTERS = ["therapy:couples_family", "therapy:group", "therapy:individual", "therapy:cbt", "therapy:dbt",
           "payment:medicaid", "payment:medicare", "payment:private", "payment:sliding", "language:spanish",
           "ages:children", "ages:adults", "ages:seniors", "access:telehealth", "access:crisis", "groups:veterans"]


def trivial(request):
    return HttpResponse("ok")


def layout_page(request):
    """The same layout as every page (header, nav, footer) around one paragraph: the floor for the finder page."""
    return render(request, "core/accessibility.html")


urlpatterns = [path("bench-trivial/", trivial), path("bench-layout/", layout_page), path("", include("kinwell.urls"))]


def jittered_copies(parsed, copies_needed, rng):
    """Each copy: new stable ids, the same facets, coordinates moved by ~20 miles."""
    for copy in range(1, copies_needed + 1):
        original = parsed.bundles[(copy - 1) % len(parsed.bundles)]
        key = f"bench-{copy}"
        location = dict(original.locations[0])
        location.update(
            id=stable_id("bench", key, "location"),
            latitude=max(18.0, min(71.0, location["latitude"] + rng.gauss(0, 0.3))),
            longitude=max(-179.0, min(-66.0, location["longitude"] + rng.gauss(0, 0.3))),
            addresses=[dict(a, id=stable_id("bench", key, "address", i)) for i, a in enumerate(location["addresses"])],
            phones=[dict(p, id=stable_id("bench", key, "phone", i)) for i, p in enumerate(location["phones"])])
        service = dict(original.services[0])
        service.update(id=stable_id("bench", key, "service"), languages=[],
                       at_locations=[{"id": stable_id("bench", key, "sal"), "location_id": location["id"]}])
        yield Bundle(row=key, organization=dict(original.organization, id=stable_id("bench", key, "org")),
                     locations=[location], services=[service])


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(client, urls):
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main():
    rng = random.Random(2026)
    call_command("migrate", verbosity=0)
    xlsx = Path(settings.SHARED_DATA_DIR) / "samhsa" / "National_Directory_MH_Facilities_2022.xlsx"
    if "--reuse" in sys.argv and Service.objects.count() >= TARGET_SERVICES:
        print(f"Database: {connection.vendor}, reusing {Service.objects.count():,} services")
        parsed = read_samhsa_xlsx(xlsx)
        measure(rng, parsed)
        return
    for model in (Organization, TaxonomyTerm):
        model.objects.all().delete()
    print(f"Database: {connection.vendor}")

    started = time.perf_counter()
    summary = import_file(file_format="samhsa-xlsx", path=xlsx)
    print(f"Full SAMHSA import: {summary} in {time.perf_counter() - started:.1f} s")

    parsed = read_samhsa_xlsx(xlsx)
    parsed.source, parsed.terms = "bench", []
    for bundle in parsed.bundles:  # copies search the same facets without 4.5 M link rows
        bundle.services[0]["terms"] = []
    facets_by_org = dict(SearchEntry.objects.values_list("service__organization_id", "facets"))
    started = time.perf_counter()
    copies = list(jittered_copies(parsed, TARGET_SERVICES - Service.objects.count(), rng))
    for start in range(0, len(copies), 10_000):
        import_directory(parsed=type(parsed)(source="bench", bundles=copies[start:start + 10_000]))
    # Give the copies their original's facets.
    with transaction.atomic(), connection.cursor() as cursor:  # one commit, not 91,000
        updates = []
        for copy_number, bundle in enumerate(copies, start=1):
            original = parsed.bundles[(copy_number - 1) % len(parsed.bundles)]
            keys = facets_by_org.get(original.organization["id"]) or facets_by_org.get(
                __import__("uuid").UUID(original.organization["id"]))
            updates.append((keys, facets.mask(facets.decode(keys)), bundle.services[0]["id"]))
        sql = "UPDATE directory_searchentry SET facets = %s, facet_bits = %s WHERE service_id = %s"
        as_db = (lambda v: v.replace("-", "")) if connection.vendor == "sqlite" else str
        cursor.executemany(sql, [(k, bits, as_db(s)) for k, bits, s in updates])
    if connection.vendor == "postgresql":  # statistics, and the visibility map for index-only scans
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"Replicated to {Service.objects.count():,} services "
          f"({SearchEntry.objects.count():,} searchable) in {time.perf_counter() - started:.1f} s")
    measure(rng, parsed)


def measure(rng, parsed):

    zips = [b.locations[0]["addresses"][0]["postal_code"] for b in parsed.bundles]
    queries = []
    for _ in range(QUERIES):
        chosen = rng.sample(FILTERS, rng.randint(1, 3))
        queries.append((rng.choice(zips), chosen))
    finder_urls = ["/find-help/?zip={}&radius=25&{}".format(
        z, "&".join(f"{k.split(':')[0]}={k}" for k in chosen)) for z, chosen in queries]
    api_urls = ["/api/v1/directory/search?zip={}&radius=25&{}".format(z, "&".join(f"facet={k}" for k in chosen))
                for z, chosen in queries]

    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"]):
        client = Client()
        timed(client, finder_urls[:20] + api_urls[:20] + ["/bench-trivial/"] * 20)  # warm up
        trivial_times = timed(client, ["/bench-trivial/"] * QUERIES)
        layout_times = timed(client, ["/bench-layout/"] * QUERIES)
        finder_times = timed(client, finder_urls)
        api_times = timed(client, api_urls)
        trivial_times += timed(client, ["/bench-trivial/"] * QUERIES)

    totals = []
    from kinwell.directory import search as core_search
    from kinwell.directory.geo import zip_centroid

    for z, chosen in queries:
        lat, lon = zip_centroid(z)
        with connection.cursor() as cursor:
            totals.append(core_search.run(cursor, core_search.Query(lat, lon, 25, tuple(chosen))).total)

    base = statistics.median(trivial_times)
    print(f"Queries: {QUERIES} (ZIP + 25 miles + 1-3 filters, page 1); results per query: "
          f"median {statistics.median(totals)}, max {max(totals)}")
    for name, times in (("trivial view", trivial_times), ("layout page", layout_times), ("finder page", finder_times),
                        ("search API", api_times)):
        median = statistics.median(times)
        print(f"  {name:13s} median {median:7.2f} ms   p95 {percentile(times, 0.95):7.2f} ms   "
              f"median / trivial {median / base:5.1f}x")
    print("('layout page' is the shared header, nav and footer around one paragraph: what any page costs)")
    print("Load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f} on {} cores".format(
        *os.getloadavg(), os.cpu_count()))


if __name__ == "__main__":
    main()
