"""The scorecard: anchored 1-4 ratings per competency, weights, and a recommendation with no
neutral option."""

from __future__ import annotations

from hirecli.builders.kit.plan import plan_kit
from hirecli.builders.kit.scorecard import build_scorecard, scorecard_document
from hirecli.document import CHECKBOX, Document, Heading, NotesSpace, Paragraph, Table, plain
from hirecli.model.loader import load_role_file
from paths import ROLES

TURBINE = ROLES / "wind-turbine-technician.yaml"


def _tables(doc: Document, kind: str) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table) and b.kind == kind]


def test_one_anchored_rating_per_competency() -> None:
    loaded = load_role_file(TURBINE)
    kit = plan_kit(loaded.model)
    doc = build_scorecard(loaded.model)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 3]
    assert headings == [c.name for c in kit.competencies]
    ratings = [t for t in _tables(doc, "scorecard") if t.header[1] == "Rating"]
    assert len(ratings) == len(kit.competencies)
    for table, comp in zip(ratings, kit.competencies, strict=True):
        assert [row[0] for row in table.rows] == [CHECKBOX] * 4
        assert [row[1][0] for row in table.rows] == ["1", "2", "3", "4"]
        assert tuple(row[2] for row in table.rows) == comp.anchors
    assert sum(1 for b in doc.blocks if isinstance(b, NotesSpace)) == len(kit.competencies) + 1


def test_weights_and_how_the_score_is_computed() -> None:
    loaded = load_role_file(TURBINE)
    kit = plan_kit(loaded.model)
    doc = scorecard_document(kit)
    weights = next(t for t in _tables(doc, "scorecard") if t.header[1] == "Weight")
    assert [(r[0], r[1]) for r in weights.rows[:-1]] == [(c.name, f"{c.weight:g}") for c in kit.competencies]
    total = sum(c.weight for c in kit.competencies)
    assert weights.rows[-1][1] == f"(all: {total:g})"
    text = " ".join(plain(b.content) for b in doc.blocks if isinstance(b, Paragraph))
    assert "multiply the rating by its weight" in text


def test_the_recommendation_has_no_neutral_option() -> None:
    doc = build_scorecard(load_role_file(TURBINE).model)
    choice = next(t for t in _tables(doc, "scorecard") if t.header[1] == "Recommendation")
    assert [row[1] for row in choice.rows] == ["Strong No", "No", "Yes", "Strong Yes"]
    assert all(row[0] == CHECKBOX for row in choice.rows)


def test_a_stage_scorecard_holds_only_that_stages_competencies() -> None:
    kit = plan_kit(load_role_file(TURBINE).model)
    panel = kit.stages[3]
    doc = scorecard_document(kit, 3)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 3]
    assert headings == [c.name for c in kit.competencies if c.name in panel.competencies]
    assert _tables(doc, "grid")[0].rows[0][2] == panel.name
