import libcst as cst
import pytest

from cwemod.codemods.kit.layout import fits, wrapped_after_paren
from cwemod.codemods.kit.lines import DEFAULT_LINE_LENGTH, project_line_length


def test_default_is_pep8(tmp_path):
    assert project_line_length(tmp_path) == DEFAULT_LINE_LENGTH == 79


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("tox.ini", "[flake8]\nmax-line-length = 99\n", 99),
        ("setup.cfg", "[metadata]\nname = x\n[flake8]\nmax-line-length=120\n", 120),
        ("pyproject.toml", "[tool.ruff]\nline-length = 100\n", 100),
        ("pyproject.toml", "[tool.black]\nline-length = 88\n", 88),
        ("tox.ini", "[testenv]\ncommands = pytest\n", 79),
        ("pyproject.toml", "not toml [", 79),
    ],
)
def test_project_line_length_reads_the_settings(tmp_path, name, text, expected):
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert project_line_length(tmp_path) == expected


def test_project_line_length_walks_up_from_a_file(tmp_path):
    (tmp_path / "tox.ini").write_text("[flake8]\nmax-line-length = 100\n", encoding="utf-8")
    package = tmp_path / "pkg"
    package.mkdir()
    source = package / "mod.py"
    source.write_text("x = 1\n", encoding="utf-8")
    assert project_line_length(source) == 100


def test_flake8_wins_over_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "tox.ini").write_text("[flake8]\nmax-line-length = 79\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 120\n", encoding="utf-8")
    assert project_line_length(tmp_path) == 79


def test_wrap_after_paren_and_fits():
    module = cst.parse_module("")
    call = cst.parse_expression("LOG.exception('Ignoring exception in Agent.stop()')")
    assert isinstance(call, cst.Call)
    assert not fits(module, call, 40, 79)
    wrapped = wrapped_after_paren(call, "    ")
    assert (
        module.code_for_node(wrapped) == "LOG.exception(\n    'Ignoring exception in Agent.stop()')"
    )
    assert fits(module, wrapped, 36, 79)
