"""The scanner marks every codemod honours: Bandit's nosec, ruff's noqa and ruff:ignore (and
its file-level and range comments), and pylint's disable of its missing-timeout."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cwemod.codemods import all_codemods, get_codemod
from cwemod.codemods.kit.project import Project
from cwemod.codemods.kit.scanner_marks import (
    BANDIT_TEST_NAMES,
    RUFF_RULE_NAMES,
    ruff_exempted,
    silenced,
)
from cwemod.engine.run import FileJob
from cwemod.engine.work import process_file

LINES = [
    "x = random.random()",
    "y = random.random()  # nosec",
    "z = random.random()  #nosec B311",
    "w = random.random()  # noqa: E501,S311",
    "v = random.random()  # noqa: E501",
    "u = 'nosec is not a comment here'",
    "t = random.random()  # nosec B602",
    "s = random.random()  # nosec: random",
    "r = random.random()  # nosec - the value seeds a test fixture",
    "q = random.random()  # noqa: S602",
    "p = random.random()  # nosec B602, B311",
    "o = random.random()  # ruff:ignore[suspicious-non-cryptographic-random-usage] a fixture",
    "n = random.random()  # ruff: ignore[E501, S311]",
    "m = random.random()  # ruff:ignore[S602]",
]
SECURE_RANDOM = ("B311",)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (1, False),
        (2, True),
        (3, True),
        (4, True),
        (5, False),
        (6, False),
        (7, False),
        (8, True),
        (9, True),
        (10, False),
        (11, True),
        (12, True),
        (13, True),
        (14, False),
    ],
)
def test_a_line_is_silenced_by_a_mark_for_its_rule_or_for_every_rule(line, expected):
    assert silenced(LINES, line, line, SECURE_RANDOM) is expected


def test_a_mark_on_any_line_of_a_multi_line_site_counts():
    assert silenced(LINES, 4, 6, SECURE_RANDOM) and not silenced(LINES, 5, 6, SECURE_RANDOM)


PYLINT = """\
def fetch(url):
    # pylint: disable=missing-timeout
    first = requests.get(url, stream=True)
    if first:
        second = requests.get(url)
    # pylint: enable=missing-timeout
    third = requests.get(url)
    fourth = requests.get(url)  # pylint: disable=W3101
    # pylint: disable-next=missing-timeout
    fifth = requests.get(url)
    sixth = requests.get(url)
    # pylint: disable=broad-except
    seventh = requests.get(url)


def other(url):  # pylint: disable=missing-timeout
    return requests.get(url)


def last(url):
    return requests.get(url)
""".splitlines()
TIMEOUT = ("B113",)


@pytest.mark.parametrize(
    ("line", "expected"),
    [(3, True), (5, True), (7, False), (8, True), (10, True), (11, False), (13, False),
     (17, True), (21, False)],
)  # fmt: skip
def test_pylint_s_disable_silences_its_line_the_next_or_the_rest_of_its_block(line, expected):
    assert silenced(PYLINT, line, line, TIMEOUT) is expected


def test_pylint_s_disable_of_missing_timeout_silences_no_other_rule():
    assert not silenced(PYLINT, 3, 3, SECURE_RANDOM)


def test_the_test_names_are_bandit_s_own():
    extensions = pytest.importorskip("bandit.core.extension_loader").MANAGER
    for name, test_id in BANDIT_TEST_NAMES.items():
        assert extensions.get_test_id(name) == test_id, name


def test_the_rule_names_are_ruff_s_own():
    listed = subprocess.run(
        [sys.executable, "-m", "ruff", "rule", "--all", "--output-format", "json"],
        capture_output=True,
        check=True,
    )
    names = {rule["name"]: rule["code"] for rule in json.loads(listed.stdout)}
    for name, test_id in RUFF_RULE_NAMES.items():
        assert names.get(name) == f"S{test_id[1:]}", name
    assert set(RUFF_RULE_NAMES.values()) == set(BANDIT_TEST_NAMES.values())


def _scanner_codemods():
    return [
        get_codemod(codemod_id)
        for codemod_id in all_codemods()
        if get_codemod(codemod_id).rules and get_codemod(codemod_id).example
    ]


@pytest.mark.parametrize("codemod", _scanner_codemods(), ids=lambda codemod: codemod.id)
def test_every_codemod_of_a_scanner_rule_leaves_a_nosec_line_alone(codemod, tmp_path):
    example = tmp_path / "example.py"
    example.write_text(codemod.example)
    fixed = process_file(FileJob(example, example.name, ((codemod.id, {}),), allow_review=True))
    assert fixed.fixes, "the example must show a fix"

    lines = codemod.example.split("\n")
    for fix in fixed.fixes:
        lines[fix.line - 1] += "  # nosec"
    example.write_text("\n".join(lines))
    marked = process_file(FileJob(example, example.name, ((codemod.id, {}),), allow_review=True))

    assert not marked.changed and not marked.fixes and not marked.skipped_review
    # Why is said (some codemods only when a report points at the line); silent-except
    # takes the mark for a comment that documents the handler.
    assert all(
        "nosec" in refusal.reason or "a comment documents" in refusal.reason
        for refusal in marked.refusals
    )


# silent-except takes any comment in a handler for one that documents it.
@pytest.mark.parametrize(
    "codemod",
    [codemod for codemod in _scanner_codemods() if codemod.id != "silent-except"],
    ids=lambda codemod: codemod.id,
)
@pytest.mark.parametrize("spelling", ["id", "name"])
def test_a_mark_for_another_rule_leaves_every_codemod_s_fix_in(codemod, spelling, tmp_path):
    # No codemod answers B101; the name is that of another codemod's test.
    other_rule = "B110" if "B506" in codemod.rules else "B506"
    other = "B101" if spelling == "id" else _name_of(other_rule)
    example = tmp_path / "example.py"
    example.write_text(codemod.example)
    fixed = process_file(FileJob(example, example.name, ((codemod.id, {}),), allow_review=True))

    lines = codemod.example.split("\n")
    for fix in fixed.fixes:
        lines[fix.line - 1] += f"  # nosec {other}"
    example.write_text("\n".join(lines))
    wide = Project(line_length=200)  # room for the mark
    marked = process_file(
        FileJob(example, example.name, ((codemod.id, {}),), allow_review=True, project=wide)
    )

    assert [fix.line for fix in marked.fixes] == [fix.line for fix in fixed.fixes]


def _name_of(rule: str) -> str:
    return next(name for name, test_id in BANDIT_TEST_NAMES.items() if test_id == rule)


def test_ruffs_ignore_on_a_line_of_its_own_silences_the_statement_below():
    """Weblate's ``# ruff: ignore[suspicious-non-cryptographic-random-usage]`` above the
    ``random.randint()`` it keeps; ruff reads it across comments and blank lines."""
    lines = [
        "def signed_salt(secret):",
        "    # ruff: ignore[suspicious-non-cryptographic-random-usage]",
        "    # the salt is only a nonce",
        "",
        "    salt = str(random.randint(0, 10000000000))",
        "    # ruff: ignore[S311]",
        "    x = 1",
        "    return random.randint(0, 9) + x",
    ]
    assert silenced(lines, 5, 5, {"B311"})
    assert not silenced(lines, 5, 5, {"B324"})
    assert not silenced(lines, 8, 8, {"B311"})  # the mark above silences x = 1 only
    assert not silenced(["    # noqa: S311", "    random.random()"], 2, 2, {"B311"})


SHELL = "import subprocess\n\n\ndef show(name):\n    return subprocess.run(name, shell=True)\n"


@pytest.mark.parametrize(
    ("comment", "exempted"),
    [
        ("# ruff: noqa: S602", True),
        ("# ruff: noqa: E501, S602  the tools' commands are constants", True),
        ("#flake8:noqa:S602", True),
        ("# ruff: file-ignore[S602]", True),
        ("# ruff: file-ignore[print, subprocess-popen-with-shell-equals-true]", True),
        ("# ruff: noqa", False),  # names no rule: not a review of a security finding
        ("# flake8: noqa", False),
        ("# ruff: noqa: S605", False),
        ("# ruff: noqa: S6", False),  # ruff reads codes only, no prefix
        ("# ruff: file-ignore[S]", False),
        ("# noqa: S602", False),  # silences its own line only
    ],
)
def test_ruffs_file_level_comment_naming_a_rule_exempts_the_whole_file(comment, exempted):
    """ruff reads ``# ruff: noqa: S602`` (or flake8's) on a line of its own anywhere in the
    file, and ``# ruff: file-ignore[...]`` at the start of a line, by code or by name."""
    top = [comment, *SHELL.splitlines()]
    bottom = [*SHELL.splitlines(), comment]
    assert ruff_exempted(top, 6, {"B602"}) is exempted
    assert ruff_exempted(bottom, 5, {"B602"}) is exempted


def test_a_file_level_comment_is_read_on_a_line_of_its_own_only():
    lines = SHELL.splitlines()
    trailing = [*lines[:-1], lines[-1] + "  # ruff: noqa: S602  # ruff: file-ignore[S602]"]
    assert not ruff_exempted(trailing, 5, {"B602"})
    indented = [*lines[:-1], "    # ruff: file-ignore[S602]", lines[-1]]
    assert not ruff_exempted(indented, 6, {"B602"})  # ruff wants it at the start of a line
    assert ruff_exempted([*lines[:-1], "    # ruff: noqa: S602", lines[-1]], 6, {"B602"})


RANGES = """\
import subprocess


def show(name):
    # ruff: disable[S602]
    first = subprocess.run(name, shell=True)
    if first:
        second = subprocess.run(name, shell=True)
    # ruff: enable[S602]
    third = subprocess.run(name, shell=True)
    # ruff: disable[subprocess-popen-with-shell-equals-true]
    if third:
        # ruff: disable[S605]
        fourth = subprocess.run(name, shell=True)
    fifth = subprocess.run(name, shell=True)


def other(name):
    return subprocess.run(name, shell=True)


# ruff: disable[S602]
def last(name):
    return subprocess.run(name, shell=True)
""".splitlines()


@pytest.mark.parametrize(
    ("line", "expected"),
    [(6, True), (8, True), (10, False), (14, True), (15, True), (19, False), (24, True)],
)
def test_ruffs_disable_silences_up_to_its_enable_or_the_end_of_its_block(line, expected):
    """A ``# ruff: disable[...]`` on a line of its own reaches its ``enable`` (the same
    codes, at the same indentation) or, without one, a line indented less than it."""
    assert ruff_exempted(RANGES, line, {"B602"}) is expected
    assert not ruff_exempted(RANGES, line, {"B605", "B311"}) or line == 14


def test_an_enable_of_other_codes_does_not_close_a_range():
    lines = [
        "def show(name):",
        "    # ruff: disable[S602, S603]",
        "    x = 1",
        "    # ruff: enable[S602]",
        "    return subprocess.run(name, shell=True)",
    ]
    assert ruff_exempted(lines, 5, {"B602"})
    assert not ruff_exempted(["    # ruff: disable[S602]", *lines[2:]], 4, {"B605"})


@pytest.mark.parametrize("codemod", _scanner_codemods(), ids=lambda codemod: codemod.id)
def test_every_codemod_of_a_scanner_rule_leaves_a_file_ruff_exempts_alone(codemod, tmp_path):
    example = tmp_path / "example.py"
    codes = ", ".join(f"S{rule[1:]}" for rule in codemod.rules)
    example.write_text(f"{codemod.example}\n# ruff: file-ignore[{codes}]\n")
    marked = process_file(FileJob(example, example.name, ((codemod.id, {}),), allow_review=True))

    assert not marked.changed and not marked.fixes and not marked.skipped_review
