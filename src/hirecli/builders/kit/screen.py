"""The recruiter screen's own parts: the requirements check, logistics and motivation.

The requirements check lists only what the role really requires: lines that say
something is *not* required are left out, work authorization is asked once in the
lawful form, the minimum experience is stated as a minimum, and a licence or
certificate is a row whose number the screen takes down to verify with the issuing
body. Motivation is rated like any competency, on the screen's scorecard.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from typing import Any

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import KitCompetency, KitQuestion, Requirement
from hirecli.builders.kit.text import fill, lower_first, sentence
from hirecli.model.role import Role

KIT = "kit"
"""The source of what the kit adds itself (the motivation competency and its questions)."""
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*\d+\+?\s+(years?)\b", re.IGNORECASE)


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    from babel import Locale

    name = Locale("en").territories.get(code)
    return str(name) if name else code


def country_phrase(role: Role) -> str:
    code = role.location.country if role.location else None
    name = _country_name(code)
    if name is None:
        return "the country where this job is based"
    return f"the {name}" if name.startswith(("United", "Netherlands", "Philippines")) else name


@functools.cache
def _patterns(name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in kit_data("loop")["requirements"][name])


def not_required(line: str) -> bool:
    """True for a line that says something is not needed ("No diploma or degree required.")."""
    return any(p.search(line) for p in _patterns("not_required"))


def is_licence(line: str) -> bool:
    words = " " + " ".join(re.findall(r"[a-z0-9]+", line.lower())) + " "
    return any(f" {w} " in words for w in kit_data("loop")["requirements"]["licence_words"])


def _experience(role: Role) -> str | None:
    """The minimum experience as a requirement; a range becomes "At least N years"."""
    exp = role.experience
    description = exp.description.strip() if exp.description else ""
    if description and not_required(description):
        description = ""
    years = exp.min_years
    if not years:
        return sentence(description) if description else None
    if description:
        ranged = _RANGE.match(description)
        if ranged and int(ranged.group(1)) == years:
            return sentence(f"At least {years} {ranged.group(2)}{description[ranged.end() :]}")
        lowered = description.lower()
        if "at least" in lowered or "minimum" in lowered or f"{years}+" in lowered:
            return sentence(description)
    forms = kit_data("loop")["requirements"]
    what = f": {lower_first(description).rstrip('.')}" if description else ""
    return sentence(
        fill(forms["experience"], {"years": f"{years} year{'s' if years != 1 else ''}", "what": what})
    )


def requirements(role: Role, credentials: Sequence[str] = ()) -> list[Requirement]:
    """The yes/no rows of the screen: authorization, schedule, education, qualifications,
    experience, and the certificates the role lists as skills (``credentials``)."""
    forms = kit_data("loop")["requirements"]
    found = [Requirement(fill(forms["authorization"], {"country": country_phrase(role)}))]
    if role.schedule:
        found.append(Requirement(fill(forms["schedule"], {"item": lower_first(sentence(role.schedule))})))
    items = [*role.education.minimum, *role.qualifications.required]
    for item in items:
        if not_required(item) or any(p.search(item) for p in _patterns("authorization_like")):
            continue
        found.append(Requirement(sentence(item), licence=is_licence(item)))
    experience = _experience(role)
    if experience:
        found.append(Requirement(experience))
    for name in credentials:
        found.append(Requirement(sentence(fill(forms["credential"], {"name": name})), licence=True))
    seen: set[str] = set()
    unique = []
    for requirement in found:
        if requirement.text.lower() not in seen:
            seen.add(requirement.text.lower())
            unique.append(requirement)
    return unique


def requirement_minutes(rows: Sequence[Requirement]) -> int:
    return max(2, math.ceil(len(rows) / 2) + sum(1 for r in rows if r.licence))


def _place(role: Role) -> str | None:
    loc = role.location
    if loc is None:
        return None
    where = ", ".join(p for p in (loc.city, loc.region) if p)
    if loc.workplace == "remote":
        return "remote"
    if loc.workplace == "hybrid":
        return f"hybrid, part of the week at our {where} site" if where else "hybrid"
    return f"on site in {where}" if where else None


def logistics(role: Role, pay: str | None) -> list[str]:
    """The practical questions every candidate is asked and not rated on."""
    values = {"pay": pay or "", "place": _place(role) or ""}
    out = []
    for line in kit_data("loop")["logistics"]:
        names = re.findall(r"\{(\w+)\}", str(line))
        if any(not values.get(n) for n in names):
            continue
        out.append(fill(str(line), values))
    return out


def motivation(variant: int, role_words: str) -> tuple[KitCompetency, KitQuestion, KitQuestion]:
    """The motivation competency, its main question for ``variant`` and its reserve."""
    data = kit_data("loop")["screen"]["motivation"]
    options = data["questions"]
    anchors = data["anchors"]
    four = (text(anchors[1]), text(anchors[2]), text(anchors[3]), text(anchors[4]))
    name = str(data["competency"])

    def question(chosen: dict[str, Any]) -> KitQuestion:
        return KitQuestion(
            text=fill(text(chosen["text"]), {"role": role_words}),
            type="behavioral",
            probes=tuple(text(p) for p in chosen["probes"]),
            strong=tuple(text(s) for s in chosen["strong"]),
            red_flags=tuple(text(r) for r in chosen["red_flags"]),
            anchors=four,
            minutes=int(chosen["minutes"]),
            competency=name,
            source=str(chosen["id"]),
        )

    comp = KitCompetency(
        name=name,
        definition=text(data["definition"]),
        context=None,
        kind="soft",
        must_have=False,
        weight=1,
        sources=(KIT,),
        how=KIT,
        confidence=None,
        anchors=four,
    )
    main = question(options[variant % len(options)])
    reserve = question(options[(variant + 1) % len(options)])
    return comp, main, reserve
