"""The documentation says what the code does."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from cwemod.codemods import all_codemods

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("## What it does", "## Why is this bad?", "## Fix safety", "## Refuses", "## Options")


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate", ROOT / "docs" / "codemods" / "generate.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_codemod_pages_are_current():
    for path, text in _generator().pages().items():
        assert path.exists() and path.read_text(encoding="utf-8") == text, (
            f"{path.name} is stale: run python docs/codemods/generate.py"
        )


@pytest.mark.parametrize("codemod_id", sorted(all_codemods()))
def test_codemod_docs_have_every_section_and_an_example(codemod_id):
    codemod = all_codemods()[codemod_id]
    for section in SECTIONS:
        assert section in codemod.docs, f"{codemod_id}: docs lack {section!r}"
    assert codemod.title and codemod.cwe and codemod.example
    # The title is the summary line of its commits: OpenStack wants at most 50 characters.
    assert len(codemod.title) <= 50, codemod.title


def test_readme_quick_start_matches_ci():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [block.split("\n")[1] for block in quick_start.split("```sh")[1:]]
    assert len(commands) == 2, "the Quick start has exactly two set-up commands"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in commands:
        assert command in ci, f"CI does not run the README command: {command}"
