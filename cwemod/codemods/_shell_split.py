"""Splitting a template into argument words, as a shell or ``str.split()`` would."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from cwemod.codemods._shell_template import Piece, Placeholder, TemplateError, Word

SHELL_SYNTAX = "shell syntax outside quotes"
_SHELL_SYNTAX = {
    "|": "a pipe or ||",
    "&": "& or &&",
    ";": "a ; command separator",
    "<": "a redirection",
    ">": "a redirection",
    "(": "a subshell or parenthesis",
    ")": "a subshell or parenthesis",
    "$": "a $ expansion",
    "`": "a backtick command substitution",
    "\\": "a backslash escape",
    "\n": "a newline (command separator)",
    "*": "a glob (*)",
    "?": "a glob (?)",
    "[": "a glob ([...])",
    "]": "a glob ([...])",
    "{": "a brace expansion",
    "}": "a brace expansion",
    "~": "a ~ home directory expansion",
}
_BLANKS = " \t"
_GLOBS = "*?[]"
# Words no shell globs (a bracket expression needs both brackets in one word): the test
# command and the argument that closes it.
_TEST_BRACKETS = frozenset({"[", "[[", "]", "]]"})
# What ends an unquoted word: a blank, or an operator.
_WORD_ENDS = _BLANKS + "\n;&|<>()"


def split_shell(pieces: Sequence[Piece]) -> list[Word]:
    """Words of the template as ``sh -c`` would split them (POSIX, no expansion allowed)."""
    words: list[Word] = []
    word = Word()
    quote: str | None = None
    characters = list(_characters(pieces))
    for index, piece in enumerate(characters):
        if isinstance(piece, Placeholder):
            if piece.quoted_by_call and quote is not None:
                raise TemplateError(
                    "shlex.quote() output sits inside quotes, so its quotes are literal"
                )
            word.add(piece)
            if quote is None and not piece.quoted_by_call:
                word.bare.append(piece)
            continue
        if quote == "'":
            if piece == "'":
                quote = None
            else:
                word.add(piece)
        elif quote == '"':
            if piece == '"':
                quote = None
            elif piece in "$`\\":
                raise TemplateError(f"{_SHELL_SYNTAX[piece]} inside double quotes")
            else:
                word.add(piece)
        elif piece in _BLANKS:
            if word.started:
                words.append(word)
            word = Word()
        elif piece in "'\"":
            quote = piece
            word.started = True
        elif _merges_stderr_at_the_end(word, characters[index:]):
            raise TemplateError(f"{SHELL_SYNTAX}: {_MERGED_STDERR}")
        elif _test_bracket(word, characters[index:]):
            word.add(piece)  # bifrost's '[ $(whoami) == root ]': the test command, no glob
        elif piece in _SHELL_SYNTAX:
            raise TemplateError(
                f"{SHELL_SYNTAX}: {_SHELL_SYNTAX[piece]}",
                piece in _GLOBS and not _starts_with_a_literal(word),
            )
        elif piece == "#" and not word.started:
            raise TemplateError(f"{SHELL_SYNTAX}: a # comment")
        else:
            word.add(piece)
    if quote is not None:
        raise TemplateError("an unterminated quote")
    if word.started:
        words.append(word)
    return words


def split_whitespace(pieces: Sequence[Piece]) -> list[Word]:
    """Words as ``str.split()`` gives them once the template is formatted; every placeholder is bare."""
    words: list[Word] = []
    word = Word()
    for piece in _characters(pieces):
        if isinstance(piece, str) and piece.isspace():
            if word.started:
                words.append(word)
            word = Word()
            continue
        if isinstance(piece, Placeholder) and piece.quoted_by_call:
            raise TemplateError(
                "shlex.quote() output is split by str.split(), so its quotes are literal"
            )
        word.add(piece)
        if isinstance(piece, Placeholder):
            word.bare.append(piece)
    if word.started:
        words.append(word)
    return words


# Commands that exist only inside a shell: without one they fail or do nothing.
SHELL_BUILTINS = frozenset(
    """
    . : alias bg break builtin case cd command continue declare dirs do done elif else
    esac eval exec exit export fc fg fi for function getopts hash history if jobs let
    local logout popd pushd read readonly return select set shift source then time times
    trap type typeset ulimit umask unalias unset until wait while ! [[ { }
    """.split()
)
# The test command: /usr/bin has it too, but ``['[', '-d', path, ']']`` is a shell test
# spelled as a list, which a reviewer would have written as os.path.isdir(path).
_TEST_COMMANDS = frozenset({"[", "test"})
_ASSIGNMENT_PREFIX = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")


_ENVIRONMENT_PREFIX = "a VAR=value prefix sets the environment through the shell"
_INTERPOLATED_PROGRAM = "the program name itself is interpolated"
# How the refusals start that a template alone decides, whatever else the code does with
# it: its shell syntax, and a program that is no plain name.
TEMPLATE_REASONS = (SHELL_SYNTAX, _ENVIRONMENT_PREFIX, _INTERPOLATED_PROGRAM)


def check_program(words: Sequence[Word]) -> None:
    """Refuse commands whose first word does not name a program to run."""
    if not words:
        raise TemplateError("the command is empty")
    head = words[0].segments[0] if words[0].segments else ""
    # gpustat's "GPUSTAT_VERSION='{}' sh -c ...": the value may be interpolated, not the name
    if isinstance(head, str) and _ASSIGNMENT_PREFIX.match(head):
        raise TemplateError(_ENVIRONMENT_PREFIX)
    program = words[0].text
    if program is None:
        raise TemplateError(_INTERPOLATED_PROGRAM)
    if program in SHELL_BUILTINS:
        raise TemplateError(f"{program!r} is a shell builtin or keyword, not a program")
    if program in _TEST_COMMANDS:
        raise TemplateError(
            f"{program!r} is the shell's test command (os.path or os.access tests the same in Python)"
        )


_MERGED_STDERR = "2>&1 sends stderr to stdout: run the argument list with stderr=subprocess.STDOUT"


def _merges_stderr_at_the_end(word: Word, rest: Sequence[Piece]) -> bool:
    """Is the command's only shell syntax a closing ``2>&1`` (planemo's xmllint)?"""
    return (
        word.text == "2"
        and all(isinstance(piece, str) for piece in rest)
        and "".join(rest).rstrip(_BLANKS) == ">&1"  # type: ignore[arg-type]
    )


def _characters(pieces: Iterable[Piece]) -> Iterator[Piece]:
    for piece in pieces:
        if isinstance(piece, str):
            yield from piece
        else:
            yield piece


def _test_bracket(word: Word, rest: Sequence[Piece]) -> bool:
    """Is the bracket at the head of ``rest`` in a word that is exactly ``[``, ``[[``, ``]``
    or ``]]`` (the test command and its closing argument), which no shell globs?"""
    so_far = word.text
    if so_far is None or rest[0] not in ("[", "]"):
        return False
    brackets = "".join(itertools.takewhile(lambda piece: piece in ("[", "]"), rest))
    after = rest[len(brackets)] if len(brackets) < len(rest) else None
    ends = after is None or (isinstance(after, str) and after in _WORD_ENDS)
    return ends and so_far + brackets in _TEST_BRACKETS


def _starts_with_a_literal(word: Word) -> bool:
    """Does ``word`` begin with literal text other than ``-`` (delegator's ``dist/*``)? Every
    name a glob there expands to begins the same way, so none passes for an option."""
    first = word.segments[0] if word.segments else None
    return isinstance(first, str) and first[:1] not in ("", "-")
