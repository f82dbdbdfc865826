"""Which part of a role each heading introduces, with a confidence, and how headings nest.

Headings are looked up in ``data/import/headings.yaml``: an exact match after
normalising has confidence 1.0, a match once filler words are removed 0.9, a
telling phrase inside a longer heading 0.7, and a near spelling 0.6. Generic
sub-headings ("Preferred:", "Minimum:") take their meaning from the section above.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hirecli.importers.lines import Block
from hirecli.readers.vocabulary import Match, heading_key, match_heading

__all__ = ["CHILDREN", "Match", "Segment", "Segmenter", "heading_key", "match_heading", "segment"]

CHILDREN: dict[str, frozenset[str]] = {
    "responsibilities": frozenset({"responsibilities.primary", "responsibilities.secondary"}),
    "skills": frozenset({"skills.hard", "skills.soft"}),
    "education": frozenset({"education.minimum", "education.preferred", "education.fields_of_study"}),
    "experience": frozenset({"experience.preferred"}),
    "career_path": frozenset(
        {"career_path", "career_path.entry_points", "career_path.advancement", "career_path.lateral_moves"}
    ),
    "requirements": frozenset(
        {
            "preferred",
            "skills",
            "skills.hard",
            "skills.soft",
            "education",
            "education.minimum",
            "education.preferred",
            "education.fields_of_study",
            "experience",
            "experience.preferred",
        }
    ),
    "education_experience": frozenset(
        {
            "education",
            "education.minimum",
            "education.preferred",
            "education.fields_of_study",
            "experience",
            "experience.preferred",
        }
    ),
}
"""Which sections may sit inside which, for nesting without markup."""

_QUALIFIED = {
    ("qualifier.preferred", "education"): "education.preferred",
    ("qualifier.preferred", "experience"): "experience.preferred",
    ("qualifier.required", "education"): "education.minimum",
    ("qualifier.required", "experience"): "experience",
}
NOTES_KINDS = frozenset({"company", "apply", "equal_opportunity", "other"})


@dataclass(slots=True)
class Segment:
    """A heading and the blocks under it, resolved to a kind of section."""

    heading: Block | None
    kind: str
    confidence: float
    how: str
    parent: str | None = None
    blocks: list[Block] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else "(top of the document)"


def family(kind: str) -> str:
    return "requirements" if kind == "preferred" else kind.split(".")[0]


def _qualify(kind: str, context: str | None) -> str:
    fam = family(context) if context else ""
    if (kind, fam) in _QUALIFIED:
        return _QUALIFIED[(kind, fam)]
    return "preferred" if kind == "qualifier.preferred" else "requirements"


class Segmenter:
    """Walks classified blocks and groups them under the section each heading opens."""

    def __init__(self) -> None:
        self.segments: list[Segment] = [Segment(None, "preamble", 1.0, "")]
        self.stack: list[Segment] = []
        self.current = self.segments[0]
        self.inline: Segment | None = None

    def add(self, block: Block) -> None:
        if block.kind != "heading":
            if self.inline is not None:
                self.inline.blocks.append(block)
                self.inline = None
            else:
                self.current.blocks.append(block)
            return
        found = match_heading(block.text)
        if block.inline:
            kind = self._resolve(found.kind) if found else "other"
            self.inline = Segment(
                block, kind, found.confidence if found else 0.3, found.how if found else "label"
            )
            self.segments.append(self.inline)
            return
        if found is None:
            self._unknown(block)
            return
        self._open(
            block,
            self._resolve(found.kind),
            found.confidence,
            found.how if not found.kind.startswith("qualifier.") else "from the section above",
        )

    def _resolve(self, kind: str) -> str:
        if not kind.startswith("qualifier."):
            return kind
        context = self.stack[-1].kind if self.stack else None
        if context is None and self.current.kind not in ("preamble", *NOTES_KINDS):
            context = self.current.kind
        return _qualify(kind, context)

    def _unknown(self, block: Block) -> None:
        words = len(block.text.split())
        if self.current.kind == "preamble" and not any(b.kind == "heading" for b in self.current.blocks):
            self.current.blocks.append(block)
            return
        if block.cue in ("colon", "lead", "bold") and words > 5:
            self.current.blocks.append(
                Block("paragraph", block.text + (":" if block.cue == "colon" else ""), block.pos, block.end)
            )
            return
        self._open(block, "other", 0.3, f"not a known heading ({block.cue or 'markup'})")

    def _open(self, block: Block, kind: str, confidence: float, how: str) -> None:
        while self.stack and kind not in CHILDREN.get(self.stack[-1].kind, frozenset()):
            self.stack.pop()
        if (
            self.stack
            and self.stack[-1].kind == "preferred"
            and kind in ("education", "experience")
            and block.level > (self.stack[-1].heading.level if self.stack[-1].heading else 0) > 0
        ):
            kind = f"{kind}.preferred"
        parent = self.stack[-1].title if self.stack else None
        segment = Segment(block, kind, confidence, how, parent)
        self.segments.append(segment)
        self.current = segment
        self.inline = None
        if kind in CHILDREN or kind == "preferred":
            self.stack.append(segment)


def segment(blocks: list[Block]) -> list[Segment]:
    """The document as sections: the top (before any known heading) and one per heading."""
    walker = Segmenter()
    for block in blocks:
        walker.add(block)
    return walker.segments
