"""Hostile files and unlucky folders: bounded reading, nothing lost, nothing leaked.

Word files that are not zips, hold malformed XML, expand entities, nest without end,
inflate to gigabytes or hold thousands of parts are refused in one line by ``lint``,
``import`` and ``--reference-docx`` alike, quickly and in bounded memory. A reference
document's links to outside files are never copied. ``-o`` never replaces a link or a
device; an export checks every output before it writes the first. A company profile
higher up than the repository or the folder given is not applied. Lint findings of a
huge posting stay small, and a template cannot build gigabytes.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from paths import ROLES
from test_hostile_support import check_quiet, document, docx, hostile_docx, paragraph, run_limited
from test_robustness_support import run

DATE = ["--date", "2026-03-02"]
NURSE = ROLES / "registered-nurse.yaml"
PEAK_MB = 400


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile-docx")
    found = {}
    for name, data in hostile_docx().items():
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        found[name] = path
    return found


@pytest.mark.parametrize(
    "name",
    [
        "not-a-zip",
        "truncated-zip",
        "malformed-xml",
        "entity-expansion",
        "external-entity",
        "deep-nesting",
        "zip-bomb",
        "many-parts",
    ],
)
@pytest.mark.parametrize("command", ["lint", "import", "reference"])
def test_hostile_word_files_are_refused_quickly_in_bounded_memory(
    hostile: dict[str, Path], tmp_path: Path, name: str, command: str
) -> None:
    path = hostile[name]
    args = {
        "lint": ["lint", str(path), "--format", "json"],
        "import": ["import", str(path)],
        "reference": [
            "export",
            str(NURSE),
            "-o",
            str(tmp_path / "out"),
            "--docx",
            "--what",
            "posting",
            "--reference-docx",
            str(path),
            *DATE,
        ],
    }[command]
    result = run_limited(args, tmp_path)
    check_quiet(result)
    assert result.code == 2, (result.code, result.stderr[-1000:])
    assert path.name in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "out of memory" not in result.stderr
    assert result.seconds < 60
    assert result.peak_mb < PEAK_MB, f"{result.peak_mb:.0f} MB"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.docx"))


def test_a_good_word_file_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "ad.docx"
    path.write_bytes(
        docx(
            document(
                paragraph("Registered Nurse")
                + paragraph("Responsibilities")
                + paragraph("We want a rockstar nurse to care for patients.")
            )
        )
    )
    linted = run(["lint", str(path), "--format", "json"])
    assert linted.exit_code in (0, 1)
    assert any(f["rule"] == "hero-title" for f in json.loads(linted.stdout)["files"][0]["findings"])


def _reference_with_links(folder: Path) -> Path:
    """A reference document whose parts point outside it: a subdocument, a template, a picture."""
    made = run(["export", "--write-reference-docx", str(folder / "plain.docx")])
    assert made.exit_code == 0
    with zipfile.ZipFile(folder / "plain.docx") as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdLeak1" Type="{r_ns}/subDocument" Target="file:///etc/passwd" '
        'TargetMode="External"/>'
        f'<Relationship Id="rIdLeak2" Type="{r_ns}/image" '
        'Target="http://tracker.example/pixel.png" TargetMode="External"/></Relationships>',
    )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    body = parts["word/document.xml"].decode()
    parts["word/document.xml"] = body.replace(
        "<w:body>", f'<w:body><w:p><w:subDoc xmlns:r="{r_ns}" r:id="rIdLeak1"/></w:p>', 1
    ).encode()
    settings = parts.get("word/settings.xml", b"").decode()
    if settings:
        parts["word/settings.xml"] = settings.replace(
            "</w:settings>", f'<w:attachedTemplate xmlns:r="{r_ns}" r:id="rIdLeak3"/></w:settings>'
        ).encode()
        parts["word/_rels/settings.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdLeak3" Type="{r_ns}/attachedTemplate" '
            'Target="file:///home/someone/secret.dotx" TargetMode="External"/></Relationships>'
        ).encode()
    path = folder / "leaky.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_reference_documents_outside_links_are_never_copied(tmp_path: Path) -> None:
    reference = _reference_with_links(tmp_path)
    out = tmp_path / "out"
    result = run(["export", str(NURSE), "-o", str(out), "--docx", *DATE, "--reference-docx", str(reference)])
    assert result.exit_code == 0, result.output
    written = list(out.rglob("*.docx"))
    assert written
    for path in written:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                content = archive.read(member)  # the posting's own links stay: they are the role's
                for leak in (b"/etc/passwd", b"tracker.example", b"secret.dotx", b"rIdLeak"):
                    assert leak not in content, (path.name, member, leak)


# ---- -o never replaces a link or a device -------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and devices")
def test_output_through_a_symbolic_link_writes_the_file_it_leads_to(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    result = run(["posting", str(NURSE), "-o", str(link), "--force", *DATE])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert os.readlink(link) == "real.md"
    assert real.read_text(encoding="utf-8").startswith("# ")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".hirecli-")] == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and devices")
def test_a_dangling_link_counts_as_a_file_in_the_way(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "gone" / "nowhere.md")
    result = run(["posting", str(NURSE), "-o", str(link), *DATE])
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert link.is_symlink()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
@pytest.mark.parametrize("command", [["posting", str(NURSE), *DATE], ["schema"], ["new", "Nurse"]])
def test_a_device_is_written_into_never_replaced(tmp_path: Path, command: list[str]) -> None:
    link = tmp_path / "null.md"
    link.symlink_to("/dev/null")
    for target in ("/dev/null", str(link)):
        result = run([*command, "-o", target, "--force"])
        assert result.exit_code == 0, result.output
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_written_into(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    import threading

    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run(["posting", str(NURSE), "-o", str(fifo), "--format", "md", *DATE])
    reader.join(30)
    assert result.exit_code == 0, result.output
    assert received
    assert received[0].startswith(b"# ")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_folder_in_the_way_stops_an_export_before_anything_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    roles = [NURSE, ROLES / "warehouse-associate.yaml"]
    first = run(["export", *map(str, roles), "-o", str(out), "--md", "--docx", "--what", "posting", *DATE])
    assert first.exit_code == 0, first.output
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (out / "registered-nurse" / "posting.docx").unlink()
    (out / "registered-nurse" / "posting.docx").mkdir()
    for path in before:
        if path.is_file():
            path.write_bytes(b"old\n")
    kept = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    again = run(
        [
            "export",
            *map(str, roles),
            "-o",
            str(out),
            "--md",
            "--docx",
            "--what",
            "posting",
            "--force",
            "--date",
            "2026-04-01",
        ]
    )
    assert again.exit_code == 2
    assert "posting.docx" in again.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == kept
    assert list(out.rglob(".hirecli-*")) == []


def test_a_file_where_a_role_folder_must_be_stops_an_export(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "registered-nurse").write_text("mine\n", encoding="utf-8")
    result = run(
        [
            "export",
            str(NURSE),
            str(ROLES / "warehouse-associate.yaml"),
            "-o",
            str(out),
            "--md",
            "--what",
            "posting",
            "--force",
            *DATE,
        ]
    )
    assert result.exit_code == 2
    assert (out / "registered-nurse").read_text(encoding="utf-8") == "mine\n"
    assert not (out / "warehouse-associate").exists()


def test_jobs_is_capped_at_the_cpu_count(tmp_path: Path) -> None:
    from hirecli.export import worker_count

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    assert worker_count(100_000) == cpus
    assert worker_count(0) == cpus
    assert worker_count(1) == 1
    result = run(
        [
            "export",
            str(NURSE),
            "-o",
            str(tmp_path / "out"),
            "--md",
            "--what",
            "posting",
            "--jobs",
            "100000",
            *DATE,
        ]
    )
    assert result.exit_code == 0, result.output


# ---- the company profile ------------------------------------------------------------------------------


def _role_below_a_profile(tmp_path: Path) -> Path:
    (tmp_path / "company.yaml").write_text(
        "name: Planted Corp\nabout: PLANTED PROFILE TEXT\n", encoding="utf-8"
    )
    role = tmp_path / "shared" / "team" / "nurse.yaml"
    role.parent.mkdir(parents=True)
    role.write_text("title: Registered Nurse\nskills:\n  hard: [Patient Care]\n", encoding="utf-8")
    return role


def test_a_profile_above_the_folder_given_is_not_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    role = _role_below_a_profile(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for args in (["posting", str(role), "--format", "md", *DATE], ["scorecard", str(role), "--format", "md"]):
        result = run(args)
        assert result.exit_code == 0, result.output
        assert "PLANTED" not in result.stdout
        assert "Planted Corp" not in result.stdout
    exported = run(
        ["export", str(role.parent), "-o", str(tmp_path / "out"), "--md", "--what", "posting", *DATE]
    )
    assert exported.exit_code == 0
    assert "PLANTED" not in (tmp_path / "out" / "nurse" / "posting.md").read_text(encoding="utf-8")


def test_a_profile_in_the_folder_given_or_the_repository_is_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    role = _role_below_a_profile(tmp_path)
    monkeypatch.chdir(tmp_path / "shared")
    exported = run(["export", str(tmp_path), "-o", str(tmp_path / "out"), "--md", "--what", "posting", *DATE])
    assert exported.exit_code == 0, exported.output
    assert "PLANTED" in (tmp_path / "out" / "nurse" / "posting.md").read_text(encoding="utf-8")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(role.parent)
    result = run(["posting", str(role), "--format", "md", *DATE])
    assert "PLANTED" in result.stdout


def test_a_profile_above_the_repository_root_is_not_applied(tmp_path: Path) -> None:
    role = _role_below_a_profile(tmp_path)
    (tmp_path / "shared" / ".git").mkdir()
    result = run(["export", str(tmp_path), "-o", str(tmp_path / "out"), "--md", "--what", "posting", *DATE])
    assert result.exit_code == 0, result.output
    assert "PLANTED" not in (tmp_path / "out" / "nurse" / "posting.md").read_text(encoding="utf-8")
    assert role.exists()


def test_the_terminal_output_names_the_profile_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "roles"
    folder.mkdir()
    (folder / "company.yaml").write_text("name: Fernhollow\n", encoding="utf-8")
    shutil.copyfile(NURSE, folder / "nurse.yaml")
    monkeypatch.chdir(tmp_path)
    for command in (
        ["posting", "roles/nurse.yaml", *DATE],
        ["interview-kit", "roles/nurse.yaml"],
        ["scorecard", "roles/nurse.yaml"],
    ):
        result = run([*command, "--format", "terminal"])
        assert result.exit_code == 0, result.output
        assert "company profile: roles/company.yaml" in result.stderr
        piped = run([*command, "--format", "md"])
        assert "company profile" not in piped.stderr


# ---- output that stays small, work that stays bounded --------------------------------------------------


def test_lint_findings_of_a_huge_posting_stay_small(tmp_path: Path) -> None:
    words = "We want a rockstar ninja, young and energetic, a digital native who works hard and plays hard."
    summary = (words + " ") * 6000  # about 570 KB of one paragraph
    posting = tmp_path / "huge.md"
    posting.write_text(f"# Nurse\n\n{summary}\n", encoding="utf-8")
    result = run_limited(["lint", str(posting), "--format", "json"], tmp_path)
    check_quiet(result)
    assert result.code == 1
    size = len(result.stdout)
    assert size < 3 * posting.stat().st_size, f"{size:,} bytes of JSON for {posting.stat().st_size:,}"
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert all(len(f["text"]) <= 200 for f in findings)
    assert any("more" in f["message"] and "not listed" in f["message"] for f in findings)
    text = run_limited(["lint", str(posting), "--format", "text"], tmp_path)
    assert len(text.stdout) < 3 * posting.stat().st_size


@pytest.mark.parametrize(
    "template",
    [
        '{{ "{:{w}}{:{w}}{:{w}}{:{w}}{:{w}}".format("a", "b", "c", "d", "e", w=999999) }}',
        '{{ "' + "{:999999}" * 300 + '".format(' + ", ".join(["1"] * 300) + ") }}",
        '{{ "' + "%999999s" * 300 + '" % (' + ", ".join(["1"] * 300) + ") }}",
        '{{ "' + "{:{}}" * 200 + '".format(' + ", ".join(["1, 999999"] * 200) + ") }}",
        '{{ "{0:{1}}{0:{1}}{0:{1}}{0:{1}}".format("x", 999999) * 50 }}',
        '{{ "{a:{b}.{c}}" | format }}{{ "{:>{}}".format_map({}) }}',
        "{{ '%*s' | format(999999, 'x') }}",
    ],
)
def test_a_template_cannot_build_gigabytes(tmp_path: Path, template: str) -> None:
    path = tmp_path / "t.md.j2"
    path.write_text(template + "\n", encoding="utf-8")
    result = run_limited(["posting", str(NURSE), "--template", str(path), *DATE], tmp_path)
    check_quiet(result)
    assert result.code == 1, result.stderr
    assert result.stderr.startswith(f"error: {path}")
    assert result.peak_mb < 250, f"{result.peak_mb:.0f} MB"
    assert result.seconds < 30


def test_a_docx_written_with_a_reference_still_opens(tmp_path: Path) -> None:
    reference = _reference_with_links(tmp_path)
    out = tmp_path / "posting.docx"
    result = run(
        [
            "export",
            str(NURSE),
            "-o",
            str(tmp_path / "out"),
            "--docx",
            "--what",
            "posting",
            *DATE,
            "--reference-docx",
            str(reference),
        ]
    )
    assert result.exit_code == 0
    data = next((tmp_path / "out").rglob("posting.docx")).read_bytes()
    out.write_bytes(data)
    import docx as python_docx

    assert python_docx.Document(io.BytesIO(data)).paragraphs


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="needs root to give a file to another user"
)
def test_a_profile_planted_by_another_user_in_a_shared_folder_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    planted = shared / "company.yaml"
    planted.write_text("name: Planted Corp\nabout: PLANTED PROFILE TEXT\n", encoding="utf-8")
    os.chown(planted, 54321, 54321)
    role = shared / "nurse.yaml"
    role.write_text("title: Registered Nurse\nskills:\n  hard: [Patient Care]\n", encoding="utf-8")
    monkeypatch.chdir(shared)
    result = run(["posting", str(role), "--format", "md", *DATE])
    assert result.exit_code == 0, result.output
    assert "PLANTED" not in result.stdout
    assert "not using" in result.stderr
    assert "--company" in result.stderr
    given = run(["posting", str(role), "--format", "md", "--company", str(planted), *DATE])
    assert "PLANTED" in given.stdout


def test_an_export_that_cannot_fit_on_the_disk_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Full:
        f_bavail = 1
        f_frsize = 1024

    monkeypatch.setattr("hirecli.fileio.os.statvfs", lambda path: Full())
    out = tmp_path / "out"
    result = run(["export", str(NURSE), "-o", str(out), "--md", "--docx", *DATE])
    assert result.exit_code == 2
    assert "not enough free space" in result.stderr
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))
