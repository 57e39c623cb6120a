"""``cwemod fix -i``: names and code shown literally; nothing written calls what was declined."""

from __future__ import annotations

from codemod_support import PARTIAL_LOCK_PACKAGE
from conftest import cli

ESCAPES = "\x1b]0;pwned\x07\x1b[2J"


def test_interactive_shows_escapes_in_names_and_code_literally(tmp_path):
    name = "evil\x1b[31m.py"
    (tmp_path / name).write_text(f"import yaml\n# {ESCAPES}\nvalue = yaml.load(text)\n")

    result = cli("fix", "-i", ".", cwd=tmp_path, stdin="y\n")

    assert result.returncode == 0, result.stderr
    shown = result.stdout + result.stderr
    assert "\x1b" not in shown and "\x07" not in shown
    assert "evil\\x1b[31m.py" in shown and "\\x1b]0;pwned\\x07" in shown
    assert "yaml.safe_load(text)" in (tmp_path / name).read_text()


PARTIAL_PROJECT = {"tox.ini": "[flake8]\n", **PARTIAL_LOCK_PACKAGE}


def _write_project(root, files):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def test_a_file_that_calls_a_declined_helper_is_skipped(tmp_path):
    _write_project(tmp_path, PARTIAL_PROJECT)

    declined = cli("fix", "-i", "-c", "salted-lock-name", ".", cwd=tmp_path, stdin="d\n")

    assert declined.returncode == 0, declined.stderr
    assert "net/agent.py: skipped: the salted_lock_name() it calls was not added to utils.py" in (
        declined.stderr
    )
    for name in ("net/utils.py", "net/agent.py"):
        assert (tmp_path / name).read_text() == PARTIAL_PROJECT[name]

    accepted = cli("fix", "-i", "-c", "salted-lock-name", ".", cwd=tmp_path, stdin="a\na\n")

    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout.index("net/utils.py") < accepted.stdout.index("net/agent.py")
    assert "def salted_lock_name(name):" in (tmp_path / "net/utils.py").read_text()
    assert "utils.salted_lock_name('refresh')" in (tmp_path / "net/agent.py").read_text()
