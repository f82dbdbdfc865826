"""Where the repository's folders are, for every test module."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROLES = ROOT / "roles"
SEED_ROLE = ROLES / "mental-health-professional.yaml"
SEED_TEXT = ROOT.parent / "shared" / "seed-job-description.txt"
