"""What people can filter the finder by, and which taxonomy terms mean each choice.

Plain Python (no Django). A service has a facet when one of its taxonomy terms has one of
the facet's codes (SAMHSA N-MHSS service codes, from the "Service Code Reference" sheet of
the National Directory of Mental Health Treatment Facilities 2022) or one of its names
(the wording FindTreatment.gov and most HSDS publishers use). Names are compared in
lower case. Labels are plain language; `_` only marks them for translation.
"""

from dataclasses import dataclass
from functools import lru_cache


def _(text: str) -> str:  # marks a label for makemessages; views translate at run time
    return text


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    codes: frozenset = frozenset()
    names: frozenset = frozenset()


@dataclass(frozen=True)
class FacetGroup:
    key: str
    label: str
    facets: tuple


def group(key, label, *facets):
    return FacetGroup(key, label, tuple(Facet(f"{key}:{f[0]}", f[1], frozenset(f[2]), frozenset(f[3])) for f in facets))


GROUPS = (
    group(
        "care", _("Type of care"),
        ("mental_health", _("Mental health"), {"MH"}, {"mental health treatment", "mental health services"}),
        ("substance_use", _("Substance use"), {"SA"}, {"substance use treatment"}),
        ("both", _("Both together (co-occurring)"), {"SUMH", "IDD", "CO"},
         {"integrated dual disorders treatment", "persons with co-occurring mental and substance use disorders"}),
    ),
    group(
        "therapy", _("Kind of therapy"),
        ("couples_family", _("Couples or family therapy"), {"CFT"}, {"couples/family therapy"}),
        ("group", _("Group therapy"), {"GT"}, {"group therapy"}),
        ("individual", _("Individual therapy"), {"IPT"}, {"individual psychotherapy"}),
        ("cbt", _("Cognitive behavioral therapy (CBT)"), {"CBT"}, {"cognitive behavioral therapy"}),
        ("dbt", _("Dialectical behavior therapy (DBT)"), {"DBT"}, {"dialectical behavior therapy"}),
        ("trauma", _("Trauma-focused therapy"), {"EMDR"},
         {"trauma therapy", "trauma-related counseling", "eye movement desensitization and reprocessing therapy"}),
    ),
    group(
        "support", _("Support"),
        ("peer", _("Peer support"), {"PEER"}, {"mentoring/peer support", "consumer-run (peer-support) services"}),
        ("groups", _("Support groups"), set(), {"self-help groups", "support groups"}),
        ("family_education", _("Help for families"), {"FPSY"}, {"family psychoeducation"}),
        ("case_management", _("Case management"), {"CM", "ICM"}, {"case management", "intensive case management"}),
    ),
    group(
        "payment", _("Payment"),
        ("medicaid", _("Medicaid"), {"MD"}, {"medicaid"}),
        ("medicare", _("Medicare"), {"MC"}, {"medicare"}),
        ("private", _("Private insurance"), {"PI"}, {"private health insurance"}),
        ("military", _("Military insurance (TRICARE)"), {"MI"},
         {"federal military insurance (e.g., tricare)", "military insurance (e.g., tricare)"}),
        ("sliding", _("Sliding fee (based on income)"), {"SS"},
         {"sliding fee scale (fee is based on income and other factors)", "sliding fee scale"}),
        ("free", _("Free of charge"), {"FREE"}, {"treatment at no charge or minimal payment for clients who cannot afford to pay", "free", "no fee"}),
        ("assistance", _("Help paying"), {"PA"}, {"payment assistance (check with facility for details)"}),
    ),
    group(
        "language", _("Language"),
        ("spanish", _("Spanish"), {"SP"}, {"spanish"}),
        ("sign", _("Sign language"), {"AH"},
         {"sign language services for the deaf and hard of hearing", "services for the deaf and hard of hearing"}),
        ("chinese", _("Chinese"), {"F17"}, {"any chinese language", "chinese"}),
        ("vietnamese", _("Vietnamese"), {"F92"}, {"vietnamese"}),
        ("korean", _("Korean"), {"F47"}, {"korean"}),
        ("russian", _("Russian"), {"F70"}, {"russian"}),
        ("arabic", _("Arabic"), {"F4"}, {"arabic"}),
        ("french_creole", _("French or Creole"), {"F28", "F19"}, {"french", "creole"}),
        ("native", _("American Indian or Alaska Native languages"), {"NX", "N24", "N40"},
         {"american indian or alaska native languages"}),
    ),
    group(
        "ages", _("Ages"),
        ("children", _("Children and teens"), {"CHLD"}, {"children/adolescents", "adolescents"}),
        ("young_adults", _("Young adults (18–25)"), {"YAD", "TAY"}, {"young adults", "transitional age young adults"}),
        ("adults", _("Adults"), {"ADLT"}, {"adults"}),
        ("seniors", _("Seniors (65 and older)"), {"SNR", "SE"}, {"seniors", "seniors (65 or older)", "seniors or older adults"}),
    ),
    group(
        "access", _("Ways to get help"),
        ("telehealth", _("Telehealth (by phone or video)"), {"TELE"}, {"telemedicine/telehealth therapy", "telemedicine/telehealth"}),
        ("walk_in", _("Walk-in crisis care"), {"WI"}, {"psychiatric emergency walk-in services"}),
        ("crisis", _("Crisis and emergency services"), {"CIT", "PEON", "PEOFF", "WI"},
         {"crisis intervention team", "psychiatric emergency onsite services",
          "psychiatric emergency mobile/off-site services", "psychiatric emergency walk-in services"}),
        ("suicide_prevention", _("Suicide prevention"), {"SPS"}, {"suicide prevention services"}),
    ),
    group(
        "groups", _("Programs for"),
        ("veterans", _("Veterans"), {"VET"}, {"veterans"}),
        ("military_families", _("Military families"), {"MF", "ADM"}, {"military families", "active duty military"}),
        ("lgbtq", _("LGBTQ+ people"), {"GL"}, {"lesbian, gay, bisexual, or transgender (lgbt) clients"}),
        ("domestic_violence", _("People who experienced domestic violence"), {"DV"},
         {"persons who have experienced intimate partner violence, domestic violence",
          "domestic violence services-family or partner"}),
        ("trauma", _("People who experienced trauma"), {"TRMA", "PTSD"},
         {"persons who have experienced trauma", "persons with post-traumatic stress disorder (ptsd)"}),
        ("first_psychosis", _("First episode of psychosis"), {"PEFP"}, {"persons experiencing first-episode psychosis"}),
        ("eating_disorders", _("Eating disorders"), {"PED"}, {"persons with eating disorders"}),
    ),
)

FACETS = {facet.key: facet for g in GROUPS for facet in g.facets}
GROUPS_BY_KEY = {g.key: g for g in GROUPS}
_BY_CODE: dict[str, list[str]] = {}
_BY_NAME: dict[str, list[str]] = {}
for _facet in FACETS.values():
    for _code in _facet.codes:
        _BY_CODE.setdefault(_code, []).append(_facet.key)
    for _name in _facet.names:
        _BY_NAME.setdefault(_name, []).append(_facet.key)


def facet_keys(terms) -> set[str]:
    """The facets of a service, from its terms as (code, name) pairs."""
    keys: set[str] = set()
    for code, name in terms:
        keys.update(_BY_CODE.get((code or "").strip().upper(), ()))
        keys.update(_BY_NAME.get((name or "").strip().lower(), ()))
    return keys


def encode(keys) -> str:
    """The stored form: space-padded so `LIKE '% key %'` matches whole keys only."""
    return " " + " ".join(sorted(keys)) + " " if keys else " "


def decode(text: str) -> list[str]:
    return [key for key in (text or "").split() if key in FACETS]


def labels(keys, groups=("care", "therapy", "support", "payment", "access")) -> list[str]:
    """Plain-language labels for a result card, in the order of GROUPS."""
    present = set(keys)
    return [f.label for g in GROUPS if g.key in groups for f in g.facets if f.key in present]


# One bit per facet, in the order of GROUPS, so a service's facets are one integer
# (`SearchEntry.facet_bits`) the search can test in SQL with `facet_bits & mask = mask`.
# Changing GROUPS moves bits: rebuild the finder's index afterwards (`search_index.rebuild`).
KEYS = tuple(FACETS)
BIT = {key: 1 << position for position, key in enumerate(KEYS)}
assert len(KEYS) <= 62, "facet bits must fit a signed 64-bit integer"


def mask(keys) -> int | None:
    """The bits of these keys together; None when one is not a facet (nothing can match it)."""
    bits = 0
    for key in keys:
        if key not in BIT:
            return None
        bits |= BIT[key]
    return bits


def keys_of(bits: int) -> list[str]:
    """The keys set in `bits`, sorted like the stored text (`encode`)."""
    return sorted(KEYS[position] for position in range(len(KEYS)) if bits >> position & 1)


# Counting without walking bits: each facet gets a 24-bit lane of one big integer, so adding
# up the results' "spread" masks counts every facet at once (in C), and the lanes are read
# off at the end. Spreads come from one table per byte of the mask (6 lookups), and are
# remembered for the masks seen most (a directory has a few thousand distinct ones).
_LANE = 24  # up to 16 million results per query
_BYTES = -(-len(KEYS) // 8)
_SPREAD_TABLES = [[sum(1 << (_LANE * (8 * byte + bit)) for bit in range(8) if value >> bit & 1)
                   for value in range(256)] for byte in range(_BYTES)]


@lru_cache(maxsize=16_384)
def _spread(bits: int) -> int:
    total = 0
    for table in _SPREAD_TABLES:
        total |= table[bits & 255]
        bits >>= 8
    return total


def count_keys(rows_per_mask) -> dict[str, int]:
    """{mask: number of results with exactly those facets} -> {key: results having it}."""
    total = sum(_spread(bits) * rows for bits, rows in rows_per_mask.items())
    lane = (1 << _LANE) - 1
    counts = {}
    for key in KEYS:
        if total & lane:
            counts[key] = total & lane
        total >>= _LANE
    return counts
