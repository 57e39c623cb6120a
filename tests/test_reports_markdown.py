"""Reading LLM reviews in Markdown: items, symbols, lines, files, non-findings."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cwemod.reports import read_report
from cwemod.reports.gist import MAX_GIST, gist, label, no_defect_quote
from cwemod.reports.markdown import parse_markdown
from cwemod.reports.model import Finding

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


NO_DEFECT_PHRASINGS = [
    "There doesn’t seem to be an obvious incorrect calculation based on the code provided.",
    "No incorrect calculation was identified.",
    "Nothing found.",
    "None.",
    "N/A",
    "The code appears safe.",
    "The use of subprocess seems to be safe here.",
    "The lock handling looks correct.",
    "Not applicable here.",
    "This CWE does not apply to this code.",
    "Either they don't apply or there is insufficient context to tell.",
    "No issues found.",
    "No issues of this kind were found.",
    "No obvious vulnerabilities were identified in this function.",
    "I did not find any injection risk.",
    "I don't see any issue here.",
    "I could not identify anything suspicious.",
    "I found no evidence of command injection.",
    "There are no security implications.",
    "There isn't a defect of insufficient control flow apparent from this code alone.",
    "There don't appear to be any defects related to this category.",
    "The code does not contain any obvious vulnerabilities.",
    "The code is free of injection flaws.",
    "This does not appear to be an issue.",
    "This is not a concern here.",
    "The function is not vulnerable to this.",
    "This is unlikely to be exploitable.",
    "Nothing stands out as problematic.",
    "The arguments are quoted properly.",
    "Coding standard issues cannot be determined without the full context,"
    " but it's essential to follow best practices.",
    "Exceptions are caught in several places. However, there isn't a defect apparent.",
]

DEFECT_PHRASINGS = [
    "No validation of the input is performed.",
    "There is no validation of the input.",
    "The lock is not released on failure.",
    "The input doesn't seem to be validated in `parse()`.",
    "There doesn't seem to be any error handling around `create()`.",
    "There is no cleanup if `create()` fails.",
    "No timeout is set, so a hung request is a risk.",
    "There is no check for command injection.",
    "There is no protection against race conditions.",
    "There is no leak protection in `open_all()`.",
    "There is no evidence of input validation.",
    "There are no cases where the lock is released.",
    "I could not find any input validation in `run()`.",
    "Nothing prevents an attacker from choosing the lock name.",
    "The namespace is not deleted when a later step fails.",
    "The file is not closed, which is a problem.",
    "The code does not appear safe: `run()` passes user input to a shell.",
    "The code does not handle errors correctly.",
    "The command appears safe, but the argument comes from the user and reaches a shell.",
    "The owner of the lock cannot be determined, so stale locks are never removed.",
    "No issues found in `load()`. However, `save()` writes the file world-readable.",
    "If the `_subscribers` set in `subscribe()` is not properly managed,"
    " it could cause a synchronization issue.",
    "If data used to build these commands is not properly validated,"
    " it could lead to command injection.",
]


def review_item(issue: str) -> str:
    return f"1. **CWE-20 (Improper Input Validation)**:\n   - **Issue**: {issue}\n"


@pytest.mark.parametrize("issue", NO_DEFECT_PHRASINGS)
def test_an_item_that_states_no_defect_in_any_common_phrasing_is_a_non_finding(issue):
    (finding,) = parse_markdown(review_item(issue), "r.md")
    assert finding.states_no_defect


@pytest.mark.parametrize("issue", DEFECT_PHRASINGS)
def test_an_item_that_merely_contains_no_or_not_is_a_finding(issue):
    (finding,) = parse_markdown(review_item(issue), "r.md")
    assert not finding.states_no_defect


def test_a_closing_remark_in_another_phrasing_gives_non_findings():
    text = review_item("`run()` (line 7) passes input to a shell.") + (
        "\nFor CWE-682 and CWE-697, nothing was found.\n"
    )
    findings = by_id(parse_markdown(text, "r.md"))
    assert {key: finding.states_no_defect for key, finding in findings.items()} == {
        "1": False,
        "CWE-682": True,
        "CWE-697": True,
    }


def test_the_gist_of_a_finding_is_the_clause_about_its_symbol():
    findings = by_id(read_report(FIXTURES / "fip_review.md"))
    assert gist(findings["5.1"]) == "A predictable lock name in `_fip_port_lock()`"
    assert gist(findings["5.2"]) == (
        "a badly managed `_subscribers` set in `subscribe()` could defeat the protection"
    )
    # Its own line numbers are stale once the code moved: they are left out.
    assert gist(findings["6"]) == (
        "System commands run in the `create_gateway_port()` method with input that may come"
        " from outside"
    )
    assert label(findings["5.2"]) == "CWE-693 Protection Mechanism Failure"


def test_the_gist_keeps_an_example_with_its_clause_and_is_short():
    (finding,) = parse_markdown(
        review_item(
            "System commands are executed, such as in `run()` (line 7), with outside input. "
            + "More words follow here. " * 20
        ),
        "r.md",
    )
    assert gist(finding) == "System commands are executed, such as in `run()`"
    (long,) = parse_markdown(review_item("`run()` is " + "very " * 60 + "slow."), "r.md")
    assert len(gist(long)) <= MAX_GIST + 1 and gist(long).endswith("…")


def test_the_statement_of_no_defect_is_quoted_as_written():
    (finding,) = parse_markdown(
        review_item("Operations are simple (line 4). Nothing was found (e.g., line 9)."), "r.md"
    )
    assert no_defect_quote(finding) == "Nothing was found"


def test_findings_that_share_one_long_message_are_quoted_in_linear_time():
    """A hostile item names thousands of places in one long message: each quote stays cheap."""
    message = "Nothing found. " + " ".join(f"`f{n}()` is odd." for n in range(20_000))
    findings = [Finding(f"r#{n}", "llm-review", message, symbols=(f"f{n}",)) for n in range(2000)]
    started = time.perf_counter()
    quotes = [(gist(finding), no_defect_quote(finding)) for finding in findings]
    assert time.perf_counter() - started < 2
    assert quotes[0] == ("`f0()` is odd", "Nothing found")
