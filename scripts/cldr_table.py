"""Write ``src/hirecli/data/cldr.txt``, the CLDR facts hirecli shows pay and places with, from Babel.

Run ``python scripts/cldr_table.py`` after upgrading Babel; ``--check`` exits 1 when the table
is out of step with the Babel installed (the test suite runs the same check).

The table has one section a line: its name, then ``key=value`` items, separated by tabs.
"""

from __future__ import annotations

import itertools
import string
import sys

from babel import Locale, __version__
from babel.numbers import get_currency_precision, get_currency_symbol, get_decimal_symbol, get_group_symbol

from hirecli.cldr import DEFAULT_LOCALE, TABLE, babel_locale
from hirecli.pay import UNITS_PER_USD

HEADER = (
    "# The CLDR facts hirecli shows pay and places with, written from Babel by scripts/cldr_table.py;\n"
    "# do not edit. One section a line: its name, then key=value items, separated by tabs.\n"
)


def rows() -> list[tuple[str, str, str]]:
    """Every fact of the table, in the order it is written."""
    found = [("babel", "version", str(__version__))]
    currencies = sorted(UNITS_PER_USD)
    found += [("digits", code, str(get_currency_precision(code))) for code in currencies]
    countries = ["".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)]
    locales = {code: babel_locale(code) for code in countries}
    found += [("locale", code, locale) for code, locale in locales.items() if locale != DEFAULT_LOCALE]
    for locale in sorted({DEFAULT_LOCALE, *locales.values()}):
        group, point = get_group_symbol(locale), get_decimal_symbol(locale)
        found += [("group", locale, group)] if group != "," else []
        found += [("decimal", locale, point)] if point != "." else []
    found += [("symbol", f"en:{code}", str(get_currency_symbol(code, "en"))) for code in currencies]
    for locale in sorted({DEFAULT_LOCALE, *locales.values()}):
        for code in currencies:
            symbol = str(get_currency_symbol(code, locale))
            if symbol != get_currency_symbol(code, "en"):
                found.append(("symbol", f"{locale}:{code}", symbol))
    found += [("country", code, str(name)) for code, name in sorted(Locale("en").territories.items())]
    return found


def text() -> str:
    sections: dict[str, list[str]] = {}
    for section, key, value in rows():
        if "=" in key or any(char in key + value for char in "\t\r\n"):
            raise ValueError(f"{section} {key!r}: {value!r} cannot be written in the table")
        sections.setdefault(section, []).append(f"{key}={value}")
    return HEADER + "".join(f"{section}\t" + "\t".join(items) + "\n" for section, items in sections.items())


def main(argv: list[str]) -> int:
    wanted = text()
    if "--check" in argv:
        current = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
        if current != wanted:
            print(f"{TABLE} is out of step with Babel {__version__}: run python scripts/cldr_table.py")
            return 1
        return 0
    TABLE.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
