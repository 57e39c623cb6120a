"""What a project declares it depends on, read from its requirement files."""

from __future__ import annotations

import functools
import re
from pathlib import Path

REQUIREMENT_FILES = ("requirements.txt", "setup.cfg", "pyproject.toml")


@functools.lru_cache(maxsize=64)
def _declarations(root: str) -> tuple[str, ...]:
    texts = []
    for name in REQUIREMENT_FILES:
        try:
            texts.append((Path(root) / name).read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return tuple(texts)


def requires(root: str | None, distribution: str) -> bool | None:
    """Do the project's requirement files name ``distribution``?

    None when the project has no requirement file at its root: nothing is
    declared, so nothing can be checked. Names compare as pip compares them
    (``oslo.log``, ``oslo_log`` and ``oslo-log`` are one distribution).
    """
    texts = _declarations(root) if root is not None else ()
    if not texts:
        return None
    spelled = r"[._-]".join(re.escape(part) for part in re.split(r"[._-]", distribution))
    pattern = re.compile(rf"^\s*[\"']?{spelled}(?![\w.-])", re.MULTILINE | re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


def is_packaged(root: str | None, module_path: str) -> bool:
    """Is the module inside one of the project's top-level packages (installed with it)?"""
    top, separator, _ = module_path.partition("/")
    return bool(root and separator and (Path(root) / top / "__init__.py").is_file())
