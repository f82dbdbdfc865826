"""Pay lines and country names come from the CLDR table, and say exactly what Babel says."""

from __future__ import annotations

import ast
import importlib.util
import itertools
import string
from decimal import Decimal
from types import ModuleType

import pytest
from babel import Locale
from babel.numbers import get_currency_precision

from hirecli import cldr
from hirecli.cldr import babel_amount, babel_locale
from hirecli.pay import UNITS_PER_USD, format_amount, format_pay, minor_digits
from paths import ROOT

COUNTRIES = ["".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cldr_table", ROOT / "scripts" / "cldr_table.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_is_in_step_with_babel() -> None:
    assert cldr.TABLE.read_text(encoding="utf-8") == _script().text(), "run: python scripts/cldr_table.py"


def test_locale_of_every_country_code_is_babels() -> None:
    assert [cldr.locale_for(code) for code in COUNTRIES] == [babel_locale(code) for code in COUNTRIES]
    assert cldr.locale_for(None) == cldr.locale_for("") == babel_locale(None) == "en_US"
    assert cldr.locale_for("us") is None
    assert cldr.locale_for("USA") is None


def _one_country_per_locale() -> dict[str, str]:
    found: dict[str, str] = {}
    for code in ["US", *COUNTRIES]:
        found.setdefault(babel_locale(code), code)
    return found


@pytest.mark.parametrize(("value", "whole"), [(1234567, True), (1000000.25, False)])
def test_every_amount_is_shown_as_babel_shows_it(value: float, whole: bool) -> None:
    differ = []
    for locale, country in _one_country_per_locale().items():
        for currency in UNITS_PER_USD:
            digits = 0 if whole else minor_digits(currency)
            shown = format_amount(value, currency, whole=whole, country=country)
            if shown != babel_amount(Decimal(repr(value)), currency, digits, locale):
                differ.append((country, currency, shown))
    assert not differ


def test_amounts_babel_shows_oddly_are_shown_the_same_way() -> None:
    # Babel reads the Swiss group separator as a quote: a million loses its separators.
    assert format_amount(1000000, "CHF", whole=True, country="CH") == "CHF1000000"
    assert format_amount(55000, "CHF", whole=True, country="CH") == "CHF55'000"
    assert format_amount(1234.5, "EUR", whole=False, country="FR") == "€1\u202f234,50"
    assert format_amount(19.5, "JOD", whole=False, country="JO") == "JOD19.500"


def test_what_the_table_does_not_hold_is_asked_of_babel() -> None:
    assert format_amount(10, "USD", whole=True, country="usa") == babel_amount(Decimal(10), "USD", 0, "en_US")
    assert format_amount(-5, "USD", whole=True) == babel_amount(Decimal(-5), "USD", 0, "en_US")
    assert minor_digits("CLF") == get_currency_precision("CLF")


def test_currency_digits_and_country_names_are_babels() -> None:
    assert {code: minor_digits(code) for code in UNITS_PER_USD} == {
        code: get_currency_precision(code) for code in UNITS_PER_USD
    }
    names = Locale("en").territories
    assert {code: cldr.country_name(code) for code in names} == {
        code: str(name) for code, name in names.items()
    }
    assert cldr.country_name("XQ") == "XQ"


class _Pay:
    currency = "USD"
    min: float | None = 55000
    max: float | None = 95000.0
    period = "year"


def test_pay_line_takes_anything_shaped_like_compensation() -> None:
    assert format_pay(_Pay(), "US") == "$55,000 – $95,000 per year"
    assert format_pay(_Pay(), "CA") == "US$55,000 – US$95,000 per year"


def test_pay_knows_nothing_of_the_model() -> None:
    """The model's fields check currencies and amounts with ``pay``: it must not import them back."""
    tree = ast.parse((ROOT / "src" / "hirecli" / "pay.py").read_text(encoding="utf-8"))
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)] + [
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    ]
    assert not [name for name in imported if name.startswith("hirecli.model")]
