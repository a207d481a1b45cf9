"""A small FICTIONAL directory for tests that need a few known places. Every name says "Demo".

None of these places exist; the phone numbers are in the 555-01xx range reserved for
fiction. `make run` serves the real national directory instead (`bundled.py`) and removes
these places if an earlier version loaded them.
"""

from kinwell.core.demo import demo_part
from kinwell.directory.geo import zip_centroid
from kinwell.directory.records import Bundle, ParsedDirectory, stable_id
from kinwell.directory.services import import_directory

TERMS = {  # code: name, using SAMHSA's codes so the finder's filters apply
    "MH": "Mental health treatment", "SA": "Substance use treatment", "CFT": "Couples/family therapy",
    "GT": "Group therapy", "IPT": "Individual psychotherapy", "CBT": "Cognitive behavioral therapy",
    "DBT": "Dialectical behavior therapy", "EMDR": "Eye Movement Desensitization and Reprocessing therapy",
    "PEER": "Mentoring/peer support", "MD": "Medicaid", "MC": "Medicare", "PI": "Private health insurance",
    "SS": "Sliding fee scale", "PA": "Payment assistance", "SP": "Spanish", "CHLD": "Children/adolescents",
    "YAD": "Young adults", "ADLT": "Adults", "SNR": "Seniors", "TELE": "Telemedicine/telehealth therapy",
    "WI": "Psychiatric emergency walk-in services", "CIT": "Crisis intervention team", "VET": "Veterans",
    "GL": "LGBTQ+ clients", "DV": "People who experienced domestic violence",
}

PLACES = [
    # name, description, street, city, state, zip, offset (lat, lon) from the ZIP centre, codes
    ("Demo Lakeside Family Counseling", "Couples and family sessions in English and Spanish, evenings too.",
     "100 Demo Lane", "Chicago", "IL", "60614", (0.004, -0.006), "MH CFT IPT CBT MD PI SS SP CHLD ADLT TELE"),
    ("Demo Northside Recovery Circle", "Peer-led recovery groups and a drop-in space.",
     "220 Example Avenue", "Chicago", "IL", "60657", (0.0, 0.0), "SA GT PEER MD SS PA ADLT YAD VET"),
    ("Demo Harbor Crisis & Walk-in Center", "Walk in any time for a calm place and someone to talk to.",
     "7 Sample Street", "Chicago", "IL", "60611", (0.002, 0.003), "MH SA WI CIT IPT MD MC PI ADLT SNR"),
    ("Demo Midtown Couples Clinic", "Short-term couples therapy and DBT skills groups.",
     "350 Placeholder Road", "New York", "NY", "10001", (0.003, 0.002), "MH CFT GT DBT CBT PI SS ADLT GL TELE"),
    ("Demo Chelsea Community Mental Health", "Therapy for adults, teens and families; Medicaid welcome.",
     "12 Fiction Plaza", "New York", "NY", "10011", (0.0, 0.0), "MH CFT IPT CBT EMDR MD MC SP CHLD YAD ADLT SNR DV"),
    ("Demo Eastside Young Adult Program", "Groups and one-to-one support for ages 18 to 25.",
     "88 Imaginary Street", "Los Angeles", "CA", "90012", (0.001, -0.002), "MH SA GT IPT PEER MD PA YAD SP TELE"),
]


def load_demo_directory() -> str:
    """Import (or refresh) the demo places. Safe to run again: ids are stable."""
    parsed = ParsedDirectory(source="demo")
    category = stable_id("demo", "category")
    parsed.terms.append({"id": category, "code": "DEMO", "name": "Demo services", "description": "", "parent_id": None,
                         "taxonomy": "Kinwell demo"})
    term_ids = {}
    for code, name in TERMS.items():
        term_ids[code] = stable_id("demo", "term", code)
        parsed.terms.append({"id": term_ids[code], "code": code, "name": name, "description": "",
                             "parent_id": category, "taxonomy": "Kinwell demo"})
    for number, (name, description, street, city, state, zip_code, offset, codes) in enumerate(PLACES, start=1):
        lat, lon = zip_centroid(zip_code)
        ids = {kind: stable_id("demo", kind, name) for kind in ("org", "location", "service", "sal", "address", "phone")}
        parsed.bundles.append(Bundle(
            row=number,
            organization={"id": ids["org"], "source_key": name, "name": name, "website": "",
                          "description": "Fictional, for trying Kinwell."},
            locations=[{"id": ids["location"], "name": name, "latitude": round(lat + offset[0], 5),
                        "longitude": round(lon + offset[1], 5), "coordinates_approximate": False,
                        "addresses": [{"id": ids["address"], "address_1": street, "city": city, "state_province": state,
                                       "postal_code": zip_code, "country": "US"}],
                        "phones": [{"id": ids["phone"], "number": f"555-01{number:02d}", "type": "voice",
                                    "description": "Main"}]}],
            services=[{"id": ids["service"], "name": name, "description": f"{description} (Demo: this place is fictional.)",
                       "terms": sorted(term_ids[c] for c in codes.split()),
                       "at_locations": [{"id": ids["sal"], "location_id": ids["location"]}]}],
        ))
    summary = import_directory(parsed=parsed)
    return f"demo directory: {summary}"


# The demo's part is the real national directory the project carries (bundled.py);
# the fictional places above are for tests.
@demo_part("help-finder directory", order=50)
def _demo_part(*, people, circles) -> str:
    from kinwell.directory import bundled

    return bundled.refresh()
