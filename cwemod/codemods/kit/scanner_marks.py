"""Lines where the project silenced a security scanner on purpose.

Bandit's ``# nosec`` (with or without test ids) and ruff's ``# noqa``
naming an ``S`` rule both say the project reviewed the line: a codemod
leaves such a site alone and says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Bandit's nosec comment (with or without test ids), and ruff's noqa comment naming an S rule.
_SILENCED = re.compile(r"#\s*(nosec\b|noqa:[\s\w,]*\bS\d{3})", re.IGNORECASE)


def silenced(lines: Sequence[str], start: int, end: int) -> bool:
    """Does a nosec comment (or a noqa one for an S rule) sit on lines ``start``..``end``?"""
    return any(_SILENCED.search(line) for line in lines[start - 1 : end])
