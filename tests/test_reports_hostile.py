"""Hostile reports: every wrong shape is exit 2 and one line naming the file and the field.

Each case takes a report that reads cleanly, changes one field, and runs the
real command on it. Sizes and depths are bounded too: deep nesting, huge
integers, huge line ranges and long lines cost little time and memory.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cwemod.cli import main
from cwemod.reports import read_report

DELETE = object()
HUGE = "9" * 10_000  # a JSON integer of 10,000 digits, spliced into the report text
FIND_ID = "m1"
LINE_SPAN = 200  # a range gives its first line and at most this many after it
MAX_LINES = 400  # line hints of one finding


def sarif_document() -> dict:
    """A SARIF report using every field the reader reads."""
    rule = {
        "id": "R1",
        "name": "rule-one",
        "shortDescription": {"text": "short"},
        "fullDescription": {"text": "full"},
        "messageStrings": {FIND_ID: {"text": "found {0}"}},
        "relationships": [{"target": {"id": "79", "toolComponent": {"name": "CWE"}}}],
        "properties": {"tags": ["security"]},
    }
    result = {
        "ruleId": "R1",
        "ruleIndex": 0,
        "rule": {"id": "R1", "index": 0},
        "kind": "fail",
        "message": {"text": "a finding"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "a.py"},
                    "region": {"startLine": 1, "endLine": 1},
                },
                "logicalLocations": [{"fullyQualifiedName": "load", "name": "load"}],
            }
        ],
        "partialFingerprints": {"hash/v1": "abc"},
        "taxa": [{"id": "79", "index": 0, "toolComponent": {"name": "CWE"}}],
        "properties": {"tags": ["security"]},
        "suppressions": [{"status": "rejected"}],
    }
    run = {
        "tool": {
            "driver": {"name": "scanner", "rules": [rule]},
            "extensions": [{"name": "pack", "rules": [{"id": "P1"}]}],
        },
        "originalUriBaseIds": {"SRC": {"uri": "src/"}},
        "artifacts": [{"location": {"uri": "a.py"}}],
        "taxonomies": [{"name": "CWE", "taxa": [{"id": "79"}]}],
        "results": [result],
    }
    return {"version": "2.1.0", "runs": [run]}


def bandit_document() -> dict:
    result = {
        "test_id": "B506",
        "test_name": "yaml_load",
        "filename": "a.py",
        "line_number": 1,
        "line_range": [1, 2],
        "issue_text": "Use of unsafe yaml load.",
        "issue_cwe": {"id": 20, "link": "https://cwe.mitre.org/data/definitions/20.html"},
    }
    return {"errors": [], "generated_at": "2024-01-01T00:00:00Z", "results": [result]}


RESULT = "runs.0.results.0"
RULE = "runs.0.tool.driver.rules.0"
LOCATION = f"{RESULT}.locations.0"
PHYSICAL = f"{LOCATION}.physicalLocation"
ARTIFACT = f"{PHYSICAL}.artifactLocation"
REGION = f"{PHYSICAL}.region"

# Some fields are read only in some reports; these edits make the report one of them.
BY_TEMPLATE = {f"{RESULT}.message": {"id": FIND_ID, "arguments": ["x"]}}  # messageStrings
BY_ARTIFACT = {ARTIFACT: {"index": 0}}  # the path from run.artifacts
BY_LOGICAL = {REGION: DELETE}  # the symbol from logicalLocations
BY_TAXON_INDEX = {f"{RESULT}.taxa.0.id": DELETE}  # the CWE from run.taxonomies
BY_RULE_REFERENCE = {f"{RESULT}.ruleIndex": DELETE}  # the rule from result.rule
BY_FULL_DESCRIPTION = {  # the CWE from the rule's fullDescription
    f"{RESULT}.taxa": DELETE,
    f"{RULE}.relationships": DELETE,
    f"{RESULT}.properties": DELETE,
    f"{RULE}.properties": DELETE,
}

STRING, INTEGER, LIST, OBJECT = (
    "is not a string",
    "is not an integer",
    "is not a list",
    "is not an object",
)
LINE, BIG_LINE = "is not a positive integer", "is too large for a line number (over 10000000)"


def wrong(field: str, value, problem: str, given: dict | None = None):
    """``field`` (dotted; digits index lists) set to ``value`` is rejected as ``problem``.

    ``given`` edits the report first, so that it is one where the field is read.
    """
    return pytest.param({field: value}, given or {}, f"{field_path(field)} {problem}", id=field)


def field_path(dotted: str) -> str:
    """``runs.0.tool`` -> ``runs[0].tool``, as the messages name fields."""
    return re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", dotted)


SARIF_CASES = [
    pytest.param({"runs.0.tool": DELETE}, {}, "runs[0] has no tool", id="tool-missing"),
    pytest.param({"runs.0.tool.driver": DELETE}, {}, "runs[0].tool has no driver", id="no-driver"),
    wrong("runs.0.tool.driver.name", 5, STRING),
    wrong("runs.0.tool.driver.rules", 1, LIST),
    wrong(RULE, "R1", OBJECT),
    wrong(f"{RULE}.id", ["R1"], STRING),
    wrong(f"{RULE}.name", 1, STRING, given={f"{RULE}.shortDescription": DELETE}),
    wrong(f"{RULE}.shortDescription", "s", OBJECT),
    wrong(f"{RULE}.shortDescription.text", 1, STRING),
    wrong(f"{RULE}.fullDescription", [], OBJECT, given=BY_FULL_DESCRIPTION),
    wrong(
        f"{RULE}.fullDescription.markdown",
        2,
        STRING,
        given={**BY_FULL_DESCRIPTION, f"{RULE}.fullDescription.text": DELETE},
    ),
    wrong(f"{RULE}.messageStrings", [], OBJECT, given=BY_TEMPLATE),
    wrong(f"{RULE}.messageStrings.{FIND_ID}", "x", OBJECT, given=BY_TEMPLATE),
    wrong(f"{RULE}.relationships", 1, LIST),
    wrong(f"{RULE}.relationships.0", "CWE-79", OBJECT),
    wrong(f"{RULE}.relationships.0.target", "CWE-79", OBJECT),
    wrong(f"{RULE}.properties", ["CWE-79"], OBJECT),
    wrong(f"{RULE}.properties.tags", "CWE-79", LIST),
    wrong(f"{RULE}.properties.tags.0", 79, STRING),
    wrong("runs.0.tool.extensions", 1, LIST),
    wrong("runs.0.tool.extensions.0", "pack", OBJECT),
    wrong("runs.0.tool.extensions.0.rules", 1, LIST),
    wrong("runs.0.tool.extensions.0.rules.0", 7, OBJECT),
    wrong("runs.0.originalUriBaseIds", [], OBJECT),
    wrong("runs.0.originalUriBaseIds.SRC", "src/", OBJECT),
    wrong("runs.0.originalUriBaseIds.SRC.uri", 1, STRING),
    wrong("runs.0.taxonomies", 1, LIST),
    wrong("runs.0.taxonomies.0", "CWE", OBJECT),
    wrong("runs.0.taxonomies.0.name", ["CWE"], STRING),
    wrong("runs.0.taxonomies.0.taxa", 1, LIST),
    wrong("runs.0.taxonomies.0.taxa.0", 79, OBJECT),
    wrong("runs.0.taxonomies.0.taxa.0.id", 79, STRING),
    wrong("runs.0.artifacts", 1, LIST, given=BY_ARTIFACT),
    wrong("runs.0.artifacts.0", "a.py", OBJECT, given=BY_ARTIFACT),
    wrong("runs.0.artifacts.0.location", "a.py", OBJECT, given=BY_ARTIFACT),
    wrong("runs.0.artifacts.0.location.uri", 1, STRING, given=BY_ARTIFACT),
    wrong(f"{RESULT}.kind", ["fail"], STRING),
    wrong(f"{RESULT}.suppressions", 1, LIST),
    wrong(f"{RESULT}.suppressions.0", "accepted", OBJECT),
    wrong(f"{RESULT}.suppressions.0.status", 1, STRING),
    wrong(f"{RESULT}.rule", "R1", OBJECT),
    wrong(f"{RESULT}.rule.id", 1, STRING, given={f"{RESULT}.ruleId": DELETE}),
    wrong(f"{RESULT}.rule.index", "0", INTEGER, given=BY_RULE_REFERENCE),
    wrong(f"{RESULT}.ruleId", 1, STRING),
    wrong(f"{RESULT}.ruleIndex", "0", INTEGER),
    wrong(f"{RESULT}.ruleIndex", True, INTEGER),
    wrong(f"{RESULT}.ruleIndex", HUGE, "is too large (10000 digits)"),
    wrong(f"{RESULT}.message.text", 1, STRING),
    wrong(f"{RESULT}.message.markdown", ["m"], STRING, given={f"{RESULT}.message.text": DELETE}),
    wrong(f"{RESULT}.message.id", 1, STRING, given={f"{RESULT}.message.text": DELETE}),
    wrong(f"{RESULT}.message.arguments", 1, LIST, given=BY_TEMPLATE),
    wrong(f"{RESULT}.message.arguments.0", {}, STRING, given=BY_TEMPLATE),
    wrong(f"{RESULT}.locations", {}, LIST),
    wrong(ARTIFACT, "a.py", OBJECT),
    wrong(f"{ARTIFACT}.uri", ["a.py"], STRING),
    wrong(f"{ARTIFACT}.uriBaseId", 1, STRING),
    wrong(f"{ARTIFACT}.index", "0", INTEGER, given=BY_ARTIFACT),
    wrong(f"{REGION}.startLine", "ten", LINE),
    wrong(f"{REGION}.startLine", 0, LINE),
    wrong(f"{REGION}.startLine", 10**8, BIG_LINE),
    wrong(f"{REGION}.startLine", HUGE, BIG_LINE),
    wrong(f"{REGION}.endLine", "2", LINE),
    wrong(f"{REGION}.endLine", 10**8, BIG_LINE),
    wrong(f"{LOCATION}.logicalLocations", 1, LIST, given=BY_LOGICAL),
    wrong(f"{LOCATION}.logicalLocations.0", "load", OBJECT, given=BY_LOGICAL),
    wrong(f"{LOCATION}.logicalLocations.0.fullyQualifiedName", 1, STRING, given=BY_LOGICAL),
    wrong(
        f"{LOCATION}.logicalLocations.0.name",
        ["load"],
        STRING,
        given={**BY_LOGICAL, f"{LOCATION}.logicalLocations.0.fullyQualifiedName": DELETE},
    ),
    wrong(f"{RESULT}.partialFingerprints", ["abc"], OBJECT),
    wrong(f"{RESULT}.partialFingerprints.other", 1, STRING),  # beside a string: mixed types
    wrong(
        f"{RESULT}.fingerprints.b",
        [1],
        STRING,
        given={f"{RESULT}.partialFingerprints": DELETE, f"{RESULT}.fingerprints": {"a": "x"}},
    ),
    wrong(f"{RESULT}.taxa", 1, LIST),
    wrong(f"{RESULT}.taxa.0", "CWE-79", OBJECT),
    wrong(f"{RESULT}.taxa.0.id", 79, STRING),
    wrong(f"{RESULT}.taxa.0.index", "0", INTEGER, given=BY_TAXON_INDEX),
    wrong(f"{RESULT}.taxa.0.toolComponent", "CWE", OBJECT),
    wrong(f"{RESULT}.taxa.0.toolComponent.name", 1, STRING),
    wrong(f"{RESULT}.properties", ["CWE-79"], OBJECT),
    wrong(f"{RESULT}.properties.tags", 79, LIST),
    pytest.param(
        {f"{RESULT}.partialFingerprints": {"a\nb": 1}},
        {},
        "runs[0].results[0].partialFingerprints['a\\nb'] is not a string",
        id="key-with-a-newline",
    ),
]

BANDIT_CASES = [
    wrong("results.0.test_id", 602, STRING),
    wrong("results.0.filename", ["a.py"], STRING),
    wrong("results.0.line_number", True, LINE),
    wrong("results.0.line_number", 10**8, BIG_LINE),
    wrong("results.0.line_number", HUGE, BIG_LINE),
    wrong("results.0.line_range.1", "2", LINE),
    wrong("results.0.line_range.1", 10**8, BIG_LINE),
    wrong("results.0.issue_text", 1, STRING),
    wrong("results.0.test_name", {}, STRING),
    wrong("results.0.issue_cwe", 78, OBJECT),
    wrong("results.0.issue_cwe.id", "78", INTEGER),
    wrong("results.0.issue_cwe.id", HUGE, "is too large (10000 digits)"),
]


# Shapes that cwemod rejected before the checks were made systematic: they stay rejected.
KEPT_CASES = [
    ("sarif", wrong("runs", {}, LIST)),
    ("sarif", wrong("runs.0", "run", OBJECT)),
    ("sarif", wrong("runs.0.tool", "x", OBJECT)),
    ("sarif", wrong("runs.0.tool.driver", [], OBJECT)),
    ("sarif", wrong("runs.0.results", 1, LIST)),
    ("sarif", wrong(RESULT, "r", OBJECT)),
    ("sarif", wrong(f"{RESULT}.message", "a finding", OBJECT)),
    ("sarif", wrong(LOCATION, "a.py", OBJECT)),
    ("sarif", wrong(PHYSICAL, "a.py", OBJECT)),
    ("sarif", wrong(REGION, 1, OBJECT)),
    ("bandit", wrong("results.0", "r", OBJECT)),
    ("bandit", pytest.param({"results.0.test_id": DELETE}, {}, "results[0] has no test_id")),
    ("bandit", wrong("results.0.line_number", "1", LINE)),
    ("bandit", wrong("results.0.line_number", 0, LINE)),
    ("bandit", wrong("results.0.line_range", {"1": 2}, LIST)),
]


def edited(document: dict, edits: dict) -> dict:
    document = copy.deepcopy(document)
    for dotted, value in edits.items():
        *parents, last = [int(part) if part.isdigit() else part for part in dotted.split(".")]
        holder = document
        for part in parents:
            holder = holder[part]
        if value is DELETE:
            del holder[last]
        else:
            holder[last] = copy.deepcopy(value)
    return document


def as_text(document: dict) -> str:
    """JSON text, with HUGE written as a bare integer rather than a string."""
    return json.dumps(document).replace(f'"{HUGE}"', HUGE)


def run_cwemod(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr.splitlines()


@pytest.fixture
def target(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.py"
    path.write_text("import yaml\n\n\ndef load(s):\n    return yaml.load(s)\n")
    return path


def assert_rejected(report: Path, target: Path, expected: str, command: str = "findings") -> None:
    code, lines = run_cwemod(command, "-r", str(report), str(target))
    assert code == 2, lines
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"cwemod: error: {report}: "), lines
    assert expected in lines[0]
    assert "Traceback" not in lines[0]


def check_case(tmp_path, target, document, name, change, context, expected, command="findings"):
    report = tmp_path / name
    report.write_text(as_text(edited(document, context)))
    code, lines = run_cwemod("findings", "-r", str(report), str(target))
    assert code == 0, f"the report before the change must read cleanly: {lines}"
    report.write_text(as_text(edited(document, {**context, **change})))
    assert_rejected(report, target, expected, command)


@pytest.mark.parametrize(("change", "context", "expected"), SARIF_CASES)
def test_sarif_field_of_wrong_shape(tmp_path, target, change, context, expected):
    check_case(tmp_path, target, sarif_document(), "report.sarif", change, context, expected)


@pytest.mark.parametrize(("change", "context", "expected"), BANDIT_CASES)
def test_bandit_field_of_wrong_shape(tmp_path, target, change, context, expected):
    check_case(tmp_path, target, bandit_document(), "bandit.json", change, context, expected)


@pytest.mark.parametrize(
    ("change", "context", "expected", "kind"),
    [pytest.param(*case.values, kind, id=case.id) for kind, case in KEPT_CASES],
)
def test_shapes_rejected_before_still_name_their_field(
    tmp_path, target, change, context, expected, kind
):
    document, name = (
        (sarif_document, "report.sarif") if kind == "sarif" else (bandit_document, "bandit.json")
    )
    check_case(tmp_path, target, document(), name, change, context, expected)


@pytest.mark.parametrize(
    ("name", "document", "field", "value"),
    [
        ("report.sarif", sarif_document, f"{RESULT}.kind", ["fail"]),
        ("report.sarif", sarif_document, ARTIFACT, "a.py"),
        ("bandit.json", bandit_document, "results.0.line_range", [1, 10**8]),
    ],
)
def test_fix_rejects_a_malformed_report_too(tmp_path, target, name, document, field, value):
    check_case(tmp_path, target, document(), name, {field: value}, {}, field_path(field), "fix")


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_is_one_line(tmp_path, target, opening):
    report = tmp_path / "deep.json"
    closing = "]" if opening == "[" else "}"
    report.write_text(opening * 100_000 + "1" + closing * 100_000)
    assert_rejected(report, target, "JSON nested too deeply")


def test_deep_nesting_inside_a_sarif_report(tmp_path, target):
    report = tmp_path / "deep.sarif"
    document = edited(sarif_document(), {f"{RESULT}.properties.extra": "DEEP"})
    report.write_text(json.dumps(document).replace('"DEEP"', "[" * 100_000 + "]" * 100_000))
    assert_rejected(report, target, "JSON nested too deeply")


def test_huge_integer_where_no_field_is_read_is_harmless(tmp_path, target):
    """An integer of 10,000 digits in a tool's own property costs nothing."""
    report = tmp_path / "report.sarif"
    report.write_text(as_text(edited(sarif_document(), {f"{RESULT}.properties.rank": HUGE})))
    code, lines = run_cwemod("findings", "-r", str(report), str(target))
    assert (code, lines) == (0, [])


def test_bandit_line_range_is_bounded(tmp_path):
    report = tmp_path / "bandit.json"
    line_range = [3, 2_000_000]
    report.write_text(json.dumps(edited(bandit_document(), {"results.0.line_range": line_range})))
    started = time.perf_counter()
    [finding] = read_report(report)
    assert time.perf_counter() - started < 1
    assert finding.lines == (1, *range(3, 3 + LINE_SPAN + 1))


def test_markdown_line_hints_are_bounded(tmp_path):
    ranges = ", ".join(f"{start}-{start + 199}" for start in range(1, 2_000_000, 200))
    report = tmp_path / "review.md"
    report.write_text(f"1. **CWE-78 (OS Command Injection)**: `run()` at lines {ranges}\n")
    [finding] = read_report(report)
    assert finding.lines == tuple(range(1, MAX_LINES + 1))


def test_markdown_huge_numbers_are_no_cwe_and_no_line(tmp_path, target):
    report = tmp_path / "review.md"
    report.write_text(
        f"1. **CWE-{'7' * 5000} (Odd)**: `load()` line {'8' * 5000}\n"
        f"2. **CWE-20 (Improper Input Validation)**: `load()` in a.py:{'9' * 5000}\n"
    )
    findings = read_report(report)
    assert [(finding.cwe, finding.lines) for finding in findings] == [((), ()), (("CWE-20",), ())]


LONG_LINES = [
    "# x" + " " * 100_000 + "y",  # a heading with a long run of spaces
    "# x" + " " * 100_000 + ": CWE-1",  # a header whose title pattern tries every split
    "- " * 50_000 + "x CWE-1",  # an item header behind many list markers
]


def test_markdown_long_lines_are_read_in_linear_time(tmp_path, target):
    """In a fresh process with a deadline: on a quadratic pattern this would run for hours."""
    reports = []
    for number, line in enumerate(LONG_LINES):
        report = tmp_path / f"review{number}.md"
        report.write_text(f"1. **CWE-78 (OS Command Injection)**: `load()` line 5\n\n{line}\n")
        reports += ["-r", str(report)]
    run = subprocess.run(
        [sys.executable, "-m", "cwemod", "findings", *reports, str(target)],
        capture_output=True,
        text=True,
        timeout=60,  # under a second when linear, even on a loaded machine
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("load") >= len(LONG_LINES)
