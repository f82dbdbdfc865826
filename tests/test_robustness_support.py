"""Shared pieces of the robustness suite: role files built by hypothesis, and running commands.

This module holds no tests. Text is drawn from scripts and symbols that have broken
programs before: Chinese, right-to-left Arabic, emoji with joiners and skin tones,
combining accents, and the metacharacters of Markdown, HTML and rich markup.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from hirecli.cli.commands import command_infos
from hirecli.cli.main import app

EXIT_CODES = frozenset({0, 1, 2, 130})
"""The documented exit codes of every command."""

CHINESE = "招聘护士软件工程师数据分析团队合作沟通能力负责客户服务"
ARABIC = "مهندس برمجيات ممرضة فريق العمل تواصل مسؤول عن خدمة العملاء"
EMOJI = ("🚀", "👩‍⚕️", "🏳️‍🌈", "👍🏽", "🧑🏿‍💻", "✅", "🇯🇵")
COMBINING = ("e\u0301", "a\u0308", "n\u0303", "o\u0336", "Z\u0351\u0364\u0350")
MARKUP = (
    "*",
    "**",
    "_",
    "#",
    "|",
    "<",
    ">",
    "[",
    "]",
    "&",
    "`",
    "\\",
    "{{",
    "}}",
    "{%",
    "!",
    "~",
    "- ",
    "1. ",
    "[bold]",
    "[/]",
    "[red]x[/red]",
    "[link=https://example.com]y[/link]",
    "<script>alert(1)</script>",
    "&amp;",
    "<b>",
    "](javascript:alert(1))",
    "---",
    "===",
    "> ",
    "    ",
    "\\*",
    "%s",
    "{0}",
    "$1",
)
WORDS = (
    "nurse",
    "Engineer",
    "care",
    "team",
    "data",
    "Customer",
    "safety",
    "CBT",
    "EHR",
    "C++",
    "C#",
    ".NET",
    "Node.js",
    "R&D",
    "24/7",
    "Q&A",
    "O'Brien",
    "naïve",
    "Zürich",
    "São Paulo",
    "Ærø",
    "İstanbul",
)

fragment = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(MARKUP),
    st.sampled_from(EMOJI),
    st.sampled_from(COMBINING),
    st.text(alphabet=CHINESE, min_size=1, max_size=8),
    st.text(alphabet=ARABIC, min_size=1, max_size=12),
    st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs", "M")), max_size=6),
)
"""A piece of text. Unicode's own line and paragraph separators are left out (category Zl/Zp)."""


def _joined(parts: list[str]) -> str:
    return " ".join(parts)


line = st.lists(fragment, min_size=1, max_size=6).map(_joined).filter(lambda s: s.strip() != "")
"""A single line of text with something in it."""
text = (
    st.lists(st.one_of(fragment, st.just("\n"), st.just("\n\n")), min_size=1, max_size=14)
    .map(_joined)
    .filter(lambda s: s.strip() != "")
)
"""Text that may span lines."""

slug = st.from_regex(r"[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
CURRENCIES = ("USD", "EUR", "JPY", "GBP", "INR", "CHF", "CNY", "SAR", "BHD", "KRW")
COUNTRIES = ("US", "DE", "JP", "CN", "SA", "EG", "IL", "IN", "BR", "GB", "CO")


@st.composite
def compensation(draw: st.DrawFn) -> dict[str, Any]:
    """Pay the model accepts: within the currency's range for the period, in its smallest unit."""
    from hirecli.pay import highest_amount, minor_digits

    currency = draw(st.sampled_from(CURRENCIES))
    period = draw(st.sampled_from(("year", "month", "week", "day", "hour")))
    digits, highest = minor_digits(currency), highest_amount(currency, period)
    smallest = 10.0**-digits
    low = draw(
        st.one_of(
            st.integers(1, min(highest, 10_000_000)),
            st.floats(max(0.5, smallest), min(500_000, highest), allow_nan=False)
            .map(lambda x: round(x, digits))
            .filter(lambda x: x >= smallest),
        )
    )
    comp: dict[str, Any] = {"currency": currency, "min": low}
    if draw(st.booleans()):
        comp["max"] = min(low + draw(st.integers(0, 100_000)), highest)
    comp["period"] = period
    if draw(st.booleans()):
        comp["variable_pay"] = draw(text)
    return comp


@st.composite
def location(draw: st.DrawFn) -> dict[str, Any]:
    place: dict[str, Any] = {"city": draw(line), "country": draw(st.sampled_from(COUNTRIES))}
    workplace = draw(st.sampled_from(("onsite", "hybrid", "remote")))
    place["workplace"] = workplace
    if workplace == "remote":
        place["remote_regions"] = draw(st.lists(st.sampled_from(COUNTRIES), max_size=3, unique=True))
    return place


skill = st.one_of(
    line,
    st.builds(
        lambda name, must, weight: {"name": name, "must_have": must, "weight": weight},
        line,
        st.booleans(),
        st.integers(1, 5),
    ),
)


def _name(value: str | dict[str, Any]) -> str:
    return value if isinstance(value, str) else str(value["name"])


def _few(items: st.SearchStrategy[Any], most: int) -> st.SearchStrategy[list[Any]]:
    """A short list without repeats (the loader refuses a list that repeats an item)."""
    return st.lists(items, max_size=most, unique_by=_name)


@st.composite
def valid_role(draw: st.DrawFn) -> dict[str, Any]:
    """A role the model accepts, with random text in every field it has."""
    role: dict[str, Any] = {}
    if draw(st.booleans()):
        role["id"] = draw(slug)
    role["title"] = draw(line)
    optional: dict[str, st.SearchStrategy[Any]] = {
        "tags": _few(line, 3),
        "department": line,
        "reports_to": line,
        "employment_type": st.sampled_from(("full_time", "part_time", "contract", "internship")),
        "schedule": text,
        "location": location(),
        "compensation": compensation(),
        "summary": text,
        "career_path": st.fixed_dictionaries(
            {}, optional={"advancement": _few(line, 2), "lateral_moves": _few(line, 2)}
        ),
        "skills": st.fixed_dictionaries({}, optional={"hard": _few(skill, 3), "soft": _few(skill, 2)}),
        "education": st.fixed_dictionaries({}, optional={"minimum": _few(text, 2)}),
        "experience": st.fixed_dictionaries(
            {}, optional={"min_years": st.integers(0, 10), "description": text}
        ),
        "qualifications": st.fixed_dictionaries(
            {}, optional={"required": _few(text, 2), "preferred": _few(text, 2)}
        ),
        "benefits": _few(text, 2),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            role[key] = draw(strategy)
    role["responsibilities"] = {"primary": draw(_few(text, 5)), "secondary": draw(_few(text, 2))}
    return role


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block-style YAML; every string double-quoted as JSON writes it (valid YAML for any text)."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(item, Mapping | list) and item:
                out.append(f"{pad}{key}:\n{to_yaml(item, indent + 2)}")
            else:
                out.append(f"{pad}{key}: {_scalar(item)}")
    else:
        for item in value:
            if isinstance(item, Mapping) and item:
                inner = to_yaml(item, indent + 2)
                out.append(f"{pad}- {inner.lstrip()}")
            else:
                out.append(f"{pad}- {_scalar(item)}")
    return "\n".join(out)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Mapping):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return json.dumps(value, ensure_ascii=False)


def available(name: str) -> bool:
    """True when this version of hirecli has the command (some land later than others)."""
    return name in command_infos()


def run(args: Sequence[str], **kwargs: Any) -> Result:
    """Run hirecli in-process and check what every run must satisfy, whatever its input."""
    result = CliRunner().invoke(app, list(args), **kwargs)
    check_clean(result, args)
    return result


def check_clean(result: Result, args: Sequence[str]) -> None:
    shown = " ".join(str(a) for a in args)
    assert result.exit_code in EXIT_CODES, f"hirecli {shown}: exit {result.exit_code}\n{result.output}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"hirecli {shown} raised {result.exception!r}"
    )
    assert "Traceback" not in result.output, f"hirecli {shown} printed a traceback:\n{result.output}"
    assert "internal error" not in result.output, f"hirecli {shown}:\n{result.output}"


def write_role(folder: Path, role: Mapping[str, Any] | str | bytes, name: str = "role.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    data = role if isinstance(role, str | bytes) else to_yaml(role) + "\n"
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path
