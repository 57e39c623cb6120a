"""``--verify``: the report's scanner re-run on the fixed files proves each fix or drops it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from rich.console import Console

from conftest import cli
from cwemod.codemods import Applicability, Fix
from cwemod.codemods.records import CreatedModule
from cwemod.engine.results import FileResult
from cwemod.engine.verify import (
    NOT_REPRODUCED,
    RESOLVED,
    STILL_PRESENT,
    ScanError,
    Scanned,
    Scanner,
    Unscanned,
    finding_status,
    scanner_for,
    verify_results,
)
from cwemod.errors import InputError
from cwemod.render.diff import diff_bytes
from cwemod.render.json_out import results_json
from cwemod.render.pretty import print_results
from cwemod.reports.model import Finding, Location, Triaged, Verdict
from vcs_support import make_project

# -- a scanner that reads markers, so that each test says what it finds ------------------

_MARKS = {"SHELL": "B602", "NOARGV": "B603", "ADDED": "B999"}


class MarkScanner:
    """Finds B602 on each line with SHELL, B603 with NOARGV, B999 with ADDED."""

    tool = "bandit"

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.runs = 0

    def scan(self, files: Mapping[str, bytes]) -> dict[str, list[Scanned]]:
        self.runs += 1
        if self.fail:
            raise ScanError("bandit failed (a crash)")
        return {
            name: Unscanned("syntax error") if b"UNSCANNABLE" in data else list(_marked(data))
            for name, data in files.items()
        }


def _marked(data: bytes):
    for number, line in enumerate(data.decode().splitlines(), start=1):
        for mark, rule in _MARKS.items():
            if mark in line:
                yield Scanned(rule, number, f"{rule} here")


OLD = """\
import subprocess


def first():
    subprocess.call("ls SHELL", shell=True)


# Far enough from the first call
# for its change to be
# a hunk of its own.


def second():
    subprocess.call("df SHELL", shell=True)
"""


def planned(new: str, codemod: str = "command-argv") -> tuple[FileResult, dict, list]:
    """A result changing OLD into ``new``; its fixes answer the findings on lines 5 and 14."""
    fixes = [
        Fix(codemod, 5, Applicability.SAFE, "argv list", ("bandit.json#1",)),
        Fix(codemod, 14, Applicability.SAFE, "argv list", ("bandit.json#2",)),
    ]
    result = FileResult(Path("pkg/run.py"), "pkg/run.py", OLD.encode(), new.encode(), fixes=fixes)
    findings = {
        f"bandit.json#{n}": Finding(f"bandit.json#{n}", "bandit", "shell", rule="B602")
        for n in (1, 2)
    }
    triaged = [
        Triaged(findings["bandit.json#1"], Verdict.FIX, "", codemod, Location(result.path, 5, 5)),
        Triaged(findings["bandit.json#2"], Verdict.FIX, "", codemod, Location(result.path, 14, 14)),
    ]
    return result, findings, triaged


def test_fixes_the_scanner_proves_are_kept_and_marked_resolved():
    new = OLD.replace('"ls SHELL", shell=True', '["ls"]').replace(
        '"df SHELL", shell=True', '["df"]'
    )
    result, findings, triaged = planned(new)
    scanner = MarkScanner()
    verify_results([result], findings, triaged, scanner)
    assert result.new == new.encode()
    assert result.verification == {"bandit.json#1": RESOLVED, "bandit.json#2": RESOLVED}
    assert not result.refusals
    assert scanner.runs == 2  # the originals once, the new bytes once, for every file together


def test_a_fix_that_leaves_its_finding_is_dropped_with_the_reason():
    new = OLD.replace('"ls SHELL", shell=True', '["ls"]').replace(
        '"df SHELL", shell=True', '"df SHELL", shell=True, text=True'
    )
    result, findings, triaged = planned(new)
    verify_results([result], findings, triaged, MarkScanner())
    assert result.new == OLD.replace('"ls SHELL", shell=True', '["ls"]').encode()
    assert [fix.line for fix in result.fixes] == [5]
    (refusal,) = result.refusals
    assert refusal.line == 14 and refusal.findings == ("bandit.json#2",)
    assert refusal.reason == "dropped by --verify: bandit still reports B602 (bandit.json#2)"
    assert result.verification == {"bandit.json#1": RESOLVED, "bandit.json#2": STILL_PRESENT}


def test_a_hunk_that_adds_a_finding_is_dropped_but_a_successor_is_not():
    new = OLD.replace('"ls SHELL", shell=True)', '["ls"])  # NOARGV').replace(
        '"df SHELL", shell=True)', '["df"])  # ADDED'
    )
    result, findings, triaged = planned(new)
    verify_results([result], findings, triaged, MarkScanner())
    assert result.new.decode() == OLD.replace('"ls SHELL", shell=True)', '["ls"])  # NOARGV')
    (refusal,) = result.refusals
    assert refusal.reason.startswith("dropped by --verify: adds B999 B999 here")
    assert result.verification["bandit.json#1"] == RESOLVED


def test_a_new_finding_counts_when_no_codemod_of_the_file_expects_it():
    new = OLD.replace('"ls SHELL", shell=True)', '["ls"])  # NOARGV')
    result, findings, triaged = planned(new, codemod="silent-except")
    result.fixes = result.fixes[:1]
    verify_results([result], findings, triaged, MarkScanner())
    assert not result.changed
    assert "adds B603" in result.refusals[0].reason


def test_a_finding_the_original_scan_does_not_show_is_not_reproduced_and_kept():
    new = OLD.replace('"ls SHELL", shell=True', '["ls"]')
    result, findings, triaged = planned(new)
    result.fixes = result.fixes[:1]
    triaged[0].location = Location(result.path, 2, 2)  # the report's line is stale
    verify_results([result], findings, triaged, MarkScanner())
    assert result.new == new.encode()
    assert result.verification == {"bandit.json#1": NOT_REPRODUCED}


def test_a_scanner_that_fails_fails_the_file_and_keeps_it():
    new = OLD.replace('"ls SHELL", shell=True', '["ls"]')
    result, findings, triaged = planned(new)
    verify_results([result], findings, triaged, MarkScanner(fail=True))
    assert not result.changed
    assert result.error == "--verify: bandit failed (a crash); file left as it was"


def test_a_file_the_scanner_cannot_scan_fails_and_is_kept():
    new = OLD.replace('"ls SHELL", shell=True)', '["ls"])  # UNSCANNABLE')
    result, findings, triaged = planned(new)
    verify_results([result], findings, triaged, MarkScanner())
    assert not result.changed
    assert result.error == ("--verify: bandit cannot scan it (syntax error); file left as it was")


def test_the_status_follows_a_finding_into_a_longer_replacement():
    old = "a()\nos.system('x SHELL')\nb()\n"
    new = "a()\nsubprocess.run(\n    ['x'],\n    check=False,\n)\nb()\n"
    before = [Scanned("B602", 2, "")]
    assert finding_status("B602", [(2, 2)], old, new, before, []) == RESOLVED
    still = [Scanned("B602", 4, "")]
    assert finding_status("B602", [(2, 2)], old, new, before, still) == STILL_PRESENT
    elsewhere = [Scanned("B602", 6, "")]  # the same rule on another line is another finding
    assert finding_status("B602", [(2, 2)], old, new, before, elsewhere) == RESOLVED
    assert finding_status("B602", [(1, 1)], old, new, before, []) == NOT_REPRODUCED


def test_the_diff_and_json_say_each_finding_s_status():
    new = OLD.replace('"ls SHELL", shell=True', '["ls"]')
    result, findings, triaged = planned(new)
    result.fixes = result.fixes[:1]
    verify_results([result], findings, triaged, MarkScanner())
    patch = diff_bytes([result]).decode()
    assert patch.startswith("# cwemod --verify: bandit.json#1 resolved\n--- a/pkg/run.py\n")
    (record,) = json.loads(results_json([result]))["files"]
    assert record["verification"] == {"bandit.json#1": "resolved"}


# -- which scanner ----------------------------------------------------------------------


def test_the_scanner_is_the_tool_that_wrote_the_report():
    pytest.importorskip("bandit")
    assert scanner_for([Finding("r#1", "bandit", "x", rule="B602")]).tool == "bandit"
    assert scanner_for([]) is None  # no finding: nothing to prove


@pytest.mark.parametrize(
    ("tools", "message"),
    [
        (("llm-review",), "--verify: cannot re-run 'llm-review'"),
        (("Semgrep",), "--verify: cannot re-run 'Semgrep'"),
        (("bandit", "ruff"), "--verify re-runs one scanner"),
    ],
)
def test_a_report_no_scanner_can_prove_is_an_input_error(tools, message):
    findings = [Finding(f"r#{n}", tool, "x") for n, tool in enumerate(tools)]
    with pytest.raises(InputError, match=re.escape(message)):
        scanner_for(findings)


def test_a_scanner_that_is_not_installed_is_an_input_error(monkeypatch):
    monkeypatch.setattr("cwemod.engine.tools.shutil.which", lambda name: None)
    monkeypatch.setattr("cwemod.engine.tools.find_spec", lambda name: None)
    with pytest.raises(InputError, match="--verify needs bandit: install it"):
        scanner_for([Finding("r#1", "bandit", "x", rule="B602")])


# -- with the real Bandit -----------------------------------------------------------------

SHELL_SOURCE = """\
import logging
import subprocess

LOG = logging.getLogger(__name__)


def run(path):
    subprocess.call("/bin/ls -l '%s'" % path, shell=True)


def load(items):
    for item in items:
        try:
            item.go()
        except Exception:
            continue
"""


def test_bandit_scans_copies_under_their_relative_paths():
    pytest.importorskip("bandit")
    scanner = Scanner("bandit", (sys.executable, "-m", "bandit"))
    found = scanner.scan({"pkg/run.py": SHELL_SOURCE.encode(), "other.py": b"x = 1\n"})
    assert {(item.rule, item.line) for item in found["pkg/run.py"]} >= {("B602", 8), ("B112", 15)}
    assert found["other.py"] == []


def test_a_bandit_that_fails_is_a_scan_error(tmp_path):
    scanner = Scanner("bandit", (sys.executable, "-c", "import sys; sys.exit(2)"))
    with pytest.raises(ScanError, match="bandit failed"):
        scanner.scan({"a.py": b"x = 1\n"})


@pytest.fixture
def shell_project(tmp_path: Path) -> Path:
    pytest.importorskip("bandit")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "run.py").write_text(SHELL_SOURCE, encoding="utf-8")
    report = subprocess.run(
        [sys.executable, "-m", "bandit", "--format", "json", "--quiet", "pkg/run.py"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    (tmp_path / "bandit.json").write_bytes(report.stdout)
    return tmp_path


def test_fix_verify_proves_the_fixes_with_bandit(shell_project):
    run = cli(
        "fix", "-r", "bandit.json", "--unsafe", "--verify", "--format", "json", "pkg",
        cwd=shell_project,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (record,) = json.loads(run.stdout)["files"]
    report = json.loads((shell_project / "bandit.json").read_text(encoding="utf-8"))
    rules = {f"bandit.json#{n}": item["test_id"] for n, item in enumerate(report["results"], 1)}
    statuses = {rules[finding]: status for finding, status in record["verification"].items()}
    # The argv list ends the shell (B602); B603, a call without one, is its expected successor.
    assert statuses == {"B602": RESOLVED, "B112": RESOLVED}
    assert sorted(fix["codemod"] for fix in record["fixes"]) == ["command-argv", "silent-except"]
    assert "cwemod: --verify: 2 findings resolved" in run.stderr


def test_fix_verify_drops_a_fix_bandit_finds_a_new_finding_in(shell_project):
    source = shell_project / "pkg" / "run.py"
    source.write_text(SHELL_SOURCE.replace("/bin/ls -l", "/bin/ls -l /tmp"), encoding="utf-8")
    run = cli(
        "fix", "-r", "bandit.json", "--unsafe", "--verify", "--format", "json", "pkg",
        cwd=shell_project,
    )  # fmt: skip
    (record,) = json.loads(run.stdout)["files"]
    # "/tmp" alone in the argv list is a string Bandit's B108 (a temporary directory) flags.
    assert [fix["codemod"] for fix in record["fixes"]] == ["silent-except"]
    (refusal,) = record["refusals"]
    assert refusal["codemod"] == "command-argv"
    assert refusal["reason"].startswith("dropped by --verify: adds B108")


def test_fix_verify_without_a_report_is_a_usage_error(tmp_path):
    (tmp_path / "run.py").write_text(SHELL_SOURCE, encoding="utf-8")
    run = cli("fix", "--verify", "run.py", cwd=tmp_path)
    assert run.returncode == 2
    assert "--verify needs a report (-r)" in run.stderr


def test_patch_verify_says_in_the_commit_message_what_the_rescan_found(tmp_path):
    pytest.importorskip("bandit")
    work, _ = make_project(tmp_path, {"pkg/run.py": SHELL_SOURCE.encode()})
    report = subprocess.run(
        [sys.executable, "-m", "bandit", "--format", "json", "--quiet", "pkg/run.py"],
        cwd=work,
        capture_output=True,
        check=False,
    )
    (tmp_path / "bandit.json").write_bytes(report.stdout)
    run = cli(
        "patch", "-r", str(tmp_path / "bandit.json"), "--unsafe", "--verify",
        "--split", "finding", "-o", str(tmp_path / "out"), "pkg",
        cwd=work,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    text = "".join(path.read_text() for path in sorted((tmp_path / "out").glob("*.patch")))
    assert text.count("Re-scanned with bandit after this change: resolved.") == 2


def test_pretty_output_says_each_finding_s_status():
    new = OLD.replace('"ls SHELL", shell=True', '["ls"]')
    result, findings, triaged = planned(new)
    result.fixes = result.fixes[:1]
    verify_results([result], findings, triaged, MarkScanner())
    console = Console(record=True, width=200)
    print_results(console, [result], findings)
    assert "answers bandit.json#1 (B602) · resolved (--verify)" in console.export_text()


def test_fix_verify_re_runs_ruff_for_a_ruff_sarif_report(tmp_path):
    pytest.importorskip("ruff")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "run.py").write_text(SHELL_SOURCE, encoding="utf-8")
    sarif = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "S"]
        + ["--output-format", "sarif", "--exit-zero", "pkg"],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    )
    (tmp_path / "ruff.sarif").write_bytes(sarif.stdout)
    run = cli(
        "fix", "-r", "ruff.sarif", "--unsafe", "--verify", "--format", "json", "pkg",
        cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (record,) = json.loads(run.stdout)["files"]
    # S602 and S112 resolved; S603 is the expected successor.
    assert sorted(record["verification"].values()) == [RESOLVED, RESOLVED]
    assert not record["refusals"]


@pytest.mark.parametrize(
    ("helper", "created"), [("x = 1  # NOARGV\n", True), ("x = 1  # ADDED\n", False)]
)
def test_a_new_module_with_an_unexpected_finding_is_not_created(helper, created):
    new = OLD.replace('"ls SHELL", shell=True', '["ls"]')
    result, findings, triaged = planned(new)
    result.fixes = result.fixes[:1]
    module = CreatedModule("command-argv", "pkg/helper.py", helper, Applicability.SAFE, "helper")
    result.needs = [(Path("pkg/helper.py"), module)]
    made = FileResult(Path("pkg/helper.py"), "pkg/helper.py", b"", helper.encode(), created=True)
    verify_results([made, result], findings, triaged, MarkScanner())
    assert made.changed is created and result.counts_as_changed is created
    if not created:
        assert made.error == "--verify: adds B999 B999 here; not created"
        assert "helper.py, was dropped" in result.error


def test_fix_verify_without_the_scanner_is_a_usage_error(shell_project, monkeypatch):
    monkeypatch.setattr("cwemod.engine.tools.shutil.which", lambda name: None)
    monkeypatch.setattr("cwemod.engine.tools.find_spec", lambda name: None)
    run = cli("fix", "-r", "bandit.json", "--verify", "pkg", cwd=shell_project)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "cwemod: error: --verify needs bandit: install it beside cwemod or put it on PATH"
    ]
