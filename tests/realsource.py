"""Real source files from the package index, fetched once into a cache shared by test runs.

The cache is ``$CWEMOD_TEST_CACHE`` or ``~/.cache/cwemod-tests``. Parallel test workers
take a file lock, so one downloads while the others wait, and the archive is unpacked
into a temporary directory renamed into place, so an interrupted run leaves nothing
half-unpacked. A test skips only when the package index cannot be reached.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

NEUTRON = ("neutron", "29.0.0")
NEUTRON_FIP_NAMESPACE = "neutron/agent/l3/dvr_fip_ns.py"

# What pip says when it could not talk to the index at all.
UNREACHABLE = (
    "from versions: none",
    "NewConnectionError",
    "Max retries exceeded",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "Connection refused",
    "ConnectTimeoutError",
    "ReadTimeoutError",
)


def cache_directory() -> Path:
    configured = os.environ.get("CWEMOD_TEST_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "cwemod-tests"


def neutron_file(relative: str) -> Path:
    """A file of the Neutron sdist, fetched and unpacked on first use."""
    path = sdist_tree(*NEUTRON) / relative
    assert path.is_file(), f"{relative} is not in the Neutron {NEUTRON[1]} sdist"
    return path


def sdist_tree(name: str, version: str) -> Path:
    """The unpacked source distribution ``name==version``."""
    cache = cache_directory()
    tree = cache / f"{name}-{version}"
    if tree.is_dir():
        return tree
    cache.mkdir(parents=True, exist_ok=True)
    with _locked(cache / f".{name}-{version}.lock"):
        if not tree.is_dir():
            _unpack(_download(name, version, cache), tree)
    return tree


def _download(name: str, version: str, cache: Path) -> Path:
    """The sdist archive, saved in the cache as ``<name>-<version>.tar.gz``.

    pip names it as the project does (``os_brick-7.1.1.tar.gz`` for os-brick).
    """
    archive = cache / f"{name}-{version}.tar.gz"
    if archive.is_file():
        return archive
    with tempfile.TemporaryDirectory(dir=cache) as scratch:
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--retries",
                "1",
                "--timeout",
                "30",
                f"{name}=={version}",
                "--dest",
                scratch,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            _skip_or_fail(name, version, completed.stderr)
        (downloaded,) = Path(scratch).glob("*.tar.gz")
        os.replace(downloaded, archive)
    return archive


def _skip_or_fail(name: str, version: str, stderr: str) -> None:
    last_line = stderr.strip().splitlines()[-1] if stderr.strip() else "no output"
    if any(sign in stderr for sign in UNREACHABLE):
        pytest.skip(f"the package index cannot be reached to fetch {name}=={version}: {last_line}")
    pytest.fail(f"pip download {name}=={version} failed: {stderr}")


def _unpack(archive: Path, tree: Path) -> None:
    with tempfile.TemporaryDirectory(dir=tree.parent) as scratch:
        with tarfile.open(archive) as opened:
            # The "data" filter refuses links and paths out of the tree (3.10.12+, 3.11.4+).
            if hasattr(tarfile, "data_filter"):
                opened.extractall(scratch, filter="data")
            else:
                opened.extractall(scratch)
        (top,) = Path(scratch).iterdir()  # an sdist holds one directory
        os.replace(top, tree)


@contextmanager
def _locked(path: Path):
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
