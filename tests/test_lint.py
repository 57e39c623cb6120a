"""``cwemod fix --lint``: the project's own flake8 drops every hunk that adds a violation.

These tests run the real flake8 (the ``test`` extra installs it) on small
projects whose tox.ini configures it.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

from codemod_support import PARTIAL_LOCK_PACKAGE
from conftest import cli
from cwemod.codemods import Applicability, Fix
from cwemod.engine.lint import Linter, lint_result, lint_root
from cwemod.engine.results import FileResult

FLAKE8 = (sys.executable, "-m", "flake8")
LINT = ("--lint-cmd", shlex.join(FLAKE8))
# A gate whose line limit is on flake8's command line: the codemods keep to the limit the
# project's configuration gives (79 here), so a fix may still run past this one.
LINT_40 = ("--lint-cmd", shlex.join((*FLAKE8, "--max-line-length", "40")))
YAML = ("-c", "yaml-safe-load")

# With safe_load, LONG_LOAD is 41 columns: one past LINT_40's limit; SHORT_LOAD fits.
LONG_LOAD = 'settings = yaml.load(open("s.yaml"))\n'
SHORT_LOAD = 'short = yaml.load(open("s"))\n'
FILLER = "".join(f"N{number} = {number}\n" for number in range(8))  # keeps hunks apart


def project(tmp_path: Path, tox_ini: str, files: dict[str, str]) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "tox.ini").write_text(tox_ini)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def fix_json(root: Path, *args: str, lint: tuple[str, str] = LINT) -> tuple[int, dict]:
    run = cli("fix", *YAML, *lint, "--format", "json", *args, ".", cwd=root)
    return run.returncode, json.loads(run.stdout)


def test_a_fix_that_adds_a_violation_is_dropped_with_the_reason(tmp_path):
    root = project(tmp_path, "[flake8]\n", {"a.py": "import yaml\n\n" + LONG_LOAD})
    code, document = fix_json(root, lint=LINT_40)
    [record] = document["files"]
    assert code == 0
    assert record["status"] == "unchanged" and record["fixes"] == [] and record["diff"] is None
    [refusal] = record["refusals"]
    assert refusal["verdict"] == "advice-only"
    assert refusal["reason"] == "dropped by --lint: adds E501 line too long (41 > 40 characters)"
    pretty = cli("fix", *YAML, *LINT_40, "--format", "pretty", ".", cwd=root)
    assert "dropped by --lint: adds E501" in pretty.stdout
    assert cli("fix", *YAML, *LINT_40, "--check", ".", cwd=root).returncode == 0


def test_a_fix_that_adds_no_violation_is_kept_byte_for_byte(tmp_path):
    root = project(tmp_path, "[flake8]\n", {"a.py": "import yaml\n\n" + LONG_LOAD})
    plain = cli("fix", *YAML, "--format", "diff", ".", cwd=root)
    linted = cli("fix", *YAML, *LINT, "--format", "diff", ".", cwd=root)
    assert "+settings = yaml.safe_load" in linted.stdout
    assert linted.stdout == plain.stdout


def test_existing_violations_are_not_blamed_on_the_fix(tmp_path):
    source = (
        "import os\n"  # F401, before and after
        "import yaml\n\n"
        "TOO_LONG = 1  # a comment that was already too long\n"  # E501, before and after
        "semicolon = 1;\n"  # E703, before and after
        'settings = yaml.load(open("s.yaml"))  # already too long\n'  # E501 that grows
    )
    root = project(tmp_path, "[flake8]\n", {"a.py": source})
    code, document = fix_json(root, lint=LINT_40)
    [record] = document["files"]
    assert code == 0
    assert record["status"] == "changed" and record["refusals"] == []
    assert [fix["line"] for fix in record["fixes"]] == [6]


def test_a_filename_based_local_check_applies_as_in_the_gate(tmp_path):
    # Like Cinder's C309 (no logging in tests): a local check that reads the filename,
    # and words its message the same way ("C309: ...").
    checks = (
        "def no_safe_load_in_tests(logical_line, filename):\n"
        "    if 'tests/' in filename and 'safe_load' in logical_line:\n"
        "        yield 0, 'X309: no safe_load in tests'\n"
    )
    tox_ini = (
        "[flake8]\n"
        "[flake8:local-plugins]\n"
        "extension =\n"
        "    X309 = checks:no_safe_load_in_tests\n"
        "paths = ./tools\n"
    )
    source = "import yaml\n\n" + LONG_LOAD
    files = {"tools/checks.py": checks, "pkg/a.py": source, "pkg/tests/test_a.py": source}
    root = project(tmp_path, tox_ini, files)
    code, document = fix_json(root, "pkg")
    assert code == 0
    records = {record["path"]: record for record in document["files"]}
    assert records["pkg/a.py"]["status"] == "changed"
    tests = records["pkg/tests/test_a.py"]
    assert tests["status"] == "unchanged"
    assert [r["reason"] for r in tests["refusals"]] == [
        "dropped by --lint: adds X309 no safe_load in tests"
    ]


def test_per_file_ignores_match_the_name_relative_to_the_config_wherever_cwemod_runs(tmp_path):
    tox_ini = "[flake8]\nper-file-ignores = pkg/tests/*:E501\n"
    source = "import yaml\n\n" + LONG_LOAD
    files = {"pkg/a.py": source, "pkg/tests/test_a.py": source}
    root = project(tmp_path, tox_ini, files)
    run = cli("fix", *YAML, *LINT_40, "--format", "json", ".", cwd=root / "pkg")
    # Names in the output are relative to where cwemod runs; flake8's are relative to tox.ini.
    records = {record["path"]: record for record in json.loads(run.stdout)["files"]}
    assert records["tests/test_a.py"]["status"] == "changed"
    assert records["a.py"]["status"] == "unchanged"


def test_the_config_is_the_nearest_one_with_a_flake8_section(tmp_path):
    root = project(tmp_path, "[flake8]\n", {"sub/setup.cfg": "[metadata]\n", "sub/pkg/x.py": ""})
    (root / "sub" / "pkg" / "tox.ini").write_text("[testenv]\n")
    assert lint_root(root / "sub" / "pkg" / "x.py") == root
    (root / "sub" / ".flake8").write_text("[flake8]\n")
    assert lint_root(root / "sub" / "pkg" / "x.py") == root / "sub"


def test_write_check_and_diff_see_only_the_kept_hunks(tmp_path):
    source = "import yaml\n\n" + SHORT_LOAD + FILLER + LONG_LOAD
    root = project(tmp_path, "[flake8]\n", {"a.py": source})
    diff = cli("fix", *YAML, *LINT_40, "--format", "diff", ".", cwd=root).stdout
    assert "+short = yaml.safe_load" in diff and "+settings" not in diff
    assert cli("fix", *YAML, *LINT_40, "--check", ".", cwd=root).returncode == 1
    assert cli("fix", *YAML, *LINT_40, "--write", ".", cwd=root).returncode == 0
    expected = source.replace("short = yaml.load", "short = yaml.safe_load")
    assert (root / "a.py").read_text() == expected


def test_the_project_tree_is_not_written_while_linting(tmp_path):
    source = "import yaml\n\n" + SHORT_LOAD + FILLER + LONG_LOAD
    root = project(tmp_path, "[flake8]\n", {"pkg/a.py": source})
    before = snapshot(root)
    run = cli("fix", *YAML, *LINT_40, ".", cwd=root)
    assert run.returncode == 0 and "safe_load" in run.stdout
    assert snapshot(root) == before


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".cwemod_cache" not in path.parts  # the cache, as ruff's
    }


def test_no_flake8_is_one_line_and_exit_2(tmp_path, monkeypatch):
    root = project(tmp_path, "[flake8]\n", {"a.py": "import yaml\n\n" + LONG_LOAD})
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("cwemod.engine.tools.find_spec", lambda name: None)
    for args in (("--lint",), ("--lint-cmd", "no-such-flake8 --isolated")):
        run = cli("fix", *args, ".", cwd=root)
        assert run.returncode == 2
        assert run.stdout == ""
        [line] = run.stderr.splitlines()
        assert line.startswith("cwemod: error: --lint")


def test_a_flake8_that_fails_fails_the_file_and_writes_nothing(tmp_path):
    tox_ini = "[flake8]\n[flake8:local-plugins]\nextension =\n    X1 = missing:check\n"
    source = "import yaml\n\n" + LONG_LOAD
    root = project(tmp_path, tox_ini, {"a.py": source})
    run = cli("fix", *YAML, *LINT, "--write", ".", cwd=root)
    assert run.returncode == 2
    assert "a.py: --lint: flake8 failed" in run.stderr
    assert (root / "a.py").read_text() == source


# Hunks of one fix that depend on each other, checked through the library.

HEAD = '"""A module."""\n\n' + FILLER


def linted(tmp_path: Path, old: str, new: str, fix_lines: list[int]) -> FileResult:
    root = project(tmp_path, "[flake8]\n", {"m.py": old})
    fixes = [Fix("demo", line, Applicability.SAFE, "demo fix") for line in fix_lines]
    result = FileResult(root / "m.py", "m.py", old.encode(), new.encode(), fixes=fixes)
    return lint_result(result, Linter(FLAKE8))


def test_an_import_only_a_dropped_hunk_used_goes_too(tmp_path):
    old = HEAD + "\n\ndef f():\n    return N1\n"
    long_call = (
        '    return os.environ.get("A_NAME_LONG_ENOUGH_TO_PASS_THE_LIMIT", "a longer default")\n'
    )
    new = HEAD.replace("\n\n", "\n\nimport os\n\n", 1) + "\n\ndef f():\n" + long_call
    result = linted(tmp_path, old, new, fix_lines=[14])
    assert result.new is None and result.fixes == []
    [refusal] = result.refusals
    assert refusal.reason.startswith("dropped by --lint: adds E501 line too long")


def test_a_kept_fix_keeps_the_import_it_needs(tmp_path):
    old = HEAD + "\n\ndef f():\n    return N1\n" + FILLER + "\n\ndef g():\n    return N2\n"
    long_call = (
        '    return os.environ.get("A_NAME_LONG_ENOUGH_TO_PASS_THE_LIMIT", "a longer default")\n'
    )
    short_call = "    return os.sep\n"
    new = (
        HEAD.replace("\n\n", "\n\nimport os\n\n", 1)
        + "\n\ndef f():\n"
        + long_call
        + FILLER
        + "\n\ndef g():\n"
        + short_call
    )
    result = linted(tmp_path, old, new, fix_lines=[14, 26])
    expected = (
        HEAD.replace("\n\n", "\n\nimport os\n\n", 1)
        + "\n\ndef f():\n    return N1\n"
        + FILLER
        + "\n\ndef g():\n"
        + short_call
    )
    assert result.new == expected.encode()
    assert [fix.line for fix in result.fixes] == [26]
    assert [refusal.line for refusal in result.refusals] == [14]


def test_a_helper_only_a_dropped_fix_used_goes_too(tmp_path):
    # An unused function is no flake8 violation: the helper goes because no kept fix needs it.
    more = "".join(f"M{number} = {number}\n" for number in range(8))
    tail = "\n\ndef f():\n{}" + FILLER + "\n\ndef g():\n{}"
    old = HEAD + more + tail.format("    return N1\n", "    return N2\n")
    helper = "\n\ndef _helper(value):\n    return value\n\n\n"
    long_call = (
        '    return _helper("A_NAME_LONG_ENOUGH_TO_PASS_THE_LIMIT_OF_SEVENTY_NINE_COLUMNS")\n'
    )
    new = HEAD + helper + more + tail.format(long_call, "    return N3\n")
    result = linted(tmp_path, old, new, fix_lines=[22, 34])
    assert result.new == old.replace("return N2", "return N3").encode()
    assert [fix.line for fix in result.fixes] == [34]
    assert [refusal.line for refusal in result.refusals] == [22]


def test_a_module_the_run_creates_is_linted_from_its_new_text(tmp_path):
    # Its old text is empty: flake8 would read the empty stdin's file from disk, where the
    # module is not yet, and fail the run's every file that needs it.
    files = {
        "net/__init__.py": "",
        "net/common/__init__.py": "",
        "net/agent/__init__.py": "",
        "net/agent/ipset.py": (
            "from oslo_concurrency import lockutils\n\n\n"
            "def refresh(namespace):\n"
            "    with lockutils.lock('ipset-' + namespace, external=True):\n"
            "        return namespace\n"
        ),
    }
    root = project(tmp_path, "[flake8]\n", files)
    run = cli("fix", "-c", "salted-lock-name", *LINT, "--format", "json", ".", cwd=root)
    document = json.loads(run.stdout)
    statuses = {record["path"]: record["status"] for record in document["files"]}
    assert run.returncode == 0, run.stderr
    assert statuses["net/common/locks.py"] == "changed"
    assert statuses["net/agent/ipset.py"] == "changed"
    assert Linter(FLAKE8).violations(b"", root / "net" / "missing.py") == []


MISORDERED = "import yaml\nimport os\n\nprint(yaml, os)\n"


def test_import_order_codes_count_only_where_the_project_runs_that_plugin(tmp_path):
    for name in ("plain", "configured", "required"):
        (tmp_path / name).mkdir()
    plain = project(tmp_path / "plain", "[flake8]\n", {"a.py": MISORDERED})
    configured = project(
        tmp_path / "configured", "[flake8]\nimport-order-style = pep8\n", {"a.py": MISORDERED}
    )
    required = project(tmp_path / "required", "[flake8]\n", {"a.py": MISORDERED})
    (required / "test-requirements.txt").write_text("hacking\nflake8-import-order>=0.18\n")

    def codes(root):
        return {v.code for v in Linter(FLAKE8).violations(MISORDERED.encode(), root / "a.py")}

    assert not any(code.startswith("I") for code in codes(plain))
    assert "I100" in codes(configured) and "I100" in codes(required)


def test_callers_of_a_helper_whose_hunk_is_dropped_are_left_as_they_were(tmp_path):
    # The project's gate rejects the helper added to the lock wrapper module (here a
    # local check, X001): the modules keyed to call it must not be changed either.
    checks = (
        "def no_new_helpers(logical_line):\n"
        "    if logical_line.startswith('def salted_lock_name'):\n"
        "        yield 0, 'X001: no new helpers here'\n"
    )
    tox_ini = (
        "[flake8]\n"
        "[flake8:local-plugins]\n"
        "extension =\n"
        "    X001 = checks:no_new_helpers\n"
        "paths = ./tools\n"
    )
    files = {
        "tools/checks.py": checks,
        "setup.cfg": "[metadata]\nname = net\n",
        **PARTIAL_LOCK_PACKAGE,
    }
    root = project(tmp_path, tox_ini, files)
    run = cli(
        "fix", "--unsafe", "-c", "salted-lock-name", *LINT, "--format", "json", "net", cwd=root
    )
    records = {record["path"]: record for record in json.loads(run.stdout)["files"]}

    home = records["net/utils.py"]
    assert home["status"] == "unchanged"
    assert home["refusals"][0]["reason"] == "dropped by --lint: adds X001 no new helpers here"
    caller = records["net/agent.py"]
    assert caller["status"] == "error" and caller["diff"] is None
    assert caller["error"] == (
        "the salted_lock_name() its fixes call was not added to net/utils.py after all; "
        "left as it was"
    )
    unlinted = cli("fix", "--unsafe", "-c", "salted-lock-name", "--format", "json", "net", cwd=root)
    assert all(r["status"] == "changed" for r in json.loads(unlinted.stdout)["files"])


def test_without_a_config_a_module_beside_the_file_does_not_shadow_flake8s(tmp_path):
    """community.docker's module_utils has a selectors.py: ``python -m flake8`` run there
    imported it for the standard library's, and crashed."""
    folder = tmp_path / "module_utils"
    folder.mkdir()
    (folder / "selectors.py").write_text("raise ImportError('not the stdlib selectors')\n")
    path = folder / "a.py"
    path.write_text("import os\n")
    assert lint_root(path) is None
    [violation] = Linter(FLAKE8).violations(b"import os\n", path)
    assert violation.code == "F401"


def test_without_flake8_configuration_the_projects_ruff_line_length_counts(tmp_path):
    """luigi's: ruff at 160 columns, no [flake8]; flake8's own 79 dropped good fixes."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    # 79 columns: 84 once fixed, within ruff's 100 and past flake8's own 79.
    long_load = "settings_for_the_application = yaml.load(open('application-settings-file.yml'))\n"
    (root / "a.py").write_text("import yaml\n\n" + long_load)
    assert lint_root(root / "a.py") is None
    code, document = fix_json(root)
    [record] = document["files"]
    assert (code, record["refusals"], len(record["fixes"])) == (0, [], 1)


HACKING_ORDER = """\
import logging
import random
from contextlib import suppress


def make_token():
    with suppress(ValueError):
        logging.debug("making a token")
    token = random.randint(10000, 99999)
    return token
"""


def test_hacking_codes_count_only_where_the_project_runs_hacking(tmp_path):
    # H306 names the first two imports out of order: "random, contextlib.suppress" before the
    # fix, "secrets, contextlib.suppress" after it. exchangelib runs no hacking: the same
    # violation reworded is no reason to drop the fix there.
    root = project(tmp_path, "[flake8]\n", {"a.py": HACKING_ORDER})
    codemod = ("-c", "secure-random", "--unsafe")
    run = cli("fix", *codemod, *LINT, "--format", "json", ".", cwd=root)
    [record] = json.loads(run.stdout)["files"]
    assert record["status"] == "changed", record["refusals"]

    (root / "test-requirements.txt").write_text("hacking>=6.1.0,<6.2.0\n")
    run = cli("fix", *codemod, *LINT, "--format", "json", ".", cwd=root)
    [record] = json.loads(run.stdout)["files"]
    assert record["status"] == "unchanged"
    assert any("H306" in refusal["reason"] for refusal in record["refusals"])


def test_a_plugin_the_project_does_not_run_that_crashes_is_named(tmp_path):
    # hacking's i18n check evaluates the strings passed to _(): an f-string's fields are
    # names it does not have (duplicity). flake8 cannot leave an installed plugin out.
    source = (
        'import yaml\n\n\ndef say(action):\n    return _(f"no {action} here")\n\n\n' + LONG_LOAD
    )
    root = project(tmp_path, "[flake8]\nbuiltins = _\n", {"a.py": source})
    run = cli("fix", *YAML, *LINT, ".", cwd=root)
    assert run.returncode == 2
    crashed = "its plugin hacking crashed (NameError: name 'action' is not defined)"
    not_run = "; this project does not run it: name a flake8 without it with --lint-cmd"
    assert crashed + not_run in run.stderr

    (root / "test-requirements.txt").write_text("hacking>=6.1.0\n")
    run = cli("fix", *YAML, *LINT, ".", cwd=root)
    assert run.returncode == 2
    assert crashed + "; file left as it was" in run.stderr


def test_a_tab_indented_file_keeps_a_fix_whose_new_lines_are_tab_indented(tmp_path):
    """pypykatz indents with tabs: W191 is on every indented line already, so a new line
    indented the same way adds no violation; a new kind of violation still drops it."""
    source = (
        "import logging\n\nLOG = logging.getLogger(__name__)\n\n\n"
        "class Keyword:\n\tdef parse_keyword_structure(self, data):\n"
        "\t\ttry:\n\t\t\tdata.process(self)\n"
        "\t\texcept Exception:\n\t\t\tpass\n"
    )
    root = project(tmp_path, "[flake8]\n", {"a.py": source})
    run = cli("fix", "-c", "silent-except", "--unsafe", *LINT, "--format", "json", ".", cwd=root)
    [record] = json.loads(run.stdout)["files"]
    assert [fix["codemod"] for fix in record["fixes"]] == ["silent-except"]
    assert "+\t\t\tLOG.debug(\n+\t\t\t\t" in record["diff"]  # wrapped with tabs, not spaces


def test_a_tab_file_whose_first_indent_is_spaces_keeps_its_tab_indented_fix(tmp_path):
    """msldap's msldapclient.py indents with tabs, but its first indented line is a
    continuation aligned with spaces: pycodestyle takes spaces for the file's indent and
    reports E101 on every tab-indented line. A new line indented as the file is has it too."""
    source = (
        "import logging\nfrom os import (path,\n                path as p)\n\n"
        "LOG = logging.getLogger(__name__)\n\n\n"
        "class Console:\n\tdef do_tree_of_a_rather_long_name(self, data):\n"
        "\t\ttry:\n\t\t\tdata.process(self)\n"
        "\t\texcept Exception:\n\t\t\tpass\n"
    )
    root = project(tmp_path, "[flake8]\n", {"a.py": source})
    run = cli("fix", "-c", "silent-except", "--unsafe", *LINT, "--format", "json", ".", cwd=root)
    [record] = json.loads(run.stdout)["files"]
    assert [fix["codemod"] for fix in record["fixes"]] == ["silent-except"], record


def test_a_two_space_file_keeps_a_fix_whose_new_block_is_two_space_indented(tmp_path):
    """gsutil's cors.py and PyDrive's files.py indent by two: E111 is on every line at an
    odd depth already, so a new block written the same way adds no violation."""
    source = (
        "class CorsCommand(object):\n\n"
        "  def _SetCors(self, cors_arg):\n"
        "    cors_file = open(cors_arg, 'r')\n"
        "    cors_txt = cors_file.read()\n"
        "    cors_file.close()\n"
        "    return cors_txt\n"
    )
    root = project(tmp_path, "[flake8]\n", {"a.py": source})
    codemod = ("-c", "cleanup-on-failure", "--unsafe")
    run = cli("fix", *codemod, *LINT, "--format", "json", ".", cwd=root)
    [record] = json.loads(run.stdout)["files"]
    assert record["refusals"] == []
    assert [fix["codemod"] for fix in record["fixes"]] == ["cleanup-on-failure"]
    assert "+    with open(cors_arg, 'r') as cors_file:\n+      cors_txt" in record["diff"]


TWO_SPACE = HEAD + "\n\ndef f():\n  return N1\n"


def test_two_space_indentation_is_the_files_style_for_comments_too(tmp_path):
    # E114 (a comment at an odd depth) is E111's twin: the file reported E111 only.
    new = HEAD + "\n\ndef f():\n  # the first one\n  if N1:\n    return N1\n  return N2\n"
    result = linted(tmp_path, TWO_SPACE, new, fix_lines=[14])
    assert result.refusals == [] and result.new == new.encode()


def test_eight_space_indentation_is_the_files_style(tmp_path):
    # E117 (over-indented) is on the first line of each eight-space block.
    old = HEAD + "\n\ndef f():\n        return N1\n"
    new = HEAD + "\n\ndef f():\n        if N1:\n                return N1\n        return N2\n"
    result = linted(tmp_path, old, new, fix_lines=[14])
    assert result.refusals == [] and result.new == new.encode()


def test_a_two_space_file_still_drops_a_fix_that_adds_another_violation(tmp_path):
    long_line = "    return N1 + N2 + N3 + N4 + N5 + N6 + N7 + N1 + N2 + N3 + N4 + N5 + N6 + N7\n"
    new = HEAD + "\n\ndef f():\n  if N1:\n  " + long_line + "  return N2\n"  # 83 columns
    result = linted(tmp_path, TWO_SPACE, new, fix_lines=[14])
    assert result.new is None
    [refusal] = result.refusals
    assert refusal.reason.startswith("dropped by --lint: adds E501 line too long")


def test_a_four_space_file_drops_a_fix_that_indents_by_two(tmp_path):
    old = HEAD + "\n\ndef f():\n    return N1\n"
    new = HEAD + "\n\ndef f():\n    if N1:\n      return N1\n    return N2\n"
    result = linted(tmp_path, old, new, fix_lines=[14])
    [refusal] = result.refusals
    assert refusal.reason == "dropped by --lint: adds E111 indentation is not a multiple of 4"


# ruff, where the project configures it.

RUFF = (sys.executable, "-m", "ruff")
BANNED_SAFE_LOAD = (
    "[tool.ruff.lint]\n"
    'select = ["TID251"]\n'
    "[tool.ruff.lint.flake8-tidy-imports.banned-api]\n"
    '"yaml.safe_load".msg = "use config.load()"\n'
)


def ruff_project(tmp_path: Path, pyproject: str, source: str) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text(pyproject)
    (root / "a.py").write_text(source)
    return root


def test_a_fix_that_adds_a_ruff_violation_is_dropped(tmp_path):
    """praw gates on ``ruff check``, not flake8: a rule of its configuration counts."""
    root = ruff_project(tmp_path, BANNED_SAFE_LOAD, "import yaml\n\n" + SHORT_LOAD)
    code, document = fix_json(root)
    [record] = document["files"]
    assert (code, record["status"], record["fixes"]) == (0, "unchanged", [])
    [refusal] = record["refusals"]
    assert (
        refusal["reason"]
        == "dropped by --lint: adds TID251 `yaml.safe_load` is banned: use config.load()"
    )


def test_a_module_beside_the_file_does_not_shadow_ruffs_python(tmp_path):
    """localstack's collections.py and aws-sam-cli's types.py stood for the standard
    library's in ``python -m ruff`` run beside them: every file there failed. (What a
    Python imports as it starts is never shadowed: ruff's own imports are.)"""
    root = ruff_project(tmp_path, '[tool.ruff.lint]\nselect = ["F401"]\n', "import os\n")
    for name in ("collections", "types", "sysconfig"):
        (root / f"{name}.py").write_text(f"raise ImportError('not the stdlib {name}')\n")
    [violation] = Linter(FLAKE8, RUFF).violations(b"import os\n", root / "a.py")
    assert violation.code == "F401"


def test_ruff_runs_beside_flake8_where_the_project_configures_both(tmp_path):
    root = ruff_project(tmp_path, '[tool.ruff.lint]\nselect = ["D100"]\n', "import os\n")
    (root / "tox.ini").write_text("[flake8]\n")
    codes = {v.code for v in Linter(FLAKE8, RUFF).violations(b"import os\n", root / "a.py")}
    assert codes == {"D100", "F401"}  # ruff's docstring rule, flake8's unused import
    assert {v.code for v in Linter(FLAKE8).violations(b"import os\n", root / "a.py")} == {"F401"}


def test_without_flake8_configuration_ruff_alone_judges(tmp_path):
    # flake8 at ruff's 100 columns would find E302 here; the project's ruff selects F only.
    source = "import os\ndef f():\n    return os\n"
    root = ruff_project(
        tmp_path, '[tool.ruff]\nline-length = 100\n[tool.ruff.lint]\nselect = ["F"]\n', source
    )
    assert Linter(FLAKE8, RUFF).violations(source.encode(), root / "a.py") == []
    assert [v.code for v in Linter(FLAKE8).violations(source.encode(), root / "a.py")] == ["E302"]


def test_ruff_that_cannot_lint_fails_the_file_with_its_reason(tmp_path):
    source = "import yaml\n\n" + SHORT_LOAD
    root = ruff_project(tmp_path, '[tool.ruff.lint]\nselect = ["NOSUCH1"]\n', source)
    run = cli("fix", *YAML, *LINT, "--format", "json", ".", cwd=root)
    [record] = json.loads(run.stdout)["files"]
    assert run.returncode == 2 and record["status"] == "error"
    assert record["error"].startswith("--lint: ruff failed for a.py (")
    assert (root / "a.py").read_text() == source
