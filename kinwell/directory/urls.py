from django.urls import path

from kinwell.directory import hsds_views, views

app_name = "directory"

urlpatterns = [
    path("find-help/", views.finder, name="finder"),
    path("find-help/<uuid:service_at_location_id>/", views.detail, name="detail"),
    # The Open Referral HSDS 3.0 API (read-only, public).
    # Ids are any text in the URL: one that is not an HSDS id is a 404 in JSON, not a page.
    path("hsds/", hsds_views.index, name="hsds_index"),
    path("hsds/openapi.json", hsds_views.openapi, name="hsds_openapi"),
    path("hsds/services", hsds_views.services, name="hsds_services"),
    path("hsds/services/<str:service_id>", hsds_views.service, name="hsds_service"),
    path("hsds/service_at_locations", hsds_views.service_at_locations, name="hsds_service_at_locations"),
    path("hsds/service_at_locations/<str:service_at_location_id>", hsds_views.service_at_location,
         name="hsds_service_at_location"),
    path("hsds/organizations", hsds_views.organizations, name="hsds_organizations"),
    path("hsds/organizations/<str:organization_id>", hsds_views.organization, name="hsds_organization"),
    path("hsds/taxonomies", hsds_views.taxonomies, name="hsds_taxonomies"),
    path("hsds/taxonomies/<str:taxonomy_id>", hsds_views.taxonomy, name="hsds_taxonomy"),
    path("hsds/taxonomy_terms", hsds_views.taxonomy_terms, name="hsds_taxonomy_terms"),
    path("hsds/taxonomy_terms/<str:taxonomy_term_id>", hsds_views.taxonomy_term, name="hsds_taxonomy_term"),
]
