"""Reading LLM reviews in Markdown: items, symbols, lines, files, non-findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from cwemod.reports import read_report
from cwemod.reports.markdown import parse_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "reports"


def by_id(findings):
    return {finding.id.split("#", 1)[1]: finding for finding in findings}


def test_seed_style_review_gives_one_finding_per_symbol_with_its_line():
    findings = by_id(read_report(FIXTURES / "fip_review.md"))
    assert list(findings) == [
        "1",
        "2.1",
        "2.2",
        "3",
        "4",
        "5.1",
        "5.2",
        "6",
        "7",
        "CWE-435",
        "CWE-697",
        "CWE-703",
    ]
    assert findings["1"].cwe == ("CWE-284",)
    assert findings["1"].title == "Improper Access Control"
    # `lockutils.lock()` is the API named, `_fip_port_lock()` is where.
    assert findings["1"].symbols == ("_fip_port_lock",)
    assert findings["1"].lines[0] == 12
    assert (findings["2.1"].symbols, findings["2.1"].lines) == (("create",), (30,))
    assert (findings["2.2"].symbols, findings["2.2"].lines) == (("_delete",), (44,))
    assert (findings["5.2"].symbols, findings["5.2"].lines) == (("subscribe",), (5,))
    assert (findings["6"].symbols, findings["6"].lines) == (("create_gateway_port",), (27,))
    assert findings["2.1"].solution.startswith("Clean up on failure")
    assert all(finding.path is None for finding in findings.values())


def test_items_that_state_no_defect_and_the_closing_sentence_are_non_findings():
    findings = by_id(read_report(FIXTURES / "fip_review.md"))
    no_defect = {key for key, finding in findings.items() if finding.states_no_defect}
    assert no_defect == {"3", "4", "7", "CWE-435", "CWE-697", "CWE-703"}
    assert findings["CWE-697"].cwe == ("CWE-697",)


def test_line_forms():
    findings = by_id(read_report(FIXTURES / "fip_review.md"))
    # "e.g., line 15, 17, 52" and "lines 60-61"
    assert findings["4"].lines == (15, 17, 52, 60, 61)


@pytest.mark.parametrize(
    "text",
    [
        "### 1. CWE-78: OS Command Injection\n"
        "The function `run_it()` (line 7) passes input to a shell.\n",
        "**CWE-78 (OS Command Injection)**\n\n"
        "The function `run_it()` (line 7) passes input to a shell.\n",
        "- CWE-78 - OS Command Injection\n"
        "  - Issue: The function `run_it()` (line 7) passes input to a shell.\n",
        "* **CWE-78 OS Command Injection**: `run_it()` at line 7 passes input to a shell.\n",
        "1) CWE-78 (OS Command Injection)\n"
        "   * *Description*: in `run_it()`, L7, input reaches a shell.\n",
    ],
    ids=["heading", "bold-line", "dash-bullets", "inline", "paren-number"],
)
def test_heading_and_bullet_styles(text):
    (finding,) = parse_markdown(text, "r.md")
    assert finding.cwe == ("CWE-78",)
    assert finding.title == "OS Command Injection"
    assert finding.symbols == ("run_it",)
    assert finding.lines[0] == 7
    assert not finding.states_no_defect


def test_class_qualified_symbol_and_range():
    text = (
        "1. **CWE-664 (Resource)**:\n   - **Issue**: `Pool.acquire` leaks on error (lines 40-42).\n"
    )
    (finding,) = parse_markdown(text, "r.md")
    assert finding.symbols == ("Pool.acquire",)
    assert finding.lines == (40, 41, 42)


def test_library_calls_and_variables_are_not_locations():
    text = (
        "1. **CWE-78 (Injection)**:\n"
        "   - **Issue**: `os.system()` runs `cmd` (line 9) built from user input.\n"
    )
    (finding,) = parse_markdown(text, "r.md")
    assert finding.symbols == ()
    assert finding.lines == (9,)


def test_a_defect_phrased_with_seem_is_not_a_non_finding():
    text = (
        "1. **CWE-20 (Input Validation)**:\n"
        "   - **Issue**: The input doesn't seem to be validated in `parse()`.\n"
    )
    (finding,) = parse_markdown(text, "r.md")
    assert not finding.states_no_defect


def test_multi_file_review_assigns_each_item_its_file():
    findings = by_id(read_report(FIXTURES / "multi_file_review.md"))
    assert {key: finding.path for key, finding in findings.items()} == {
        "1": "pkg/config_loader.py",
        "2": "pkg/config_loader.py",
        "3": "pkg/runner.py",
        "4": "pkg/runner.py",
        "5": "pkg/runner.py",
    }
    assert findings["3"].symbols == ("restart",)  # `service` is a variable
    assert findings["4"].symbols == ("Worker.run",)
    assert findings["3"].title == "OS Command Injection"


def test_file_named_inside_an_item():
    text = (
        "1. **CWE-502 (Deserialization)**:\n"
        "   - **Location**: `app/io.py:17`\n"
        "   - **Issue**: unsafe load.\n"
    )
    (finding,) = parse_markdown(text, "r.md")
    assert finding.path == "app/io.py"
    assert finding.lines == (17,)


def test_header_without_a_name_keeps_its_text_as_the_issue():
    (finding,) = parse_markdown(
        "1. **CWE-78**: `run_it()` (line 7) passes input to a shell.\n", "r.md"
    )
    assert finding.title is None
    assert finding.symbols == ("run_it",)
    assert "passes input to a shell" in finding.message


def test_code_blocks_are_item_text_not_structure():
    text = (
        "1. **CWE-284 (Improper Access Control)**:\n"
        "   - **Issue**: `_lock()` (line 3) uses a predictable name.\n"
        "   - **Solution**: Salt it:\n"
        "     ```python\n"
        "     # CWE-999 heading-looking comment\n"
        "     name = salted(name)\n"
        "     ```\n"
        "2. **CWE-78 (OS Command Injection)**:\n"
        "   - **Issue**: `run()` (line 9) uses a shell.\n"
    )
    first, second = parse_markdown(text, "r.md")
    assert first.symbols == ("_lock",) and "name = salted(name)" in first.solution
    assert second.cwe == ("CWE-78",) and second.symbols == ("run",)
