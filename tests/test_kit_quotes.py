import ast

import libcst as cst
import pytest

from cwemod.codemods.kit.quotes import DOUBLE, SINGLE, prevailing_quote, string_literal


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a = 'x'\nb = 'y'\nc = \"z\"\n", SINGLE),
        ('a = "x"\nb = f"{a}"\nc = \'z\'\n', DOUBLE),
        ('"""Docstrings do not count."""\na = \'x\'\n', SINGLE),
        ("a = 1\n", DOUBLE),
        # mlflow's: the only string holds a double quote, so it says nothing of the style
        ("a = 'the \"mlflow\" logger'\n", DOUBLE),
        ('a = f\'{x} is "on"\'\nb = "y"\n', DOUBLE),
    ],
)
def test_prevailing_quote(source, expected):
    assert prevailing_quote(cst.parse_module(source)) == expected


def test_prevailing_quote_tie_takes_the_default():
    module = cst.parse_module("a = 'x'\nb = \"y\"\n")
    assert prevailing_quote(module, default=SINGLE) == SINGLE
    assert prevailing_quote(module) == DOUBLE


@pytest.mark.parametrize(
    "text", ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "back\\slash"]
)
@pytest.mark.parametrize("quote", [SINGLE, DOUBLE])
def test_string_literal_evaluates_to_the_text(text, quote):
    literal = string_literal(text, quote)
    assert ast.literal_eval(literal.value) == text


def test_string_literal_switches_quote_to_spare_escapes():
    assert string_literal("it's", SINGLE).value == '"it\'s"'
    assert string_literal("plain", SINGLE).value == "'plain'"
