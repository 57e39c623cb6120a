"""The acceptance corpus: cwemod's ``--unsafe`` run over four pinned OpenStack projects.

Each project's run must give exactly the reviewed diff, every hunk of which
carries a note saying why it is right; the sites listed as untouched must get
no fix (and, where stated, the refusal reason given); and no changed file may
gain a flake8/hacking violation under the project's own configuration.
"""

from __future__ import annotations

import pytest
from corpus import PINS, combined_diff, fixes_at, hunks, load_review, refusals_at, run_cwemod
from gate import new_violations

from realsource import sdist_tree

pytestmark = pytest.mark.realcode


@pytest.mark.parametrize("pin", PINS, ids=[pin.package for pin in PINS])
def test_project_gets_exactly_the_reviewed_fixes(pin):
    tree = sdist_tree(pin.name, pin.version)
    run = run_cwemod(tree, pin)
    review = load_review(pin)
    problems = []

    diff = combined_diff(run)
    if diff != pin.expected_diff.read_text(encoding="utf-8"):
        problems.append(
            f"the diff differs from {pin.expected_diff.name}: run"
            " `python tests/realcode/update.py` and review every changed hunk"
        )
    noted = {(note["file"], note["hunk"]) for note in review.get("hunk", [])}
    for path, header in hunks(diff):
        if (path, header) not in noted:
            problems.append(f"{path} {header}: no note says why this hunk is right")
    for path, header in noted - set(hunks(diff)):
        problems.append(f"{path} {header}: a note for a hunk the run no longer makes")

    fixed, refused = fixes_at(run), refusals_at(run)
    for site in review.get("untouched", []):
        where = (site["file"], site["line"])
        if fixed[where]:
            problems.append(f"{site['file']}:{site['line']} must stay untouched: {site['why']}")
        wanted = site.get("refusal")
        if wanted and not any(wanted in reason for reason in refused.get(where, [])):
            problems.append(
                f"{site['file']}:{site['line']}: no refusal saying {wanted!r}"
                f" (got {refused.get(where, [])})"
            )

    for file in run["files"]:
        if file["diff"]:
            for violation in new_violations(tree, file["path"], file["diff"]):
                problems.append(f"{file['path']}: adds {violation}")

    assert not problems, "\n".join(problems)
