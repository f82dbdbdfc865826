"""Where an item of a list section goes in a role: the routing rules.

Items under a generic requirements heading ("Requirements", "Qualifications", "What
we're looking for", "Education & Experience"):

1. a line that states a length of experience ("3+ years", "at least two years",
   "2-7 years") is experience: the first sets experience.min_years/max_years and
   experience.description, later ones stay in qualifications.required;
2. else a line that names a school credential (degree, diploma, bachelor's, GED,
   high school, ...) is education.minimum;
3. anything else, licences and certifications included, is qualifications.required.

Under a "Preferred"/"Nice to have" heading the same rules fill experience.preferred,
education.preferred and qualifications.preferred. Items under an explicit Education or
Experience heading stay there, whatever they say. Lists under "Hard Skills" and "Soft
Skills" go to skills.hard and skills.soft; a plain "Skills" list is split by a word
list of soft skills (communication, empathy, ...).
"""

from __future__ import annotations

import re

from hirecli.importers import fields
from hirecli.importers.vocab import word_pattern

EXPERIENCE = "experience"
"""The path for a line that may become experience.description (and its years)."""

LIST_KINDS = {
    "responsibilities": "responsibilities.primary",
    "responsibilities.primary": "responsibilities.primary",
    "responsibilities.secondary": "responsibilities.secondary",
    "skills.hard": "skills.hard",
    "skills.soft": "skills.soft",
    "education": "education.minimum",
    "education.minimum": "education.minimum",
    "education.preferred": "education.preferred",
    "education.fields_of_study": "education.fields_of_study",
    "experience.preferred": "experience.preferred",
    "benefits": "benefits",
    "career_path": "career_path.advancement",
    "career_path.entry_points": "career_path.entry_points",
    "career_path.advancement": "career_path.advancement",
    "career_path.lateral_moves": "career_path.lateral_moves",
}
"""Sections whose items all go to one list."""
ROUTED_KINDS = frozenset({"requirements", "preferred", "education_experience", "skills", "experience"})
"""Sections whose items are sorted one by one."""


_PREFERRED_TAIL = re.compile(
    r"\b(?:preferred|(?:is\s+)?a\s+plus|(?:is\s+)?an\s+asset|(?:is\s+)?desirable"
    r"|nice\s+to\s+have|(?:is\s+)?a\s+bonus|advantageous|welcome)\W*$",
    re.IGNORECASE,
)


def route(kind: str, text: str, *, have_experience: bool) -> str:
    """The role path for an item of a ``kind`` section; :data:`EXPERIENCE` for a line that
    may fill experience.description (when ``have_experience`` is false). A requirement
    that ends by calling itself preferred ("... is a plus") is a preferred one."""
    if kind in ("requirements", "education_experience", "preferred"):
        preferred = kind == "preferred" or (";" not in text and bool(_PREFERRED_TAIL.search(text)))
        if fields.mentions_years(text):
            if preferred:
                return "experience.preferred"
            return "qualifications.required" if have_experience else EXPERIENCE
        if word_pattern("vocabulary", "education").search(text.replace("’", "'")):
            return "education.preferred" if preferred else "education.minimum"
        return "qualifications.preferred" if preferred else "qualifications.required"
    if kind == "skills":
        return "skills.soft" if word_pattern("vocabulary", "soft_skills").search(text) else "skills.hard"
    if kind == "experience":
        return "qualifications.required" if have_experience else EXPERIENCE
    return LIST_KINDS[kind]
