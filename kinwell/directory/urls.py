from django.urls import path

from kinwell.directory import hsds_views, views

app_name = "directory"

urlpatterns = [
    path("find-help/", views.finder, name="finder"),
    path("find-help/<uuid:service_at_location_id>/", views.detail, name="detail"),
    # The Open Referral HSDS 3.0 API (read-only, public).
    path("hsds/", hsds_views.index, name="hsds_index"),
    path("hsds/services", hsds_views.services, name="hsds_services"),
    path("hsds/services/<uuid:service_id>", hsds_views.service, name="hsds_service"),
    path("hsds/service_at_locations", hsds_views.service_at_locations, name="hsds_service_at_locations"),
    path("hsds/organizations", hsds_views.organizations, name="hsds_organizations"),
    path("hsds/taxonomy_terms", hsds_views.taxonomy_terms, name="hsds_taxonomy_terms"),
]
