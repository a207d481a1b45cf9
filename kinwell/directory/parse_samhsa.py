"""SAMHSA files: the National Directory spreadsheet and the FindTreatment.gov locator JSON.

Plain Python (no Django). Each facility becomes one organization with one location and
one service; its service codes become taxonomy terms. A facility without coordinates
gets the centroid of its ZIP code, flagged approximate (the 2022 spreadsheet has no
coordinates at all, so every row from it is approximate).
"""

import functools
import json

from kinwell.directory.file_limits import Limits, check_file_size, check_whole_zip
from kinwell.directory.geo import BadCoordinates, normalise_zip, parse_coordinates, zip_centroid
from kinwell.directory.records import Bundle, ImportFormatError, ParsedDirectory, Skip, clean, stable_id

FACILITIES_SHEET = "Facilities List"
CODES_SHEET = "Service Code Reference"
FACILITY_COLUMNS = ("name1", "name2", "street1", "street2", "city", "state", "zip", "phone", "service_code_info")
CODE_COLUMNS = ("category_code", "category_name", "service_code", "service_name", "service_description")
SAMHSA_TAXONOMY = "SAMHSA N-MHSS 2022"
LOCATOR_TAXONOMY = "FindTreatment.gov"
# Language service codes that are also HSDS languages (ISO 639-1 where there is one).
LANGUAGE_CODES = {
    "SP": ("Spanish", "es"), "AH": ("Sign language", "sgn"), "F4": ("Arabic", "ar"), "F17": ("Chinese", "zh"),
    "F19": ("Creole", "ht"), "F25": ("Farsi", "fa"), "F28": ("French", "fr"), "F30": ("German", "de"),
    "F31": ("Greek", "el"), "F35": ("Hebrew", "he"), "F36": ("Hindi", "hi"), "F37": ("Hmong", "hmn"),
    "F42": ("Italian", "it"), "F43": ("Japanese", "ja"), "F47": ("Korean", "ko"), "F66": ("Polish", "pl"),
    "F67": ("Portuguese", "pt"), "F70": ("Russian", "ru"), "F81": ("Tagalog", "tl"), "F92": ("Vietnamese", "vi"),
    "N24": ("Ojibwa", "oj"), "N40": ("Yupik", "ypk"),
}


def _header_index(header, required, *, sheet):
    names = [clean(h).lower() for h in header]
    missing = [c for c in required if c not in names]
    if missing:
        raise ImportFormatError(f"the sheet “{sheet}” is missing the column(s) {', '.join(missing)}", row=1)
    return {name: names.index(name) for name in required}


def read_samhsa_xlsx(path, *, progress=None, strict: bool = False, limits: Limits = Limits()) -> ParsedDirectory:
    from python_calamine import CalamineWorkbook

    # An .xlsx is a zip that calamine expands in memory: measure it first.
    check_whole_zip(path, limits=limits, label="Excel (.xlsx) file")

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own error types for every kind of bad file
        raise ImportFormatError(f"this is not a readable Excel (.xlsx) file ({error})") from None
    for sheet in (FACILITIES_SHEET, CODES_SHEET):
        if sheet not in workbook.sheet_names:
            found = ", ".join(f"“{s}”" for s in workbook.sheet_names) or "none"
            raise ImportFormatError(f"the workbook has no sheet named “{sheet}” (sheets found: {found})")
    codes = workbook.get_sheet_by_name(CODES_SHEET).to_python(skip_empty_area=False)
    facilities = workbook.get_sheet_by_name(FACILITIES_SHEET).to_python(skip_empty_area=False)
    if not codes or not facilities:
        raise ImportFormatError("the sheets are empty")
    parsed = ParsedDirectory(source="samhsa", strict=strict)
    term_ids = _code_terms(codes, parsed)
    names = {t["code"]: (t["name"], t["parent_id"]) for t in parsed.terms}
    categories = {t["id"]: t["code"] for t in parsed.terms if t["parent_id"] is None}
    describe = functools.partial(describe_facility, {c: (n, categories.get(p)) for c, (n, p) in names.items()})
    columns = _header_index(facilities[0], FACILITY_COLUMNS, sheet=FACILITIES_SHEET)
    optional = {c: clean(h).lower() for c, h in zip(range(len(facilities[0])), facilities[0])}
    intake_columns = [i for i, name in optional.items() if name.startswith("intake")]
    seen: dict[str, int] = {}  # key -> listings so far
    total = len(facilities) - 1
    for number, row in enumerate(facilities[1:], start=2):
        if progress and number % 1000 == 0:
            progress(number - 1, total)
        values = {name: clean(row[i]) if i < len(row) else "" for name, i in columns.items()}
        if not any(values.values()):
            continue
        intakes = [clean(row[i]) for i in intake_columns if i < len(row) and clean(row[i])]
        bundle = _facility(parsed, number, values, intakes, term_ids, seen, describe=describe)
        if bundle:
            parsed.bundles.append(bundle)
    if progress:
        progress(total, total)
    return parsed


def _code_terms(rows, parsed) -> dict[str, str]:
    columns = _header_index(rows[0], CODE_COLUMNS, sheet=CODES_SHEET)
    term_ids: dict[str, str] = {}
    categories: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        value = {name: clean(row[i]) if i < len(row) else "" for name, i in columns.items()}
        if not value["service_code"]:
            continue
        if not value["category_code"]:
            raise ImportFormatError("a service code needs its category", row=number, field="category_code")
        category = value["category_code"].upper()
        if category not in categories:
            categories[category] = stable_id("samhsa", "category", category)
            parsed.terms.append({"id": categories[category], "code": category, "name": value["category_name"],
                                 "description": "", "parent_id": None, "taxonomy": SAMHSA_TAXONOMY})
        code = value["service_code"].upper()
        term_ids[code] = stable_id("samhsa", "code", code)
        parsed.terms.append({"id": term_ids[code], "code": code, "name": value["service_name"],
                             "description": value["service_description"], "parent_id": categories[category],
                             "taxonomy": SAMHSA_TAXONOMY})
    return term_ids


def _where(parsed, number, zip_code, latitude="", longitude=""):
    """(lat, lon, approximate) or None after noting why the row is skipped."""
    try:
        point = parse_coordinates(latitude, longitude)
    except BadCoordinates as error:
        parsed.skip(row=number, what="facility", reason="with coordinates that are not a place on Earth",
                    field="latitude", message=str(error))
        return None
    if point:
        return point[0], point[1], False
    centroid = zip_centroid(zip_code)
    if centroid is None:
        # Never refuses the file: a ZIP code our list does not know yet is no fault of the file's.
        parsed.skipped.append(Skip(number, "facility", "without coordinates and with a ZIP code we do not know", "zip"))
        return None
    return centroid[0], centroid[1], True


# What a facility's description says, from its codes: the categories in this order, a few names each.
DESCRIBED = (("FT", None, 2), ("SET", None, 4), ("TAP", "Treatment approaches", 6),
             ("PAY", "Payment accepted", 5), ("PYAS", None, 2), ("AGE", "Ages", 4))


def describe_facility(terms: dict, codes: list[str]) -> str:
    """An honest description from the facility's own codes (the directory has no prose), in
    SAMHSA's words: "Community mental health center. Outpatient. Treatment approaches:
    Cognitive behavioral therapy, Couples/family therapy. Payment accepted: Medicaid. Listed in …"."""
    by_category: dict[str, list[str]] = {}
    for code in codes:
        name, category = terms.get(code, ("", None))
        if name:
            by_category.setdefault(category, []).append(" ".join(name.split()))
    sentences = []
    for category, label, most in DESCRIBED:
        chosen = by_category.get(category, [])
        if not chosen:
            continue
        shown = ", ".join(chosen[:most]) + (", and more" if len(chosen) > most else "")
        sentences.append(f"{label}: {shown}" if label else "; ".join(chosen[:most]))
    sentences.append("Listed in SAMHSA's 2022 National Directory of Mental Health Treatment Facilities")
    return ". ".join(sentences) + "."


def _facility(parsed, number, values, intakes, term_ids, seen, *, website="", latitude="", longitude="", links=None,
              describe=None):
    name = values["name1"]
    if not name:
        parsed.skip(row=number, what="facility", reason="without a name", field="name1",
                    message="a facility needs a name")
        return None
    zip_code = normalise_zip(values["zip"])
    key = "|".join([name, values["name2"], values["street1"], values["city"], values["state"], zip_code]).lower()
    # A few facilities share name and address (different programs, phones and codes): the
    # second listing keeps a key of its own, stable as long as the file keeps its order.
    seen[key] = seen.get(key, 0) + 1
    if seen[key] > 1:
        key = f"{key}#{seen[key]}"
    where = _where(parsed, number, values["zip"], latitude, longitude)
    if where is None:
        return None
    lat, lon, approximate = where
    codes = values["service_code_info"].replace("*", " ").upper().split()
    if links is None:
        links = []
        for code in codes:
            code = code.upper()
            if code not in term_ids:
                parsed.skip(row=number, what="facility", reason=f"with a service code that is not in the “{CODES_SHEET}” sheet",
                            field="service_code_info",
                            message=f"the service code “{code}” is not in the “{CODES_SHEET}” sheet")
                return None
            links.append(term_ids[code])
    source = parsed.source
    org_id, location_id, service_id = (stable_id(source, kind, key) for kind in ("organization", "location", "service"))
    phones = []
    for kind, number_text in [("Main", values["phone"])] + [("Intake", n) for n in intakes]:
        if number_text and all(p["number"] != number_text for p in phones):
            phones.append({"id": stable_id(source, "phone", key, len(phones)), "number": number_text,
                           "type": "voice", "description": kind})
    linked = set(links)
    codes_present = {code for code in LANGUAGE_CODES if term_ids.get(code) in linked}
    languages = [{"id": stable_id(source, "language", key, code), "name": LANGUAGE_CODES[code][0],
                  "code": LANGUAGE_CODES[code][1], "note": ""} for code in sorted(codes_present & LANGUAGE_CODES.keys())]
    site = values["name2"] or name
    return Bundle(
        row=number,
        organization={"id": org_id, "source_key": key, "name": name, "website": website,
                      "description": describe(codes) if describe else ""},
        locations=[{
            "id": location_id, "source_key": key, "name": site, "latitude": lat, "longitude": lon,
            "coordinates_approximate": approximate,
            "addresses": [{"id": stable_id(source, "address", key), "address_1": values["street1"],
                           "address_2": values["street2"], "city": values["city"],
                           "state_province": values["state"], "postal_code": zip_code, "country": "US"}],
            "phones": phones,
        }],
        services=[{
            "id": service_id, "source_key": key, "name": site, "url": website, "languages": languages,
            "terms": sorted(linked), "at_locations": [{"id": stable_id(source, "sal", key), "location_id": location_id}],
        }],
    )


def read_locator_json(path, *, progress=None, strict: bool = False, limits: Limits = Limits()) -> ParsedDirectory:
    check_file_size(path, limits=limits)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except UnicodeDecodeError:
        raise ImportFormatError("the file is not text in UTF-8, so it cannot be locator JSON") from None
    except json.JSONDecodeError as error:
        raise ImportFormatError(f"the file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
                                " (is it cut short?)") from None
    rows = data.get("rows") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise ImportFormatError("expected a FindTreatment.gov locator file: an object with a list of “rows”")
    parsed = ParsedDirectory(source="locator", strict=strict)
    terms: dict[tuple, str] = {}
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            parsed.skip(row=number, what="row", reason="that is not an object", message="each row must be an object")
            continue
        if progress and number % 1000 == 0:
            progress(number, len(rows))
        links = []
        services = row.get("services") or []
        if not isinstance(services, list) or any(not isinstance(i, dict) or not clean(i.get("f2")) for i in services):
            parsed.skip(row=number, what="facility", reason="whose services are not a list of {f1, f2, f3}",
                        field="services", message="each service needs f1, f2 and f3")
            continue
        for item in services:
            category_code, category_name = clean(item["f2"]).upper(), clean(item.get("f1"))
            category_key = (category_code,)
            if category_key not in terms:
                terms[category_key] = stable_id("locator", "category", category_code)
                parsed.terms.append({"id": terms[category_key], "code": category_code, "name": category_name,
                                     "description": "", "parent_id": None, "taxonomy": LOCATOR_TAXONOMY})
            for term_name in (n.strip() for n in clean(item.get("f3")).split(";")):
                if not term_name:
                    continue
                term_key = (category_code, term_name.lower())
                if term_key not in terms:
                    terms[term_key] = stable_id("locator", "term", category_code, term_name)
                    parsed.terms.append({"id": terms[term_key], "code": "", "name": term_name, "description": "",
                                         "parent_id": terms[category_key], "taxonomy": LOCATOR_TAXONOMY})
                links.append(terms[term_key])
        type_code = clean(row.get("typeFacility")).upper()
        values = {name: clean(row.get(name)) for name in FACILITY_COLUMNS if name != "service_code_info"}
        intakes = [clean(row.get(k)) for k in ("intake1", "intake2", "hotline1") if clean(row.get(k))]
        values["service_code_info"] = ""
        if type_code in ("MH", "SA"):  # the facility type is a type of care the services list may omit
            links.append(stable_id("locator", "type", type_code))
            if ("type", type_code) not in terms:
                terms[("type", type_code)] = links[-1]
                parsed.terms.append({"id": links[-1], "code": type_code,
                                     "name": "Mental health treatment" if type_code == "MH" else "Substance use treatment",
                                     "description": "", "parent_id": None, "taxonomy": LOCATOR_TAXONOMY})
        bundle = _facility(parsed, number, values, intakes, {}, seen, website=clean(row.get("website")),
                           latitude=row.get("latitude"), longitude=row.get("longitude"), links=links)
        if bundle:
            parsed.bundles.append(bundle)
    return parsed
