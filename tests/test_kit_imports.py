import libcst as cst
import pytest
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor

from cwemod.codemods.kit.import_order import sorts_as_isort
from cwemod.codemods.kit.imports import (
    add_stdlib_imports,
    end_of_import_block,
    heads_group,
    imported_modules,
    imported_names,
    imports_after_code,
    in_place_of,
    is_import,
    with_lines_of_removed,
    with_name_imported_beside,
)


def add(source: str, *names: str, isort: bool = False) -> str:
    context = CodemodContext()
    module = add_stdlib_imports(
        cst.parse_module(source),
        names,
        lambda name: AddImportsVisitor.add_needed_import(context, name),
        isort,
    )
    return AddImportsVisitor(context).transform_module(module).code


def test_joins_the_stdlib_group_in_hacking_order():
    source = "import os\nimport sys\n\nfrom oslo_log import log\n"
    assert add(source, "hmac", "shutil") == (
        "import hmac\nimport os\nimport shutil\nimport sys\n\nfrom oslo_log import log\n"
    )


def test_a_third_party_import_inside_the_stdlib_group_keeps_its_place_in_the_order():
    # Zun's common/utils.py: eventlet among the standard library, in alphabetical order.
    source = "import contextlib\nimport eventlet\nimport functools\n\nimport pecan\n"
    assert add(source, "hmac", "os") == (
        "import contextlib\nimport eventlet\nimport functools\nimport hmac\nimport os\n"
        "\nimport pecan\n"
    )


def test_from_imports_sort_by_their_full_name():
    source = "from os import path\nimport socket\n"
    assert add(source, "os") == "import os\nfrom os import path\nimport socket\n"


def test_a_group_sorted_as_isort_sorts_gets_an_import_line_among_its_import_lines():
    # exchangelib's protocol.py (isort, profile "black"): import lines, then from lines.
    source = (
        "import abc\nimport logging\nfrom contextlib import suppress\n"
        "from queue import Empty\nfrom threading import Lock\n\nimport requests\n"
    )
    assert add(source, "secrets", "hmac") == (
        "import abc\nimport hmac\nimport logging\nimport secrets\n"
        "from contextlib import suppress\nfrom queue import Empty\nfrom threading import Lock\n"
        "\nimport requests\n"
    )


def test_a_project_sorting_as_isort_gets_an_import_line_before_its_from_lines():
    # pretix's timeline.py: its setup.cfg configures isort, and the group has from lines only
    source = "from collections import namedtuple\nfrom datetime import datetime\n"
    assert add(source, "logging", isort=True) == f"import logging\n{source}"
    assert add(source, "logging") == f"{source}import logging\n"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("setup.cfg", "[isort]\nknown_first_party = pretix\n", True),
        (".isort.cfg", "[settings]\nprofile = black\n", True),
        ("setup.cfg", "[isort]\nforce_sort_within_sections = true\n", False),
        ("pyproject.toml", '[tool.isort]\nprofile = "google"\n', False),
        ("pyproject.toml", '[tool.ruff.lint]\nselect = ["E", "I"]\n', True),
        ("pyproject.toml", '[tool.ruff.lint]\nselect = ["E", "F"]\n', False),
        # arcade's: I run from its make.py, turned off for __init__.py files
        (
            "pyproject.toml",
            '[tool.ruff.lint]\nselect = ["E", "F", "W"]\n'
            '[tool.ruff.lint.per-file-ignores]\n"__init__.py" = ["F401", "I"]\n',
            True,
        ),
        ("tox.ini", "[flake8]\nimport-order-style = pep8\n", False),
    ],
)
def test_a_projects_isort_settings_say_how_it_sorts(tmp_path, name, text, expected):
    (tmp_path / name).write_text(text)
    assert sorts_as_isort(tmp_path) is expected


def test_a_group_both_orders_accept_is_taken_as_hackings():
    source = "import os\nfrom typing import Any\n"
    assert add(source, "zlib") == "import os\nfrom typing import Any\nimport zlib\n"


def test_without_a_stdlib_group_a_new_group_goes_first():
    """The comment above the first import heads its group (spyder's "# Third-party
    imports"): it stays with it."""
    source = '"""Doc."""\n# third party\nimport requests\n'
    assert (
        add(source, "logging") == '"""Doc."""\nimport logging\n\n# third party\nimport requests\n'
    )


def test_already_imported_names_are_left_alone():
    source = "import os\n"
    assert add(source, "os") == source


def test_a_module_without_imports_gets_them_from_libcst():
    assert add("x = 1\n", "os") == "import os\n\nx = 1\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # pyTelegramBotAPI's group of its own, under a comment
        ("import logging\n\n# random strings\nimport random\nimport string\n", True),
        ("import os\nimport random\nimport re\n", False),  # re sorts before secrets
        ("import os\nimport random\nimport sys\n", True),
        # opencanary's mysql.py: a standard-library group that stays in no order
        (
            "from twisted import internet\nfrom random import randint\n\n"
            "import struct\nimport re\nimport string\nimport random\n",
            True,
        ),
        # in order once random goes: the place it leaves would put it out of order
        ("import random\nimport os\nimport sys\n", False),
        # in no order, but not of the standard library alone
        ("import yaml\nimport struct\nimport random\nimport re\n", False),
        ("import struct\nimport re\nimport random\nUINT_MAX = 1\n", True),
    ],
)
def test_a_new_import_may_take_the_place_of_one_that_goes(source, expected):
    body = cst.parse_module(source).body
    index = next(
        i
        for i, line in enumerate(body)
        if cst.Module([line]).code.splitlines()[-1] == "import random"
    )
    assert in_place_of(body, index, "secrets") is expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('"""Doc."""\nimport os\nfrom a import b\n\nX = 1\nimport late\n', 3),
        ("import os\ntry:\n    import json\nexcept ImportError:\n    json = None\nX = 1\n", 2),
        ("X = 1\nimport os\n", 0),
        ('"""Only a docstring."""\n', 1),
        # gevent's events.py: __all__ before the imports, as pycodestyle allows
        ("from __future__ import division\n__all__ = ['x']\nimport platform\nX = 1\n", 3),
        ("import os\n__all__ = ['x']\nX = 1\n", 1),  # a dunder ends no run of its own
    ],
)
def test_end_of_import_block(source, expected):
    assert end_of_import_block(cst.parse_module(source).body) == expected


def test_is_import_covers_guarded_imports():
    body = cst.parse_module(
        "import os\nif TYPE_CHECKING:\n    import x\n"
        "try:\n    import y\nexcept ImportError:\n    y = None\nX = 1\n"
    ).body
    assert [is_import(statement) for statement in body] == [True, True, True, False]


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("import os.path", {"os": "os", "os.path": "os.path"}),
        ("import yaml as y", {"y": "yaml"}),
        ("from oslo_log import log as logging", {"logging": "oslo_log.log"}),
        ("from . import sibling", {}),
        ("from os import *", {}),
    ],
)
def test_imported_names(statement, expected):
    small = cst.parse_statement(statement + "\n").body[0]
    assert imported_names(small) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Its own line (H301), in alphabetical order among the package's (H306).
        (
            "import os\n\nfrom yaml import load\n",
            "import os\n\nfrom yaml import load\nfrom yaml import safe_load\n",
        ),
        (
            "# yaml\nfrom yaml import SafeLoader\n",
            "# yaml\nfrom yaml import safe_load\nfrom yaml import SafeLoader\n",
        ),
        (
            "from yaml import load\nfrom yaml import SafeLoader\nimport zlib\n",
            "from yaml import load\nfrom yaml import safe_load\n"
            "from yaml import SafeLoader\nimport zlib\n",
        ),
        ("from yaml import load, safe_load\n", "from yaml import load, safe_load\n"),
    ],
)
def test_a_name_goes_on_a_line_of_its_own_beside_its_package(source, expected):
    module = with_name_imported_beside(cst.parse_module(source), "yaml", "safe_load")
    assert module is not None and module.code == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A module that joins names (no H301) gets it joined: in order where they are.
        ("from yaml import dump, load\n", "from yaml import dump, load, safe_load\n"),
        ("from yaml import dump, scan\n", "from yaml import dump, safe_load, scan\n"),
        ("from yaml import scan, dump\n", "from yaml import scan, dump, safe_load\n"),
        (
            "from yaml import load\nfrom yaml import dump, scan\n",
            "from yaml import load\nfrom yaml import dump, safe_load, scan\n",
        ),
        # Brackets, or a line that would be too long: a line of its own.
        (
            "from yaml import (dump, load)\n",
            "from yaml import (dump, load)\nfrom yaml import safe_load\n",
        ),
        (
            "from yaml import dump, load_all_the_documents_there_are\n",
            "from yaml import dump, load_all_the_documents_there_are\nfrom yaml import safe_load\n",
        ),
    ],
)
def test_a_name_is_joined_to_a_line_that_imports_several(source, expected):
    module = with_name_imported_beside(cst.parse_module(source), "yaml", "safe_load", 60)
    assert module is not None and module.code == expected


@pytest.mark.parametrize("source", ["import yaml\n", "from yaml import *\n", "x = 1\n"])
def test_without_a_from_import_of_the_package_there_is_nothing_to_put_it_beside(source):
    assert with_name_imported_beside(cst.parse_module(source), "yaml", "safe_load") is None


def test_imported_modules_are_the_top_level_lines_modules():
    module = cst.parse_module(
        "import os\nfrom oslo_log import log as logging\nfrom . import sibling\n"
        "def f():\n    import json\n"
    )
    assert imported_modules(module) == {"os", "oslo_log"}


@pytest.mark.parametrize(
    ("source", "after_code"),
    [
        ('"""Doc."""\nimport os\nimport sys\n\nX = 1\n', False),
        ("from __future__ import annotations\nDOCUMENTATION = 'x'\nimport os\n", True),
        ("import eventlet\neventlet.monkey_patch()\nimport os\n", True),
        ("import os\n\ndef f():\n    import json\n", False),
        ("import os\nX = 1\nif __name__ == '__main__':\n    import sys\n", False),
    ],
)
def test_imports_after_code(source, after_code):
    assert imports_after_code(cst.parse_module(source).body) is after_code


def test_the_line_joined_to_is_measured_alone_not_with_the_comments_above_it():
    """A comment above the import, or its CRLF line ending, is no part of the line's width."""
    comment = "# " + "a comment about the imports below, longer than the line itself" + "\n"
    for ending in ("\n", "\r\n"):
        source = f"import os{ending}{ending}{comment}from yaml import dump, load{ending}"
        module = with_name_imported_beside(cst.parse_module(source), "yaml", "safe_load", 40)
        assert module is not None
        assert f"from yaml import dump, load, safe_load{ending}" in module.code


def without_second(source: str) -> str:
    """``source`` without its second top-level statement, as the engine leaves it."""
    module = cst.parse_module(source)
    previous, removed, following, *rest = module.body
    heads = heads_group(removed, previous, following)
    following = with_lines_of_removed(following, removed.leading_lines, heads)
    return module.with_changes(body=[previous, following, *rest]).code


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a directive governs more than the line below it
        ("import os\n\n# isort: off\nimport xml\n\nx = 1\n", "import os\n\n# isort: off\nx = 1\n"),
        (
            "import os\n# pylint: disable=C0103\n\nimport xml\nx = 1\n",
            "import os\n# pylint: disable=C0103\n\nx = 1\n",
        ),
        # a heading stays with the group that goes on
        (
            '"""D."""\n# Standard library\nimport json\nimport os\n',
            '"""D."""\n# Standard library\nimport os\n',
        ),
        (
            "import os\n\n# Third party\nimport attr\nimport yaml\n",
            "import os\n\n# Third party\nimport yaml\n",
        ),
        # a comment about the line alone goes with it; its blank line stays
        ("import os\n\n# for XML\nimport xml\nx = 1\n", "import os\n\nx = 1\n"),
        ("import os\n# for XML\nimport xml\nimport sys\n", "import os\nimport sys\n"),
        ("import os\n\n# for XML\nimport xml\n\nx = 1\n", "import os\n\nx = 1\n"),
    ],
)
def test_what_the_next_statement_keeps_of_a_removed_lines_comments(source, expected):
    assert without_second(source) == expected
