"""JSON bodies for Greenhouse's Harvest API, per role, for a script to send.

``job_post.json`` is the body of ``PATCH /v2/job_posts/{id}`` (``title``, ``location``
as plain text, ``content`` as one line of HTML, as Harvest asks). ``job_stages.json``
has the shape of Harvest's job stage objects (``GET /v1/jobs/{id}/stages``): per stage
of the kit's interview loop, an interview with ``estimated_minutes`` and an
``interview_kit`` whose ``content`` is the interviewer's prep (purpose, what to assess,
probes, signals, scoring) and whose ``questions`` are the stage's questions.
``scorecard.json`` lists the scorecard ``attributes`` (``name`` and ``type``, as on
Harvest's scorecard objects) with each one's definition as its ``note``. Ids are left
out: Greenhouse gives them.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from hirecli.feeds.jobs import FeedJob

if TYPE_CHECKING:
    from hirecli.builders.kit.export import KitData, QuestionData

NAME = "greenhouse"
CHANNEL = "careers"
FILES = ("job_post.json", "job_stages.json", "scorecard.json")
ATTRIBUTE_TYPES = {"hard": "Skills", "soft": "Personality Traits"}
_SPACE = re.compile(r"\s*\n\s*")


def one_line(markup: str) -> str:
    """HTML on one line, as Harvest wants a job post's content."""
    return _SPACE.sub(" ", markup).strip()


def job_post(job: FeedJob) -> dict[str, Any]:
    from hirecli.builders.posting.facts import effective_location, location_text

    body: dict[str, Any] = {"title": job.posting.title}
    where = location_text(effective_location(job.role, job.company))
    if where:
        body["location"] = where
    body["content"] = one_line(job.description)
    return body


def _e(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)


def _list(items: list[str], label: str | None = None) -> str:
    if not items:
        return ""
    head = f"<p><strong>{_e(label)}</strong></p>" if label else ""
    return head + "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def _competency_name(comp_id: str, names: dict[str, str]) -> str:
    return names.get(comp_id) or comp_id.replace("-", " ").capitalize()


def _question_notes(question: QuestionData, names: dict[str, str]) -> str:
    about = f"{_competency_name(question.competency, names)}, {question.minutes} min"
    parts = [f"<li><p><strong>{_e(question.text)}</strong> <em>({_e(about)})</em></p>"]
    if question.prepare:
        parts.append(f"<p>Prepare: {_e(question.prepare)}</p>")
    parts.append(_list(question.probes, "Follow-up probes"))
    parts.append(_list(question.strong, "A strong answer shows"))
    parts.append(_list(question.red_flags, "Red flags"))
    parts.append(_list(question.scoring_key, "Scoring key"))
    parts.append("</li>")
    return "".join(parts)


def interview_kit(data: KitData, stage_index: int) -> dict[str, Any]:
    """One stage's ``interview_kit``: prep content as HTML, and the stage's questions."""
    stage = data.stages[stage_index]
    names = {c.id: c.name for c in data.competencies}
    by_id = {q.id: q for q in data.questions}
    comps = [c for c in data.competencies if c.id in stage.competencies]
    content = [f"<h5>Purpose</h5><p>{_e(stage.aim)}</p>"]
    if comps:
        assess = [
            f"<li><strong>{_e(c.name)}</strong>{' (must have)' if c.must_have else ''}: "
            f"{_e(c.definition)}</li>"
            for c in comps
        ]
        content.append("<h5>What to assess</h5><ul>" + "".join(assess) + "</ul>")
    main = [by_id[q] for q in stage.questions if q in by_id]
    reserve = [by_id[q] for q in stage.reserve if q in by_id]
    if main:
        content.append("<h5>Questions</h5><ol>" + "".join(_question_notes(q, names) for q in main) + "</ol>")
    if reserve:
        content.append(
            "<h5>Reserve questions</h5><ol>" + "".join(_question_notes(q, names) for q in reserve) + "</ol>"
        )
    if stage.requirements:
        content.append("<h5>Requirements to confirm</h5>" + _list(stage.requirements))
    if comps:
        scales = [
            "<li><strong>"
            + _e(c.name)
            + "</strong><ul>"
            + "".join(f"<li>{_e(a.label)}: {_e(a.text)}</li>" for a in c.anchors)
            + "</ul></li>"
            for c in comps
        ]
        content.append("<h5>Rating scale</h5><ul>" + "".join(scales) + "</ul>")
    return {"content": "".join(content), "questions": [{"question": q.text} for q in main]}


def job_stages(data: KitData) -> list[dict[str, Any]]:
    stages = []
    for index, stage in enumerate(data.stages):
        stages.append(
            {
                "name": stage.name,
                "priority": index,
                "interviews": [
                    {
                        "name": stage.name,
                        "schedulable": True,
                        "estimated_minutes": stage.minutes,
                        "interview_kit": interview_kit(data, index),
                    }
                ],
            }
        )
    return stages


def scorecard(data: KitData) -> dict[str, Any]:
    return {
        "attributes": [
            {
                "name": c.name,
                "type": "Qualifications" if c.source == "role" else ATTRIBUTE_TYPES[c.kind],
                "note": c.definition,
            }
            for c in data.competencies
        ]
    }


def kit_data_for(job: FeedJob) -> KitData:
    from hirecli.builders.kit.export import kit_data
    from hirecli.builders.kit.plan import plan_kit

    return kit_data(plan_kit(job.role, job.company, positions=job.loaded.positions))


def payloads(job: FeedJob) -> dict[str, str]:
    """Each file of the role's folder, by name, as the JSON text to write."""
    data = kit_data_for(job)
    bodies: dict[str, Any] = {
        "job_post.json": job_post(job),
        "job_stages.json": job_stages(data),
        "scorecard.json": scorecard(data),
    }
    return {name: json.dumps(body, indent=2, ensure_ascii=False) + "\n" for name, body in bodies.items()}


def missing(job: FeedJob) -> list[str]:
    return [] if job.description else ["no description"]
