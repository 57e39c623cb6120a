"""``cwemod fix -i`` shows file names and code literally, as every other output does."""

from __future__ import annotations

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
