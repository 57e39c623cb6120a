"""Untrusted reports through the real commands: shown literally, bounded, never a traceback.

A report (and a file name in the tree) may carry rich markup and terminal
escapes: every output shows them literally (cwemod/render/text.py). A report
may be binary, huge or state impossible lines: that is one line and exit 2, or
a verdict per finding, in bounded time.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import cli

# Markup rich would interpret, and escapes a terminal would obey: colour, an OSC 8
# hyperlink, a bell, a C1 CSI, a bidirectional override.
HOSTILE = (
    "[bold]B[/] [link=http://x]L[/link] \x1b[31mHOSTILE \x1b]8;;http://evil/\x1b\\O\x07\x9b2J\u202e"
)
RAW = ("\x1b[31mHOSTILE", "\x1b]8;;", "\x07", "\x9b", "\u202e")  # must never be printed
SHOWN = ("[bold]B[/]", "[link=http://x]L[/link]", "\\x1b[31mHOSTILE", "\\x07", "\\x9b", "\\u202e")

LOCK = (
    "from oslo_concurrency import lockutils\n\n\n"
    "def refresh(namespace):\n"
    "    with lockutils.lock('ipset-%s' % namespace, external=True):\n"
    "        pass\n"
)
REFUSED = (
    "from oslo_concurrency import lockutils\n\n\n"
    "def take(*args):\n"
    "    with lockutils.lock(*args, external=True):\n"
    "        pass\n"
)


def sarif_result(rule: str, uri: str, message: str, line: object) -> dict:
    region = {"startLine": line}
    return {
        "ruleId": rule,
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
    }


def sarif(rule: str, uri: str, message: str, line: object = 5, *more: dict) -> str:
    results = [sarif_result(rule, uri, message, line), *more]
    run = {"tool": {"driver": {"name": "scanner"}}, "results": results}
    return json.dumps({"version": "2.1.0", "runs": [run]})


def bandit(line: object) -> str:
    result = {
        "test_id": "B506",
        "test_name": "yaml_load",
        "filename": "locks.py",
        "line_number": line,
        "issue_text": "yaml",
        "issue_cwe": {"id": 20},
    }
    return json.dumps({"results": [result], "errors": []})


def review(title: str, symbol: str = "refresh", line: str = "5") -> str:
    return (
        "### File: locks.py\n\n"
        f"1. **CWE-284 ({title})**:\n"
        f"   - **Issue**: `{symbol}()` (line {line}) takes a predictable lock. {HOSTILE}\n"
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "locks.py").write_text(LOCK)
    (tmp_path / "review.md").write_text(review(HOSTILE))
    # A rule id shown as the CWE column, and a path shown in the reason.
    elsewhere = sarif_result("R2", f"evil{HOSTILE}.py", HOSTILE, 3)
    (tmp_path / "scan.sarif").write_text(sarif(HOSTILE, "locks.py", HOSTILE, 99, elsewhere))
    return tmp_path


@pytest.fixture
def terminal(monkeypatch):
    """rich believes it writes to a wide terminal (FORCE_COLOR), so it emits escapes itself."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "500")
    monkeypatch.delenv("NO_COLOR", raising=False)


def assert_literal(output: str) -> None:
    for raw in RAW:
        assert raw not in output, f"{raw!r} reached the output"
    for shown in SHOWN:
        assert shown in output, f"{shown!r} is not shown literally"


def test_findings_table_on_a_terminal_shows_markup_and_escapes_literally(project, terminal):
    result = cli("findings", "-r", "scan.sarif", ".", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" in result.stdout  # rich did colour it: this was a terminal
    assert "evil[bold]B[/]" in result.stdout  # the path in the reason of the second finding
    assert_literal(result.stdout)


def test_findings_on_a_pipe_are_one_row_each_with_escapes_shown(project):
    result = cli("findings", "-r", "scan.sarif", ".", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    rows = result.stdout.splitlines()
    assert len(rows) == 2
    assert [row.count("\t") for row in rows] == [5, 5]
    assert_literal(result.stdout)


def test_findings_json_keeps_the_hostile_text_exactly_and_escaped(project):
    result = cli(
        "findings", "-r", "scan.sarif", "-r", "review.md", "--format", "json", ".", cwd=project
    )
    assert result.returncode == 0, result.stderr
    for raw in RAW:
        assert raw not in result.stdout
    records = json.loads(result.stdout)["findings"]
    assert [record["message"].endswith(HOSTILE) for record in records] == [True, True, True]
    assert records[0]["rule"] == HOSTILE
    assert records[1]["reported"]["path"] == f"evil{HOSTILE}.py"
    assert records[2]["title"] == HOSTILE


def test_fix_pretty_headers_and_left_alone_table_show_hostile_text_literally(tmp_path, terminal):
    hostile_name = "[red]\x1b[7mx\u202e"
    (tmp_path / "locks.py").write_text(LOCK)
    (tmp_path / f"{hostile_name}.py").write_text(LOCK)
    (tmp_path / f"{hostile_name}_refused.py").write_text(REFUSED)
    result = cli("fix", "-j1", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Left alone" in result.stdout
    assert "[red]\\x1b[7mx\\u202e.py" in result.stdout  # a file's header
    assert "[red]\\x1b[7mx\\u202e_refused.py" in result.stdout  # a row left alone
    assert "\x1b[7mx" not in result.stdout and "\u202e" not in result.stdout

    (tmp_path / "review.md").write_text(review(HOSTILE))
    result = cli("fix", "-j1", "-r", "review.md", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    answers = [line for line in result.stdout.splitlines() if "answers" in line]
    assert len(answers) == 1
    assert_literal(answers[0])


def test_error_lines_naming_a_hostile_file_name_are_one_line_without_raw_escapes(tmp_path):
    name = "r\x1b[31m\nx"  # a report or source file named by a hostile archive
    (tmp_path / f"{name}.md").write_bytes(b"\x00")
    result = cli("findings", "-r", f"{name}.md", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "cwemod: error: r\\x1b[31m\\nx.md: not a text report\n"

    (tmp_path / f"{name}.py").write_text(LOCK + "def broken(:\n")
    result = cli("fix", "-j1", ".", cwd=tmp_path)
    assert result.returncode == 2
    [error] = [line for line in result.stderr.splitlines() if "r\\x1b[31m\\nx.py: " in line]
    assert "\x1b" not in result.stderr


# Reports that are not what they claim: one line on stderr, exit code 2.
BAD_REPORTS = [
    (
        "nul.md",
        b"### File: a.py\n\n1. **CWE-78 (x)**:\n   - **Issue**: `f()` \x00 bad\n",
        "not a text report",
    ),
    ("nul.json", b'{"results": [{"filename": "a\x00.py"}]}', "invalid JSON"),
    ("latin1.md", "1. **CWE-78 (caf\xe9)**:\n".encode("latin-1"), "not UTF-8"),
    ("latin1.sarif", b'{"version": "2.1.0", "runs": [], "x": "\xff\xfe"}', "not UTF-8"),
    ("utf16.json", '{"results": []}'.encode("utf-16"), "not UTF-8"),
    ("binary.md", bytes(range(256)) * 4, "not UTF-8"),
    ("sarif-line-0.sarif", sarif("R", "a.py", "m", line=0).encode(), "not a positive integer"),
    ("sarif-line-neg.sarif", sarif("R", "a.py", "m", line=-3).encode(), "not a positive integer"),
    ("sarif-line-huge.sarif", sarif("R", "a.py", "m", line=10**12).encode(), "too large"),
    (
        "sarif-line-float.sarif",
        sarif("R", "a.py", "m", line=1.5).encode(),
        "not a positive integer",
    ),
    ("bandit-line-neg.json", bandit(-1).encode(), "not a positive integer"),
    ("bandit-line-huge.json", bandit(10**40).encode(), "too large"),
]


@pytest.mark.parametrize(
    ("name", "content", "message"), BAD_REPORTS, ids=[c[0] for c in BAD_REPORTS]
)
@pytest.mark.parametrize("command", ["findings", "fix"])
def test_bad_report_is_one_line_and_exit_2(tmp_path, name, content, message, command):
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / name).write_bytes(content)
    result = cli(command, "-r", name, ".", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"cwemod: error: {name}: ")
    assert message in result.stderr


# Lines a report may state that today's file does not have: a verdict per finding.
OUT_OF_RANGE = [
    ("past-the-end.sarif", sarif("R", "locks.py", "m", line=9_999_999)),
    ("past-the-end.json", bandit(500)),
    ("past-the-end.md", review("Improper Access Control", symbol="gone", line="999999")),
    ("negative.md", review("Improper Access Control", symbol="gone", line="-5")),
    ("huge.md", review("Improper Access Control", symbol="gone", line="9" * 5000)),
]


@pytest.mark.parametrize(("name", "content"), OUT_OF_RANGE, ids=[c[0] for c in OUT_OF_RANGE])
def test_line_out_of_range_is_a_verdict_of_its_finding(tmp_path, name, content):
    (tmp_path / "locks.py").write_text(LOCK)
    (tmp_path / name).write_text(content)
    result = cli("findings", "--format", "json", "-r", name, ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [record] = json.loads(result.stdout)["findings"]
    assert record["verdict"] in ("unlocated", "not-applicable"), record
    assert record["reason"]


def test_report_above_the_size_limit_is_refused_before_it_is_read(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    huge = tmp_path / "huge.md"
    with huge.open("wb") as stream:  # sparse: 100 MB on disk costs nothing
        stream.truncate(100 * 1024 * 1024)
    started = time.perf_counter()
    result = cli("findings", "-r", "huge.md", ".", cwd=tmp_path)
    assert time.perf_counter() - started < 1
    assert result.returncode == 2
    assert (
        result.stderr == "cwemod: error: huge.md: report larger than 50 MiB; cwemod reads no more\n"
    )


def test_report_of_exactly_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr("cwemod.reports.MAX_REPORT_BYTES", 4096)
    (tmp_path / "locks.py").write_text(LOCK)
    text = review("Improper Access Control").encode()
    (tmp_path / "fits.md").write_bytes(text + b" " * (4096 - len(text)))
    (tmp_path / "over.md").write_bytes(text + b" " * (4097 - len(text)))
    assert cli("findings", "-r", "fits.md", ".", cwd=tmp_path).returncode == 0
    assert "larger than" in cli("findings", "-r", "over.md", ".", cwd=tmp_path).stderr


def items(count: int) -> str:
    return "### File: locks.py\n\n" + "".join(
        f"{number}. **CWE-284 (Improper Access Control)**:\n"
        f"   - **Issue**: `refresh()` (line {number}) takes a predictable lock.\n\n"
        for number in range(1, count + 1)
    )


def test_markdown_of_many_items_is_triaged_in_time_linear_in_its_items(tmp_path):
    # 10,000 items take about 5 s of CPU (about 2 s of it parsing the Markdown).
    (tmp_path / "locks.py").write_text(LOCK)
    (tmp_path / "big.md").write_text(items(1_000))
    started = time.process_time()
    result = cli("findings", "-r", "big.md", ".", cwd=tmp_path)
    elapsed = time.process_time() - started
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1_000
    assert elapsed < 2.5, f"{elapsed:.1f} s"


@pytest.mark.parametrize("suffix", [".md", ".sarif", ".json"])
def test_report_of_more_findings_than_the_limit_is_one_line(tmp_path, monkeypatch, suffix):
    monkeypatch.setattr("cwemod.reports.MAX_FINDINGS", 50)
    (tmp_path / "locks.py").write_text(LOCK)
    if suffix == ".md":
        text = items(51)
    elif suffix == ".sarif":
        text = sarif("R", "locks.py", "m", 1, *[sarif_result("R", "locks.py", "m", 1)] * 50)
    else:
        document = json.loads(bandit(1))
        document["results"] *= 51
        text = json.dumps(document)
    (tmp_path / f"many{suffix}").write_text(text)
    result = cli("findings", "-r", f"many{suffix}", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"cwemod: error: many{suffix}: 51 findings, more than the 50 cwemod reads from one"
        " report; split the report\n"
    )
    (tmp_path / f"many{suffix}").write_text(text.replace("locks.py", "other.py", 1))
    monkeypatch.setattr("cwemod.reports.MAX_FINDINGS", 51)
    assert cli("findings", "-r", f"many{suffix}", ".", cwd=tmp_path).returncode == 0


def test_markdown_review_longer_than_the_limit_is_refused_before_it_is_parsed(tmp_path):
    (tmp_path / "locks.py").write_text(LOCK)
    text = items(1)
    (tmp_path / "long.md").write_text(text + " " * (2_000_001 - len(text)))
    (tmp_path / "fits.md").write_text(text + " " * (2_000_000 - len(text)))
    started = time.process_time()
    result = cli("findings", "-r", "long.md", ".", cwd=tmp_path)
    assert time.process_time() - started < 1
    assert result.returncode == 2
    assert result.stderr == (
        "cwemod: error: long.md: Markdown review longer than 2,000,000 characters;"
        " cwemod reads no more\n"
    )
    assert cli("findings", "-r", "fits.md", ".", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("suffix", [".sarif", ".json"])
def test_json_of_more_values_than_the_limit_is_refused_before_it_is_parsed(
    tmp_path, monkeypatch, suffix
):
    (tmp_path / "locks.py").write_text(LOCK)
    document = sarif("R", "locks.py", "m", 1) if suffix == ".sarif" else bandit(1)
    values = document.count(",") + document.count("[") + document.count("{")
    (tmp_path / f"report{suffix}").write_text(document)
    monkeypatch.setattr("cwemod.reports._shape.MAX_VALUES", values)
    assert cli("findings", "-r", f"report{suffix}", ".", cwd=tmp_path).returncode == 0

    monkeypatch.setattr("cwemod.reports._shape.MAX_VALUES", values - 1)
    parsed = []
    monkeypatch.setattr("json.loads", lambda *args, **kwargs: parsed.append(1))
    result = cli("findings", "-r", f"report{suffix}", ".", cwd=tmp_path)

    assert result.returncode == 2 and parsed == []
    assert result.stderr == (
        f"cwemod: error: report{suffix}: more than {values - 1:,} JSON values:"
        " too large a report to read\n"
    )
