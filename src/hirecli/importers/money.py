"""Pay as people write it: "$55,000 - $95,000", "$140k–$175k", "USD 78,000 to 104,000
annually", "£32,000 a year", "€45.000–€55.000", "up to $35 an hour"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hirecli.importers.vocab import table, word_pattern

_NUMBER = r"\d{1,3}(?:,\d{2,3})+(?:\.\d{1,2})?|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_BETWEEN = re.compile(
    r"^\s*(?:/\s*(?:yr|year|hr|hour|h|mo|month|wk|week|day)\.?\s*)?"
    r"(?:-|–|—|−|~|to|and|through|until|till)\s*$",
    re.IGNORECASE,
)
_PERIODS: tuple[tuple[str, str], ...] = (
    ("hour", r"per\s+hour|an\s+hour|a\s+hour|/\s*(?:hour|hr|h)\b|\bper\s+hr\b|\bhourly\b|\bp/?h\b"),
    ("day", r"per\s+day|a\s+day|/\s*day\b|\bdaily\b|\bday\s+rate\b"),
    ("week", r"per\s+week|a\s+week|/\s*(?:week|wk)\b|\bweekly\b|\bper\s+wk\b"),
    ("month", r"per\s+month|a\s+month|/\s*(?:month|mo|mth)\b|\bmonthly\b|\bpcm\b|\bp\.c\.m\.?"),
    (
        "year",
        r"per\s+year|a\s+year|/\s*(?:year|yr|annum)\b|\bper\s+annum\b|\bp\.\s?a\.?(?!\w)"
        r"|\bannual(?:ly)?\b|\byearly\b|\bper\s+yr\b|\bsalary\b",
    ),
)
_OPEN_MAX = re.compile(r"\b(?:up\s+to|max(?:imum)?(?:\s+of)?|no\s+more\s+than)\s*$", re.IGNORECASE)
_OPEN_MIN = re.compile(
    r"\b(?:from|starting\s+(?:at|from)|at\s+least|min(?:imum)?(?:\s+of)?)\s*$", re.IGNORECASE
)
_FILLER = re.compile(
    r"\b(?:the|a|an|is|are|of|for|this|that|role|position|job|range|pay|salary|base|wage|rate|"
    r"hourly|annual|annually|starting|from|up|to|and|or|between|per|hour|hours|year|years|month|"
    r"week|day|estimated|approximately|approx|about|around|gross|before|tax|pro|rata|doe|"
    r"depending|dependent|on|experience|negotiable|competitive|plus|benefits|compensation|"
    r"target|expected|total|level|band|scale|usd|cad|gbp|eur|aud|with|in|we|offer|pays|paid|"
    r"will|be|at|least|rs|yr|hr|mo|wk|p|a|h|k|ph|pa|pcm|salaried|full|time|part|per annum|"
    r"remuneration|us|ca|remote|onsite|hybrid)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Pay:
    """A pay statement found in a line of text."""

    currency: str
    min: float | None
    max: float | None
    period: str
    period_stated: bool
    sign: str
    matched: str
    pay_only: bool
    variable: bool
    extra: str = ""
    """What the text says besides base pay ("plus a yearly bonus of up to 8%"), when it
    mentions variable pay."""


@cache
def _signs() -> dict[str, str]:
    return {str(k): str(v) for k, v in table("currencies")["signs"].items()}


@cache
def _money() -> re.Pattern[str]:
    parts = []
    for sign in sorted(_signs(), key=len, reverse=True):
        escaped = re.escape(sign)
        parts.append(rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if sign[-1].isalpha() else escaped)
    sign = "|".join(parts)
    return re.compile(
        rf"(?P<pre>{sign})?\s?(?P<num>{_NUMBER})(?:\s?(?P<mult>[kK](?![A-Za-z])|[mM](?![A-Za-z])))?"
        rf"(?:\s?(?P<post>{sign}))?(?P<plus>\+)?"
    )


def _amount(number: str, mult: str | None) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?", number):
        number = number.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d{1,2}", number):
        number = number.replace(",", ".")
    else:
        number = number.replace(",", "")
    value = float(number)
    if mult in ("k", "K"):
        value *= 1000
    elif mult in ("m", "M"):
        value *= 1_000_000
    return value


def dollar_currency(country: str | None) -> str | None:
    """The currency a bare "$" stands for in ``country``, when it is not USD."""
    mapping = table("currencies")["dollar_countries"]
    return str(mapping[country]) if country and country in mapping else None


@cache
def _period_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((period, re.compile(pattern, re.IGNORECASE)) for period, pattern in _PERIODS)


def period_in(text: str) -> str | None:
    """The pay period a text names (the first one written), if any."""
    best: tuple[int, str] | None = None
    for period, pattern in _period_patterns():
        found = pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), period)
    return best[1] if best else None


def find_pay(text: str, *, context: bool = False) -> Pay | None:
    """The first pay statement in ``text``.

    Without ``context`` (a pay label or a pay section) an amount needs a currency
    sign, so "2-7 years" is never pay. The period comes from words near the amount;
    without any, amounts under 500 are read as hourly and the rest as yearly.
    """
    if not any(ch.isdigit() for ch in text):
        return None
    tokens = [m for m in _money().finditer(text) if m.group("num")]
    for index, first in enumerate(tokens):
        if not context and not (first.group("pre") or first.group("post")):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if (
                following is None
                or not _BETWEEN.match(text[first.end() : following.start()])
                or not (following.group("pre") or following.group("post"))
            ):
                continue
        after = text[first.end() : first.end() + 12].lower()
        if re.match(
            r"\s*(?:%|percent|years?|yrs?|hours?\b(?!ly)|days?\b|weeks?\b|months?\b|"
            r"people|staff|employees|clients|patients|miles|km)",
            after,
        ) and not first.group("pre"):
            continue
        second = None
        if index + 1 < len(tokens) and _BETWEEN.match(text[first.end() : tokens[index + 1].start()]):
            second = tokens[index + 1]
        return _build(text, first, second)
    return None


def _build(text: str, first: re.Match[str], second: re.Match[str] | None) -> Pay | None:
    sign = (
        first.group("pre")
        or first.group("post")
        or (second.group("pre") or second.group("post") if second else None)
        or ""
    )
    low = _amount(first.group("num"), first.group("mult"))
    high = _amount(second.group("num"), second.group("mult")) if second else None
    shared_unit = second is not None and not first.group("mult") and second.group("mult")
    if shared_unit and high is not None and low < 1000 <= high:
        low = _amount(first.group("num"), second.group("mult") if second else None)
    end = second.end() if second else first.end()
    matched = text[first.start() : end].strip()
    before = text[: first.start()]
    minimum: float | None = low
    maximum: float | None = high
    if second is None:
        if _OPEN_MAX.search(before):
            minimum, maximum = None, low
        elif first.group("plus") or _OPEN_MIN.search(before):
            minimum, maximum = low, None
    if minimum is not None and maximum is not None and maximum < minimum:
        minimum, maximum = maximum, minimum
    if minimum == 0 or maximum == 0:
        return None
    near = period_in(text[end : end + 40]) or period_in(text)
    amount = minimum if minimum is not None else (maximum or 0.0)
    period = near or ("hour" if amount < 500 else "year")
    currency = _signs().get(sign, "USD")
    rest = _FILLER.sub(" ", (before + " " + text[end:]))
    rest = re.sub(r"[^\w]+", " ", rest).strip()
    variable = bool(word_pattern("vocabulary", "variable_pay").search(text))
    pay_only = len(rest.split()) <= 1 and (not variable or second is not None or near is not None)
    return Pay(
        currency,
        minimum,
        maximum,
        period,
        near is not None,
        sign,
        matched,
        pay_only,
        variable,
        _extra(text, end) if variable else "",
    )


def _extra(text: str, end: int) -> str:
    tail = text[end:]
    for _, pattern in _PERIODS:
        tail = re.sub(rf"^\s*(?:{pattern})", "", tail, count=1, flags=re.IGNORECASE)
    tail = re.sub(r"^[\s,;:.)(–—-]*(?:plus|and|with|\+)?\s*", "", tail, flags=re.IGNORECASE).strip()
    if not word_pattern("vocabulary", "variable_pay").search(tail):
        return text.strip()
    return tail[:1].upper() + tail[1:]
