"""Every command on random role files: a documented exit code and never a traceback.

Valid roles (random text in every field, in many scripts) must give every document in
every format; anything else must be refused with problems, and a role that
``validate`` accepts must work with every other command too.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirecli.model.loader import load_role_text
from test_robustness_support import (
    available,
    fragment,
    run,
    to_yaml,
    valid_role,
    write_role,
)

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
DATE = ["--date", "2026-03-02"]
TEXT_FORMATS = ("md", "html", "text", "json")


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


def _documents(role: Path, out: Path) -> None:
    """Every document of ``role`` in every format, through the commands a user would type."""
    for fmt in (*TEXT_FORMATS, "jsonld"):
        result = run(["posting", str(role), "--format", fmt, *DATE])
        assert result.exit_code == 0, result.output
        assert result.stdout.strip(), f"posting --format {fmt} wrote nothing"
    assert json.loads(result.stdout)["@type"] == "JobPosting"
    for command in ("interview-kit", "scorecard"):
        if available(command):
            result = run([command, str(role), "--format", "text"])
            assert result.exit_code == 0, result.output
            assert result.stdout.strip()
    result = run(
        ["export", str(role), "--docx", "--md", "--html", "--json", "--jsonld", "-o", str(out), *DATE]
    )
    assert result.exit_code == 0, result.output
    written = [p for p in out.rglob("*") if p.is_file()]
    for path in written:
        assert path.stat().st_size > 0, path.name
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as docx:
                assert "word/document.xml" in docx.namelist()
        if path.suffix in (".json", ".jsonld"):
            json.loads(path.read_text(encoding="utf-8"))
    suffixes = {p.suffix for p in written}
    assert {".docx", ".md", ".html", ".json", ".jsonld"} <= suffixes
    if available("interview-kit"):
        assert {p.stem for p in written} >= {"posting", "interview-kit", "scorecard"}


@settings(FUZZ, max_examples=12)
@given(valid_role(), st.booleans())
def test_valid_roles_give_every_document_in_every_format(role: dict[str, Any], with_company: bool) -> None:
    skills = role.get("skills")
    if not (isinstance(skills, dict) and (skills.get("hard") or skills.get("soft"))):
        # a role with nothing to interview for is refused by the kit commands (tested elsewhere)
        role = {**role, "skills": {"hard": ["Food Safety"], "soft": ["Dependability"]}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "roles"
        path = write_role(folder, role)
        loaded = load_role_text(path.read_bytes(), str(path)).model
        assert loaded.title == role["title"].strip()
        if with_company:
            write_role(
                folder, {"name": role["title"], "about": "Ünïcödé 招聘 مرحبا 🚀 *not bold*"}, "company.yaml"
            )
        assert run(["validate", str(folder)]).exit_code == 0
        listed = run(["list", str(folder), "--format", "json"])
        assert listed.exit_code == 0
        assert json.loads(listed.stdout)[0]["title"] == loaded.title
        _documents(path, Path(tmp) / "out")
        data = json.loads(run(["posting", str(path), "--format", "json", *DATE]).stdout)
        shown = " ".join(loaded.title.split())
        assert any(shown in value for value in _strings(data)), "the title is missing from the posting"
        if available("lint"):
            assert run(["lint", str(path), "--format", "json"]).exit_code in (0, 1)


MUTATIONS = st.sampled_from(
    [
        "unknown-key",
        "wrong-type",
        "empty-title",
        "control",
        "bad-range",
        "bad-slug",
        "huge-number",
        "tab-indent",
        "duplicate-key",
        "truncate",
        "yes-bool",
        "nested-junk",
    ]
)


def _mutate(role: dict[str, Any], mutation: str, junk: str) -> str:
    """A role file with one kind of mistake in it (some mistakes leave the role valid)."""
    role = dict(role)
    if mutation == "unknown-key":
        role[f"x_{abs(hash(junk)) % 1000}"] = junk
    elif mutation == "wrong-type":
        role["responsibilities"] = junk
        role["skills"] = [junk]
    elif mutation == "empty-title":
        role["title"] = "   "
    elif mutation == "control":
        role["summary"] = junk + "\x07\x1b[31m" + junk
    elif mutation == "bad-range":
        role["compensation"] = {"currency": "USD", "min": 90000, "max": 50000}
    elif mutation == "bad-slug":
        role["id"] = "Not A Slug " + junk
    elif mutation == "huge-number":
        role["compensation"] = {"currency": "EUR", "min": int("9" * 400)}
        role["experience"] = {"min_years": int("9" * 30)}
    elif mutation == "yes-bool":
        role["skills"] = {"hard": [{"name": junk or "x", "must_have": "yes", "weight": "lots"}]}
    elif mutation == "nested-junk":
        role["location"] = {"city": {"deep": [junk, {"deeper": [junk]}]}, "country": "Narnia"}
    text = to_yaml(role) + "\n"
    if mutation == "tab-indent":
        text = text.replace("\n  ", "\n\t")
    elif mutation == "duplicate-key":
        text += f"title: {json.dumps(junk)}\n"
    elif mutation == "truncate":
        text = text[: max(1, len(text) // 2)]
    return text


@settings(FUZZ, max_examples=40)
@given(valid_role(), MUTATIONS, st.lists(fragment, max_size=3).map(" ".join))
def test_broken_roles_are_refused_cleanly(role: dict[str, Any], mutation: str, junk: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_role(Path(tmp) / "roles", _mutate(role, mutation, junk))
        _every_command(path, Path(tmp) / "out")


YAMLISH = st.lists(
    st.sampled_from(
        [
            "title:",
            " - ",
            "- x",
            ":",
            "&a",
            "*a",
            "<<: *a",
            "!!python/object/apply:os.system ['true']",
            "!!binary",
            "{",
            "}",
            "[",
            "]",
            "'",
            '"',
            "|",
            ">-",
            "#",
            "\t",
            "\n",
            "---",
            "...",
            "%YAML 1.1",
            "? ",
            "~",
            "null",
            "2024-01-01",
            "0x1F",
            "1e999",
            ".nan",
            "responsibilities:",
            "  primary:",
            "    -",
            "compensation: {min: -1}",
            "招聘",
            "مرحبا",
            "👩‍⚕️",
            "e\u0301",
            "\ufeff",
            "\u2028",
            "\x85",
            "\x00",
            "\udcff",
        ]
    ),
    max_size=30,
).map("".join)


@settings(FUZZ, max_examples=60)
@given(st.one_of(YAMLISH, st.text(max_size=200), st.binary(max_size=200)))
def test_junk_files_are_refused_cleanly(junk: str | bytes) -> None:
    data = junk.encode("utf-8", "surrogatepass") if isinstance(junk, str) else junk
    with tempfile.TemporaryDirectory() as tmp:
        path = write_role(Path(tmp) / "roles", data)
        _every_command(path, Path(tmp) / "out")


def _every_command(path: Path, out: Path) -> None:
    """Run every command on ``path``; when ``validate`` accepts it, every other command must work."""
    valid = run(["validate", str(path)]).exit_code == 0
    results = {
        "list": run(["list", str(path.parent)]),
        "posting": run(["posting", str(path), "--format", "md", *DATE]),
        "export": run(["export", str(path), "--md", "-o", str(out), *DATE]),
    }
    for command in ("interview-kit", "scorecard"):
        if available(command):
            results[command] = run([command, str(path), "--format", "md"])
    if available("lint"):
        lint = run(["lint", str(path), "--format", "json"])
        assert lint.exit_code in ((0, 1) if valid else (1, 2))
    for name, result in results.items():
        if valid and "asks no questions" in result.stderr:
            # the documented refusal of a role with no skills (validate warns of it)
            assert result.exit_code == 1, name
        elif valid:
            assert result.exit_code == 0, f"validate accepts the file but {name} fails:\n{result.output}"
        else:
            assert result.exit_code in (1, 2), f"{name}: exit {result.exit_code}"
            assert result.stderr.strip(), f"{name} failed without saying why"
