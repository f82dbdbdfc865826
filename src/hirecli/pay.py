"""Pay shown the way readers expect it, by CLDR's rules (through Babel)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hirecli.model.role import Compensation

PERIOD_WORDS = {"year": "per year", "month": "per month", "week": "per week",
                "day": "per day", "hour": "per hour"}
RANGE_DASH = "\u2013"


@lru_cache(maxsize=64)
def _locale(country: str | None) -> str:
    from babel import Locale, UnknownLocaleError

    if country:
        try:
            return str(Locale.parse(f"en_{country}"))
        except (UnknownLocaleError, ValueError):
            pass
    return "en_US"


def format_amount(value: float, currency: str, *, whole: bool, country: str | None = None) -> str:
    """One amount: ``$55,000``, ``$19.50``, ``¥5,000,000``."""
    from babel.numbers import format_currency, get_currency_precision

    digits = 0 if whole else get_currency_precision(currency)
    pattern = "¤#,##0" + ("." + "0" * digits if digits else "")
    return format_currency(value, currency, format=pattern, locale=_locale(country),
                           currency_digits=False)


def format_pay(comp: Compensation, country: str | None = None) -> str:
    """The whole pay line: ``$55,000 – $95,000 per year``; empty when no amount is set."""
    if comp.min is None:
        return ""
    amounts = [comp.min] if comp.max is None or comp.max == comp.min else [comp.min, comp.max]
    whole = all(float(a).is_integer() for a in amounts)
    shown = [format_amount(a, comp.currency, whole=whole, country=country) for a in amounts]
    return f" {RANGE_DASH} ".join(shown) + f" {PERIOD_WORDS[comp.period]}"
