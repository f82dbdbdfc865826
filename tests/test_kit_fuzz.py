"""Random valid roles (any script, markup characters, odd names) always give a kit and a scorecard."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings

from hirecli.builders.kit.document import kit_document
from hirecli.builders.kit.plan import plan_kit, question_key
from hirecli.builders.kit.scorecard import scorecard_document
from hirecli.errors import ValidationFailed
from hirecli.model.loader import load_role_text
from hirecli.writers import render
from test_robustness_support import to_yaml, valid_role


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(valid_role())
def test_any_valid_role_gives_a_kit(role: dict[str, object]) -> None:
    try:
        loaded = load_role_text(to_yaml(role), "fuzz.yaml")
    except ValidationFailed:
        assume(False)  # the role checks grew stricter than the generator; not the kit's concern
        return
    kit = plan_kit(loaded.model, positions=loaded.positions, variant=1)
    keys = [question_key(q.text) for q in kit.questions]
    assert len(keys) == len(set(keys))
    deferred = {d.competency for d in kit.deferred}
    for comp in kit.competencies:
        assert kit.stages_for(comp.name) or comp.name in deferred
    for stage in kit.stages:
        assert stage.questions
        assert stage.timing.used <= stage.timing.questions or any(stage.name in w for w in kit.warnings)
        assert len(stage.competencies) <= 6
    docs = (kit_document(kit), kit_document(kit, "1"), scorecard_document(kit), scorecard_document(kit, 0))
    for doc in docs:
        assert str(render(doc, "md")).strip()
        assert str(render(doc, "text")).strip()
