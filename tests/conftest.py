"""Fixtures and helpers shared by the tests.

Two ways to run cwemod: ``cli`` calls the click command in this process (fast; most
tests), ``cwemod_script`` runs the console script pip installed beside this
interpreter (a true end-to-end run; keep these few).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from cwemod.cli import main

# tests/ holds helper modules (before_after.py, vcs_support.py) imported by the tests.
TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

FIXTURES = TESTS / "fixtures"
SEED_REVIEW = FIXTURES / "llm-review-dvr_fip_ns.md"
DEMO = TESTS.parent / "examples" / "demo"

# The console script pip installed beside this interpreter: what a user runs.
CWEMOD_SCRIPT = Path(sys.executable).with_name("cwemod")


def cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None, text: bool = True
) -> subprocess.CompletedProcess:
    """``cwemod ARGS`` run in process from ``cwd``; shaped like a subprocess result."""
    with _working_directory(cwd):
        result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)
    stdout, stderr = result.stdout_bytes, result.stderr_bytes
    if text:
        stdout, stderr = stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace")
    return subprocess.CompletedProcess(["cwemod", *args], result.exit_code, stdout, stderr)


def cwemod_script(
    *args: str, cwd: Path, stdin: str | None = None, text: bool = True, timeout: float = 120
) -> subprocess.CompletedProcess:
    """``cwemod ARGS`` run as the installed console script, in its own process."""
    assert CWEMOD_SCRIPT.exists(), f"cwemod is not installed in {CWEMOD_SCRIPT.parent}"
    return subprocess.run(
        [str(CWEMOD_SCRIPT), *args],
        cwd=cwd,
        input=stdin if text or stdin is None else stdin.encode(),
        capture_output=True,
        text=text,
        timeout=timeout,
        check=False,
    )


@contextmanager
def _working_directory(path: Path | None):
    # contextlib.chdir arrived in Python 3.11.
    if path is None:
        yield
        return
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.fixture(scope="session", autouse=True)
def isolated_git(tmp_path_factory):
    """Every git the tests run has an identity and ignores the user's and system's config,
    so the tests behave the same on any machine."""
    config = tmp_path_factory.mktemp("git") / "gitconfig"
    config.write_text(
        "[user]\n\tname = Dev\n\temail = dev@example.org\n[init]\n\tdefaultBranch = master\n"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GIT_CONFIG_GLOBAL", str(config))
        patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        for key in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"):
            patch.delenv(key, raising=False)
        yield


@pytest.fixture(scope="session")
def neutron_fip_namespace() -> Path:
    """neutron/agent/l3/dvr_fip_ns.py of Neutron 29.0.0, the file the seed review is about."""
    from realsource import NEUTRON_FIP_NAMESPACE, neutron_file

    return neutron_file(NEUTRON_FIP_NAMESPACE)


def copy_of_demo(folder: Path) -> Path:
    """The demo project copied to ``folder/demo``, resolved.

    Without its cache: the README's first command leaves one there.
    """
    project = folder / "demo"
    shutil.copytree(DEMO, project, ignore=shutil.ignore_patterns(".cwemod_cache"))
    return project.resolve()
