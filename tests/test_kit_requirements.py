"""kit.requirements: what a project declares, and a codemod that needs a new dependency."""

from __future__ import annotations

import pytest

from cwemod.codemods.kit.requirements import (
    is_packaged,
    only_versions,
    requires,
    requires_for_module,
)
from cwemod.engine import plan
from cwemod.engine.request import make_request

PARSER = "from xml.dom import minidom\n\n\ndef read(data):\n    return minidom.parseString(data)\n"


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        ("requirements.txt", "oslo.log>=5.0 # Apache-2.0\n", True),
        ("requirements.txt", "oslo_log\n", True),
        ("setup.cfg", "[options]\ninstall_requires =\n    oslo-log>=5\n", True),
        ("pyproject.toml", 'dependencies = [\n    "oslo.log>=5",\n]\n', True),
        ("requirements.txt", "oslo.logging>=1\noslo.concurrency\n", False),
    ],
)
def test_requires_compares_names_as_pip_does(tmp_path, file, text, expected):
    (tmp_path / file).write_text(text)
    assert requires(str(tmp_path), "oslo.log") is expected


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        ("requirements.txt", "oslo.utils>=3.33.0 # Apache-2.0\n", False),  # monasca-agent
        ("requirements.txt", "oslo.utils>=4.7.0\n", False),  # 10.0.0 is admitted
        ("requirements.txt", "oslo.utils>=4.7.0,<10.0.0 # Apache-2.0\n", True),
        ("requirements.txt", "oslo.utils>=4.7,<=10.0\n", False),
        ("requirements.txt", "oslo.utils~=4.7.0\n", True),
        ("requirements.txt", "oslo.utils==9.*\n", True),
        ("setup.py", "install_requires=['oslo.utils>=4.8,<9']\n", True),
        ("PKG-INFO", "Requires-Dist: oslo.utils (>=4.7.0,<10)\n", True),
        ("pyproject.toml", 'dependencies = ["oslo.utils>=4.7.0,<10", "oslo.i18n"]\n', True),
        ("requirements.txt", "oslo.i18n>=5,<6\n", False),  # not named at all
    ],
)
def test_only_versions_needs_a_floor_and_a_ceiling_in_the_range(tmp_path, file, text, expected):
    (tmp_path / file).write_text(text)
    assert only_versions(str(tmp_path), "oslo.utils", (4, 7, 0), (10, 0, 0)) is expected


def test_a_project_without_requirement_files_declares_nothing(tmp_path):
    assert requires(str(tmp_path), "oslo.log") is None
    assert requires(None, "oslo.log") is None


def test_only_modules_in_a_top_level_package_are_packaged(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "scripts").mkdir()
    assert is_packaged(str(tmp_path), "pkg/reader.py")
    assert not is_packaged(str(tmp_path), "scripts/reader.py")
    assert not is_packaged(str(tmp_path), "setup.py")


def _defusedxml_run(tmp_path, requirements: str):
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = pkg\n")
    (tmp_path / "requirements.txt").write_text(requirements)
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "reader.py").write_text(PARSER)
    (result,) = [
        result
        for result in plan(make_request([tmp_path], codemods=["defusedxml"], unsafe=True))
        if result.path.name == "reader.py"
    ]
    return result


def test_defusedxml_is_refused_where_the_project_does_not_declare_it(tmp_path):
    result = _defusedxml_run(tmp_path, "lxml>=4\n")
    assert not result.changed
    assert ["not in the project's requirements" in r.reason for r in result.refusals] == [True]


def test_defusedxml_is_used_where_the_project_declares_it(tmp_path):
    result = _defusedxml_run(tmp_path, "defusedxml>=0.7.1\n")
    assert result.changed and b"defusedxml.minidom.parseString(data)" in result.new
    [fix] = result.fixes
    assert fix.reason.endswith("check the error handling")  # no 'add defusedxml to ...'


TRYTOND_PYPROJECT = (
    "[project]\nname = 'trytond'\ndependencies = [\n    'Genshi',\n    'defusedxml',\n]\n"
)
TRYTOND_CONVERT = (
    "from xml import sax\n\n\nclass TrytondXmlHandler(sax.handler.ContentHandler):\n"
    "    def __init__(self):\n        self.sax_parser = sax.make_parser()\n"
)


@pytest.mark.parametrize("declared", [True, False])
def test_the_reason_asks_for_the_requirement_only_where_nothing_declares_it(tmp_path, declared):
    """trytond's pyproject.toml lists 'defusedxml': its convert.py:418 was told to add it."""
    (tmp_path / "trytond").mkdir()
    (tmp_path / "trytond/__init__.py").write_text("")
    (tmp_path / "trytond/convert.py").write_text(TRYTOND_CONVERT)
    if declared:
        (tmp_path / "pyproject.toml").write_text(TRYTOND_PYPROJECT)
    [result] = plan(
        make_request([tmp_path / "trytond/convert.py"], codemods=["defusedxml"], unsafe=True)
    )
    [fix] = result.fixes
    assert ("add defusedxml to the project's requirements" in fix.reason) is not declared


def _docs_project(root, doc_requirements: str | None):
    (root / "requirements.txt").write_text("pbr>=2\n")
    (root / "doc/source/_exts").mkdir(parents=True)
    if doc_requirements is not None:
        (root / "doc/requirements.txt").write_text(doc_requirements)
    return str(root)


@pytest.mark.parametrize(
    ("doc_requirements", "expected"),
    [(None, False), ("sphinx>=2\n", False), ("sphinx>=2\ndefusedxml>=0.7\n", True)],
)
def test_a_module_outside_the_packages_may_declare_above_it(tmp_path, doc_requirements, expected):
    root = _docs_project(tmp_path, doc_requirements)
    assert requires_for_module(root, "doc/source/_exts/cmds.py", "defusedxml") is expected


def test_a_packaged_module_has_the_projects_requirements_only(tmp_path):
    root = _docs_project(tmp_path, "defusedxml>=0.7\n")
    (tmp_path / "doc/__init__.py").write_text("")
    assert requires_for_module(root, "doc/source/x.py", "defusedxml") is False
    assert requires_for_module(None, "doc/source/x.py", "defusedxml") is None


def test_defusedxml_is_refused_in_a_sphinx_extension_whose_docs_do_not_require_it(tmp_path):
    """networking-generic-switch's doc/source/_exts: the docs build would fail to import it."""
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = pkg\n")
    (tmp_path / "requirements.txt").write_text("pbr>=2\n")
    (tmp_path / "doc/source/_exts").mkdir(parents=True)
    (tmp_path / "doc/requirements.txt").write_text("sphinx>=2\n")
    (tmp_path / "doc/source/_exts/commands.py").write_text(PARSER)
    [result] = plan(make_request([tmp_path], codemods=["defusedxml"], unsafe=True))
    assert not result.changed
    assert ["not in the project's requirements" in r.reason for r in result.refusals] == [True]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("setup.py", 'setup(name="p", install_requires=["defusedxml>=0.7", "requests"])\n'),
        ("requirements/runtime.txt", "defusedxml==0.7.1\n"),  # dirsearch's, read by setup.py
        ("PKG-INFO", "Metadata-Version: 2.1\nName: p\nRequires-Dist: defusedxml>=0.7\n"),
        ("p.egg-info/requires.txt", "requests\ndefusedxml\n"),
    ],
)
def test_what_setup_py_and_an_sdists_metadata_declare_counts(tmp_path, name, text):
    """dirsearch's setup.cfg names no dependency; its setup.py reads requirements/*.txt."""
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = p\n")
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    assert requires(str(tmp_path), "defusedxml") is True
    assert requires(str(tmp_path), "xml") is False


AFEW_FILTER = (
    "import xml.etree.ElementTree as ET\n\n\ndef read(document):\n    try:\n"
    "        return ET.fromstring(document)\n    except ET.ParseError as error:\n"
    "        raise ValueError(str(error)) from error\n"
)


def test_a_handler_and_a_missing_requirement_are_both_said(tmp_path):
    """afew 4.0.2's DMARC filter: `except ET.ParseError`, and its pyproject.toml lists chardet,
    dkimpy and notmuch2; the advice named only the handler."""
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'afew'\ndependencies = ['chardet', 'dkimpy', 'notmuch2']\n"
    )
    (tmp_path / "afew").mkdir()
    (tmp_path / "afew/__init__.py").write_text("")
    (tmp_path / "afew/dmarc.py").write_text(AFEW_FILTER)
    [result] = plan(
        make_request([tmp_path / "afew/dmarc.py"], codemods=["defusedxml"], unsafe=True)
    )
    [refusal] = result.refusals
    assert "catches ParseError" in refusal.reason
    assert "defusedxml is not in the project's requirements" in refusal.reason
