from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse

from kinwell.directory import facets, geo, selectors
from kinwell.directory.forms import FinderForm

# The national lines shown with every search, found or not (SAMHSA and 988 Lifeline).
NATIONAL_HELPLINES = [
    {"name": "SAMHSA National Helpline", "number": "1-800-662-4357", "href": "tel:+18006624357"},
    {"name": "988 Suicide & Crisis Lifeline", "number": "988", "href": "tel:988", "text_href": "sms:988"},
]


# How each import source is named to people (the `source` stored on every record).
SOURCE_NAMES = {"samhsa": "SAMHSA National Directory", "locator": "FindTreatment.gov",
                "hsds": "Open Referral (HSDS)", "demo": "Kinwell demo (fictional)"}


def finder(request):
    searched = any(request.GET.get(k) for k in ("zip", "lat", "lon"))
    form = FinderForm(request.GET if request.GET else None)
    context = {"form": form, "searched": searched, "helplines": NATIONAL_HELPLINES}
    status = 200
    if request.GET:
        if form.is_valid():
            query = form.query()
            results, cards = selectors.find(query)
            form.show_counts(results.counts)
            back = request.GET.urlencode()
            for card in cards:
                card["detail_url"] += f"?{back}"
                card["address_lines"] = [a[0] + (f", {a[1]}" if a[1] else "") + f", {a[2]}, {a[3]} {a[4]}"
                                         for a in card["addresses"]]
                card["directions_url"] = directions_url(card["address_lines"][0]) if card["address_lines"] else ""
            context.update(results=results, rows=cards, query=query, chosen=form.chosen_labels(),
                           pages=_page_links(request, results), telehealth_chosen=TELEHEALTH in query.facets,
                           wider=[r for r in (10, 25, 50, 100) if r > query.radius_miles][:1])
        else:
            status = 400
    context["filter_groups"] = form.filter_groups()
    response = render(request, "directory/finder.html", context, status=status)
    # The one page that may ask for the person's location ("Use my location"); every other
    # page keeps geolocation=() from PrivacyHeadersMiddleware.
    response["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self), interest-cohort=()"
    return response


TELEHEALTH = "access:telehealth"


def directions_url(address: str) -> str:
    """A map site's directions to the address: a plain link, so nothing is asked of the map
    site until the person presses it (SAMHSA's coordinates are ZIP centres: the address is truer)."""
    return "https://www.google.com/maps/dir/?" + urlencode({"api": "1", "destination": address})


def _page_links(request, results):
    def link(page):
        params = request.GET.copy()
        params["page"] = page
        return f"{reverse('directory:finder')}?{params.urlencode()}"

    return {
        "previous": link(results.page - 1) if results.page > 1 else None,
        "next": link(results.page + 1) if results.page < results.pages else None,
    }


def detail(request, service_at_location_id):
    place = selectors.place(service_at_location_id=service_at_location_id)
    distance = None
    form = FinderForm(request.GET)
    if request.GET and form.is_valid() and place.location.latitude is not None:
        distance = round(geo.haversine_miles(*form.cleaned_data["point"], place.location.latitude,
                                             place.location.longitude), 1)
    entry = getattr(place, "search", None)
    return render(request, "directory/detail.html", {
        "place": place, "service": place.service, "organization": place.service.organization,
        "location": place.location, "phones": selectors.phones_of(place), "distance": distance,
        "labels": facets.labels(facets.decode(entry.facets) if entry else [], groups=[g.key for g in facets.GROUPS]),
        "terms": selectors.terms_by_category(place.service), "back": request.GET.urlencode(),
        "helplines": NATIONAL_HELPLINES, "source_name": SOURCE_NAMES.get(place.service.source, place.service.source),
    })
