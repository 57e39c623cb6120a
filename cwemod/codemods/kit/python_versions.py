"""The Python a project, or one module, says it runs on.

A fix may use what only newer Pythons have (``hashlib``'s ``usedforsecurity``
came in 3.9): a codemod asks :attr:`Project.oldest_python` (the project's
``requires-python``, else its classifiers, else a universal wheel's 2.7) before it does, and
:func:`lacks_with_statement` where a module's comments name an older one.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from cwemod.codemods.kit.pyproject import TOMLDecodeError, read_pyproject

Version = tuple[int, int]

# The lower bounds of a version specifier: ">=3.6", "~=3.8", "==3.10.*" (">3.5" is taken as
# 3.5), and ">=3" (paste's), which admits 3.0.
_LOWER_BOUND = re.compile(r"(?:>=|>|~=|==)\s*(\d+)(?:\.(\d+))?")
_CLASSIFIER = re.compile(r"Programming Language :: Python :: (\d+)\.(\d+)\b")
_MAJOR = re.compile(r"Programming Language :: Python :: (\d+)(?![\d.])")
_SETUP_PY_REQUIRES = re.compile(r"python_requires\s*=\s*['\"]([^'\"]+)['\"]")


# A comment that names a Python 2 older than 2.6, as os-xenapi's dom0 plugins say of
# XenServer's ("must use only Python 2.4 features").
# Not a before_after case's own "# case: oldest-python 2.4", which says what the project does.
_OLD_PYTHON_COMMENT = re.compile(
    r"^[ \t]*#.*(?<![\w-])python\s*2\.[0-5]\b", re.IGNORECASE | re.MULTILINE
)


WITH_STATEMENT: Version = (2, 6)  # before, ``with`` needs ``from __future__ import``


def lacks_with_statement(source: str, oldest: Version | None = None) -> bool:
    """Does the module run on a Python without ``with``, and not import it from ``__future__``?

    As a comment says (2.5 or older), or as the project declares (``oldest``:
    mitogen's ``python_requires='>=2.4'``, whose modules run on the hosts' Python).
    """
    if "with_statement" in source:
        return False
    declared_old = oldest is not None and oldest < WITH_STATEMENT
    return declared_old or _OLD_PYTHON_COMMENT.search(source) is not None


def oldest_python(root: Path) -> Version | None:
    """The oldest ``major.minor`` the project at ``root`` declares; None when it says none."""
    texts = {name: _text(root / name) for name in _DECLARING}
    declared = _requires_python(root, texts)
    if declared is not None:
        bounds = [(int(major), int(minor or 0)) for major, minor in _LOWER_BOUND.findall(declared)]
        return min(bounds) if bounds else None
    listed = [
        (int(major), int(minor))
        for text in texts.values()
        for major, minor in _CLASSIFIER.findall(text)
    ]
    if listed:
        return min(listed)
    # Only "Python :: 3" (detect-secrets 1.5, which ran on 3.8): it admits 3.0; "Python :: 2"
    # (genshi's) is 2.7, the one a project that says so runs on (as a universal wheel's).
    majors = [
        (int(major), 7 if major == "2" else 0)
        for text in texts.values()
        for major in _MAJOR.findall(text)
    ]
    if majors:
        return min(majors)
    # sqlmap's setup.cfg: [bdist_wheel] universal = 1, one wheel for Python 2 and 3
    return (2, 7) if _UNIVERSAL_WHEEL.search(texts["setup.cfg"]) else None


# A universal wheel runs on Python 2 as well as 3.
_UNIVERSAL_WHEEL = re.compile(
    r"^\[(?:bdist_)?wheel\][^\[]*^\s*universal\s*=\s*(?:1|true)\b", re.MULTILINE | re.IGNORECASE
)


# The files that may say it; an sdist's PKG-INFO says what setup.py computed (Cheetah3's
# python_requires lives in a SetupConfig.py that setup.py imports).
_DECLARING = ("pyproject.toml", "setup.cfg", "setup.py", "PKG-INFO")
_PKG_INFO_REQUIRES = re.compile(r"^Requires-Python:[ \t]*(\S[^\r\n]*)", re.MULTILINE)


def _requires_python(root: Path, texts: dict[str, str]) -> str | None:
    """The version specifier of ``requires-python`` (pyproject.toml) or ``python_requires``,
    from ``texts``, the :data:`_DECLARING` files' texts."""
    if "requires-python" in texts["pyproject.toml"]:
        try:
            found = read_pyproject(root / "pyproject.toml").get("project", {})
        except (OSError, UnicodeDecodeError, TOMLDecodeError):
            found = {}
        value = found.get("requires-python") if isinstance(found, dict) else None
        if isinstance(value, str):
            return value
    if "python_requires" in texts["setup.cfg"]:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(texts["setup.cfg"])
        except configparser.Error:
            parser.clear()
        value = parser.get("options", "python_requires", fallback=None)
        if value is not None:
            return value
    found_in_setup_py = _SETUP_PY_REQUIRES.search(texts["setup.py"])
    if found_in_setup_py:
        return found_in_setup_py.group(1)
    found_in_pkg_info = _PKG_INFO_REQUIRES.search(texts["PKG-INFO"])
    return found_in_pkg_info.group(1) if found_in_pkg_info else None


def _text(path: Path) -> str:
    if not path.is_file():
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
