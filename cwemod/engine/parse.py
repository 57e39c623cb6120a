"""The one way the engine parses with LibCST: refuse first what would crash it.

LibCST's native parser recurses once per level of nesting. Input nested
deeply enough (5,000 parentheses, a 20,000-term sum) overflows the stack
and kills the whole process with SIGSEGV, or runs for minutes first, since
its time grows with the square of a chain's length. A cheap, linear probe
of the source's shape runs first and refuses such input with
:class:`ParseError`, so that a hostile file fails alone.

Limits, measured with libcst 1.9 on an 8 MB stack: parentheses crash from
about 1,500 levels, lists, calls and subscripts take seconds from 500;
``lambda:`` chains crash from about 3,500, ``and``/``or`` chains and
``elif`` chains from about 7,000; ``1+1+...``, attribute, call and
subscript chains, unary and ``**`` chains take over 30 s at 5,000 terms.
CPython itself rejects more than 200 nested brackets, and LibCST more than
99 levels of indentation, so real code never gets near these limits: the
deepest file in CPython's standard library and a large set of installed
packages is a generated 569-level sum in sympy.
"""

from __future__ import annotations

import ast
import functools
import io
import re
import tokenize

import libcst as cst

from cwemod.codemods.kit.syntax import parse_ast

# CPython's tokenizer refuses more than this many open brackets.
MAX_BRACKETS = 200
# Nesting levels of the syntax tree; an ``and``/``or`` chain counts one level per
# operand, as LibCST nests it. About a third of what crashes the parser (lambda chains).
MAX_DEPTH = 1000

TOO_DEEP = "too deeply nested for cwemod"


class ParseError(Exception):
    """The file cannot be parsed, or is refused before parsing; ``str()`` says why."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def parse_module(text: str) -> cst.Module:
    """Parse ``text`` with LibCST after checking that its shape is safe to parse.

    Raises :class:`ParseError` saying why the file cannot be parsed.
    """
    check_shape(text)
    try:
        return cst.parse_module(text)
    except cst.ParserSyntaxError as error:
        line = error.raw_line
        message = error.message
        if message.startswith("tokenizer error"):
            # LibCST's native tokenizer reports its errors at line 1; CPython knows the line.
            found = _cpython_error_line(text)
            if found is None and (found := _indentation_switch(text)) is not None:
                # bpytop: 24 spaces inside a block of two tabs, which CPython reads
                message += (
                    " (Python reads this file; LibCST cannot follow this line's indentation,"
                    " spaces inside a block indented with tabs or the other way round)"
                )
            line = found or line
        raise ParseError(f"cannot parse: line {line}: {message}", line) from None


def _indentation_switch(text: str) -> int | None:
    """The first line indented deeper than its block in other characters than the block's
    indentation (two tabs, then 24 spaces), which CPython accepts and LibCST does not."""
    indents = [""]
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.INDENT:
                if not token.string.startswith(indents[-1]):
                    return token.start[0]
                indents.append(token.string)
            elif token.type == tokenize.DEDENT:
                indents.pop()
    except (tokenize.TokenError, SyntaxError):
        return None
    return None


def _cpython_error_line(text: str) -> int | None:
    try:
        compile(text, "<source>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as error:
        return error.lineno
    except (ValueError, RecursionError, MemoryError):
        return None
    return None


def check_shape(text: str) -> None:
    """Raise :class:`ParseError` when ``text`` is nested too deeply for LibCST to parse safely."""
    tree = stdlib_tree(text)
    if tree is not None:
        _check_tree(tree)
    else:
        _check_tokens(text)


def _too_deep(what: str, line: int | None) -> ParseError:
    where = f", line {line}" if line else ""
    return ParseError(f"cannot parse: nesting too deep ({what}{where})", line)


# CPython's own limits: more than 200 nested brackets, 100 levels of indentation.
_CPYTHON_NESTING_LIMITS = ("too many nested parentheses", "too many levels of indentation")


# The syntactic gate and the shape check both want the tree of the same text: parse it once.
@functools.lru_cache(maxsize=1)
def stdlib_tree(text: str) -> ast.Module | None:
    """The ``ast`` tree of ``text``; None when CPython cannot parse it but LibCST might.

    Raises :class:`ParseError` when CPython finds ``text`` nested too deeply.
    """
    try:
        return _cpython_tree(text)
    except (RecursionError, MemoryError):
        pass  # raised outside this handler, so that a traceback would not show both
    _check_tokens(text)  # says where, most of the time
    raise _too_deep("too complex for Python's own parser", None)


def _cpython_tree(text: str) -> ast.Module | None:
    try:
        return parse_ast(text)
    except SyntaxError as error:
        if error.msg.startswith(_CPYTHON_NESTING_LIMITS):
            raise _too_deep(error.msg, error.lineno) from None
        return None  # maybe newer syntax than this Python's: LibCST decides
    except ValueError:  # a null byte, on Python < 3.12
        return None


# Leaves that every operator and name carries: skipping them halves the walk.
_LEAVES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)


def _check_tree(tree: ast.Module) -> None:
    """Walk ``tree`` level by level, without recursion, and refuse it past ``MAX_DEPTH``.

    LibCST nests an ``and``/``or`` chain, so it counts one level per operand.
    """
    levels: dict[int, list[ast.AST]] = {0: [tree]}
    depth = 0
    while levels:
        nodes = levels.pop(depth, [])
        for node in nodes:
            below = depth + (len(node.values) - 1 if isinstance(node, ast.BoolOp) else 1)
            if below > MAX_DEPTH:
                raise _too_deep(f"more than {MAX_DEPTH} levels", getattr(node, "lineno", None))
            children = levels.setdefault(below, [])
            for name in node._fields:
                value = getattr(node, name, None)
                if isinstance(value, list):
                    children.extend(item for item in value if isinstance(item, ast.AST))
                elif isinstance(value, ast.AST) and not isinstance(value, _LEAVES):
                    children.append(value)
        depth += 1


# For source CPython cannot parse: a rough tokenizer, enough to count nesting.
_TOKEN = re.compile(
    r"""
    (?P<string>[rRbBuUfFtT]{0,2}(?:
        '''(?:[^'\\]|\\.|'(?!''))*'''
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      | '(?:[^'\\\r\n]|\\.)*'
      | "(?:[^"\\\r\n]|\\.)*"))
    | (?P<skip>\#[^\r\n]*|\\\r?\n|\\\r)
    | (?P<newline>\r\n?|\n)
    | (?P<open>[(\[{])
    | (?P<close>[)\]}])
    | (?P<number>\.?\d(?:[\w.]|(?<=[eE])[-+])*)
    | (?P<separator>,|;|(?:\*\*|//|>>|<<|[-+*/%@&|^])?=(?!=))
    | (?P<operator>\*\*|//|>>|<<|->|:=|[<>=!]=|[-+*/%@&|^~<>.])
    | (?P<name>[^\W\d]\w*)
    """,
    re.VERBOSE | re.DOTALL,
)
# Words that join the terms of one expression, and so nest it deeper in LibCST.
_JOINING = frozenset(
    {"and", "or", "not", "if", "else", "lambda", "await", "in", "is", "for", "from"}
)


def _check_tokens(text: str) -> None:
    """Count bracket nesting, and chains of operators and trailers between separators.

    Each bracket level adds the length of the chain around it, so operators
    nested in brackets add up, as they do in the parser; a comma or an
    assignment ends a chain, so long lists and tables stay shallow.
    """
    nesting = _Nesting()
    line_begin, line_start = 0, True
    for match in _TOKEN.finditer(text):
        kind, word = match.lastgroup, match.group()
        if kind in ("skip", "number"):
            continue
        if kind == "newline":
            if nesting.logical_line_ends():
                line_begin, line_start = match.end(), True
            continue
        if line_start:
            line_start = False
            nesting.statement(match.start() - line_begin, word)
        if kind == "open":
            nesting.open()
        elif kind == "close":
            nesting.close()
        elif kind == "separator":
            nesting.chain = 0
        elif kind in ("operator", "string") or word in _JOINING:
            nesting.chain += 1
        if problem := nesting.problem():
            raise _too_deep(problem, _line(text, match.start()))


class _Nesting:
    """How deep the parser would recurse at the current token, roughly."""

    def __init__(self) -> None:
        self.outer: list[tuple[int, int]] = []  # (base, chain) outside each open bracket
        self.base = 0  # depth at the innermost open bracket
        self.chain = 0  # operators and trailers since the last separator inside it
        self.elif_runs: dict[int, int] = {}  # column -> consecutive ``elif`` clauses there
        self.elifs = 0  # clauses in the run the current statement continues

    def open(self) -> None:
        self.chain += 1  # a call or subscript continues the chain around it
        self.outer.append((self.base, self.chain))
        self.base, self.chain = self.base + self.chain, 0

    def close(self) -> None:
        self.base, self.chain = self.outer.pop() if self.outer else (0, 0)

    def logical_line_ends(self) -> bool:
        if self.outer:
            return False
        self.chain = 0
        return True

    def statement(self, column: int, word: str) -> None:
        """LibCST nests each ``elif`` in the one before; a statement not nested in one ends it."""
        for deeper in [other for other in self.elif_runs if other > column]:
            del self.elif_runs[deeper]
        self.elifs = 0
        if word == "elif":
            self.elifs = self.elif_runs[column] = self.elif_runs.get(column, 0) + 1
        elif word != "else":
            self.elif_runs.pop(column, None)

    def problem(self) -> str | None:
        if len(self.outer) > MAX_BRACKETS:
            return f"more than {MAX_BRACKETS} nested brackets"
        if self.base + self.chain > MAX_DEPTH:
            return f"more than {MAX_DEPTH} levels"
        if self.elifs > MAX_DEPTH:
            return f"more than {MAX_DEPTH} elif clauses"
        return None


def _line(text: str, offset: int) -> int:
    before = text[:offset]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1
