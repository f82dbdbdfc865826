"""Raw lines to blocks: which line is a heading, a bullet or a paragraph, and which lines
are wrapped continuations of the one before.

The rules, in order: page furniture ("Back to Home") is noise; a line led by a bullet
sign or a number is a bullet; "Label: value" lines whose label names a section become
that section's heading plus its value; a line is a heading when its markup says so, or
it is bold, ALL CAPS, ends with a colon, is led by an emoji, is a known heading on its
own, or is a short line that introduces a list; anything else is a paragraph, joined to
the line before it when it continues that line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from hirecli.importers import fields, location, money
from hirecli.importers.lines import Block, Kind, RawLine
from hirecli.importers.mend import Mend, mend_dash_bullet, verb_set
from hirecli.importers.sections import match_heading
from hirecli.importers.vocab import table

_GLYPHS = "•·▪◦●○■□►▸‣⁃✓✔➤→»❖◆◇–—"
_BULLET = re.compile(rf"^(?P<marker>[-*+{_GLYPHS}]|\d{{1,2}}[.)]|\(\d{{1,2}}\)|[a-z][.)])\s+(?P<text>\S.*)$")
_GLYPH_TIGHT = re.compile(rf"^(?P<marker>[{_GLYPHS.replace('–—', '')}])(?P<text>[^\s{_GLYPHS}].*)$")
_DASH_TIGHT = re.compile(r"^-(?P<text>[A-Za-z][A-Za-z]+\b.*)$")
_MARKER_ONLY = re.compile(rf"^(?:[-*+{_GLYPHS}]|\d{{1,2}}[.)])$")
_ATX = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*#*$")
_WHOLE_BOLD = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1(?P<colon>:?)$")
_SENTENCE_END = (".", "!", "?", ",", ";")
_NOT_HEADING_LEADS = frozenset(
    {
        "strong",
        "excellent",
        "solid",
        "good",
        "great",
        "advanced",
        "proven",
        "able",
        "ability",
        "clear",
        "deep",
        "working",
        "basic",
        "must",
        "experience",
        "knowledge",
        "proficient",
        "proficiency",
        "familiarity",
        "familiar",
    }
)
_MAIL_HEADER = re.compile(r"^(?:subject|from|to|cc|bcc|date|sent|re|fwd?)\s*:\s*\S", re.IGNORECASE)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^.:;!?]{0,30}[,!:]?$", re.IGNORECASE
)
_SIGN_OFF = re.compile(
    r"^(?:thanks|thank\s+you|many\s+thanks|best|best\s+regards|kind\s+regards"
    r"|warm\s+regards|regards|cheers|sincerely|all\s+the\s+best)\s*[,!.]?$",
    re.IGNORECASE,
)


def _is_emoji(char: str) -> bool:
    if char in "\ufe0f\u200d\u20e3":
        return True
    code = ord(char)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or (unicodedata.category(char) == "So" and char not in _GLYPHS)
    )


def split_emoji(text: str) -> tuple[str, str]:
    """Leading emoji (and the space after them) and the rest of the line."""
    index = 0
    while index < len(text) and _is_emoji(text[index]):
        index += 1
    return text[:index], text[index:].strip()


@cache
def _noise() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    data = table("noise")
    phrases = frozenset(fields.normalize(str(p)) for p in data["phrases"])
    patterns = tuple(re.compile(str(p), re.IGNORECASE) for p in data["patterns"])
    return phrases, patterns


def is_noise(text: str) -> bool:
    """Navigation and buttons of a web page, as whole lines."""
    phrases, patterns = _noise()
    plain = split_emoji(text)[1].strip(" :|>»›<«‹←→")
    return fields.normalize(plain) in phrases or any(p.match(plain) for p in patterns)


_FACT_CHARS = 500
"""A line of facts is short; a longer text is prose (and checking it again as it grows by
wrapped lines took quadratic time)."""


def is_fact(text: str) -> bool:
    """A line that states pay, place or employment type rather than opening a section."""
    if len(text) > _FACT_CHARS:
        return False
    if money.find_pay(text) is not None:
        return True
    label = fields.split_label(text)
    if label and fields.label_field(label[0]):
        return True
    parts = [p for p in re.split(r"\s*[|·•]\s*|\s[-–—]\s", text) if p.strip()]
    return bool(parts) and all(
        fields.employment_type(p, whole=True) or fields.workplace(p, whole=True) or location.parse_location(p)
        for p in parts
    )


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(text.split()) <= 8


class Classifier:
    """Turns the reader's lines into blocks; mends are collected for the report."""

    def __init__(self, lines: list[RawLine]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.mends: list[Mend] = []
        self.adjacent = False
        self.pending: RawLine | None = None
        self.wrap = 40
        self.seen_heading = False
        """A line at least this long was probably wrapped by a text editor, not ended."""
        self.last_length = 0
        self.signature = 0
        """Lines after an e-mail's sign-off ("Thanks,") that still belong to its signature."""

    def run(self) -> list[Block]:
        lengths = sorted(len(line.text.strip()) for line in self.lines if line.joinable and line.text.strip())
        self.wrap = max(40, int(0.75 * min(lengths[-1], 100))) if lengths else 40
        for index, line in enumerate(self.lines):
            text = re.sub(r"\s+", " ", line.text).strip()
            if not text:
                self.adjacent = False
                continue
            self._line(line, text, index)
            self.adjacent = True
            self.last_length = len(text)
        if self.pending is not None:
            self.blocks.append(Block("noise", self.pending.text.strip(), self.pending.pos))
        return self.blocks

    def _next_text(self, index: int) -> str:
        for line in self.lines[index + 1 :]:
            if line.text.strip():
                return line.text.strip() if line.kind != "bullet" else "- " + line.text.strip()
        return ""

    def _previous(self) -> Block | None:
        return self.blocks[-1] if self.blocks else None

    def _add(
        self, kind: Kind, text: str, line: RawLine, *, level: int = 0, cue: str = "", inline: bool = False
    ) -> None:
        self.blocks.append(Block(kind, text, line.pos, level=level, cue=cue, inline=inline))
        self.seen_heading = self.seen_heading or kind == "heading"

    def _line(self, line: RawLine, text: str, index: int) -> None:
        if self.pending is not None:
            self.mends.append(
                Mend(
                    self.pending.pos,
                    self.pending.text.strip() + " / " + text,
                    text,
                    "joined a bullet sign standing alone to the line after it",
                )
            )
            self.pending = None
            bullet = _BULLET.match(text)
            self._add("bullet", bullet.group("text") if bullet else text, line)
            return
        if line.kind == "heading":
            self._add("heading", split_emoji(text)[1] or text, line, level=line.level, cue="markup")
            return
        if line.kind == "bullet":
            bullet = _BULLET.match(text) or _GLYPH_TIGHT.match(text)
            self._add("bullet", bullet.group("text") if bullet else text, line, level=line.level)
            return
        if line.kind == "paragraph":
            self._add("paragraph", text, line)
            return
        indent = len(line.text) - len(line.text.lstrip())
        if self._mail(line, text):
            return
        if self._continues(line, text, indent):
            return
        if is_noise(text):
            self._add("noise", text, line)
            return
        if _MARKER_ONLY.match(text):
            self.pending = line
            return
        bullet = _BULLET.match(text) or _GLYPH_TIGHT.match(text)
        if bullet and not (bullet.group("marker") in "–—" and self._previous() is None):
            self._add("bullet", bullet.group("text"), line, level=indent)
            return
        tight = _DASH_TIGHT.match(text)
        if tight and self._in_list(index):
            mended = text[1:]
            if tight.group("text")[0].islower():
                mended, mend = mend_dash_bullet(text, line.pos)
                self.mends.append(mend)
            else:
                self.mends.append(Mend(line.pos, text, mended, "a bullet had no space after its dash"))
            self._add("bullet", mended, line, level=indent)
            return
        self._other(line, text, index)

    def _mail(self, line: RawLine, text: str) -> bool:
        """An e-mail's header lines, greeting, sign-off and signature: left out."""
        if self.signature and len(text.split()) <= 6 and not text.endswith(":"):
            self.signature -= 1
            self._add("noise", text, line, cue="email")
            return True
        self.signature = 0
        first = not any(b.kind in ("heading", "bullet") for b in self.blocks)
        if (first and (_MAIL_HEADER.match(text) or _GREETING.match(text))) or _SIGN_OFF.match(text):
            self.signature = 2 if _SIGN_OFF.match(text) else 0
            self._add("noise", text, line, cue="email")
            return True
        return False

    def _in_list(self, index: int) -> bool:
        previous = self._previous()
        if previous is not None and previous.kind == "bullet":
            return True
        following = self._next_text(index)
        return bool(_BULLET.match(following) or _GLYPH_TIGHT.match(following))

    def _continues(self, line: RawLine, text: str, indent: int) -> bool:
        """Join a hard-wrapped line to the bullet or paragraph it continues."""
        previous = self._previous()
        if not (
            line.joinable
            and self.adjacent
            and previous is not None
            and previous.kind in ("bullet", "paragraph")
            and previous.end < line.pos
        ):
            return False
        if _BULLET.match(text) or _GLYPH_TIGHT.match(text) or _MARKER_ONLY.match(text):
            return False
        if (previous.kind == "bullet" and _DASH_TIGHT.match(text)) or split_emoji(text)[0]:
            return False
        lower = text[0].islower()
        first = text.split()[0].lower().strip(",:;")
        before = previous.text.split(maxsplit=1)[0].lower().strip(",:;")  # the first word only: linear
        if (
            not lower
            and previous.kind == "paragraph"
            and first in verb_set()
            and previous.text[:1].isupper()
            and before in verb_set()
        ):
            return False  # "Lead the team" then "Hit targets": two flat list items, not a wrapped line
        if not lower and (
            self._heading_cue(line, text, -1)
            or fields.split_label(text)
            or fields.split_label(previous.text)
            or is_noise(text)
            or is_fact(text)
            or is_fact(previous.text)
        ):
            return False
        wrapped = self.last_length >= self.wrap and not previous.text.endswith((*_SENTENCE_END, ":"))
        joins = lower or wrapped or (previous.kind == "bullet" and indent > 0)
        if joins:
            previous.text = f"{previous.text} {text}"
            previous.end = line.pos
        return joins

    def _heading_cue(self, line: RawLine, text: str, index: int) -> tuple[str, str] | None:
        """(cue, heading text) when the line reads as a heading."""
        atx = _ATX.match(text)
        if atx:
            return "markup", atx.group("text")
        bold = _WHOLE_BOLD.match(text)
        if line.bold or bold:
            plain = (bold.group("text") + bold.group("colon")) if bold else text
            if len(plain.split()) <= 10 and not plain.endswith(_SENTENCE_END):
                return "bold", plain.rstrip(":").strip()
        words = len(text.split())
        if text.endswith(":") and words <= 8 and not fields.split_label(text):
            return "colon", text[:-1].strip()
        if _caps(text) and not is_fact(text):
            return "caps", text.rstrip(":").strip()
        if words <= 6 and not text.endswith(_SENTENCE_END):
            found = match_heading(text, fuzzy=False)
            if found and (found.confidence >= 0.9 or self._loose_heading(text)):
                return "known", text
            if index >= 0 and text[0].isupper() and not is_fact(text):
                following = self._next_text(index)
                previous = self._previous()
                starts = previous is None or not self.adjacent or previous.kind in ("bullet", "heading")
                if starts and (_BULLET.match(following) or _GLYPH_TIGHT.match(following)):
                    return "lead", text
        return None

    def _loose_heading(self, text: str) -> bool:
        """A plain line that only contains a heading word ("Benefits found in job post") counts
        once a heading has been seen, unless it opens with a verb, as list items do."""
        first = text.split()[0].lower().strip(",:;")
        return (
            text[0].isupper()
            and len(text.split()) <= 5
            and first not in verb_set()
            and first not in _NOT_HEADING_LEADS
            and not re.search(r"[:\d$£€¥]", text)
            and not is_fact(text)
            and self.seen_heading
        )

    def _other(self, line: RawLine, text: str, index: int) -> None:
        emoji, rest = split_emoji(text)
        if emoji and rest:
            if is_fact(rest):
                self._add("paragraph", rest, line)
                return
            found = match_heading(rest, fuzzy=False)
            nxt = split_emoji(self._next_text(index))[0]
            if found or (
                len(rest.split()) <= 4 and "," not in rest and not rest.endswith(_SENTENCE_END) and not nxt
            ):
                self._add("heading", rest.rstrip(":").strip(), line, cue="emoji")
            else:
                self._add("bullet", rest, line)
            return
        label = fields.split_label(text)
        if label and not fields.label_field(label[0]):
            found = match_heading(label[0], fuzzy=False)
            if found and found.confidence >= 0.9 and len(label[0].split()) <= 5:
                self._add("heading", label[0], line, cue="label", inline=True)
                self._add("paragraph", label[1], line)
                return
        cue = self._heading_cue(line, text, index)
        if cue:
            atx = _ATX.match(text)
            self._add("heading", cue[1], line, cue=cue[0], level=len(atx.group(1)) if atx else 0)
            return
        self._add("paragraph", text, line)


def classify(lines: list[RawLine]) -> tuple[list[Block], list[Mend]]:
    """Blocks for the section walker, and the scrape defects mended on the way."""
    classifier = Classifier(lines)
    return classifier.run(), classifier.mends
