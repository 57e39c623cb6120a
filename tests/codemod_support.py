"""Helpers the codemod behaviour tests share: run rewritten code, point a report everywhere."""

from __future__ import annotations

import textwrap

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
