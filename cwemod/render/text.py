"""Untrusted text (a report's messages, symbols, paths, reasons) made safe to print.

Reports are untrusted: a finding's message may hold rich markup (``[bold]``,
``[link=http://x]``) or terminal escape sequences (``\\x1b[31m``, an OSC 8
hyperlink ``\\x1b]8;;...``). Every output shows such text literally:

- Markup is never interpreted: rich output receives :class:`rich.text.Text`
  objects made by :func:`plain`, never a markup string.
- Control characters are shown, not sent: each C0 control character but the
  newline (so ESC, BEL, CR, backspace, NUL, and the tab), DEL, each C1 control
  character (``\\x9b`` is a CSI on some terminals) and the Unicode line
  separators and bidirectional overrides ("Trojan Source") are replaced by
  their Python escape, ``\\x1b``, ``\\x9b``, ``\\u202e``. Nothing is stripped,
  so what the report says stays readable. :func:`one_line` escapes the newline
  too (tab-separated rows, error lines). The diff of ``fix``'s pretty output is
  shown the same way (:func:`visible_code`; tabs and CRLF stay), as a file
  name or a line of code may hold escapes too; ``--format diff`` is exact.
- JSON keeps every value exact: :func:`json_safe` writes the characters that
  ``json.dumps`` leaves raw (DEL, C1, separators, overrides) as ``\\u`` escapes,
  which any JSON reader turns back into the same string.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_UNSAFE = "\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_UNSAFE}]")
_CONTROL_OR_NEWLINE = re.compile(f"[{_UNSAFE}\n]")
_CODE_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    return repr(match.group())[1:-1]


def visible(text: str) -> str:
    """``text`` with every control character but the newline written as its escape."""
    return _CONTROL.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` on one line: every control character, the newline too, as its escape."""
    return _CONTROL_OR_NEWLINE.sub(_escape, text)


def visible_code(text: str) -> str:
    """Like :func:`visible`, but a tab and the CR of a CRLF stay: a diff of code on a terminal."""
    return _CODE_CONTROL.sub(_escape, text)


def plain(text: str, style: str = "") -> Text:
    """A rich ``Text`` that shows ``text`` as it is: no markup, no raw escape."""
    from rich.text import Text  # only pretty output needs rich

    return Text(visible(text), style=style)


def json_safe(document: str) -> str:
    """JSON text with the characters ``json.dumps`` keeps raw written as ``\\u`` escapes.

    Those characters can only stand inside JSON strings, where an escape means
    the same character.
    """
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", document)
