"""The command on a real git repository, as a user runs it.

Most tests call the click command in process; the console script itself runs end to
end in the ``--write`` and ``python -m cwemod`` tests.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli, cwemod_script
from vcs_support import git

UNSAFE_YAML = (
    "import yaml\n\n\ndef load(path):\n    return yaml.load(open(path), Loader=yaml.Loader)\n"
)
SAFE_YAML = "import yaml\n\n\ndef load(path):\n    return yaml.safe_load(open(path))\n"


def cwemod(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    """In process, with stdout and stderr as bytes: diffs are compared byte for byte."""
    return cli(*args, cwd=cwd, stdin=stdin, text=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "pkg").mkdir(parents=True)
    git("init", "-q", cwd=root)
    return root


def commit_all(repo: Path) -> None:
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "base", cwd=repo)


def test_dry_run_writes_nothing_and_git_apply_accepts_the_diff(repo):
    target = repo / "pkg" / "config.py"
    target.write_text(UNSAFE_YAML)
    commit_all(repo)

    result = cwemod("fix", "pkg", "--format", "diff", cwd=repo)

    assert result.returncode == 0, result.stderr
    assert target.read_text() == UNSAFE_YAML
    assert result.stdout.startswith(b"--- a/pkg/config.py\n+++ b/pkg/config.py\n")
    patch = repo.parent / "fix.patch"
    patch.write_bytes(result.stdout)
    git("apply", "--check", str(patch), cwd=repo)
    git("apply", str(patch), cwd=repo)
    assert target.read_text() == SAFE_YAML


def test_write_produces_exactly_the_preview(repo, tmp_path):
    target = repo / "pkg" / "config.py"
    target.write_text(UNSAFE_YAML)
    commit_all(repo)
    preview = cwemod("fix", "--format", "diff", cwd=repo).stdout

    written = cwemod_script("fix", "--write", cwd=repo)

    assert written.returncode == 0, written.stderr
    assert target.read_text() == SAFE_YAML
    git("checkout", "--", ".", cwd=repo)
    patch = tmp_path / "preview.patch"
    patch.write_bytes(preview)
    git("apply", str(patch), cwd=repo)
    assert target.read_text() == SAFE_YAML
    assert cwemod("fix", "--check", cwd=repo).returncode == 0


def test_check_exits_1_when_changes_are_pending(repo):
    (repo / "pkg" / "config.py").write_text(UNSAFE_YAML)
    result = cwemod("fix", "--check", cwd=repo)
    assert result.returncode == 1
    assert b"would change" in result.stderr


@pytest.mark.parametrize(
    "name, content",
    [
        ("crlf.py", UNSAFE_YAML.replace("\n", "\r\n").encode()),
        ("bom.py", b"\xef\xbb\xbf" + UNSAFE_YAML.encode()),
        ("latin1.py", ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + UNSAFE_YAML).encode("latin-1")),
        ("no_final_newline.py", UNSAFE_YAML.rstrip("\n").encode()),
    ],
)
def test_write_is_byte_faithful(repo, name, content):
    target = repo / "pkg" / name
    target.write_bytes(content)
    target.chmod(0o750)
    commit_all(repo)
    preview = cwemod("fix", "--format", "diff", cwd=repo).stdout
    patch = repo.parent / "p.patch"
    patch.write_bytes(preview)
    git("apply", "--check", str(patch), cwd=repo)

    assert cwemod("fix", "--write", cwd=repo).returncode == 0

    expected = content.replace(
        b"yaml.load(open(path), Loader=yaml.Loader)", b"yaml.safe_load(open(path))"
    )
    assert target.read_bytes() == expected
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    # what git apply makes of the preview is what --write wrote
    git("stash", "-q", cwd=repo)
    git("apply", str(patch), cwd=repo)
    assert target.read_bytes() == expected


def test_unparsable_file_is_reported_and_others_still_run(repo):
    (repo / "pkg" / "broken.py").write_text("import yaml\ndef broken(:\n")
    good = repo / "pkg" / "config.py"
    good.write_text(UNSAFE_YAML)

    result = cwemod("fix", "--write", cwd=repo)

    assert result.returncode == 2
    assert b"pkg/broken.py: cannot parse" in result.stderr
    assert b"Traceback" not in result.stderr
    assert good.read_text() == SAFE_YAML


@pytest.mark.parametrize(
    "args, message",
    [
        (["fix", "missing/dir"], b"missing/dir: no such file or directory"),
        (["fix", "-c", "no-such-codemod"], b"unknown codemod 'no-such-codemod'"),
        (["fix", "--write", "--check"], b"exclude each other"),
        (["explain", "nope"], b"unknown codemod 'nope'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(repo, args, message):
    result = cwemod(*args, cwd=repo)
    assert result.returncode == 2
    assert message in result.stderr
    assert b"Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_config_from_pyproject_and_flags_win(repo):
    (repo / "pyproject.toml").write_text(
        '[tool.cwemod]\nignore = ["yaml-safe-load"]\nexclude = ["legacy/*"]\n'
    )
    (repo / "pkg" / "config.py").write_text(UNSAFE_YAML)
    assert cwemod("fix", "--check", cwd=repo).returncode == 0  # ignored by config
    assert (
        cwemod("fix", "--check", "-c", "yaml-safe-load", cwd=repo).returncode == 1
    )  # the flag wins


@pytest.mark.parametrize(
    "table, message",
    [
        ('[tool.cwemod]\nselct = ["x"]\n', b"unknown key tool.cwemod.selct"),
        ("[tool.cwemod.yaml-safe-load]\nstrict = true\n", b"unknown option(s) strict"),
        (
            '[tool.cwemod.salted-lock-name]\nkey-env = "not a name"\n',
            b"is not an environment variable name",
        ),
    ],
)
def test_config_errors_exit_2(repo, table, message):
    (repo / "pyproject.toml").write_text(table)
    (repo / "pkg" / "config.py").write_text(UNSAFE_YAML)
    result = cwemod("fix", cwd=repo)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_exclude_glob(repo):
    (repo / "legacy").mkdir()
    (repo / "legacy" / "old.py").write_text(UNSAFE_YAML)
    assert cwemod("fix", "--check", "--exclude", "legacy", cwd=repo).returncode == 0
    assert cwemod("fix", "--check", cwd=repo).returncode == 1


def test_an_exclude_glob_with_a_folder_takes_it_right_below_the_path(repo):
    # "*/generated/*" given the package "pkg", whose generated/ is at its top, as it is
    # given the repository (a vendored folder's name, _vendor, is left out anyway).
    (repo / "pkg" / "generated").mkdir()
    (repo / "pkg" / "generated" / "old.py").write_text(UNSAFE_YAML)
    for path in ("pkg", "."):
        assert (
            cwemod("fix", "--check", "--exclude", "*/generated/*", path, cwd=repo).returncode == 0
        )
    assert cwemod("fix", "--check", "pkg", cwd=repo).returncode == 1


def test_json_output_schema(repo):
    (repo / "pkg" / "config.py").write_text(UNSAFE_YAML)
    (repo / "pkg" / "safe.py").write_text("import yaml\nyaml.load(s, Loader=yaml.SafeLoader)\n")

    document = json.loads(cwemod("fix", "--format", "json", "-j", "2", cwd=repo).stdout)

    assert document["version"] == 1 and document["written"] is False
    by_path = {entry["path"]: entry for entry in document["files"]}
    changed = by_path["pkg/config.py"]
    assert changed["status"] == "changed" and changed["applicability"] == "safe"
    assert changed["fixes"][0]["codemod"] == "yaml-safe-load" and changed["fixes"][0]["line"] == 5
    assert changed["diff"].startswith("--- a/pkg/config.py")
    refused = by_path["pkg/safe.py"]
    assert refused["status"] == "unchanged"
    assert refused["refusals"][0]["verdict"] == "already-fixed"
    assert document["summary"]["changed"] == 1 and document["summary"]["files"] == 2


def test_interactive_applies_only_accepted_hunks(repo):
    target = repo / "pkg" / "two.py"
    padding = "\n".join(f"x{i} = {i}" for i in range(10))
    target.write_text(f"import yaml\na = yaml.load(s)\n{padding}\nb = yaml.load(t)\n")

    result = cwemod("fix", "-i", cwd=repo, stdin="n\ny\n")

    assert result.returncode == 0, result.stderr
    assert (
        target.read_text() == f"import yaml\na = yaml.load(s)\n{padding}\nb = yaml.safe_load(t)\n"
    )


def test_stale_file_is_not_overwritten(tmp_path):
    from cwemod.engine import StaleFileError, write_atomically

    target = tmp_path / "m.py"
    target.write_bytes(b"new content by someone else\n")
    with pytest.raises(StaleFileError):
        write_atomically(target, b"what we read\n", b"our fix\n")
    assert target.read_bytes() == b"new content by someone else\n"
    assert os.listdir(tmp_path) == ["m.py"]


def test_python_dash_m_runs_the_same_command(repo):
    result = subprocess.run(
        [sys.executable, "-m", "cwemod", "--version"], cwd=repo, capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("cwemod, version ")


def test_codemods_catalog_and_explain(repo):
    catalog = cwemod("codemods", cwd=repo)
    assert catalog.returncode == 0
    assert b"yaml-safe-load\tCWE-502\tsafe\t" in catalog.stdout
    explained = cwemod("explain", "yaml-safe-load", cwd=repo).stdout.decode()
    for section in (
        "## What it does",
        "## Why is this bad?",
        "## Fix safety",
        "## Refuses",
        "## Example",
    ):
        assert section in explained
    assert "+        return yaml.safe_load(handle)" in explained


def test_a_run_with_no_file_to_change_says_so(tmp_path):
    (tmp_path / "notes.txt").write_text("no Python here\n")
    result = cli("fix", str(tmp_path))
    assert result.returncode == 0
    assert result.stderr.splitlines()[0] == "cwemod: no file would change"
