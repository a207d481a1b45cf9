"""The OpenAPI 3.1 document of our HSDS API (/hsds/openapi.json), linked from /hsds/.

It follows the official HSDS 3.0 OpenAPI paths and parameters and says what we add: the
bounds of every number, the 400 and 404 answers, and how postcode and proximity are read.
Response bodies refer to the official compiled schemas by URL.
"""

from kinwell.directory.hsds_params import MAX_PAGE, MAX_PER_PAGE, MAX_PROXIMITY_METERS, MAX_SEARCH_LENGTH

SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def _param(name, description, schema=None):
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema or {"type": "string"}}


PARAMS = {
    "search": _param("search", "Words that must all appear in the name or description.",
                     {"type": "string", "maxLength": MAX_SEARCH_LENGTH}),
    "page": _param("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}),
    "per_page": _param("per_page", "Results a page (default 20).",
                       {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}),
    "format": _param("format", "json (default) or ndjson: every result, one object a line, without pages.",
                     {"type": "string", "enum": ["json", "ndjson"]}),
    "taxonomy_term_id": _param("taxonomy_term_id", "Only services with this taxonomy term.", {"type": "string",
                                                                                           "format": "uuid"}),
    "taxonomy_id": _param("taxonomy_id", "Only services with a term of this taxonomy.", {"type": "string",
                                                                                      "format": "uuid"}),
    "organization_id": _param("organization_id", "Only this organization's services.", {"type": "string",
                                                                                     "format": "uuid"}),
    "modified_after": _param("modified_after", "Only records an import confirmed on or after this date and time.",
                             {"type": "string", "format": "date-time"}),
    "minimal": _param("minimal", "Only id, name, status and modified_date of each service.", {"type": "boolean"}),
    "full": _param("full", "Fully nested records.", {"type": "boolean"}),
    "full_service": _param("full_service", "Organizations with their services fully nested.", {"type": "boolean"}),
    "postcode": _param("postcode", "A US ZIP code. Alone: the places at that ZIP code, nearest its centre first. "
                       "With proximity: the places within that distance of its centre, nearest first.",
                       {"type": "string", "maxLength": 10}),
    "proximity": _param("proximity", "Meters from the postcode's centre (needs postcode). Distances from ZIP "
                        "centres are approximate.", {"type": "number", "exclusiveMinimum": 0,
                                                     "maximum": MAX_PROXIMITY_METERS}),
    "parent_id": _param("parent_id", "Only the children of this term.", {"type": "string", "format": "uuid"}),
    "top_only": _param("top_only", "Only terms without a parent.", {"type": "boolean"}),
}
PROBLEM = {"description": "A parameter we cannot use, with the reason in `detail`.",
           "content": {"application/json": {"schema": {"type": "object", "properties": {"detail": {"type": "string"}}}}}}


def _list(summary, item_schema, params):
    return {"get": {
        "summary": summary, "parameters": [PARAMS[name] for name in params],
        "responses": {
            "200": {"description": summary, "content": {
                "application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Page"}], "properties": {
                    "contents": {"type": "array", "items": {"$ref": SCHEMAS + item_schema}}}}},
                "application/x-ndjson": {"schema": {"$ref": SCHEMAS + item_schema}}}},
            "400": PROBLEM}}}


def _one(summary, schema, params=()):
    return {"get": {
        "summary": summary,
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
                      + [PARAMS[name] for name in params],
        "responses": {"200": {"description": summary, "content": {"application/json": {"schema": {
            "$ref": SCHEMAS + schema}}}}, "404": PROBLEM}}}


def document() -> dict:
    service_filters = ["search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after"]
    paging = ["page", "per_page", "format"]
    return {
        "openapi": "3.1.0",
        "info": {"title": "Kinwell help finder: Open Referral HSDS 3.0 API", "version": "3.0.0",
                 "description": "Read-only and public. Hidden (after a report) and inactive services are never "
                                "listed. Data: SAMHSA's 2022 National Directory of Mental Health Treatment "
                                "Facilities (public domain) and whatever the operator imported."},
        "paths": {
            "/": {"get": {"summary": "About this API", "responses": {"200": {"description": "version, profile, "
                                                                              "openapi_url"}}}},
            "/services": _list("Services", "compiled/service_list.json",
                               service_filters + ["minimal", "full"] + paging),
            "/services/{id}": _one("One service, fully nested", "compiled/service.json"),
            "/service_at_locations": _list("Services at locations", "compiled/service_at_location_list.json",
                                           service_filters + ["full", "postcode", "proximity"] + paging),
            "/service_at_locations/{id}": _one("One service at a location, fully nested",
                                               "compiled/service_at_location.json"),
            "/organizations": _list("Organizations", "compiled/organization_list.json",
                                    ["search", "modified_after", "full", "full_service"] + paging),
            "/organizations/{id}": _one("One organization with its services and locations",
                                        "compiled/organization.json", ["full_service"]),
            "/taxonomies": _list("Taxonomies", "taxonomy.json", ["search"] + paging),
            "/taxonomies/{id}": _one("One taxonomy", "taxonomy.json"),
            "/taxonomy_terms": _list("Taxonomy terms", "taxonomy_term.json",
                                     ["search", "taxonomy_id", "parent_id", "top_only"] + paging),
            "/taxonomy_terms/{id}": _one("One taxonomy term", "taxonomy_term.json"),
        },
        "components": {"schemas": {"Page": {"type": "object", "properties": {
            "total_items": {"type": "integer"}, "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"}, "size": {"type": "integer"}, "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"}, "empty": {"type": "boolean"}, "contents": {"type": "array"}}}}},
        "servers": [{"url": "/hsds"}],
    }
