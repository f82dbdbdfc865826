"""Exports in bounded batches: little is kept of each role, only a few roles are in flight
at a time, and each role's interview loop is planned once for all its documents."""

from __future__ import annotations

import concurrent.futures
import datetime
import gc
import io
import json
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from hirecli.builders.kit import document as kit_document
from hirecli.builders.kit import plan as kit_plan
from hirecli.builders.kit import scorecard as kit_scorecard
from hirecli.errors import OutputError
from hirecli.export import ARTIFACTS, Failure, Job, Rendered, Report, Settings, plan_export, run_export
from hirecli.export.workers import ROLES_PER_WORKER, bounded
from hirecli.fileio import check_targets
from hirecli.model.loader import load_role
from paths import ROLES
from test_export import copy_roles

DATE = datetime.date(2025, 3, 14)
POSTING_MD = Settings(("posting",), ("md",), DATE)
THREE = [ROLES / f"{name}.yaml" for name in ("software-engineer", "registered-nurse", "marketing-intern")]


def test_each_role_s_loop_is_planned_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planned: list[str] = []
    real = kit_plan.plan_kit

    def counting(role: Any, *args: Any, **kwargs: Any) -> Any:
        planned.append(role.slug)
        return real(role, *args, **kwargs)

    for module in (kit_plan, kit_document, kit_scorecard):
        monkeypatch.setattr(module, "plan_kit", counting)
    settings = Settings(ARTIFACTS, ("md", "json"), DATE)
    report = run_export(plan_export(THREE, tmp_path / "out", settings), settings)
    assert not report.failures
    assert sorted(planned) == sorted(load_role(role).slug for role in THREE)


def test_kit_and_scorecard_parts_take_a_planned_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    role = load_role(ROLES / "registered-nurse.yaml")
    kit = kit_plan.plan_kit(role)
    fresh = kit_document.build_interview_kit_parts(role), kit_scorecard.build_scorecard_parts(role)

    def again(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the loop was planned again")

    monkeypatch.setattr(kit_document, "plan_kit", again)
    monkeypatch.setattr(kit_scorecard, "plan_kit", again)
    given = (
        kit_document.build_interview_kit_parts(role, kit=kit),
        kit_scorecard.build_scorecard_parts(role, kit=kit),
    )
    assert given == fresh
    assert len(given[0]) == len(given[1]) == 1 + len(kit.stages)


def test_bounded_never_has_more_than_its_window_in_flight() -> None:
    submitted = taken = most = 0

    def submit(item: int) -> Future[int]:
        nonlocal submitted, most
        submitted += 1
        most = max(most, submitted - taken)
        future: Future[int] = Future()
        future.set_result(item * 2)
        return future

    got = []
    for result in bounded(submit, range(50), 4):
        taken += 1
        got.append(result)
    assert sorted(got) == [i * 2 for i in range(50)]
    assert most == 4


class _CountingPool(ThreadPoolExecutor):
    """Stands in for the process pool: one thread, counting the roles handed to it."""

    submitted = 0

    def __init__(self, max_workers: int, **_: Any) -> None:
        super().__init__(max_workers=1)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        type(self).submitted += 1
        return super().submit(fn, *args, **kwargs)


def test_workers_get_a_few_roles_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    roles = tmp_path / "roles"
    copy_roles(roles, 14)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _CountingPool)
    _CountingPool.submitted = 0
    finished = most = 0

    def on_role(job: Job, result: Rendered) -> None:
        nonlocal finished, most
        most = max(most, _CountingPool.submitted - finished)
        finished += 1

    plan = plan_export([roles], tmp_path / "out", POSTING_MD)
    report = run_export(plan, POSTING_MD, jobs=2, on_role=on_role)
    assert not report.failures
    assert finished == _CountingPool.submitted == 14
    assert report.files == 14
    assert most == 2 * ROLES_PER_WORKER


def _retained(make: Callable[[], object]) -> int:
    """Bytes still allocated while what ``make`` returns is alive."""
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    kept = make()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    del kept
    return after - before


def test_a_plan_keeps_a_few_hundred_bytes_a_role(tmp_path: Path) -> None:
    few, many = tmp_path / "few", tmp_path / "many"
    copy_roles(few, 20)
    copy_roles(many, 120)
    tracemalloc.start()
    try:
        plan_export([few], tmp_path / "out", POSTING_MD)  # caches and imports, once
        small = _retained(lambda: plan_export([few], tmp_path / "out", POSTING_MD))
        large = _retained(lambda: plan_export([many], tmp_path / "out", POSTING_MD))
    finally:
        tracemalloc.stop()
    assert (large - small) / 100 < 1024


def test_a_report_keeps_a_few_hundred_bytes_a_role() -> None:
    names = ["posting.docx", "posting.md", *(f"scorecard/{n}-stage-{n}.docx" for n in range(1, 25))]
    ids = [f"role-{i:05d}" for i in range(3000)]

    def report() -> Report:
        made = Report(Path("out"))
        for index, role_id in enumerate(ids):
            made.add(index, role_id, list(names), [1000 + index] * len(names))
        return made

    tracemalloc.start()
    try:
        kept = _retained(report)
    finally:
        tracemalloc.stop()
    assert kept / len(ids) < 640  # 26 files a role: 24 bytes a file
    assert report().files == len(ids) * len(names)


def test_the_plan_keeps_no_role_but_one_from_standard_input(tmp_path: Path) -> None:
    plan = plan_export(THREE, tmp_path / "out", POSTING_MD)
    assert [job.role for job in plan.jobs] == [None, None, None]
    text = (ROLES / "registered-nurse.yaml").read_bytes()
    piped = plan_export(["-"], tmp_path / "piped", POSTING_MD, stdin=io.BytesIO(text))
    assert [job.role is not None for job in piped.jobs] == [True]
    assert not run_export(piped, POSTING_MD).failures
    assert (tmp_path / "piped" / "registered-nurse" / "posting.md").is_file()


def test_a_role_file_changed_after_planning_fails_alone(tmp_path: Path) -> None:
    roles, out = tmp_path / "roles", tmp_path / "out"
    gone, renamed, kept = copy_roles(roles, 3)
    plan = plan_export([roles], out, POSTING_MD)
    (roles / f"{gone}.yaml").unlink()
    path = roles / f"{renamed}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(f"id: {renamed}", "id: other-id"), encoding="utf-8"
    )
    report = run_export(plan, POSTING_MD)
    assert [(f.role_id, f.error) for f in report.failures] == [
        (gone, "no such file"),
        (renamed, f"its role id changed from {renamed!r} to 'other-id' during the export; export it again"),
    ]
    assert sorted(p.parent.name for p in out.rglob("*.md")) == [kept]


def test_json_report_written_piece_by_piece_is_json_dumps() -> None:
    empty = Report(Path("ud/ø"))
    assert "".join(empty.json_chunks()) == json.dumps(empty.to_dict(), indent=2, ensure_ascii=False)
    report = Report(Path("ud/ø"), failures=[Failure("bad.yaml", None, error='naïve "quote"\nline')])
    report.add(1, "b-role", ["posting.md", "interview-kit/1-screen.md"], [10, 2000])
    report.add(0, "a-role", ["posting.md"], [7])
    report.roles, report.documents, report.seconds = 3, 3, 1.23456
    assert "".join(report.json_chunks()) == json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
    assert [w.path for w in report.written] == [
        Path("ud/ø/a-role/posting.md"),
        Path("ud/ø/b-role/posting.md"),
        Path("ud/ø/b-role/interview-kit/1-screen.md"),
    ]
    assert report.by_kind() == {("posting", "md"): (2, 17), ("interview-kit", "md"): (1, 2000)}


def test_existing_files_are_counted_however_many(tmp_path: Path) -> None:
    for i in range(8):
        (tmp_path / f"{i}.md").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=r"would overwrite .*4\.md and 3 more; use --force to replace"):
        check_targets((tmp_path / f"{i}.md" for i in range(8)), force=False)


def test_rendering_waits_for_a_slow_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hirecli.export import write

    roles = tmp_path / "roles"
    copy_roles(roles, 4)
    written: list[str] = []

    def slow_write(path: Path, data: bytes, *, force: bool = False) -> None:
        time.sleep(0.2)
        written.append(path.parent.name)

    monkeypatch.setattr(write, "write_atomic", slow_write)
    monkeypatch.setattr(write._Writer, "MOST_WAITING", 1)
    behind: list[int] = []

    def on_role(job: Job, result: Rendered) -> None:
        behind.append(job.index - len(written))

    plan = plan_export([roles], tmp_path / "out", POSTING_MD)
    run_export(plan, POSTING_MD, on_role=on_role)
    assert max(behind) <= 0
    assert len(written) == 4
