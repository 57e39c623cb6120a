"""Helpers the codemod behaviour tests share: run rewritten code, point a report everywhere."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pycodestyle
import pytest

from cwemod.codemods import LineRange


def run_module(text: str, filename: str = "<rewritten>") -> dict:
    """Execute ``text`` (a module a codemod rewrote, from the test itself) and return its names."""
    namespace: dict = {}
    exec(compile(text, filename, "exec"), namespace)  # noqa: S102 - the test's own module
    return namespace


def finding_on_every_line(codemod_id: str, rule: str, source: str) -> dict[str, list[LineRange]]:
    """Report targets with a finding of ``rule`` on each line of ``source`` (dedented)."""
    lines = len(textwrap.dedent(source).splitlines())
    return {codemod_id: [LineRange(n, n, f"{rule}-{n}") for n in range(1, lines + 1)]}


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """``(cert.pem, key.pem)`` for localhost, made by the openssl command; skips without it."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


def style_errors(text: str, limit: int) -> list[str]:
    """pycodestyle's indentation and line length errors (E1, E501) in ``text``."""
    errors: list[str] = []

    class Report(pycodestyle.BaseReport):
        def error(self, line_number, offset, message, check):  # noqa: ANN001
            errors.append(f"{line_number}: {message}")

    style = pycodestyle.StyleGuide(select=["E1", "E501"], max_line_length=limit, reporter=Report)
    style.input_file("<out>", lines=text.splitlines(True))
    return errors


# A package that takes its external locks only through its partial: salted-lock-name puts
# the helper in net/utils.py and keys the call in net/agent.py.
PARTIAL_LOCK_PACKAGE = {
    "net/__init__.py": "",
    "net/utils.py": (
        "from oslo_concurrency import lockutils\n\n"
        "synchronized = lockutils.synchronized_with_prefix('net-')\n"
    ),
    "net/agent.py": (
        "from net import utils\n\n\n"
        "@utils.synchronized('refresh', external=True)\n"
        "def refresh(namespace):\n"
        "    return namespace\n"
    ),
}
