"""Lines that belong somewhere other than where they stand: equal opportunity statements,
how to apply, pay differentials and bonuses, duties written under a summary heading."""

from __future__ import annotations

import re

from hirecli.importers.mend import verb_set

_EEO = re.compile(
    r"\bequal\s+(?:employment\s+)?opportunit|\bEEO\b|\bdo(?:es)?\s+not\s+discriminate|\bwithout\s+regard\s+to\b"
    r"|\baffirmative\s+action\b|\bprotected\s+(?:veteran|characteristic|class|status)"
    r"|\bvalues?\s+diversity\b.*\bemployer\b|\bdisability\s+confident\b",
    re.IGNORECASE,
)
_APPLY = re.compile(
    r"^(?:to\s+apply|apply\s+(?:at|via|online|through|by|here|now|today|on)|how\s+to\s+apply"
    r"|send\s+(?:your|a|us|in)\b|e-?mail\s+(?:your|us)\b|please\s+(?:send|apply|submit|e-?mail)\b"
    r"|submit\s+(?:your|an|a)\s+(?:cv|resume|résumé|application)|complete\s+the\s+application"
    r"|applications?\s+(?:close|closing|deadline|will\s+be\s+reviewed)|closing\s+date|interested\s+candidates"
    r"|interviews?\s+will\s+be\s+held|to\s+be\s+considered)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"https?://[^\s)>\]]+")
_VARIABLE = re.compile(
    r"\b(?:differential|bonus(?:es)?|commissions?|on-target\s+earnings|OTE|equity|stock\s+options|RSUs?"
    r"|tips|gratuities|profit[\s-]sharing|incentive\s+pay|overtime\s+(?:pay|rate))\b",
    re.IGNORECASE,
)
_AMOUNT = re.compile(r"[$£€¥₹]\s?\d|\d\s?%|\d+(?:\.\d+)?\s*(?:per|an|a)\s+hour|\bpercent\b", re.IGNORECASE)
_NOT_PAY = re.compile(
    r"^(?:experience|knowledge|proven|track\s+record|familiar|ability|able)\b", re.IGNORECASE
)


def is_eeo(text: str) -> bool:
    """An equal opportunity or non-discrimination statement."""
    return bool(_EEO.search(text))


def is_apply(text: str) -> bool:
    """An instruction about how or when to apply."""
    return bool(_APPLY.match(text.strip()))


def contacts(text: str) -> list[tuple[str, str]]:
    """("email", address) and ("url", link) pairs a line gives for applying."""
    found = [("email", m.group().rstrip(".")) for m in _EMAIL.finditer(text)]
    found += [("url", m.group().rstrip(".,;")) for m in _URL.finditer(text)]
    return found


def is_variable_pay(text: str) -> bool:
    """A pay differential, bonus or commission with an amount: pay beyond the base."""
    return bool(_VARIABLE.search(text) and _AMOUNT.search(text) and not _NOT_PAY.match(text.strip()))


def is_duty(text: str) -> bool:
    """A line that opens with a verb, as a duty does ("Teach science to ...")."""
    first = re.match(r"[A-Za-z]+", text.strip())
    return bool(first and first.group().lower() in verb_set())
