"""Which formatter gates a project (black, ``ruff format``, or none), and the line length
the project keeps to, which a formatter's default sets where no linter is configured.

Read by ``--reformat`` (:mod:`cwemod.engine.reformat`), and by a run
without it, which says when a changed file's project has one; so this
module imports nothing a rerun from the cache would not load anyway.
"""

from __future__ import annotations

import io
import os
import re
import tokenize
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from cwemod.codemods.kit.lines import (
    DEFAULT_LINE_LENGTH,
    FORMATTERS_DEFAULT,
    STYLE_SAMPLE,
    kept_line_length,
    linter_line_length,
    longest_breakable,
    module_text,
    narrowest_holding,
    read_ruff_toml,
    sampled_modules,
    up_to_home,
)
from cwemod.codemods.kit.pylint_config import pylint_line_length
from cwemod.codemods.kit.pyproject import TOMLDecodeError, read_pyproject, table, tool_tables
from cwemod.codemods.kit.roots import is_root
from cwemod.codemods.kit.text import word_matches

BLACK, RUFF = "black", "ruff"
_PRE_COMMIT = ".pre-commit-config.yaml"
# The hook ids of black (and its Jupyter variant) and ruff's formatter in a pre-commit config.
_HOOK = re.compile(r"^\s*-?\s*id:\s*['\"]?(black|black-jupyter|ruff-format)['\"]?\s*$", re.M)
# A hook's command (feast's local hooks: ``entry: bash -c '... uv run ruff format --check "$@"'``).
_ENTRY = re.compile(r"^\s*-?\s*entry:(.*)$", re.M)
_BLACK_WORD = re.compile(r"(?<![\w.-])black(?![\w-])")
# The next hook of a pre-commit config, and a formatter's line length among a hook's lines.
_NEXT_HOOK = re.compile(r"^\s*-\s*id:", re.M)
_LENGTH_ARGUMENT = re.compile(r"--line-length[=\s\"',]+(\d+)|(?<![\w-])-l[=\s\"',]+(\d+)")
# Where a project's scripts run its formatter, and the commands that do.
_SCRIPTS = ("pyproject.toml", "tox.ini", "Makefile", "noxfile.py")
# Each starts with its word, which ``re`` skips ahead to; what may come before the word is
# checked on the match (a pattern that starts with a choice is tried at every position).
_RUFF_COMMAND = re.compile(r"ruff\s+format\b")
_BLACK_COMMAND = re.compile(r"black\s+(?:--check|--diff|-q\b|\.|\{)")


def project_line_length(start: Path) -> int:
    """The line length the project around ``start`` (a file or a directory) keeps to: its
    linters' (:func:`~cwemod.codemods.kit.lines.linter_line_length`), else where a
    formatter gates it, the length its pre-commit hook gives it, or 88 (prowler names
    black among its development requirements, and configures no linter) but where nothing
    the formatter reads is shipped, the width its code keeps to
    (:func:`formatted_line_length`: sewer's 100), else pylint's
    ``max-line-length`` (tuir's .pylintrc), else the width its code keeps to
    (:func:`~cwemod.codemods.kit.lines.kept_line_length`: aim's sdist ships no ruff.toml,
    and its code keeps to 120), else PEP 8's 79."""
    configured = linter_line_length(start)
    if configured is not None:
        return configured
    directory = start if start.is_dir() else start.parent
    if not project_formatter(directory):
        pylint = _nearest(directory, pylint_line_length)
        return pylint or _kept(directory) or DEFAULT_LINE_LENGTH
    hook = _hook_line_length(directory)
    if hook or _nearest(directory, _configures_formatter):
        return hook or FORMATTERS_DEFAULT
    return _kept(directory, formatted_line_length) or FORMATTERS_DEFAULT


def _kept(folder: Path, read: Callable[[Path], int | None] = kept_line_length) -> int | None:
    """What ``read`` (:func:`~cwemod.codemods.kit.lines.kept_line_length`) finds at the
    project's top above ``folder``; None where there is none (a loose folder)."""
    top = next((above for above in up_to_home(folder.absolute()) if _is_top(above)), None)
    return None if top is None else read(top)


def _configures_formatter(folder: Path) -> bool:
    """Does ``folder`` hold what gives black or ruff format its width, if only the default
    88: a ``[tool.black]`` or ruff table, a ruff.toml, or a pre-commit hook of either?"""
    tool = tool_tables(folder) or {}
    return (
        "black" in tool
        or "ruff" in tool
        or read_ruff_toml(folder) is not None
        or _hook_formatter(folder) is not None
    )


# What a formatter may keep code to beyond its default, where nothing read says (88 remains).
_WIDER = (100, 120)
_FORMATTED: dict[Path, int | None] = {}


def formatted_line_length(top: Path) -> int | None:
    """The width black or ruff format keeps the code of the project at ``top`` to, where no
    file it reads is shipped (sewer 0.8.4 names black among its test requirements, and its
    sdist leaves out the pyproject.toml that sets 100): the narrowest of 100 and 120 that
    holds the longest line the formatter would break
    (:func:`~cwemod.codemods.kit.lines.longest_breakable`) of 19
    sampled modules in 20, where two of them have one past 88. None where none does, or
    none is within 120 (code kept to no width a formatter was run at: 88 stays)."""
    if top not in _FORMATTED:
        sample = sampled_modules(top, STYLE_SAMPLE)
        texts = [text for path in sample if (text := module_text(path)) is not None]
        longest = [found for text in texts if (found := longest_breakable(text)) is not None]
        past = sum(length > FORMATTERS_DEFAULT for length in longest)
        _FORMATTED[top] = narrowest_holding(longest, _WIDER) if past >= 2 else None
    return _FORMATTED[top]


_Found = TypeVar("_Found")


def _nearest(folder: Path, read: Callable[[Path], _Found | None]) -> _Found | None:
    """What ``read`` finds in ``folder`` or the nearest folder above it that gives anything,
    up to the top of the project; None where none does."""
    for above in up_to_home(folder.absolute()):
        found = read(above)
        if found or _is_top(above):  # a folder above is another project's
            return found
    return None


def _is_top(folder: Path) -> bool:
    """Is ``folder`` the top of the project whose formatter is asked about? :func:`is_root`,
    but a pyproject.toml with neither ``[project]`` nor ``[build-system]`` configures tools
    for a part of a repository (feast's sdk/python/pyproject.toml: ``[tool.ruff]`` and
    ``[tool.mypy]`` alone; the root two folders above runs ``ruff format --check``)."""
    if not is_root(folder):
        return False
    if not _tools_alone(folder):
        return True
    return (folder / "PKG-INFO").exists() or is_root(folder, _besides_pyproject)


def _tools_alone(folder: Path) -> bool:
    """Does ``folder``'s pyproject.toml hold neither ``[project]`` nor ``[build-system]``?"""
    try:
        document = read_pyproject(folder / "pyproject.toml")
    except (OSError, TOMLDecodeError, UnicodeDecodeError):
        return False
    return "project" not in document and "build-system" not in document


def _besides_pyproject(directory: str, name: str) -> bool:
    return name != "pyproject.toml" and os.path.exists(os.path.join(directory, name))


def project_formatter(folder: Path) -> str | None:
    """The formatter the project around ``folder`` is gated by: black, ruff, or None.

    Walking up from the folder to the project's root (the first folder with
    a tox.ini, setup.cfg, pyproject.toml... or .git; below the home
    directory; a pyproject.toml of tool tables alone is no root), the
    nearest folder that names one decides: a ``black`` or ``ruff-format``
    pre-commit hook, or one whose ``entry:`` runs ``ruff format`` or black (a
    ``repo: local`` hook), or the formatter's command in a script of
    pyproject.toml, tox.ini, a Makefile or a noxfile (``ruff format
    --check``, ``black --check .``), else a ``[tool.black]`` or
    ``[tool.ruff.format]`` table in pyproject.toml (or ``[format]`` in
    ruff.toml; with both, ruff): a table is no gate where a hook or a
    script runs the other formatter (falcon's ``[tool.black]``,
    otcextensions' ruff.toml), else black among the project's
    development requirements (datasette pins it for the test that runs it,
    zappa in its Pipfile's ``[dev-packages]``, caso in a Poetry group), else
    isort's black profile.
    A ``[tool.black]`` table or isort's profile that nothing else backs is
    no gate where the code is not black's (:func:`_code_disagrees`).
    ``[tool.ruff]`` alone configures ruff's linter, not its formatter, and
    ruff among the requirements may only lint.
    """
    return _nearest(folder, _formatter_in)


def _formatter_in(folder: Path) -> str | None:
    """The formatter ``folder`` itself names, by the first of the ways above."""
    return (
        _hook_formatter(folder)
        or _command_formatter(folder)
        or _pyproject_formatter(folder)
        or _dependency_formatter(folder)
        or _isort_formatter(folder)
    )


def configures_ruff(folder: Path) -> bool:
    """Does the project around ``folder`` configure ruff (``[tool.ruff]`` or a ruff.toml),
    if only its linter? werkzeug's, jira's and websockets' sdists ship that alone, and every
    file passes ``ruff format --check``."""
    for above in up_to_home(folder.absolute()):
        tool = tool_tables(above)
        if read_ruff_toml(above) is not None or (tool is not None and "ruff" in tool):
            return True
        if _is_top(above):
            return False
    return False


def formatters_of(paths: Iterable[Path]) -> list[str]:
    """The formatters the projects of ``paths`` are gated by, each once."""
    folders = {path.absolute().parent for path in paths}
    return sorted({name for folder in folders if (name := project_formatter(folder))})


def _pyproject_formatter(folder: Path) -> str | None:
    """The formatter a table configures, where no hook or script runs one (those come first:
    falcon keeps [tool.black] "to avoid reformatting all the code if one were to
    inadvertently run black", and its tox.ini runs ruff format --check; otcextensions'
    ruff.toml has a [format] table nothing runs, and its tox.ini runs black --check .)."""
    tool = tool_tables(folder) or {}
    if any(_formats(ruff) for ruff in (tool.get("ruff"), read_ruff_toml(folder))):
        return RUFF
    if isinstance(tool.get("black"), dict):
        return BLACK if _dependency_formatter(folder) or not _code_disagrees(folder) else None
    return None


def _formats(ruff: object) -> bool:
    """Does ``ruff`` (``[tool.ruff]`` or a ruff.toml) hold a ``[format]`` table?"""
    return isinstance(ruff, dict) and isinstance(ruff.get("format"), dict)


def _isort_formatter(folder: Path) -> str | None:
    """black where isort sorts imports black's way (``[tool.isort] profile = "black"``): nose2
    names no formatter in its sdist, and its changelog says the code is autoformatted with
    black and isort."""
    tool = tool_tables(folder)
    isort = tool.get("isort") if tool is not None else None
    black_profile = isinstance(isort, dict) and isort.get("profile") == "black"
    return BLACK if black_profile and not _code_disagrees(folder) else None


_DISAGREES: dict[Path, bool] = {}


def _code_disagrees(folder: Path) -> bool:
    """Does the code under ``folder`` show black does not format it? Where at least two, and
    half, of its sampled modules hold a line black never leaves (:func:`_unlike_black`):
    nbgitpuller 1.3.0 keeps ``[tool.black]`` and isort's black profile, its pre-commit hook
    of black is commented out, and 5 of its 6 modules are not black's. The modules are the
    run's walk of the project at ``folder`` where one is registered (see
    :func:`~cwemod.codemods.kit.lines.register_modules`)."""
    if folder not in _DISAGREES:
        marked = [_unlike_black(path) for path in sampled_modules(folder, STYLE_SAMPLE)]
        _DISAGREES[folder] = sum(marked) >= max(2, len(marked) / 2)
    return _DISAGREES[folder]


def _unlike_black(path: str) -> bool:
    """Does the module hold a line black never leaves: an inline comment less than two spaces
    after the code, trailing whitespace outside a string, or two blank lines before an
    indented line outside a string?"""
    text = module_text(path)
    if text is None:
        return False
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (SyntaxError, tokenize.TokenError):
        return False
    in_strings = {
        row
        for token in tokens
        if token.type == tokenize.STRING
        for row in range(token.start[0] + 1, token.end[0] + 1)
    }
    return any(map(_unlike_black_token, tokens)) or _blank_lines_in_block(text, in_strings)


_ENDS_A_LINE = (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT)


def _unlike_black_token(token: tokenize.TokenInfo) -> bool:
    line = token.line.rstrip("\r\n")
    if token.type == tokenize.COMMENT:
        before = line[: token.start[1]]
        if before.strip() and not before.endswith("  "):
            return True
    return token.type in _ENDS_A_LINE and line.strip() != "" and line != line.rstrip()


def _blank_lines_in_block(text: str, in_strings: set[int]) -> bool:
    blank = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            blank += 1
            continue
        if blank >= 2 and line[:1] in " \t" and number not in in_strings:
            return True
        blank = 0
    return False


def _hook_formatter(folder: Path) -> str | None:
    try:
        text = (folder / _PRE_COMMIT).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return next((name for name, _ in _formatter_hooks(text)), None)


def _formatter_hooks(text: str) -> Iterator[tuple[str, int]]:
    """Each formatter a pre-commit config's hooks run, and where its hook's line is: the hooks
    of black and ruff named by their ids, then the hooks whose ``entry:`` runs one."""
    for match in _HOOK.finditer(text):
        yield (RUFF if match[1] == "ruff-format" else BLACK), match.end()
    for entry in _ENTRY.finditer(text):
        if next(word_matches(_RUFF_COMMAND, entry[1]), None):
            yield RUFF, entry.start()
        elif _BLACK_WORD.search(entry[1]):
            yield BLACK, entry.start()


def _hook_line_length(folder: Path) -> int | None:
    """The ``--line-length`` (or ``-l``) the project's pre-commit hook gives its formatter
    (flare-floss's local black hook: ``args: ["--line-length=120", "."]``), looked for
    from ``folder`` up to the project's root; None where none is given."""
    for above in up_to_home(folder.absolute()):
        try:
            text = (above / _PRE_COMMIT).read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        for _, at in _formatter_hooks(text):
            after = _NEXT_HOOK.search(text, at)
            length = _LENGTH_ARGUMENT.search(text, at, after.start() if after else len(text))
            if length is not None:
                return int(length[1] or length[2])
        if text or _is_top(above):
            return None
    return None


def _command_formatter(folder: Path) -> str | None:
    for text in _texts(folder, _SCRIPTS):
        if next(word_matches(_RUFF_COMMAND, text), None):
            return RUFF
        if any(
            _after_a_space_or_quote(text, found.start()) for found in _BLACK_COMMAND.finditer(text)
        ):
            return BLACK
    return None


def _after_a_space_or_quote(text: str, at: int) -> bool:
    return at == 0 or text[at - 1].isspace() or text[at - 1] in "\"'"


# black pinned or named in setup.py's extras, or a requirements file (``"black==24.4.2"``).
_BLACK_REQUIREMENT = re.compile(r"""(?:^|["'])black\s*(?:[=<>~!]=?[^"'\n]*)?(?:["']|$)""", re.M)


def _dependency_formatter(folder: Path) -> str | None:
    """black where the project's development requirements name it: pyproject.toml's extras
    and dependency groups, Poetry's groups and ``dev-dependencies`` (caso's), a Pipfile's
    ``[dev-packages]`` (zappa's), setup.py's extras or a requirements-dev file."""
    project = _toml(folder / "pyproject.toml")
    groups = [
        *(project.get("project", {}).get("optional-dependencies", {}) or {}).values(),
        *(project.get("dependency-groups", {}) or {}).values(),
    ]
    named = [item for group in groups if isinstance(group, list) for item in group]
    named += _poetry_development(project)
    pipenv = _toml(folder / "Pipfile").get("dev-packages")
    named += list(pipenv) if isinstance(pipenv, dict) else []
    if any(isinstance(item, str) and _requirement_name(item) == "black" for item in named):
        return BLACK
    texts = _texts(folder, ("setup.py", "requirements-dev.txt", "dev-requirements.txt"))
    return BLACK if any(_BLACK_REQUIREMENT.search(text) for text in texts) else None


def _poetry_development(document: Mapping[str, Any]) -> list[str]:
    """The packages Poetry's groups (``[tool.poetry.group.<name>.dependencies]``) and its older
    ``[tool.poetry.dev-dependencies]`` name: the tables' keys. caso 5.2.2 pins black in its
    test-black group; ``[tool.poetry.dependencies]`` are the project's own requirements, read
    no more than ``[project] dependencies``."""
    poetry = table(document, "tool", "poetry")
    tables = [table(group, "dependencies") for group in table(poetry, "group").values()]
    return [name for found in (*tables, table(poetry, "dev-dependencies")) for name in found]


def _toml(path: Path) -> Mapping[str, Any]:
    """The TOML document at ``path``; empty where there is none that reads."""
    try:
        return read_pyproject(path)
    except (OSError, TOMLDecodeError, UnicodeDecodeError):
        return {}


def _texts(folder: Path, names: Iterable[str]) -> Iterator[str]:
    """The text of each of the files ``names`` in ``folder`` that can be read, in order."""
    for name in names:
        try:
            yield (folder / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s\[=<>~!;@]", requirement.strip(), maxsplit=1)[0].lower()
