"""The scanner rules a project's ruff configuration turns off by file."""

from __future__ import annotations

import pytest

from cwemod.codemods import RefusalKind
from cwemod.codemods.kit.project import load_project
from cwemod.codemods.kit.ruff_ignores import ignores_any, per_file_ignores
from cwemod.engine import transform_source

# ceilometer's pyproject.toml
CEILOMETER = """\
[tool.ruff]
line-length = 79

[tool.ruff.lint.per-file-ignores]
"doc/*" = ["E501"]
"ceilometer/tests/*" = ["S"]
"tools/*" = ["S"]
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", CEILOMETER),
        ("ruff.toml", '[lint.per-file-ignores]\n"tools/*" = ["S"]\n'),
        ("pyproject.toml", '[tool.ruff.per-file-ignores]\n"tools/*" = ["S"]\n'),  # older ruff
    ],
)
def test_the_entries_are_read_where_ruff_reads_them(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    assert ("tools/*", ("S",)) in per_file_ignores(tmp_path)


def test_a_negated_or_malformed_entry_is_not_read(tmp_path):
    text = '[tool.ruff.lint.per-file-ignores]\n"!tools/*" = ["S"]\n"x.py" = "S"\n'
    (tmp_path / "pyproject.toml").write_text(text)
    assert per_file_ignores(tmp_path) == ()


@pytest.mark.parametrize(
    ("codes", "path", "ignored"),
    [
        (("S",), "tools/send_test_data.py", True),
        (("S108",), "tools/send_test_data.py", True),
        (("S1",), "tools/send_test_data.py", True),
        (("ALL",), "tools/send_test_data.py", True),
        (("S105",), "tools/send_test_data.py", False),
        (("E501",), "tools/send_test_data.py", False),
        (("S",), "ceilometer/agent.py", False),
    ],
)
def test_a_rule_is_off_where_a_glob_matches_and_a_code_covers_it(codes, path, ignored):
    assert ignores_any((("tools/*", codes),), path, ["B108"]) is ignored


def test_a_glob_without_a_folder_matches_the_file_name():
    assert ignores_any((("conftest.py", ("S",)),), "pkg/sub/conftest.py", ["B108"])


# pytest-ansible 26.10.0's pyproject.toml: preview, and rules turned off by name
PYTEST_ANSIBLE = """\
[tool.ruff]
preview = true

[tool.ruff.lint]
ignore = ["missing-trailing-comma", "hardcoded-temp-file"]
select = ["ALL"]

[tool.ruff.lint.per-file-ignores]
"tests/**" = ["private-member-access", "assert", "subprocess-popen-with-shell-equals-true"]
"""


def test_a_rule_turned_off_by_name_is_read_as_its_code(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYTEST_ANSIBLE)
    ignores = per_file_ignores(tmp_path)
    assert ignores == (
        ("tests/**", ("private-member-access", "assert", "S602")),
        ("*", ("S108",)),
    )
    assert ignores_any(ignores, "tests/integration/test_molecule.py", ["B602"])
    assert not ignores_any(ignores, "src/pytest_ansible/units.py", ["B602"])
    assert ignores_any(ignores, "src/pytest_ansible/units.py", ["B108"])


SCRATCH = "def report(data):\n    with open('/tmp/ceilometer-data.json', 'w') as out:\n"
SCRATCH += "        out.write(data)\n"


def test_a_finding_in_a_file_the_project_exempts_says_so(tmp_path):
    (tmp_path / "pyproject.toml").write_text(CEILOMETER)
    project = load_project(tmp_path)
    exempt = transform_source(
        SCRATCH, [("hardcoded-tmp", {})], project=project, module_path="tools/send_test_data.py"
    )
    [refusal] = exempt.refusals
    assert refusal.kind is RefusalKind.ADVICE_ONLY
    assert "turns this scanner rule off for this file" in refusal.reason
    checked = transform_source(
        SCRATCH, [("hardcoded-tmp", {})], project=project, module_path="ceilometer/report.py"
    )
    assert "a fixed name in a directory every user can write" in checked.refusals[0].reason


def test_a_fix_in_a_file_the_project_exempts_is_not_made(tmp_path):
    (tmp_path / "pyproject.toml").write_text(CEILOMETER)
    source = "import yaml\n\n\ndef load(text):\n    return yaml.load(text)\n"
    outcome = transform_source(
        source, [("yaml-safe-load", {})], project=load_project(tmp_path), module_path="tools/y.py"
    )
    assert outcome.text == source and not outcome.fixes
    assert "per-file-ignores" in outcome.refusals[0].reason


def test_a_bandit_rule_the_project_ignores_everywhere_is_off_for_every_file(tmp_path):
    """scrapyd-client selects ALL and ignores "S113",  # timeout."""
    text = '[tool.ruff.lint]\nselect = ["ALL"]\nignore = ["D", "S113", "E501"]\n'
    (tmp_path / "pyproject.toml").write_text(text)
    ignores = per_file_ignores(tmp_path)
    assert ignores == (("*", ("S113",)),)
    assert ignores_any(ignores, "scrapyd_client/deploy.py", ["B113"])
    assert not ignores_any(ignores, "scrapyd_client/deploy.py", ["B324"])


# glue-core 1.28.0 glue/core/state.py:570: its .ruff.toml's lint.ignore turns S110 off
GLUE_STATE = "def update(callback):\n    try:\n        callback()\n    except Exception:\n"
GLUE_STATE += "        pass\n"


def test_a_rule_ignored_everywhere_is_said_to_be_off_project_wide_not_for_the_file(tmp_path):
    (tmp_path / ".ruff.toml").write_text('[lint]\nignore = ["S110", "E501"]\n')
    outcome = transform_source(
        GLUE_STATE,
        [("silent-except", {})],
        project=load_project(tmp_path),
        module_path="glue/core/state.py",
    )
    [refusal] = outcome.refusals
    assert "turns this scanner rule off project-wide (ignore" in refusal.reason
    assert "for this file" not in refusal.reason and "per-file" not in refusal.reason


# tmt 1.78.0 tmt/utils/__init__.py:792: its pyproject.toml ignores S603 and S607 for every file
TMT_SPAWN = """\
import subprocess


def spawn(command, shell=False):
    executable = "/bin/bash" if shell else None
    return subprocess.Popen(command, shell=shell, executable=executable)
"""


SYSTEM = "import os\n\n\ndef show(path):\n    os.system('ls -l ' + path)\n"
PROJECT_WIDE = "turns this scanner rule off project-wide"


@pytest.mark.parametrize(
    ("source", "ignored", "reason"),
    [
        (TMT_SPAWN, '["S101", "S603", "S607"]', "shell= is not a constant"),
        (TMT_SPAWN, '["S604", "S605"]', "shell= is not a constant"),
        (TMT_SPAWN, '["S602"]', PROJECT_WIDE),
        (TMT_SPAWN, '["S6"]', PROJECT_WIDE),
        (TMT_SPAWN, '["subprocess-popen-with-shell-equals-true"]', PROJECT_WIDE),
        (SYSTEM, '["S607"]', "path stood unquoted"),
        (SYSTEM, '["S605"]', PROJECT_WIDE),
        (SYSTEM, '["start-process-with-a-shell"]', PROJECT_WIDE),
        (SYSTEM, '["subprocess-popen-with-shell-equals-true"]', "path stood unquoted"),
    ],
)
def test_only_the_rule_of_a_shell_turned_off_accepts_a_call_that_may_run_one(
    tmp_path, source, ignored, reason
):
    """S603 (a call without a shell) and S607 (a partial path) turned off accept no shell."""
    (tmp_path / "pyproject.toml").write_text(f"[tool.ruff.lint]\nignore = {ignored}\n")
    outcome = transform_source(
        source, [("command-argv", {})], project=load_project(tmp_path), module_path="tmt/u.py"
    )
    [refusal] = outcome.refusals
    assert reason in refusal.reason
