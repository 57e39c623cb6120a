"""Reading a Python string expression as a command template.

``%`` formats (tuple, single value or dict), ``str.format``, f-strings and
``+`` concatenations become text and :class:`Placeholder` pieces; a
``shlex.quote()`` around a value is noted and dropped.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable, Iterator

import libcst as cst

from cwemod.codemods._shell_template import (
    CONCAT,
    FORMAT,
    FSTRING,
    PERCENT,
    Piece,
    Placeholder,
    Template,
    TemplateError,
)
from cwemod.codemods.kit.calls import has_unpacking

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
