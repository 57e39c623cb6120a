"""Command templates: the pieces, words and errors the shell-template steps share.

A *template* is the text of a command string with its interpolated values
(placeholders) kept opaque: ``'ip link set %s up' % dev`` is the text
``ip link set ``, the placeholder ``dev`` and the text `` up``. Splitting it
with POSIX shell rules gives one argument per word, each placeholder staying
inside the word it was written in. A word is then rendered back as a Python
expression: a literal, the value itself, or the word's own piece of the
template built the same way (``'net.ipv4.conf.%s.proxy_arp=1' % name``).

Anything the shell would treat as syntax rather than a word separator raises
:class:`TemplateError` with a reason: the rewrite would change what runs.

The steps live beside this module: ``_shell_read`` (expression -> template),
``_shell_split`` (template -> words) and ``_shell_render`` (word -> expression).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

# Styles a placeholder (and the word holding it) is built in.
PERCENT, FORMAT, FSTRING, CONCAT = "%", "format", "f-string", "+"


class TemplateError(Exception):
    """The string cannot be turned into an argument list; ``str(error)`` says why.

    ``expands_file_names``: the refused syntax is a glob, which injects file
    names (and options disguised as file names) even into a constant command.
    """

    def __init__(self, reason: str, expands_file_names: bool = False) -> None:
        super().__init__(reason)
        self.expands_file_names = expands_file_names


@dataclass(frozen=True, eq=False)
class Placeholder:
    """One interpolated value of a template.

    ``spec`` is how the template formats it, in its own ``style``: ``"%d"``
    for ``%``, ``"!s:>4"`` for ``.format``/f-strings (empty for a plain
    ``{}``). ``group`` identifies the template it came from, so a word mixing
    two templates can be told apart. ``known_str`` is true when the value is
    certainly a ``str`` (a ``+`` operand, a ``shlex.quote`` argument).
    """

    value: cst.BaseExpression
    style: str
    spec: str
    group: int
    known_str: bool = False
    quoted_by_call: bool = False  # the template wrapped it in shlex.quote()
    percent_tuple: bool = False  # came from ``'...' % (a, b)``, not ``'...' % a``
    fstring_part: cst.FormattedStringExpression | None = None

    @property
    def plain(self) -> bool:
        """Formatting it is just ``str(value)``."""
        return self.spec in ("%s", "", "!s")


Piece = str | Placeholder


@dataclass
class Template:
    pieces: list[Piece]
    quote: str = "'"  # quote character of the source literal, reused for new literals
    quote_calls: list[cst.Call] = field(default_factory=list)  # shlex.quote() calls dropped

    @property
    def placeholders(self) -> list[Placeholder]:
        return [piece for piece in self.pieces if isinstance(piece, Placeholder)]


@dataclass
class Word:
    """One argument: text and placeholders; ``bare`` placeholders stood outside quotes."""

    segments: list[Piece] = field(default_factory=list)
    bare: list[Placeholder] = field(default_factory=list)
    started: bool = False  # an empty quoted word ('') is still a word
    # Rendered split at run time (``*shlex.split(...)``): its bare value may hold several words.
    splits: bool = False
    # Bare values the function uses as one path (``os.path.exists(value)``): kept whole.
    paths: list[Placeholder] = field(default_factory=list)

    def add(self, piece: Piece) -> None:
        self.started = True
        if isinstance(piece, str) and self.segments and isinstance(self.segments[-1], str):
            self.segments[-1] += piece
        else:
            self.segments.append(piece)

    @property
    def text(self) -> str | None:
        """The word's text when it has no placeholder."""
        if any(isinstance(segment, Placeholder) for segment in self.segments):
            return None
        return "".join(segment for segment in self.segments if isinstance(segment, str))

    @property
    def placeholders(self) -> list[Placeholder]:
        return [segment for segment in self.segments if isinstance(segment, Placeholder)]
