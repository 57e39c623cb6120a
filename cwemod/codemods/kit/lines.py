"""Line length: the limit the target project keeps to."""

from __future__ import annotations

import configparser
import functools
import io
import os
import re
import tokenize
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from cwemod.codemods.kit.pyproject import TOMLDecodeError, read_pyproject, tool_tables

DEFAULT_LINE_LENGTH = 79  # PEP 8, as OpenStack's flake8 checks it
FORMATTERS_DEFAULT = 88  # ruff's and black's
_FLAKE8_SECTION = re.compile(r"^\s*\[flake8(?::local-plugins)?\]", re.MULTILINE)


def linter_line_length(start: Path) -> int | None:
    """The line length the linters of the project around ``start`` (a file or a directory)
    are configured with; None where none is.

    As its linters read it: walking up from ``start`` (and stopping below
    the home directory, as flake8 does), the nearest folder with a linter's
    configuration decides. A setup.cfg, tox.ini or .flake8 with a
    ``[flake8]`` section (the first, in flake8's order) gives its
    ``max-line-length``, or flake8's own 79 when it sets none: a setting in
    a folder above is not flake8's then. Where that section turns off the
    check of a line's length (planemo's ``ignore = E203,E501,...``: see
    :func:`flake8_checks_length`), flake8 keeps to no length and the sources
    after it decide. Else ``line-length`` in
    .ruff.toml or ruff.toml, or in pyproject.toml's ``[tool.flake8]`` (the
    Flake8-pyproject plugin's, read the same way), ``[tool.ruff]`` or
    ``[tool.black]``, or the formatters' 88 when the file or table sets none; else
    pycodestyle's own ``[pycodestyle]`` or ``[pep8]``.
    """
    directory = start if start.is_dir() else start.parent
    flake8_read = False  # flake8 reads the nearest of its sections alone
    for folder in up_to_home(directory):
        flake8 = None if flake8_read else _flake8_line_length(folder)
        found = flake8 or _other_linters_line_length(folder)
        if found:
            return found
        flake8_read = flake8_read or flake8 is not None
    return None


def configured_line_length(folder: Path) -> int | None:
    """The line length the linter configuration in ``folder`` sets; None when it has none."""
    return _flake8_line_length(folder) or _other_linters_line_length(folder)


def _other_linters_line_length(folder: Path) -> int | None:
    return (
        _ruff_toml_line_length(folder)
        or _pyproject_line_length(folder)
        or _pycodestyle_line_length(folder)
    )


def up_to_home(directory: Path) -> Iterator[Path]:
    """``directory``, then each folder above it below the home directory (flake8's search)."""
    try:
        home = Path.home()
    except RuntimeError:  # no home directory to be found
        home = None
    yield directory
    for folder in directory.parents:
        if folder == home:
            return
        yield folder


def flake8_configs(
    folder: Path, mentioning: re.Pattern[str] | None = None
) -> Iterator[configparser.ConfigParser]:
    """The flake8 configuration files of ``folder`` that parse, as flake8 reads them.

    With ``mentioning``, only those whose text it is found in: a value that
    does not appear in a file's text cannot be read from the file, and
    parsing a project's tox.ini costs a few milliseconds.
    """
    for name in ("setup.cfg", "tox.ini", ".flake8"):  # flake8 takes the first with its section
        path = folder / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if mentioning is not None and not mentioning.search(text):
            continue
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text, source=str(path))
        except configparser.Error:
            continue
        yield parser


def _flake8_line_length(folder: Path) -> int | None:
    """The line length of flake8's configuration in ``folder``; None when it has none, 0 when
    it checks none."""
    for parser in flake8_configs(folder, _FLAKE8_SECTION):
        if parser.has_section("flake8") or parser.has_section("flake8:local-plugins"):
            return _flake8_setting_length(functools.partial(_ini_setting, parser))
    return None


def _ini_setting(parser: configparser.ConfigParser, name: str) -> str | None:
    """flake8's setting ``name`` in its section, written with dashes or underscores."""
    found = parser.get("flake8", name, fallback=None)
    return parser.get("flake8", name.replace("-", "_"), fallback=None) if found is None else found


def _flake8_setting_length(setting: Callable[[str], object]) -> int:
    """The line length flake8 checks under its settings (``setting`` reads one by name):
    its ``max-line-length``, or its own 79; 0 where it checks no line's length."""
    if not flake8_checks_length(setting):
        return 0
    value = setting("max-line-length")
    return length_of(value) or DEFAULT_LINE_LENGTH


# The codes of the checks of a line's length: pycodestyle's, and flake8-bugbear's opinionated
# one (its max-line-length and a tenth more), which bugbear reports only where it is selected.
_E501, _B950 = "E501", "B950"


def flake8_checks_length(setting: Callable[[str], object]) -> bool:
    """Does flake8 check a line's length under its settings (``setting`` reads one by name)?

    As flake8 decides on a code: E501 is checked unless ``ignore`` or
    ``extend-ignore`` names it or a prefix of it (``E5``, ``E``), or a
    ``select`` names no prefix of it; where both lists name one, the longer
    prefix wins, and a tie ignores it (``select = E`` with ``ignore = E501``
    checks no length, ``extend-select = E501`` with ``ignore = E5`` does).
    flake8-bugbear's B950 is checked where ``select`` or ``extend-select`` names
    it (or ``B9``, ``B95``) and the same decision keeps it.
    """
    selects = [*_codes(setting("select")), *_codes(setting("extend-select"))]
    ignores = [*_codes(setting("ignore")), *_codes(setting("extend-ignore"))]
    if _checked(_E501, selects, ignores, setting("select") is None):
        return True
    return _prefix_length(_B950, selects) >= 2 and _checked(_B950, selects, ignores, False)


def _checked(code: str, selects: list[str], ignores: list[str], by_default: bool) -> bool:
    selected, ignored = _prefix_length(code, selects), _prefix_length(code, ignores)
    return selected > ignored if selected or ignored else by_default


def _prefix_length(code: str, prefixes: Iterable[str]) -> int:
    """The length of the longest of ``prefixes`` that ``code`` starts with; 0 for none."""
    return max((len(prefix) for prefix in prefixes if code.startswith(prefix)), default=0)


def _codes(value: object) -> list[str]:
    """flake8's list of codes, as an ini file (commas or white space) or a TOML list gives it."""
    if isinstance(value, list):
        value = ",".join(str(item) for item in value)
    return [code for code in re.split(r"[,\s]+", value) if code] if isinstance(value, str) else []


_PYCODESTYLE_SECTION = re.compile(r"^\s*\[(?:pycodestyle|pep8)\]", re.MULTILINE)


def _pycodestyle_line_length(folder: Path) -> int | None:
    """pycodestyle's own ``max-line-length`` (its ``[pycodestyle]``, or the older ``[pep8]``,
    in setup.cfg or tox.ini: conan's 100); None when it sets none."""
    for parser in flake8_configs(folder, _PYCODESTYLE_SECTION):
        for section in ("pycodestyle", "pep8"):
            value = parser.get(section, "max-line-length", fallback="").strip()
            if value.isdigit() and int(value) > 0:
                return int(value)
    return None


# ruff's own configuration files, which it reads before pyproject.toml (setuptools' ruff.toml).
RUFF_TOMLS = (".ruff.toml", "ruff.toml")


def read_ruff_toml(folder: Path) -> Mapping[str, Any] | None:
    """The first of ``folder``'s ruff configuration files that parses; None when none does."""
    for name in RUFF_TOMLS:
        path = folder / name
        if path.is_file():
            try:
                return read_pyproject(path)
            except (OSError, TOMLDecodeError, UnicodeDecodeError):
                return None
    return None


def ruff_table(root: Path) -> Mapping[str, Any]:
    """ruff's settings: its own configuration file's, else pyproject.toml's ``[tool.ruff]``."""
    own = read_ruff_toml(root)
    if own is not None:
        return own
    ruff = (tool_tables(root) or {}).get("ruff")
    return ruff if isinstance(ruff, dict) else {}


def _ruff_toml_line_length(folder: Path) -> int | None:
    """The ``line-length`` of ``folder``'s ruff.toml, or ruff's 88; None without one."""
    table = read_ruff_toml(folder)
    if table is None:
        return None
    value = table.get("line-length")
    return value if isinstance(value, int) and value > 0 else FORMATTERS_DEFAULT


def _pyproject_line_length(folder: Path) -> int | None:
    """flake8's (``[tool.flake8]``), ruff's or black's line length in ``folder``'s
    pyproject.toml; None when it configures none.

    A ``[tool.ruff]`` or ``[tool.black]`` table that sets none keeps their
    default, 88.
    """
    path = folder / "pyproject.toml"
    if not path.is_file():
        return None
    try:
        tool = read_pyproject(path).get("tool", {})
    except (TOMLDecodeError, UnicodeDecodeError):
        return None
    flake8 = tool.get("flake8")  # read by the Flake8-pyproject plugin (sqlite-utils' 160)
    if isinstance(flake8, dict):
        found = _flake8_setting_length(
            lambda name: flake8.get(name, flake8.get(name.replace("-", "_")))
        )
        if found:
            return found
    tables = [table for table in (tool.get("ruff"), tool.get("black")) if isinstance(table, dict)]
    for table in tables:
        value = table.get("line-length")
        if isinstance(value, int) and value > 0:
            return value
    return FORMATTERS_DEFAULT if tables else None


def length_of(value: object) -> int | None:
    """A positive line length, written as a number or as its digits; None for anything else."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    return value if type(value) is int and value > 0 else None


# What a project that configures no width may keep to instead, narrowest first: black's and
# ruff's 88, 100, and 120 (aim's upstream ruff.toml; Django's 119 is under it).
_KEPT_BOUNDS = (FORMATTERS_DEFAULT, 100, 120)
_SAMPLE = 200  # the modules read at most, spread over the tree
# The modules tokenized for their code's lines: tokenizing costs about 7 ms a module (apprise's).
STYLE_SAMPLE = 40
_WRITTEN_BY_HAND = 64 * 1024  # characters
_NOT_THE_PROJECTS = frozenset({"venv", "__pycache__", "build", "dist", "node_modules"})


# The run's walk of each project it builds (the paths of its Python files, listed when first
# asked), by the project's real top: the facts below read it, and walk no project again.
_WALKS: dict[Path, Callable[[], Iterable[str]]] = {}


def register_modules(top: Path, modules: Callable[[], Iterable[str]]) -> None:
    """Take ``modules`` for the list of the Python files of the project at ``top``, as the
    run's walk found them: :func:`kept_line_length`, :func:`sampled_modules` and the Python
    the project's own code branches for (``python_versions``) read it in this process."""
    _WALKS[top.resolve()] = modules


def registered_modules(top: Path) -> Callable[[], Iterable[str]] | None:
    """The run's walk of the project at ``top`` (as given or its real path); None where none
    was registered (a worker that did not fork from the run, a loose call)."""
    return _WALKS.get(top.resolve())


# Worked out once per project and process: the run's project, then each file it lints, ask.
_KEPT: dict[Path, int | None] = {}


def kept_line_length(top: Path) -> int | None:
    """The width the code of the project at ``top`` keeps to, where it configures none.

    Read from up to 200 of its modules, spread evenly over the sorted tree
    (hidden folders, virtual environments and build output left out): where
    at least ten of them, and a quarter, have a line past PEP 8's 79 (of any
    kind: a check at 79 reports each), the narrowest of 88, 100 and 120 that
    holds the longest line a formatter would break (:func:`longest_breakable`)
    of 19 in 20 of up to 40 of them, and the width is the longest such line
    within it (aim 3.29.1: 57% of its modules past 79, 98% within 120, as its
    upstream ruff.toml says). A string, docstring or comment left long shows
    no width (openstack-toolbox 1.6.0: tables of translated messages up to
    155 columns in 5 of its 12 modules, its code within 88). None where the
    code shows no width past 79. The modules are the run's walk where one is
    registered (:func:`register_modules`); else the tree is walked here.
    """
    if top not in _KEPT:
        _KEPT[top] = _kept_by(sorted(_modules(top)))
    return _KEPT[top]


def _kept_by(modules: list[str]) -> int | None:
    texts = [text for path in _spread(modules) if (text := module_text(path)) is not None]
    past = sum(_longest(text) > DEFAULT_LINE_LENGTH for text in texts)
    if past < 10 or past * 4 < len(texts):
        return None
    # A module this large is generated code or a table of data (impyla's Thrift stubs, a
    # megabyte each): no evidence of the width its authors keep, and slow to tokenize.
    written = [text for text in texts if len(text) <= _WRITTEN_BY_HAND]
    sample = _spread(written, STYLE_SAMPLE)
    longest = [found for text in sample if (found := longest_breakable(text)) is not None]
    bound = narrowest_holding(longest, _KEPT_BOUNDS)
    width = max((length for length in longest if length <= (bound or 0)), default=0)
    return width if width > DEFAULT_LINE_LENGTH else None


def narrowest_holding(longest: list[int], bounds: Iterable[int]) -> int | None:
    """The narrowest of ``bounds`` that holds the longest lines of 19 modules in 20; None
    where none does."""
    return next(
        (bound for bound in bounds if sum(n <= bound for n in longest) * 20 >= len(longest) * 19),
        None,
    )


def sampled_modules(top: Path, count: int = _SAMPLE) -> list[str]:
    """Up to ``count`` of the Python files under ``top`` (the run's walk where one is
    registered), spread evenly over the sorted tree."""
    return _spread(sorted(_modules(top)), count)


def _modules(top: Path) -> list[str]:
    """The Python files under ``top``: the run's walk where one is registered, else walked."""
    registered = registered_modules(top)
    if registered is not None:
        return list(registered())
    found = []
    for folder, folders, files in os.walk(top):
        folders[:] = sorted(name for name in folders if _the_projects(name))
        found.extend(os.path.join(folder, name) for name in sorted(files) if name.endswith(".py"))
    return found


def _the_projects(folder: str) -> bool:
    return not (
        folder.startswith(".") or folder in _NOT_THE_PROJECTS or folder.endswith(".egg-info")
    )


def _spread(paths: list[str], count: int = _SAMPLE) -> list[str]:
    if len(paths) <= count:
        return paths
    return [paths[index * len(paths) // count] for index in range(count)]


def _longest(text: str) -> int:
    """The length of the module's longest line."""
    return max((len(line.rstrip()) for line in text.splitlines()), default=0)


def longest_breakable(text: str) -> int | None:
    """The longest line of the module black and ruff format would break were it too long:
    one with an opening bracket followed on it by what it holds; not a line of a string of
    several lines, one with a comment, or one continued by a backslash (they keep those).
    None where the module does not tokenize."""
    lines = text.splitlines()
    if all(len(line) <= DEFAULT_LINE_LENGTH for line in lines):
        return max(map(len, lines), default=0)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (SyntaxError, tokenize.TokenError):
        return None
    rows = _breakable_rows(tokens)
    return max((len(lines[row - 1].rstrip()) for row in rows if row <= len(lines)), default=0)


_OPENING, _CLOSING = "([{", ")]}"
_ENDS = (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)
# Python 3.12 tokenizes an f-string's parts: the braces of its fields are no brackets.
_FSTRING_START = getattr(tokenize, "FSTRING_START", None)
_FSTRING_END = getattr(tokenize, "FSTRING_END", None)


def _breakable_rows(tokens: list[tokenize.TokenInfo]) -> set[int]:
    breakable, kept = set(), set()
    in_fstring = 0
    for token, after in zip(tokens, tokens[1:]):
        row = token.start[0]
        in_fstring += (token.type == _FSTRING_START) - (token.type == _FSTRING_END)
        if token.end[0] != row or token.type == tokenize.COMMENT:
            kept.update(range(row, token.end[0] + 1))
        elif token.line.rstrip().endswith("\\"):
            kept.add(row)
        holds = after.start[0] == row and after.type not in _ENDS and after.string not in _CLOSING
        if not in_fstring and token.type == tokenize.OP and token.string in _OPENING and holds:
            breakable.add(row)
    return breakable - kept


def module_text(path: str) -> str | None:
    """The text of a sampled module, its undecodable bytes replaced; None where it cannot be
    read."""
    try:
        with open(path, "rb") as module:
            return module.read().decode("utf-8", errors="replace")
    except OSError:
        return None
