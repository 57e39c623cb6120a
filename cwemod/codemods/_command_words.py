"""How many words an unquoted placeholder of a ``command-argv`` template stands for.

The shell split an unquoted value at blanks: ``'-o a=b -b path'`` became four
arguments and ``''`` none. An argument list keeps a value as exactly one
argument, so a bare placeholder may only become one argument when its value
is *known* to be one word:

- a number conversion without padding (``%d``, ``%i``, ``{:d}``, ...);
- an integer literal, or ``int()``/``len()`` of something;
- a local variable every assignment of which, in the function, is such a
  literal or a non-empty string literal made only of characters the shell
  leaves alone (no blanks, quotes, globs, ``$``, ...);
- a module constant every assignment of which is such a literal (a call
  such as ``int(os.environ[...])`` is not: a name the function only reads is
  otherwise of unknown shape, as is an enclosing function's variable).

A value the function shows to hold several words or none (a literal with
blanks, an empty string, text added with ``+=``), and a value whose name says
it is a list of options (``opt``, ``args``, ``flags``, ...), keeps the shell's
splitting: ``*shlex.split(opt)``. A value the function hands to an
``os.path`` function is one path, which the shell split only where it held
blanks (a bug the list mends, said at review). Any other value cannot be
told apart and is refused. A name is a hint for choosing between splitting and refusing, never
proof that a value is one word.
"""

from __future__ import annotations

import dataclasses
import enum
import re

import libcst as cst
from libcst.metadata import FunctionScope, ScopeProvider

from cwemod.codemods._command_plan import (
    SPLIT_UNKNOWN_REASON,
    UNKNOWN_WORDS_REASON,
    UNSPLITTABLE_REASON,
    Refused,
    with_names,
)
from cwemod.codemods._shell_template import Placeholder, Word
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.names import last_name
from cwemod.codemods.kit.parents import ParentProvider, enclosing_function
from cwemod.codemods.records import RefusalKind

# A number formatted without width padding never holds a blank.
_NUMBER_SPEC = re.compile(
    r"^(%[#+]*(0\d+)?(\.\d+)?[diouxXeEfFgG]|:[#+]*(0\d+)?(\.\d+)?[dboxXeEfFgG%])$"
)
# Characters no POSIX shell treats specially in an unquoted word.
_PLAIN_WORD = re.compile(r"^[A-Za-z0-9_.,:=@%+/-]+$")
_OPTIONS_NAME = re.compile(
    r"^_*(opts?|options?|args?|argv|arguments?|flags?|params?|parameters?|switches)$"
    r"|_(opts?|options|args|argv|arguments|flags|params|parameters|switches)$"
    r"|^_*extra(_|$)",
    re.IGNORECASE,
)
_NUMBER_FUNCTIONS = frozenset({"int", "len"})
_OS_PATH_CALL = m.Attribute(value=m.Attribute(m.Name("os"), m.Name("path")))


class Shape(enum.Enum):
    ONE_WORD = "one word"
    ONE_WORD_TEXT = "a str of one word, traced in the function"
    SEVERAL_TEXT = "a str of several words or none, traced in the function"
    SEVERAL = "several words or none, by its name"
    PATH = "one path, by its use in the function"
    UNKNOWN = "unknown"

    @property
    def splits(self) -> bool:
        """The shell's splitting of such a value must be kept."""
        return self in (Shape.SEVERAL_TEXT, Shape.SEVERAL)


class WordShapes:
    """Traces placeholder values through the codemod's scope and parent metadata."""

    def __init__(self, codemod: Codemod) -> None:
        self._codemod = codemod

    def of(self, placeholder: Placeholder) -> Shape:
        if _NUMBER_SPEC.match(placeholder.spec):
            return Shape.ONE_WORD
        value = placeholder.value
        if _is_number(value):
            return Shape.ONE_WORD
        if isinstance(value, cst.Name):
            traced = self._traced(value)
            if traced is not Shape.UNKNOWN:
                return traced
        if _OPTIONS_NAME.search(last_name(value)):
            return Shape.SEVERAL
        if self._used_as_path(value):
            return Shape.PATH
        return Shape.UNKNOWN

    def _used_as_path(self, value: cst.BaseExpression) -> bool:
        """Does the function hand ``value`` (a name, or an attribute of ``self``) to an
        ``os.path`` function (nikola's ``os.path.exists(self.output_folder)``)?"""
        if not (isinstance(value, cst.Name) or m.matches(value, m.Attribute(m.Name("self")))):
            return False
        function = enclosing_function(value, self._codemod.parent_of)
        if function is None:
            return False
        return any(
            m.matches(call.func, _OS_PATH_CALL)
            and any(arg.value.deep_equals(value) for arg in call.args)
            for call in m.findall(function, m.Call())
        )

    def _traced(self, name: cst.Name) -> Shape:
        """The shape the function's own assignments of ``name`` show, if they show one; of a
        name it only reads, the shape a module constant's literals show (gpustat's
        ``__version__``, from the environment, and a closure's variable show none)."""
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        if not isinstance(scope, FunctionScope) or name.value not in scope:
            return Shape.UNKNOWN
        bindings = scope[name.value]
        if all(binding.scope is scope for binding in bindings):
            return _settled([self._assigned(binding.node) for binding in bindings])
        if not all(binding.scope is scope.globals for binding in bindings):
            return Shape.UNKNOWN
        shapes = [self._assigned(binding.node, literal=True) for binding in bindings]
        shape = _settled(shapes)
        return shape if shape in (Shape.ONE_WORD_TEXT, Shape.ONE_WORD) else Shape.UNKNOWN

    def _assigned(self, node: cst.CSTNode, literal: bool = False) -> object:
        """What one assignment of a name puts in it: a :class:`Shape` or a marker below.
        ``literal``: only a literal shows a shape (a module constant's binding)."""
        parent = self._codemod.get_metadata(ParentProvider, node, None)
        if isinstance(parent, cst.AugAssign):
            return _ADDED if isinstance(parent.operator, cst.AddAssign) else Shape.UNKNOWN
        if not isinstance(parent, cst.AssignTarget):
            return Shape.UNKNOWN
        statement = self._codemod.get_metadata(ParentProvider, parent, None)
        if not isinstance(statement, cst.Assign):
            return Shape.UNKNOWN
        value = statement.value
        if isinstance(value, cst.Integer) or (not literal and _is_number(value)):
            return Shape.ONE_WORD
        if isinstance(value, cst.SimpleString) and "b" not in value.prefix.lower():
            text = value.evaluated_value
            if isinstance(text, str) and _PLAIN_WORD.match(text):
                return _ONE_WORD_TEXT
            if isinstance(text, str) and (not text or any(c.isspace() for c in text)):
                return Shape.SEVERAL_TEXT
        return Shape.UNKNOWN


def _settled(shapes: list[object]) -> Shape:
    """The shape every one of a name's assignments (``shapes``, at least one) shows, if any."""
    if not shapes:
        return Shape.UNKNOWN
    if all(shape is _ONE_WORD_TEXT for shape in shapes):
        return Shape.ONE_WORD_TEXT
    if all(shape in (_ONE_WORD_TEXT, Shape.ONE_WORD) for shape in shapes):
        return Shape.ONE_WORD
    # ``+=`` adds words only to a str: every other assignment must be a str literal.
    if all(shape in (_ONE_WORD_TEXT, Shape.SEVERAL_TEXT, _ADDED) for shape in shapes):
        return Shape.SEVERAL_TEXT
    return Shape.UNKNOWN


# Markers for one assignment: a one-word str literal, and text added with ``+=``.
_ONE_WORD_TEXT = object()
_ADDED = object()


def settle_words(words: list[Word], shapes: WordShapes, shell: bool) -> None:
    """Mark the words whose bare values keep the shell's splitting; refuse unknown values.

    ``shell``: the words were split by a shell (else by ``str.split()``).
    """
    unknown = []
    for word in words:
        shape_of = {placeholder: shapes.of(placeholder) for placeholder in word.bare}
        unknown += [p for p, shape in shape_of.items() if shape is Shape.UNKNOWN]
        for placeholder, shape in shape_of.items():
            if shape in (Shape.ONE_WORD_TEXT, Shape.SEVERAL_TEXT):
                known_as_str(word, placeholder)
        word.splits = any(shape.splits for shape in shape_of.values())
        word.paths = [p for p, shape in shape_of.items() if shape is Shape.PATH]
        if word.splits and shell and not splittable(word):
            raise Refused(RefusalKind.ADVICE_ONLY, with_names(UNSPLITTABLE_REASON, word.bare))
    if unknown:
        reason = UNKNOWN_WORDS_REASON if shell else SPLIT_UNKNOWN_REASON
        raise Refused(RefusalKind.ADVICE_ONLY, with_names(reason, unknown))


def splittable(word: Word) -> bool:
    """Can ``shlex.split`` of the formatted word split it as the shell did?

    Only when every placeholder in it was bare and its text holds nothing
    that shlex would read differently from the shell's quoted text.
    """
    if word.bare != word.placeholders:
        return False
    text = "".join(segment for segment in word.segments if isinstance(segment, str))
    return not any(c.isspace() or c in "'\"\\" for c in text)


def _is_number(value: cst.BaseExpression) -> bool:
    if isinstance(value, cst.Integer):
        return True
    return (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value in _NUMBER_FUNCTIONS
    )


def known_as_str(word: Word, placeholder: Placeholder) -> None:
    """Record in ``word`` that ``placeholder``'s value is certainly a str (no ``str()`` needed)."""
    known = dataclasses.replace(placeholder, known_str=True)
    word.segments = [known if segment is placeholder else segment for segment in word.segments]
    word.bare = [known if bare is placeholder else bare for bare in word.bare]
