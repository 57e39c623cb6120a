"""The reference page of a codemod, built from its own metadata.

``cwemod explain ID`` prints it and ``docs/codemods/<id>.md`` holds the
same text (a test keeps the two in step), like ruff's rule pages.
"""

from __future__ import annotations

from cwemod.codemods import Codemod
from cwemod.engine.hunks import hunks, split_lines
from cwemod.engine.transform import transform_source
from cwemod.render.diff import hunk_lines


def example_diff(codemod: type[Codemod]) -> str:
    """The diff the codemod really makes on its example (review fixes included)."""
    if not codemod.example:
        return ""
    outcome = transform_source(codemod.example, [(codemod.id, {})], allow_review=True)
    old, new = split_lines(codemod.example), split_lines(outcome.text)
    return "".join(line for hunk in hunks(old, new) for line in hunk_lines(hunk, old, new))


def explain_markdown(codemod: type[Codemod]) -> str:
    cwe = ", ".join(codemod.cwe) or "none"
    parts = [
        f"# {codemod.id}: {codemod.title}\n",
        f"CWE: {cwe} · applicability: {codemod.applicability.value}\n",
        codemod.docs.strip() + "\n",
    ]
    diff = example_diff(codemod)
    if diff:
        parts.append(f"## Example\n\n```diff\n{diff}```\n")
    return "\n".join(parts)
