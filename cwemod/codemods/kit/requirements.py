"""What a project declares it depends on, read from its requirement files."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from cwemod.codemods.kit.ansible import is_collection

Release = tuple[int, ...]  # 4.7.0 as (4, 7, 0)

REQUIREMENT_FILES = ("requirements.txt", "setup.cfg", "pyproject.toml", "setup.py", "PKG-INFO")
# Where else a project lists what it installs: dirsearch's setup.py reads
# requirements/runtime.txt; an sdist's egg-info holds what setup.py declared.
_REQUIREMENT_GLOBS = ("requirements/*.txt", "*.egg-info/requires.txt")


@functools.lru_cache(maxsize=64)
def _declarations(root: str) -> tuple[str, ...]:
    folder = Path(root)
    paths = [folder / name for name in REQUIREMENT_FILES]
    paths += [path for pattern in _REQUIREMENT_GLOBS for path in sorted(folder.glob(pattern))]
    texts = []
    for path in paths:
        try:
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return tuple(texts)


def requires(root: str | None, distribution: str) -> bool | None:
    """Do the project's requirement files name ``distribution``?

    None when the project has no requirement file at its root: nothing is
    declared, so nothing can be checked; but an Ansible collection without
    one declares nothing (its modules run on hosts with the standard
    library). Names compare as pip compares them (``oslo.log``,
    ``oslo_log`` and ``oslo-log`` are one distribution).
    """
    texts = _declarations(root) if root is not None else ()
    if not texts:
        # An Ansible collection's modules run on hosts that have what it declares only.
        return False if root is not None and is_collection(Path(root)) else None
    return names_distribution(texts, distribution)


def names_distribution(texts: Iterable[str], distribution: str) -> bool:
    """Does one of the requirement files' ``texts`` name ``distribution``?"""
    pattern = _requirement(distribution)
    return any(pattern.search(text) for text in texts)


def _requirement(distribution: str) -> re.Pattern[str]:
    """A requirement of ``distribution``, its version specifier (up to a marker, a comment or
    the string's end) the group: a line of a requirements file or list, a string in
    setup.py's install_requires=[...] on one line, or PKG-INFO's Requires-Dist."""
    spelled = r"[._-]".join(re.escape(part) for part in re.split(r"[._-]", distribution))
    return re.compile(
        rf"(?:^\s*|[\"']|^Requires-Dist:\s*){spelled}(?![\w.-])(?:\[[^\]]*\])?"
        r"([^;#\"'\r\n]*)",
        re.MULTILINE | re.IGNORECASE,
    )


# A clause of a version specifier: ">=4.7.0", "<10", "~=4.7", "==9.*" ("!=" is no bound).
_CLAUSE = re.compile(r"(~=|==|<=|>=|<|>)\s*(\d+(?:\.\d+)*)(\.\*)?")


def only_versions(root: str | None, distribution: str, since: Release, before: Release) -> bool:
    """Does every requirement of ``distribution`` in the root's requirement files admit only
    its releases from ``since`` up to, not including, ``before``?

    False where one admits an older release (oslo.utils>=3.33.0 where 4.7.0 added the
    helper a codemod would name), or a newer one, having no upper bound (oslo.utils 10.0.0
    removed that helper), or where none names it.
    """
    texts = _declarations(root) if root is not None else ()
    found = [
        match.group(1) for text in texts for match in _requirement(distribution).finditer(text)
    ]
    return bool(found) and all(_within(specifier, since, before) for specifier in found)


def _within(specifier: str, since: Release, before: Release) -> bool:
    """Do the clauses of ``specifier`` (all of which hold) admit releases in [since, before)
    only? A floor of ``since`` or newer and a ceiling below ``before`` must be among them."""
    floors, ceilings = [], []  # a ceiling: the release and whether it is admitted itself
    for operator, number, wildcard in _CLAUSE.findall(specifier):
        release = tuple(int(part) for part in number.split("."))
        if operator in (">=", ">", "==", "~="):
            floors.append(_plain(release))
        if operator == "~=" or wildcard:  # ~=4.7.0 admits 4.7.x, ==9.* admits 9.x
            stem = release[:-1] if operator == "~=" and len(release) > 1 else release
            ceilings.append((_plain((*stem[:-1], stem[-1] + 1)), False))
        elif operator in ("==", "<=", "<"):
            ceilings.append((_plain(release), operator != "<"))
    return any(floor >= _plain(since) for floor in floors) and any(
        ceiling < _plain(before) or (ceiling == _plain(before) and not admitted)
        for ceiling, admitted in ceilings
    )


def _plain(release: Release) -> Release:
    """(10, 0, 0) as (10,): trailing zeros say nothing, so 10 and 10.0.0 compare equal."""
    parts = list(release)
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def requires_for_module(root: str | None, module_path: str, distribution: str) -> bool | None:
    """Is ``distribution`` declared where ``module_path`` finds its dependencies?

    A module in one of the project's packages has the project's
    requirements. One outside them (a Sphinx extension under ``doc/``, a
    script under ``tools/``) is run with the project's, or with those of a
    ``requirements.txt`` in a directory above it (``doc/requirements.txt``).
    None when no such file exists: nothing is declared.
    """
    declared = requires(root, distribution)
    if root is None or declared or is_packaged(root, module_path):
        return declared
    directory = Path(module_path).parent
    for above in (directory, *directory.parents):
        if above == Path("."):
            break
        nearer = requires(str(Path(root) / above), distribution)
        if nearer is not None:
            if nearer:
                return True
            declared = False
    return declared


def is_packaged(root: str | None, module_path: str) -> bool:
    """Is the module inside one of the project's top-level packages (installed with it)?"""
    top, separator, _ = module_path.partition("/")
    return bool(root and separator and (Path(root) / top / "__init__.py").is_file())
