"""Print how well the competency library covers the roles in some folders.

Usage: python scripts/kit_coverage.py roles tests/family_roles
"""

from __future__ import annotations

import sys

from hirecli.builders.kit.coverage import kit_coverage
from hirecli.builders.kit.plan import plan_kit
from hirecli.model.loader import iter_role_files, load_role_file


def main(folders: list[str]) -> int:
    totals = [0, 0, 0, 0, 0]
    print(f"{'role':40} {'field':28} {'matched':>9} {'drafts':>9}  off-field")
    for path in iter_role_files(folders):
        loaded = load_role_file(path)
        role = loaded.model
        kit = plan_kit(role, positions=loaded.positions)
        skills = [s.name for s in (*role.skills.hard, *role.skills.soft)]
        cov = kit_coverage(kit, skills)
        totals = [
            totals[0] + cov.skills,
            totals[1] + cov.matched,
            totals[2] + cov.main_questions,
            totals[3] + cov.draft_questions,
            totals[4] + len(cov.off_field),
        ]
        print(
            f"{role.slug[:40]:40} {','.join(cov.fields)[:28]:28} {cov.matched:>4}/{cov.skills:<4} "
            f"{cov.draft_questions:>4}/{cov.main_questions:<4}  {', '.join(cov.off_field)}"
        )
    skills, matched, main, drafts, off = totals
    print(
        f"\nskills matched to the library: {matched}/{skills} ({100 * matched / max(skills, 1):.1f}%); "
        f"draft main questions: {drafts}/{main} ({100 * drafts / max(main, 1):.1f}%); "
        f"matches outside the role's field: {off}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or ["roles"]))
