"""An Ansible collection as a project: the line length of its gate, the Python its modules run on.

A collection (``galaxy.yml`` in its source, ``MANIFEST.json`` once built, as
the ``ansible`` package ships them) is a project of its own even inside
another one: the package around it speaks for the controller, not for the
modules, which run on each managed host's Python. Its gate is
``ansible-test sanity``, whose pep8 and pylint checks allow 160 columns.
"""

from __future__ import annotations

import re
from pathlib import Path

from cwemod.codemods.kit.lines import configured_line_length
from cwemod.codemods.kit.pyproject import config_text

MARKERS = ("galaxy.yml", "MANIFEST.json")
ANSIBLE_TEST_LINE_LENGTH = 160
# What ansible-test runs a collection's modules on, by the oldest ansible-core it supports:
# 2.16 and older still test Python 2.7; 2.17 needs 3.7 on the host, 2.18 3.8.
_HOST_PYTHON = (((2, 17), (3, 7)), ((2, 18), (3, 8)))
_OLDEST_HOST_PYTHON = (2, 7)
_REQUIRES_ANSIBLE = re.compile(r"^requires_ansible:\s*['\"]?\s*>=?\s*(\d+)\.(\d+)", re.MULTILINE)
_MODULES_PYTHON = re.compile(
    r"^modules:[ \t]*\n(?:[ \t]+.*\n)*?[ \t]+python_requires:\s*['\"]?\s*>=?\s*(\d+)\.(\d+)",
    re.MULTILINE,
)


def is_collection(root: Path) -> bool:
    return (root / "meta" / "runtime.yml").is_file() and any(
        (root / marker).is_file() for marker in MARKERS
    )


def collection_line_length(root: Path) -> int:
    """The collection's own linter settings, else ansible-test's 160 (never a folder above)."""
    return configured_line_length(root) or ANSIBLE_TEST_LINE_LENGTH


def modules_python(root: Path) -> tuple[int, int]:
    """The oldest Python the collection's modules run on.

    ``tests/config.yml``'s ``modules: python_requires`` when it names a
    version, else what the oldest ansible-core it supports
    (``meta/runtime.yml``'s ``requires_ansible``) tests modules on.
    """
    declared = _MODULES_PYTHON.search(config_text(root / "tests" / "config.yml") + "\n")
    if declared:
        return int(declared.group(1)), int(declared.group(2))
    core = _REQUIRES_ANSIBLE.search(config_text(root / "meta" / "runtime.yml"))
    oldest = _OLDEST_HOST_PYTHON
    if core:
        version = int(core.group(1)), int(core.group(2))
        for since, python in _HOST_PYTHON:
            if version >= since:
                oldest = python
    return oldest
