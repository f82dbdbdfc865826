"""The commented role file that ``hirecli new`` writes for a user to fill in."""

from __future__ import annotations

import json

from hirecli.slug import slugify

SCHEMA_MODELINE = "# yaml-language-server: $schema=../schema/role.schema.json"

_TEMPLATE = """{modeline}
# A role file for hirecli. Fill in what you know; every list may stay empty.
# Check it with: hirecli validate {id}.yaml

id: {id}                       # slug: lower-case letters, digits and hyphens
title: {title}
tags: []                        # e.g. [Healthcare, Counseling]
department:                     # e.g. Behavioral Health
reports_to:                     # the title of the role's manager
occupation_code:                # O*NET-SOC code, e.g. "21-1014.00"
openings:                       # how many people you are hiring, e.g. 2
employment_type: full_time      # full_time | part_time | contract | temporary | internship
                                # | per_diem | volunteer
schedule:                       # hours or shifts, in words

location:                       # where the work happens
  city:
  region:                       # state or province code, e.g. CO
  country:                      # ISO 3166-1 alpha-2, e.g. US (quote NO for Norway: "NO")
  workplace: onsite             # onsite | hybrid | remote

compensation:                   # many places require a pay range in the posting
  currency: USD                 # ISO 4217 code
  min:                          # lowest pay of the range, e.g. 55000
  max:                          # highest pay of the range
  period: year                  # year | month | week | day | hour

summary:                        # two to five sentences: why the role exists and what success looks like

career_path:
  entry_points: []              # roles people usually come from
  advancement: []               # roles this one can lead to
  lateral_moves: []             # related roles at the same level

responsibilities:
  primary: []                   # the main duties, most important first
  secondary: []                 # occasional or supporting duties

skills:                         # each item: a name, or {{name, must_have: true, weight: 1-5}}
  hard: []
  soft: []

education:
  minimum: []
  preferred: []
  fields_of_study: []

experience:
  min_years:                    # whole number of years, e.g. 2
  max_years:
  preferred: []

qualifications:                 # licenses, checks and other requirements that are not skills
  required: []
  preferred: []

benefits: []                    # role-specific benefits, shown after the company's
"""


def starter_role(title: str, slug: str | None = None) -> str:
    """The YAML text of a new role, with the title quoted safely.

    A title the role file could not hold (empty, several lines, control characters, text
    that is not valid Unicode) is a usage error: ``new`` never writes a file that
    ``validate`` refuses.
    """
    role_id = slug or slugify(title)
    quoted = json.dumps(title.strip(), ensure_ascii=False)
    text = _TEMPLATE.format(modeline=SCHEMA_MODELINE, id=role_id, title=quoted)
    _check(text, title)
    return text


def _check(text: str, title: str) -> None:
    from hirecli.errors import UsageError, ValidationFailed
    from hirecli.model.loader import load_role_text

    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(
            f"the title {title!r} is not valid text (a file name or argument in another "
            "encoding?); write it again in UTF-8"
        ) from None
    try:
        load_role_text(text, "<new role>")
    except ValidationFailed as exc:
        messages = "; ".join(p.message for p in exc.problems[:3])
        raise UsageError(f"cannot start a role with the title {title!r}: {messages}") from None
