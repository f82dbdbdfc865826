"""An interview loop that asks nothing about the role is an error, never a silent kit.

A role without skills or competencies (an import from an ad whose requirements named
none, a hand-made role not yet finished) plans a loop whose only question is the
screen's question on motivation. ``interview-kit``, ``scorecard`` and ``export`` stop
on such a role with a message that says what to add.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hirecli.errors import InvalidInputError

if TYPE_CHECKING:
    from hirecli.builders.kit.model import Kit
    from hirecli.model.role import Role

KIT_ARTIFACTS = frozenset({"interview-kit", "scorecard"})
_ADD = (
    "add the skills the role needs under skills.hard and skills.soft (the tools, methods and "
    "abilities its requirements name), or competencies with their own questions"
)


def _message(source: str | None, title: str, minutes: int | None) -> str:
    loop = f"its {minutes}-minute interview loop" if minutes else "its interview loop"
    where = f"{source}: " if source else ""
    return (
        f"{where}{loop} asks no questions about the role '{title}' (it has no skills or "
        f"competencies to assess); {_ADD}"
    )


def empty_loop(kit: Kit) -> str | None:
    """Why ``kit`` cannot be used (no question assesses the role), or None when it can."""
    own = {c.name for c in kit.kit_competencies}
    if any(q.competency not in own for stage in kit.stages for q in stage.questions):
        return None
    return _message(kit.source, kit.title, kit.minutes)


def check_role(role: Role, artifacts: tuple[str, ...] | frozenset[str]) -> None:
    """Raise when an interview kit or scorecard is asked for a role with nothing to assess
    (the message does not name the file: export's report of failures does)."""
    if KIT_ARTIFACTS & set(artifacts) and not role.all_skills and not role.competencies:
        raise InvalidInputError(_message(None, role.title, None))
