"""The scanner marks every codemod honours: Bandit's nosec, ruff's noqa for an S rule."""

from __future__ import annotations

import pytest

from cwemod.codemods import all_codemods, get_codemod
from cwemod.codemods.kit.scanner_marks import silenced
from cwemod.engine.run import FileJob
from cwemod.engine.work import process_file

LINES = [
    "x = random.random()",
    "y = random.random()  # nosec",
    "z = random.random()  #nosec B311",
    "w = random.random()  # noqa: E501,S311",
    "v = random.random()  # noqa: E501",
    "u = 'nosec is not a comment here'",
]


@pytest.mark.parametrize(
    ("line", "expected"),
    [(1, False), (2, True), (3, True), (4, True), (5, False), (6, False)],
)
def test_a_line_is_silenced_by_a_nosec_or_an_s_rule_noqa_comment(line, expected):
    assert silenced(LINES, line, line) is expected


def test_a_mark_on_any_line_of_a_multi_line_site_counts():
    assert silenced(LINES, 4, 6) and not silenced(LINES, 5, 6)


def _scanner_codemods():
    return [
        get_codemod(codemod_id)
        for codemod_id in all_codemods()
        if get_codemod(codemod_id).rules and get_codemod(codemod_id).example
    ]


@pytest.mark.parametrize("codemod", _scanner_codemods(), ids=lambda codemod: codemod.id)
def test_every_codemod_of_a_scanner_rule_leaves_a_nosec_line_alone(codemod, tmp_path):
    example = tmp_path / "example.py"
    example.write_text(codemod.example)
    fixed = process_file(FileJob(example, example.name, ((codemod.id, {}),), allow_review=True))
    assert fixed.fixes, "the example must show a fix"

    lines = codemod.example.split("\n")
    for fix in fixed.fixes:
        lines[fix.line - 1] += "  # nosec"
    example.write_text("\n".join(lines))
    marked = process_file(FileJob(example, example.name, ((codemod.id, {}),), allow_review=True))

    assert not marked.changed and not marked.fixes and not marked.skipped_review
    # Why is said (some codemods only when a report points at the line); silent-except
    # takes the mark for a comment that documents the handler.
    assert all(
        "nosec" in refusal.reason or "a comment documents" in refusal.reason
        for refusal in marked.refusals
    )
