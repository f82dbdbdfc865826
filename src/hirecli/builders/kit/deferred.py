"""What the loop leaves to other checks, said so: a credential to verify with the
requirements, a skill for a knowledge test, or a question for a reference."""

from __future__ import annotations

from collections.abc import Sequence

from hirecli.builders.kit import screen
from hirecli.builders.kit.competencies import Built
from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import Deferred, KitCompetency, KitQuestion
from hirecli.builders.kit.text import fill, phrase


def is_credential(comp: KitCompetency) -> bool:
    """A certificate or licence the library does not know: a fact to verify, not a skill."""
    return comp.generated and screen.is_licence(comp.name)


def _knowledge_question(pool_questions: Sequence[KitQuestion]) -> KitQuestion | None:
    for question in pool_questions:
        if question.scoring_key and (question.custom or not question.draft):
            return question
    return None


def defer(comp: KitCompetency, built: Built, method_credential: bool, keep_case: frozenset[str]) -> Deferred:
    """How ``comp`` is assessed outside the loop: with the requirements when it is a
    credential, else by a knowledge test where the library has one, else a reference."""
    data = kit_data("loop")["deferred"]
    if method_credential:
        return Deferred(
            comp.name, "requirements", text(data["credential"]["reason"]), text(data["credential"]["how"])
        )
    technical = _knowledge_question(built.pools[comp.name].by_type["technical"])
    if comp.kind == "hard" and technical is not None:
        return Deferred(
            comp.name,
            "knowledge test",
            text(data["knowledge_test"]["reason"]),
            text(data["knowledge_test"]["how"]),
            technical,
        )
    referee = fill(text(data["referee_question"]), {"skill": phrase(comp.name, keep_case)})
    question = KitQuestion(
        text=referee,
        type="behavioral",
        probes=(),
        strong=(),
        red_flags=(),
        anchors=comp.anchors,
        minutes=3,
        competency=comp.name,
        source="kit:referee",
    )
    return Deferred(
        comp.name,
        "reference check",
        text(data["reference_check"]["reason"]),
        text(data["reference_check"]["how"]),
        question,
    )
