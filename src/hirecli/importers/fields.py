"""Single facts about a job: workplace, employment type, experience range, tags, lines of
facts and "Label: value" lines. Places are read by :mod:`hirecli.importers.location`,
titles by :mod:`hirecli.importers.titles` and pay by :mod:`hirecli.importers.money`."""

from __future__ import annotations

import re
from functools import cache

from hirecli.importers.vocab import table, words

_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z '’&/()-]{0,40}?)\s*[:：]\s+(?P<value>\S.*)$")
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_N = r"(?:\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_Y = r"(?:years?|yrs?)\b(?!\s*(?:of\s+age|old|older)\b)"
_YEARS_RANGE = re.compile(rf"\b(?P<a>{_N})\s*\+?\s*(?:-|–|—|to)\s*(?P<b>{_N})\s*\+?\s*{_Y}", re.IGNORECASE)
_YEARS_MIN = re.compile(
    rf"\b(?:(?P<a>{_N})\s*(?:\+|plus\b|or\s+more\b)\s*{_Y}|(?P<c>{_N})\s*{_Y}\s*(?:\+|or\s+more\b|plus\b)"
    rf"|(?:at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|no\s+less\s+than|over|more\s+than)"
    rf"\s+(?P<b>{_N})\s*\+?\s*{_Y})",
    re.IGNORECASE,
)
_YEARS_PLAIN = re.compile(
    rf"\b(?P<a>{_N})\s*{_Y}['’]?\s+(?:of\s+)?(?:[\w/-]+\s+){{0,5}}?experience"
    rf"|experience\b[^.;]{{0,50}}?\b(?P<b>\d{{1,2}})\s*\+?\s*{_Y}"
    rf"|\b(?P<c>{_N})\s*{_Y}['’]?\s+(?:of|in|as|with|working|leading|managing|building|running|"
    rf"teaching|supporting)\b",
    re.IGNORECASE,
)
_MONTHS = re.compile(rf"\b{_N}\s*\+?\s*months?\s+(?:of\s+)?(?:[\w-]+\s+){{0,4}}?experience", re.IGNORECASE)
_TAG_SPLIT = re.compile(r"\s*(?:[,;|·•/]|\s-\s|\s–\s)\s*")


def normalize(text: str) -> str:
    """Lower case, straight apostrophes, no punctuation or extra spaces: for table look-ups."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = text.replace("&", " and ").replace("+", " and ")
    text = re.sub(r"[^\w'%]+", " ", text)
    return re.sub(r"\s+", " ", text).strip(" '")


@cache
def _labels() -> dict[str, str]:
    found: dict[str, str] = {}
    for name, phrases in table("vocabulary")["labels"].items():
        for phrase in phrases:
            found[normalize(str(phrase))] = str(name)
    return found


def split_label(text: str) -> tuple[str, str] | None:
    """``("Location", "Leeds")`` for a line like "Location: Leeds"."""
    found = _LABEL.match(text)
    if not found:
        return None
    return found.group("label").strip(), found.group("value").strip()


def label_field(label: str) -> str | None:
    """The role field a label names ("Job type" -> employment_type), if any."""
    return _labels().get(normalize(label))


@cache
def _phrases(key: str) -> list[tuple[re.Pattern[str], str]]:
    pairs = [
        (str(phrase), str(name)) for name, phrases in table("vocabulary")[key].items() for phrase in phrases
    ]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return [
        (
            re.compile(
                r"(?<![\w-])"
                + re.escape(phrase).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
                + r"(?![\w-])",
                re.IGNORECASE,
            ),
            name,
        )
        for phrase, name in pairs
    ]


def employment_type(text: str, *, whole: bool = False) -> str | None:
    """The employment type a text names; with ``whole`` the text must be only that phrase."""
    best: tuple[int, str] | None = None
    for pattern, name in _phrases("employment_types"):
        found = pattern.fullmatch(text.strip()) if whole else pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), name)
    return best[1] if best else None


_TYPE_FILLER = re.compile(
    r"\b(?:permanent|position|role|job|basis|only|a|an|the|and|with|or|"
    r"employment|contract|type)\b",
    re.IGNORECASE,
)


def employment_details(text: str) -> str:
    """What an employment type line says besides the type ("24 hours a week"), if anything."""
    rest = text
    for pattern, _ in _phrases("employment_types"):
        rest = pattern.sub(" ", rest)
    meaningful = re.findall(r"[\w'-]+", _TYPE_FILLER.sub(" ", rest))
    return " ".join(re.findall(r"[\w'-]+", rest)) if len(meaningful) >= 2 else ""


def workplace(text: str, *, whole: bool = False) -> str | None:
    """onsite, hybrid or remote, when the text says so (hybrid wins over the others)."""
    hits = []
    for pattern, name in _phrases("workplaces"):
        found = pattern.fullmatch(text.strip()) if whole else pattern.search(text)
        if found:
            hits.append((found.start(), name))
    if not hits:
        return None
    if any(name == "hybrid" for _, name in hits):
        return "hybrid"
    return min(hits)[1]


def strip_workplace(text: str) -> str:
    """``text`` without the words that name a workplace ("Remote", "hybrid")."""
    for pattern, _ in _phrases("workplaces"):
        text = pattern.sub(" ", text)
    return text


_META_SPLIT = re.compile(r"\s*[|·•▪]\s*|\s+[-–—]\s+|\s*[–—]\s*(?=[A-Z])")
_DAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_KEEP_TOGETHER = re.compile(
    rf"\d{{1,2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?\s*[-–—]\s*\d{{1,2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?"
    rf"|\b{_DAYS}\s*[-–—]\s*{_DAYS}\b|\d\s*[-–—]\s*\d",
    re.IGNORECASE,
)
_OFFICE_DAYS = re.compile(
    r"\b(?P<days>(?:\d|one|two|three|four|five)(?:\s*(?:-|to|or)\s*(?:\d|two|three|four|five))?\s+days?"
    r"(?:\s+(?:a|per|each|every)\s+week)?\s+(?:in|at)\s+(?:the\s+|our\s+)?(?:office|studio|site|clinic|"
    r"lab|hq|headquarters|store|workplace)(?:\s+(?:in|per|each|a)\s+\w+)?)",
    re.IGNORECASE,
)


_SENTENCES = re.compile(r"(?<=[a-z\d)])\.\s+(?=[A-Z])")


def meta_parts(text: str) -> list[str]:
    """The parts of a line of job facts, split at middle dots, bars, bullets and spaced
    dashes; pay ranges, times ("8 am - 5 pm") and day ranges are not split."""
    from hirecli.importers.money import find_pay

    kept: list[str] = []

    def hold(value: str) -> str:
        kept.append(value)
        return f"\x00{len(kept) - 1}\x00"

    masked = text
    pay = find_pay(text)
    if pay is not None and pay.matched:
        masked = masked.replace(pay.matched, hold(pay.matched), 1)
    masked = _KEEP_TOGETHER.sub(lambda m: hold(m.group()), masked)
    parts = [p.strip(" ,;") for p in _META_SPLIT.split(masked) if p and p.strip(" ,;")]
    if len(parts) == 1:  # "Acme School, Leeds. Permanent, full-time. Start date: May."
        sentences = [p.strip(" .") for p in _SENTENCES.split(masked) if p.strip(" .")]
        if len(sentences) > 1 and all(len(p.split()) <= 6 for p in sentences):
            parts = sentences
    return [re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], p) for p in parts]


_SHIFT = re.compile(
    r"^(?:(?:day|night|evening|weekend|morning|afternoon|overnight|rotating|swing|early|late)"
    r"s?(?:\s+shifts?)?|(?:days|nights|evenings|weekends)(?:\s*(?:/|and|&)\s*\w+)?)$",
    re.IGNORECASE,
)


def is_shift(text: str) -> bool:
    """A part of a line of facts that names when one works ("Nights", "Day shift")."""
    return bool(_SHIFT.match(text.strip()))


def office_days(text: str) -> str:
    """ "3 days a week in the office" from a hybrid workplace's description, or ""."""
    found = _OFFICE_DAYS.search(text)
    return found.group("days").strip() if found else ""


def _years(token: str | None) -> int | None:
    if token is None:
        return None
    token = token.lower()
    return int(token) if token.isdigit() else _NUMBER_WORDS.get(token)


def experience_years(text: str) -> tuple[int | None, int | None] | None:
    """``(min, max)`` years from "2-7 years", "5+ years", "at least three years of ..."; None if
    the text states no length of experience."""
    ranged = _YEARS_RANGE.search(text)
    if ranged:
        return _years(ranged.group("a")), _years(ranged.group("b"))
    minimum = _YEARS_MIN.search(text)
    if minimum:
        return _years(minimum.group("a") or minimum.group("b") or minimum.group("c")), None
    plain = _YEARS_PLAIN.search(text)
    if plain:
        return _years(plain.group("a") or plain.group("b") or plain.group("c")), None
    if _MONTHS.search(text):
        return None, None
    return None


def mentions_years(text: str) -> bool:
    """True when a line states a length of experience ("3 years in retail")."""
    return experience_years(text) is not None


def is_run_together(text: str) -> bool:
    """A line like "HealthcareSocial ServicesCounselingTherapy": tags with their separators lost."""
    if re.search(r"[.!?:;]|\d", text) or len(text.split()) > 12 or not re.search(r"[a-z][A-Z]", text):
        return False
    pieces = split_tags(text)
    vocabulary = {t.lower() for t in words("tags", "tags")}
    if len(pieces) < 2 or any(len(p) < 2 for p in pieces):
        return False
    return len(pieces) >= 3 or any(p.lower() in vocabulary for p in pieces)


def split_tags(text: str) -> list[str]:
    """Tags from a run-together or separated line, splitting at known tags and case changes."""
    if _TAG_SPLIT.search(text):
        out = [piece for chunk in _TAG_SPLIT.split(text) if chunk.strip() for piece in split_tags(chunk)]
        return list(dict.fromkeys(out))
    vocabulary = sorted(words("tags", "tags"), key=len, reverse=True)
    out = []
    index = 0
    text = text.strip()
    while index < len(text):
        if text[index] == " ":
            index += 1
            continue
        found = None
        for tag in vocabulary:
            end = index + len(tag)
            if text[index:end].lower() == tag.lower() and (end == len(text) or text[end].isupper()):
                found = end
                break
        if found is None:
            found = index + 1
            while found < len(text) and not (text[found - 1].islower() and text[found].isupper()):
                found += 1
        out.append(text[index:found].strip())
        index = found
    return [piece for piece in dict.fromkeys(out) if piece]
