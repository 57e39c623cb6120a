"""A source distribution from the package index, unpacked once into ``benchmarks/.cache/``."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"


def fetch_sdist(name: str, version: str) -> Path:
    """The unpacked ``name==version`` sdist (``pip download`` on first use)."""
    source = CACHE / f"{name}-{version}"
    if source.is_dir():
        return source
    CACHE.mkdir(exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        + ["--no-binary", ":all:", f"{name}=={version}", "--dest", str(CACHE)],
        check=True,
    )
    with tarfile.open(CACHE / f"{name}-{version}.tar.gz") as archive:
        archive.extractall(CACHE, filter="data")
    return source
