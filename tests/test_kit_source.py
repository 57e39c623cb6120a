import libcst as cst

from cwemod.codemods.kit.source import code_of


def test_code_of_gives_the_source_of_an_expression():
    assert code_of(cst.parse_expression("f(a,  b=1)")) == "f(a,  b=1)"


def test_code_of_a_statement_uses_default_newlines():
    statement = cst.parse_statement("x = 1\n")
    assert code_of(statement) == "x = 1\n"
