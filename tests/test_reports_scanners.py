"""Bandit JSON and SARIF, produced by running the real tools on a small fixture."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli
from cwemod.engine.triage import codemods_for, triage
from cwemod.reports import read_report
from cwemod.reports.model import Verdict

SAMPLE = """\
import subprocess

import yaml


def restart(service):
    subprocess.call('systemctl restart ' + service, shell=True)


def read(stream):
    return yaml.load(stream, Loader=yaml.FullLoader)


def read_safely(stream):
    return yaml.load(stream, Loader=yaml.SafeLoader)
"""


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.py"
    path.write_text(SAMPLE)
    return path


def _ruff() -> str | None:
    beside = Path(sys.executable).with_name("ruff")
    return str(beside) if beside.exists() else shutil.which("ruff")


def _run(command, cwd):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture
def bandit_report(sample):
    try:
        import bandit  # noqa: F401
    except ImportError:
        pytest.skip("bandit is not installed")
    report = sample.parent / "bandit.json"
    run = _run(
        [sys.executable, "-m", "bandit", "-f", "json", "-q", "-o", str(report), sample.name],
        sample.parent,
    )
    assert report.exists(), run.stderr
    return report


@pytest.fixture
def sarif_report(sample):
    ruff = _ruff()
    if ruff is None:
        pytest.skip("ruff is not installed")
    run = _run(
        [ruff, "check", "--no-cache", "--select", "S", "--output-format", "sarif", sample.name],
        sample.parent,
    )
    report = sample.parent / "ruff.sarif"
    report.write_text(run.stdout)
    return report


def test_bandit_json_findings(bandit_report, sample):
    findings = {finding.rule: finding for finding in read_report(bandit_report)}
    assert {"B602", "B506"} <= set(findings)
    shell = findings["B602"]
    assert shell.tool == "bandit"
    assert shell.cwe == ("CWE-78",)
    assert Path(shell.path).name == "sample.py"
    assert (
        shell.lines[0]
        == SAMPLE.splitlines().index(
            "    subprocess.call('systemctl restart ' + service, shell=True)"
        )
        + 1
    )
    assert codemods_for(shell) == ["command-argv"]
    assert codemods_for(findings["B506"]) == ["yaml-safe-load"]


def test_bandit_json_triage_locates_today_and_fixes_only_what_it_points_at(bandit_report, sample):
    triaged = {item.finding.rule: item for item in triage(read_report(bandit_report), [sample])}
    yaml_finding = triaged["B506"]
    assert yaml_finding.verdict is Verdict.FIX
    assert yaml_finding.codemod == "yaml-safe-load"
    assert yaml_finding.location.symbol == "read"
    # The import line has no mechanical fix: Bandit's B404 maps to no codemod.
    assert triaged["B404"].verdict is Verdict.ADVICE_ONLY


def test_ruff_sarif_findings(sarif_report, sample):
    findings = {finding.rule: finding for finding in read_report(sarif_report)}
    assert {"S602", "S506"} <= set(findings)
    assert findings["S602"].tool == "ruff"
    assert Path(findings["S602"].path).resolve() == sample.resolve()
    assert codemods_for(findings["S506"]) == ["yaml-safe-load"]
    assert codemods_for(findings["S602"]) == ["command-argv"]


def test_ruff_sarif_drives_fix(sarif_report, sample):
    (yaml_finding,) = [finding for finding in read_report(sarif_report) if finding.rule == "S506"]
    run = cli(
        "fix",
        "-c",
        "yaml-safe-load",
        "-r",
        str(sarif_report),
        "--format",
        "json",
        sample.name,
        cwd=sample.parent,
    )
    assert run.returncode == 0, run.stderr
    (changed,) = json.loads(run.stdout)["files"]
    assert [(fix["codemod"], fix["findings"]) for fix in changed["fixes"]] == [
        ("yaml-safe-load", [yaml_finding.id])
    ]
    assert "+    return yaml.safe_load(stream)" in changed["diff"]
    assert "1 of " in run.stderr and "report findings answered by a fix" in run.stderr


SARIF_WITH_TAXA = {
    "version": "2.1.0",
    "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "runs": [
        {
            "tool": {
                "driver": {
                    "name": "semgrep",
                    "rules": [
                        {
                            "id": "python.lang.security.unsafe-yaml",
                            "shortDescription": {"text": "Unsafe YAML load"},
                            "properties": {"tags": ["CWE-502: Deserialization of Untrusted Data"]},
                        },
                        {
                            "id": "shell-true",
                            "relationships": [
                                {"target": {"id": "78", "toolComponent": {"name": "CWE"}}}
                            ],
                        },
                    ],
                }
            },
            "originalUriBaseIds": {"SRCROOT": {"uri": "file:///project/"}},
            "results": [
                {
                    "ruleId": "python.lang.security.unsafe-yaml",
                    "ruleIndex": 0,
                    "message": {"text": "yaml.load with FullLoader"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {
                                    "uri": "src/app%20io.py",
                                    "uriBaseId": "SRCROOT",
                                },
                                "region": {"startLine": 10, "endLine": 11},
                            }
                        }
                    ],
                    "partialFingerprints": {"primaryLocationLineHash": "abc123:1"},
                },
                {
                    "ruleId": "shell-true",
                    "message": {"text": "shell=True"},
                    "locations": [{"logicalLocations": [{"fullyQualifiedName": "Runner.start"}]}],
                },
                {"ruleId": "shell-true", "kind": "pass", "message": {"text": "checked"}},
                {
                    "ruleId": "shell-true",
                    "message": {"text": "waived"},
                    "suppressions": [{"kind": "inSource"}],
                },
            ],
        }
    ],
}


def test_sarif_cwe_from_tags_and_taxonomy_relationships(tmp_path):
    report = tmp_path / "scan.sarif"
    report.write_text(json.dumps(SARIF_WITH_TAXA))
    first, second = read_report(report)  # the pass and the suppressed result are not findings
    assert first.cwe == ("CWE-502",)
    assert first.title == "Unsafe YAML load"
    assert first.path == "/project/src/app io.py"
    assert first.lines == (10, 11)
    assert first.fingerprint == "abc123:1"
    assert second.cwe == ("CWE-78",)
    assert second.path is None and second.symbols == ("Runner.start",)
    assert second.id == "scan.sarif#2"


@pytest.mark.parametrize(("rule_id", "cwe"), [("CWE-772", ("CWE-772",)), ("cwe-78", ("CWE-78",))])
def test_sarif_rule_named_by_its_cwe_gives_the_cwe(tmp_path, rule_id, cwe):
    """A scanner whose rule ids are CWE ids, with no taxa or tags."""
    result = {
        "ruleId": rule_id,
        "message": {"text": "leak"},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": "a.py"}, "region": {"startLine": 3}}}
        ],
    }
    sarif = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [result]}]}
    report = tmp_path / "scan.sarif"
    report.write_text(json.dumps(sarif))
    [finding] = read_report(report)
    assert (finding.rule, finding.cwe) == (rule_id, cwe)


def test_a_finding_no_codemod_answers_on_a_line_marked_for_another_scanner_is_reviewed(tmp_path):
    """keystonemiddleware's ``_TOKEN_AUTH = 'keystone.token_auth'  # nosec``: ruff's S105
    there is the line Bandit's mark already says the project reviewed."""
    ruff = _ruff()
    if ruff is None:
        pytest.skip("ruff is not installed")
    (tmp_path / "request.py").write_text(
        "_TOKEN_AUTH = 'keystone.token_auth'  # nosec\n_TOKEN_INFO = 'keystone.token_info'\n"
    )
    run = _run(
        [ruff, "check", "--no-cache", "--select", "S105", "--output-format", "sarif", "."],
        tmp_path,
    )
    (tmp_path / "ruff.sarif").write_text(run.stdout)
    triaged = triage(read_report(tmp_path / "ruff.sarif"), [tmp_path / "request.py"])
    verdicts = {item.location.shown_line: (item.verdict, item.reason) for item in triaged}
    assert verdicts[1][0] is Verdict.NOT_APPLICABLE
    assert verdicts[1][1].startswith("marked for its scanner") and "# noqa: S105" in verdicts[1][1]
    assert verdicts[2][0] is Verdict.ADVICE_ONLY and "hard-coded password" in verdicts[2][1]
