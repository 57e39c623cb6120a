"""Command templates: read a Python string expression, split it like a shell.

A *template* is the text of a command string with its interpolated values
(placeholders) kept opaque: ``'ip link set %s up' % dev`` is the text
``ip link set ``, the placeholder ``dev`` and the text `` up``. Splitting it
with POSIX shell rules gives one argument per word, each placeholder staying
inside the word it was written in. A word is then rendered back as a Python
expression: a literal, the value itself, or the word's own piece of the
template built the same way (``'net.ipv4.conf.%s.proxy_arp=1' % name``).

Anything the shell would treat as syntax rather than a word separator raises
:class:`TemplateError` with a reason: the rewrite would change what runs.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import libcst as cst

from cwemod.codemods.kit.calls import has_unpacking
from cwemod.codemods.kit.quotes import escaped, string_literal
from cwemod.codemods.kit.source import code_of

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


# -- reading a Python expression as a template -------------------------------

QuoteCall = Callable[[cst.Call], bool]  # is this call shlex.quote() (or pipes.quote())?

_PERCENT_FIELD = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?(?P<flags>[#0\- +]*)(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d+))?"
    r"[hlL]?(?P<type>[diouxXeEfFgGcrsa%])"
)


class _Reader:
    def __init__(self, is_quote_call: QuoteCall) -> None:
        self.is_quote_call = is_quote_call
        self.groups = 0
        self.quote: str | None = None
        self.quote_calls: list[cst.Call] = []

    def new_group(self) -> int:
        self.groups += 1
        return self.groups

    def read(self, node: cst.BaseExpression) -> list[Piece]:
        if isinstance(node, cst.SimpleString):
            return [self.literal_text(node)]
        if isinstance(node, cst.ConcatenatedString):
            return self.read(node.left) + self.read(node.right)
        if isinstance(node, cst.FormattedString):
            return self.read_fstring(node)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo):
            return self.read_percent(node)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            return self.read_concat(node)
        if _is_format_call(node):
            return self.read_format(node)  # type: ignore[arg-type]
        raise TemplateError("the command is not a string template the tool can read")

    def literal_text(self, node: cst.SimpleString) -> str:
        if "b" in node.prefix.lower():
            raise TemplateError("the command is a bytes string")
        self.quote = self.quote or node.quote[0]
        value = node.evaluated_value
        assert isinstance(value, str)
        return value

    def placeholder(self, value: cst.BaseExpression, **details: object) -> Piece:
        if isinstance(value, cst.SimpleString) and details.get("spec") in (
            "%s",
            "",
            "!s",
        ):
            # A literal value is part of the command text: the shell parsed it too.
            return self.literal_text(value)
        known_str = bool(details.pop("known_str", False)) or _certainly_str(value)
        quoted_by_call = False
        if isinstance(value, cst.Call) and self.is_quote_call(value):
            if len(value.args) != 1 or value.args[0].keyword is not None or value.args[0].star:
                raise TemplateError("shlex.quote() is called in a way the tool does not understand")
            self.quote_calls.append(value)
            value, known_str, quoted_by_call = value.args[0].value, True, True
        return Placeholder(
            value=value, known_str=known_str, quoted_by_call=quoted_by_call, **details
        )  # type: ignore[arg-type]

    # ``'...' % values``
    def read_percent(self, node: cst.BinaryOperation) -> list[Piece]:
        if not isinstance(node.left, (cst.SimpleString, cst.ConcatenatedString)):
            raise TemplateError("the % template is not a string literal")
        raw = self.read(node.left)
        if any(isinstance(piece, Placeholder) for piece in raw):
            raise TemplateError("the % template is itself formatted")
        text = "".join(piece for piece in raw if isinstance(piece, str))
        fields = list(_PERCENT_FIELD.finditer(text))
        group = self.new_group()
        specs = [f for f in fields if f.group("type") != "%"]
        values = self.percent_values(node.right, specs)
        pieces: list[Piece] = []
        position = 0
        for match in fields:
            _reject_stray_percent(text[position : match.start()])
            pieces.append(text[position : match.start()])
            position = match.end()
            if match.group("type") == "%":
                pieces.append("%")
                continue
            if match.group("type") in "ra":
                raise TemplateError("a %r/%a conversion adds quotes the shell then strips")
            if "*" in (match.group("width") or "") + (match.group("precision") or ""):
                raise TemplateError("a % field with a * width is not understood")
            value, from_tuple = values.pop(0)
            spec = (
                match.group(0).replace(f"({match.group('key')})", "")
                if match.group("key") is not None
                else match.group(0)
            )
            pieces.append(
                self.placeholder(
                    value,
                    style=PERCENT,
                    spec=spec,
                    group=group,
                    percent_tuple=from_tuple,
                )
            )
        _reject_stray_percent(text[position:])
        pieces.append(text[position:])
        return [piece for piece in pieces if piece != ""]

    def percent_values(
        self, right: cst.BaseExpression, specs: list[re.Match[str]]
    ) -> list[tuple[cst.BaseExpression, bool]]:
        keys = [spec.group("key") for spec in specs]
        if any(key is not None for key in keys):
            if not all(key is not None for key in keys) or not isinstance(right, cst.Dict):
                raise TemplateError("%(name)s fields need a dict literal the tool can read")
            by_key = _dict_literal(right)
            if by_key is None or any(key not in by_key for key in keys):
                raise TemplateError("%(name)s fields need a dict literal the tool can read")
            used = [by_key[key] for key in keys if key is not None]
            _check_evaluation(used, list(by_key.values()))
            return [(value, False) for value in used]
        if isinstance(right, cst.Tuple):
            if any(isinstance(element, cst.StarredElement) for element in right.elements):
                raise TemplateError("the % values are unpacked with *")
            values = [(element.value, True) for element in right.elements]
        else:
            values = [(right, False)]
        if len(values) != len(specs):
            raise TemplateError("the % template and its values do not match")
        return values

    # ``'...'.format(...)``
    def read_format(self, node: cst.Call) -> list[Piece]:
        func = node.func
        assert isinstance(func, cst.Attribute)
        literal = func.value
        assert isinstance(literal, (cst.SimpleString, cst.ConcatenatedString))
        raw = self.read(literal)
        if any(isinstance(piece, Placeholder) for piece in raw):
            raise TemplateError("the .format() template is itself formatted")
        text = "".join(piece for piece in raw if isinstance(piece, str))
        if has_unpacking(node):
            raise TemplateError(".format() is given *args or **kwargs")
        positional = [arg.value for arg in node.args if arg.keyword is None]
        keywords = {arg.keyword.value: arg.value for arg in node.args if arg.keyword is not None}
        group = self.new_group()
        pieces: list[Piece] = []
        used: list[cst.BaseExpression] = []
        automatic = 0
        try:
            parsed = list(string.Formatter().parse(text))
        except ValueError as error:
            raise TemplateError(f"the .format() template is malformed ({error})") from None
        for literal_text, field_name, format_spec, conversion in parsed:
            pieces.append(literal_text)
            if field_name is None:
                continue
            if conversion in ("r", "a"):
                raise TemplateError("a !r/!a conversion adds quotes the shell then strips")
            if "{" in (format_spec or ""):
                raise TemplateError("a nested {} inside a format spec is not understood")
            if field_name == "":
                index: int | str = automatic
                automatic += 1
            elif field_name.isdigit():
                index = int(field_name)
            elif field_name.isidentifier():
                index = field_name
            else:
                raise TemplateError(
                    "a .format() field with attribute or index access is not understood"
                )
            try:
                value = positional[index] if isinstance(index, int) else keywords[index]
            except (IndexError, KeyError):
                raise TemplateError("a .format() field has no matching argument") from None
            spec = (f"!{conversion}" if conversion else "") + (
                f":{format_spec}" if format_spec else ""
            )
            pieces.append(self.placeholder(value, style=FORMAT, spec=spec, group=group))
            used.append(value)
        _check_evaluation(used, positional + list(keywords.values()))
        return [piece for piece in pieces if piece != ""]

    # ``f'...'``
    def read_fstring(self, node: cst.FormattedString) -> list[Piece]:
        if "b" in node.prefix.lower():
            raise TemplateError("the command is a bytes string")
        self.quote = self.quote or node.quote[0]
        group = self.new_group()
        pieces: list[Piece] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                pieces.append(_fstring_text(part.value, node.prefix, node.quote))
                continue
            assert isinstance(part, cst.FormattedStringExpression)
            if part.equal is not None:
                raise TemplateError("an f-string {x=} field is not understood")
            if part.conversion in ("r", "a"):
                raise TemplateError("a !r/!a conversion adds quotes the shell then strips")
            if part.format_spec and any(
                isinstance(p, cst.FormattedStringExpression) for p in part.format_spec
            ):
                raise TemplateError("a nested {} inside a format spec is not understood")
            spec = (f"!{part.conversion}" if part.conversion else "") + (
                ":"
                + "".join(
                    p.value for p in part.format_spec if isinstance(p, cst.FormattedStringText)
                )
                if part.format_spec
                else ""
            )
            pieces.append(
                self.placeholder(
                    part.expression,
                    style=FSTRING,
                    spec=spec,
                    group=group,
                    fstring_part=part,
                )
            )
        return [piece for piece in pieces if piece != ""]

    # ``'...' + value + '...'``
    def read_concat(self, node: cst.BinaryOperation) -> list[Piece]:
        group = self.new_group()
        pieces: list[Piece] = []
        for operand in _concat_operands(node):
            if _is_template_expression(operand):
                pieces += self.read(operand)
            else:
                # str + non-str raises, so an operand of a string concatenation is a str.
                pieces.append(
                    self.placeholder(operand, style=CONCAT, spec="", group=group, known_str=True)
                )
        if not any(isinstance(piece, str) for piece in pieces) and not any(
            isinstance(p, Placeholder) and p.style != CONCAT for p in pieces
        ):
            raise TemplateError(
                "a + concatenation without a string literal is not known to be a string"
            )
        return pieces


def read_template(node: cst.BaseExpression, is_quote_call: QuoteCall) -> Template:
    """The template of a command string expression, or TemplateError."""
    reader = _Reader(is_quote_call)
    pieces = reader.read(node)
    return Template(pieces, reader.quote or "'", reader.quote_calls)


def is_template_expression(node: cst.BaseExpression) -> bool:
    """Is ``node`` written as a string template (as opposed to a variable or a call)?"""
    return _is_template_expression(node)


def _is_template_expression(node: cst.BaseExpression) -> bool:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return True
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo):
        return isinstance(node.left, (cst.SimpleString, cst.ConcatenatedString))
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return any(_is_template_expression(operand) for operand in _concat_operands(node))
    return _is_format_call(node)


def _is_format_call(node: cst.BaseExpression) -> bool:
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "format"
        and isinstance(node.func.value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _concat_operands(node: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        yield from _concat_operands(node.left)
        yield from _concat_operands(node.right)
    else:
        yield node


def _certainly_str(node: cst.BaseExpression) -> bool:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return "b" not in getattr(node, "prefix", "").lower()
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "str":
        return True
    return _is_format_call(node)


def _check_evaluation(used: list[cst.BaseExpression], given: list[cst.BaseExpression]) -> None:
    """Refuse when the argument list would compute a value twice, never, or in another order.

    The template computes each given value once, in order; the rewrite
    computes the values of its words. Names can be read any number of times.
    """
    if [id(value) for value in used] == [id(value) for value in given]:
        return
    if not all(isinstance(value, (cst.Name, cst.SimpleString, cst.Integer)) for value in given):
        raise TemplateError(
            "the template repeats, skips or reorders values, so they would be computed differently"
        )


def _reject_stray_percent(text: str) -> None:
    if "%" in text:
        raise TemplateError("a % field in the template is not understood")


def _dict_literal(node: cst.Dict) -> dict[str, cst.BaseExpression] | None:
    found = {}
    for element in node.elements:
        if not isinstance(element, cst.DictElement) or not isinstance(
            element.key, cst.SimpleString
        ):
            return None
        key = element.key.evaluated_value
        if not isinstance(key, str):
            return None
        found[key] = element.value
    return found


def _fstring_text(source: str, prefix: str, quote: str) -> str:
    """The value of an f-string's literal part, escapes and ``{{`` resolved."""
    # The part was valid between these quotes inside the f-string, so it is here too.
    plain_prefix = prefix.lower().replace("f", "")
    value = ast.literal_eval(f"{plain_prefix}{quote}{source}{quote}")
    return value.replace("{{", "{").replace("}}", "}")


# -- splitting with shell rules ----------------------------------------------

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


def split_shell(pieces: Sequence[Piece]) -> list[Word]:
    """Words of the template as ``sh -c`` would split them (POSIX, no expansion allowed)."""
    words: list[Word] = []
    word = Word()
    quote: str | None = None
    for piece in _characters(pieces):
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
        elif piece in _SHELL_SYNTAX:
            raise TemplateError(
                f"shell syntax outside quotes: {_SHELL_SYNTAX[piece]}", piece in _GLOBS
            )
        elif piece == "#" and not word.started:
            raise TemplateError("shell syntax outside quotes: a # comment")
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
_ASSIGNMENT_PREFIX = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")


def check_program(words: Sequence[Word]) -> None:
    """Refuse commands whose first word does not name a program to run."""
    if not words:
        raise TemplateError("the command is empty")
    program = words[0].text
    if program is None:
        raise TemplateError("the program name itself is interpolated")
    if _ASSIGNMENT_PREFIX.match(program):
        raise TemplateError("a VAR=value prefix sets the environment through the shell")
    if program in SHELL_BUILTINS:
        raise TemplateError(f"{program!r} is a shell builtin or keyword, not a program")


def _characters(pieces: Iterable[Piece]) -> Iterator[Piece]:
    for piece in pieces:
        if isinstance(piece, str):
            yield from piece
        else:
            yield piece


# -- rendering a word as a Python expression ---------------------------------


def render_word(word: Word, quote: str, stringify: bool) -> cst.BaseExpression:
    """The expression for one argument.

    ``stringify``: the callee needs ``str`` arguments (subprocess does;
    processutils.execute converts for itself), so a value that is not
    certainly a string is wrapped in ``str()``, as ``%s`` would have done.
    """
    text = word.text
    if text is not None:
        return string_literal(text, quote)
    placeholders = word.placeholders
    if len(word.segments) == 1 and placeholders[0].plain:
        value = placeholders[0].value
        if placeholders[0].known_str or not stringify:
            return value
        return cst.Call(cst.Name("str"), [cst.Arg(value)])
    styles = {placeholder.style for placeholder in placeholders}
    groups = {placeholder.group for placeholder in placeholders}
    if len(styles) > 1 or (len(groups) > 1 and styles != {CONCAT}):
        raise TemplateError("one argument is built from two different templates")
    style = styles.pop()
    if style == PERCENT:
        return _percent_word(word.segments, quote)
    if style == FORMAT:
        return _format_word(word.segments, quote)
    if style == FSTRING:
        return _fstring_word(word.segments, quote)
    return _concat_word(word.segments, quote)


def _percent_word(segments: Sequence[Piece], quote: str) -> cst.BaseExpression:
    template = "".join(s.replace("%", "%%") if isinstance(s, str) else s.spec for s in segments)
    placeholders = [s for s in segments if isinstance(s, Placeholder)]
    if len(placeholders) == 1 and not placeholders[0].percent_tuple:
        values: cst.BaseExpression = _parenthesized_operand(placeholders[0].value)
    else:
        # Keep the tuple form: ``'%s' % value`` would unpack a tuple value.
        elements = [cst.Element(p.value) for p in placeholders]
        if len(elements) == 1:
            elements = [elements[0].with_changes(comma=cst.Comma())]
        values = cst.Tuple(elements)
    return cst.BinaryOperation(
        string_literal(template, quote),
        cst.Modulo(cst.SimpleWhitespace(" "), cst.SimpleWhitespace(" ")),
        values,
    )


def _format_word(segments: Sequence[Piece], quote: str) -> cst.BaseExpression:
    template = "".join(
        s.replace("{", "{{").replace("}", "}}") if isinstance(s, str) else "{" + s.spec + "}"
        for s in segments
    )
    values = [cst.Arg(s.value) for s in segments if isinstance(s, Placeholder)]
    return cst.Call(cst.Attribute(string_literal(template, quote), cst.Name("format")), values)


def _fstring_word(segments: Sequence[Piece], quote: str) -> cst.BaseExpression:
    parts: list[cst.BaseFormattedStringContent] = []
    for segment in segments:
        if isinstance(segment, str):
            text = escaped(segment, quote).replace("{", "{{").replace("}", "}}")
            parts.append(cst.FormattedStringText(text))
        else:
            assert segment.fstring_part is not None
            parts.append(segment.fstring_part)
    if any(
        quote in code_of(part) for part in parts if isinstance(part, cst.FormattedStringExpression)
    ):
        quote = '"' if quote == "'" else "'"
    return cst.FormattedString(parts, start=f"f{quote}", end=quote)


def _concat_word(segments: Sequence[Piece], quote: str) -> cst.BaseExpression:
    operands = [string_literal(s, quote) if isinstance(s, str) else s.value for s in segments]
    expression = operands[0]
    for operand in operands[1:]:
        expression = cst.BinaryOperation(
            expression,
            cst.Add(cst.SimpleWhitespace(" "), cst.SimpleWhitespace(" ")),
            _parenthesized_operand(operand),
        )
    return expression


def _parenthesized_operand(value: cst.BaseExpression) -> cst.BaseExpression:
    """Parentheses for a value that would otherwise bind differently next to ``%`` or ``+``."""
    atoms = (
        cst.Name,
        cst.Attribute,
        cst.Call,
        cst.Subscript,
        cst.SimpleString,
        cst.Integer,
        cst.Float,
        cst.Tuple,
    )
    if isinstance(value, atoms) or value.lpar:
        return value
    return value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
