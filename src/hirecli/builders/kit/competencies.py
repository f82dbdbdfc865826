"""A role's skills and declared competencies as kit competencies, each with its questions.

Every skill is a competency; a ``competencies:`` entry with the same name adds to it
(definition, must-have, weight, custom questions), and one with a new name is a
competency of its own. Custom questions are checked for protected topics here, so
that a bad one stops the kit with its line and column in the role file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from hirecli.builders.kit.model import (
    GENERATED,
    ROLE_FILE,
    Anchors,
    KitCompetency,
    KitQuestion,
    MatchRow,
)
from hirecli.builders.kit.questions import (
    Pool,
    custom_questions,
    generated_anchors,
    generated_definition,
    generated_pool,
    library_pool,
)
from hirecli.builders.kit.text import one_line, phrase, related, sentence, stems, without_examples
from hirecli.competencies import Kind, Library, LibraryCompetency, Match, MatchPart
from hirecli.errors import Problem
from hirecli.model.role import Competency, Role, Skill
from hirecli.model.yamlsource import SourceMap
from hirecli.skillnames import key


@dataclass
class Built:
    competencies: list[KitCompetency] = field(default_factory=list)
    pools: dict[str, Pool] = field(default_factory=dict)
    matches: list[MatchRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """What every competency of one role is built from."""

    role: Role
    variant: int
    duties: tuple[str, ...]
    values: dict[str, str]
    keep_case: frozenset[str]
    library: Library
    fields: frozenset[str] = frozenset()
    """The role's job families: only competencies of fitting families are matched."""


def role_phrase(role: Role, keep_case: frozenset[str]) -> str:
    """The role's title as it reads mid-sentence ("registered nurse" from "Registered
    Nurse, Medical-Surgical")."""
    return phrase(role.title.split(",")[0], keep_case)


def field_phrase(role: Role, keep_case: frozenset[str]) -> str:
    if role.tags:
        return phrase(role.tags[0], keep_case)
    if role.department:
        return phrase(role.department, keep_case)
    return "this field"


def _joined_definition(entries: Sequence[LibraryCompetency]) -> str:
    """One sentence from one or two library definitions."""
    first = entries[0].definition.rstrip(".")
    if len(entries) == 1:
        return first + "."
    second = entries[1].definition.rstrip(".")
    return f"{first}; also {second[:1].lower()}{second[1:]}."


def _joined_anchors(entries: Sequence[LibraryCompetency]) -> Anchors:
    if len(entries) == 1:
        return entries[0].anchors
    a, b = entries[0], entries[1]
    one, two, three, four = (f"{a.name}: {a.anchors[i]} {b.name}: {b.anchors[i]}" for i in range(4))
    return one, two, three, four


def _match_row(
    name: str, found: Match, entries: Sequence[LibraryCompetency], custom: bool, lib: Library
) -> MatchRow:
    refused = (
        f"refused: {lib[found.refused.competency].name} ({found.refused.confidence:.0f}) "
        f"is a {lib[found.refused.competency].family} competency, outside this role's field"
        if found.refused
        else None
    )
    if not found.matched:
        closest = found.best_miss
        misses: list[str | None] = [
            f"closest: {lib[closest.competency].name} ({closest.confidence:.0f})"
            if closest and closest.confidence >= 50
            else None,
            refused,
        ]
        if not custom:
            misses.append("draft questions: review before use")
        note = "; ".join(n for n in misses if n) or None
        return MatchRow(name, "—", ROLE_FILE if custom else GENERATED, None, note)
    how = "+".join(dict.fromkeys(p.how for p in found.parts))
    notes = [f"via {p.matched!r}" for p in found.parts if p.confidence < 100]
    if len(found.parts) > 1:
        notes.append("compound name: questions from each")
    if found.unmatched:
        notes.append(
            f"no match for {', '.join(repr(u) for u in found.unmatched)}: questions written for it too"
        )
    if refused:
        notes.append(refused)
    note = "; ".join(notes) or None
    return MatchRow(
        name,
        " + ".join(e.name for e in entries),
        how,
        min(p.confidence for p in found.parts),
        note,
    )


def _protected(text: str) -> list[tuple[str, str, str]]:
    """Protected topics a custom question touches: (topic, matched text, alternative)."""
    from hirecli.screening.protected import find_protected_topics

    return [(h.topic, h.matched, h.alternative) for h in find_protected_topics(text)]


def check_custom(questions: Sequence[KitQuestion], positions: SourceMap | None, source: str) -> list[Problem]:
    problems: list[Problem] = []
    for question in questions:
        for topic, matched, alternative in _protected(question.text):
            path = question.path or ()
            file, line, column = source, 1, 1
            if positions is not None:
                text_path = (*path, "text")
                file, where = positions.where(text_path if text_path in positions.values else path)
                line, column = where.line, where.column
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    f'interview question touches a protected topic ({topic}): "{matched}"; '
                    f"ask instead: {alternative}",
                    "protected-topic",
                )
            )
    return problems


class _Builder:
    def __init__(self, ctx: Context, positions: SourceMap | None) -> None:
        self.ctx = ctx
        self.positions = positions
        self.out = Built()
        self.generated = 0
        self.owners: dict[str, int] = {}
        """Library id -> index of the kit competency that draws on it."""

    def _where(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        if self.positions is None:
            return 1, 1
        return self.positions.locate(path).line, self.positions.locate(path).column

    def _find(self, name: str, skill: Skill | None, path: tuple[str | int, ...]) -> Match:
        """The library match of one skill: pinned, refused, or matched within the role's field."""
        lib = self.ctx.library
        pin = skill.competency if skill else None
        if pin == "none":
            return Match(name, ())
        if pin is not None:
            if pin not in lib:
                line, column = self._where((*path, "competency"))
                self.out.problems.append(
                    Problem(
                        self.positions.source if self.positions else "<role>",
                        line,
                        column,
                        f"unknown competency {pin!r} for skill {name!r}; see `hirecli competencies "
                        f"search {name!r}`",
                        "unknown-competency",
                    )
                )
                return Match(name, ())
            return Match(name, (MatchPart(pin, "pinned", 100.0, lib[pin].name),))
        return lib.match(name, self.ctx.fields)

    def _merge(self, name: str, found: Match, skill: Skill | None) -> bool:
        """Fold a skill into the kit competency that already draws on the same library entry,
        so the same evidence is not scored twice. True when merged."""
        taken = [self.owners[i] for i in found.ids if i in self.owners]
        if not taken or len(taken) < len(found.ids):
            return False
        index = taken[0]
        comp = self.out.competencies[index]
        weights = [comp.weight, skill.weight if skill else 1]
        self.out.competencies[index] = replace(
            comp,
            skills=(*comp.covers, name),
            must_have=comp.must_have or bool(skill and skill.must_have),
            weight=max(weights),
        )
        self.out.matches.append(
            MatchRow(
                name,
                comp.name,
                "merged",
                min(p.confidence for p in found.parts),
                f"same competency as {comp.name!r}: assessed and weighted once",
            )
        )
        return True

    def add(
        self,
        name: str,
        kind: Kind | None,
        path: tuple[str | int, ...],
        *,
        skill: Skill | None,
        declared: Competency | None,
        declared_path: tuple[str | int, ...] = (),
    ) -> None:
        ctx = self.ctx
        lib = ctx.library
        found = self._find(name, skill, path)
        if declared is None and found.matched and self._merge(name, found, skill):
            return
        found = Match(
            found.skill,
            tuple(p for p in found.parts if p.competency not in self.owners),
            found.best_miss,
            found.unmatched,
            found.refused,
        )
        entries = [lib[i] for i in found.ids]
        kind = kind or (entries[0].kind if entries else "soft")
        description = (declared.definition if declared and declared.definition else None) or (
            skill.description if skill else None
        )
        skill_words = phrase(name, ctx.keep_case)
        name_stems = stems(name)
        keywords = [k for e in entries for k in e.keywords]
        searched = ctx.duties if kind == "hard" else [without_examples(d) for d in ctx.duties]
        order = related(
            searched,
            name_stems,
            keywords,
            extra_stems=[s for s in stems(description or "") if s not in name_stems],
        )
        duties = [one_line(ctx.duties[i]) for i in order[:2]]
        # A soft skill's words often name a topic of the work rather than the skill itself
        # ("emotional regulation" taught in groups), so a matched one keeps its definition.
        show_context = kind == "hard" or not entries
        if entries:
            definition = sentence(description) if description else _joined_definition(entries)
            anchors = _joined_anchors(entries)
        else:
            definition = generated_definition(skill_words, kind, description, bool(duties))
            anchors = generated_anchors(skill_words)
        custom = custom_questions(name, declared.questions, anchors, declared_path) if declared else []
        self.out.problems += check_custom(
            custom, self.positions, self.positions.source if self.positions else "<role>"
        )
        pool = Pool()
        for question in custom:
            pool.by_type[question.type].append(question)
        if entries:
            pool.extend(library_pool(name, entries, ctx.values, role_id=ctx.role.slug, variant=ctx.variant))
        ordinal = self.generated if not entries else len(self.out.competencies) + 3
        self.generated += 0 if entries else 1
        written = generated_pool(
            name,
            skill_words,
            kind,
            duties,
            anchors,
            ordinal=ordinal,
            variant=ctx.variant,
            role=ctx.values["role"],
        )
        if entries and found.unmatched:
            pool.mix(written)
        else:
            pool.extend(written)
        must_have = (skill.must_have if skill else False) or (declared.must_have if declared else False)
        weights = [
            w
            for w in (
                skill.weight if skill else None,
                declared.weight if declared and "weight" in declared.model_fields_set else None,
            )
            if w is not None
        ]
        if entries:
            sources, how = tuple(e.id for e in entries), "+".join(dict.fromkeys(p.how for p in found.parts))
            confidence: float | None = min(p.confidence for p in found.parts)
        else:
            sources, how, confidence = (
                ((ROLE_FILE,), ROLE_FILE, None) if custom else ((GENERATED,), GENERATED, None)
            )
        for entry in entries:
            self.owners[entry.id] = len(self.out.competencies)
        self.out.competencies.append(
            KitCompetency(
                name=name,
                definition=definition,
                context=duties[0] if duties and show_context else None,
                kind=kind,
                must_have=must_have,
                weight=max(weights) if weights else 1,
                sources=sources,
                how=how,
                confidence=confidence,
                anchors=anchors,
                path=path,
                family=entries[0].family if entries else None,
            )
        )
        self.out.pools[name] = pool
        self.out.matches.append(_match_row(name, found, entries, bool(custom), lib))


def build_competencies(role: Role, ctx: Context, positions: SourceMap | None) -> Built:
    """Every competency of ``role``, skills first (hard, then soft), then declared ones."""
    builder = _Builder(ctx, positions)
    declared = {key(c.name): (i, c) for i, c in enumerate(role.competencies)}
    used: set[str] = set()
    for kind in ("hard", "soft"):
        skills: list[Skill] = role.skills.hard if kind == "hard" else role.skills.soft
        for index, skill in enumerate(skills):
            k = key(skill.name)
            if k in used:
                continue
            used.add(k)
            found = declared.get(k)
            builder.add(
                skill.name,
                "hard" if kind == "hard" else "soft",
                ("skills", kind, index),
                skill=skill,
                declared=found[1] if found else None,
                declared_path=("competencies", found[0]) if found else (),
            )
    for index, competency in enumerate(role.competencies):
        k = key(competency.name)
        if k in used:
            continue
        used.add(k)
        builder.add(
            competency.name,
            None,
            ("competencies", index),
            skill=None,
            declared=competency,
            declared_path=("competencies", index),
        )
    return builder.out
