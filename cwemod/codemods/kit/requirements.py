"""What a project declares it depends on, read from its requirement files."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from cwemod.codemods.kit.ansible import is_collection

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
    spelled = r"[._-]".join(re.escape(part) for part in re.split(r"[._-]", distribution))
    # A line of a requirements file or list, a string in setup.py's install_requires=[...]
    # on one line, or PKG-INFO's Requires-Dist.
    pattern = re.compile(
        rf"(?:^\s*|[\"']|^Requires-Dist:\s*){spelled}(?![\w.-])", re.MULTILINE | re.IGNORECASE
    )
    return any(pattern.search(text) for text in texts)


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
