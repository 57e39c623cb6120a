from pathlib import Path

import libcst as cst
import pytest

from cwemod.codemods.kit import pyproject
from cwemod.codemods.kit.formatters import project_line_length
from cwemod.codemods.kit.layout import fits, wrapped_after_paren
from cwemod.codemods.kit.lines import DEFAULT_LINE_LENGTH
from cwemod.engine import plan
from cwemod.engine.request import make_request


def test_default_is_pep8(tmp_path):
    assert project_line_length(tmp_path) == DEFAULT_LINE_LENGTH == 79


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("tox.ini", "[flake8]\nmax-line-length = 99\n", 99),
        ("setup.cfg", "[metadata]\nname = x\n[flake8]\nmax-line-length=120\n", 120),
        ("pyproject.toml", "[tool.ruff]\nline-length = 100\n", 100),
        ("pyproject.toml", "[tool.black]\nline-length = 88\n", 88),
        ("pyproject.toml", "[tool.black]\ntarget-version = ['py310']\n", 88),
        ("pyproject.toml", "[tool.ruff.lint]\nselect = ['E']\n", 88),
        # isort sorting black's way: the project formats with black (nose2's).
        ("pyproject.toml", "[tool.isort]\nprofile = 'black'\n", 88),
        ("pyproject.toml", "[tool.isort]\nprofile = 'google'\n", 79),
        ("tox.ini", "[testenv]\ncommands = pytest\n", 79),
        ("pyproject.toml", "not toml [", 79),
        ("ruff.toml", "line-length = 100\n", 100),  # setuptools' ruff configuration
        (".ruff.toml", "[lint]\nselect = ['E']\n", 88),
        ("setup.cfg", "[pep8]\nmax-line-length = 100\n", 100),  # conan's, for pycodestyle
        # sqlite-utils': Flake8-pyproject reads it; it decides over the formatter's
        ("pyproject.toml", "[tool.flake8]\nmax-line-length = 160\n[tool.black]\n", 160),
        ("tox.ini", "[pycodestyle]\nmax-line-length = 99\n", 99),
        ("tox.ini", "[pycodestyle]\nmax-line-length = 99\n[flake8]\nselect = E\n", 79),
        # flare-floss' local hooks: black's length is in its arguments, isort's beside it
        (
            ".pre-commit-config.yaml",
            "repos:\n- repo: local\n  hooks:\n  - id: isort\n    args: ['--line-length=100']\n"
            '  - id: black\n    entry: black\n    args:\n    - "--line-length=120"\n'
            "  - id: mypy\n    args: ['-l', '5']\n",
            120,
        ),
        (".pre-commit-config.yaml", "repos:\n- hooks:\n  - id: black\n    args: [-l, '99']\n", 99),
        (".pre-commit-config.yaml", "repos:\n- hooks:\n  - id: black\n", 88),
        # a local hook that names black in its entry alone
        (
            ".pre-commit-config.yaml",
            "repos:\n- hooks:\n  - id: fmt\n    entry: black -l 110\n",
            110,
        ),
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


def test_ruff_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    # As ruff reads them: its own file first.
    (tmp_path / "ruff.toml").write_text("line-length = 88\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 120\n", encoding="utf-8")
    assert project_line_length(tmp_path) == 88


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


def test_a_run_parses_the_projects_pyproject_once(tmp_path, monkeypatch):
    """The run's [tool.cwemod] and the project's line length read the same file."""
    (tmp_path / "pyproject.toml").write_text(
        f"# {tmp_path.name}\n"  # text no other test parsed in this process
        '[tool.ruff]\nline-length = 100\n\n[tool.cwemod]\nexclude = ["skip_*"]\n'
    )
    (tmp_path / "module.py").write_text("import yaml\nyaml.load(x)\n")
    parsed = []
    loads = pyproject.tomllib.loads
    monkeypatch.setattr(pyproject.tomllib, "loads", lambda text: parsed.append(text) or loads(text))

    results = plan(make_request([tmp_path], jobs=1))

    assert [result.changed for result in results] == [True]
    assert len(parsed) == 1
    # An edited file is read anew.
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 90\n")
    assert project_line_length(tmp_path) == 90


def test_a_flake8_section_without_a_length_is_flake8s_79_whatever_is_above(tmp_path):
    """flake8 reads the first file with its section; a setting further up is not its."""
    (tmp_path / "tox.ini").write_text("[flake8]\nmax-line-length = 120\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "tox.ini").write_text("[flake8]\nshow-source = true\n", encoding="utf-8")
    assert project_line_length(project) == 79
    (project / "tox.ini").write_text("[testenv]\ncommands = pytest\n", encoding="utf-8")
    assert project_line_length(project) == 120


def test_flake8s_order_of_files_decides_between_two_sections(tmp_path):
    (tmp_path / "tox.ini").write_text("[flake8]\nmax-line-length = 120\n", encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[flake8]\nmax-line-length = 100\n", encoding="utf-8")
    assert project_line_length(tmp_path) == 100


def test_the_search_stops_below_the_home_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    (tmp_path / "tox.ini").write_text("[flake8]\nmax-line-length = 120\n", encoding="utf-8")
    project = tmp_path / "src" / "project"
    project.mkdir(parents=True)
    assert project_line_length(project) == 79


PROWLER_PYPROJECT = '[dependency-groups]\ndev = ["black==26.10.1", "flake8==7.1.2"]\n'
BLACK_HOOK = "repos:\n  - repo: https://github.com/psf/black\n    hooks:\n      - id: black\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", PROWLER_PYPROJECT),
        (".pre-commit-config.yaml", BLACK_HOOK),
        ("Pipfile", '[dev-packages]\nblack = "==24.8.0"\n'),  # zappa's
    ],
)
def test_a_project_a_formatter_gates_without_a_linter_setting_keeps_to_88(tmp_path, name, text):
    """prowler names black among its development requirements, and configures no linter."""
    (tmp_path / name).write_text(text)
    assert project_line_length(tmp_path) == 88
    (tmp_path / "setup.cfg").write_text("[flake8]\nmax-line-length = 79\n")
    assert project_line_length(tmp_path) == 79  # a linter's setting comes first


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # tuir 1.29.0: no flake8, ruff or black setting; its code keeps to pylint's 100
        (".pylintrc", "[MASTER]\njobs=1\n\n[FORMAT]\nmax-line-length=100\n", 100),
        ("pylintrc", "[format]\nmax-line-length = 120\n", 120),
        ("pyproject.toml", "[tool.pylint.format]\nmax-line-length = 100\n", 100),
        ("pyproject.toml", '[tool.pylint."FORMAT"]\nmax-line-length = 110\n', 110),
        ("pyproject.toml", "[tool.pylint]\nmax-line-length = 90\n", 90),
        ("setup.cfg", "[pylint.FORMAT]\nmax-line-length = 100\n", 100),
        ("tox.ini", "[pylint]\nmax-line-length = 100\n", 100),
        # pylint reads only its own sections of setup.cfg and tox.ini
        ("setup.cfg", "[FORMAT]\nmax-line-length = 100\n", 79),
        (".pylintrc", "[FORMAT]\nindent-string='    '\n", 79),
        (".pylintrc", "[FORMAT]\nmax-line-length=%(x)s\n", 79),
        (".pylintrc", "not an ini file", 79),
    ],
)
def test_pylints_line_length_is_the_last_source(tmp_path, name, text, expected):
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert project_line_length(tmp_path) == expected


def test_a_linter_or_a_formatter_wins_over_pylint(tmp_path):
    (tmp_path / ".pylintrc").write_text("[FORMAT]\nmax-line-length=100\n", encoding="utf-8")
    package = tmp_path / "pkg"
    package.mkdir()
    assert project_line_length(package / "mod.py") == 100
    (tmp_path / ".pre-commit-config.yaml").write_text(BLACK_HOOK, encoding="utf-8")
    assert project_line_length(tmp_path) == 88
    (tmp_path / "tox.ini").write_text("[flake8]\nmax-line-length = 79\n", encoding="utf-8")
    assert project_line_length(tmp_path) == 79


def _aim_like(top: Path, long: int, short: int, width: int = 117) -> Path:
    """A project that configures no width (aim 3.29.1's sdist: no ruff.toml shipped), with
    ``long`` modules that have a line ``width`` columns long and ``short`` modules kept to 79."""
    (top / "setup.py").write_text("from setuptools import setup\nsetup()\n", encoding="utf-8")
    package = top / "aim"
    package.mkdir()
    call = "        response = requests.post(endpoint, json=request_data, verify=self.ssl_certfile)"
    line = call.replace("endpoint", "endpoint".ljust(len("endpoint") + width - len(call), "_"))
    for index in range(long):
        (package / f"long_{index:02}.py").write_text(line + "\n")
    for index in range(short):
        (package / f"short_{index:02}.py").write_text("x = 1\n")
    (top / ".venv").mkdir()  # not the project's
    for index in range(40):
        (top / ".venv" / f"vendored_{index}.py").write_text("#" * 200 + "\n")
    return package


def test_a_project_that_configures_no_width_keeps_to_the_width_its_code_keeps(tmp_path):
    """aim 3.29.1: 57% of its modules past 79, 98% within 120, as its upstream ruff.toml
    says: a fix that grows a 71-column line to 83 fits, one that grows a 117-column line to
    129 does not."""
    package = _aim_like(tmp_path, long=12, short=8)
    assert project_line_length(package / "long_00.py") == 117
    narrower = tmp_path / "narrower"
    narrower.mkdir()
    assert project_line_length(_aim_like(narrower, long=12, short=8, width=97)) == 97


@pytest.mark.parametrize(
    ("long", "short", "width"),
    [
        (9, 0, 117),  # too few modules to show a width
        (10, 31, 117),  # less than a quarter of them past 79
        (12, 0, 140),  # lines of any length: no width under 120 holds 19 modules in 20
    ],
)
def test_code_that_shows_no_width_keeps_pep8s_79(tmp_path, long, short, width):
    assert project_line_length(_aim_like(tmp_path, long, short, width)) == 79


TRANSLATIONS = (
    'TRANSLATIONS = {{\n    "fr": {{\n'
    '        "connection_error": "❌ Impossible de charger les identifiants OpenStack.{}",\n'
    '        "no_billing": "❌ Aucune donnée de facturation disponible (trop faibles).{}",\n'
    "    }},\n}}\n"
)


def _openstack_toolbox_like(top: Path, translated: int = 5) -> Path:
    """openstack-toolbox 1.6.0: no width configured, 12 modules black leaves as they are at
    88 (the code of 11 of them past 79, up to 88), ``translated`` of them holding tables of
    translated messages: lines of strings up to 143 columns, which black leaves whole."""
    (top / "pyproject.toml").write_text("[project]\nname = 'openstack-toolbox'\n")
    package = top / "src"
    package.mkdir()
    call = ' = os.path.join(os.path.dirname(__file__), "..", "pyproject.toml")'
    for index in range(12):
        text = '"""Collects the metrics of the OpenStack projects of the environment."""\n'
        if index < translated:
            text += "\n" + TRANSLATIONS.format(" Vérifiez" * index, " " + "y" * 60)
        if index < 11:  # a line of 80 to 88 columns
            name = "path".ljust(80 + index * 8 // 10 - len(call) - 4, "_")
            text += f"\n\ndef main():\n    {name}{call}\n"
        (package / f"module_{index:02}.py").write_text(text, encoding="utf-8")
    return package


def test_the_width_a_project_keeps_is_its_codes_not_its_strings(tmp_path):
    """openstack-toolbox 1.6.0: lines of translated messages up to 155 columns in 5 of its
    12 modules, but every line black would break within 88: its code keeps 88 (measured on
    every line, none of 88, 100 and 120 held 19 modules in 20, and 79 was left). Long
    strings, docstrings and comments show no width: the code of the second keeps 79."""
    package = _openstack_toolbox_like(tmp_path)
    assert project_line_length(package / "module_00.py") == 88
    only_strings = tmp_path / "only_strings"
    only_strings.mkdir()
    (only_strings / "setup.py").write_text("from setuptools import setup\nsetup()\n")
    for index in range(12):  # long strings and docstrings, code kept to 79
        text = f'"""{"y" * 90}"""\nx = "{"z" * 100}"\ny = f(a)  # {"w" * 100}\n'
        (only_strings / f"module_{index:02}.py").write_text(text)
    assert project_line_length(only_strings) == 79


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("tox.ini", "[flake8]\nshow-source = true\n", 79),  # OpenStack's: flake8's own 79
        ("pyproject.toml", "[tool.black]\n", 88),
        (".pylintrc", "[FORMAT]\nmax-line-length=100\n", 100),
    ],
)
def test_a_configured_width_wins_over_the_codes(tmp_path, name, text, expected):
    package = _aim_like(tmp_path, long=12, short=8)
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert project_line_length(package) == expected


PLANEMO_BLACK = "[tool.black]\nline-length = 120\n"


@pytest.mark.parametrize(
    ("flake8", "expected"),
    [
        # planemo 0.75.47: flake8 checks no length; black's and ruff's 120 decide
        ("ignore = E203,E501,W503,E701,E704\nmax-complexity = 14\n", 120),
        ("extend-ignore = E5\n", 120),
        ("extend_ignore =\n    E203,\n    E\n", 120),
        ("ignore = E501\nmax-line-length = 100\n", 120),
        ("select = F,W\n", 120),  # E501 not selected
        ("select = E\nignore = E501\n", 120),  # the longer prefix wins
        ("select = E501\nignore = E501\n", 120),  # a tie ignores it
        ("select = E,W\n", 79),
        ("extend-select = E501\nignore = E5\n", 79),
        ("ignore = E203,W503\n", 79),  # OpenStack's: E501 is checked
        ("ignore = E50\nselect = E5\n", 120),
        # black's advice: bugbear's B950 checks the length in E501's place
        ("max-line-length = 80\nextend-select = B950\nextend-ignore = E203,E501\n", 80),
        ("select = C,E,F,W,B,B9\nignore = E501\n", 79),
        ("select = B\nignore = E501\n", 120),  # B9 is bugbear's opt-in
        ("extend-select = B950\nignore = E501,B9\n", 79),
        ("extend-select = B950\nignore = E501,B950\n", 120),
    ],
)
def test_a_flake8_that_checks_no_length_leaves_it_to_the_next_source(tmp_path, flake8, expected):
    (tmp_path / "setup.cfg").write_text(f"[flake8]\n{flake8}", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(PLANEMO_BLACK, encoding="utf-8")
    assert project_line_length(tmp_path / "planemo" / "runnable_resolve.py") == expected


def test_flake8_pyprojects_ignored_length_leaves_it_to_black(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.flake8]\nextend-ignore = ['E501']\n{PLANEMO_BLACK}", encoding="utf-8"
    )
    assert project_line_length(tmp_path) == 120


def test_a_flake8_that_checks_no_length_leaves_it_to_the_code_not_a_flake8_above(tmp_path):
    (tmp_path / "tox.ini").write_text("[flake8]\nmax-line-length = 100\n", encoding="utf-8")
    for name, expected in (("short", 79), ("aim", 117)):
        project = tmp_path / name
        project.mkdir()
        (project / "setup.cfg").write_text("[flake8]\nignore = E501\n", encoding="utf-8")
        if name == "aim":
            _aim_like(project, long=12, short=8)
        assert project_line_length(project) == expected


SEWER_SETUP = 'extras_require={"test": ["pytest", "black==19.10b0"]}\n'


def _sewer_like(top: Path, call: str, modules: int = 6) -> Path:
    """A project black gates that ships no file giving black its width (sewer 0.8.4 names
    black in setup.py's test extras; the pyproject.toml that sets 100 stays upstream), each
    module holding ``call``, and lines black never breaks past 120: a string, a comment, a
    docstring's line and a backslash's."""
    (top / "setup.py").write_text(SEWER_SETUP, encoding="utf-8")
    package = top / "sewer"
    package.mkdir()
    kept = (
        f'    "Error {"x" * 110}: status_code={{status_code}}".format(\n'
        f"        status_code=1\n    )\n"
        f"    # https://boto3.readthedocs.io/{'y' * 100}\n"
        f'    """{"z" * 120} (see f(x))\n    """\n'
        f"    x = a + f({'b' * 120}) \\\n        + c\n"
    )
    for index in range(modules):
        (package / f"provider_{index}.py").write_text(f"def f():\n{call}\n{kept}")
    return package


# The call of sewer's powerdns.py (98 columns there, 90 here), which black at 100 leaves whole.
SEWER_CALL = (
    '    response = requests.get(url, headers={"X-API-Key": self.powerdns_api_key}, timeout=60)'
)


@pytest.mark.parametrize(
    ("call", "modules", "expected"),
    [
        (SEWER_CALL, 6, 100),
        (SEWER_CALL.replace("response", "response_of_the_zone"), 6, 120),
        # prowler-like: code past 120 is kept to no width black was run at
        (SEWER_CALL.replace("url", "url" * 12), 6, 88),
        (SEWER_CALL, 1, 88),  # one module past 88 shows no width
        ("    response = requests.get(url)", 6, 88),  # only what black never breaks is long
        (f"    response = '{'s' * 100}'", 6, 88),
    ],
)
def test_a_formatter_without_a_width_keeps_to_the_width_its_code_keeps(
    tmp_path, call, modules, expected
):
    package = _sewer_like(tmp_path, call, modules)
    assert project_line_length(package / "provider_0.py") == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", "[tool.black]\n"),  # black's 88, said where black reads it
        ("pyproject.toml", "[tool.ruff.lint]\nselect = ['E']\n"),
        ("ruff.toml", "[lint]\nselect = ['E']\n"),
        (".pre-commit-config.yaml", BLACK_HOOK),
    ],
)
def test_a_formatter_given_its_default_width_keeps_to_88_whatever_the_code(tmp_path, name, text):
    package = _sewer_like(tmp_path, SEWER_CALL)
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert project_line_length(package) == 88
