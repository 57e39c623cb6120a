"""Unknown or malformed reports: exit 2, one line naming the file, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import cli as run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "reports"
GOOD_SARIF = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}

MALFORMED = {
    "broken.json": ('{"results": [', "invalid JSON at line 1"),
    "unknown.json": ('{"alerts": []}', "unknown JSON report"),
    "old.sarif": (
        json.dumps({**GOOD_SARIF, "version": "2.0.0"}),
        "SARIF version '2.0.0' is not supported",
    ),
    "runs.sarif": (json.dumps({"version": "2.1.0", "runs": {}}), "runs is not a list"),
    "region.sarif": (
        json.dumps(
            {
                "version": "2.1.0",
                "runs": [
                    {
                        "tool": {"driver": {"name": "x"}},
                        "results": [
                            {
                                "ruleId": "R",
                                "message": {"text": "m"},
                                "locations": [
                                    {"physicalLocation": {"region": {"startLine": "ten"}}}
                                ],
                            }
                        ],
                    }
                ],
            }
        ),
        "region.startLine is not a positive integer",
    ),
    "bandit.json": (
        json.dumps(
            {
                "errors": [],
                "generated_at": "x",
                "results": [{"test_id": "B602", "filename": "a.py"}],
            }
        ),
        "results[0] has no line_number",
    ),
    "empty.md": ("", "empty report"),
    "notes.md": ("# Review\n\nThe code looks fine to me.\n", "no findings found"),
    "binary.md": (b"\xff\xfe\x00\x01garbage", "not a text report"),
}


CASES = [("findings", name) for name in sorted(MALFORMED)] + [
    ("fix", name) for name in ("broken.json", "region.sarif", "bandit.json", "notes.md")
]


@pytest.mark.parametrize(("command", "name"), CASES)
def test_malformed_report_exits_2_with_one_line(tmp_path, name, command):
    content, expected = MALFORMED[name]
    report = tmp_path / name
    report.write_bytes(content if isinstance(content, bytes) else content.encode())
    target = tmp_path / "a.py"
    target.write_text("x = 1\n")
    run = run_cli(command, "-r", str(report), str(target), cwd=tmp_path)
    assert run.returncode == 2
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"cwemod: error: {report}: ")
    assert expected in lines[0]
    assert "Traceback" not in run.stderr


def test_missing_report_file(tmp_path):
    run = run_cli("findings", "-r", "nope.md", ".", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip().startswith("cwemod: error: nope.md: cannot read report")


def test_report_naming_no_file_needs_exactly_one_path(tmp_path):
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text("x = 1\n")
    run = run_cli("findings", "-r", str(FIXTURES / "fip_review.md"), "a.py", "b.py", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        "cwemod: error: fip_review.md: names no file, so it needs exactly one PATH (got 2)"
    ]


def test_report_naming_no_file_and_a_directory(tmp_path):
    run = run_cli("fix", "-r", str(FIXTURES / "fip_review.md"), ".", cwd=tmp_path)
    assert run.returncode == 2
    assert "names no file" in run.stderr and "give the one file it reviews" in run.stderr
    assert len(run.stderr.splitlines()) == 1
