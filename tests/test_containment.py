"""Nothing outside the given PATHs is read for a fix or written, whatever a report says.

Reports are untrusted: a path in one may climb out with ``..``, be absolute,
be a ``file://`` URI, lean on a SARIF ``uriBaseId``, or go through a
symbolic link. Each such finding is ``rejected`` with a reason; a link in
the tree is never replaced by a regular file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cwemod.cli import main
from cwemod.engine import FixRequest, plan
from cwemod.engine.triage import triage
from cwemod.reports import read_report
from cwemod.reports.model import Verdict

UNSAFE = "import yaml\n\n\ndef load(path):\n    return yaml.load(open(path))\n"
FIXED = UNSAFE.replace("yaml.load(", "yaml.safe_load(")


@pytest.fixture
def layout(tmp_path, monkeypatch):
    """``proj/`` (the PATH) beside ``outside/secret.py``, which nothing may touch."""
    (tmp_path / "proj").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "proj" / "inside.py").write_text(UNSAFE)
    (tmp_path / "outside" / "secret.py").write_text(UNSAFE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cwemod(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def bandit_report(path: Path, filename: str) -> Path:
    result = {
        "test_id": "B506",
        "filename": filename,
        "line_number": 5,
        "line_range": [5],
        "issue_text": "Use of unsafe yaml load.",
        "issue_cwe": {"id": 20},
    }
    path.write_text(json.dumps({"generated_at": "now", "errors": [], "results": [result]}))
    return path


def sarif_report(path: Path, location: dict, base_ids: dict | None = None) -> Path:
    run = {
        "tool": {"driver": {"name": "bandit", "rules": [{"id": "B506"}]}},
        "results": [
            {
                "ruleId": "B506",
                "message": {"text": "Use of unsafe yaml load."},
                "locations": [
                    {"physicalLocation": {"artifactLocation": location, "region": {"startLine": 5}}}
                ],
            }
        ],
    }
    if base_ids is not None:
        run["originalUriBaseIds"] = base_ids
    path.write_text(json.dumps({"version": "2.1.0", "runs": [run]}))
    return path


def hostile_reports(root: Path) -> dict[str, Path]:
    secret = root / "outside" / "secret.py"
    return {
        "bandit dot-dot": bandit_report(root / "dotdot.json", "../outside/secret.py"),
        "bandit absolute": bandit_report(root / "absolute.json", str(secret)),
        "sarif file uri": sarif_report(root / "uri.sarif", {"uri": secret.as_uri()}),
        "sarif uriBaseId": sarif_report(
            root / "base.sarif",
            {"uri": "../outside/secret.py", "uriBaseId": "SRC"},
            {"SRC": {"uri": (root / "proj").as_uri() + "/"}},
        ),
        "bandit through a link": bandit_report(root / "link.json", "proj/linked.py"),
    }


CASES = [
    "bandit dot-dot",
    "bandit absolute",
    "sarif file uri",
    "sarif uriBaseId",
    "bandit through a link",
]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("cwd", ["above", "inside"])
def test_report_cannot_make_fix_write_outside_the_path(layout, monkeypatch, case, cwd):
    (layout / "proj" / "linked.py").symlink_to(layout / "outside" / "secret.py")
    report = hostile_reports(layout)[case]
    target = "proj"
    if cwd == "inside":
        monkeypatch.chdir(layout / "proj")
        target = "."
    result = cwemod("fix", "--write", "--unsafe", "-r", str(report), target)
    assert (layout / "outside" / "secret.py").read_text() == UNSAFE
    assert (layout / "proj" / "linked.py").is_symlink()
    assert "0 of 1 report findings answered" in result.stderr

    listed = cwemod("findings", "--format", "json", "-r", str(report), target)
    [item] = json.loads(listed.stdout)["findings"]
    assert item["verdict"] == "rejected"
    assert "outside the given paths" in item["reason"]


def test_rejected_is_a_verdict_of_triage(layout):
    report = bandit_report(layout / "r.json", "../outside/secret.py")
    [item] = triage(read_report(report), [layout / "proj"])
    assert item.verdict is Verdict.REJECTED
    assert item.reason == (
        f"../outside/secret.py resolves to {layout / 'outside' / 'secret.py'}, "
        "outside the given paths"
    )


def test_a_path_that_exists_inside_wins_over_the_same_name_outside(layout, monkeypatch):
    """``inside.py`` exists both relative to the cwd (outside) and below the PATH."""
    (layout / "outside" / "inside.py").write_text(UNSAFE)
    monkeypatch.chdir(layout / "outside")
    report = bandit_report(layout / "r.json", "inside.py")
    [item] = triage(read_report(report), [layout / "proj"])
    assert item.verdict is Verdict.FIX
    assert item.location.path == layout / "proj" / "inside.py"


def test_link_out_of_the_tree_is_left_alone_in_a_plain_run(layout):
    link = layout / "proj" / "linked.py"
    link.symlink_to(layout / "outside" / "secret.py")
    result = cwemod("fix", "--write", "-j1", "proj")
    assert result.exit_code == 2
    assert link.is_symlink()
    assert (layout / "outside" / "secret.py").read_text() == UNSAFE
    assert (layout / "proj" / "inside.py").read_text() == FIXED
    assert (
        f"cwemod: proj/linked.py: symbolic link to {layout / 'outside' / 'secret.py'}, "
        "outside the given paths; left alone"
    ) in result.stderr.splitlines()


@pytest.mark.parametrize("via_report", [False, True])
def test_link_inside_the_tree_is_written_through_to_its_target(layout, via_report):
    (layout / "proj" / "real.py").write_text(UNSAFE)
    link = layout / "proj" / "alias.py"
    link.symlink_to("real.py")
    args = ["fix", "--write", "-j1", "-c", "yaml-safe-load"]
    if via_report:
        args += ["-r", str(bandit_report(layout / "r.json", "proj/alias.py"))]
    result = cwemod(*args, "proj")
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "real.py"
    assert (layout / "proj" / "real.py").read_text() == FIXED


def test_diff_names_the_target_of_an_in_tree_link_once(layout):
    (layout / "proj" / "inside.py").unlink()
    (layout / "proj" / "real.py").write_text(UNSAFE)
    (layout / "proj" / "alias.py").symlink_to("real.py")
    result = cwemod("fix", "--format", "diff", "proj")
    assert result.stdout.count("+++ ") == 1
    assert "+++ b/proj/real.py" in result.stdout


def test_engine_refuses_targets_outside_the_request_paths(layout):
    """Defence in depth: a caller of the library passing its own targets."""
    secret = layout / "outside" / "secret.py"
    request = FixRequest(
        [layout / "proj"], [("yaml-safe-load", {})], targets={secret: {"yaml-safe-load": []}}
    )
    [result] = plan(request)
    assert result.new is None and "outside the given paths" in result.error


def test_unreadable_directory_is_reported_and_fails_check(layout, monkeypatch):
    """As root every directory is readable, so listing one is made to fail."""
    (layout / "proj" / "locked").mkdir()
    (layout / "proj" / "locked" / "hidden.py").write_text(UNSAFE)
    (layout / "proj" / "inside.py").write_text(FIXED)
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cwemod("fix", "--check", "proj")
    assert result.exit_code == 2
    assert "proj/locked: cannot read directory: Permission denied" in result.stderr


def test_directories_behind_links_are_not_entered(layout):
    (layout / "proj" / "loop").symlink_to(layout / "proj")
    (layout / "proj" / "elsewhere").symlink_to(layout / "outside")
    result = cwemod("fix", "--format", "diff", "proj")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("+++ ") == 1
