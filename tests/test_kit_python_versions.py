"""The oldest Python a project declares: requires-python, python_requires, else classifiers."""

from __future__ import annotations

import pytest

from cwemod.codemods.kit.project import Project, load_project
from cwemod.codemods.kit.python_versions import lacks_with_statement, oldest_python


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
