"""kit/growth: edits within a line judged against the line as the run left it."""

from __future__ import annotations

from cwemod.codemods.kit.growth import LineGrowth, holds_a_comment, moves_an_aligned_bracket

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
