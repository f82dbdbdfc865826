"""Channels: the data file, plain titles, limits, trimming with notices, and --strict."""

from __future__ import annotations

import datetime
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hirecli.builders.posting.build import build_posting_with_report
from hirecli.builders.posting.title import plain_title, shorten_title
from hirecli.channels import DATA_FILE, FACTS, SECTIONS, _channel, channels, get_channel
from hirecli.cli.main import app
from hirecli.document import Heading, plain
from hirecli.errors import ExitCode, UnknownFormatError
from hirecli.model.loader import load_company, load_role, load_role_text
from hirecli.model.role import Location, Role
from hirecli.writers import WriteOptions, render
from paths import ROLES, SEED_ROLE

DATE = datetime.date(2026, 1, 15)
EXAMPLES = sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml")


def visible_words(text: str) -> int:
    """Words a reader sees: tokens with a letter or digit (not bullets or underlines)."""
    return sum(1 for token in text.split() if re.search(r"\w", token))


def big_role(items: int = 200) -> Role:
    lines = "\n".join(
        f"    - Duty number {n} with enough words to take real room on a job board, "
        f"{'and then some more words ' * 6}in every line."
        for n in range(1, items + 1)
    )
    return load_role_text(
        f"title: Night Shift Nurse\nresponsibilities:\n  primary:\n{lines}\n", "big.yaml"
    ).model


def test_the_data_file_defines_the_required_channels() -> None:
    assert {"careers", "linkedin", "indeed", "internal", "short"} <= set(channels())
    for channel in channels().values():
        assert set(channel.sections) <= set(SECTIONS)
        assert set(channel.facts) <= set(FACTS)
        assert channel.description


def test_careers_has_every_section() -> None:
    assert get_channel("careers").sections == SECTIONS


def test_internal_leaves_out_about_and_puts_the_career_path_first() -> None:
    internal = get_channel("internal")
    assert "about" not in internal.sections
    assert internal.sections[0] == "career_path"
    assert internal.parts["career_path"][0] == "lateral_moves"


def test_unknown_channel_lists_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError) as caught:
        get_channel("myspace")
    assert caught.value.exit_code == ExitCode.USAGE
    for name in ("careers", "linkedin", "indeed", "internal", "short"):
        assert name in caught.value.message


def test_a_bad_channel_definition_is_refused() -> None:
    spec = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["channels"]["careers"]
    with pytest.raises(ValueError, match="unknown name"):
        _channel("broken", {**spec, "sections": ["summary", "benefitz"]})
    with pytest.raises(ValueError, match="unknown key"):
        _channel("broken", {**spec, "max_word": 3})


@pytest.mark.parametrize(
    ("title", "expected", "removed"),
    [
        (
            "Warehouse Associate - Night Shift - $23/hr - Hiring Immediately!",
            "Warehouse Associate",
            {"Night Shift", "$23/hr", "Hiring Immediately", "!"},
        ),
        ("Registered Nurse (Nights) – Seattle, WA", "Registered Nurse", {"Nights", "Seattle", "WA"}),
        ("Urgently Hiring: Forklift Operator", "Forklift Operator", {"Urgently Hiring"}),
        ("Remote Backend Engineer $135k-$170k", "Backend Engineer", {"Remote", "$135k-$170k"}),
        ("Nurse in Seattle", "Nurse", {"in Seattle"}),
        (
            "Shipping & Receiving Clerk (Full-Time, Weekends)",
            "Shipping & Receiving Clerk",
            {"Full-Time", "Weekends"},
        ),
        ("Sales Rep - 60K+ OTE", "Sales Rep", {"60K+ OTE"}),
        ("Registered Nurse, Medical-Surgical", "Registered Nurse, Medical-Surgical", set()),
        ("Oregon Trail Guide OR Ranger", "Oregon Trail Guide OR Ranger", set()),
    ],
)
def test_plain_titles(title: str, expected: str, removed: set[str]) -> None:
    clean = plain_title(title, Location(city="Seattle", region="WA", country="US"))
    assert clean.text == expected
    assert set(clean.removed) == removed


def test_a_title_that_would_vanish_is_kept() -> None:
    assert plain_title("Remote").text == "Remote"


def test_shorten_title_cuts_at_a_word() -> None:
    title = "Senior " * 40 + "Engineer"
    short = shorten_title(title, 200)
    assert len(short.text) <= 200
    assert title.startswith(short.text)
    assert not short.text.endswith(" ")
    assert short.text + " " + short.removed[0] == title


def test_indeed_cleans_the_title_and_keeps_pay_in_the_body() -> None:
    role = load_role_text(
        textwrap.dedent("""\
        title: Warehouse Associate - Night Shift - $23/hr - Hiring Immediately!
        location: {city: Aurora, region: CO, country: US}
        compensation: {currency: USD, min: 19.5, max: 23, period: hour}
    """),
        "w.yaml",
    ).model
    result = build_posting_with_report(role, channel="indeed")
    assert result.document.blocks[0] == Heading(1, "Warehouse Associate")
    assert result.document.meta.title == "Warehouse Associate"
    [notice] = result.notices
    assert notice.strict
    assert notice.message == (
        "plain title for indeed: removed 'Night Shift', '$23/hr', 'Hiring Immediately', '!' "
        "from 'Warehouse Associate - Night Shift - $23/hr - Hiring Immediately!'"
    )
    markdown = render(result.document, "md")
    assert "$19.50 – $23.00 per hour" in markdown


def test_linkedin_title_is_at_most_200_characters() -> None:
    role = load_role_text("title: " + "Clinical " * 30 + "Counselor\n", "long.yaml").model
    result = build_posting_with_report(role, channel="linkedin")
    assert len(result.title) <= 200
    assert any("shortened the title to 200 characters" in n.message for n in result.notices)


def test_linkedin_description_fits_25000_characters_and_says_what_was_dropped() -> None:
    role = big_role()
    result = build_posting_with_report(role, channel="linkedin")
    pasted = render(result.document, "html", WriteOptions(channel_html=result.channel.html_tags))
    assert isinstance(pasted, str)
    assert 24_000 < len(pasted) <= 25_000
    [notice] = [n for n in result.notices if "responsibilities" in n.message]
    match = re.match(
        r"trimmed for linkedin: dropped the last (\d+) of 200 responsibilities "
        r"to fit 25,000 characters: 'Duty number (\d+) with",
        notice.message,
    )
    assert match, notice.message
    dropped, first = int(match.group(1)), int(match.group(2))
    assert first == 200 - dropped + 1
    kept = [plain(i) for b in result.document.blocks if hasattr(b, "items") for i in b.items]  # type: ignore[union-attr]
    assert len(kept) == 200 - dropped
    assert kept[-1].startswith(f"Duty number {200 - dropped} ")


def test_linkedin_html_uses_only_the_tags_linkedin_accepts() -> None:
    result = build_posting_with_report(
        load_role(SEED_ROLE), load_company(ROLES / "company.yaml"), channel="linkedin"
    )
    html = render(result.document, "html", WriteOptions(channel_html=result.channel.html_tags))
    assert isinstance(html, str)
    tags = set(re.findall(r"</?([a-z0-9]+)", html))
    assert tags <= result.channel.html_tags


def test_linkedin_too_short_description_is_reported() -> None:
    role = load_role_text("title: Helper\n", "h.yaml").model
    result = build_posting_with_report(role, channel="linkedin")
    assert any("needs at least 100" in n.message for n in result.notices)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_short_postings_are_at_most_300_words(path: Path) -> None:
    result = build_posting_with_report(load_role(path), load_company(ROLES / "company.yaml"), channel="short")
    text = render(result.document, "text")
    assert isinstance(text, str)
    assert visible_words(text) <= 300
    assert result.notices, "the example roles are all longer than 300 words"


def test_short_trims_later_bullets_first_and_names_them() -> None:
    seed = load_role(SEED_ROLE)
    result = build_posting_with_report(seed, load_company(ROLES / "company.yaml"), channel="short")
    shown = result.section_strings()["responsibilities"]
    assert shown == seed.responsibilities.primary[: len(shown)]
    messages = [n.message for n in result.notices]
    assert messages[0].startswith("trimmed for short: dropped the last 16 of 21 responsibilities")
    assert "'Collaborate effectively with a multidisciplinary team…'" in messages[0]
    assert messages[1].startswith("trimmed for short: dropped the last 4 of 4 further responsibilities")


def test_short_drops_whole_sections_only_when_bullets_are_not_enough() -> None:
    role = big_role(3)
    result = build_posting_with_report(
        role, channel="short", sections=["summary", "responsibilities", "skills"]
    )
    assert result.notices == ()
    wordy = load_role_text(
        textwrap.dedent(f"""\
        title: Baker
        summary: {"Bread " * 290}
        skills:
          hard: [{", ".join(f"Skill {n}" for n in range(40))}]
    """),
        "b.yaml",
    ).model
    result = build_posting_with_report(wordy, channel="short", sections=["summary", "skills"])
    assert "skills" not in result.section_strings()
    messages = [n.message for n in result.notices]
    assert messages[0].startswith(
        "trimmed for short: dropped the last 38 of 40 job skills to fit 300 words: 'Skill 2'"
    )
    assert messages[1] == (
        "trimmed for short: dropped the section 'Skills for this role' (2 items) to fit 300 words"
    )


def test_the_cli_reports_trims_on_stderr_and_strict_fails(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["posting", str(SEED_ROLE), "--channel", "short", "--date", "2026-01-15", "--format", "md"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "trimmed for short: dropped the last 16 of 21 responsibilities" in result.stderr
    assert "trimmed for short" not in result.stdout
    strict = runner.invoke(app, [*args, "--strict"])
    assert strict.exit_code == ExitCode.INVALID
    assert strict.stdout == ""
    assert "trimmed for short: dropped the last 16 of 21 responsibilities" in strict.stderr
    assert "--strict" in strict.stderr


def test_strict_passes_when_the_role_fits() -> None:
    result = CliRunner().invoke(
        app,
        [
            "posting",
            str(ROLES / "software-engineer.yaml"),
            "--channel",
            "linkedin",
            "--strict",
            "--date",
            "2026-01-15",
            "--format",
            "md",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_max_bullets_is_not_an_error_under_strict() -> None:
    result = CliRunner().invoke(
        app,
        [
            "posting",
            str(SEED_ROLE),
            "--max-bullets",
            "3",
            "--strict",
            "--date",
            "2026-01-15",
            "--format",
            "md",
        ],
    )
    assert result.exit_code == 0
    assert "--max-bullets 3: dropped the last 18 of 21 responsibilities" in result.stderr


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80).filter(str.strip))
def test_plain_title_never_invents_text(title: str) -> None:
    clean = plain_title(title, Location(city="Denver", region="CO", country="US"))
    assert clean.text.strip()
    if not clean.removed:
        assert clean.text == title
    for piece in clean.removed:
        assert piece in title
    assert len(clean.text) <= len(title)


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300),
    st.integers(min_value=1, max_value=120),
)
def test_shorten_title_is_a_prefix_within_the_limit(title: str, limit: int) -> None:
    short = shorten_title(title, limit)
    assert len(short.text) <= limit
    assert title.startswith(short.text)
    assert short.text


def test_long_notices_quote_the_first_items_and_count_the_rest() -> None:
    result = build_posting_with_report(big_role(60), channel="short")
    [notice] = [n for n in result.notices if "responsibilities" in n.message]
    assert notice.message.startswith("trimmed for short: dropped the last 55 of 60 responsibilities")
    assert notice.message.endswith(" and 35 more")
    assert notice.message.count("'Duty number") == 20
    single = build_posting_with_report(big_role(6), channel="short")
    assert single.notices[0].message.startswith(
        "trimmed for short: dropped the last of 6 responsibilities "
        "('What you'll do' shows at most 5 on short): 'Duty number 6 with"
    )
