"""The block structure of a review, as markdown-it-py reads it, and the slack reviewers need."""

from __future__ import annotations

import pytest

from cwemod.reports._review_blocks import Role, review_lines
from cwemod.reports.markdown import parse_markdown


def roles(text: str) -> list[tuple[str, str]]:
    return [(line.role.value, line.content) for line in review_lines(text)]


def test_each_line_gets_its_role_and_content():
    text = (
        "# Review #\n"
        "\n"
        "1. **CWE-78 (OS Command Injection)**:\n"
        "   - **Issue**: `run()` (line 9)\n"
        "     goes on here.\n"
        "   ```python\n"
        "   # a comment, not a heading\n"
        "   ```\n"
    )
    assert roles(text) == [
        ("heading", "Review"),
        ("blank", ""),
        ("list item", "**CWE-78 (OS Command Injection)**:"),
        ("list item", "**Issue**: `run()` (line 9)"),
        ("text", "goes on here."),
        ("code", "```python"),
        ("code", "# a comment, not a heading"),
        ("code", "```"),
    ]


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("### 2. CWE-20 ###", ("heading", "2. CWE-20")),
        ("#", ("text", "#")),  # CommonMark's empty heading; a reviewer's stray mark
        ("#hashtag CWE-9", ("text", "#hashtag CWE-9")),
        ("-", ("text", "-")),  # an empty list item
        ("- - x CWE-1", ("list item", "- x CWE-1")),  # the outer item holds the line
        ("+ plus", ("list item", "plus")),
        ("> quoted CWE-78", ("text", "> quoted CWE-78")),  # block quotes are text
        ("    indented `run()`", ("text", "indented `run()`")),  # so is indented code
    ],
)
def test_one_line_roles(line, role):
    [read] = review_lines(line)
    assert (read.role.value, read.content) == role


def test_lines_are_split_as_str_splitlines_splits_them():
    text = "a\x0cb\r\nc\u2028d\n"
    assert [line.line for line in review_lines(text)] == text.splitlines()


def test_inner_whitespace_is_one_space_and_indentation_stays():
    [line] = review_lines("   - **Issue**:\t`run()`      at  line 9   ")
    assert line.line == "   - **Issue**: `run()` at line 9"
    assert line.indent == 3


def test_a_numbered_line_that_commonmark_calls_paragraph_text_still_opens_an_item():
    # CommonMark lets only "1." interrupt a paragraph, and reads a marker indented
    # four columns past its list as text; reviewers write both.
    text = "Findings follow.\n2. CWE-78 (OS Command Injection): `run()` line 4\n"
    assert roles(text)[1] == ("list item", "CWE-78 (OS Command Injection): `run()` line 4")
    (finding,) = parse_markdown(text, "r.md")
    assert (finding.id, finding.symbols, finding.lines) == ("r.md#2", ("run",), (4,))


def test_a_fence_commonmark_calls_paragraph_text_is_still_code():
    text = (
        "### 1. CWE-284 (Access)\n"
        "`lock()` line 3, fix it so:\n"
        "    ```python\n"
        "    # CWE-999 is not an item here\n"
        "    ```\n"
    )
    assert [role for role, _ in roles(text)] == ["heading", "text", "code", "code", "code"]
    (finding,) = parse_markdown(text, "r.md")
    assert finding.cwe == ("CWE-284",) and finding.symbols == ("lock",)


def test_an_unclosed_fence_ends_with_its_list_item():
    text = (
        "1. **CWE-284 (Access)**: `lock()` line 3\n"
        "   ```python\n"
        "   salted(name)\n"
        "2. **CWE-78 (Injection)**: `run()` line 9\n"
    )
    first, second = parse_markdown(text, "r.md")
    assert "salted(name)" in first.message
    assert (second.cwe, second.symbols, second.lines) == (("CWE-78",), ("run",), (9,))


def test_nesting_deeper_than_the_parser_follows_is_still_read():
    lines = review_lines("- " * 50_000 + "x CWE-1\nnext line\n")
    assert [line.role for line in lines] == [Role.LIST_ITEM, Role.TEXT]
    assert lines[0].content.endswith("- x CWE-1")
    assert lines[1].content == "next line"
