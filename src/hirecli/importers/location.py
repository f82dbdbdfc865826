"""Where a job is: city, region, country and workplace from a location line.

"Denver, CO (Hybrid)", "Remote - US or Canada", "Tacoma, WA 98402": state and province
codes name their country, a well-known city on its own names its country too ("Leeds"),
and an unlabelled line counts only when every part of it is recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from hirecli.importers.fields import normalize, strip_workplace, workplace
from hirecli.importers.vocab import table

_POSTAL = re.compile(r"^(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$")


@dataclass(slots=True)
class Place:
    """What a location line said."""

    city: str | None = None
    region: str | None = None
    country: str | None = None
    postal_code: str | None = None
    workplace: str | None = None
    remote_regions: list[str] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)
    known_city: bool = False
    inferred: str = ""
    """Why the country was inferred from the city alone, when it was."""

    @property
    def found(self) -> bool:
        return bool(self.city or self.region or self.country or self.workplace or self.remote_regions)


@cache
def _cities() -> dict[str, tuple[str, str | None]]:
    """Well-known cities that name their country on their own ("Leeds" -> GB)."""
    out: dict[str, tuple[str, str | None]] = {}
    for country, names in table("places").get("cities", {}).items():
        for entry in names:
            name, _, region = str(entry).partition("/")
            out[normalize(name)] = (str(country), region or None)
    return out


@cache
def _places() -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, set[str]]]:
    data = table("places")
    countries = {normalize(str(k)): str(v) for k, v in data["countries"].items()}
    names = {normalize(str(k)): (str(v[0]), str(v[1])) for k, v in data["region_names"].items()}
    codes = {str(country): {str(c) for c in regions} for country, regions in data["regions"].items()}
    return countries, names, codes


_PLACE_FILLER = re.compile(
    r"\b(?:only|based|within|in|the|from|near|area|or|and|candidates|"
    r"residents|eligible|must|reside|anywhere in)\b",
    re.IGNORECASE,
)


def parse_location(text: str, *, labeled: bool = False) -> Place | None:
    """City, region, country and workplace from "Denver, CO (Hybrid)" or "Remote - US or Canada".

    An unlabeled line counts only when every part of it is recognised.
    """
    countries, region_names, region_codes = _places()
    place = Place(workplace=workplace(text))
    rest = strip_workplace(text)
    parts = [p.strip(" .") for p in re.split(r"[,;/()|\[\]]|\s[-–—]\s|\s+or\s+|\s+and\s+|:", rest)]
    for raw in parts:
        part = raw
        if not part:
            continue
        coded = re.fullmatch(r"([A-Z]{2,3})\s+(\S.*)", part)
        if coded and _POSTAL.match(coded.group(2)) and place.city:
            place.postal_code = coded.group(2)
            part = coded.group(1)
        key = normalize(part)
        bare = normalize(_PLACE_FILLER.sub(" ", part))
        if key in countries or bare in countries:
            code = countries.get(key, countries.get(bare, ""))
            if code and place.workplace == "remote" and not place.city:
                place.remote_regions.append(code)
            elif code:
                place.country = place.country or code
            continue
        if part.upper() == part and part.isalpha() and place.city and not place.region:
            owners = [c for c, codes in region_codes.items() if part in codes]
            if owners:  # ambiguous codes (WA, NT) read as the first country listed: US, then CA
                place.region = part
                place.country = place.country or owners[0]
                continue
        if key in region_names and place.city:
            place.country, place.region = region_names[key][0], region_names[key][1]
            continue
        if _POSTAL.match(part):
            place.postal_code = part
            continue
        if (
            place.city is None
            and re.fullmatch(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", part)
            and bare != ""
        ):
            place.city = part
            continue
        if bare:
            place.leftover.append(part)
    known = _cities().get(normalize(place.city)) if place.city else None
    if known and place.region is None and place.country is None:
        place.country, place.region = known
        place.known_city = True
        place.inferred = f"{place.city} read as the city in {known[0]}"
    if place.region is None and place.city and place.country is None and not labeled:
        return None
    if place.workplace == "remote" and place.country and not place.city:
        place.remote_regions.append(place.country)
        place.country = None
    if not place.found or (not labeled and place.leftover):
        return None
    place.remote_regions = list(dict.fromkeys(place.remote_regions))
    return place
