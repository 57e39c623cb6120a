import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from cwemod.codemods.kit.source import code_of, module_lines


def test_code_of_gives_the_source_of_an_expression():
    assert code_of(cst.parse_expression("f(a,  b=1)")) == "f(a,  b=1)"


def test_code_of_a_statement_uses_default_newlines():
    statement = cst.parse_statement("x = 1\n")
    assert code_of(statement) == "x = 1\n"


def test_module_lines_are_numbered_as_libcst_counts_them():
    code = 'a = 1\r\n\x0c\rb = "\u2028"  # x\x0cy\nc = 3\n'
    wrapper = MetadataWrapper(cst.parse_module(code))
    module, positions = wrapper.module, wrapper.resolve(PositionProvider)
    lines = module_lines(module)
    starts = [lines[positions[statement].start.line - 1][:1] for statement in module.body]
    assert starts == ["a", "b", "c"]
    assert lines == ["a = 1", "\x0c", 'b = "\u2028"  # x\x0cy', "c = 3", ""]
