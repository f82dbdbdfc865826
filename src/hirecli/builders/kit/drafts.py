"""Draft questions for skills the library does not know, as a ``competencies:`` block.

A draft is a starting point for a person who knows the work, never finished content:
``hirecli interview-kit ROLE --drafts`` prints it for them to edit into the role file,
where it becomes the role's own questions.
"""

from __future__ import annotations

from typing import Any

from hirecli.builders.kit.model import Kit

HEADER = (
    "# Draft interview questions for skills the competency library does not know.\n"
    "# Review and edit every question with someone who does this work, then paste the\n"
    "# entries under `competencies:` in {source}. Once there, they are the role's own\n"
    "# questions and no longer drafts. Or pin a library competency on the skill instead\n"
    "# (`competency: <id>`; see `hirecli competencies search NAME`).\n"
)


def drafts_block(kit: Kit) -> dict[str, Any]:
    """The ``competencies:`` entries that would replace the kit's drafts."""
    entries: list[dict[str, Any]] = []
    for comp in kit.drafts:
        questions = [
            q for s in kit.stages for q in (*s.questions, *s.reserve) if q.competency == comp.name and q.draft
        ]
        unique = list({q.text: q for q in questions}.values())
        entries.append(
            {
                "name": comp.name,
                "definition": comp.definition,
                "questions": [
                    {
                        "type": q.type,
                        "text": q.text,
                        "probes": list(q.probes),
                        "strong": list(q.strong),
                        "red_flags": list(q.red_flags),
                        "minutes": q.minutes,
                    }
                    for q in unique
                ],
            }
        )
    return {"competencies": entries}


def drafts_yaml(kit: Kit) -> str:
    from hirecli.yamlimport import yaml

    if not kit.drafts:
        return "# Every skill of this role has library or role-file questions: nothing to draft.\n"
    body = yaml.safe_dump(drafts_block(kit), sort_keys=False, allow_unicode=True, width=96)
    return HEADER.format(source=kit.source) + body
