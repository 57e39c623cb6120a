"""pylint's configuration: the checks it turns off in every file."""

import pytest

from cwemod.codemods.kit.pylint_config import pylint_disabled

# horizon 27.0.0's .pylintrc: a list with comment lines and a trailing comment on an entry
_HORIZON = """[MASTER]
ignore=test,tests

[Messages Control]
disable=
# "W" Warnings for stylistic problems or minor programming issues
 broad-except,
 keyword-arg-before-vararg,  # TODO
 missing-timeout,
 fixme
"""


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (".pylintrc", _HORIZON, {"B113"}),
        ("pylintrc", "[MESSAGES CONTROL]\ndisable=W3101\n", {"B113"}),
        ("pylintrc", "[MESSAGES CONTROL]\ndisable=W\n", {"B113"}),  # its category
        ("pylintrc", "[MESSAGES CONTROL]\ndisable=all\nenable=E,missing-timeout\n", set()),
        ("pylintrc", "[MESSAGES CONTROL]\ndisable=all\nenable=W\n", set()),
        ("pylintrc", "[MESSAGES CONTROL]\ndisable=fixme,\n  # missing-timeout,\n", set()),
        ("pyproject.toml", '[tool.pylint."messages control"]\ndisable = ["missing-timeout"]\n',
         {"B113"}),
        ("pyproject.toml", '[tool.pylint.main]\ndisable = "missing-timeout,fixme"\n', {"B113"}),
        ("setup.cfg", "[pylint.MESSAGES CONTROL]\ndisable = missing-timeout\n", {"B113"}),
        ("tox.ini", "[pylint]\ndisable = missing-timeout\n", {"B113"}),
        # pylint reads only its own sections of setup.cfg and tox.ini
        ("setup.cfg", "[flake8]\ndisable = missing-timeout\n", set()),
        (".pylintrc", "not an ini file\ndisable=missing-timeout", set()),
    ],
)  # fmt: skip
def test_the_checks_pylint_turns_off(tmp_path, name, text, expected):
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert pylint_disabled(tmp_path) == expected


def test_the_first_file_pylint_reads_decides(tmp_path):
    """pylint reads one configuration: a pylintrc before pyproject.toml's tables."""
    (tmp_path / "pylintrc").write_text("[MESSAGES CONTROL]\ndisable=fixme\n", encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[pylint]\ndisable=missing-timeout\n", encoding="utf-8")
    assert pylint_disabled(tmp_path) == set()
