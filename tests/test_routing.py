"""Report mode routes every Bandit id a plain run fixes; the rest get advice, not a shrug."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from before_after import ROOT, all_cases
from cwemod.codemods import all_codemods
from cwemod.engine.config import Config
from cwemod.engine.triage import codemods_for, triage
from cwemod.reports.bandit import parse_bandit
from cwemod.reports.model import Finding, Verdict
from cwemod.reports.sarif import parse_sarif
from cwemod.reports.scanner_advice import ADVICE, advice_for

FIX_CASES = [case for case in all_cases() if case.after is not None]
# The ids the issue names as having no mechanical fix.
NO_MECHANICAL_FIX = ("B101", "B104", "B105", "B106", "B107", "B301", "B302", "B403")


def bandit_report(lines: list[tuple[str, int]], filename: str) -> dict:
    results = [
        {
            "test_id": rule,
            "filename": filename,
            "line_number": line,
            "line_range": [line],
            "issue_text": f"{rule} finding",
            "test_name": rule.lower(),
        }
        for rule, line in lines
    ]
    return {"results": results, "errors": [], "metrics": {}}


def test_b112_is_routed_to_silent_except():
    assert codemods_for(Finding("r#1", "bandit", "continue", rule="B112")) == ["silent-except"]
    assert codemods_for(Finding("r#1", "ruff", "continue", rule="S112")) == ["silent-except"]


@pytest.mark.parametrize("rule", NO_MECHANICAL_FIX)
def test_the_issue_s_advice_only_ids_have_advice(rule):
    assert rule in ADVICE
    ruff = "S" + rule[1:]
    assert advice_for(rule) is not None
    assert advice_for(ruff) == advice_for(rule).replace(f"# nosec {rule}", f"# noqa: {ruff}")


def test_the_mark_named_is_the_reporting_scanners():
    """ruff ignores # nosec (jeepney's S105 for a parser's tokens), and Bandit # noqa."""
    assert "mark it # noqa: S105" in advice_for("S105")
    assert "mark it # nosec B105" in advice_for("B105")


@pytest.mark.parametrize("codemod_id", sorted(all_codemods()))
def test_no_codemod_claims_an_id_the_table_calls_advice_only(codemod_id):
    claimed = set(all_codemods()[codemod_id].rules) & set(ADVICE)
    assert not claimed, f"{codemod_id} fixes {claimed}: drop them from scanner_advice.ADVICE"


def test_advice_only_findings_say_what_to_do(tmp_path):
    source = tmp_path / "service.py"
    source.write_text(
        "import pickle\n"
        "\n"
        "PASSWORD = 'hunter2'\n"
        "\n"
        "\n"
        "def serve(sock, blob):\n"
        "    assert blob\n"
        "    sock.bind(('0.0.0.0', 80))\n"
        "    return pickle.loads(blob)\n",
        encoding="utf-8",
    )
    lines = [("B403", 1), ("B105", 3), ("B101", 7), ("B104", 8), ("B301", 9), ("B999", 9)]
    findings = parse_bandit(bandit_report(lines, "service.py"), "bandit.json")
    verdicts = {item.finding.rule: item for item in triage(findings, [tmp_path])}
    for rule in ("B403", "B105", "B101", "B104", "B301"):
        assert verdicts[rule].verdict is Verdict.ADVICE_ONLY
        assert advice_for(rule) in verdicts[rule].reason
        assert "no codemod handles" not in verdicts[rule].reason
    assert "no codemod handles B999" in verdicts["B999"].reason


def test_advice_only_findings_in_test_code_are_not_applicable(tmp_path):
    """manilaclient's fake security service: ``"dns_ip": '0.0.0.0'`` binds nothing."""
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = pkg\n")
    fake = tmp_path / "pkg" / "tests" / "fakes.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("INFO = {'dns_ip': '0.0.0.0'}\nPASSWORD = 'hunter2'\n", encoding="utf-8")
    lines = [("B104", 1), ("B105", 2), ("B999", 2)]
    findings = parse_bandit(bandit_report(lines, "pkg/tests/fakes.py"), "bandit.json")
    verdicts = {item.finding.rule: item for item in triage(findings, [tmp_path])}
    for rule in ("B104", "B105"):
        assert verdicts[rule].verdict is Verdict.NOT_APPLICABLE
        assert verdicts[rule].reason.startswith(f"test code: {rule} reports a test's own value")
    assert verdicts["B999"].verdict is Verdict.ADVICE_ONLY


# -- the proof with a real Bandit -----------------------------------------------------


def bandit_results(files: list[Path]) -> list[dict]:
    """Bandit's results for ``files``, from one run, with paths relative to before_after/."""
    pytest.importorskip("bandit")
    names = [str(path.relative_to(ROOT)) for path in files]
    run = subprocess.run(
        [sys.executable, "-m", "bandit", "--format", "json", "--quiet", *names],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["results"]


@pytest.mark.slow
def test_every_bandit_id_a_fix_case_removes_is_routed_to_its_codemod(tmp_path):
    """For each before/after case, the ids Bandit reports fewer times after the fix.

    Each must be one the case's codemod declares (report mode sends it there),
    and triage of Bandit's own report on the before file must answer such a
    finding with that codemod's fix.
    """
    results = bandit_results([path for case in FIX_CASES for path in (case.before, case.after)])
    by_file: dict[Path, list[dict]] = {}
    for item in results:
        by_file.setdefault((ROOT / item["filename"]).resolve(), []).append(item)
    checked = 0
    for case in FIX_CASES:
        before, after = by_file.get(case.before, []), by_file.get(case.after, [])
        fixed = Counter(i["test_id"] for i in before) - Counter(i["test_id"] for i in after)
        assert set(fixed) <= set(all_codemods()[case.codemod].rules), (case.test_id, fixed)
        if fixed:
            checked += 1
            found = [dict(i) for i in before if i["test_id"] in fixed]
            if case.project is not None:  # the case's module, in its project's copy
                for item in found:
                    item["filename"] = case.project[1]
            report = {"results": found, "errors": []}
            assert_triage_fixes(case, parse_bandit(report, "bandit.json"), tmp_path)
    assert checked, "no case fixes anything Bandit reports"


def assert_triage_fixes(case, findings: list[Finding], tmp_path: Path) -> None:
    # Triaged in a copy: cwemod's own ruff configuration excludes before_after/, and a file
    # the project's linters exclude is never patched.
    root = tmp_path / case.test_id.replace("/", "--")  # a project of its own per case
    if case.project is not None:  # a case of a project's module: a copy of that project
        folder, module_path = case.project
        shutil.copytree(folder, root)
        copy = root / module_path
    else:
        copy = root / case.before.relative_to(ROOT)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(case.before.read_bytes())
    pyproject = '[project]\nname = "case"\n'
    if case.oldest_python is not None:  # the Python the case's project says it runs on
        pyproject += f'requires-python = ">={".".join(map(str, case.oldest_python))}"\n'
    if case.formatter is not None:  # the formatter that gates the case's project
        pyproject += "[tool.ruff.format]\n" if case.formatter == "ruff" else "[tool.black]\n"
    if case.project is None and (case.oldest_python is not None or case.formatter is not None):
        (root / "pyproject.toml").write_text(pyproject)
    config = Config(codemod_options={case.codemod: dict(case.options)})
    verdicts = triage(findings, [root], config)
    answered = [item for item in verdicts if item.verdict in (Verdict.FIX, Verdict.REVIEW)]
    assert answered, (case.test_id, [(i.finding.rule, i.verdict, i.reason) for i in verdicts])
    assert all(case.codemod in item.fixed_by for item in answered), case.test_id


RUNLIB = """\
import os
import tempfile


def run():
    out_fd, out_name = tempfile.mkstemp()
    err_fd, err_name = tempfile.mkstemp()
    try:
        with open(out_name) as a, os.fdopen(out_fd) as b, os.fdopen(err_fd, "w") as c:
            c.write(a.read() + b.read())
    finally:
        os.remove(out_name)
        os.remove(err_name)
"""


def test_each_finding_gets_the_reason_of_its_own_line(tmp_path):
    """in-toto's runlib: two descriptors in one function, a finding on each; the records of
    the function concern both, and each finding is answered about its own."""
    (tmp_path / "runlib.py").write_text(RUNLIB, encoding="utf-8")
    findings = [
        Finding(
            id=f"f{line}",
            tool="scanner",
            message="leak",
            cwe=("CWE-772",),
            path="runlib.py",
            lines=(line,),
        )
        for line in (6, 7)
    ]
    first, second = triage(findings, [tmp_path])
    assert "release out_fd" in first.reason and "err_fd" not in first.reason
    assert "release err_fd" in second.reason and "out_fd" not in second.reason


# -- findings in files that are not Python source ---------------------------------------


def ruff_sarif(results: list[tuple[str, str, int]]) -> dict:
    """A ruff SARIF report of (rule, file, line) results."""
    return {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "ruff"}},
                "results": [
                    {
                        "ruleId": rule,
                        "message": {"text": f"{rule} finding"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": uri},
                                    "region": {"startLine": line},
                                }
                            }
                        ],
                    }
                    for rule, uri, line in results
                ],
            }
        ],
    }


NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# The API\n"]},
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": ["import requests\n", "\n", "requests.get(url)"],
        },
    ],
    "metadata": {},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def test_a_finding_in_a_notebook_is_not_applicable_and_says_why(tmp_path):
    """flower's docs/api.ipynb: ruff's S113 lines count the cells' code, not the JSON's lines
    (the JSON even parses as Python), so the finding's line never holds the call."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "api.ipynb").write_text(json.dumps(NOTEBOOK, indent=1))
    findings = parse_sarif(ruff_sarif([("S113", "docs/api.ipynb", 3)]), "flower.sarif")
    (item,) = triage(findings, [tmp_path])
    assert item.verdict is Verdict.NOT_APPLICABLE
    assert item.reason == (
        "a Jupyter notebook: cwemod changes Python source files only,"
        " and the report's lines count the notebook's cells"
    )


@pytest.mark.parametrize("name", ["fast.pyx", "requirements.txt", "run.sh"])
def test_a_finding_in_another_file_that_is_not_python_is_not_applicable(tmp_path, name):
    """A .pyx that parses as Python was fixed, a .txt that does not was unlocated: neither is
    Python source cwemod may change."""
    (tmp_path / name).write_text("import requests\n\nrequests.get(url)\n")
    findings = parse_sarif(ruff_sarif([("S113", name, 3)]), "ruff.sarif")
    (item,) = triage(findings, [tmp_path])
    suffix = Path(name).suffix
    assert (item.verdict, item.reason) == (
        Verdict.NOT_APPLICABLE,
        f"not a Python source file ({suffix}): cwemod changes Python source files only",
    )


@pytest.mark.parametrize("name", ["tool.py", "stubs.pyi", "bin/tool"])
def test_python_source_and_scripts_without_a_suffix_are_triaged(tmp_path, name):
    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).write_text("import requests\n\nrequests.get(url)\n")
    findings = parse_sarif(ruff_sarif([("S113", name, 3)]), "ruff.sarif")
    (item,) = triage(findings, [tmp_path])
    assert (item.verdict, item.codemod) == (Verdict.REVIEW, "requests-timeout"), item.reason


# -- B603 on a call whose shell= is no constant -----------------------------------------

DOIT_ACTION = """\
import subprocess


class Cmd:
    def __init__(self, cmd, shell=True):
        self.cmd = cmd
        self.shell = shell

    def run(self):
        return subprocess.Popen(
            self.cmd,
            shell=self.shell,
        )

    def run_argv(self):
        return subprocess.Popen(self.cmd)

    def run_no_shell(self):
        return subprocess.Popen(self.cmd, shell=False)
"""


@pytest.mark.parametrize("scanner", ["ruff", "bandit"])
def test_b603_where_shell_is_no_constant_gets_command_argvs_answer(tmp_path, scanner):
    """doit's CmdAction: Popen(action, shell=self.shell) with shell=True by default. ruff's
    S603 there is not about a command without a shell: whether one runs is command-argv's
    question; the calls without shell= or with shell=False keep the advice."""
    (tmp_path / "action.py").write_text(DOIT_ACTION)
    lines = [10, 16, 19]
    if scanner == "ruff":
        findings = parse_sarif(ruff_sarif([("S603", "action.py", n) for n in lines]), "r.sarif")
    else:
        findings = parse_bandit(bandit_report([("B603", n) for n in lines], "action.py"), "b")
    shell_chosen, argv, no_shell = triage(findings, [tmp_path])
    assert (shell_chosen.verdict, shell_chosen.codemod) == (Verdict.ADVICE_ONLY, "command-argv")
    assert shell_chosen.reason == (
        "shell= is not a constant, so the tool cannot tell whether a shell runs"
    )
    for item in (argv, no_shell):
        assert item.verdict is Verdict.ADVICE_ONLY and item.codemod is None
        assert advice_for(item.finding.rule) in item.reason


# -- B323 on ssl's default HTTPS context made unverified -----------------------------------

PEPPER = """\
import ssl

ssl._create_default_https_context = ssl._create_stdlib_context


def fetch(url):
    context = ssl._create_unverified_context()
    return context
"""


def test_s323_at_the_default_context_switch_gets_tls_verifys_answer(tmp_path):
    """salt-pepper's libpepper.py: ruff's preview flags the reference; an unverified context
    made for one call is no switch, and keeps the scanner's advice."""
    (tmp_path / "pepper.py").write_text(PEPPER)
    findings = parse_sarif(ruff_sarif([("S323", "pepper.py", n) for n in (3, 7)]), "r.sarif")
    switch, one_call = triage(findings, [tmp_path])
    assert (switch.verdict, switch.codemod) == (Verdict.ADVICE_ONLY, "tls-verify")
    assert "every HTTPS connection urllib makes" in switch.reason
    assert one_call.verdict is Verdict.ADVICE_ONLY and one_call.codemod is None
