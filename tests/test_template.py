"""User templates: plain-data context, errors with the template's line, and a sandbox that holds."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hirecli.builders.posting import template as tpl
from hirecli.builders.posting.build import build_posting_with_report
from hirecli.builders.posting.template import load_template, render_template, template_context
from hirecli.cli.main import app
from hirecli.errors import ExitCode, InputFileError, TemplateError
from hirecli.model.loader import load_company, load_role
from paths import ROLES, SEED_ROLE


@pytest.fixture(scope="module")
def context() -> dict[str, Any]:
    role = load_role(SEED_ROLE)
    company = load_company(ROLES / "company.yaml")
    return template_context(build_posting_with_report(role, company), role, company)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def failure(path: Path, context: dict[str, Any]) -> str:
    with pytest.raises(TemplateError) as caught:
        render_template(path, context)
    assert caught.value.exit_code == ExitCode.INVALID
    return caught.value.message


def test_a_template_renders_the_posting(tmp_path: Path, context: dict[str, Any]) -> None:
    path = write(
        tmp_path,
        "posting.md.j2",
        (
            "# {{ title }} at {{ company.name }}\n"
            "{{ pay }} ({{ channel }})\n"
            "{% for item in sections.responsibilities[:2] %}- {{ item }}\n{% endfor %}"
            "{{ headings.requirements }}: {{ sections.requirements | length }}\n"
            "{{ sections.notes | length }} {{ facts['Employment type'] }} {{ role.id }}\n"
        ),
    )
    assert render_template(path, context) == (
        "# Mental Health Professional at Fernhollow Commons Cooperative\n"
        "$55,000 – $95,000 per year (careers)\n"
        "- Conduct comprehensive biopsychosocial and diagnostic assessments to accurately identify client "
        "needs, presenting problems, and treatment recommendations using DSM-5 criteria.\n"
        "- Develop, implement, and regularly review client-centered, individualized treatment plans (ITPs) "
        "in collaboration with the client, outlining measurable goals and clinical interventions.\n"
        "What you'll bring: 3\n"
        "0 Full-time mental-health-professional\n"
    )


def test_the_context_is_plain_data(context: dict[str, Any]) -> None:
    def plain_data(value: Any) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain_data(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain_data(v) for v in value)
        return value is None or isinstance(value, str | int | float | bool)

    assert plain_data(context)
    assert set(context["sections"]) == set(context["headings"])


def test_a_typo_is_an_error_with_the_templates_line(tmp_path: Path, context: dict[str, Any]) -> None:
    path = write(tmp_path, "posting.md.j2", "Hello\n\n{{ role.titel }}\n")
    assert failure(path, context) == f"{path}:3: 'dict object' has no attribute 'titel'"


def test_an_undefined_name_is_an_error(tmp_path: Path, context: dict[str, Any]) -> None:
    path = write(tmp_path, "a.txt", "{% if comapny %}x{% endif %}\n")
    assert failure(path, context) == f"{path}:1: 'comapny' is undefined"


def test_a_syntax_error_names_the_line(tmp_path: Path, context: dict[str, Any]) -> None:
    path = write(tmp_path, "bad.md", "one\ntwo {% for x in %}\n")
    assert failure(path, context).startswith(f"{path}:2: ")


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ self.__init__.__globals__ }}",
        "{{ ().__class__.__base__.__subclasses__() }}",
        "{{ role.__class__ }}",
        "{{ sections.responsibilities.append('x') }}",
        "{{ '{0.__class__}'.format(title) }}",
    ],
)
def test_sandbox_escapes_are_refused(tmp_path: Path, context: dict[str, Any], source: str) -> None:
    path = write(tmp_path, "escape.txt", "ok\n" + source + "\n")
    message = failure(path, context)
    assert message.startswith(f"{path}:2: ")
    assert "unsafe" in message or "is undefined" in message


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'x' * 10**10 }}",
        "{{ [1] * 10**9 }}",
        "{{ '{:>9999999999}'.format('x') }}",
        "{{ '%10000000000s' % 'x' }}",
        "{{ 'x' | center(10**9) }}",
        "{{ 'ab' | replace('a', 'x' * 900000) | replace('x', 'yy') }}",
        "{{ 2 ** (2 ** 20) }}",
        "{% macro grow(s, n) %}{% if n %}{{ grow(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ grow('x',40) }}",
        "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% set x %}{% for i in range(1000) %}{{ 'x' * 900000 }}{% endfor %}{% endset %}",
    ],
)
def test_huge_values_are_refused(tmp_path: Path, context: dict[str, Any], source: str) -> None:
    path = write(tmp_path, "huge.txt", source)
    assert f"{path}:1: refused" in failure(path, context)


def test_output_is_capped(tmp_path: Path, context: dict[str, Any]) -> None:
    path = write(tmp_path, "big.txt", "{% for i in range(100) %}{{ 'x' * 100000 }}{% endfor %}")
    assert "the output is larger than" in failure(path, context)


def test_a_slow_template_is_stopped(
    tmp_path: Path, context: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tpl, "TIME_LIMIT", 0.3)
    loops = "".join("{% for x" + str(n) + " in sections.skills %}" for n in range(9))
    path = write(tmp_path, "slow.txt", loops + "{% endfor %}" * 9)
    assert "took longer than 0.3 seconds" in failure(path, context)


def test_ordinary_operations_still_work(tmp_path: Path, context: dict[str, Any]) -> None:
    path = write(
        tmp_path,
        "ok.txt",
        "{{ '-' * 10 }}|{{ 'x' | center(5) }}|{{ '%3d' % 7 }}|"
        "{{ '{:>4}'.format(1) }}|{{ range(3) | join(',') }}|{{ 2 ** 10 }}",
    )
    assert render_template(path, context) == "----------|  x  |  7|   1|0,1,2|1024"


def test_html_templates_escape_and_others_do_not(tmp_path: Path) -> None:
    data = {"text": "<b>&</b>"}
    assert render_template(write(tmp_path, "page.html.j2", "{{ text }}"), data) == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert render_template(write(tmp_path, "page.htm", "{{ text }}"), data) == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert render_template(write(tmp_path, "post.md.j2", "{{ text }}"), data) == "<b>&</b>"


def test_templates_are_compiled_once_while_unchanged(tmp_path: Path) -> None:
    path = write(tmp_path, "t.txt", "one")
    first = load_template(path)
    assert load_template(path) is first
    path.write_text("two!", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_template(path) is not first
    assert render_template(path, {}) == "two!"


def test_missing_and_unreadable_templates(tmp_path: Path) -> None:
    with pytest.raises(InputFileError):
        render_template(tmp_path / "nope.j2", {})
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"caf\xe9")
    with pytest.raises(TemplateError, match="not UTF-8"):
        render_template(bad, {})


def test_cli_template(tmp_path: Path) -> None:
    runner = CliRunner()
    path = write(tmp_path, "short.md.j2", "{{ title }} — {{ pay }}\n")
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--template", str(path), "--date", "2026-01-15"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Mental Health Professional — $55,000 – $95,000 per year\n"
    typo = write(tmp_path, "typo.md.j2", "{{ title }}\n{{ role.titel }}\n")
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--template", str(typo)])
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr == f"error: {typo}:2: 'dict object' has no attribute 'titel'\n"
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--template", str(path), "--format", "md"])
    assert result.exit_code == ExitCode.USAGE
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--template", str(tmp_path / "missing.j2")])
    assert result.exit_code == ExitCode.USAGE
