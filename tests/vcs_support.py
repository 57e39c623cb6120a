"""Helpers shared by the tests/test_vcs_*.py modules: real git repositories in tmp_path.

conftest.py gives every test's git an identity and hides the user's git configuration.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

UNSAFE_YAML = (
    b"import yaml\n\n\ndef load(path):\n    return yaml.load(open(path), Loader=yaml.Loader)\n"
)
SHELL_AND_YAML = (
    b"import subprocess\n"
    b"import yaml\n\n\n"
    b"def run(host, path):\n"
    b"    subprocess.call('ping -c1 \"%s\"' % host, shell=True)\n"
    b"    return yaml.load(open(path))\n"
)


def git(*args: str, cwd: Path, input: bytes | None = None) -> str:
    completed = subprocess.run(
        ["git", *args], cwd=cwd, input=input, check=False, capture_output=True
    )
    assert completed.returncode == 0, completed.stderr.decode()
    return completed.stdout.decode("utf-8", "replace")


def make_project(tmp_path: Path, files: dict[str, bytes]) -> tuple[Path, Path]:
    """A bare ``remote.git`` and a clone ``work`` tracking its master, holding ``files``."""
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    git("config", "receive.advertisePushOptions", "true", cwd=remote)
    work = tmp_path / "work"
    git("clone", "-q", str(remote), str(work), cwd=tmp_path)
    for name, content in files.items():
        path = work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    git("add", "-A", cwd=work)
    git("commit", "-qm", "Initial import", cwd=work)
    git("push", "-q", "origin", "master", cwd=work)
    git("branch", "-q", "--set-upstream-to=origin/master", cwd=work)
    return work, remote


def snapshot(repo: Path) -> dict[str, str]:
    """Everything a user would notice: refs, HEAD, index, working tree state."""
    return {
        "refs": git("for-each-ref", cwd=repo),
        "head": git("symbolic-ref", "-q", "HEAD", cwd=repo) + git("rev-parse", "HEAD", cwd=repo),
        "index": git("ls-files", "-s", cwd=repo),
        "status": without_cache(
            git("status", "--porcelain=v1", "--untracked-files=all", "--ignored", cwd=repo)
        ),
        "worktrees": git("worktree", "list", "--porcelain", cwd=repo),
    }


def without_cache(status: str) -> str:
    """``git status --ignored`` but the cache cwemod keeps, as ruff does (.cwemod_cache/)."""
    return "".join(line for line in status.splitlines(True) if ".cwemod_cache/" not in line)


def install_hook(remote: Path, name: str, script: str) -> None:
    hook = remote / "hooks" / name
    hook.write_text("#!/bin/sh\n" + script)
    hook.chmod(0o755)
