"""Skills read from the lines of an ad that name them: requirements first, then duties.

An ad rarely has a section called "Skills", but its requirement lines name them:
"Proficient in Tableau and dbt" names two tools, "Working knowledge of GAAP" a body of
rules, "Excellent presentation skills" a soft skill. The rules and word lists are in
``data/import/skills.yaml`` (see there); a line naming a credential ("a valid forklift
certification") is a qualification and gives no skill. Each skill keeps the line it
came from, for the report, and is matched against the competency library so that the
report says which competency (or which draft questions) its interview will use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hirecli.importers.vocab import table, word_pattern

MAX_HARD = 12
MAX_SOFT = 6
_CLAUSE_END = re.compile(
    r"[.;:()\[\]!?]|\s[-–—]\s|\s(?:to|for|including|such as|e\.g\.|i\.e\.|across|within|in order|that|"
    r"which|who|when|where|while|so|as well as|at|from|on|is|are|with)\s",
    re.IGNORECASE,
)
_TOOL_CONTEXT = re.compile(
    r"\b(?:in|on|using|with|through|via|into)\s+(?:the|our|a|an|their)?\s*"
    r"(?P<name>[A-Z][\w.+#-]*(?:\s+[A-Z0-9][\w.+#-]*){0,2})\s+"
    r"(?P<kind>app|application|software|system|platform|portal|database|tool|CRM|ERP|EHR|EMR)\b"
)
"""A product named by what it is: "in the AlayaCare app", "using our Procore platform"."""
_CAMEL = re.compile(r"(?<![\w.@/-])[A-Z][a-z]+(?:[A-Z][a-z]+)+(?![\w@/-])")
"""A word with a capital inside ("ServiceTitan", "AlayaCare"): a product's name."""
_SPLIT = re.compile(r"\s*(?:,|/|&|\band\b|\bor\b|\bplus\b)\s*", re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:(?:a|an|the|some|strong|advanced|solid|good|great|basic|deep|excellent|"
    r"working|sound|secure|clear|modern|current|effective|high|level|of)\s+)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s+(?:knowledge|principles|concepts|tools?|platforms?|specifications?|specs|"
    r"curriculum|syllabus(?:es)?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FoundSkill:
    name: str
    kind: str
    """hard or soft."""
    pos: int
    line: str
    how: str


@cache
def _data() -> tuple[
    re.Pattern[str],
    re.Pattern[str] | None,
    dict[str, str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    frozenset[str],
]:
    data = table("skills")
    sensitive = {str(n) for n in data["case_sensitive"]}
    names = {str(n).lower(): str(n) for n in data["named"] if str(n) not in sensitive}
    canonical = dict(names)

    def alternatives(items: list[str]) -> str:
        parts = []
        for item in sorted(items, key=len, reverse=True):
            body = re.escape(item).replace(r"\ ", r"[\s-]+")
            parts.append(body + (r"(?:s|es)?" if item[-1].isalpha() else ""))
        return "|".join(parts)

    edge_l, edge_r = r"(?<![\w+#/-])", r"(?![\w+#]|/\w)"
    named = re.compile(f"{edge_l}(?:{alternatives(list(names.values()))}){edge_r}", re.IGNORECASE)
    exact = re.compile(f"{edge_l}(?:{alternatives(sorted(sensitive))}){edge_r}") if sensitive else None
    for name in sensitive:
        canonical[name] = name
    cues = re.compile(
        r"\b(?:"
        + "|".join(
            re.escape(str(c)).replace(r"\ ", r"\s+") for c in sorted(data["cues"], key=len, reverse=True)
        )
        + r")\s+",
        re.IGNORECASE,
    )
    leads = re.compile(r"^(?:" + "|".join(re.escape(str(c)) for c in data["leads"]) + r")\s+", re.IGNORECASE)
    credentials = re.compile(
        r"\b(?:" + "|".join(re.escape(str(c)) for c in data["credentials"]) + r")s?\b", re.IGNORECASE
    )
    stop = frozenset(str(w).lower() for w in data["not_skills"])
    return named, exact, canonical, cues, leads, credentials, stop


@cache
def _sensitive() -> frozenset[str]:
    return frozenset(str(n) for n in table("skills")["case_sensitive"])


def _known(text: str) -> str | None:
    """The usual spelling of a named tool or method, or None when ``text`` names none."""
    name = _canonical(text)
    return name if name != text or text in _sensitive() or text.lower() in _data()[2] else None


def _canonical(text: str) -> str:
    _, _, canonical, *_ = _data()
    if text in _sensitive():
        return text
    key = re.sub(r"[\s-]+", " ", text.lower())
    for candidate in (key, key[:-2] if key.endswith("es") else "", key[:-1] if key.endswith("s") else ""):
        if candidate and candidate in canonical:
            name = canonical[candidate]
            return name[0].upper() + name[1:] if name.islower() and name not in _sensitive() else name
    return text


def _tidy(item: str) -> str | None:
    """A phrase as a skill name, or None when it is not one."""
    *_, stop = _data()
    item = item.strip(" .,;:'\"“”‘’*")
    item = _LEADING.sub("", item).strip()
    item = _TRAILING.sub("", item).strip() if len(item.split()) > 1 else item
    words = item.split()
    if not words or len(words) > 4 or item.lower() in stop or words[0].lower() in stop:
        return None
    if not re.search(r"[A-Za-z]", item) or re.search(r"\d{2,}|\byears?\b|%|\$", item):
        return None
    named = _known(item)
    if named:
        return named
    head = _known(words[0])
    if head and len(words) <= 2 and all(w.islower() for w in words[1:]):
        return head  # "Epic charting", "R skills": the tool is Epic, R
    if item.islower() or (item[0].islower() and not re.search(r"[A-Z]", item)):
        return item[0].upper() + item[1:]
    return item


def _phrases(text: str) -> list[tuple[str, str]]:
    """(skill phrase, how) pairs a requirement line names after a cue or a leading adjective."""
    _, _, _, cues, leads, _, _ = _data()
    out: list[tuple[str, str]] = []
    spans: list[str] = []
    for cue in cues.finditer(text):
        rest = text[cue.end() :]
        end = _CLAUSE_END.search(" " + rest)
        spans.append(rest[: end.start() - 1] if end and end.start() > 0 else rest)
        named_only = re.match(r"(?:experience|background)\s+in\b", cue.group().lower()) is not None
        for piece in _SPLIT.split(spans[-1]):
            # "experience in a warehouse" names a setting; "experience with Jira" a tool
            if named_only and not _proper(piece):
                continue
            out.append((piece, f"named after {cue.group().strip()!r}"))
    lead = leads.match(text.strip())
    if lead and not out:
        rest = text.strip()[lead.end() :]
        end = _CLAUSE_END.search(" " + rest)
        phrase = rest[: end.start() - 1] if end and end.start() > 0 else rest
        out.extend((piece, f"named after {lead.group().strip()!r}") for piece in _SPLIT.split(phrase))
    return out


def _proper(piece: str) -> bool:
    """A phrase with a capital letter that is not only its first word's ("Jira", "SAP EWM")."""
    words = piece.strip().split()
    return bool(words) and words[0].lower() not in ("a", "an", "the") and bool(re.search(r"[A-Z]", piece))


def _soft_phrases(text: str) -> list[str]:
    """Soft skills a requirement line names ("Empathy and patience with busy users")."""
    pattern = word_pattern("vocabulary", "soft_skills")
    weak = {str(w).lower() for w in table("skills").get("weak_soft", [])}
    return [found.group() for found in pattern.finditer(text) if found.group().lower() not in weak]


def read_skills(requirements: list[tuple[str, int]], duties: list[tuple[str, int]]) -> list[FoundSkill]:
    """Skills named in requirement lines (every rule) and duty lines (named tools only)."""
    named, exact, _, _, _, credentials, _ = _data()
    soft = word_pattern("vocabulary", "soft_skills")
    found: dict[str, FoundSkill] = {}

    def add(name: str | None, pos: int, line: str, how: str) -> None:
        if not name:
            return
        key = name.lower()
        inside = re.compile(rf"(?<![\w+#]){re.escape(key)}(?![\w+#])")
        if key in found or any(inside.search(other) or (len(key) > 3 and other in key) for other in found):
            return
        found[key] = FoundSkill(
            name, "soft" if soft.fullmatch(name) or _is_soft(name) else "hard", pos, line, how
        )

    for lines, from_duties in ((requirements, False), (duties, True)):
        for line, pos in lines:
            if credentials.search(line):
                continue
            if not from_duties:
                for word in _soft_phrases(line):  # first: "Strong attention to detail" is one skill
                    if " " in word:
                        add(_tidy(word), pos, line, "a soft skill the line names")
                for phrase, how in _phrases(line):
                    add(_tidy(phrase), pos, line, how)
            for product in _CAMEL.finditer(line):
                add(product.group(), pos, line, "a product name (ServiceTitan, QuickBooks)")
            for tool in _TOOL_CONTEXT.finditer(line):
                add(_tidy(tool.group("name")), pos, line, f"a named {tool.group('kind').lower()}")
            hits = [(m.start(), _canonical(m.group())) for m in named.finditer(line)]
            if exact is not None:
                hits += [(m.start(), m.group()) for m in exact.finditer(line) if m.start() > 0]
            for _, name in sorted(hits):
                add(name, pos, line, "a named tool, method or body of knowledge")
            if from_duties:
                continue
            for word in _soft_phrases(line):
                add(_tidy(word), pos, line, "a soft skill the line names")
    skills = list(found.values())
    hard = [s for s in skills if s.kind == "hard"][:MAX_HARD]
    softs = [s for s in skills if s.kind == "soft"][:MAX_SOFT]
    return hard + softs


def _is_soft(name: str) -> bool:
    """A soft skill: a soft-skill word ends the name, before "skills" ("Communication skills")."""
    pattern = word_pattern("vocabulary", "soft_skills")
    core = re.sub(r"\s+(?:skills?|abilities)$", "", name, flags=re.IGNORECASE)
    found = pattern.search(core)
    return bool(found and len(core.split()) <= 3 and core.lower().endswith(found.group().lower()))
