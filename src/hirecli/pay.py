"""Pay shown the way readers expect it, by CLDR's rules.

The CLDR facts come from the table in :mod:`hirecli.cldr` (made from Babel); Babel itself is
asked only what the table does not hold. This module is the bottom of the role model: the
model's fields check currencies and amounts with it, and it knows nothing of the model.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from hirecli import cldr

PERIOD_WORDS = {
    "year": "per year",
    "month": "per month",
    "week": "per week",
    "day": "per day",
    "hour": "per hour",
}
RANGE_DASH = "\u2013"


class PayRange(Protocol):
    """What a pay line is made from (a role's ``compensation``)."""

    @property
    def currency(self) -> str: ...
    @property
    def min(self) -> float | None: ...
    @property
    def max(self) -> float | None: ...
    @property
    def period(self) -> str: ...


def _quoted(match: re.Match[str]) -> str:
    return match.group(1) or "'"


def format_amount(value: float, currency: str, *, whole: bool, country: str | None = None) -> str:
    """One amount: ``$55,000``, ``$19.50``, ``¥5,000,000``."""
    digits = 0 if whole else minor_digits(currency)
    in_table = cldr.locale_for(country)
    locale = in_table or cldr.babel_locale(country)
    symbol = cldr.currency_symbol(currency, in_table) if in_table else None
    number = _decimal(value)
    if symbol is None or not number.is_finite() or number <= 0:
        return cldr.babel_amount(number, currency, digits, locale)
    group, point = cldr.number_symbols(locale)
    rounded = number.normalize().quantize(Decimal(10) ** -digits)
    integer, _, fraction = f"{rounded:f}".partition(".")
    groups: list[str] = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    shown = symbol + group.join([integer, *groups]) + (point + fraction if digits else "")
    # Babel reads the result as a pattern once more: text between two single quotes loses them
    # (a Swiss amount of a million, 1'000'000, comes out as 1000000); so do we, to match it.
    return re.sub(r"'([^']*)'", _quoted, shown) if "'" in shown else shown


def format_pay(comp: PayRange, country: str | None = None) -> str:
    """The whole pay line: ``$55,000 – $95,000 per year``; empty when no amount is set."""
    if comp.min is None:
        return ""
    amounts = [comp.min] if comp.max is None or comp.max == comp.min else [comp.min, comp.max]
    whole = all(float(a).is_integer() for a in amounts)
    shown = [format_amount(a, comp.currency, whole=whole, country=country) for a in amounts]
    return f" {RANGE_DASH} ".join(shown) + f" {PERIOD_WORDS[comp.period]}"


# ---- what an amount may be ------------------------------------------------------------

UNITS_PER_USD: dict[str, float] = {
    "AED": 3.7,
    "AFN": 70,
    "ALL": 95,
    "AMD": 400,
    "ANG": 1.8,
    "AOA": 900,
    "ARS": 1000,
    "AUD": 1.5,
    "AWG": 1.8,
    "AZN": 1.7,
    "BAM": 1.8,
    "BBD": 2,
    "BDT": 120,
    "BGN": 1.8,
    "BHD": 0.38,
    "BIF": 2900,
    "BMD": 1,
    "BND": 1.35,
    "BOB": 7,
    "BRL": 5.5,
    "BSD": 1,
    "BTN": 85,
    "BWP": 14,
    "BYN": 3.3,
    "BZD": 2,
    "CAD": 1.4,
    "CDF": 2900,
    "CHF": 0.9,
    "CLP": 950,
    "CNY": 7.3,
    "COP": 4100,
    "CRC": 510,
    "CUC": 1,
    "CUP": 24,
    "CVE": 100,
    "CZK": 23,
    "DJF": 178,
    "DKK": 7,
    "DOP": 60,
    "DZD": 135,
    "EGP": 50,
    "ERN": 15,
    "ETB": 125,
    "EUR": 0.92,
    "FJD": 2.3,
    "FKP": 0.8,
    "GBP": 0.8,
    "GEL": 2.7,
    "GHS": 15,
    "GIP": 0.8,
    "GMD": 72,
    "GNF": 8600,
    "GTQ": 7.7,
    "GYD": 210,
    "HKD": 7.8,
    "HNL": 25,
    "HTG": 132,
    "HUF": 370,
    "IDR": 16000,
    "ILS": 3.7,
    "INR": 85,
    "IQD": 1310,
    "IRR": 600000,
    "ISK": 138,
    "JMD": 157,
    "JOD": 0.71,
    "JPY": 155,
    "KES": 130,
    "KGS": 87,
    "KHR": 4050,
    "KMF": 460,
    "KPW": 900,
    "KRW": 1400,
    "KWD": 0.31,
    "KYD": 0.83,
    "KZT": 500,
    "LAK": 22000,
    "LBP": 90000,
    "LKR": 300,
    "LRD": 190,
    "LSL": 18,
    "LYD": 4.8,
    "MAD": 10,
    "MDL": 18,
    "MGA": 4600,
    "MKD": 58,
    "MMK": 4000,
    "MNT": 3400,
    "MOP": 8,
    "MRU": 40,
    "MUR": 46,
    "MVR": 15.4,
    "MWK": 1750,
    "MXN": 20,
    "MYR": 4.5,
    "MZN": 64,
    "NAD": 18,
    "NGN": 1600,
    "NIO": 37,
    "NOK": 11,
    "NPR": 135,
    "NZD": 1.7,
    "OMR": 0.38,
    "PAB": 1,
    "PEN": 3.8,
    "PGK": 4,
    "PHP": 58,
    "PKR": 280,
    "PLN": 4,
    "PYG": 7800,
    "QAR": 3.64,
    "RON": 4.6,
    "RSD": 110,
    "RUB": 100,
    "RWF": 1400,
    "SAR": 3.75,
    "SBD": 8.4,
    "SCR": 14,
    "SDG": 600,
    "SEK": 11,
    "SGD": 1.35,
    "SHP": 0.8,
    "SLE": 23,
    "SLL": 23000,
    "SOS": 571,
    "SRD": 35,
    "SSP": 5000,
    "STN": 23,
    "SVC": 8.75,
    "SYP": 13000,
    "SZL": 18,
    "THB": 35,
    "TJS": 11,
    "TMT": 3.5,
    "TND": 3.1,
    "TOP": 2.4,
    "TRY": 35,
    "TTD": 6.8,
    "TWD": 32,
    "TZS": 2700,
    "UAH": 42,
    "UGX": 3700,
    "USD": 1,
    "UYU": 42,
    "UZS": 12900,
    "VED": 500,
    "VES": 500,
    "VND": 25500,
    "VUV": 120,
    "WST": 2.8,
    "XAF": 610,
    "XCD": 2.7,
    "XCG": 1.8,
    "XOF": 610,
    "XPF": 111,
    "YER": 250,
    "ZAR": 18,
    "ZMW": 27,
    "ZWG": 27,
    "ZWL": 30000,
}
"""The ISO 4217 currencies pay is given in, each with about how many units one US dollar buys
(an order of magnitude is all the bounds below need)."""

NOT_FOR_PAY = frozenset(
    {
        "BOV",
        "CHE",
        "CHW",
        "CLF",
        "COU",
        "MXV",
        "USN",
        "UYI",
        "UYW",  # funds and units of account
        "XAG",
        "XAU",
        "XPD",
        "XPT",  # precious metals
        "XBA",
        "XBB",
        "XBC",
        "XBD",
        "XDR",
        "XSU",
        "XUA",  # bond-market and other units
        "XTS",
        "XXX",  # testing, and "no currency"
    }
)
"""ISO 4217 codes that name no currency a salary is paid in."""

HIGHEST_USD = {"year": 10_000_000, "month": 1_000_000, "week": 250_000, "day": 50_000, "hour": 10_000}
"""More than any job posting pays, in US dollars per period; other currencies are scaled by
their rate with a wide margin (:func:`highest_amount`)."""
MARGIN = 10
MAX_DIGITS = 15
"""Significant digits an amount may have: every one of them survives a float."""


def currency_problem(code: str) -> str | None:
    """Why ``code`` is not a currency pay can be given in, or ``None``."""
    if code in UNITS_PER_USD:
        return None
    if code in NOT_FOR_PAY:
        return (
            f"{code!r} is an ISO 4217 code, but not of a currency pay is given in (a fund, "
            "precious metal or test code); use the currency of the country, e.g. USD or EUR"
        )
    return f"{code!r} is not an ISO 4217 currency code; use one such as USD, EUR, GBP or JPY"


def minor_digits(currency: str) -> int:
    """How many decimals amounts of ``currency`` are shown with (CLDR's rule)."""
    return cldr.currency_digits(currency)


def highest_amount(currency: str, period: str) -> int:
    """The largest amount of ``currency`` per ``period`` that is taken as pay."""
    rate = max(1.0, UNITS_PER_USD.get(currency, 1.0))
    return int(HIGHEST_USD.get(period, HIGHEST_USD["year"]) * rate * MARGIN)


def plain_number(value: float | int | Decimal) -> str:
    """A number as a person writes it: ``55,000``, ``19.5``, never ``1e+28``."""
    number = value if isinstance(value, Decimal) else _decimal(value)
    if not number.is_finite():
        return str(value)
    text = f"{number.normalize():f}"
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-') or '0'):,}"
    return sign + grouped + (f".{fraction}" if fraction else "")


def _decimal(value: float | int) -> Decimal:
    """The decimal a person wrote: floats read from text round-trip through ``repr``."""
    return Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))


def amount_problem(value: float | int, currency: str, period: str, name: str) -> str | None:
    """Why ``value`` cannot be an amount of ``currency`` per ``period``, or ``None``.

    An amount must be finite, no larger than any pay could be, at least the currency's
    smallest unit, and have no more decimals than the currency is shown with, so that
    every format shows the same number.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return f"{name} must be a finite number"
    number = _decimal(value)
    digits = minor_digits(currency) if currency in UNITS_PER_USD else 2
    smallest = Decimal(1).scaleb(-digits)
    highest = highest_amount(currency, period)
    if number > highest:
        return (
            f"{name} ({plain_number(number)}) is more than any pay per {period} in {currency} "
            f"(at most {plain_number(highest)}); check the amount and the period"
        )
    if 0 < number < smallest:
        return (
            f"{name} ({plain_number(number)}) is less than the smallest amount of {currency} "
            f"({plain_number(smallest)})"
        )
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > digits:
        if digits == 0:
            return f"{name} ({plain_number(number)}): {currency} amounts are whole numbers"
        return (
            f"{name} ({plain_number(number)}) has more decimals than {currency} uses ({digits}); "
            f"round it to {digits}"
        )
    return None


def json_amount(value: float | int, currency: str) -> int | float:
    """An amount for JSON-LD and feeds: the same number the posting shows (``38.5``, ``55000``)."""
    digits = minor_digits(currency)
    number = _decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return int(number) if number == number.to_integral_value() else float(number)


def pay_problem(low: float | int | None, high: float | int | None, currency: str, period: str) -> str | None:
    """Why a pay range read from somewhere (an imported job ad) cannot be a role's
    compensation, or ``None``: the checks the role model makes, without a model."""
    problem = currency_problem(currency)
    if problem:
        return problem
    for name, value in (("the lowest amount", low), ("the highest amount", high)):
        if value is not None:
            problem = amount_problem(value, currency, period, name)
            if problem:
                return problem
    return None
