"""Scorecards: one sheet per stage with a 1-4 tick grid and no neutral option, the
recommendation the stated rule gives, and the coordinator's sheet that combines them."""

from __future__ import annotations

from functools import cache

from hirecli.builders.kit import decision
from hirecli.builders.kit.model import Kit
from hirecli.builders.kit.plan import plan_kit
from hirecli.builders.kit.scorecard import build_scorecard, scorecard_document
from hirecli.document import CHECKBOX, Document, Heading, NotesSpace, Paragraph, Table, plain
from hirecli.model.loader import load_role_file
from paths import ROLES, SEED_ROLE

TURBINE = ROLES / "wind-turbine-technician.yaml"


@cache
def turbine() -> Kit:
    return plan_kit(load_role_file(TURBINE).model)


def _tables(doc: Document, kind: str) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table) and b.kind == kind]


def _text(doc: Document) -> str:
    return " ".join(plain(b.content) for b in doc.blocks if isinstance(b, Paragraph))


def test_a_stage_sheet_rates_only_that_stages_competencies() -> None:
    kit = turbine()
    for index, stage in enumerate(kit.stages):
        doc = scorecard_document(kit, index)
        grid = next(t for t in _tables(doc, "scorecard") if t.header[0].startswith("Competency"))
        assert [row[0].removesuffix(" (must-have: gate)") for row in grid.rows] == list(stage.competencies)
        for row, name in zip(grid.rows, stage.competencies, strict=True):
            comp = kit.competency(name)
            assert row[1] == f"{comp.weight:g}"
            assert row[2:] == (CHECKBOX,) * 4
            assert row[0].endswith("(must-have: gate)") == comp.must_have
        assert grid.header[2:] == ("1", "2", "3", "4")
        assert doc.meta.subtitle == f"Stage {stage.number} of {len(kit.stages)}: {stage.name}"
        evidence = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 4][1:]
        assert [e.removesuffix(" (must-have: gate)") for e in evidence] == list(stage.competencies)


def test_the_screen_rates_motivation() -> None:
    kit = turbine()
    doc = scorecard_document(kit, 0)
    grid = next(t for t in _tables(doc, "scorecard") if t.header[0].startswith("Competency"))
    assert grid.rows[0][0] == "Motivation for the role"


def test_the_recommendation_has_no_neutral_option_and_follows_the_rule() -> None:
    kit = turbine()
    doc = scorecard_document(kit, 2)
    choice = next(t for t in _tables(doc, "scorecard") if "Strong No" in t.header)
    assert choice.header == ("Strong No", "No", "Yes", "Strong Yes")
    assert choice.rows == ((CHECKBOX,) * 4,)
    text = _text(doc)
    assert "The rule gives your recommendation" in text
    assert "recommendation is yours" not in text
    notes = [b for b in doc.blocks if isinstance(b, NotesSpace)]
    assert notes[0].label.startswith("Only if your recommendation differs")


def test_the_coordinators_sheet_combines_every_stage() -> None:
    kit = turbine()
    doc = build_scorecard(load_role_file(TURBINE).model)
    combined = next(t for t in _tables(doc, "scorecard") if t.header[0] == "Competency")
    assert combined.header[2:-2] == tuple(str(s.number) for s in kit.stages)
    names = [row[0].removesuffix(" (must-have: gate)") for row in combined.rows[:-1]]
    assert names == [c.name for c in kit.rated]
    for row, comp in zip(combined.rows, kit.rated, strict=False):
        marks = row[2:-2]
        assert [m == "" for m in marks] == [comp.name in s.competencies for s in kit.stages]
    gates = next(t for t in _tables(doc, "scorecard") if t.header[0] == "Must-have competency")
    assert [r[0] for r in gates.rows] == [c.name for c in kit.rated if c.must_have]
    text = _text(doc)
    for line in decision.rule_lines():
        assert line in " ".join(plain(i) for b in doc.blocks if hasattr(b, "items") for i in b.items)
    assert "computes the result" in " ".join(
        plain(i) for b in doc.blocks if hasattr(b, "items") for i in b.items
    )
    assert text
    checks = next(t for t in _tables(doc, "scorecard") if t.header[0] == "Requirement or competency")
    expected = [r.text for s in kit.stages for r in s.requirements]
    expected += [d.competency for d in kit.deferred if d.method != "requirements"]
    assert [r[0] for r in checks.rows] == expected
    headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 2]
    for stage in kit.stages:
        assert f"Stage {stage.number} of {len(kit.stages)}: {stage.name}" in headings


def test_the_decision_rule() -> None:
    kit = plan_kit(load_role_file(SEED_ROLE).model)
    comps = list(kit.rated)
    first, second = comps[1], comps[2]
    assert decision.decide({first.name: [3, 3], second.name: [3]}, comps).recommendation == "Yes"
    assert decision.decide({first.name: [4], second.name: [4]}, comps).recommendation == "Strong Yes"
    assert decision.decide({first.name: [2], second.name: [2]}, comps).recommendation == "No"
    assert decision.decide({first.name: [1], second.name: [2]}, comps).recommendation == "Strong No"
    turbine_comps = list(turbine().rated)
    gate = next(c for c in turbine_comps if c.must_have)
    others = {c.name: [4] for c in turbine_comps if c is not gate}
    result = decision.decide({**others, gate.name: [1, 4]}, turbine_comps)
    assert result.failed_gates == (gate.name,)
    assert result.recommendation == "No"
    low = decision.decide({**others, gate.name: [2, 2]}, turbine_comps)
    assert low.failed_gates == (gate.name,)
    assert decision.decide({**others, gate.name: [3, 2]}, turbine_comps).failed_gates == ()
    weighted = decision.decide({first.name: [4], second.name: [2]}, comps).weighted
    assert weighted == (first.weight * 4 + second.weight * 2) / (first.weight + second.weight)


def test_the_stated_bands_match_the_rule() -> None:
    text = decision.bands_text()
    assert "below 2.0 is Strong No" in text
    assert "3.25 or more Strong Yes" in text
    assert decision.band(1.99) == "Strong No"
    assert decision.band(2.0) == "No"
    assert decision.band(2.5) == "Yes"
    assert decision.band(3.25) == "Strong Yes"
