from cwemod.codemods.kit.reasons import one_line
from cwemod.codemods.records import Refusal, RefusalKind


def test_a_long_call_quoted_across_lines_shows_as_its_callee():
    """openstacksdk's Node.create(): the whole super().create(...) call was in the reason."""
    text = "what super().create(\n    session,\n    prepend_key=prepend_key,\n    **params,\n) did"
    assert one_line(text) == "what super().create(...) did"


def test_a_short_group_is_collapsed_without_inner_spaces_or_trailing_comma():
    assert one_line("x f(\n  a,\n  g(\n    b,\n  ),\n) y") == "x f(a, g(b)) y"


def test_one_line_text_is_left_as_it_is():
    assert one_line("f(  a ) and  b") == "f(  a ) and  b"


def test_unbalanced_brackets_still_give_one_line():
    assert one_line("a (b\n  c") == "a (b c"


def test_a_record_holds_its_reason_on_one_line():
    refusal = Refusal("x", 1, RefusalKind.ADVICE_ONLY, "y = f(\n    1,\n)\n")
    assert refusal.reason == "y = f(1)"
