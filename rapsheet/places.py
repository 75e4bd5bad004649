"""Where an agency or court on a RAP sheet is: its state and California county.

A RAP sheet names an agency as a state prefix, a kind of agency and a place:
"CASC LOS ANGELES" (California superior court, Los Angeles), "CAMC HAYWARD"
(a former municipal court), "CAPD SAN JOSE" (a city police department),
"CASO FRESNO" (a sheriff), "NVPD LAS VEGAS" (another state). A court or
sheriff is named by its county or by the city it sits in; a police
department by its city, which maps to the county it is in.

The city table holds cities and court seats; a place it does not hold gives
no county (never a guess) and the record is marked for review.
"""

from __future__ import annotations

import difflib
import re

from screener.counties import COUNTIES

# Two-letter state and territory prefixes other than CA.
OTHER_STATES = frozenset(
    (
        "AK", "AL", "AR", "AZ", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA",
        "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO",
        "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI",
        "WV", "WY", "PR", "GU", "VI",
    )
)  # fmt: skip

# City (or court seat) -> county. Cities whose name is also their county's
# name (Fresno, Sacramento, Ventura ...) need no entry.
# Source for incorporated cities: the county column of "List of
# municipalities in California" (2020 census),
# https://en.wikipedia.org/wiki/List_of_municipalities_in_California,
# checked 2026-12-01. Court seats and unincorporated places a RAP sheet names
# (Antelope Valley, Airport, East Los Angeles ...) are not on that list and
# were not separately sourced: staff confirm the county in the review table.
CITY_COUNTY: dict[str, str] = {
    # Los Angeles County
    **dict.fromkeys(
        (
            "ALHAMBRA", "ANTELOPE VALLEY", "AIRPORT", "BELLFLOWER", "BEVERLY HILLS",
            "BURBANK", "CARSON", "CERRITOS", "CHATSWORTH", "COMPTON", "CULVER CITY",
            "DOWNEY", "EAST LOS ANGELES", "EL MONTE", "GARDENA", "GLENDALE",
            "HAWTHORNE", "HOLLYWOOD", "HUNTINGTON PARK", "INGLEWOOD", "LANCASTER",
            "LONG BEACH", "MALIBU", "MONTEBELLO", "NORWALK", "PALMDALE",
            "PASADENA", "POMONA", "REDONDO BEACH", "SAN FERNANDO", "SAN PEDRO",
            "SANTA CLARITA", "SANTA MONICA", "SOUTH GATE", "TORRANCE", "VAN NUYS",
            "WEST COVINA", "WEST HOLLYWOOD", "WEST LA", "WEST LOS ANGELES",
            "WHITTIER", "COVINA", "AZUSA", "CLAREMONT", "LA VERNE", "ARCADIA",
            "MONROVIA", "LAKEWOOD", "PARAMOUNT", "LYNWOOD", "BALDWIN PARK",
            "LA PUENTE", "DIAMOND BAR", "SAN GABRIEL", "ROSEMEAD", "LA HABRA HEIGHTS",
            "METRO", "CENTRAL", "LAX",
        ),
        "Los Angeles",
    ),
    # Orange County
    **dict.fromkeys(
        (
            "ANAHEIM", "SANTA ANA", "IRVINE", "HUNTINGTON BEACH", "GARDEN GROVE",
            "FULLERTON", "COSTA MESA", "NEWPORT BEACH", "WESTMINSTER", "ORANGE",
            "LAGUNA BEACH", "LAGUNA HILLS", "LAGUNA NIGUEL", "MISSION VIEJO",
            "TUSTIN", "BUENA PARK", "LA HABRA", "BREA", "PLACENTIA", "CYPRESS",
            "SAN CLEMENTE", "FOUNTAIN VALLEY", "YORBA LINDA", "LAKE FOREST",
        ),
        "Orange",
    ),
    # San Diego County
    **dict.fromkeys(
        (
            "CHULA VISTA", "EL CAJON", "ESCONDIDO", "OCEANSIDE", "VISTA",
            "CARLSBAD", "NATIONAL CITY", "LA MESA", "SANTEE", "SAN MARCOS",
            "ENCINITAS", "POWAY", "IMPERIAL BEACH", "CORONADO", "KEARNY MESA",
        ),
        "San Diego",
    ),
    # Alameda County
    **dict.fromkeys(
        (
            "OAKLAND", "BERKELEY", "HAYWARD", "FREMONT", "LIVERMORE", "PLEASANTON",
            "SAN LEANDRO", "UNION CITY", "NEWARK", "DUBLIN", "EMERYVILLE",
            "ALBANY", "PIEDMONT", "CASTRO VALLEY",
        ),
        "Alameda",
    ),
    # Contra Costa County
    **dict.fromkeys(
        (
            "CONCORD", "RICHMOND", "WALNUT CREEK", "PITTSBURG", "ANTIOCH",
            "MARTINEZ", "SAN PABLO", "EL CERRITO", "BRENTWOOD", "DANVILLE",
            "SAN RAMON", "PLEASANT HILL", "HERCULES", "PINOLE", "OAKLEY",
        ),
        "Contra Costa",
    ),
    # Santa Clara County
    **dict.fromkeys(
        (
            "SAN JOSE", "SN JOSE", "SUNNYVALE", "PALO ALTO", "MOUNTAIN VIEW",
            "GILROY", "MORGAN HILL", "MILPITAS", "CUPERTINO", "CAMPBELL",
            "LOS GATOS", "LOS ALTOS", "SARATOGA",
        ),
        "Santa Clara",
    ),
    # San Mateo County
    **dict.fromkeys(
        (
            "REDWOOD CITY", "SOUTH SAN FRANCISCO", "DALY CITY", "SAN BRUNO",
            "BURLINGAME", "MENLO PARK", "FOSTER CITY", "PACIFICA",
            "HALF MOON BAY", "EAST PALO ALTO", "BELMONT", "SAN CARLOS", "MILLBRAE",
        ),
        "San Mateo",
    ),
    **dict.fromkeys(("SAN RAFAEL", "NOVATO", "MILL VALLEY", "SAUSALITO"), "Marin"),
    **dict.fromkeys(
        ("SANTA ROSA", "PETALUMA", "ROHNERT PARK", "HEALDSBURG"), "Sonoma"
    ),
    **dict.fromkeys(
        ("VALLEJO", "FAIRFIELD", "VACAVILLE", "BENICIA", "SUISUN CITY"), "Solano"
    ),
    **dict.fromkeys(
        ("ELK GROVE", "CITRUS HEIGHTS", "FOLSOM", "RANCHO CORDOVA"), "Sacramento"
    ),
    **dict.fromkeys(("STOCKTON", "LODI", "TRACY", "MANTECA", "LATHROP"), "San Joaquin"),
    **dict.fromkeys(("MODESTO", "TURLOCK", "CERES", "OAKDALE"), "Stanislaus"),
    **dict.fromkeys(("BAKERSFIELD", "DELANO", "MOJAVE", "TAFT", "RIDGECREST"), "Kern"),
    **dict.fromkeys(("CLOVIS", "SANGER", "SELMA", "REEDLEY", "COALINGA"), "Fresno"),
    **dict.fromkeys(("VISALIA", "PORTERVILLE", "TULARE"), "Tulare"),
    **dict.fromkeys(("HANFORD", "LEMOORE", "CORCORAN"), "Kings"),
    **dict.fromkeys(("SALINAS", "SEASIDE", "MARINA", "KING CITY"), "Monterey"),
    **dict.fromkeys(("WATSONVILLE", "SCOTTS VALLEY"), "Santa Cruz"),
    **dict.fromkeys(("HOLLISTER",), "San Benito"),
    **dict.fromkeys(
        ("SANTA MARIA", "SNTA MARIA", "LOMPOC", "SNTA BARBARA"), "Santa Barbara"
    ),
    **dict.fromkeys(
        ("PASO ROBLES", "ATASCADERO", "ARROYO GRANDE", "GROVER BEACH"),
        "San Luis Obispo",
    ),
    **dict.fromkeys(
        ("OXNARD", "THOUSAND OAKS", "SIMI VALLEY", "CAMARILLO", "SANTA PAULA"),
        "Ventura",
    ),
    **dict.fromkeys(
        (
            "FONTANA", "ONTARIO", "RANCHO CUCAMONGA", "VICTORVILLE", "BARSTOW",
            "RIALTO", "REDLANDS", "UPLAND", "CHINO", "HESPERIA", "JOSHUA TREE",
            "NEEDLES", "BIG BEAR",
        ),
        "San Bernardino",
    ),
    **dict.fromkeys(
        (
            "INDIO", "PALM SPRINGS", "MORENO VALLEY", "CORONA", "TEMECULA",
            "MURRIETA", "HEMET", "BANNING", "BLYTHE", "PERRIS", "LAKE ELSINORE",
            "CATHEDRAL CITY", "PALM DESERT",
        ),
        "Riverside",
    ),
    **dict.fromkeys(("EL CENTRO", "CALEXICO", "BRAWLEY"), "Imperial"),
    **dict.fromkeys(("REDDING", "ANDERSON"), "Shasta"),
    **dict.fromkeys(("CHICO", "OROVILLE", "PARADISE"), "Butte"),
    **dict.fromkeys(("EUREKA", "ARCATA", "FORTUNA"), "Humboldt"),
    **dict.fromkeys(("UKIAH", "FORT BRAGG", "WILLITS"), "Mendocino"),
    **dict.fromkeys(("WOODLAND", "DAVIS", "WEST SACRAMENTO"), "Yolo"),
    **dict.fromkeys(("YUBA CITY",), "Sutter"),
    **dict.fromkeys(("MARYSVILLE",), "Yuba"),
    **dict.fromkeys(("ROSEVILLE", "AUBURN", "ROCKLIN", "LINCOLN"), "Placer"),
    **dict.fromkeys(("NEVADA CITY", "GRASS VALLEY", "TRUCKEE"), "Nevada"),
    **dict.fromkeys(("SOUTH LAKE TAHOE", "PLACERVILLE"), "El Dorado"),
    **dict.fromkeys(("SUSANVILLE",), "Lassen"),
    **dict.fromkeys(("QUINCY",), "Plumas"),
    **dict.fromkeys(("RED BLUFF",), "Tehama"),
    **dict.fromkeys(("CRESCENT CITY",), "Del Norte"),
    **dict.fromkeys(("YREKA",), "Siskiyou"),
    **dict.fromkeys(("SONORA",), "Tuolumne"),
    **dict.fromkeys(("SAN ANDREAS",), "Calaveras"),
    **dict.fromkeys(("JACKSON",), "Amador"),
    **dict.fromkeys(("WEAVERVILLE",), "Trinity"),
    **dict.fromkeys(("LAKEPORT", "CLEARLAKE"), "Lake"),
    **dict.fromkeys(("WILLOWS", "ORLAND"), "Glenn"),
    **dict.fromkeys(("BISHOP", "INDEPENDENCE"), "Inyo"),
    **dict.fromkeys(("ALTURAS",), "Modoc"),
    **dict.fromkeys(("ATWATER", "LOS BANOS"), "Merced"),
    **dict.fromkeys(("CHOWCHILLA",), "Madera"),
}  # fmt: skip

_COUNTY_BY_UPPER = {c.upper(): c for c in COUNTIES}
# The kinds of California agency a sheet names: superior, municipal,
# juvenile and justice courts, police, sheriff, highway patrol ...
AGENCY_KINDS = ("SC", "MC", "JV", "JC", "PD", "SO", "HP", "CHP", "DA", "AP", "CO")
_AGENCY = re.compile(r"^\s*([A-Z]{2})([A-Z]{2,4})\b\s*(.*)$")


def _clean(text: str) -> str:
    text = re.sub(r"[^A-Z ]", " ", text.upper())
    return re.sub(r"\s+", " ", text).strip()


def state_of(agency: str | None) -> str | None:
    """The state an agency names ("CA", "NV"; "US" federal), or None."""
    if not agency:
        return None
    match = _AGENCY.match(agency.upper())
    if not match:
        return None
    state = match.group(1)
    if state in ("CA", "US") or state in OTHER_STATES:
        return state
    return None


def _place_county(place: str) -> str | None:
    words = place.split()
    # A city first (Yuba City is in Sutter, not Yuba), longest name first.
    for end in range(len(words), 0, -1):
        county = CITY_COUNTY.get(" ".join(words[:end]))
        if county:
            return county
    for end in range(len(words), 0, -1):
        county = _COUNTY_BY_UPPER.get(" ".join(words[:end]))
        if county:
            return county
    return None


def repair(agency: str) -> tuple[str, bool]:
    """An agency as printed, with a scan's slip in its prefix undone.

    "CAIJV ALAMEDA" -> ("CAJV ALAMEDA", False): a prefix one letter too long
    whose shorter form is a known kind of agency. The flag is False when
    something was changed, so the field is shown for review.
    """
    words = agency.split()
    if not words or not words[0].startswith("CA") or len(words[0]) != 5:
        return agency, True
    rest = words[0][2:]
    for drop in range(3):
        kind = rest[:drop] + rest[drop + 1 :]
        if kind in AGENCY_KINDS:
            return " ".join(["CA" + kind, *words[1:]]), False
    return agency, True


def _fuzzy_county(place: str) -> str | None:
    names = list(CITY_COUNTY) + list(_COUNTY_BY_UPPER)
    words = place.split()
    for end in range(len(words), 0, -1):
        close = difflib.get_close_matches(
            " ".join(words[:end]), names, n=1, cutoff=0.85
        )
        if close:
            return CITY_COUNTY.get(close[0]) or _COUNTY_BY_UPPER[close[0]]
    return None


def place_county(agency: str | None) -> tuple[str | None, bool]:
    """(county, sure): a near-miss spelling (a scan's) gives sure=False."""
    county = county_of(agency)
    if county or not agency or state_of(agency) != "CA":
        return county, True
    match = _AGENCY.match(agency.upper())
    if match is None:
        return None, True
    return _fuzzy_county(_clean(match.group(3))), False


def county_of(agency: str | None) -> str | None:
    """The California county of a court or agency, or None when unknown."""
    if not agency or state_of(agency) != "CA":
        return None
    match = _AGENCY.match(agency.upper())
    if match is None:
        return None
    place = _clean(match.group(3))
    # "CASC MCSACRAMENTO": a municipal-court prefix glued to the place.
    candidates = [place]
    if place.startswith("MC") and len(place) > 2:
        candidates.append(place[2:].strip())
    place_words = place.split()
    if place_words and place_words[-1] in ("CO", "COUNTY", "CNTY"):
        candidates.append(" ".join(place_words[:-1]))
    for candidate in candidates:
        county = _place_county(candidate)
        if county:
            return county
    return None
