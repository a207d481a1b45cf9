"""The directory of treatment and support services, shaped after Open Referral HSDS 3.0.

Tables and field names follow HSDS (organization, service, location, address, phone,
schedule, language, cost_option, taxonomy_term, attribute, service_at_location) so HSDS
data round-trips and the HSDS API is a plain rendering. Every record keeps where it came
from (`source`, `source_key`) and when an import last confirmed it (`last_verified`).
Ids are UUIDs, derived from the source key when the source has none (see `keys.py`), so
re-importing updates in place.

`SearchEntry` is not HSDS: one row per service at a location with its coordinates and
facet keys, denormalised for the finder (see docs/architecture.md, "Help finder").
"""

import uuid

from django.db import models


class Sourced(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    source = models.CharField(max_length=40, db_index=True)
    source_key = models.CharField(max_length=300, blank=True)
    last_verified = models.DateTimeField()

    class Meta:
        abstract = True


class Organization(Sourced):
    name = models.CharField(max_length=300)
    alternate_name = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    email = models.CharField(max_length=254, blank=True)
    website = models.CharField(max_length=500, blank=True)
    # A digest of everything imported for this organization: equal means "unchanged".
    import_hash = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return self.name


class Location(Sourced):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="locations", null=True)
    location_type = models.CharField(max_length=20, default="physical")
    name = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    transportation = models.TextField(blank=True)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    # True when the coordinates are the centroid of the ZIP code, not the building.
    coordinates_approximate = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"], name="directory_location_latlon")]

    def __str__(self):
        return self.name or str(self.id)


class Service(Sourced):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=300)
    alternate_name = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    email = models.CharField(max_length=254, blank=True)
    status = models.CharField(max_length=20, default="active")
    interpretation_services = models.TextField(blank=True)
    application_process = models.TextField(blank=True)
    fees_description = models.TextField(blank=True)
    eligibility_description = models.TextField(blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    # Set by a moderator (after a report), never by an import: a later import that lists
    # the service again keeps it hidden until an operator shows it again.
    hidden = models.BooleanField(default=False)
    taxonomy_terms = models.ManyToManyField("TaxonomyTerm", through="ServiceTerm", related_name="services")

    def __str__(self):
        return self.name


class ServiceAtLocation(Sourced):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")
    description = models.TextField(blank=True)


class Address(Sourced):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(max_length=200, blank=True)
    address_1 = models.CharField(max_length=300)
    address_2 = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=120)
    region = models.CharField(max_length=120, blank=True)
    state_province = models.CharField(max_length=60)
    postal_code = models.CharField(max_length=20)
    country = models.CharField(max_length=2, default="US")
    address_type = models.CharField(max_length=20, default="physical")


class Phone(Sourced):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="phones", null=True)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="phones", null=True)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="phones", null=True)
    number = models.CharField(max_length=60)
    extension = models.CharField(max_length=20, blank=True)
    type = models.CharField(max_length=20, blank=True)
    description = models.CharField(max_length=300, blank=True)


class Schedule(Sourced):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules", null=True)
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="schedules", null=True)
    freq = models.CharField(max_length=10, blank=True)
    byday = models.CharField(max_length=60, blank=True)
    opens_at = models.CharField(max_length=20, blank=True)
    closes_at = models.CharField(max_length=20, blank=True)
    description = models.TextField(blank=True)


class Language(Sourced):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="languages", null=True)
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="languages", null=True)
    name = models.CharField(max_length=100)
    code = models.CharField(max_length=20, blank=True)
    note = models.CharField(max_length=300, blank=True)


class CostOption(Sourced):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=300, blank=True)
    amount = models.FloatField(null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    amount_description = models.TextField(blank=True)


class TaxonomyTerm(Sourced):
    code = models.CharField(max_length=60, blank=True, db_index=True)
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children")
    taxonomy = models.CharField(max_length=120, blank=True)

    def __str__(self):
        return f"{self.code} {self.name}".strip()


class ServiceTerm(models.Model):
    """The link from a service to a taxonomy term: an HSDS 3.0 `attribute` with link_entity "service".

    Kept narrow (no UUID of its own) because SAMHSA gives about fifty codes a facility;
    the HSDS id of the attribute is derived from the pair when exported.
    """

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="term_links")
    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.CASCADE, related_name="service_links")
    value = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "taxonomy_term"], name="directory_service_term_once")]


class Attribute(Sourced):
    """An HSDS attribute on anything other than a service (location, organization...)."""

    link_entity = models.CharField(max_length=40)
    link_id = models.UUIDField(db_index=True)
    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.CASCADE, related_name="attributes")
    value = models.CharField(max_length=300, blank=True)


class SearchEntry(models.Model):
    """What the finder searches: one service at one location, with everything a filter needs.

    Rebuilt by the importer whenever the service changes (and by `search_index.rebuild`
    after an edit in the admin). `facets` is a space-padded list of facet keys
    (" payment:medicaid therapy:couples_family ") and `facet_bits` the same keys as one
    bit each (`facets.mask`), which the search tests in SQL. `lat_cell` is the latitude's
    row of the search grid (`search.lat_cell`). `words` is the lower-cased name,
    organization and description, and `card` what a result shows (JSON, `search.card`),
    so a page of results needs no joins. See docs/architecture.md, "Help finder".
    """

    service_at_location = models.OneToOneField(ServiceAtLocation, on_delete=models.CASCADE, related_name="search")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    latitude = models.FloatField()
    longitude = models.FloatField()
    lat_cell = models.IntegerField(default=0)
    approximate = models.BooleanField(default=False)
    facets = models.TextField(blank=True)
    facet_bits = models.BigIntegerField(default=0)
    words = models.TextField(blank=True)
    card = models.TextField(default="{}")

    class Meta:
        # Everything the search reads, so both databases answer from the index alone:
        # one range of longitudes per grid row, then the rest checked in the index entry.
        indexes = [models.Index(fields=["lat_cell", "longitude", "latitude", "facet_bits", "approximate",
                                        "service_at_location"], name="directory_search_grid")]


class ImportRun(models.Model):
    """One import of a file: what it was (its sha256), how far it got, and what it did.

    `make run` reads the finished ones to load the national directory the project carries
    only once, and again only when the file changes. An upload in the admin is queued
    here with its bytes (`upload`, cleared once read) and the worker moves `rows_done`
    along, which the upload's page shows as a progress bar."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        RUNNING = "running", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Nothing was imported"

    file_name = models.CharField(max_length=300)
    file_format = models.CharField(max_length=20)
    checksum = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DONE)
    strict = models.BooleanField(default=False)
    phase = models.CharField(max_length=20, blank=True)  # reading or writing
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    upload = models.BinaryField(null=True, editable=False)
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)
    summary = models.TextField(blank=True)
    report = models.TextField(blank=True)  # one line per kind of skipped record (`records.skip_report`)
