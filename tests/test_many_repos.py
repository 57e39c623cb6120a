"""One invocation over many repositories: names, grouping and --paths-from."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from cwemod.cli import main

UNSAFE_YAML = "import yaml\n\n\ndef read(handle):\n    return yaml.load(handle)\n"


def _repository(path):
    path.mkdir()
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    (path / "config.py").write_text(UNSAFE_YAML)
    return path


@pytest.fixture
def fleet(tmp_path):
    return [_repository(tmp_path / name) for name in ("nova", "cinder")]


def _names(diff: str) -> list[str]:
    return [line[len("+++ b/") :] for line in diff.splitlines() if line.startswith("+++ b/")]


def test_each_name_starts_with_its_repository(fleet, tmp_path, monkeypatch):
    monkeypatch.chdir(
        tmp_path / "nova"
    )  # names do not depend on where the run starts; order is the paths given
    outcome = CliRunner().invoke(main, ["fix", "--format", "diff", *map(str, fleet)])

    assert outcome.exit_code == 0, outcome.output
    assert _names(outcome.stdout) == ["nova/config.py", "cinder/config.py"]


def test_paths_from_a_file_and_from_stdin(fleet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    listing = tmp_path / "repos.txt"
    listing.write_text("# the fleet\nnova\n\ncinder  # block storage\n")

    from_file = CliRunner().invoke(main, ["fix", "--format", "diff", "--paths-from", "repos.txt"])
    from_stdin = CliRunner().invoke(
        main, ["fix", "--format", "diff", "--paths-from", "-"], input=listing.read_text()
    )

    assert _names(from_file.stdout) == ["nova/config.py", "cinder/config.py"]
    assert from_stdin.stdout == from_file.stdout


def test_an_empty_or_missing_path_list_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_text("# nothing\n")
    for listing in ("empty.txt", "missing.txt"):
        outcome = CliRunner().invoke(main, ["fix", "--paths-from", listing])
        assert outcome.exit_code == 2
        assert "Traceback" not in outcome.output
        assert listing in outcome.output
