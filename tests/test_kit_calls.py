import libcst as cst
import pytest

from cwemod.codemods.kit.calls import (
    argument,
    filled_parameters,
    has_unpacking,
    keyword_arg,
    keyword_argument,
    positional_arg,
    positional_args,
    without_keyword,
)
from cwemod.codemods.kit.source import code_of


def call(code: str) -> cst.Call:
    node = cst.parse_expression(code)
    assert isinstance(node, cst.Call)
    return node


def value(arg: cst.Arg | None) -> str | None:
    return None if arg is None else code_of(arg.value)


@pytest.mark.parametrize(
    ("code", "index", "expected"),
    [
        ("f(a, b)", 1, "b"),
        ("f(a, b)", 2, None),
        ("f(a, *rest)", 0, "a"),
        ("f(*rest, b)", 1, None),  # the position of b is unknown
        ("f(*rest)", 0, None),
        ("f(x=1, **kw)", 0, None),  # **kwargs is not positional
    ],
)
def test_positional_arg(code, index, expected):
    assert value(positional_arg(call(code), index)) == expected


def test_positional_arg_may_be_the_unpacking_itself_when_asked():
    found = positional_arg(call("f(*cmd.split())"), 0, unpacked_ok=True)
    assert found is not None and found.star == "*"
    assert positional_arg(call("f(a, *b)"), 1, unpacked_ok=True).star == "*"


def test_positional_args_leave_out_double_star():
    assert [value(arg) for arg in positional_args(call("f(a, *b, c=1, **d)"))] == ["a", "b"]


def test_argument_prefers_the_keyword_then_the_position():
    assert value(argument(call("f('n', external=True)"), "external", 2)) == "True"
    assert value(argument(call("f('n', 'p', True)"), "external", 2)) == "True"
    assert argument(call("f('n', 'p', True)"), "external") is None  # keyword-only


def test_keyword_arg_and_unpacking():
    assert value(keyword_arg(call("f(a, shell=True)"), "shell")) == "True"
    assert keyword_arg(call("f(a)"), "shell") is None
    assert has_unpacking(call("f(**kw)")) and has_unpacking(call("f(*a)"))
    assert not has_unpacking(call("f(a, b=1)"))


def test_without_keyword_keeps_the_layout():
    original = call("run(cmd, shell=True, check=True)")
    assert code_of(original.with_changes(args=without_keyword(original.args, "shell"))) == (
        "run(cmd, check=True)"
    )
    last = call("run(cmd, shell=True)")
    assert code_of(last.with_changes(args=without_keyword(last.args, "shell"))) == "run(cmd)"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # arjun's requests: first on a continuation line, the rest of that line stays put
        ("get(url, h=h,\n    verify=False, timeout=10)", "get(url, h=h,\n    timeout=10)"),
        ("get(url,\n    verify=False,\n    timeout=10)", "get(url,\n    timeout=10)"),
        ("get(url, verify=False,\n    timeout=10)", "get(url,\n    timeout=10)"),
        ("get(url, timeout=10,\n    verify=False)", "get(url, timeout=10)"),
        ("get(\n    url,\n    verify=False\n)", "get(\n    url\n)"),
        ("get(verify=False, url=url)", "get(url=url)"),
    ],
)
def test_without_keyword_leaves_the_other_lines_alone(code, expected):
    original = call(code)
    assert code_of(original.with_changes(args=without_keyword(original.args, "verify"))) == (
        expected
    )


def test_keyword_argument_has_no_spaces_around_equals():
    new = call("f()").with_changes(args=[keyword_argument("text", cst.Name("True"))])
    assert code_of(new) == "f(text=True)"


@pytest.mark.parametrize(
    ("signature", "code", "expected"),
    [
        ("def f(a, b=1): ...", "f(x, y)", [("x", "a"), ("y", "b")]),
        ("def f(a, /, b, *, c): ...", "f(x, c=z, b=y)", [("x", "a"), ("z", "c"), ("y", "b")]),
        ("def f(a, *rest, **kw): ...", "f(x, y, d=z)", [("x", "a"), ("y", "rest"), ("z", "kw")]),
        ("def f(a, b): ...", "f(*xs, y)", [("xs", None), ("y", None)]),
        ("def f(a, b): ...", "f(x, **kw)", [("x", "a"), ("kw", None)]),
        ("def f(a): ...", "f(x, y)", [("x", "a"), ("y", None)]),
    ],
)
def test_filled_parameters(signature, code, expected):
    function = cst.parse_statement(signature)
    assert isinstance(function, cst.FunctionDef)
    filled = filled_parameters(call(code), function.params)
    assert [(code_of(arg.value), param) for arg, param in filled] == expected
