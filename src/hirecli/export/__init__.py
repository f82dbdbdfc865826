"""Exporting many roles to many formats at once, without ever leaving a file half-written.

The export is planned before anything is written (:mod:`.plan`): every role is read
and checked, ids must be unique, every output path must lie inside the output folder,
and no file may be in the way unless ``force`` is on. Roles are then read again and
rendered a few at a time (:mod:`.render`, in worker processes when asked:
:mod:`.workers`) while this process alone writes the files, each atomically
(:mod:`.write`). Nothing is kept of a role but its source and id, so memory stays the
same for a batch of any size. A role that fails to load or build is reported and
skipped; the others are still exported.
"""

from hirecli.export.plan import plan_export
from hirecli.export.records import Failure, Job, OutputFile, Plan, Rendered, Written
from hirecli.export.render import render_job
from hirecli.export.report import Report
from hirecli.export.settings import (
    ARTIFACTS,
    DEFAULT_FORMATS,
    FORMATS,
    JSONLD,
    Settings,
    available_artifacts,
    builder,
    check_settings,
    estimated_bytes,
    output_names,
    packet_folders,
    parse_list,
)
from hirecli.export.workers import worker_count
from hirecli.export.write import run_export

__all__ = [
    "ARTIFACTS",
    "DEFAULT_FORMATS",
    "FORMATS",
    "JSONLD",
    "Failure",
    "Job",
    "OutputFile",
    "Plan",
    "Rendered",
    "Report",
    "Settings",
    "Written",
    "available_artifacts",
    "builder",
    "check_settings",
    "estimated_bytes",
    "output_names",
    "packet_folders",
    "parse_list",
    "plan_export",
    "render_job",
    "run_export",
    "worker_count",
]
