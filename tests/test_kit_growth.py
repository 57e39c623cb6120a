"""kit/growth: edits within a line judged against the line as the run left it."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import CodePosition, CodeRange

from cwemod.codemods.kit.growth import LineGrowth, holds_a_comment, moves_an_aligned_bracket
from cwemod.codemods.kit.layout import continuation_lines_moved
from cwemod.codemods.kit.source import code_of

CODE = "result = first(a) + second(b)\nvalue = call(x, [1,\n                 2])\n"


def test_an_edit_counts_for_the_next_one_on_its_line():
    growth = LineGrowth(CODE, limit=40)
    assert growth.fits(1, 16, 10)  # 29 + 10 columns
    growth.grow(1, 16, 10)
    assert not growth.fits(1, 28, 10)  # 49: the first edit's 10 count
    assert growth.fits(1, 28, 1)
    assert growth.shifted(1, 28) == 38 and growth.shifted(1, 10) == 10


def test_an_edit_before_an_aligned_bracket_does_not_fit_even_when_shorter():
    growth = LineGrowth(CODE, limit=79)
    assert not growth.fits(2, 14, 3)  # ", [1," follows: line 3 is aligned under it
    assert not growth.fits(2, 14, -3)
    assert growth.fits(2, 14, 0)
    assert growth.fits(2, 19, 3)  # after the bracket: nothing aligned moves


def test_why_an_edit_does_not_fit_names_the_one_reason_that_applies():
    growth = LineGrowth(CODE, limit=30)
    assert growth.why_not(2, 14, "x=1") == "x=1 would shift an aligned continuation line"
    assert growth.why_not(1, 16, "x=1") == "x=1 would run past 30 columns"


def test_a_comment_in_the_rest_of_a_line_but_not_a_hash_in_a_string():
    assert holds_a_comment(")  # type: ignore")
    assert not holds_a_comment(", '#fragment')")


def test_a_replacement_that_ends_elsewhere_moves_what_follows():
    line = "value = call(x, [1,"
    assert moves_an_aligned_bracket(line, 8, 12, "call", "other_call")
    assert not moves_an_aligned_bracket(line, 8, 12, "call", "fold")  # same length
    assert not moves_an_aligned_bracket("value = call(x)", 8, 15, "call(x)", "call(x, y)")
    # On several lines: the same last line ends at the same column.
    assert not moves_an_aligned_bracket(line, 8, 9, "f(\n a", "g(\n a")
    assert moves_an_aligned_bracket(line, 8, 9, "f(\n a", "g(\n ab")


def _span(first: tuple[int, int], last: tuple[int, int]) -> CodeRange:
    return CodeRange(CodePosition(*first), CodePosition(*last))


def test_lines_aligned_under_a_moved_bracket_fit_moved_along_within_the_limit():
    # ``call(x, [1,\n 2])`` spans lines 2-3, its first argument at column 13
    span = _span((2, 8), (3, 20))
    assert LineGrowth(CODE, limit=79).fits_realigned(span, 13, 16)
    assert LineGrowth(CODE, limit=36).fits_realigned(span, 13, 16)
    assert not LineGrowth(CODE, limit=35).fits_realigned(span, 13, 16)  # line 3: 20 + 16
    assert not LineGrowth(CODE, limit=79).fits_realigned(span, 18, 16)  # line 3 hangs left
    growth = LineGrowth(CODE, limit=79)
    growth.grow_realigned(span, 16)
    assert growth.shifted(3, 17) == 33 and growth.shifted(2, 20) == 36


def test_a_line_below_aligned_under_a_bracket_opened_after_the_span_stays():
    code = "v = call(x,\n         y) + f(1,\n                2)\n"
    assert not LineGrowth(code, limit=79).fits_realigned(_span((1, 4), (2, 11)), 9, 3)


def test_continuation_lines_moved_counts_the_breaks_and_stops_at_a_comment():
    call = cst.parse_expression("call(x, [1,\n         2])")
    moved = continuation_lines_moved(call, 3)
    assert moved is not None and moved[1] == 1
    assert code_of(moved[0]) == "call(x, [1,\n            2])"
    assert continuation_lines_moved(cst.parse_expression("f(a,\n  # note\n  b)"), 3) is None
    string = cst.parse_expression("f('''a\nb''',\n  c)")
    assert continuation_lines_moved(string, 3)[1] == 1  # of two lines after the first
