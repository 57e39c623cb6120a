"""The oldest Python a project declares: requires-python, python_requires, else classifiers."""

from __future__ import annotations

import pytest

from cwemod.codemods.kit.project import Project, load_project
from cwemod.codemods.kit.python_versions import (
    BARE_MAJOR,
    SIX,
    branch_python,
    declared_python,
    lacks_with_statement,
    oldest_python,
)


@pytest.mark.parametrize(
    ("name", "text", "oldest"),
    [
        ("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.11"\n', (3, 11)),
        ("pyproject.toml", '[project]\nrequires-python = ">=2.7, !=3.0.*, <4"\n', (2, 7)),
        ("setup.cfg", "[options]\npython_requires = ~=3.8\n", (3, 8)),
        ("setup.py", "setup(name='p', python_requires='>3.5')\n", (3, 5)),
        ("setup.py", "setup(name='paste', python_requires=\">=3\")\n", (3, 0)),
        (
            "setup.py",
            "setup(classifiers=['Programming Language :: Python :: 3.10',\n"
            "                   'Programming Language :: Python :: 2.6'])\n",
            (2, 6),
        ),
        ("setup.cfg", "[metadata]\nname = p\n", None),
        (
            "setup.py",
            "setup(classifiers=['Programming Language :: Python :: 3',\n"
            "                   'Programming Language :: Python :: 3 :: Only'])\n",
            (3, 0),
        ),  # detect-secrets 1.5's: a bare "3" admits 3.0
        (
            "setup.py",
            "setup(classifiers=['Programming Language :: Python :: 3',\n"
            "                   'Programming Language :: Python :: 3.9'])\n",
            (3, 9),
        ),
        ("pyproject.toml", "not toml [ requires-python", None),
        ("setup.py", "setup(python_requires='<4')\n", None),
        # sqlmap's: one wheel for Python 2 and 3, and nothing else said
        ("setup.cfg", "[bdist_wheel]\nuniversal = 1\n", (2, 7)),
        ("setup.cfg", "[bdist_wheel]\nuniversal = 0\n", None),
        ("setup.cfg", "[bdist_wheel]\nuniversal = 1\n[options]\npython_requires = >=3.6\n", (3, 6)),
        # Cheetah3: setup.py imports python_requires from SetupConfig.py; the sdist says it
        ("PKG-INFO", "Metadata-Version: 2.1\nRequires-Python: >=2.7, !=3.0.*\n", (2, 7)),
        # genshi's bare "Python :: 2" beside "Python :: 3": 2.7
        (
            "setup.cfg",
            "[metadata]\nclassifiers =\n    Programming Language :: Python :: 2\n"
            "    Programming Language :: Python :: 3\n",
            (2, 7),
        ),
    ],
)
def test_the_oldest_python_a_project_declares(tmp_path, name, text, oldest):
    (tmp_path / name).write_text(text)
    assert oldest_python(tmp_path) == oldest
    assert load_project(tmp_path).oldest_python == oldest


def test_requires_python_wins_over_the_classifiers(tmp_path):
    (tmp_path / "setup.py").write_text(
        "setup(python_requires='>=3.9',\n"
        "      classifiers=['Programming Language :: Python :: 2.7'])\n"
    )
    assert oldest_python(tmp_path) == (3, 9)


def test_python_before_names_an_older_python_only():
    assert Project(oldest_python=(3, 8)).python_before((3, 9)) == "3.8"
    assert Project(oldest_python=(3, 9)).python_before((3, 9)) is None
    assert Project().python_before((3, 9)) is None


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("    Programming Language :: Python :: 3\n", True),  # detect-secrets 1.5
        (
            "    Programming Language :: Python :: 3\n    Programming Language :: Python :: 3.9\n",
            False,
        ),
        (
            "    Programming Language :: Python :: 2\n    Programming Language :: Python :: 3\n",
            True,
        ),
    ],
)
def test_a_bare_major_classifier_names_no_minor_version(tmp_path, text, bare):
    (tmp_path / "setup.cfg").write_text(f"[metadata]\nclassifiers =\n{text}")
    project = load_project(tmp_path)
    assert (project.oldest_python_from == BARE_MAJOR) is bare
    said = project.supports_before((3, 10))
    if bare:
        major = project.oldest_python[0]
        assert said == (
            f"the project says Python {major} and names no minor version, so it may support one"
            " before 3.10"
        )
    else:
        assert said == "the project supports Python 3.9"


def test_a_bare_major_beside_a_branch_for_an_older_python_is_no_longer_bare(tmp_path):
    (tmp_path / "setup.py").write_text(
        "import sys\nif sys.version_info[0] < 3:\n    extra = ['futures']\n"
        "setup(classifiers=['Programming Language :: Python :: 3'])\n"
    )
    assert load_project(tmp_path).oldest_python == (2, 7)
    assert load_project(tmp_path).oldest_python_from is None


@pytest.mark.parametrize(
    ("source", "lacks"),
    [
        ("# NOTE: XenServer only supports Python 2.4 in dom0\nx = 1\n", True),
        ("#   must run on python2.5\nx = 1\n", True),
        ("# Python 2.5\nfrom __future__ import with_statement\n", False),
        ("# Python 2.7 and 3\nx = 1\n", False),
        ("x = 'Python 2.4'  # a string, not a comment about the module\n", False),
        ("x = 1\n", False),
    ],
)
def test_a_comment_naming_a_python_before_2_6_means_no_with_statement(source, lacks):
    assert lacks_with_statement(source) is lacks


# atomic-reactor 1.6.26.3's setup.py: no python_requires, no classifiers, and Python 2's own
# requirements: hashlib.md5(usedforsecurity=False) would raise TypeError there.
_ATOMIC_REACTOR_SETUP = """\
import sys
from setuptools import setup
reqs = ['PyYAML']
if sys.version_info[0] < 3:
    reqs += ['backports.lzma']
setup(name='x', version='1', install_requires=reqs)
"""


@pytest.mark.parametrize(
    ("text", "oldest"),
    [
        (_ATOMIC_REACTOR_SETUP, (2, 7)),
        ("import sys\nif sys.version_info.major == 2:\n    reqs = ['futures']\n", (2, 7)),
        ("from sys import version_info\nif version_info < (3,):\n    r = ['enum34']\n", (2, 7)),
        ("import sys\nif sys.version_info[:2] < (3, 6):\n    r = ['typing']\n", (3, 5)),
        ("import sys\nif sys.version_info <= (3, 6):\n    r = ['dataclasses']\n", (3, 6)),
        ("import sys\nr = ['a'] if sys.version_info >= (3, 0) else ['b']\n", (2, 7)),
        # lorax's: 3.4 and 3.5 import random's choice, the rest secrets'
        (
            "import sys\nif sys.version_info < (3, 4, 0, 'final', 0):\n"
            "    raise SystemExit('This package requires python 3.4 or higher.')\n"
            "elif sys.version_info >= (3, 6, 0, 'final', 0):\n"
            "    from secrets import choice\nelse:\n    from random import choice\n",
            (3, 5),
        ),
        # A Python that setup.py turns away is no Python the project admits.
        ("import sys\nif sys.version_info < (3, 6):\n    sys.exit('Python 3.6+ only')\n", None),
        (
            "import sys\nif sys.version_info[0] < 3:\n    print('no')\n    raise SystemExit(1)\n",
            None,
        ),
        ("import sys\nif sys.version_info >= (3, 6):\n    pass\nelse:\n    exit(1)\n", None),
        ("import sys\nif sys.version_info >= (3, 8):\n    r = ['x']\n", None),
        ("import sys\nif sys.version_info[0] == 3:\n    r = ['x']\n", None),
        ("print 'a Python 2 setup.py'\n", None),
    ],
)
def test_a_setup_py_that_branches_for_an_older_python_admits_it(tmp_path, text, oldest):
    (tmp_path / "setup.py").write_text(text)
    assert oldest_python(tmp_path) == oldest


def test_a_requirements_file_for_python_2_admits_python_2(tmp_path):
    (tmp_path / "requirements-py2.txt").write_text("futures\n")
    assert oldest_python(tmp_path) == (2, 7)


def test_requires_python_wins_over_a_setup_py_branch_for_python_2(tmp_path):
    (tmp_path / "setup.py").write_text(
        _ATOMIC_REACTOR_SETUP.replace("version='1',", "version='1', python_requires='>=3.9',")
    )
    (tmp_path / "requirements-py2.txt").write_text("futures\n")
    assert oldest_python(tmp_path) == (3, 9)


def test_a_setup_py_branch_for_python_2_goes_below_the_classifiers(tmp_path):
    (tmp_path / "setup.py").write_text(_ATOMIC_REACTOR_SETUP)
    (tmp_path / "setup.cfg").write_text(
        "[metadata]\nclassifiers =\n    Programming Language :: Python :: 3.6\n"
    )
    assert oldest_python(tmp_path) == (2, 7)


@pytest.mark.parametrize(
    ("name", "text", "oldest"),
    [
        # hyde 0.8.9: no python_requires, no classifiers
        ("setup.py", "setup(name='hyde',\n      requires=['python (>= 2.7)'],\n)\n", (2, 7)),
        ("setup.py", "setup(requires=['fswrap (>=0.1)', \"python (>=2.5, <3)\"])\n", (2, 5)),
        ("PKG-INFO", "Metadata-Version: 1.1\nName: hyde\nRequires: python (>= 2.7)\n", (2, 7)),
        ("setup.py", "setup(requires=['python'])\n", None),
        ("setup.py", "setup(install_requires=['python (>= 2.7)'])\n", None),
        ("PKG-INFO", "Requires: pythonic (>= 2.7)\nRequires-Dist: python (>= 2.7)\n", None),
    ],
)
def test_distutils_requires_naming_python_says_its_oldest(tmp_path, name, text, oldest):
    (tmp_path / name).write_text(text)
    assert oldest_python(tmp_path) == oldest


def test_python_requires_wins_over_distutils_requires(tmp_path):
    (tmp_path / "setup.py").write_text(
        "setup(python_requires='>=3.6', requires=['python (>= 2.7)'])\n"
    )
    assert oldest_python(tmp_path) == (3, 6)


# s4cmd 2.1.0: no python_requires, no classifiers; its one module (py_modules=['s4cmd'])
# imports cStringIO and Queue where IS_PYTHON2, and cmp_to_key from its own utils before 2.7.
_S4CMD_MODULE = """\
import sys, hashlib

IS_PYTHON2 = sys.version_info[0] == 2

if IS_PYTHON2:
  from cStringIO import StringIO
  import Queue
else:
  from io import BytesIO as StringIO
  import queue as Queue

if sys.version_info < (2, 7):
  from utils import cmp_to_key
else:
  from functools import cmp_to_key
"""


def test_a_top_level_module_with_code_for_python_2_admits_it(tmp_path):
    (tmp_path / "setup.py").write_text("setup(name='s4cmd', py_modules=['s4cmd'])\n")
    (tmp_path / "s4cmd.py").write_text(_S4CMD_MODULE)
    assert oldest_python(tmp_path) == (2, 6)


@pytest.mark.parametrize(
    ("name", "text", "oldest"),
    [
        (
            "tool.py",
            "import sys\nPY2 = sys.version_info[0] == 2\nif PY2:\n    import Queue\n",
            (2, 7),
        ),
        ("tool.py", "import six\nif six.PY2:\n    text = unicode\n", (2, 7)),
        (
            "pkg/__init__.py",
            "from six import PY3\nif PY3:\n    import queue\nelse:\n    import Queue as queue\n",
            (2, 7),
        ),
        (
            "pkg/_compat.py",
            "import sys\nPY3 = sys.version_info >= (3,)\n"
            "string_types = str if PY3 else basestring\n",
            (2, 7),
        ),
        (
            "src/pkg/compat.py",
            "import sys\nif sys.version_info >= (3, 0):\n    import queue\nelse:\n"
            "    import Queue as queue\n",
            (2, 7),
        ),
        # Turning Python 2 away, or nothing under its branch, is no code for it.
        (
            "tool.py",
            "import sys\nif sys.version_info[0] == 2:\n    raise ImportError('3 only')\n",
            None,
        ),
        ("tool.py", "import sys\nif sys.version_info < (3,):\n    sys.exit('Python 3')\n", None),
        ("tool.py", "import sys\nif sys.version_info[0] == 2:\n    pass\n", None),
        ("tool.py", "import sys\nif sys.version_info >= (3, 0):\n    import queue\n", None),
        # Only a Python 2 branch says so: a backport for 3.7 is no declaration.
        (
            "tool.py",
            "import sys\nif sys.version_info < (3, 8):\n    import importlib_metadata\n",
            None,
        ),
        # Read are top-level modules, packages' __init__ and compat modules, not the tree.
        ("pkg/sub/mod.py", "import sys\nif sys.version_info[0] == 2:\n    import Queue\n", None),
        ("six.py", "import sys\nPY2 = sys.version_info[0] == 2\nif PY2:\n    x = 1\n", None),
    ],
)
def test_code_for_python_2_admits_it_where_the_packaging_says_nothing(tmp_path, name, text, oldest):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    for package in ("pkg", "src/pkg", "pkg/sub"):
        if (tmp_path / package).is_dir():
            (tmp_path / package / "__init__.py").touch()
    (tmp_path / name).write_text(text)
    assert oldest_python(tmp_path) == oldest


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("setup.cfg", "[options]\npython_requires = >=3.6\n"),  # OpenStack's
        ("setup.cfg", "[metadata]\nclassifiers =\n    Programming Language :: Python :: 3.6\n"),
    ],
)
def test_the_packaging_wins_over_code_for_python_2(tmp_path, name, text):
    (tmp_path / "s4cmd.py").write_text(_S4CMD_MODULE)
    (tmp_path / name).write_text(text)
    assert oldest_python(tmp_path) == (3, 6)


@pytest.mark.parametrize(
    ("guard", "oldest"),
    [
        ("if sys.version_info[0] != 3 or sys.version_info < (3, 9):\n    sys.exit('3.9+')\n", None),
        ("if sys.version_info < (3, 6):\n    raise RuntimeError('Python 3.6+')\n", None),
        # Turning away 2.5 and older leaves 2.6 and 2.7.
        ("if sys.version_info < (2, 6):\n    sys.exit('Python 2.6+')\n", (2, 7)),
    ],
)
def test_a_module_that_turns_python_2_away_has_no_code_for_it(tmp_path, guard, oldest):
    """As gsutil 5.38's gsutil.py, which exits on any Python but 3.9-3.14, then still picks
    'python2' submodules ``if sys.version_info.major == 2:`` (it tests ``ver = sys.version_info``,
    a name not followed)."""
    (tmp_path / "tool.py").write_text(
        f"import sys\n{guard}\nif sys.version_info.major == 2:\n    pyvers = 'python2'\n"
    )
    assert oldest_python(tmp_path) == oldest


_OPENSTACKINABOX_SETUP_CFG = (
    "[metadata]\nname = openstackinabox\n[options]\ninstall_requires =\n    six\n"
)


@pytest.mark.parametrize(
    ("name", "text", "oldest", "said"),
    [
        # openstackinabox's: py3.6 is the oldest its tox tests
        (
            "tox.ini",
            "[tox]\nenvlist = {py3.6,py3.7,py3.8,py3.9},pep8,flake8\n",
            (3, 6),
            "its tox.ini envlist",
        ),
        ("tox.ini", "[tox]\nenvlist = py27,py36,pep8\n", (2, 7), "its tox.ini envlist"),
        ("tox.ini", "[tox]\nenvlist = py{36,37,38}-django{22,32},docs\n", (3, 6), None),
        ("tox.ini", "[tox]\nenvlist =\n    py310\n    py38  # oldest\n    lint\n", (3, 8), None),
        ("tox.ini", "[tox]\nenv_list = python3.9, pypy3.7, py3\n", (3, 9), None),
        ("tox.ini", "[testenv]\nenvlist = py27\n[tox]\nenvlist = py3,pypy3,pep8\n", None, None),
        ("setup.cfg", "[tox:tox]\nenvlist = py37,py38\n", (3, 7), "its setup.cfg [tox:tox]"),
        ("tox.toml", 'env_list = ["3.13", "3.12", "lint"]\n', (3, 12), "its tox.toml env_list"),
        ("pyproject.toml", '[tool.tox]\nenv_list = ["3.11", "py310"]\n', (3, 10), None),
        (
            "pyproject.toml",
            '[tool.tox]\nlegacy_tox_ini = """\n[tox]\nenvlist = py35, py36\n"""\n',
            (3, 5),
            "its pyproject.toml legacy_tox_ini",
        ),
        # openstackinabox's CI matrix: 3.8-3.12
        (
            ".github/workflows/ci.yml",
            "jobs:\n  test:\n    strategy:\n      matrix:\n"
            "        python-version: ['3.10', 3.8, \"3.12\", pypy-3.7]  # 3.7 is PyPy's\n",
            (3, 8),
            "its CI matrix, .github/workflows/ci.yml",
        ),
        (
            ".github/workflows/tests.yaml",
            "matrix:\n  python-version: [\n    '3.9',\n    '3.7',\n  ]\n",
            (3, 7),
            None,
        ),
        (
            ".github/workflows/tests.yml",
            "matrix:\n  python-version:\n    - '3.11'\n    - 3.7\n  os: [ubuntu-latest]\n"
            "  include:\n    - python-version: '3.6'\n      os: ubuntu-20.04\n",
            (3, 6),
            None,
        ),
        (
            ".github/workflows/lint.yml",
            "steps:\n  - uses: actions/setup-python@v5\n    with:\n"
            "      python-version: ${{ matrix.python }}\n  - with:\n"
            "      python-version: '3.x'\n",
            None,
            None,
        ),
        (".travis.yml", 'language: python\npython:\n  - "2.7"\n  - 3.5\n', (2, 7), None),
        (
            ".travis.yml",
            "matrix:\n  include:\n    - python: 3.4\n",
            (3, 4),
            "its CI matrix, .travis.yml",
        ),
    ],
)
def test_tox_and_ci_name_the_oldest_where_the_packaging_says_nothing(
    tmp_path, name, text, oldest, said
):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    found, where = declared_python(tmp_path)
    assert found == oldest
    if said is not None:
        assert where == said


def test_the_oldest_of_tox_and_ci_is_taken(tmp_path):
    (tmp_path / "tox.ini").write_text("[tox]\nenvlist = py38,py39\n")
    (tmp_path / ".travis.yml").write_text("python:\n  - 3.6\n")
    assert declared_python(tmp_path) == ((3, 6), "its CI matrix, .travis.yml")


@pytest.mark.parametrize(
    "text",
    [
        "[options]\npython_requires = >=3.9\n",
        "[metadata]\nclassifiers =\n    Programming Language :: Python :: 3.9\n",
    ],
)
def test_a_declaration_wins_over_tox(tmp_path, text):
    (tmp_path / "tox.ini").write_text("[tox]\nenvlist = py36,py39\n")
    (tmp_path / "setup.cfg").write_text(text)
    assert declared_python(tmp_path) == ((3, 9), None)


def test_a_bare_major_is_a_declaration_tox_does_not_override(tmp_path):
    (tmp_path / "tox.ini").write_text("[tox]\nenvlist = py36\n")
    (tmp_path / "setup.py").write_text("setup(classifiers=['Programming Language :: Python :: 3'])")
    assert declared_python(tmp_path) == ((3, 0), BARE_MAJOR)


def test_code_for_python_2_older_than_tox_wins(tmp_path):
    (tmp_path / "s4cmd.py").write_text(_S4CMD_MODULE)
    (tmp_path / "tox.ini").write_text("[tox]\nenvlist = py36\n")
    assert declared_python(tmp_path) == ((2, 6), None)


def test_tox_says_what_the_project_tests_on(tmp_path):
    (tmp_path / "setup.cfg").write_text(_OPENSTACKINABOX_SETUP_CFG)
    (tmp_path / "tox.ini").write_text("[tox]\nenvlist = {py3.6,py3.7,py3.8,py3.9},pep8,flake8\n")
    project = load_project(tmp_path)
    assert project.oldest_python == (3, 6)
    assert project.supports_before((3, 9)) == (
        "the project declares no Python version and tests on Python 3.6 (its tox.ini envlist)"
    )
    assert project.supports_before((3, 6)) is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("setup.cfg", _OPENSTACKINABOX_SETUP_CFG),  # openstackinabox 0.2's sdist: no tox.ini
        ("requirements.txt", "six>=1.10\nrequests\n"),
        ("setup.py", "setup(name='p', install_requires=['six', 'requests'])\n"),
    ],
)
def test_six_with_no_declaration_may_mean_an_old_python(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    project = load_project(tmp_path)
    assert (project.oldest_python, project.oldest_python_from) == ((2, 7), SIX)
    assert project.supports_before((3, 9)) == (
        "the project declares no Python version and depends on six, so it may support one"
        " before 3.9"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("setup.cfg", "[options]\npython_requires = >=3.8\ninstall_requires =\n    six\n"),
        ("requirements.txt", "sixer\nrequests\n"),
    ],
)
def test_six_says_nothing_beside_a_declaration_or_as_part_of_a_name(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    assert declared_python(tmp_path)[1] is None


@pytest.mark.parametrize(
    ("test", "holds", "newest"),
    [
        ("sys.version_info[:2] >= (3, 6)", False, (3, 5)),  # jenkins-job-builder's else
        ("sys.version_info[:2] >= (3, 6)", True, None),
        ("sys.version_info < (3, 9)", True, (3, 8)),
        ("version_info[0] < 3", True, (2, 7)),
        ("sys.version_info.major == 2", True, (2, 7)),
        ("PY2", True, None),  # a flag: the module's to read
        ("sys.platform == 'win32'", True, None),
        ("(", True, None),
    ],
)
def test_branch_python(test, holds, newest):
    assert branch_python(test, holds) == newest
