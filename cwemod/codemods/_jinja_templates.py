"""jinja2-autoescape: the project's HTML templates that escaping would break.

``select_autoescape()`` escapes templates named ``.html``, ``.htm`` or
``.xml``. Inside a ``<script>`` or ``<style>`` block the browser does not
decode HTML entities, so an expression escaped there (Rally's
``$scope.data = {{ data }};``, or a whole library inserted with
``{{ include_raw_file(...) }}``) comes out with its quotes and angle
brackets as ``&#34;`` and ``&lt;``, and the script breaks. Such an
expression has to say it is code first (``|tojson`` or ``|safe``).
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

ESCAPED_EXTENSIONS = (".html", ".htm", ".xml")
_CODE_BLOCK = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
_RAW = re.compile(r"{%-?\s*raw\s*-?%}.*?{%-?\s*endraw\s*-?%}", re.DOTALL)
_EXPRESSION = re.compile(r"{{-?(.*?)-?}}", re.DOTALL)
_FILTER = re.compile(r"\|\s*(\w+)")
_MARKUP_FILTERS = frozenset({"safe", "tojson"})
_SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})
_LARGEST = 4 << 20  # bytes: a larger file is no hand-written template


@functools.lru_cache(maxsize=16)
def code_block_expression(directory: str) -> tuple[str, str, str] | None:
    """The first escaped template under ``directory`` that puts an expression in code.

    ``(template path relative to directory, "script" or "style",
    expression)``; None when every such expression is marked ``|tojson``
    or ``|safe`` (or inside ``{% raw %}``).
    """
    for path in _templates(Path(directory)):
        try:
            if path.stat().st_size > _LARGEST:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = _unmarked_in_code(text)
        if found is not None:
            return (path.relative_to(directory).as_posix(), *found)
    return None


def _templates(top: Path) -> list[Path]:
    found = []
    for directory, subdirectories, files in os.walk(top):
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith(".") and name not in _SKIPPED_DIRECTORIES
        )
        found += [Path(directory, name) for name in sorted(files)]
    return [path for path in found if path.suffix.lower() in ESCAPED_EXTENSIONS]


def _unmarked_in_code(text: str) -> tuple[str, str] | None:
    if "{{" not in text:
        return None
    text = _RAW.sub("", text)
    for block in _CODE_BLOCK.finditer(text):
        for expression in _EXPRESSION.finditer(block[2]):
            filters = set(_FILTER.findall(expression[1]))
            if not filters & _MARKUP_FILTERS:
                return block[1].lower(), " ".join(expression[1].split())
    return None
