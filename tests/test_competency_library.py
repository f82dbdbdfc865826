"""Checks every packaged competency file against the library format.

The kit trusts these files blindly, so a broken entry must fail here rather than
show up as a malformed interview kit. The checker returns the list of problems
instead of asserting, which lets the tests below also prove that it catches them.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

LIBRARY = Path(__file__).resolve().parents[1] / "src" / "hirecli" / "data" / "competencies"
FILES = sorted(LIBRARY.glob("*.yaml"))

TOP_KEYS = [
    "id",
    "name",
    "kind",
    "family",
    "definition",
    "aliases",
    "keywords",
    "anchors",
    "questions",
]
QUESTION_KEYS = ["id", "type", "text", "probes", "strong", "red_flags", "minutes"]
KEYED_TYPES = ("technical", "work_sample")
"""Question types that carry a scoring key (last, after minutes)."""
FAMILIES = set(
    yaml.safe_load((LIBRARY.parent / "kit" / "families.yaml").read_text(encoding="utf-8"))["families"]
)
MAX_SENTENCE_WORDS = 35
NEAR_DUPLICATE = 90
"""rapidfuzz ratio (0-100) at which two question texts count as the same question reworded."""
MINUTES = {"behavioral": (5, 8), "situational": (5, 8), "technical": (4, 8), "work_sample": (10, 20)}
LIST_SIZES = {"probes": (2, 3), "strong": (2, 4), "red_flags": (2, 3)}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STEM = re.compile(r"^[a-z0-9]+$")
PLACEHOLDERS = ("{role}", "{field}")
ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs)\.")
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
# Narrow on purpose: phrasings that ask the candidate about a protected topic.
FORBIDDEN = re.compile(
    r"\b(?:how old|your age|are you married|your (?:spouse|partner|children|religion|church"
    r"|nationality|citizenship|health|disability|medical|pregnancy)|where were you born"
    r"|native language|been arrested|salary history|pay history|current salary"
    r"|previous salary)\b",
    re.IGNORECASE,
)

SOFT_IDS = (
    "communication",
    "active-listening",
    "written-communication",
    "collaboration",
    "empathy",
    "adaptability",
    "problem-solving",
    "critical-thinking",
    "ethical-judgment",
    "professional-boundaries",
    "resilience",
    "patience",
    "time-management",
    "organization",
    "leadership",
    "conflict-resolution",
    "cultural-humility",
    "attention-to-detail",
    "customer-focus",
    "learning-agility",
    "rapport-building",
    "initiative",
    "decision-making",
    "stakeholder-management",
)


def normalize(text: str) -> str:
    """Fold case, '&' and punctuation so near-identical spellings compare equal."""
    text = text.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def string_list_problems(where: str, value: Any, low: int, high: int) -> list[str]:
    if not isinstance(value, list):
        return [f"{where}: expected a list"]
    found = []
    if not low <= len(value) <= high:
        found.append(f"{where}: {len(value)} items, expected {low}-{high}")
    if not all(is_text(item) for item in value):
        found.append(f"{where}: every item must be non-empty text")
    return found


def placeholder_problems(where: str, value: str) -> list[str]:
    rest = value
    for placeholder in PLACEHOLDERS:
        rest = rest.replace(placeholder, "")
    if "{" in rest or "}" in rest:
        return [f"{where}: only {', '.join(PLACEHOLDERS)} may appear in braces"]
    return []


def header_problems(doc: dict[str, Any], stem: str) -> list[str]:
    found = []
    if doc.get("id") != stem or not SLUG.match(stem):
        found.append(f"id: {doc.get('id')!r} must be a slug equal to the file stem {stem!r}")
    name = doc.get("name")
    if not isinstance(name, str) or not name[:1].isupper():
        found.append("name: expected a Title Case display name")
    if doc.get("kind") not in ("soft", "hard"):
        found.append(f"kind: {doc.get('kind')!r} is not soft or hard")
    if doc.get("family") not in FAMILIES:
        found.append(f"family: {doc.get('family')!r} is not a family of data/kit/families.yaml")
    definition = doc.get("definition")
    if not isinstance(definition, str) or not definition.strip():
        found.append("definition: expected text")
    else:
        plain = ABBREVIATIONS.sub("", definition.strip())
        if not plain.endswith(".") or SENTENCE_BREAK.search(plain):
            found.append("definition: expected exactly one sentence")
    return found


def vocabulary_problems(doc: dict[str, Any]) -> list[str]:
    aliases = doc.get("aliases")
    found = string_list_problems("aliases", aliases, 4, 12)
    if isinstance(aliases, list) and all(is_text(alias) for alias in aliases):
        if any(alias != alias.lower().strip() for alias in aliases):
            found.append("aliases: must be lower case without surrounding spaces")
        if len({normalize(alias) for alias in aliases}) != len(aliases):
            found.append("aliases: duplicates within the file")
    keywords = doc.get("keywords")
    found += string_list_problems("keywords", keywords, 4, 12)
    if isinstance(keywords, list) and all(isinstance(word, str) for word in keywords):
        if not all(STEM.match(word) for word in keywords):
            found.append("keywords: each must be one lower-case word stem")
        if len(set(keywords)) != len(keywords):
            found.append("keywords: duplicates within the file")
    anchors = doc.get("anchors")
    if not isinstance(anchors, dict) or list(anchors) != [1, 2, 3, 4]:
        found.append("anchors: expected exactly the levels 1, 2, 3, 4 in order")
    elif not all(is_text(text) for text in anchors.values()):
        found.append("anchors: every level needs a description")
    else:
        for level, text in anchors.items():
            found += long_sentences(f"anchors.{level}", text)
        if len({normalize(text) for text in anchors.values()}) != 4:
            found.append("anchors: two levels say the same")
    return found


def long_sentences(where: str, text: str) -> list[str]:
    """Sentences over the readability limit: interviewers read these aloud."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", ABBREVIATIONS.sub("", text)):
        if len(sentence.split()) > MAX_SENTENCE_WORDS:
            found.append(
                f"{where}: a sentence of {len(sentence.split())} words "
                f"(at most {MAX_SENTENCE_WORDS}): {sentence[:60]}..."
            )
    return found


def question_problems(question: Any, stem: str, index: int) -> list[str]:
    where = f"questions[{index}]"
    keyed = isinstance(question, dict) and question.get("type") in KEYED_TYPES
    keys = [*QUESTION_KEYS, "scoring_key"] if keyed else QUESTION_KEYS
    if not isinstance(question, dict) or list(question) != keys:
        return [f"{where}: keys must be {', '.join(keys)} in that order"]
    found = []
    if keyed:
        found += string_list_problems(f"{where}.scoring_key", question["scoring_key"], 2, 5)
    qid = question["id"]
    if not isinstance(qid, str) or not re.fullmatch(rf"{re.escape(stem)}-[1-9][0-9]*", qid):
        found.append(f"{where}.id: {qid!r} must be {stem}-<n>")
    kind = question["type"]
    minutes = question["minutes"]
    if kind not in MINUTES:
        found.append(f"{where}.type: {kind!r} is not one of {', '.join(MINUTES)}")
    elif isinstance(minutes, bool) or not isinstance(minutes, int):
        found.append(f"{where}.minutes: expected a whole number")
    elif not MINUTES[kind][0] <= minutes <= MINUTES[kind][1]:
        found.append(f"{where}.minutes: {minutes} outside {MINUTES[kind]} for {kind}")
    if not is_text(question["text"]):
        found.append(f"{where}.text: expected text")
    for field, (low, high) in LIST_SIZES.items():
        found += string_list_problems(f"{where}.{field}", question[field], low, high)
    for text in question_strings(question):
        found += placeholder_problems(where, text)
        found += long_sentences(where, text)
        if FORBIDDEN.search(text):
            found.append(f"{where}: touches a topic an interview must not ask about")
    return found


def question_strings(question: dict[str, Any]) -> list[str]:
    """The question's text plus its probes, strong signals and red flags."""
    texts = [question["text"]]
    for field in (*LIST_SIZES, "scoring_key"):
        if isinstance(question.get(field), list):
            texts += question[field]
    return [text for text in texts if isinstance(text, str)]


def mix_problems(questions: list[Any], kind: Any) -> list[str]:
    types = [q.get("type") for q in questions if isinstance(q, dict)]
    found = []
    if len(questions) < 5:
        found.append(f"questions: {len(questions)}, expected at least 5")
    if types.count("behavioral") < 2:
        found.append("questions: need at least 2 behavioral")
    if types.count("situational") < 1:
        found.append("questions: need at least 1 situational")
    if kind == "hard" and (types.count("technical") < 1 or types.count("work_sample") < 1):
        found.append("questions: a hard skill needs a technical and a work_sample question")
    ids = [q.get("id") for q in questions if isinstance(q, dict)]
    if len(set(ids)) != len(ids):
        found.append("questions: ids repeat within the file")
    return found


def problems(doc: Any, stem: str) -> list[str]:
    """Every format rule one competency breaks; empty when it is valid."""
    if not isinstance(doc, dict):
        return ["top level: expected a mapping"]
    if list(doc) != TOP_KEYS:
        return [f"keys: {list(doc)} must be {TOP_KEYS}"]
    found = header_problems(doc, stem) + vocabulary_problems(doc)
    questions = doc["questions"]
    if not isinstance(questions, list):
        return [*found, "questions: expected a list"]
    for index, question in enumerate(questions):
        found += question_problems(question, stem, index)
    return found + mix_problems(questions, doc["kind"])


def related_families() -> dict[str, set[str]]:
    """Each family with the families it shares a group with: a role may draw on both."""
    data = yaml.safe_load((LIBRARY.parent / "kit" / "families.yaml").read_text(encoding="utf-8"))
    related: dict[str, set[str]] = {f: {f} for f in data["families"]}
    for members in data["groups"].values():
        for member in members:
            related[member].update(members)
    everywhere = {"general", "management-leadership"}
    for family in related:
        related[family] |= everywhere
    for family in everywhere:
        related[family] = set(related)
    return related


def near_duplicates(texts: dict[str, str]) -> list[str]:
    """Question texts that are the same question reworded (rapidfuzz ratio at or over the limit)."""
    from rapidfuzz import fuzz, process

    ids = list(texts)
    keys = [normalize(texts[i]) for i in ids]
    found = []
    for a, text in enumerate(keys):
        for _, _, b in process.extract(
            text, keys[a + 1 :], scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE, limit=None
        ):
            found.append(f"{ids[a]}: nearly the same text as {ids[a + 1 + b]}")
    return found


def library_problems(docs: dict[str, dict[str, Any]]) -> list[str]:
    """Rules that span files: aliases shared within a field, questions asked twice, shared anchors."""
    found = []
    owners: dict[str, set[str]] = defaultdict(set)
    names = {normalize(doc["name"]): cid for cid, doc in docs.items()}
    names.update({normalize(cid): cid for cid in docs})
    texts: dict[str, str] = {}
    for cid, doc in docs.items():
        for alias in doc["aliases"]:
            owners[normalize(alias)].add(cid)
            other = names.get(normalize(alias), cid)
            if other != cid:
                found.append(f"{cid}: alias {alias!r} is the name of {other}")
        for question in doc["questions"]:
            key = normalize(question["text"])
            if key in texts:
                found.append(f"{question['id']}: same text as {texts[key]}")
            texts.setdefault(key, question["id"])
    related = related_families()
    for alias, ids in sorted(owners.items()):
        fams = {cid: docs[cid].get("family") for cid in ids}
        clash = sorted(
            a for a in ids for b in ids if a < b and fams[b] in related.get(str(fams[a]), {fams[a]})
        )
        if clash:
            found.append(f"alias {alias!r} is shared by {', '.join(sorted(ids))} (related families)")
    found += near_duplicates(
        {
            q["id"]: q["text"]
            for doc in docs.values()
            for q in doc["questions"]
            if isinstance(q, dict) and isinstance(q.get("text"), str)
        }
    )
    anchors: dict[str, str] = {}
    for cid, doc in docs.items():
        for level, text in (doc.get("anchors") or {}).items():
            seen = anchors.setdefault(normalize(str(text)), f"{cid} {level}")
            if seen != f"{cid} {level}":
                found.append(f"{cid}: anchor {level} is the same as {seen}")
    return found


def raw_problems(source: str) -> list[str]:
    """What safe_load hides: anchors and aliases, duplicate keys and tabs."""
    found = []
    if "\t" in source:
        found.append("tab characters are not allowed")
    for event in yaml.parse(source, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            line = event.start_mark.line + 1 if event.start_mark else "?"
            found.append(f"line {line}: YAML anchors and aliases are not allowed")
    pending = [yaml.compose(source, Loader=yaml.SafeLoader)]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value]
            found += [f"duplicate key {key!r}" for key in sorted({k for k in keys if keys.count(k) > 1})]
            pending += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            pending += node.value
    return found


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def library() -> dict[str, Any]:
    return {path.stem: load(path) for path in FILES}


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_file_follows_the_format(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert raw_problems(source) == []
    assert problems(yaml.safe_load(source), path.stem) == []


def test_library_has_no_shared_aliases_or_repeated_questions(library: dict[str, Any]) -> None:
    assert all(isinstance(doc, dict) for doc in library.values())
    assert library_problems(library) == []


def test_every_soft_skill_is_packaged(library: dict[str, Any]) -> None:
    missing = [cid for cid in SOFT_IDS if cid not in library]
    assert missing == []
    assert {library[cid]["kind"] for cid in SOFT_IDS} == {"soft"}


@pytest.fixture
def valid() -> dict[str, Any]:
    doc = copy.deepcopy(load(LIBRARY / "communication.yaml"))
    doc["family"] = "general"
    for question in doc["questions"]:
        if question["type"] in KEYED_TYPES and "scoring_key" not in question:
            question["scoring_key"] = ["States the first fact.", "States the second fact."]
    return doc


def test_checker_accepts_a_known_good_file(valid: dict[str, Any]) -> None:
    assert problems(valid, "communication") == []


def _drop_anchor(doc: dict[str, Any]) -> None:
    del doc["anchors"][4]


def _few_probes(doc: dict[str, Any]) -> None:
    doc["questions"][0]["probes"] = doc["questions"][0]["probes"][:1]


def _stray_placeholder(doc: dict[str, Any]) -> None:
    doc["questions"][0]["text"] += " Tell me about your {company}."


def _long_behavioral(doc: dict[str, Any]) -> None:
    doc["questions"][0]["minutes"] = 12


def _upper_alias(doc: dict[str, Any]) -> None:
    doc["aliases"][0] = "Communication Skills"


def _no_situational(doc: dict[str, Any]) -> None:
    for question in doc["questions"]:
        if question["type"] == "situational":
            question["type"] = "behavioral"


def _hard_without_task(doc: dict[str, Any]) -> None:
    doc["kind"] = "hard"
    doc["questions"] = [q for q in doc["questions"] if q["type"] != "work_sample"]


def _keyless_technical(doc: dict[str, Any]) -> None:
    doc["questions"].append({**doc["questions"][0], "id": "communication-9", "type": "technical"})


def _long_sentence(doc: dict[str, Any]) -> None:
    doc["questions"][0]["text"] = " ".join(["word"] * 40) + "."


def _unknown_family(doc: dict[str, Any]) -> None:
    doc["family"] = "communication"


def _two_sentences(doc: dict[str, Any]) -> None:
    doc["definition"] = "Speaks clearly. Writes well."


def _protected_topic(doc: dict[str, Any]) -> None:
    doc["questions"][1]["probes"][0] = "What is your nationality?"


def _bad_question_id(doc: dict[str, Any]) -> None:
    doc["questions"][2]["id"] = "talking-3"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_drop_anchor, "anchors:"),
        (_few_probes, "questions[0].probes: 1 items"),
        (_stray_placeholder, "only {role}, {field}"),
        (_long_behavioral, "questions[0].minutes: 12"),
        (_upper_alias, "aliases: must be lower case"),
        (_no_situational, "at least 1 situational"),
        (_hard_without_task, "a technical and a work_sample"),
        (_keyless_technical, "questions[5]: keys must be"),
        (_long_sentence, "a sentence of 40 words"),
        (_unknown_family, "family: 'communication'"),
        (_two_sentences, "exactly one sentence"),
        (_protected_topic, "must not ask about"),
        (_bad_question_id, "must be communication-<n>"),
    ],
)
def test_checker_reports_each_broken_rule(valid: dict[str, Any], mutate: Any, expected: str) -> None:
    mutate(valid)
    assert any(expected in problem for problem in problems(valid, "communication"))


def test_checker_reports_key_order_and_wrong_stem(valid: dict[str, Any]) -> None:
    reordered = {"name": valid["name"], **valid}
    assert problems(reordered, "communication")[0].startswith("keys:")
    assert any(p.startswith("id:") for p in problems(valid, "other"))


def test_library_checker_reports_shared_alias_and_repeated_text(valid: dict[str, Any]) -> None:
    twin = copy.deepcopy(valid)
    twin["id"], twin["name"] = "talking", "Talking"
    twin["aliases"] = ["verbal communication", "communication"]
    found = library_problems({"communication": valid, "talking": twin})
    assert any("shared by communication, talking" in p for p in found)
    assert any("is the name of communication" in p for p in found)
    assert any("same text as communication-1" in p for p in found)
    assert any("talking: anchor 1 is the same as communication 1" in p for p in found)


def test_library_checker_finds_reworded_questions_and_allows_aliases_across_fields(
    valid: dict[str, Any],
) -> None:
    twin = copy.deepcopy(valid)
    twin["id"], twin["name"], twin["family"] = "radio-talk", "Radio Talk", "workplace-safety"
    twin["anchors"] = {n: f"Level {n} radio answer." for n in (1, 2, 3, 4)}
    for index, question in enumerate(twin["questions"]):
        question["text"] = f"Completely different scenario number {index} about radios and relays?"
    twin["questions"][0]["text"] = valid["questions"][0]["text"].replace(".", "!")
    found = library_problems({"communication": valid, "radio-talk": twin})
    assert any("nearly the same text as" in p for p in found)
    valid["family"], twin["family"] = "construction-trades", "legal"
    twin["aliases"] = [valid["aliases"][0], "radio procedure"]
    assert not any("shared by" in p for p in library_problems({"communication": valid, "radio-talk": twin}))


def test_raw_checker_reports_yaml_anchors_and_duplicate_keys() -> None:
    source = "a: &x [1]\nb: *x\nc: 1\nc: 2\n"
    found = raw_problems(source)
    assert any("anchors and aliases" in p for p in found)
    assert "duplicate key 'c'" in found
