"""kit.lint_excludes: the files a project's flake8, ruff and pre-commit leave out are not patched."""

from __future__ import annotations

import json

import pytest

from conftest import cli
from cwemod.codemods import LineRange
from cwemod.codemods.kit.lint_excludes import (
    LINT_CONFIG,
    VENDORED_FOLDER,
    is_lint_excluded,
    left_out_reason,
    lint_excludes,
)
from cwemod.codemods.kit.project import Project
from cwemod.engine import transform_source
from cwemod.engine.projects import Projects

# PyInstaller's .flake8 (its waf in bootloader/ is vendored), cinder's tox.ini.
PYINSTALLER = "[flake8]\nexclude =\n   .git,\n   doc/conf.py,\n   build,\n   bootloader,\n"
CINDER = "[flake8]\nexclude = .git,.venv,.tox,dist,tools,doc/ext,*egg,build\n"
# httplib2's setup.cfg: ``_*`` is for tests/_TODO_legacy, not the library's __init__.py.
HTTPLIB2 = "[flake8]\nexclude = *.egg*,.env,.git,.tox,_*,build*,dist*,venv*\n"


@pytest.mark.parametrize(
    ("config", "path", "excluded"),
    [
        (PYINSTALLER, "bootloader/waflib/Runner.py", True),
        (PYINSTALLER, "doc/conf.py", True),
        (PYINSTALLER, "PyInstaller/building/build_main.py", False),
        (CINDER, "tools/check_exec.py", True),
        (CINDER, "cinder/volume/drivers/lvm.py", False),
        (CINDER, "doc/ext/cinder_driverlist.py", True),
        (HTTPLIB2, "httplib2/__init__.py", False),
        (HTTPLIB2, "tests/_TODO_legacy/test_proxy.py", True),
        (HTTPLIB2, "httplib2/_private.py", True),
        ("[flake8]\nexclude = __init__.py\n", "pkg/__init__.py", True),
    ],
)
def test_the_projects_flake8_excludes(tmp_path, config, path, excluded):
    (tmp_path / ".flake8").write_text(config)
    assert is_lint_excluded(lint_excludes(tmp_path), path) is excluded


def test_ruffs_excludes_count_too(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ruff]\nexclude = ["src/exabgp/vendoring"]\nextend-exclude = ["*_pb2.py"]\n'
    )
    patterns = lint_excludes(tmp_path)
    assert is_lint_excluded(patterns, "src/exabgp/vendoring/gcdump.py")
    assert is_lint_excluded(patterns, "pkg/api_pb2.py")
    assert not is_lint_excluded(patterns, "src/exabgp/reactor/loop.py")


def test_a_hidden_folder_the_project_excludes_is_left_out(tmp_path):
    """albert's ruff extend-exclude = [".circleci", ".vscode"]: its CI scripts."""
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nextend-exclude = [".circleci"]\n')
    patterns = lint_excludes(tmp_path)
    assert is_lint_excluded(patterns, ".circleci/scripts/generate_lambda_matrix.py")
    assert not is_lint_excluded(patterns, "src/albert/client.py")


def test_a_file_the_project_does_not_lint_is_left_alone(tmp_path):
    (tmp_path / ".flake8").write_text(PYINSTALLER)
    source = "import yaml\n\n\ndef load(s):\n    return yaml.load(s)\n"
    for folder in ("bootloader/waflib", "pkg"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "m.py").write_text(source)
    run = cli("fix", "-c", "yaml-safe-load", "--format", "json", ".", cwd=tmp_path)
    document = json.loads(run.stdout)
    changed = [f["path"] for f in document["files"] if f["status"] == "changed"]
    assert changed == ["pkg/m.py"]
    assert document["summary"]["left_out"] == 1
    assert "1 file left out (excluded by the project's lint configuration)" in run.stderr
    warm = cli("fix", "-c", "yaml-safe-load", "--format", "json", ".", cwd=tmp_path)
    assert warm.stdout == run.stdout and warm.stderr == run.stderr


def test_with_a_report_the_file_is_refused_with_the_reason():
    source = "import yaml\n\n\ndef load(s):\n    return yaml.load(s)\n"
    outcome = transform_source(
        source,
        [("yaml-safe-load", {})],
        targets={"yaml-safe-load": [LineRange(5, 5, "B506")]},
        project=Project(lint_excludes=("bootloader",)),
        module_path="bootloader/waflib/m.py",
    )
    assert outcome.text == source
    [refusal] = outcome.refusals
    assert refusal.findings == ("B506",) and "not the project's code to patch" in refusal.reason


@pytest.mark.parametrize(
    ("config", "path", "excluded"),
    [
        # Bandit's: examples/ holds the vulnerable samples its functional tests scan
        ("exclude: ^(examples|tools|doc)\nrepos: []\n", "examples/yaml_load.py", True),
        ("exclude: ^(examples|tools|doc)\nrepos: []\n", "bandit/core/manager.py", False),
        ("exclude: '^vendor/'\nrepos: []\n", "vendor/six.py", True),
        (
            "exclude: |\n  (?x)^(\n    pkg/_vendor/.*|\n    docs/.*\n  )$\nrepos: []\n",
            "pkg/_vendor/idna.py",
            True,
        ),
        ("exclude: |\n  (?x)^(\n    docs/.*\n  )$\nrepos: []\n", "pkg/core.py", False),
        # a hook's own exclude is that hook's business
        ("repos:\n  - hooks:\n      - id: flake8\n        exclude: ^tests/\n", "tests/t.py", False),
    ],
)
def test_the_pre_commit_configs_top_level_exclude_counts_too(tmp_path, config, path, excluded):
    (tmp_path / ".pre-commit-config.yaml").write_text(config)
    assert is_lint_excluded(lint_excludes(tmp_path), path) is excluded


def test_a_file_the_project_leaves_out_is_not_even_decoded(tmp_path):
    """Bandit's examples/nonsense2.py holds a NUL byte on purpose: no failure is reported."""
    (tmp_path / ".pre-commit-config.yaml").write_text("exclude: ^examples\nrepos: []\n")
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = bandit\n")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "nonsense.py").write_bytes(b"\x00import yaml\n")
    run = cli("fix", "--format", "json", ".", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert all(f["status"] != "failed" for f in json.loads(run.stdout)["files"])


@pytest.mark.parametrize(
    ("path", "excluded"),
    [
        ("sqlmap/thirdparty/bottle/bottle.py", True),  # sqlmap's vendored bottle
        ("src/pip/_vendor/requests/api.py", True),
        ("pkg/third_party/six.py", True),
        ("dagster/_vendored/dateutil/tz/tz.py", True),
        ("pkg/vendor.py", False),  # a module named so is the project's own
    ],
)
def test_vendored_folders_are_left_out_whatever_the_configuration(tmp_path, path, excluded):
    assert is_lint_excluded(lint_excludes(tmp_path), path) is excluded


GUILDAI_BLACK = """\
[tool.black]
exclude = '''
/(
      guild/external
    | guild/view
)/
'''
extend-exclude = '\\.ipynb'
"""


def test_blacks_excludes_count_too(tmp_path):
    """guildai's black leaves out guild/external, a copy of pip and setuptools."""
    (tmp_path / "pyproject.toml").write_text(GUILDAI_BLACK)
    patterns = lint_excludes(tmp_path)
    assert is_lint_excluded(patterns, "guild/external/pip/_internal/compat.py")
    assert not is_lint_excluded(patterns, "guild/util.py")
    assert not is_lint_excluded(patterns, "guild/externals.py")


def _template_project(root):
    """singer-sdk 0.54.9: its ruff leaves ``cookiecutter/*`` out, where each template has a
    pyproject.toml of its own and modules that are Jinja until rendered."""
    (root / "pyproject.toml").write_text('[tool.ruff]\nextend-exclude = ["cookiecutter/*"]\n')
    template = root / "cookiecutter" / "tap-template" / "{{cookiecutter.tap_id}}"
    (template / "pkg").mkdir(parents=True)
    (template / "pyproject.toml").write_text("[project]\nname = '{{cookiecutter.tap_id}}'\n")
    (template / "pkg" / "client.py").write_text(
        "import yaml\n{%- if cookiecutter.auth == 'yes' %}\nimport auth\n{%- endif %}\n"
    )
    (template / "pkg" / "streams.py").write_text(
        "import yaml\n\n\ndef load(s):\n    return yaml.load(s)\n"
    )
    return template


def test_a_project_inside_a_folder_the_project_above_leaves_out_is_left_out(tmp_path):
    template = _template_project(tmp_path)
    run = cli("fix", "--format", "json", ".", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert all(f["status"] == "unchanged" for f in json.loads(run.stdout)["files"])
    # Given it, as the linters lint a path given them (cwemod's own examples/demo).
    run = cli("fix", "-c", "yaml-safe-load", "--format", "json", "pkg/streams.py", cwd=template)
    changed = [f["path"] for f in json.loads(run.stdout)["files"] if f["status"] == "changed"]
    assert changed == ["pkg/streams.py"]


def test_a_project_inside_a_folder_the_project_above_lints_is_its_own(tmp_path):
    template = _template_project(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    (template / "pkg" / "client.py").unlink()
    run = cli("fix", "-c", "yaml-safe-load", "--format", "json", ".", cwd=tmp_path)
    changed = [f["path"] for f in json.loads(run.stdout)["files"] if f["status"] == "changed"]
    assert changed == ["cookiecutter/tap-template/{{cookiecutter.tap_id}}/pkg/streams.py"]
    projects = Projects([], run_paths=[template / "pkg" / "streams.py"])
    assert projects.root_of(template / "pkg" / "streams.py") == template


# tendo 0.3.0's setup.cfg: flake8 leaves out ``src``, where all tendo installs is.
TENDO = """\
[options]
package_dir =
    = src
packages = find:

[options.packages.find]
where = src

[flake8]
exclude = __pycache__,build,src,.tox
"""


@pytest.mark.parametrize(
    ("name", "config"),
    [
        ("setup.cfg", TENDO),
        ("setup.cfg", "[options]\npackage_dir = =src\n[flake8]\nexclude = ./src/,build\n"),
        (
            "setup.cfg",
            "[options.packages.find]\nwhere = src\n[flake8]\nexclude = src/,build\n",
        ),
        (
            "pyproject.toml",
            '[tool.setuptools.packages.find]\nwhere = ["src"]\n[tool.ruff]\nexclude = ["src"]\n',
        ),
        (
            "pyproject.toml",
            '[tool.setuptools]\npackage-dir = {"" = "src"}\n[tool.ruff]\nexclude = ["src"]\n',
        ),
        (
            "pyproject.toml",
            '[tool.hatch.build.targets.wheel]\npackages = ["src/pkg"]\n'
            '[tool.ruff]\nexclude = ["src"]\n',
        ),
        (
            "pyproject.toml",
            '[tool.poetry]\npackages = [{include = "pkg", from = "src"}]\n'
            '[tool.ruff]\nexclude = ["src"]\n',
        ),
        # a plain src/ layout: the project's name is the package there
        ("pyproject.toml", '[project]\nname = "pkg"\n[tool.ruff]\nexclude = ["src"]\n'),
    ],
)
def test_an_exclude_of_the_folder_the_packaging_ships_is_not_taken(tmp_path, name, config):
    (tmp_path / name).write_text(config)
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    (tmp_path / "src" / "pkg" / "__init__.py").write_text("")
    patterns = lint_excludes(tmp_path)
    assert not is_lint_excluded(patterns, "src/pkg/tee.py")
    assert is_lint_excluded(patterns, "src/pkg/_vendor/six.py")


@pytest.mark.parametrize(
    ("config", "path"),
    [
        # pip's editable checkouts go to src/: no packaging says the project's code is there
        ("[metadata]\nname = pkg\n[flake8]\nexclude = src\n", "src/pkg/tee.py"),
        # a vendored folder's name is left out, whatever the packaging says
        ("[options]\npackage_dir = =vendor\n[flake8]\nexclude = vendor\n", "vendor/pkg/x.py"),
        # a folder inside the shipped one, or a glob below it, is the project's choice
        (
            "[options]\npackage_dir = =src\n[flake8]\nexclude = src/pkg/generated\n",
            "src/pkg/generated/x.py",
        ),
        ("[options]\npackage_dir = =src\n[flake8]\nexclude = src/*\n", "src/pkg/tee.py"),
    ],
)
def test_other_excludes_stand(tmp_path, config, path):
    (tmp_path / "setup.cfg").write_text(config)
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    assert is_lint_excluded(lint_excludes(tmp_path), path)


def test_the_projects_own_package_is_run_on_though_its_flake8_excludes_src(tmp_path):
    """tendo 0.3.0: 14 files of src/tendo were skipped and not said."""
    (tmp_path / "setup.cfg").write_text(TENDO)
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    (tmp_path / "src" / "pkg" / "__init__.py").write_text("")
    (tmp_path / "src" / "pkg" / "run.py").write_text(
        "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n"
    )
    run = cli("fix", "-c", "command-argv", "--format", "json", ".", cwd=tmp_path)
    [record] = [f for f in json.loads(run.stdout)["files"] if f["path"] == "src/pkg/run.py"]
    reasons = [refusal["reason"] for refusal in record["refusals"]]
    assert any("cannot be traced to one template" in reason for reason in reasons), record


# ncclient 0.7.1: ncclient/operations/third_party/alu/rpc.py is ncclient's own code (its
# ncclient/devices/alu.py imports it), and imports ncclient as any module of it does.
OWN_CODE = "import yaml\n\nfrom pkg import base\n\n\ndef load(text):\n    return base.wrap(yaml.load(text))\n"


def _third_party_project(root, source=OWN_CODE):
    (root / "pyproject.toml").write_text('[project]\nname = "pkg"\ndependencies = ["pyyaml"]\n')
    (root / "pkg" / "third_party" / "acme").mkdir(parents=True)
    for folder in ("pkg", "pkg/third_party", "pkg/third_party/acme"):
        (root / folder / "__init__.py").write_text("")
    (root / "pkg" / "base.py").write_text("def wrap(x):\n    return x\n")
    (root / "pkg" / "third_party" / "acme" / "rpc.py").write_text(source)


def test_a_module_of_a_vendored_named_folder_that_imports_its_host_package_is_run_on(tmp_path):
    _third_party_project(tmp_path)
    run = cli("fix", "-c", "yaml-safe-load", "--format", "json", ".", cwd=tmp_path)
    document = json.loads(run.stdout)
    changed = [f["path"] for f in document["files"] if f["status"] == "changed"]
    assert changed == ["pkg/third_party/acme/rpc.py"]
    # its empty __init__.py files are named for vendored code, and said to be only that
    assert document["summary"]["left_out"] == document["summary"]["left_out_vendored"] == 2
    assert "2 files left out (in a folder named for vendored code)" in run.stderr
    assert "lint configuration" not in run.stderr


@pytest.mark.parametrize(
    ("path", "source", "vendored"),
    [
        ("pkg/third_party/acme/rpc.py", "from pkg import base\n", False),
        ("pkg/third_party/acme/rpc.py", "import pkg.base as base\n", False),
        ("pkg/third_party/acme/rpc.py", "    from pkg.util.xml import parse\n", False),
        ("pkg/third_party/acme/rpc.py", "from ...util import parse\n", False),  # out of it
        ("src/pkg/_vendor/acme/rpc.py", "from pkg.util import parse\n", False),
        # a copy imports itself relatively, by its own name, or through the vendored folder
        ("pkg/third_party/acme/rpc.py", "from . import base\nimport acme.base\n", True),
        ("src/pip/_vendor/requests/api.py", "from pip._vendor.urllib3 import x\n", True),
        ("pip/_vendor/rich/console.py", "from pip._vendor import colorama\n", True),
        ("pip/_vendor/rich/console.py", "from .. import colorama\n", True),
        # setuptools 65's copies import each other through its setuptools.extern importer
        ("setuptools/_vendor/packaging/markers.py", "from setuptools.extern import x\n", True),
        # sqlmap's thirdparty/ is at the top: there is no host package to import
        ("thirdparty/bottle/bottle.py", "from lib.core import x\nimport thirdparty\n", True),
        ("pkg/third_party/acme/rpc.py", "import yaml\n# from pkg import base\n", True),
        ("pkg/third_party/acme/rpc.py", '"""Use it as\n\n>>> import pkg\n"""\n', True),
    ],
)
def test_a_vendored_named_folder_is_a_copy_unless_its_module_imports_its_host(
    tmp_path, path, source, vendored
):
    patterns = lint_excludes(tmp_path)
    reason = left_out_reason(patterns, path, source)
    assert reason == (VENDORED_FOLDER if vendored else None)
    assert is_lint_excluded(patterns, path)  # by its name alone, as a survey counts it


def test_a_folder_the_project_excludes_by_a_vendored_name_is_left_out_whatever_it_imports(
    tmp_path,
):
    (tmp_path / ".flake8").write_text("[flake8]\nexclude = third_party\n")
    patterns = lint_excludes(tmp_path)
    reason = left_out_reason(patterns, "pkg/third_party/acme/rpc.py", "from pkg import b\n")
    assert reason == LINT_CONFIG


def test_with_a_report_a_vendored_files_refusal_says_vendored_not_lint_configuration(tmp_path):
    source = "import yaml\n\n\ndef load(s):\n    return yaml.load(s)\n"
    outcome = transform_source(
        source,
        [("yaml-safe-load", {})],
        targets={"yaml-safe-load": [LineRange(5, 5, "B506")]},
        project=Project(lint_excludes=lint_excludes(tmp_path)),
        module_path="pkg/third_party/acme/rpc.py",
    )
    [refusal] = outcome.refusals
    assert "named for vendored code" in refusal.reason
    assert "configuration" not in refusal.reason


def test_with_a_report_a_module_that_imports_its_host_is_fixed(tmp_path):
    outcome = transform_source(
        OWN_CODE,
        [("yaml-safe-load", {})],
        targets={"yaml-safe-load": [LineRange(7, 7, "B506")]},
        project=Project(lint_excludes=lint_excludes(tmp_path)),
        module_path="pkg/third_party/acme/rpc.py",
    )
    assert "yaml.safe_load(text)" in outcome.text


# oslo.utils' tox.ini: its flake8 runs only hacking, and leaves out __init__.py.
OSLO_UTILS = "[flake8]\nselect = H\nignore = H301\nexclude = .venv,doc,build,__init__.py\n"
RUFF_S = '[tool.ruff.lint]\nselect = ["E4", "F", "S", "UP"]\n'


@pytest.mark.parametrize(
    ("flake8", "ruff", "excluded"),
    [
        (OSLO_UTILS, RUFF_S, False),  # ruff, with flake8-bandit's rules, lints it
        (OSLO_UTILS, '[tool.ruff]\nextend-select = ["S1"]\n', False),
        (OSLO_UTILS, '[tool.ruff.lint]\nselect = ["ALL"]\n', False),
        (OSLO_UTILS, '[tool.ruff.lint]\nselect = ["E", "F", "SIM"]\n', True),  # no S
        (OSLO_UTILS, "", True),
        (OSLO_UTILS.replace("select = H", "select = H,S"), RUFF_S, True),
        (OSLO_UTILS.replace("select = H", "select = E,B950"), RUFF_S, True),
        (OSLO_UTILS.replace("select = H\n", ""), RUFF_S, True),  # every plugin installed
    ],
)
def test_a_style_only_flake8s_exclude_does_not_count_where_ruff_checks_security(
    tmp_path, flake8, ruff, excluded
):
    (tmp_path / "tox.ini").write_text(flake8)
    (tmp_path / "pyproject.toml").write_text(ruff)
    patterns = lint_excludes(tmp_path)
    assert is_lint_excluded(patterns, "oslo_utils/__init__.py") is excluded


def test_ruffs_own_exclude_counts_beside_a_style_only_flake8(tmp_path):
    (tmp_path / "tox.ini").write_text(OSLO_UTILS)
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nexclude = ["tools"]\n' + RUFF_S)
    patterns = lint_excludes(tmp_path)
    assert is_lint_excluded(patterns, "tools/check.py")
    assert not is_lint_excluded(patterns, "oslo_utils/__init__.py")
