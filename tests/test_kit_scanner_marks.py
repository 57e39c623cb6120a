"""The scanner marks every codemod honours: Bandit's nosec, ruff's noqa for an S rule."""

from __future__ import annotations

import pytest

from cwemod.codemods.kit.scanner_marks import silenced

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
