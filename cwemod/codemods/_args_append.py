"""Appending a keyword argument to a call in the layout of its other arguments."""

from __future__ import annotations

import libcst as cst
from libcst import MetadataDependent
from libcst.metadata import CodeRange, PositionProvider

from cwemod.codemods.kit.growth import LineGrowth, holds_a_comment, opens_a_bracket


class KeywordAppender:
    """Appends keyword arguments to the calls of one module, within its line length.

    Each keyword goes in the layout of the call's arguments
    (:func:`with_keyword_appended`). One added to a line counts for the next
    call on that line (:meth:`commit` once the site is fixed), and text it
    pushes right must not hold a bracket that a continuation line is aligned
    under (:class:`LineGrowth`). With ``magic_comma`` (a project black or ruff format
    gates), a keyword on a line of its own above the closing bracket ends with a comma,
    and one joins arguments hugged between the brackets where it fits
    (:func:`hugs_its_arguments`), else they go one per line (:func:`arguments_one_per_line`).
    Without room on the last argument's line, a keyword goes below the arguments, on a line
    of its own, where they hang (:meth:`_below_hanging_arguments`) or are aligned under the
    first (:meth:`_below_aligned_arguments`).
    """

    def __init__(
        self, codemod: MetadataDependent, growth: LineGrowth, magic_comma: bool = False
    ) -> None:
        self._codemod = codemod
        self._growth = growth
        self._magic_comma = magic_comma

    def with_keyword(self, original: cst.Call, updated: cst.Call, new: cst.Arg) -> cst.Call | None:
        """``updated`` with ``new`` appended; None when it would not fit."""
        new = _spaced_like_the_others(original, new)
        self._growth.hold(None)
        added = len(_EMPTY.code_for_node(new))
        beside = self._beside_the_last(original, updated, new, added)
        if beside is not None:
            return beside
        on_its_line = self._on_a_line(original, added)
        if on_its_line is not None:
            if not self._growth.fits(*on_its_line):
                if self._magic_comma and hugs_its_arguments(original):
                    return self._one_per_line(original, updated, new)
                below = self._below_hanging_arguments(original, updated, new, added)
                if below is not None:
                    return below
                # metabase-api's 98-column requests.get(...): past the limit already, the line
                # may grow (flake8 reports it once either way)
                if not self._growth.fits_or_was_long(*on_its_line):
                    return self._below_aligned_arguments(original, updated, new, added)
            self._growth.hold(on_its_line)
        elif not self._fits_a_line_of_its_own(original, added):
            return None
        return with_keyword_appended(updated, new, self._magic_comma)

    def commit(self) -> None:
        self._growth.commit()

    def refusal(self, call: cst.Call, text: str) -> str:
        """Why :meth:`with_keyword` left ``call`` without ``text`` (:meth:`LineGrowth.why_not`
        after its last argument)."""
        return self._growth.why_not(*self._after_the_last(call), text)

    def _beside_the_last(
        self, original: cst.Call, updated: cst.Call, new: cst.Arg, added: int
    ) -> cst.Call | None:
        """Under black or ruff format, a lone argument hugged between the brackets
        (:func:`hugs_its_arguments`) with the new one beside it, where that fits; None
        elsewhere (without room, the formatters write one per line, with the magic comma)."""
        if not (
            self._magic_comma
            and new_argument_on_own_line(original)
            and hugs_its_arguments(original)
        ):
            return None
        end = self._position(original.args[-1].value).end
        if not self._growth.fits(end.line, end.column, len(", ") + added):
            return None
        self._growth.hold((end.line, end.column, len(", ") + added))
        return with_keyword_appended(updated, new, beside=True)

    def _one_per_line(self, original: cst.Call, updated: cst.Call, new: cst.Arg) -> cst.Call | None:
        """Under black or ruff format, sewer's ``requests.patch(\n    url, data=d, headers=h\n)``
        with no room left on the arguments' line (or past the length already): one per line
        with the magic comma (:func:`arguments_one_per_line`); nothing more goes on that line
        in this run."""
        first = self._position(original.args[0]).start
        exploded = arguments_one_per_line(updated, new, first.column, self._growth.limit)
        if exploded is not None:
            self._growth.hold((first.line, first.column, self._growth.limit))
        return exploded

    def _on_a_line(self, call: cst.Call, added: int) -> tuple[int, int, int] | None:
        """(line, column, characters) where ``added`` characters go into a line of ``call``.

        None when the new argument gets a line of its own.
        """
        if not call.args:
            return *self._after_the_last(call), added
        if new_argument_on_own_line(call):
            return None
        return *self._after_the_last(call), len(", ") + added

    def _after_the_last(self, call: cst.Call) -> tuple[int, int]:
        """(line, column) just after the last argument, or before the bracket of a call
        without any."""
        if not call.args:
            end = self._position(call).end  # just after ")"
            return end.line, end.column - 1
        end = self._position(call.args[-1].value).end
        return end.line, end.column

    def _below_hanging_arguments(
        self, original: cst.Call, updated: cst.Call, new: cst.Arg, added: int
    ) -> cst.Call | None:
        """radicale's ``requests.post(\n    url, data=d, headers=h\n)`` with no room left
        on the arguments' line: the new one on a line of its own below them, indented alike,
        the bracket staying below. None for any other layout, or no room there either."""
        opening = original.whitespace_before_args
        last = original.args[-1]
        if not (
            isinstance(opening, cst.ParenthesizedWhitespace)
            and isinstance(last.whitespace_after_arg, cst.ParenthesizedWhitespace)
            and last.comma is cst.MaybeSentinel.DEFAULT
        ):
            return None
        end = self._position(last.value).end
        if self._growth.grown(end.line) or not self._growth.fits(end.line, end.column, 1):
            return None
        if self._position(original.args[0]).start.column + added > self._growth.limit:
            return None
        self._growth.hold((end.line, end.column, 1))  # the comma; the keyword's line is new
        args = list(updated.args)
        closing = args[-1].whitespace_after_arg
        args[-1] = args[-1].with_changes(
            comma=cst.Comma(whitespace_after=_line_break(cst.SimpleWhitespace(""), opening)),
            whitespace_after_arg=cst.SimpleWhitespace(""),
        )
        args.append(new.with_changes(whitespace_after_arg=closing))
        return updated.with_changes(args=args)

    def _below_aligned_arguments(
        self, original: cst.Call, updated: cst.Call, new: cst.Arg, added: int
    ) -> cst.Call | None:
        """python-freezerclient's ``requests.get(url, headers=h,\n                 params=q)``
        with no room left on the last line, or its ``requests.get(url, headers=h)`` on one
        line (not under black or ruff format: they would hang the arguments): the new one on
        a line of its own aligned under the first (pycodestyle's visual indent), the bracket
        and the rest of the line moving with it. None for any other layout, where that rest
        opens a bracket or holds a comment (a ``# type: ignore`` speaks for its line), the
        line is indented with tabs, or there is no room either."""
        if not original.args or not self._visually_aligned(original):
            return None
        last = original.args[-1]
        if last.comma is not cst.MaybeSentinel.DEFAULT or isinstance(
            last.whitespace_after_arg, cst.ParenthesizedWhitespace
        ):
            return None
        first = self._position(original.args[0]).start
        end = self._position(last.value).end
        if (self._magic_comma and first.line == end.line) or any(
            self._growth.grown(line) for line in (first.line, end.line)
        ):
            return None
        rest = self._growth.lines[end.line - 1][end.column :].rstrip("\r")
        indent = self._growth.lines[first.line - 1][: first.column]
        if opens_a_bracket(rest) or holds_a_comment(rest) or "\t" in indent:
            return None  # spaces after tabs would be pycodestyle's E101
        if max(end.column + len(","), first.column + added + len(rest)) > self._growth.limit:
            return None
        self._growth.hold((end.line, end.column, self._growth.limit))  # nothing more there
        return _on_a_line_below(updated, new, " " * first.column)

    def _visually_aligned(self, call: cst.Call) -> bool:
        """Does the first argument follow the opening bracket, and every argument that starts
        a line stand in its column (pycodestyle's visual indent)? A call on one line does."""
        if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
            return False
        column = self._position(call.args[0]).start.column
        return all(
            self._position(arg).start.column == column
            for before, arg in zip(call.args, call.args[1:])
            if isinstance(before.comma, cst.Comma)
            and isinstance(before.comma.whitespace_after, cst.ParenthesizedWhitespace)
        )

    def _fits_a_line_of_its_own(self, call: cst.Call, added: int) -> bool:
        last = self._position(call.args[-1].value)
        if isinstance(call.args[-1].comma, cst.Comma):
            return last.start.column + added + len(",") <= self._growth.limit
        # The rest of the last argument's line (a closing bracket...) moves behind the new one.
        rest = self._growth.lines[last.end.line - 1][last.end.column :].rstrip("\r")
        comma = len(",") if self._magic_comma else 0
        fits = last.start.column + added + comma + len(rest) <= self._growth.limit
        return fits and not opens_a_bracket(rest)

    def _position(self, node: cst.CSTNode) -> CodeRange:
        return self._codemod.get_metadata(PositionProvider, node)


_EMPTY = cst.Module([])


def new_argument_on_own_line(call: cst.Call) -> bool:
    """Does the last argument start a line of its own (so the new one does too)?"""
    return isinstance(_whitespace_before_last(call), cst.ParenthesizedWhitespace)


def hugs_its_arguments(call: cst.Call) -> bool:
    """Do the call's arguments stand on one line of their own between its brackets, with no
    trailing comma or comment (black's and ruff format's hugged ``f(\n    a, b\n)``)? Those
    formatters write a keyword appended there on that line where it fits (apprise's
    ``hashlib.sha1(\n    os.path.abspath(pub_path).encode("utf-8")\n).hexdigest()``)."""
    if not call.args or not isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return False
    last = call.args[-1]
    closing = last.whitespace_after_arg
    if not isinstance(closing, cst.ParenthesizedWhitespace) or isinstance(last.comma, cst.Comma):
        return False
    if closing.first_line.comment is not None or closing.empty_lines:
        return False
    body = [*call.args[:-1], last.with_changes(whitespace_after_arg=cst.SimpleWhitespace(""))]
    return not any("\n" in _EMPTY.code_for_node(arg) for arg in body)


def arguments_one_per_line(
    call: cst.Call, new: cst.Arg, column: int, limit: int
) -> cst.Call | None:
    """``call``, whose arguments are hugged between its brackets (:func:`hugs_its_arguments`),
    with ``new`` appended as black and ruff format write arguments that do not fit one line:
    each on a line of its own at ``column`` and ending with a comma, the magic one after
    ``new``. None where an argument would not fit its line either: those formatters would
    break it too."""
    opening = call.whitespace_before_args
    closing = call.args[-1].whitespace_after_arg
    if not isinstance(opening, cst.ParenthesizedWhitespace):
        return None
    args = [arg.with_changes(whitespace_after_arg=cst.SimpleWhitespace("")) for arg in call.args]
    texts = [
        _EMPTY.code_for_node(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT)) for arg in args
    ]
    texts.append(_EMPTY.code_for_node(new.with_changes(comma=cst.MaybeSentinel.DEFAULT)))
    if any(column + len(text) + len(",") > limit for text in texts):
        return None
    after = _line_break(cst.SimpleWhitespace(""), opening)
    args = [arg.with_changes(comma=cst.Comma(whitespace_after=after)) for arg in args]
    last = new.with_changes(comma=cst.Comma(whitespace_after=closing))
    return call.with_changes(args=[*args, last])


def _whitespace_before_last(call: cst.Call) -> cst.BaseParenthesizableWhitespace:
    if len(call.args) == 1:
        return call.whitespace_before_args
    comma = call.args[-2].comma
    return comma.whitespace_after if isinstance(comma, cst.Comma) else cst.SimpleWhitespace("")


def _line_break(
    like: cst.BaseParenthesizableWhitespace,
    indent_like: cst.ParenthesizedWhitespace,
) -> cst.ParenthesizedWhitespace:
    """A line break indented as ``indent_like``, keeping the comment and blank lines of ``like``."""
    if isinstance(like, cst.ParenthesizedWhitespace):
        first_line, empty_lines = like.first_line, like.empty_lines
    else:
        first_line, empty_lines = cst.TrailingWhitespace(), ()
    return cst.ParenthesizedWhitespace(
        first_line=first_line,
        empty_lines=empty_lines,
        indent=indent_like.indent,
        last_line=indent_like.last_line,
    )


def _on_a_line_below(call: cst.Call, new: cst.Arg, indent: str) -> cst.Call:
    """``call`` with ``new`` appended on a line of its own starting with ``indent`` (whatever
    the block's), the closing bracket following it."""
    last = call.args[-1]
    below = cst.ParenthesizedWhitespace(indent=False, last_line=cst.SimpleWhitespace(indent))
    return call.with_changes(
        args=[
            *call.args[:-1],
            last.with_changes(
                comma=cst.Comma(whitespace_after=below),
                whitespace_after_arg=cst.SimpleWhitespace(""),
            ),
            new.with_changes(whitespace_after_arg=last.whitespace_after_arg),
        ]
    )


def _bare(whitespace: cst.BaseParenthesizableWhitespace) -> cst.BaseParenthesizableWhitespace:
    """``whitespace`` without its comment and blank lines: they stay with the old argument."""
    if not isinstance(whitespace, cst.ParenthesizedWhitespace):
        return whitespace
    return whitespace.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=())


def with_keyword_appended(
    call: cst.Call, new: cst.Arg, magic_comma: bool = False, beside: bool = False
) -> cst.Call:
    """``call`` with ``new`` as its last argument, in the layout of the arguments before it.

    When the last argument starts a line of its own, the new one gets its own
    line, indented alike (but ``beside`` it: :func:`hugs_its_arguments`);
    otherwise it follows the last argument on its line.
    A comment after the last argument stays with it. With ``magic_comma``, a new
    argument on its own line above the closing bracket's ends with a comma, as
    black and ruff format write it (mlem's ``requests.get(\n    url\n)``).
    """
    args = list(call.args)
    if not args:
        return call.with_changes(args=[new])
    last = args[-1]
    before_last = _whitespace_before_last(call)
    if isinstance(before_last, cst.ParenthesizedWhitespace) and not beside:
        if isinstance(last.comma, cst.Comma):
            after = last.comma.whitespace_after
            args[-1] = last.with_changes(
                comma=last.comma.with_changes(whitespace_after=_line_break(after, before_last))
            )
            args.append(
                new.with_changes(comma=last.comma.with_changes(whitespace_after=_bare(after)))
            )
        else:
            after = last.whitespace_after_arg
            args[-1] = last.with_changes(
                comma=cst.Comma(whitespace_after=_line_break(after, before_last)),
                whitespace_after_arg=cst.SimpleWhitespace(""),
            )
            args.append(_before_the_bracket(new, _bare(after), magic_comma))
        return call.with_changes(args=args)
    if isinstance(last.comma, cst.Comma):
        args[-1] = last.with_changes(
            comma=last.comma.with_changes(whitespace_after=cst.SimpleWhitespace(" "))
        )
        args.append(new.with_changes(comma=last.comma))
        return call.with_changes(args=args)
    args[-1] = last.with_changes(
        comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
        whitespace_after_arg=cst.SimpleWhitespace(""),
    )
    args.append(new.with_changes(whitespace_after_arg=last.whitespace_after_arg))
    return call.with_changes(args=args)


def _before_the_bracket(
    new: cst.Arg, closing: cst.BaseParenthesizableWhitespace, magic_comma: bool
) -> cst.Arg:
    """``new`` as the last argument, ``closing`` before the bracket: with a comma where the
    bracket stands on a line of its own below it and the project's formatter writes one."""
    if magic_comma and isinstance(closing, cst.ParenthesizedWhitespace):
        return new.with_changes(comma=cst.Comma(whitespace_after=closing))
    return new.with_changes(whitespace_after_arg=closing)


def _spaced_like_the_others(call: cst.Call, new: cst.Arg) -> cst.Arg:
    """``new`` with its ``=`` spaced as the call's other keywords are (mkdocs-material writes
    ``allow_redirects = False``)."""
    given = [arg.equal for arg in call.args if arg.keyword is not None]
    if not given or not isinstance(given[0], cst.AssignEqual) or new.keyword is None:
        return new
    return new.with_changes(equal=given[0])
