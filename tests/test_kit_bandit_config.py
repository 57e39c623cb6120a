"""Bandit's configuration: the tests the project's bandit gate skips in every file."""

import pytest

from cwemod.codemods.kit.bandit_config import bandit_skipped


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # monasca-api 11.0.0: B303 was old Bandit's id of hashlib's MD5/SHA-1, now B324
        ("tox.ini", "[testenv:bandit]\ncommands =\n  bandit -r monasca_api -n5 -s B101,B303 -x"
         " monasca_api/tests\n", {"B101", "B303", "B324"}),
        ("tox.ini", "[testenv:bandit]\ncommands: bandit -r os_brick -x os_brick/tests -n5"
         " -sB101\n", {"B101"}),
        ("tox.ini", "[testenv:bandit]\ncommands = bandit -r pkg --skip=B110,B311\n",
         {"B110", "B311"}),
        ("tox.ini", "[testenv:x]\ncommands = flake8 -s B110\n", set()),
        (".bandit", "[bandit]\nskips = B110,B404\n", {"B110", "B404"}),
        ("pyproject.toml", '[tool.bandit]\nskips = ["B311"]\n', {"B311"}),
        ("bandit.yaml", "tests:\nskips:\n  - B104\n  - B604\nexclude_dirs: []\n",
         {"B104", "B604"}),
        (".bandit.yml", "skips: ['B108']\n", {"B108"}),
    ],
)  # fmt: skip
def test_the_tests_bandit_skips(tmp_path, name, text, expected):
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert bandit_skipped(tmp_path) == expected


def test_the_configuration_a_tox_command_names(tmp_path):
    """ironic-python-agent's tox -e bandit: ``-c tools/bandit.yml``, which skips B604."""
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "bandit.yml").write_text(
        "tests:\n\nskips:\n  - B104\n  - B604\n", encoding="utf-8"
    )
    (tmp_path / "tox.ini").write_text(
        "[testenv:bandit]\ncommands = bandit -r ipa -x tests -n5 -ll -c tools/bandit.yml\n",
        encoding="utf-8",
    )
    assert bandit_skipped(tmp_path) == {"B104", "B604"}
