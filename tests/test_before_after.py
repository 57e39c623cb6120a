"""Every ``before_after`` case is a test (see tests/before_after.py)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from before_after import ROOT, all_cases
from codemod_support import style_errors
from cwemod.codemods import all_codemods
from cwemod.codemods.kit.formatters import project_line_length
from cwemod.codemods.kit.project import Project
from cwemod.engine import FileJob, process_file
from cwemod.engine.generated import twin_paths
from cwemod.engine.projects import Projects

CASES = all_cases()


def reasons(result):
    found = [record.reason for record in [*result.refusals, *result.skipped_review]]
    # One reason a line: code a reason quotes is collapsed (openstacksdk's super().create()).
    assert not [reason for reason in found if "\n" in reason or "\r" in reason], found
    return found


def run_case(case, path):
    # A case is a module at the top of its project: one named test_*.py is test code.
    codemods = ((case.codemod, case.options),)
    if case.project is not None:
        return run_in_project(case, path, codemods)
    project = Project(oldest_python=case.oldest_python, formatter=case.formatter)
    job = FileJob(path, path.name, codemods, case.unsafe, project=project, module_path=path.name)
    result = process_file(job)
    assert result.error is None, result.error
    return result


def run_in_project(case, path, codemods):
    """The case's file as the module at its path in a copy of its project, surveyed whole."""
    module_path = case.project[1]
    with project_copy(case, path) as target:
        project = Projects(codemods).of(target)
        job = FileJob(
            target, module_path, codemods, case.unsafe, project=project, module_path=module_path
        )
        result = process_file(job)
    assert result.error is None, result.error
    return result


@contextlib.contextmanager
def project_copy(case, path):
    """The file at ``path`` as the case's module, in a copy of the case's project."""
    folder, module_path = case.project
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / folder.name
        shutil.copytree(folder, root)
        target = root / module_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        yield target


def case_line_length(case) -> int:
    """The width the case keeps to: its ``line-length`` option, its project's, else 79."""
    if case.options.get("line-length"):
        return int(case.options["line-length"])
    if case.project is None:
        return 79
    with project_copy(case, case.before) as target:
        return project_line_length(target)


@pytest.mark.parametrize("case", [c for c in CASES if c.after], ids=lambda c: c.test_id)
def test_rewrites_to_after_file(case):
    assert case.after.exists(), f"{case.before.name} has no {case.after.name}"
    result = run_case(case, case.before)
    expected = case.after.read_bytes()
    assert result.changed, f"expected a change; refusals: {result.refusals}"
    assert result.new == expected
    compile(expected, str(case.after), "exec", dont_inherit=True)
    for text in case.refuses:
        assert any(text in reason for reason in reasons(result)), (text, reasons(result))


@pytest.mark.parametrize("case", [c for c in CASES if c.after], ids=lambda c: c.test_id)
def test_after_file_is_stable(case):
    result = run_case(case, case.after)
    assert not result.changed, "a second run changes the after file"


@pytest.mark.parametrize("case", [c for c in CASES if c.after], ids=lambda c: c.test_id)
def test_after_file_adds_no_indentation_or_line_length_error(case):
    """pycodestyle's E1 (continuation lines) and E501 (at the case's width) in the after file,
    but the before's."""
    limit = case_line_length(case)
    before, after = (
        Counter(error.split()[1] for error in style_errors(path.read_text("utf-8"), limit))
        for path in (case.before, case.after)
    )
    assert after <= before


def test_no_after_file_adds_an_import_error_of_hacking():
    """H301 (one import per line) and H306 (alphabetical order), as OpenStack's gate runs them."""
    pytest.importorskip("hacking")
    pairs = [(case.before, case.after) for case in CASES if case.after]
    files = [str(path) for pair in pairs for path in pair]
    flake8 = [sys.executable, "-m", "flake8", "--isolated", "--select", "H301,H306"]
    report = subprocess.run(
        [*flake8, "--format", "%(path)s", *files], capture_output=True, text=True, check=False
    ).stdout
    errors = Counter(report.splitlines())
    added = [str(after) for before, after in pairs if errors[str(after)] > errors[str(before)]]
    assert added == []


@pytest.mark.parametrize("case", [c for c in CASES if not c.after], ids=lambda c: c.test_id)
def test_leaves_unchanged_with_reason(case):
    assert case.refuses or case.ignores, (
        "an unchanged case must say why: '# case: refuses' or '# case: ignores'"
    )
    result = run_case(case, case.before)
    assert not result.changed
    for text in case.refuses:
        assert any(text in reason for reason in reasons(result)), (text, reasons(result))
    if case.ignores:
        assert not result.refusals and not result.fixes and not result.skipped_review


def _records(result):
    return sorted(
        (record.codemod, record.line, record.reason)
        for record in [*result.fixes, *result.refusals, *result.skipped_review]
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.test_id)
def test_crlf_file_gets_the_same_fix(case, tmp_path):
    """grip ships every module with CRLF endings: a text gate that expects ``\\n`` after a
    line skipped them. The same case with CRLF endings gets the same records and bytes."""
    crlf = tmp_path / case.before.name
    crlf.write_bytes(case.before.read_bytes().replace(b"\n", b"\r\n"))
    for twin, _ in twin_paths(case.before):  # the module generated from it goes along
        if twin.exists():
            (tmp_path / twin.name).symlink_to(twin)
    result, plain = run_case(case, crlf), run_case(case, case.before)
    assert _records(result) == _records(plain)
    expected = (case.after or case.before).read_bytes().replace(b"\n", b"\r\n")
    assert (result.new if result.changed else crlf.read_bytes()) == expected


@pytest.mark.parametrize("codemod_id", sorted(all_codemods()))
def test_every_codemod_has_cases(codemod_id):
    folder = ROOT / codemod_id
    assert any(folder.glob("*.before.py")), f"{codemod_id}: no before/after case"
    assert any(folder.glob("*.unchanged.py")), f"{codemod_id}: no case it must leave unchanged"


def test_no_orphan_after_files():
    for after in ROOT.glob("*/*.after.py"):
        assert after.with_name(after.name.replace(".after.py", ".before.py")).exists(), after
