"""Location text to city, region, country and work mode (remote, hybrid, onsite).

Only what the text plainly states is read. A country is never guessed, with one
exception: a US state code or name after a city ("New York, NY", "Austin, Texas") is
unambiguous and gives country US. "London" stays a city with no country; "Toronto, ON"
keeps its province as the region and no country.

The work mode comes from the location first ("Remote", "Remote (US)", "Hybrid - 3 days in
office", "On-site"), then from the description, where only phrases that are about the job
count ("this role is fully remote", "hybrid schedule", "must work on-site"): "remote
sensing" and "hybrid cloud" are not work modes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class WorkMode(StrEnum):
    remote = "remote"
    hybrid = "hybrid"
    onsite = "onsite"


@dataclass(frozen=True, slots=True)
class Location:
    """A place and a work mode as the text states them; country is ISO 3166-1 alpha-2."""

    city: str | None = None
    region: str | None = None
    country: str | None = None
    work_mode: WorkMode | None = None
    evidence: tuple[str, ...] = ()


# fmt: off
US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "PR": "Puerto Rico",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
# fmt: on
_STATE_BY_NAME = {name.lower(): code for code, name in US_STATES.items()}
# State names that alone more often mean a city or a country; after a city they are states.
_AMBIGUOUS_ALONE = frozenset({"new york", "washington"})
_NEVER_A_STATE_ALONE_OR_NOT = frozenset({"georgia"})  # Tbilisi, Georgia is a country

# fmt: off
COUNTRIES: dict[str, str] = {
    "united states": "US", "united states of america": "US", "usa": "US", "us": "US",
    "u.s.": "US", "u.s.a.": "US", "america": "US",
    "canada": "CA", "mexico": "MX", "brazil": "BR", "argentina": "AR", "chile": "CL",
    "colombia": "CO", "peru": "PE",
    "united kingdom": "GB", "uk": "GB", "u.k.": "GB", "great britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "ireland": "IE", "france": "FR", "germany": "DE", "deutschland": "DE",
    "netherlands": "NL", "the netherlands": "NL", "holland": "NL", "belgium": "BE",
    "luxembourg": "LU", "switzerland": "CH", "austria": "AT", "italy": "IT", "spain": "ES",
    "portugal": "PT", "denmark": "DK", "sweden": "SE", "norway": "NO", "finland": "FI",
    "iceland": "IS", "poland": "PL", "czech republic": "CZ", "czechia": "CZ",
    "slovakia": "SK", "hungary": "HU", "romania": "RO", "bulgaria": "BG", "greece": "GR",
    "croatia": "HR", "serbia": "RS", "slovenia": "SI", "estonia": "EE", "latvia": "LV",
    "lithuania": "LT", "ukraine": "UA", "turkey": "TR", "türkiye": "TR", "israel": "IL",
    "united arab emirates": "AE", "uae": "AE", "saudi arabia": "SA", "qatar": "QA",
    "egypt": "EG", "nigeria": "NG", "kenya": "KE", "south africa": "ZA", "india": "IN",
    "pakistan": "PK", "bangladesh": "BD", "sri lanka": "LK", "china": "CN",
    "hong kong": "HK", "taiwan": "TW", "japan": "JP", "south korea": "KR", "korea": "KR",
    "singapore": "SG", "malaysia": "MY", "indonesia": "ID", "philippines": "PH",
    "thailand": "TH", "vietnam": "VN", "australia": "AU", "new zealand": "NZ",
}
# fmt: on
# Two-letter country codes accepted when written as such; a US state code wins a clash
# ("Portland, OR"), as the module docstring says.
_COUNTRY_CODES = frozenset(COUNTRIES.values()) - frozenset(US_STATES)
_MACRO_REGIONS = frozenset(
    {
        "europe",
        "emea",
        "apac",
        "latam",
        "north america",
        "south america",
        "asia",
        "eu",
        "americas",
        "worldwide",
        "global",
        "anywhere",
        "africa",
        "middle east",
        "oceania",
    }
)

# --- work mode cues -------------------------------------------------------------------

_IN_OFFICE_DAYS = re.compile(
    r"\d\s*(?:-\s*\d\s*)?days?(?: (?:a|per|each) week)? (?:in(?: the| our)? office|on-?site)",
    re.I,
)
# In this order: "Hybrid - 3 days in office" is hybrid though it says "in office".
_LOCATION_CUES: tuple[tuple[WorkMode, re.Pattern[str]], ...] = (
    (
        WorkMode.hybrid,
        re.compile(
            r"\bhybrid\b(?:\s*[-–:(]?\s*\d\s*(?:-\s*\d\s*)?days?(?: (?:a|per) week)?"
            r"(?: in(?: the)? office| on-?site)?\)?)?",
            re.I,
        ),
    ),
    (WorkMode.hybrid, _IN_OFFICE_DAYS),
    (
        WorkMode.remote,
        re.compile(
            r"\b(?:fully |100% )?remote(?! sensing)\b(?:\s*(?:first|friendly|ok|eligible))?"
            r"|\banywhere\b|\bwork from home\b|\bwfh\b|\btelecommute\b",
            re.I,
        ),
    ),
    (
        WorkMode.onsite,
        re.compile(r"\b(?:on-?site|on site|in[- ]office|in[- ]person)\b(?: only)?", re.I),
    ),
)

# Description cues, matched on the lower-cased text. Each pattern starts with a literal so
# that the regex engine can skip ahead; a long description is searched in microseconds.
# Generic "work from home" is left out: in postings it is mostly a perk ("work from home
# flexibility", read as hybrid) or a notice, not the work mode.
_HYBRID_CUES = (
    r"hybrid (?:work|working|role|position|schedule|model|arrangement|set-?up|remote|"
    r"environment|opportunity|policy|office|team)\b",
    r"is hybrid\b",
    r"days? (?:a|per|each) week (?:in|at) (?:the|our) office",
    r"days? in (?:the|our) office",
    r"days? (?:a|per) week (?:from|at) home",
    r"work from home (?:flexibility|days?|on occasion|options?)\b",
    r"days are work from home",
    r"some telecommuting allowed",
    r"partial telecommuting allowed",
)
_ONSITE_CUES = (
    r"not (?:a )?remote\b(?: possible| role| position| work)?",
    r"no remote\b(?: possible| work| option)?",
    r"non-?remote\b",
    r"remote (?:work )?(?:is )?not (?:available|possible|an option)\b",
    r"not (?:eligible|open) (?:for|to) remote\b",
    r"is (?:based )?(?:fully )?(?:on-?site|on site|in[- ]office|in[- ]person)\b",
    r"must (?:work|be) (?:performed )?(?:on-?site|on site|in (?:the|our) office)\b",
    r"fully (?:on-?site|in[- ]office)\b",
    r"100% (?:on-?site|in[- ]office)\b",
    r"on-?site (?:only|required|position|role)\b",
    r"no telecommut\w*",
    r"telecommut\w*\??:?\s*(?:not allowed|no)\b",
)
_REMOTE_CUES = (
    r"fully remote\b",
    r"100% remote\b",
    r"completely remote\b",
    r"entirely remote\b",
    r"permanently remote\b",
    r"remote[- ](?:first|friendly|position|role|job|opportunity|eligible|option)\b",
    r"is (?:fully |100% )?remote\b",
    r"can be (?:fully |100% )?remote\b",
    r"work remotely from anywhere\b",
    r"remote within (?:the )?\w+",
    r"full telecommut\w*",
)
_MODE_WORDS = ("remote", "hybrid", "home", "office", "site", "telecommut", "person")


def _compile_cues(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


_HYBRID = _compile_cues(_HYBRID_CUES)
_ONSITE = _compile_cues(_ONSITE_CUES)
_REMOTE = _compile_cues(_REMOTE_CUES)


def _first_cue(text: str, cues: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
    """The earliest cue that starts a word."""
    best: re.Match[str] | None = None
    for cue in cues:
        for m in cue.finditer(text):
            if m.start() == 0 or not text[m.start() - 1].isalnum():
                if best is None or m.start() < best.start():
                    best = m
                break
    return best


def work_mode_from_description(description: str) -> tuple[WorkMode | None, str | None]:
    """Remote, hybrid or onsite from job phrases in a description, with the phrase found."""
    text = description.lower()
    if not any(word in text for word in _MODE_WORDS):
        return None, None
    onsite = _first_cue(text, _ONSITE)
    rest = text
    if onsite is not None:  # "no remote possible" must not read as "remote possible"
        for cue in _ONSITE:
            rest = cue.sub(" ", rest)
    hybrid = _first_cue(rest, _HYBRID)
    remote = _first_cue(rest, _REMOTE)
    if hybrid:
        return WorkMode.hybrid, hybrid.group(0)
    if remote and onsite:
        return WorkMode.hybrid, f"{remote.group(0)} / {onsite.group(0)}"
    if remote:
        return WorkMode.remote, remote.group(0)
    if onsite:
        return WorkMode.onsite, onsite.group(0)
    return None, None


def _work_mode_from_location(text: str) -> tuple[WorkMode | None, str, str | None]:
    """The work mode a location string states, and the text left once the cue is removed."""
    for mode, pattern in _LOCATION_CUES:
        if m := pattern.search(text):
            rest = text
            for _, cue in _LOCATION_CUES:
                rest = cue.sub(" ", rest)
            return mode, rest, m.group(0)
    return None, text, None


# --- place ----------------------------------------------------------------------------

# Lower-case "or" only: "Portland, OR" is Oregon.
_ALTERNATIVES = re.compile(r"\s*[;|/&]\s*|\s+(?:or|and)\s+")
_DANGLING = re.compile(r"^(?:(?:or|and)\b[\s,]*)+|(?:[\s,]*\b(?:or|and))+$")
_POSTCODE = re.compile(r"^\d{4,6}(?:-\d{4})?$|^[A-Z]\d[A-Z] ?\d[A-Z]\d$")
_TRIM = " \t\n-–—,()[]:.;"


def _parts(place: str) -> list[str]:
    parts: list[str] = []
    for raw in place.split(","):
        words = [w for w in raw.strip(_TRIM).split() if not _POSTCODE.match(w)]
        part = " ".join(words).strip(_TRIM)
        if part:
            parts.append(part)
    return parts


def _country(part: str) -> str | None:
    key = part.lower()
    if key in COUNTRIES:
        return COUNTRIES[key]
    if part.isupper() and part in _COUNTRY_CODES:
        return part
    return None


def _us_state(part: str, after_city: bool) -> str | None:
    if part.isupper() and part in US_STATES:
        return part
    key = part.lower()
    if key in _NEVER_A_STATE_ALONE_OR_NOT or (key in _AMBIGUOUS_ALONE and not after_city):
        return None
    return _STATE_BY_NAME.get(key)


def _place(text: str, evidence: list[str]) -> tuple[str | None, str | None, str | None]:
    text = _DANGLING.sub("", text.strip(_TRIM)).strip(_TRIM)
    first = _ALTERNATIVES.split(text)[0]
    if first != text:
        evidence.append(f"several places given; read the first, {first!r}")
    parts = _parts(first)
    city = region = country = None
    if parts and (country := _country(parts[-1])):
        evidence.append(f"country {parts[-1]!r} -> {country}")
        parts = parts[:-1]
    if parts and country in (None, "US") and (state := _us_state(parts[-1], len(parts) > 1)):
        region = state
        if country is None:
            country = "US"
            evidence.append(f"US state {parts[-1]!r} -> country US")
        parts = parts[:-1]
    if parts and parts[-1].lower() in _MACRO_REGIONS:
        region = region or parts[-1]
        parts = parts[:-1]
    if len(parts) >= 2 and region is None:
        city, region = parts[0], parts[1]
    elif parts:
        city = parts[0]
    return city, region, country


def parse_location(text: str | None, description: str | None = None) -> Location:
    """City, region, country and work mode from a location string (and a description)."""
    evidence: list[str] = []
    mode, rest, cue = _work_mode_from_location(text or "")
    if mode is not None:
        evidence.append(f"location says {cue!r} -> {mode.value}")
    elif description:
        mode, phrase = work_mode_from_description(description)
        if mode is not None:
            evidence.append(f"description says {phrase!r} -> {mode.value}")
    city, region, country = _place(rest, evidence)
    return Location(city, region, country, mode, tuple(evidence))
