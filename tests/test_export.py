"""``hirecli export``: every role to every format, safe file handling, batches with failures."""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from typer.testing import CliRunner

from hirecli.builders.kit.plan import plan_kit
from hirecli.cli.env import Env
from hirecli.cli.main import app
from hirecli.errors import OutputError, UnknownFormatError, ValidationFailed
from hirecli.export import (
    ARTIFACTS,
    Settings,
    available_artifacts,
    output_names,
    packet_folders,
    parse_list,
    plan_export,
    run_export,
)
from hirecli.model.loader import iter_role_files, load_role
from paths import ROLES

DATE = "2025-03-14"
EXAMPLE_IDS = sorted(load_role(p).slug for p in iter_role_files([ROLES]))
KIND_OF = {"posting": "posting", "interview-kit": "interview-kit", "scorecard": "scorecard"}


def export(runner: CliRunner, *args: str | Path) -> Any:
    return runner.invoke(app, ["export", *map(str, args)])


def copy_roles(target: Path, count: int | None = None, *, company: bool = True) -> list[str]:
    """Example roles copied into ``target`` (``count`` of them, with fresh ids when more)."""
    target.mkdir(parents=True, exist_ok=True)
    if company:
        shutil.copy(ROLES / "company.yaml", target / "company.yaml")
    sources = sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml")
    if count is None:
        for source in sources:
            shutil.copy(source, target / source.name)
        for folder in (p for p in ROLES.iterdir() if p.is_dir()):
            shutil.copytree(folder, target / folder.name, dirs_exist_ok=True)
        return EXAMPLE_IDS
    ids = []
    for i in range(count):
        source = sources[i % len(sources)]
        role_id = f"{source.stem}-{i:03d}"
        text = source.read_text(encoding="utf-8")
        renamed = re.sub(r"(?m)^id: .*$", f"id: {role_id}", text)
        (target / f"{role_id}.yaml").write_text(
            renamed if renamed != text else f"id: {role_id}\n{text}", encoding="utf-8"
        )
        ids.append(role_id)
    return ids


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_exports_every_example_role(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = export(runner, ROLES, "-o", out, "--date", DATE)
    assert result.exit_code == 0, result.output
    artifacts = available_artifacts()
    assert "posting" in artifacts
    for role_id in EXAMPLE_IDS:
        names = sorted(p.name for p in (out / role_id).iterdir() if p.is_file())
        assert names == sorted(f"{a}.{ext}" for a in artifacts for ext in ("docx", "md")), role_id
        assert sorted(p.name for p in (out / role_id).iterdir() if p.is_dir()) == [
            a for a in ("interview-kit", "scorecard") if a in artifacts
        ]
        for artifact in artifacts:
            document = open_docx(str(out / role_id / f"{artifact}.docx"))
            assert document.paragraphs[0].style.name == "Title"
            assert "Fernhollow Commons Cooperative" in document.sections[0].header.paragraphs[0].text
            props = document.core_properties
            assert props.subject == KIND_OF[artifact]
            assert props.created == datetime.datetime(2025, 3, 14, tzinfo=datetime.UTC)
            assert props.author == "Fernhollow Commons Cooperative"
            assert (out / role_id / f"{artifact}.md").read_text(encoding="utf-8").startswith("# ")
    assert "Wrote" in result.stdout
    for role_id in EXAMPLE_IDS:
        assert role_id in result.stdout


def test_every_format(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = export(
        runner,
        ROLES / "registered-nurse.yaml",
        "-o",
        out,
        "--date",
        DATE,
        "--what",
        "posting",
        "--docx",
        "--md",
        "--html",
        "--json",
        "--jsonld",
    )
    assert result.exit_code == 0, result.output
    folder = out / "registered-nurse"
    assert sorted(p.name for p in folder.iterdir()) == [
        "posting.docx",
        "posting.html",
        "posting.json",
        "posting.jsonld",
        "posting.md",
    ]
    data = json.loads((folder / "posting.jsonld").read_text(encoding="utf-8"))
    assert data["@type"] == "JobPosting"
    assert data["datePosted"].startswith(DATE)
    assert json.loads((folder / "posting.json").read_text(encoding="utf-8"))["meta"]["date"] == DATE
    assert "<h" in (folder / "posting.html").read_text(encoding="utf-8")


def test_refuses_to_overwrite_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    roles, out = tmp_path / "roles", tmp_path / "out"
    copy_roles(roles)
    assert export(runner, roles, "-o", out, "--date", DATE, "--what", "posting").exit_code == 0
    marked = out / "software-engineer" / "posting.md"
    marked.write_text("old text", encoding="utf-8")
    text = (ROLES / "software-engineer.yaml").read_text(encoding="utf-8")
    renamed = text.replace("id: software-engineer", "id: new-role")
    (roles / "new-role.yaml").write_text(renamed, encoding="utf-8")
    before = tree(out)
    result = export(runner, roles, "-o", out, "--date", "2025-04-01", "--what", "posting")
    assert result.exit_code == 2
    assert "would overwrite" in result.stderr
    assert "posting.docx" in result.stderr
    assert "--force" in result.stderr
    assert tree(out) == before
    assert not (out / "new-role").exists()

    forced = export(runner, roles, "-o", out, "--date", "2025-04-01", "--what", "posting", "--force")
    assert forced.exit_code == 0, forced.output
    assert marked.read_text(encoding="utf-8").startswith("# ")
    assert (out / "new-role" / "posting.docx").is_file()


def test_same_date_gives_byte_identical_files(runner: CliRunner, tmp_path: Path) -> None:
    formats = ("--docx", "--md", "--html", "--json", "--jsonld")
    roles = [ROLES / f"{name}.yaml" for name in ("software-engineer", "registered-nurse", "marketing-intern")]
    first, second, third = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert export(runner, *roles, "-o", first, "--date", DATE, *formats).exit_code == 0
    assert export(runner, *roles, "-o", second, "--date", DATE, *formats).exit_code == 0
    assert export(runner, *roles, "-o", third, "--date", DATE, *formats, "--jobs", "2").exit_code == 0
    files = tree(first)
    stages = sum(len(plan_kit(load_role(role)).stages) for role in roles)
    assert len(files) == len(roles) * (4 * len(available_artifacts()) + 1) + 2 * 4 * stages
    assert tree(second) == files
    assert tree(third) == files
    other = tmp_path / "d"
    assert export(runner, roles[0], "-o", other, "--date", "2025-03-15", "--docx").exit_code == 0
    assert tree(other)["software-engineer/posting.docx"] != files["software-engineer/posting.docx"]


def test_duplicate_ids_stop_before_writing(runner: CliRunner, tmp_path: Path) -> None:
    roles, out = tmp_path / "roles", tmp_path / "out"
    copy_roles(roles)
    (roles / "team-b").mkdir()
    shutil.copy(ROLES / "software-engineer.yaml", roles / "team-b" / "backend.yaml")
    shutil.copy(ROLES / "warehouse-associate.yaml", roles / "team-b" / "warehouse-associate.yaml")
    result = export(runner, roles, "-o", out, "--date", DATE)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(
        re.match(r".*team-b/backend\.yaml:\d+:\d+: role id 'software-engineer' is also", line)
        for line in lines
    ), result.stderr
    assert any(
        re.match(r".*roles/software-engineer\.yaml:\d+:\d+: role id 'software-engineer'", line)
        for line in lines
    ), result.stderr
    assert any("warehouse-associate.yaml:2:5: role id 'warehouse-associate'" in line for line in lines)
    assert not out.exists()


def test_a_file_named_twice_is_exported_once(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = export(
        runner,
        ROLES,
        ROLES / "software-engineer.yaml",
        "-o",
        out,
        "--date",
        DATE,
        "--what",
        "posting",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["written"]) == 2 * len(EXAMPLE_IDS)


def test_symbolic_link_out_of_the_folder_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "software-engineer").symlink_to(elsewhere, target_is_directory=True)
    result = export(runner, ROLES, "-o", out, "--date", DATE)
    assert result.exit_code == 2
    assert "outside the output folder" in result.stderr
    assert list(elsewhere.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["software-engineer"]


def test_output_inside_a_file_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    for out in (blocker, blocker / "out"):
        result = export(runner, ROLES, "-o", out, "--date", DATE)
        assert result.exit_code == 2
        assert "notes.txt" in result.stderr
        assert "Traceback" not in result.output


def test_a_file_where_a_role_folder_goes_is_an_output_error(runner: CliRunner, tmp_path: Path) -> None:
    """The write itself fails (as on a read-only or full disk): exit 2, no temp files."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "software-engineer").write_text("in the way", encoding="utf-8")
    result = export(runner, ROLES, "-o", out, "--date", DATE, "--what", "posting")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr or "cannot be written" in result.stderr
    assert not list(out.rglob(".hirecli-*"))
    assert (out / "software-engineer").read_text(encoding="utf-8") == "in the way"


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="root writes into read-only folders; the test above covers the error path",
)
def test_read_only_output_folder(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = export(runner, ROLES, "-o", out, "--date", DATE)
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    assert list(out.iterdir()) == []


def test_one_bad_role_does_not_stop_the_others(runner: CliRunner, tmp_path: Path) -> None:
    roles, out = tmp_path / "roles", tmp_path / "out"
    copy_roles(roles)
    (roles / "broken.yaml").write_text(
        "title: Night Nurse\nemployment_type: sometimes\nsalary: 3\n", encoding="utf-8"
    )
    result = export(runner, roles, "-o", out, "--date", DATE, "--what", "posting")
    assert result.exit_code == 1
    assert re.search(r"broken\.yaml:2:\d+: ", result.stderr), result.stderr
    assert re.search(r"broken\.yaml:3:1: unknown key 'salary'", result.stderr), result.stderr
    for role_id in EXAMPLE_IDS:
        assert (out / role_id / "posting.docx").is_file()
    assert not (out / "broken").exists()
    assert "invalid" in result.stdout or "failed" in result.stdout


def test_json_report_lists_written_and_failed(runner: CliRunner, tmp_path: Path) -> None:
    roles, out = tmp_path / "roles", tmp_path / "out"
    copy_roles(roles)
    (roles / "broken.yaml").write_text("title: [not, a, title]\n", encoding="utf-8")
    result = export(runner, roles, "-o", out, "--date", DATE, "--what", "posting", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert len(report["written"]) == 2 * len(EXAMPLE_IDS)
    for item in report["written"]:
        path = Path(item["path"])
        assert path.is_file()
        assert path.stat().st_size == item["bytes"]
        assert item["document"] == "posting"
        assert item["format"] in ("docx", "md")
    assert [f["source"].endswith("broken.yaml") for f in report["failed"]] == [True]
    problem = report["failed"][0]["problems"][0]
    assert (problem["line"], problem["column"]) == (1, 8)
    assert report["roles"] == len(EXAMPLE_IDS)


def _nurse_at_a_clinic(roles: Path, clinic: Path) -> None:
    """The example roles in ``roles``, but the nurse in ``clinic`` with a profile of its own."""
    copy_roles(roles)
    clinic.mkdir()
    (clinic / "company.yaml").write_text("name: Northwind Clinics\n", encoding="utf-8")
    (roles / "registered-nurse.yaml").rename(clinic / "registered-nurse.yaml")


def test_each_role_uses_its_own_company(runner: CliRunner, tmp_path: Path) -> None:
    roles, out = tmp_path / "roles", tmp_path / "out"
    clinic = roles / "clinic"
    _nurse_at_a_clinic(roles, clinic)
    assert export(runner, roles, "-o", out, "--date", DATE, "--what", "posting", "--docx").exit_code == 0

    def header(role_id: str, folder: Path = out) -> str:
        document = open_docx(str(folder / role_id / "posting.docx"))
        return str(document.sections[0].header.paragraphs[0].text)

    assert "Northwind Clinics" in header("registered-nurse")
    assert "Fernhollow" in header("software-engineer")
    given = tmp_path / "given"
    assert (
        export(
            runner,
            roles,
            "-o",
            given,
            "--date",
            DATE,
            "--what",
            "posting",
            "--docx",
            "--company",
            clinic / "company.yaml",
        ).exit_code
        == 0
    )
    assert "Northwind Clinics" in header("software-engineer", given)


def test_a_linked_role_file_uses_the_company_of_the_folder_it_lives_in(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Profiles are looked up once a folder, by the folder the file really is in."""
    roles, out, clinic = tmp_path / "roles", tmp_path / "out", tmp_path / "clinic"
    _nurse_at_a_clinic(roles, clinic)
    (roles / "registered-nurse.yaml").symlink_to(clinic / "registered-nurse.yaml")
    assert export(runner, roles, "-o", out, "--date", DATE, "--what", "posting", "--json").exit_code == 0

    def company(role_id: str) -> str:
        data = json.loads((out / role_id / "posting.json").read_text(encoding="utf-8"))
        return str(data["meta"]["company"])

    assert company("registered-nurse") == "Northwind Clinics"
    assert company("software-engineer") == company("warehouse-associate") == "Fernhollow Commons Cooperative"


def test_a_broken_company_profile_fails_its_roles(runner: CliRunner, tmp_path: Path) -> None:
    roles, out = tmp_path / "roles", tmp_path / "out"
    copy_roles(roles, company=False)
    (roles / "company.yaml").write_text("name: X\nfounded: 1999\n", encoding="utf-8")
    result = export(runner, roles, "-o", out, "--date", DATE, "--what", "posting")
    assert result.exit_code == 1
    assert "company.yaml:2:1: unknown key 'founded'" in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--what", "posting,brochure"], "unknown document 'brochure'"),
        (["--date", "14/03/2025"], "--date must be a date"),
        (["--channel", "myspace"], "unknown channel 'myspace'"),
        (["--company", "nope.yaml"], "nope.yaml"),
    ],
)
def test_usage_errors(runner: CliRunner, tmp_path: Path, args: list[str], words: str) -> None:
    out = tmp_path / "out"
    result = export(runner, ROLES, "-o", out, *args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert not out.exists()


def test_jsonld_needs_the_posting(runner: CliRunner, tmp_path: Path) -> None:
    kit_or_card = [a for a in available_artifacts() if a != "posting"]
    if not kit_or_card:
        pytest.skip("no document besides the posting can be built yet")
    result = export(runner, ROLES, "-o", tmp_path / "out", "--what", kit_or_card[0], "--jsonld")
    assert result.exit_code == 2
    assert "--jsonld" in result.stderr


def test_missing_role_path(runner: CliRunner, tmp_path: Path) -> None:
    result = export(runner, tmp_path / "nowhere", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_progress_bar_only_on_a_terminal(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = export(runner, ROLES, "-o", tmp_path / "a", "--date", DATE, "--what", "posting")
    assert "Exporting" not in piped.stderr

    def terminal() -> Env:
        stdin = getattr(sys.stdin, "buffer", sys.stdin)
        return Env(stdin, sys.stdout, sys.stderr, stdout_isatty=False, stderr_isatty=True)

    monkeypatch.setattr(Env, "current", staticmethod(terminal))
    shown = export(runner, ROLES, "-o", tmp_path / "b", "--date", DATE, "--what", "posting")
    assert shown.exit_code == 0
    assert "Exporting" in shown.stderr


# ---- the library ---------------------------------------------------------------------


def settings(*formats: str) -> Settings:
    return Settings(("posting",), formats or ("docx", "md"), datetime.date(2025, 3, 14))


def test_output_names() -> None:
    both = Settings(("posting", "scorecard"), ("docx", "jsonld"), datetime.date(2025, 3, 14))
    assert output_names(both) == ["posting.docx", "posting.jsonld", "scorecard.docx"]
    assert packet_folders(both) == ["scorecard"]
    assert packet_folders(Settings(("scorecard",), ("jsonld",), datetime.date(2025, 3, 14))) == []


def test_parse_list() -> None:
    assert parse_list(" Posting, scorecard,posting ,", ARTIFACTS, "document") == ("posting", "scorecard")
    assert parse_list(None, ARTIFACTS, "document") == ()
    with pytest.raises(UnknownFormatError, match="known: posting, interview-kit, scorecard"):
        parse_list("kit", ARTIFACTS, "document")


def test_plan_checks_ids_from_file_names(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "nurse.yaml").write_text("title: Nurse\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        plan_export([tmp_path], tmp_path / "out", settings())
    assert [(Path(p.file).parent.name, p.line, p.code) for p in caught.value.problems] == [
        ("a", 1, "duplicate-id"),
        ("b", 1, "duplicate-id"),
    ]
    assert "set 'id:'" in caught.value.problems[0].message


def test_plan_and_run_in_the_library(tmp_path: Path) -> None:
    out = tmp_path / "out"
    plan = plan_export([ROLES / "software-engineer.yaml"], out, settings())
    assert [t.name for t in plan.targets] == ["posting.docx", "posting.md"]
    assert not out.exists()
    seen: list[str] = []
    report = run_export(plan, settings(), on_role=lambda job, result: seen.append(job.role_id))
    assert seen == ["software-engineer"]
    assert [w.path.name for w in report.written] == ["posting.docx", "posting.md"]
    assert report.documents == 1
    with pytest.raises(OutputError, match="would overwrite"):
        plan_export([ROLES / "software-engineer.yaml"], out, settings())
    docx = open_docx(io.BytesIO((out / "software-engineer" / "posting.docx").read_bytes()))
    assert docx.core_properties.subject == "posting"


def test_large_batches_are_summed_up_by_kind_of_file(runner: CliRunner, tmp_path: Path) -> None:
    roles, out = tmp_path / "roles", tmp_path / "out"
    copy_roles(roles, 14)
    result = export(runner, roles, "-o", out, "--date", DATE, "--what", "posting")
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["posting", "docx", "14"] in [row[:3] for row in rows]
    assert ["posting", "md", "14"] in [row[:3] for row in rows]
    assert "Wrote 28 files for 14 roles" in result.stdout


# ---- one packet per interviewer ------------------------------------------------------------


def test_one_packet_and_one_scorecard_per_stage(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    role = ROLES / "mental-health-professional.yaml"
    result = export(
        runner, role, "-o", out, "--date", DATE, "--docx", "--md", "--what", "interview-kit,scorecard"
    )
    assert result.exit_code == 0, result.output
    kit = plan_kit(load_role(role))
    folder = out / "mental-health-professional"
    for artifact in ("interview-kit", "scorecard"):
        names = sorted(p.name for p in (folder / artifact).iterdir())
        expected = [
            f"{s.number}-{re.sub(r'[^a-z0-9]+', '-', s.name.lower()).strip('-')}.{ext}"
            for s in kit.stages
            for ext in ("docx", "md")
        ]
        assert names == sorted(expected)
    for stage in kit.stages:
        stem = f"{stage.number}-{re.sub(r'[^a-z0-9]+', '-', stage.name.lower()).strip('-')}"
        packet = open_docx(str(folder / "interview-kit" / f"{stem}.docx"))
        header = "\n".join(p.text for p in packet.sections[0].header.paragraphs)
        assert "Mental Health Professional" in header
        assert f"Stage {stage.number} of {len(kit.stages)}: {stage.name}" in header
        text = (folder / "interview-kit" / f"{stem}.md").read_text(encoding="utf-8")
        assert all(q.text in text for q in stage.questions)
        others = [s for s in kit.stages if s is not stage]
        assert not any(q.text in text for s in others for q in s.questions)
    report = list(
        json.loads(
            export(
                runner,
                role,
                "-o",
                tmp_path / "again",
                "--date",
                DATE,
                "--docx",
                "--what",
                "interview-kit",
                "--format",
                "json",
            ).stdout
        )["written"]
    )
    assert len(report) == 1 + len(kit.stages)


def test_packets_are_refused_or_replaced_like_any_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    role = ROLES / "registered-nurse.yaml"
    args = ["-o", out, "--date", DATE, "--md", "--what", "interview-kit"]
    assert export(runner, role, *args).exit_code == 0
    folder = out / "registered-nurse" / "interview-kit"
    stale = folder / "9-old-stage.md"
    stale.write_text("an old packet", encoding="utf-8")
    keep = folder / "notes.md"
    keep.write_text("the hiring manager's own notes", encoding="utf-8")
    refused = export(runner, role, *args)
    assert refused.exit_code == 2
    assert "interview-kit" in refused.stderr
    assert export(runner, role, *args, "--force").exit_code == 0
    assert not stale.exists()
    assert keep.read_text(encoding="utf-8") == "the hiring manager's own notes"
