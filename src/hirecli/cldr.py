"""The CLDR facts hirecli shows pay and places with, read from a table made from Babel.

Babel unpickles its locale data (hundreds of kilobytes) on first use, which costs a posting more
than everything else about its pay line. The few facts a posting needs (how many decimals a
currency has, which English locale a country writes amounts in, that locale's digit grouping
and currency symbols, the English names of countries) are kept in ``data/cldr.txt``, written
from Babel by ``scripts/cldr_table.py``; a test checks the table against the Babel installed.
What the table does not hold is asked of Babel (the ``babel_`` functions, which also made it).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "cldr.txt"
"""One section a line: its name, then ``key=value`` items, all separated by tabs (UTF-8; some
values are spaces that do not look like one, such as the narrow no-break space of en_FR)."""
DEFAULT_LOCALE = "en_US"


@cache
def _lines() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("#"):
            name, _, items = line.partition("\t")
            found[name] = items
    return found


@cache
def section(name: str) -> dict[str, str]:
    """One section of the table (``digits``, ``locale``, ``group``, ``decimal``, ``symbol``,
    ``country``), read when first asked for."""
    items = _lines().get(name, "")
    return dict(item.split("=", 1) for item in items.split("\t")) if items else {}


def currency_digits(currency: str) -> int:
    """The decimals amounts of ``currency`` are shown with."""
    digits = section("digits").get(currency)
    if digits is not None:
        return int(digits)
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


def locale_for(country: str | None) -> str | None:
    """The English locale whose conventions amounts in ``country`` follow (``en_US`` when none has
    them); ``None`` for a code the table does not cover (anything but two capital letters)."""
    if country is None or country == "":
        return DEFAULT_LOCALE
    if len(country) != 2 or not ("A" <= country[0] <= "Z" and "A" <= country[1] <= "Z"):
        return None
    return section("locale").get(country, DEFAULT_LOCALE)


def number_symbols(locale: str) -> tuple[str, str]:
    """The digit group separator and decimal mark of ``locale``."""
    return section("group").get(locale, ","), section("decimal").get(locale, ".")


def currency_symbol(currency: str, locale: str) -> str | None:
    """The symbol of ``currency`` in ``locale`` (``$``, ``US$``, ``CHF``), for a locale that
    :func:`locale_for` gives; ``None`` for a currency not in the table."""
    symbols = section("symbol")
    own = f"{locale}:{currency}"
    return symbols[own] if own in symbols else symbols.get(f"en:{currency}")


def country_name(code: str) -> str:
    """The English name of a CLDR territory code ("US" -> "United States"); other codes as given."""
    return section("country").get(code, code)


@lru_cache(maxsize=64)
def babel_locale(country: str | None) -> str:
    """The English locale Babel has for ``country``, else ``en_US``."""
    from babel import Locale, UnknownLocaleError

    if country:
        try:
            return str(Locale.parse(f"en_{country}"))
        except (UnknownLocaleError, ValueError):
            pass
    return DEFAULT_LOCALE


def babel_amount(number: Decimal, currency: str, digits: int, locale: str) -> str:
    """An amount with its currency symbol, formatted by Babel (``$55,000``, ``€1.234,50``)."""
    from babel.numbers import format_currency

    pattern = "¤#,##0" + ("." + "0" * digits if digits else "")
    return str(format_currency(number, currency, format=pattern, locale=locale, currency_digits=False))
