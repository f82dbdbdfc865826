"""Numbers and dates an attacker or an unlucky user writes: refused at the model, shown alike.

Pay of 10^28 or hundreds of digits, amounts that overflow to infinity, an inverted pair
of huge amounts, amounts below a cent or with more decimals than the currency has,
currency codes that are not ISO 4217 and codes in other scripts' digits: every one is a
one-line problem at its line and column in every command, never an internal error or a
wrong fact ("$∞ per year", "$0.00", JSON-LD's invalid ``Infinity``). A valid amount is the
same number in the posting and in its JSON-LD. Dates stay in the calendar.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirecli.pay import highest_amount, minor_digits
from test_robustness_support import run

DATE = ["--date", "2026-03-02"]
FUZZ = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
HUGE = {
    "ten-to-the-28": ("10000000000000000000000000000", "10000000000000000000000000001"),
    "hundreds-of-digits": ("9" * 400, "9" * 401),
    "inverted-huge": ("9" * 31, "9" * 30),
    "inverted-huge-short": ("900000000000000", "800000000000000"),
    "beyond-int-digits-limit": ("9" * 5000, None),
    "float-overflow": ("1" + "0" * 400 + ".0", None),
    "long-fraction": ("1." + "5" * 500, None),
    "more-than-any-pay": ("1000000000000", None),
    "hourly-millions": ("5000000", None),
}
"""Amounts that must be refused; the period is ``hour`` for the last, ``year`` otherwise."""


def _role(
    folder: Path,
    low: str,
    high: str | None = None,
    *,
    currency: str = "USD",
    period: str = "year",
    extra: str = "",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pay.yaml"
    lines = [
        "id: pay-role",
        "title: Registered Nurse",
        "compensation:",
        f"  currency: {currency}",
        f"  min: {low}",
    ]
    if high is not None:
        lines.append(f"  max: {high}")
    lines.append(f"  period: {period}")
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


COMMANDS = {
    "validate": ["validate", "{role}"],
    "posting md": ["posting", "{role}", "--format", "md", *DATE],
    "posting jsonld": ["posting", "{role}", "--format", "jsonld", *DATE],
    "posting html": ["posting", "{role}", "--format", "html", *DATE],
    "list": ["list", "{folder}", "--format", "json"],
    "export": ["export", "{role}", "--md", "--jsonld", "--what", "posting", "-o", "{out}", *DATE],
    "scorecard": ["scorecard", "{role}", "--format", "md"],
    "lint": ["lint", "{role}", "--format", "json"],
}


def _args(name: str, role: Path, tmp_path: Path) -> list[str]:
    return [a.format(role=role, folder=role.parent, out=tmp_path / "out") for a in COMMANDS[name]]


@pytest.mark.parametrize("case", list(HUGE))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_huge_and_impossible_amounts_are_refused_cleanly(tmp_path: Path, case: str, command: str) -> None:
    low, high = HUGE[case]
    role = _role(tmp_path / "roles", low, high, period="hour" if case == "hourly-millions" else "year")
    result = run(_args(command, role, tmp_path))
    shown = result.stdout + result.stderr
    assert result.exit_code == 1, shown[-2000:]
    assert "set_int_max_str_digits" not in shown
    assert "∞" not in shown
    assert "Infinity" not in shown
    if command == "validate":
        assert re.search(r"pay\.yaml:[56]:\d+: compensation\.m(in|ax)", result.stdout), result.stdout[-1000:]
        lines = [line for line in result.stdout.splitlines() if "compensation" in line]
        assert all(len(line) < 400 for line in lines), "a message must not repeat a huge number in full"


@pytest.mark.parametrize(
    ("currency", "low", "high", "period", "words"),
    [
        ("USD", "0.001", "0.004", "hour", "smallest amount of USD"),
        ("USD", "0.004", None, "hour", "smallest amount of USD"),
        ("USD", "38.499999", "40", "hour", "more decimals than USD"),
        ("JPY", "12.5", "13", "hour", "JPY amounts are whole numbers"),
        ("BHD", "1.2345", None, "hour", "more decimals than BHD"),
        ("XYZ", "10", "20", "hour", "not an ISO 4217 currency"),
        ("XAU", "10", "20", "hour", "not of a currency pay is given in"),
        ("XXX", "10", "20", "hour", "not of a currency pay is given in"),
        ("usd", "10", "20", "hour", "ISO 4217 currency code of three capital letters"),
    ],
)
def test_amounts_and_currencies_that_cannot_be_shown_right(
    tmp_path: Path, currency: str, low: str, high: str | None, period: str, words: str
) -> None:
    role = _role(tmp_path, low, high, currency=currency, period=period)
    result = run(["validate", str(role)])
    assert result.exit_code == 1
    assert words in result.stdout, result.stdout
    assert "pattern" not in result.stdout
    assert "^" not in result.stdout
    posting = run(["posting", str(role), "--format", "md", *DATE])
    assert posting.exit_code == 1
    assert "0.00 –" not in posting.stdout


@pytest.mark.parametrize("code", ["٢١-١٠١٤.٠٠", "２１-１０１４.００", "21-1014.٠٠", "۲۱-۱۰۱۴"])
def test_occupation_codes_take_ascii_digits_only(tmp_path: Path, code: str) -> None:
    path = tmp_path / "code.yaml"
    path.write_text(f'title: Nurse\noccupation_code: "{code}"\n', encoding="utf-8")
    result = run(["validate", str(path)])
    assert result.exit_code == 1
    assert "code.yaml:2:18: occupation_code:" in result.stdout
    assert "\\d" not in result.stdout


def _amounts(draw: st.DrawFn) -> tuple[str, str, str, str | None]:
    currency = draw(st.sampled_from(["USD", "EUR", "GBP", "JPY", "KRW", "BHD", "INR", "CHF"]))
    period = draw(st.sampled_from(["year", "month", "week", "day", "hour"]))
    digits = minor_digits(currency)
    highest = highest_amount(currency, period)
    unit = Decimal(1).scaleb(-digits)
    low_units = draw(st.integers(1, min(highest, 10**9) * 10**digits))
    low = Decimal(low_units) * unit
    high = None
    if draw(st.booleans()):
        high = min(low + Decimal(draw(st.integers(0, 10**6))) * unit, Decimal(highest))
    return currency, period, str(low), None if high is None else str(high)


@settings(FUZZ, max_examples=40)
@given(st.data())
def test_a_valid_amount_is_the_same_number_in_the_posting_and_its_json_ld(
    tmp_path: Path, data: st.DataObject
) -> None:
    currency, period, low, high = _amounts(data.draw)
    role = _role(tmp_path / "same", low, high, currency=currency, period=period)
    text = run(["posting", str(role), "--format", "text", *DATE])
    assert text.exit_code == 0, text.output
    jsonld = run(["posting", str(role), "--format", "jsonld", *DATE])
    salary = json.loads(jsonld.stdout, parse_constant=_no_constant)["baseSalary"]["value"]
    numbers = [salary["value"]] if "value" in salary else [salary["minValue"], salary["maxValue"]]
    pay_line = next(line for line in text.stdout.splitlines() if line.startswith("Pay:"))
    shown = [Decimal(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", pay_line)]
    assert shown == [Decimal(str(n)) for n in numbers], (pay_line, numbers)
    assert all(Decimal(str(n)) == Decimal(v) for n, v in zip(numbers, [low, high or low], strict=False))


def _no_constant(name: str) -> object:
    raise AssertionError(f"JSON-LD holds {name}, which is not JSON")


@settings(FUZZ, max_examples=60)
@given(
    st.one_of(
        st.from_regex(r"[0-9]{1,600}(\.[0-9]{0,600})?", fullmatch=True),
        st.integers(-(10**30), 10**30).map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.sampled_from(["1e28", "1E400", ".5", "0", "-0.0", "00012", "+5", "inf", "nan", "∞", "١٢٣"]),
    )
)
def test_any_number_text_is_accepted_or_refused_never_crashes(tmp_path: Path, amount: str) -> None:
    role = _role(tmp_path / "any", f'"{amount}"' if not amount[:1].isdigit() else amount)
    checked = run(["validate", str(role)])
    posting = run(["posting", str(role), "--format", "jsonld", *DATE])
    if checked.exit_code == 0:
        assert posting.exit_code == 0, posting.output
        json.loads(posting.stdout, parse_constant=_no_constant)
    else:
        assert posting.exit_code == 1
        assert "set_int_max_str_digits" not in checked.stdout + posting.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--date", "9999-12-31", "--valid-days", "1"], 2),
        (["--date", "9999-12-20", "--valid-days", "30"], 2),
        (["--date", "9999-12-31", "--valid-days", "3650"], 2),
        (["--date", "9999-12-01", "--valid-days", "30"], 0),
        (["--date", "0001-01-01"], 2),
        (["--date", "1899-12-31"], 2),
        (["--date", "9999-12-31"], 0),
        (["--date", "10000-01-01"], 2),
        (["--date", "２０２６-０１-０１"], 2),
    ],
)
def test_dates_near_the_ends_of_the_calendar(tmp_path: Path, args: list[str], code: int) -> None:
    role = _role(tmp_path, "55000", "65000")
    for fmt in ("jsonld", "md", "html"):
        result = run(["posting", str(role), "--format", fmt, *args])
        assert result.exit_code == code, result.output
        if code == 2:
            assert result.stderr.startswith("error: --")
    if "--valid-days" not in args:
        exported = run(
            [
                "export",
                str(role),
                "--md",
                "--docx",
                "--what",
                "posting",
                "-o",
                str(tmp_path / "out"),
                "--force",
                *args,
            ]
        )
        assert exported.exit_code == code, exported.output


def test_large_but_plausible_pay_in_weak_currencies_is_accepted(tmp_path: Path) -> None:
    for currency, amount in (
        ("IDR", "180000000"),
        ("VND", "480000000"),
        ("KRW", "95000000"),
        ("IRR", "9000000000"),
        ("JPY", "12000000"),
    ):
        role = _role(tmp_path / currency, amount, currency=currency)
        result = run(["posting", str(role), "--format", "jsonld", *DATE])
        assert result.exit_code == 0, (currency, result.output)
        value = json.loads(result.stdout)["baseSalary"]["value"]["value"]
        assert Decimal(str(value)) == Decimal(amount)
