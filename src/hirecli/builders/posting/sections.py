"""The wording of each posting section, built from a role and its company profile.

Every list keeps the role file's order and wording; this module only adds headings,
labels and the few sentences that join facts together (experience, pay, how to apply).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from hirecli.builders.posting.facts import pay_text
from hirecli.builders.posting.parts import ItemList, Section, one_line, paragraphs
from hirecli.channels import PARTS, Channel
from hirecli.document import Inlines, Link, Strong, inlines

if TYPE_CHECKING:
    from hirecli.model.company import Company
    from hirecli.model.role import Experience, Role

HEADINGS = {
    "summary": "About the role",
    "responsibilities": "What you'll do",
    "requirements": "What you'll bring",
    "preferred": "Nice to have",
    "skills": "Skills for this role",
    "career_path": "Your career path",
    "notes": "Good to know",
    "eeo": "Equal opportunity",
    "apply": "How to apply",
}
LABELS: dict[str, str | None] = {
    "primary": None,
    "secondary": "You'll also",
    "hard": "Job skills",
    "soft": "Personal strengths",
    "entry_points": "Backgrounds that lead here",
    "advancement": "Where you can grow",
    "lateral_moves": "Other paths from this role",
}
NOUNS = {
    "primary": "responsibilities",
    "secondary": "further responsibilities",
    "requirements": "requirements",
    "preferred": "nice-to-have items",
    "hard": "job skills",
    "soft": "personal strengths",
    "entry_points": "entry points",
    "advancement": "advancement steps",
    "lateral_moves": "lateral moves",
    "benefits": "benefits",
}


def _years(count: int) -> str:
    return f"{count} year" if count == 1 else f"{count} years"


def experience_line(experience: Experience) -> str | None:
    """The experience asked for, in words: the role's own sentence when it has one."""
    if experience.description:
        return one_line(experience.description)
    low, high = experience.min_years, experience.max_years
    if low == 0:
        return "No previous experience required"
    if low is not None and high is not None:
        span = _years(low) if low == high else f"{low}–{_years(high)}"
        return f"{span} of relevant experience"
    if low is not None:
        return f"At least {_years(low)} of relevant experience"
    if high is not None:
        return f"Up to {_years(high)} of relevant experience"
    return None


def _texts(items: list[str]) -> list[Inlines]:
    return [inlines(one_line(item)) for item in items]


def _fields_line(fields: list[str]) -> Inlines | None:
    if not fields:
        return None
    if len(fields) == 1:
        return inlines(f"A background in {one_line(fields[0])}")
    return inlines("A background in one of these fields: " + "; ".join(one_line(f) for f in fields))


def _label(key: str, channel: Channel) -> str | None:
    return channel.labels.get(key, LABELS[key])


def _parts(section: str, lists: dict[str, list[Inlines]], channel: Channel) -> list[ItemList]:
    order = channel.parts.get(section, PARTS[section])
    return [ItemList(key, NOUNS[key], lists[key], _label(key, channel)) for key in order]


def _summary(role: Role, company: Company | None, channel: Channel) -> Section:
    paras = [inlines(p) for p in paragraphs(role.summary)] if role.summary else []
    return Section("summary", "", paras)


def _responsibilities(role: Role, company: Company | None, channel: Channel) -> Section:
    lists = {
        "primary": _texts(role.responsibilities.primary),
        "secondary": _texts(role.responsibilities.secondary),
    }
    parts = _parts("responsibilities", lists, channel)
    if not lists["primary"]:
        for part in parts:
            part.label = None
    return Section("responsibilities", "", lists=parts)


def _requirements(role: Role, company: Company | None, channel: Channel) -> Section:
    items = _texts(role.education.minimum)
    experience = experience_line(role.experience)
    if experience:
        items.append(inlines(experience))
    for skill in role.all_skills:
        if skill.must_have:
            items.append(
                inlines(Strong(skill.name), ": " + one_line(skill.description))
                if skill.description
                else inlines(skill.name)
            )
    items += _texts(role.qualifications.required)
    return Section("requirements", "", lists=[ItemList("requirements", NOUNS["requirements"], items)])


def _preferred(role: Role, company: Company | None, channel: Channel) -> Section:
    items = _texts(role.education.preferred) + _texts(role.experience.preferred)
    items += _texts(role.qualifications.preferred)
    fields = _fields_line(role.education.fields_of_study)
    if fields:
        items.append(fields)
    return Section("preferred", "", lists=[ItemList("preferred", NOUNS["preferred"], items)])


def _skills(role: Role, company: Company | None, channel: Channel) -> Section:
    lists = {
        "hard": [inlines(s.name) for s in role.skills.hard],
        "soft": [inlines(s.name) for s in role.skills.soft],
    }
    return Section("skills", "", lists=_parts("skills", lists, channel))


def _career_path(role: Role, company: Company | None, channel: Channel) -> Section:
    path = role.career_path
    lists = {
        "entry_points": _texts(path.entry_points),
        "advancement": _texts(path.advancement),
        "lateral_moves": _texts(path.lateral_moves),
    }
    return Section("career_path", "", lists=_parts("career_path", lists, channel))


def _pay(role: Role, company: Company | None, channel: Channel) -> Section:
    paras: list[Inlines] = []
    pay = pay_text(role, company)
    if pay and (channel.pay_in_body or "pay" not in channel.facts):
        paras.append(inlines(Strong("Pay:"), " " + pay))
    if role.compensation is not None and role.compensation.variable_pay:
        paras.append(inlines(Strong("Additional pay:"), " " + one_line(role.compensation.variable_pay)))
    seen: set[str] = set()
    benefits: list[Inlines] = []
    for text in [*(company.benefits if company else []), *role.benefits]:
        line = one_line(text)
        if line.casefold() not in seen:
            seen.add(line.casefold())
            benefits.append(inlines(line))
    heading = "Pay and benefits" if paras and benefits else ("Pay" if paras else "Benefits")
    return Section("pay", heading, paras, [ItemList("benefits", NOUNS["benefits"], benefits)])


def _notes(role: Role, company: Company | None, channel: Channel) -> Section:
    from hirecli.builders.posting.notes import public_notes

    shown = public_notes(role.notes)
    return Section("notes", "", [inlines(p) for p in paragraphs(shown)] if shown else [])


def _about(role: Role, company: Company | None, channel: Channel) -> Section:
    if company is None or not company.about:
        return Section("about", "")
    return Section("about", f"About {company.name}", [inlines(p) for p in paragraphs(company.about)])


def _eeo(role: Role, company: Company | None, channel: Channel) -> Section:
    if company is None or not company.eeo_statement:
        return Section("eeo", "")
    return Section("eeo", "", [inlines(p) for p in paragraphs(company.eeo_statement)])


def _apply(role: Role, company: Company | None, channel: Channel) -> Section:
    apply = company.apply if company else None
    if apply is None:
        return Section("apply", "")
    url = Link(apply.url, apply.url) if apply.url else None
    mail = Link(apply.email, f"mailto:{apply.email}") if apply.email else None
    if url and mail:
        line = inlines("Apply at ", url, ", or send your application to ", mail, ".")
    elif url:
        line = inlines("Apply at ", url, ".")
    else:
        line = inlines("Send your application to ", mail or "", ".")
    return Section("apply", "", [line])


_BUILDERS: dict[str, Callable[[Role, Company | None, Channel], Section]] = {
    "summary": _summary,
    "responsibilities": _responsibilities,
    "requirements": _requirements,
    "preferred": _preferred,
    "skills": _skills,
    "career_path": _career_path,
    "pay": _pay,
    "notes": _notes,
    "about": _about,
    "eeo": _eeo,
    "apply": _apply,
}


def build_section(name: str, role: Role, company: Company | None, channel: Channel) -> Section | None:
    """The section called ``name``, or None when the role has nothing for it."""
    section = _BUILDERS[name](role, company, channel)
    section.lists = [part for part in section.lists if part.items]
    if section.empty:
        return None
    section.heading = channel.headings.get(name) or section.heading or HEADINGS[name]
    return section
