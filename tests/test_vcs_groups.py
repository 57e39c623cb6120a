"""Splitting a planned run into commits, with per-commit file stages."""

from __future__ import annotations

from pathlib import Path

import pytest

from cwemod.codemods import LineRange
from cwemod.engine import plan, transform_source
from cwemod.engine.request import make_request
from cwemod.engine.run import FixRequest
from cwemod.vcs.groups import SeriesError, Split, Unit, plan_groups
from vcs_support import SHELL_AND_YAML, UNSAFE_YAML

TWO_LOADS = (
    b"import yaml\n"
    b"\n"
    b"\n"
    b"def first(path):\n"
    b"    return yaml.load(open(path))\n"
    b"\n"
    b"\n"
    b"def second(path):\n"
    b"    return yaml.load(open(path))\n"
)


def request_for(tmp_path: Path, codemods=(), unsafe=False) -> FixRequest:
    request = make_request([tmp_path], codemods=codemods, unsafe=unsafe, jobs=1)
    request.root = tmp_path
    return request


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_split_by_codemod_stages_a_file_that_two_codemods_change(tmp_path):
    write(tmp_path, "pkg/both.py", SHELL_AND_YAML)
    write(tmp_path, "pkg/only_yaml.py", UNSAFE_YAML)
    request = request_for(tmp_path, codemods=["command-argv", "yaml-safe-load"], unsafe=True)
    results = plan(request)

    groups = plan_groups(results, request, Split.CODEMOD)

    assert [group.units for group in groups] == [
        [Unit("codemod", ("command-argv",))],
        [Unit("codemod", ("yaml-safe-load",))],
    ]
    shell_only = transform_source(
        SHELL_AND_YAML.decode(), [("command-argv", {})], allow_review=True
    ).text.encode()
    assert shell_only not in (SHELL_AND_YAML, results[0].new)
    assert [(s.display, s.content) for s in groups[0].files] == [("pkg/both.py", shell_only)]
    by_name = {result.display: result.new for result in results}
    assert [(s.display, s.content) for s in groups[1].files] == [
        ("pkg/both.py", by_name["pkg/both.py"]),
        ("pkg/only_yaml.py", by_name["pkg/only_yaml.py"]),
    ]
    assert [planned.fix.codemod for planned in groups[1].fixes] == [
        "yaml-safe-load",
        "yaml-safe-load",
    ]


def test_split_by_file_gives_each_file_its_own_commit_with_the_engines_bytes(tmp_path):
    write(tmp_path, "a.py", UNSAFE_YAML)
    write(tmp_path, "b.py", UNSAFE_YAML.replace(b"\n", b"\r\n"))
    request = request_for(tmp_path, codemods=["yaml-safe-load"])
    results = plan(request)

    groups = plan_groups(results, request, Split.FILE)

    assert [group.key for group in groups] == ["file a.py", "file b.py"]
    assert [group.files[0].content for group in groups] == [result.new for result in results]
    assert b"\r\n" in groups[1].files[0].content


def finding_request(tmp_path: Path, ranges: list[LineRange]) -> FixRequest:
    path = write(tmp_path, "two.py", TWO_LOADS)
    request = request_for(tmp_path, codemods=["yaml-safe-load"])
    request.targets = {path: {"yaml-safe-load": ranges}}
    return request


def test_split_by_finding_stages_two_findings_in_one_file(tmp_path):
    request = finding_request(tmp_path, [LineRange(5, 5, "r.md#1"), LineRange(9, 9, "r.md#2")])
    results = plan(request)

    groups = plan_groups(results, request, Split.FINDING)

    assert [group.findings for group in groups] == [["r.md#1"], ["r.md#2"]]
    first_only = groups[0].files[0].content.decode()
    assert first_only.count("yaml.safe_load(") == 1 and first_only.index(
        "safe_load"
    ) < first_only.index("second")
    assert groups[1].files[0].content == results[0].new


def test_fixes_that_cannot_be_separated_share_one_commit(tmp_path):
    # The call on line 5 answers two findings; selecting finding 1 alone
    # would also fix it, so the two finding groups cannot be staged apart.
    request = finding_request(
        tmp_path, [LineRange(5, 5, "r.md#1"), LineRange(5, 5, "r.md#2"), LineRange(9, 9, "r.md#1")]
    )
    results = plan(request)

    groups = plan_groups(results, request, Split.FINDING)

    assert len(groups) == 1
    assert groups[0].units == [Unit("finding", ("r.md#1",)), Unit("finding", ("r.md#1", "r.md#2"))]
    assert groups[0].files[0].content == results[0].new
    assert len(groups[0].fixes) == 2


def test_failed_files_stop_the_series_with_their_names(tmp_path):
    write(tmp_path, "good.py", UNSAFE_YAML)
    write(tmp_path, "broken.py", b"import yaml\ndef f(:\n    yaml.load(x)\n")
    request = request_for(tmp_path, codemods=["yaml-safe-load"])

    with pytest.raises(SeriesError, match="broken.py"):
        plan_groups(plan(request), request, Split.CODEMOD)


def test_nothing_to_change_gives_no_groups(tmp_path):
    write(tmp_path, "safe.py", b"import yaml\nyaml.safe_load('a: 1')\n")
    request = request_for(tmp_path, codemods=["yaml-safe-load"])
    assert plan_groups(plan(request), request, Split.CODEMOD) == []
